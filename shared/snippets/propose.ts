/**
 * 存为素材: what DraftDesk proposes when the writer saves a selection — a title, a category, and
 * which numbers could become fields (召开专题会议3次 → 召开专题会议{{专题会议次数}}次).
 */
import type { TextInline } from '../document/model'
import { DEFAULT_CATEGORIES } from './model'
import type { SnippetInline } from './model'
import { normalizeInlines } from './fields'

const LEAD_IN = /^(?:[一二三四五六七八九十]+[、是]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、．]|（\d+）|\(\d+\)|第[一二三四五六七八九十]+[，,、]|其[一二三四五六七八九十][，,、]|(?:同时|此外|另外|首先|其次|最后|总之|为此|因此|对此|另一方面|一方面)[，,])\s*/

/** A short title from the selected text: its first clause, lead-ins and numbering taken off. */
export function proposeTitle(text: string, max = 16): string {
  let t = text.replace(/\{\{[^{}\n]*\}\}/g, '').replace(/\s+/g, '').trim()
  for (let i = 0; i < 3; i++) t = t.replace(LEAD_IN, '')
  const clauses = t.split(/[，。；：！？,;:!?]/).filter((c) => c.length > 0)
  let title = clauses[0] ?? ''
  // a clause too short to say anything takes the next one along
  if (title.length < 4 && clauses[1]) title = `${title}，${clauses[1]}`
  title = title.replace(/[“”"'‘’《》（）()【】]/g, '')
  if (title.length <= max) return title
  // too long: end before a conjunction or preposition when one falls late enough, else cut
  const head = title.slice(0, max + 1)
  let cut = -1
  for (const m of head.matchAll(/[并和及与以把对在、]/g)) if (m.index >= 6 && m.index <= max) cut = m.index
  return title.slice(0, cut > 0 ? cut : max)
}

type CategoryName = (typeof DEFAULT_CATEGORIES)[number]

/** Words that point to a category, with weights (our own list of stock phrasing). */
const CUES: Record<CategoryName, [RegExp, number][]> = {
  开头: [[/总结如下|报告如下|汇报如下/, 6], [/现将/, 3], [/今年以来|一年来|年以来|上半年以来|回顾/, 2], [/在.{1,12}(?:领导|指导)下/, 2], [/紧紧围绕|坚持以/, 1]],
  领导重视: [[/高度重视/, 4], [/领导小组|工作专班|组长|副组长/, 4], [/主要领导|分管领导|亲自/, 2], [/专题会议|党组会|常委会|研究部署/, 2], [/责任制|责任清单|纳入.{0,6}考核/, 2]],
  宣传发动: [[/宣传/, 3], [/横幅|标语|宣传单|宣传栏|展板|公众号|广播|电子屏|倡议书|明白纸/, 3], [/氛围|知晓率|家喻户晓|深入人心/, 2], [/发放|张贴|悬挂|讲座/, 1]],
  工作措施: [[/开展|建立|完善|落实|推进|实行|制定|排查|整治|机制|台账|督查|检查/, 1]],
  工作成效: [[/成效|成绩|成果/, 3], [/显著|明显|有效提升|大幅/, 2], [/提升|提高|增长|同比|达到|荣获|获评|满意度/, 1]],
  存在问题: [[/存在的问题|不足之处|短板|薄弱环节/, 5], [/存在|不足|差距|有待|不够|不到位|欠缺|滞后|不平衡/, 2], [/问题/, 1]],
  下步打算: [[/下一步|下步|明年|来年|新的一年里|今后/, 4], [/将继续|继续|进一步|力争|计划|打算|着力/, 2]],
  结尾: [[/特此报告|特此总结/, 6], [/总之|总而言之/, 3], [/再接再厉|奋发有为|贡献力量|新的更大|更大贡献|新篇章/, 3]],
}

/** The category whose cues the text matches best, and how strongly (0 when nothing stands out). */
export function categoryScore(text: string): { category: CategoryName; score: number } {
  let best: CategoryName = '工作措施'
  let bestScore = 1
  for (const name of DEFAULT_CATEGORIES) {
    const score = CUES[name].reduce((sum, [re, w]) => sum + (re.test(text) ? w : 0), 0)
    if (score > bestScore) {
      best = name
      bestScore = score
    }
  }
  return { category: best, score: bestScore > 1 ? bestScore : 0 }
}

/** The category whose cues the text matches best; 工作措施 when nothing stands out. */
export function proposeCategory(text: string): CategoryName {
  return categoryScore(text).category
}

/** A number in the text that could become a field. Offsets are UTF-16 into the joined text. */
export interface NumberProposal {
  start: number
  end: number
  /** the digits as written: "560.49" */
  text: string
  /** what follows it: "次", "万元", "%" */
  unit: string
  name: string
  /** proposed checked: counts and amounts yes, dates and small ordinals no */
  suggested: boolean
}

const UNIT = /^(余|多)?(万人次|人次|万元|亿元|千元|元|万人|人|名|次|场|期|个|项|份|户|家|所|条|处|篇|件|台|辆|张|册|本|幅|块|套|批|支|座|间|平方米|亩|公顷|公里|千米|米|吨|小时|天|周|年度|年|月|日|%|％)/
const VERBS = /^(?:共计|累计|全年|全镇|全县|全区|全市|全乡|各类|各项|各种|各级|所有|全部|相关|有关|共|计|召开|开展|组织|举办|举行|发放|张贴|悬挂|投入|完成|实现|达到|培训|覆盖|受益|新增|排查|整改|走访|慰问|帮扶|出动|收集|制作|印发|下发|推送|发布|接待|办理|调处|化解|了|到|约|近|达|为)+/
const TAIL_VERBS = /(?:达到|达|为|是|提高到|提升至|提升到|提高至|超过|突破|不低于|保持在|稳定在|共|计|约|近|了)+$/

function suffixFor(unit: string, noun: string): string {
  if (/率$|比例$|比重$|占比$/.test(noun)) return ''
  switch (unit) {
    case '次': return '次数'
    case '场': return '场次'
    case '期': return '期数'
    case '份': case '张': case '册': case '本': case '幅': return '数量'
    case '人': case '名': case '万人': case '人次': case '万人次': return '人数'
    case '万元': case '亿元': case '千元': case '元': return /资金|经费|金额|款|费$/.test(noun) ? '' : '金额'
    case '%': case '％': return '比例'
    case '平方米': case '亩': case '公顷': return '面积'
    case '公里': case '千米': case '米': return '长度'
    case '吨': return '重量'
    case '小时': case '天': case '周': return '时长'
    default: return '数'
  }
}

/**
 * The numbers of a selection as field proposals, each with a name taken from the words around it.
 * Years ("2025年") become 年度; dates (month, day) are listed but not suggested.
 */
export function proposeNumberFields(text: string): NumberProposal[] {
  const out: NumberProposal[] = []
  const re = /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g
  const used = new Map<string, number>()
  for (const m of text.matchAll(re)) {
    const digits = m[0]
    const start = m.index
    const end = start + m[0].length
    const after = text.slice(end, end + 6)
    const unitMatch = UNIT.exec(after)
    const unit = unitMatch ? unitMatch[2]! : ''
    const qualifier = unitMatch?.[1] ?? ''
    let base: string
    let suggested = true
    if (unit === '年' && /^(19|20)\d\d$/.test(digits)) base = '年度'
    else if (unit === '月' || unit === '日' || (unit === '年' && digits.length !== 4)) {
      base = unit === '月' ? '月份' : unit === '日' ? '日期' : '年数'
      suggested = false
    } else {
      // the words before it (same clause), verbs taken off: 召开专题会议 → 专题会议
      const before = /[\u4e00-\u9fff]{1,10}$/.exec(text.slice(Math.max(0, start - 10), start))?.[0] ?? ''
      let noun = before.replace(TAIL_VERBS, '').replace(VERBS, '')
      // counted things named after the number: 9个行政村 → 行政村
      const nounAfter = /^[\u4e00-\u9fff]{2,4}/.exec(text.slice(end + qualifier.length + unit.length))?.[0] ?? ''
      if (/^[个家户所名条处项件台辆座间支]$/.test(unit) && nounAfter && !/^[的了和与及等在是]/.test(nounAfter))
        noun = nounAfter.replace(/[的了和与及等在是，。].*$/, '')
      if (noun.length > 6) noun = noun.slice(-6)
      base = noun ? noun + suffixFor(unit, noun) : unit ? `${suffixFor(unit, '') || '数量'}` : '数值'
      if (!unit && m[1]!.length <= 1) suggested = false
    }
    const n = (used.get(base) ?? 0) + 1
    used.set(base, n)
    out.push({ start, end, text: digits, unit, name: n === 1 ? base : `${base}${n}`, suggested })
  }
  return out
}

/**
 * Replaces the chosen numbers with fields in one paragraph's text runs (marks kept around them).
 * `choices` are proposals of this paragraph, offsets into the paragraph's joined text.
 */
export function applyNumberFields(runs: readonly SnippetInline[], choices: readonly Pick<NumberProposal, 'start' | 'end' | 'name'>[]): SnippetInline[] {
  if (choices.length === 0) return normalizeInlines(runs)
  const sorted = [...choices].sort((a, b) => a.start - b.start)
  const out: SnippetInline[] = []
  let pos = 0 // offset in joined text (fields count their {{name}} length, as in bodyToText)
  let k = 0
  for (const r of runs) {
    if (r.type === 'field') {
      out.push(r)
      pos += r.name.length + 4
      continue
    }
    const runStart = pos
    const runEnd = pos + r.text.length
    const marks: Omit<TextInline, 'type' | 'text'> = {}
    if (r.bold) marks.bold = true
    if (r.italic) marks.italic = true
    if (r.underline) marks.underline = true
    let cursor = runStart
    while (k < sorted.length && sorted[k]!.start < runEnd) {
      const c = sorted[k]!
      if (c.start < cursor) {
        k++
        continue
      }
      if (c.start > cursor) out.push({ type: 'text', text: r.text.slice(cursor - runStart, c.start - runStart), ...marks })
      out.push({ type: 'field', name: c.name })
      cursor = Math.min(c.end, runEnd)
      k++
    }
    if (cursor < runEnd) out.push({ type: 'text', text: r.text.slice(cursor - runStart), ...marks })
    pos = runEnd
  }
  return normalizeInlines(out)
}
