/**
 * Placeholders: the unfilled fields of a template or draft — x, xx, xxx, X, XX, ××, ＸＸ, **, ＊＊,
 * ____ (two or more underscores), 20__, 20xx, 20XX. Each becomes a figure with `value: null` and
 * `original` = the token, referenced inline where the token stood, so the figure table lists every
 * gap the writer still has to fill.
 *
 * Not placeholders: x inside Latin words and addresses ("Excel", "xxx.com", "x64"), a lone x
 * between spaces ("3 x 4"), "X光", a single × (multiplication), a single * (footnote), and lines made
 * only of such characters ("******", "______" as separators).
 *
 * One figure per meaning, named in words a writer would use (see nameFor): every year blank (20xx,
 * 20__, xx年) is ONE figure "年度"; "XX镇" everywhere is one "镇名称"; the same count ("召开xx次会议"
 * → 会议次数, "培训xx人次" → 培训人次, "发放xx份宣传资料" → 宣传资料份数) is one figure wherever it
 * recurs. Names are never a fragment of the sentence: without a unit, a place word or a form label
 * the blank is "待填N" — one per token and the words right after it, so "保持xxx员…" thrice is one.
 * Months, days and names of people (月份, 日期, 姓名) are separate figures each ("月份2").
 */
import type { Figure, Inline } from '../document/model'
import { isCjk, isHan } from '../text'
import { isAsciiAlnum } from './chars'

const TOKEN = /20(?:[xX]{2}|[Ｘｘ]{2}|×{2}|_+|＿+)|[xX]+|[Ｘｘ]+|×{2,}|\*{2,}|＊{2,}|_+|＿+/g

/** A line made only of filler characters is a separator, not a form. */
const FILLER_ONLY = /^[\s\u3000xX×*＊_＿\-—=~·.。]*$/

export type PlaceholderKind = 'year' | 'field'

export interface PlaceholderSpan {
  start: number
  end: number
  token: string
  kind: PlaceholderKind
}

const code = (s: string, i: number) => (i >= 0 && i < s.length ? s.charCodeAt(i) : -1)
const ADDRESS_BEFORE = new Set([...'./@_-:\\'])
const ADDRESS_AFTER = new Set([...'.@/_'])

function accept(text: string, start: number, end: number, token: string): PlaceholderKind | null {
  const before = code(text, start - 1)
  const after = code(text, end)
  const beforeCh = text[start - 1] ?? ''
  const afterCh = text[end] ?? ''
  const first = token[0]!
  if (first === '2') {
    return isAsciiAlnum(before) || isAsciiAlnum(after) ? null : 'year'
  }
  if (first === 'x' || first === 'X') {
    if (token.length > 6 || isAsciiAlnum(before) || isAsciiAlnum(after)) return null
    if (ADDRESS_BEFORE.has(beforeCh)) return null
    if (ADDRESS_AFTER.has(afterCh) && isAsciiAlnum(code(text, end + 1))) return null
    if (!isCjk(before) && !isCjk(after)) return null
    if (token.length === 1 && /[光线線射]/.test(afterCh)) return null
    return 'field'
  }
  if (first === 'Ｘ' || first === 'ｘ') return token.length <= 6 ? 'field' : null
  if (first === '_') {
    if (isAsciiAlnum(before) || isAsciiAlnum(after)) return null
    if (token.length === 1 && !isCjk(before) && !isCjk(after)) return null
    return 'field'
  }
  return 'field' // ××  **  ＊＊  ＿＿
}

/** Find the placeholder tokens in a piece of text, left to right. */
export function findPlaceholders(text: string): PlaceholderSpan[] {
  if (FILLER_ONLY.test(text)) return []
  const spans: PlaceholderSpan[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const kind = accept(text, m.index, m.index + m[0].length, m[0])
    if (kind) spans.push({ start: m.index, end: m.index + m[0].length, token: m[0], kind })
  }
  return spans
}

