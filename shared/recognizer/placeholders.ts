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
 * Names (the figure table's first column), first rule that applies:
 *   20xx / 20__ or a token before 年 → "年份";  before 月 → "月份";  before 日/号 → "日期";
 *   before 市/县/区/镇/乡/村/社区/街道/学校/公司/单位… → "镇名称", "社区名称" …;  before 同志 → "姓名";
 *   otherwise the (up to 6) Han characters right before the token (or before its colon, for a
 *   form field "撰写人：____" → "撰写人"), plus the unit after it:
 *   "召开专题会议x次" → "召开专题会议（次）";  with fewer than 2 of them → "待填1", "待填2" …
 * A name already used in the document gets a number: "年份", "年份2".
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

const UNITS = new Set([...'次个個份人名元万萬亿億场場期件项項起户戶家所篇条條块塊张張台臺辆輛米亩畝吨噸天年月日周週%％处處栋棟间間本册冊套批支队隊'])
const QUALIFIER = new Set([...'余餘多'])
const PLACE = /^(?:小区|小區|社区|社區|街道|学校|學校|小学|小學|中学|中學|幼儿园|幼兒園|公司|单位|單位|部门|部門|医院|醫院|市|省|县|縣|区|區|镇|鎮|乡|鄉|村)/

/** Collects the unfilled figures of one document and turns text into inlines that reference them. */
export class PlaceholderCollector {
  readonly figures: Figure[] = []
  private readonly used = new Map<string, number>()
  private unnamed = 0

  /** Text → inlines; each placeholder becomes a figure reference. */
  toInlines(text: string): Inline[] {
    const spans = findPlaceholders(text)
    if (spans.length === 0) return text ? [{ type: 'text', text }] : []
    const out: Inline[] = []
    let at = 0
    for (const span of spans) {
      if (span.start > at) out.push({ type: 'text', text: text.slice(at, span.start) })
      const id = `f${this.figures.length + 1}`
      this.figures.push({ id, name: this.unique(this.nameFor(text, span)), value: null, original: span.token })
      out.push({ type: 'figure', figureId: id })
      at = span.end
    }
    if (at < text.length) out.push({ type: 'text', text: text.slice(at) })
    return out
  }

  private nameFor(text: string, span: PlaceholderSpan): string {
    const after = text.slice(span.end, span.end + 4)
    const next = after[0] ?? ''
    if (span.kind === 'year' || next === '年') return '年份'
    if (next === '月') return '月份'
    if (next === '日' || next === '号' || next === '號') return '日期'
    const place = PLACE.exec(after)
    if (place) return `${place[0]}名称`
    if (after.startsWith('同志')) return '姓名'
    let unit = ''
    if (UNITS.has(next)) unit = next
    else if (QUALIFIER.has(next) && UNITS.has(after[1] ?? '')) unit = after[1]!
    // the words right before the token; for a form field "撰写人：____", the label before the colon
    let to = span.start
    if (to > 0 && (text[to - 1] === '：' || text[to - 1] === ':')) to--
    let from = to
    while (from > 0 && to - from < 6 && isHan(text.charCodeAt(from - 1))) from--
    const context = text.slice(from, to)
    const suffix = unit ? `（${unit}）` : ''
    if (context.length >= 2) return context + suffix
    return `待填${++this.unnamed}${suffix}`
  }

  private unique(name: string): string {
    const n = (this.used.get(name) ?? 0) + 1
    this.used.set(name, n)
    return n === 1 ? name : `${name}${n}`
  }
}