/** Units after a count, longest first, and the word a writer puts after a noun to name the count. */
const UNIT_NAMES: readonly [string, string][] = [
  ['人次', '人次'], ['万元', '金额'], ['亿元', '金额'], ['元', '金额'], ['平方米', '面积'], ['平方', '面积'], ['公里', '长度'], ['千米', '长度'],
  ['次', '次数'], ['场', '场次'], ['期', '期数'], ['份', '份数'], ['个', '个数'], ['個', '個數'], ['项', '项数'], ['項', '項數'], ['件', '件数'],
  ['条', '条数'], ['條', '條數'], ['名', '人数'], ['位', '人数'], ['人', '人数'], ['户', '户数'], ['戶', '戶數'], ['家', '家数'], ['所', '所数'],
  ['处', '处数'], ['處', '處數'], ['篇', '篇数'], ['批', '批次'], ['支', '支数'], ['套', '套数'], ['台', '台数'], ['辆', '辆数'], ['座', '座数'],
  ['块', '块数'], ['张', '张数'], ['本', '册数'], ['册', '册数'], ['间', '间数'], ['栋', '栋数'], ['起', '起数'], ['亩', '面积'], ['米', '长度'],
  ['吨', '重量'], ['天', '天数'], ['%', '比例'], ['％', '比例'],
]
/** Measure words a noun follows ("召开xx次会议", "发放xx份宣传资料"); 人, 户, 元 … do not take one. */
const NOUN_AFTER = new Set(['次', '场', '期', '份', '个', '個', '项', '項', '件', '条', '條', '名', '位', '家', '所', '处', '處', '篇', '批', '支', '套', '台', '辆', '座', '块', '张', '本', '册', '间', '栋', '起'])
const QUALIFIER = new Set([...'余餘多'])
const PLACE = /^(?:小区|小區|社区|社區|街道|学校|學校|小学|小學|中学|中學|幼儿园|幼兒園|公司|单位|單位|部门|部門|医院|醫院|市|省|县|縣|区|區|镇|鎮|乡|鄉|村|宅|庄|莊|屯|寨|湾|灣|巷|街|路|里|苑|园|園|港|桥|橋)/
/** Words that end a count's subject and are not part of its name ("参与老人达xx人"). */
const FUNCTION_TAIL = /(?:达到|達到|共计|共計|累计|累計|合计|合計|总计|總計|超过|超過|共有|达|達|约|約|近|共|计|計|逾|为|為|是|了|有|各|每|等)$/
/** Verbs that open a count's subject: the noun is what follows them ("召开理事会议" → 理事会议). */
const VERB = /(?:召开|召開|组织|組織|开展|開展|举办|舉辦|发放|發放|投入|培训|培訓|走访|走訪|慰问|慰問|参与|參與|参加|參加|完成|建成|新建|改造|发展|發展|受理|办结|辦結|调解|調解|排查|整改|检查|檢查|宣传|宣傳|服务|服務|帮扶|幫扶|救助|接待|处理|處理|化解|签订|簽訂|收集|发布|發佈|推送|张贴|張貼|悬挂|懸掛|设置|設置|配备|配備|招募|注册|註冊|表彰|评选|評選|资助|資助|筹集|籌集|拨付|撥付|争取|爭取|引进|引進|种植|種植|清理|清运|清運|拆除|整治|安装|安裝|铺设|鋪設|修建|维修|維修|新增|印发|印發|编印|編印|出动|出動|覆盖|覆蓋|惠及|带动|帶動|吸纳|吸納|安置|培养|培養|发展|录入|錄入|上报|上報|拿出|支出|下拨|下撥|划分|劃分|成立|组建|組建|建立|设立|設立|开设|開設|创建|創建|聘请|聘請|选派|選派|培育|打造|筹措|籌措|募集|捐赠|捐贈|捐款|节约|節約|减少|減少|增加|实现|實現|达成|達成|销售|銷售|带来|帶來)/
const MONEY_NOUN = /(?:金|款|费|費|资金|資金|经费|經費|收入|投资|投資|产值|產值|额|額|税|稅)$/
/** Money nouns after the unit: "拿出xx元资金" → 拿出资金. */
const MONEY_START = /^(?:资金|資金|经费|經費|奖金|獎金|补助|補助|补贴|補貼|专款|專款|善款|款)/
const PERSON_SUFFIXES = new Set(['人次', '人数', '户数', '戶數'])

/** Collects the unfilled figures of one document and turns text into inlines that reference them. */
export class PlaceholderCollector {
  readonly figures: Figure[] = []
  /** figure id by name for names that mean one value ("年度", "镇名称", "会议次数"), or by token and the words after it */
  private readonly byKey = new Map<string, string>()
  private readonly used = new Map<string, number>()
  private unnamed = 0

  /** Text → inlines; each placeholder becomes a figure reference (the same figure for the same meaning). */
  toInlines(text: string): Inline[] {
    const spans = findPlaceholders(text)
    if (spans.length === 0) return text ? [{ type: 'text', text }] : []
    const out: Inline[] = []
    let at = 0
    let prev: PlaceholderSpan | null = null
    for (const span of spans) {
      if (span.start > at) out.push({ type: 'text', text: text.slice(at, span.start) })
      out.push({ type: 'figure', figureId: this.figureFor(text, span, prev) })
      at = span.end
      prev = span
    }
    if (at < text.length) out.push({ type: 'text', text: text.slice(at) })
    return out
  }

  private figureFor(text: string, span: PlaceholderSpan, prev: PlaceholderSpan | null): string {
    const named = nameFor(text, span, prev)
    // a blank the words say nothing about is still the same blank before the same words ("保持xxx员先进性…")
    const key = named ? (named.shared ? named.name : null) : `\u0000${span.token}\u0000${text.slice(span.end, span.end + 3)}`
    if (key !== null && this.byKey.has(key)) return this.byKey.get(key)!
    const id = `f${this.figures.length + 1}`
    const name = named ? this.unique(named.name) : `待填${++this.unnamed}`
    this.figures.push({ id, name, value: null, original: span.token })
    if (key !== null) this.byKey.set(key, id)
    return id
  }

  private unique(name: string): string {
    const n = (this.used.get(name) ?? 0) + 1
    this.used.set(name, n)
    return n === 1 ? name : `${name}${n}`
  }
}

function hanRunBefore(text: string, end: number, max: number): string {
  let from = end
  while (from > 0 && end - from < max && isHan(text.charCodeAt(from - 1))) from--
  return text.slice(from, end)
}

function hanRunAfter(text: string, from: number, max: number): string {
  let end = from
  while (end < text.length && end - from < max && isHan(text.charCodeAt(end))) end++
  return text.slice(from, end)
}

/** The unit after a token (past 余/多), with the word that names its count. */
function unitAfter(text: string, end: number): { unit: string; suffix: string; end: number } | null {
  let at = end
  if (QUALIFIER.has(text[at] ?? '')) at++
  for (const [unit, suffix] of UNIT_NAMES) if (text.startsWith(unit, at)) return { unit, suffix, end: at + unit.length }
  return null
}

/** The subject of a count, split at its verb: "全年召开理事会议" → { verb: 召开, noun: 理事会议 }. */
function subjectBefore(text: string, start: number): { verb: string; noun: string } {
  let run = hanRunBefore(text, start, 8).replace(FUNCTION_TAIL, '')
  run = run.replace(FUNCTION_TAIL, '')
  const m = VERB.exec(run)
  if (!m) return { verb: '', noun: run.length > 4 ? run.slice(-4) : run }
  return { verb: m[0], noun: run.slice(m.index + m[0].length) }
}

/**
 * A name a writer would give the blank, from the words around it, and whether every blank so named
 * is the same value; null when the words say nothing (the caller falls back to 待填N).
 *   20xx, 20__, xx年                     → 年度 (one per document; the end of a range "20xx-20xx" → 截止年度)
 *   x月 / x日                            → 月份 / 日期
 *   XX镇, ____社区, ____宅                → 镇名称, 社区名称, 宅名称 (one per document)
 *   **同志                               → 姓名
 *   召开xx次会议, 发放xx份宣传资料         → 会议次数, 宣传资料份数 (the noun after the measure word)
 *   培训xx人次, 全年召开理事会议x次, 走访慰问××户 → 培训人次, 理事会议次数, 走访慰问户数
 *   发放慰问金____元, 投入____万元         → 慰问金, 投入金额
 *   撰写人：____                          → 撰写人
 * Count names are shared too: "培训xx人次" twice is one figure.
 */
function nameFor(text: string, span: PlaceholderSpan, prev: PlaceholderSpan | null): { name: string; shared: boolean } | null {
  const next = text[span.end] ?? ''
  const unit = unitAfter(text, span.end)
  if ((span.kind === 'year' && !unit) || next === '年') {
    const rangeEnd = prev !== null && prev.kind === 'year' && /^[-—–－~～至到]$/.test(text.slice(prev.end, span.start))
    return { name: rangeEnd ? '截止年度' : '年度', shared: true }
  }
  if (next === '月') return { name: '月份', shared: false }
  if (next === '日' || next === '号' || next === '號') return { name: '日期', shared: false }
  const place = PLACE.exec(text.slice(span.end, span.end + 4))
  if (place) return { name: `${place[0]}名称`, shared: true }
  if (text.startsWith('同志', span.end)) return { name: '姓名', shared: false }
  if (unit) {
    const after = NOUN_AFTER.has(unit.unit) ? hanRunAfter(text, unit.end, 6).replace(/[的和与及等]$/, '') : ''
    const money = unit.suffix === '金额' ? MONEY_START.exec(text.slice(unit.end, unit.end + 4)) : null
    if (money) return { name: subjectBefore(text, span.start).verb + money[0], shared: true }
    if (after.length >= 2 && !/^[的了着过是在为和与及等]/.test(after)) return { name: after + unit.suffix, shared: true }
    const { verb, noun } = subjectBefore(text, span.start)
    if (unit.suffix === '金额') {
      if (noun && MONEY_NOUN.test(noun)) return { name: /^(?:资金|資金|经费|經費)$/.test(noun) ? verb + noun : noun, shared: true }
      return verb ? { name: verb + '金额', shared: true } : null
    }
    if (unit.suffix === '比例' && /[率比]$/.test(noun)) return { name: noun, shared: true }
    const subject = PERSON_SUFFIXES.has(unit.suffix) || !noun ? verb + noun : noun
    return subject.length >= 2 ? { name: subject + unit.suffix, shared: true } : null
  }
  // a form field: "撰写人：____"
  if (text[span.start - 1] === '：' || text[span.start - 1] === ':') {
    const label = hanRunBefore(text, span.start - 1, 6)
    if (label.length >= 2) return { name: label, shared: false }
  }
  return null
}
