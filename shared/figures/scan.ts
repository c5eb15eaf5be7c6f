/**
 * Quantities in prose: "召开专题会议3次", "发放宣传资料1000余份", "投入资金560.49万元", "知晓率达到100%",
 * "九个村", "50-80人", "约300人", "120人以上", "百分之九十五", and placeholder tokens (x次, xx户, ____).
 *
 *   parseQuantity("300余份") → { value: 300, qualifier: '余', unit: '份' }   (the whole text, or null)
 *   scanText(text)          → every quantity and placeholder in a piece of text, left to right
 *   groupScan(segments)     → the same, grouped by identical text, for 查找数字's bulk linking
 *
 * What is not a quantity: dates and times (2025年, 12月20日, 2025-12-20, 8时30分), ordinals (第3次),
 * codes (GB/T 9704-2012, A4, x64), heading markers (1. 一、), lead-ins (一是), 一 as a word (一次性,
 * 进一步, 一个…), and the stock political phrases written with numerals (四个意识, 两个维护, 八项规定…).
 * Pure; linear in the text.
 */
import { QUALIFIERS, type Figure } from '../document/model'
import { findPlaceholders, PlaceholderCollector } from '../recognizer/placeholders'
import { parseChineseNumeral, toHalfWidth } from '../text'
import { MAX_FIGURE_MAGNITUDE, roundNoise, type NumberStyle } from './numbers'

export type Qualifier = (typeof QUALIFIERS)[number]
export type QuantityKind = 'number' | 'percent' | 'money' | 'range'

export interface Quantity {
  kind: QuantityKind
  /** the number; for a range, its text ("50-80") */
  value: number | string
  unit?: string
  qualifier?: Qualifier
  style?: NumberStyle
}

export interface ScanMatch {
  start: number
  end: number
  text: string
  kind: QuantityKind | 'placeholder'
  /** null for a placeholder */
  quantity: Quantity | null
  /** the placeholder token ("x", "____") */
  token?: string
}

/** Measure words and units, longest first in the pattern. */
export const UNITS = [
  '个百分点', '百分点', '平方公里', '平方米', '立方米', '万平方米', '万元', '亿元', '万人次', '万人', '万户', '万册', '万亩', '万吨',
  '人次', '户次', '家次', '课时', '学时', '小时', '公里', '千米', '公斤', '千克', '余元',
  '元', '人', '名', '位', '个', '次', '份', '场', '期', '件', '项', '起', '户', '家', '所', '篇', '条', '块', '张', '台', '辆',
  '处', '栋', '幢', '间', '本', '册', '套', '批', '支', '队', '组', '对', '座', '棵', '株', '盏', '箱', '袋', '宗', '例', '单',
  '根', '段', '幅', '部', '届', '班', '所', '村', '镇', '米', '亩', '吨', '斤', '天', '周', '倍', '轮', '节', '门', '首', '集',
  '%', '％',
].filter((u, i, all) => all.indexOf(u) === i && u !== '余元')
  .sort((a, b) => b.length - a.length)

const UNIT_SET = new Set(UNITS)
/** Whether a unit is one the scanner knows (次, 份, 万元, % …). */
export const isKnownUnit = (unit: string): boolean => UNIT_SET.has(unit)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const UNIT_RE = UNITS.map(escape).join('|')

const AR = '[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?'
const CN = '[零〇一二两三四五六七八九十百千万亿]+(?:[点][零〇一二三四五六七八九]+)?'
const NUM = `(?:${AR}[万亿]?|${CN})`
/**
 * prefix qualifier · 百分之 · number · [range end] · [余/多] · [万/亿 after 余] · unit · [以上]
 */
const QUANTITY = new RegExp(
  `(约|近)?(百分之)?(${NUM})(?:\\s*[-－~～—–至到]\\s*(${NUM}))?(余|多)?([万亿](?=元|人|户|册|亩|吨|平方))?(${UNIT_RE})?(以上)?`,
  'g',
)

/** Dates and times: whole spans that are never quantities. */
const DATE = /(?:[0-9０-９]{2,4}|[零〇一二三四五六七八九]{4}|20[xX×＿_]+)\s*年(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?)?|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份|\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]|[0-9]{4}[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?|[0-9]{1,2}\s*[:：]\s*[0-9]{2}|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[时點点]\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*分?|[0-9０-９]+\s*(?:年度|年代|周年|季度)/g

/** Phrases written with numerals that are set expressions, not figures. */
const STOCK_PHRASES = [
  '两个维护', '两个确立', '四个意识', '四个自信', '四个全面', '三个代表', '八项规定', '五位一体', '三严三实', '两学一做',
  '三会一课', '四风', '一岗双责', '两个责任', '三重一大', '六稳', '六保', '四个不摘', '两不愁三保障', '两个一百年', '三个务必',
  '五个一', '十四五', '十五五', '十三五', '一把手', '三农', '一带一路', '两个结合', '三个区分开来', '四个服从', '两个至上',
]

/** Characters before a Chinese numeral that make it part of a word (第三, 每一, 统一, 进一步 …). */
const CN_BEFORE_BLOCK = new Set([...'第每这那哪几各某同唯统之进单逐专划万千百十数星周礼初'])
/** Characters before any number that make it an ordinal or a code. */
const BEFORE_BLOCK = /[第#№]$/

const isAsciiLetter = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch)
const isDigitLike = (ch: string | undefined) => ch !== undefined && /[0-9０-９]/.test(ch)

/** The number in a matched numeral string (Arabic with optional 万/亿, or Chinese). */
function numeralValue(raw: string): { value: number; chinese: boolean; scaled: boolean } | null {
  const text = toHalfWidth(raw).replace(/．/g, '.')
  const m = /^([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([万亿]?)$/.exec(text)
  if (m) {
    const n = Number(m[1]!.replace(/,/g, ''))
    const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1
    return Number.isFinite(n) ? { value: roundNoise(n * scale), chinese: false, scaled: scale !== 1 } : null
  }
  let cn = text
  // 千人, 百余人: a leading unit with no digit means one of it
  if (/^[十百千万]/.test(cn)) cn = `一${cn}`
  const v = parseChineseNumeral(cn)
  return v === null ? null : { value: v, chinese: true, scaled: false }
}

/** Date and time spans of the text, as [start, end) pairs sorted by start. */
function dateSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  DATE.lastIndex = 0
  for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
    if (m[0].length === 0) {
      DATE.lastIndex++
      continue
    }
    spans.push([m.index, m.index + m[0].length])
  }
  return spans
}

const STOCK = new RegExp(STOCK_PHRASES.sort((a, b) => b.length - a.length).map(escape).join('|'), 'g')

function stockSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  STOCK.lastIndex = 0
  for (let m = STOCK.exec(text); m !== null; m = STOCK.exec(text)) spans.push([m.index, m.index + m[0].length])
  return spans
}

const overlaps = (spans: readonly [number, number][], start: number, end: number) => spans.some(([s, e]) => start < e && end > s)

/**
 * A regex match → a quantity, or null when it is not one (no unit, a date, an ordinal, a word…).
 * `requireUnit`: scanning prose wants a unit (or %); parsing a selection accepts a bare number.
 */
function toQuantity(text: string, m: RegExpExecArray, requireUnit: boolean): ScanMatch | null {
  const [whole, pre, percentWords, first, second, infix, infixScale, unitRaw, suffix] = m
  const start = m.index
  const end = start + whole.length
  const before = text[start - 1]
  const after = text[end]
  if (isAsciiLetter(before) || isAsciiLetter(after) || isDigitLike(before) || before === '.' || before === '-' || before === '/') return null
  if (BEFORE_BLOCK.test(text.slice(Math.max(0, start - 1), start))) return null
  const a = numeralValue(first!)
  if (!a) return null
  const unit = percentWords ? '%' : unitRaw === '％' ? '%' : unitRaw
  if (requireUnit && !unit) return null
  if (a.chinese) {
    if (before !== undefined && CN_BEFORE_BLOCK.has(before)) return null
    if (requireUnit && a.value <= 1 && !second) return null // 一个, 一次: "one" is a word here
    if (/^[万亿]/.test(first!)) return null
    if (!percentWords && requireUnit && (after === '是' || after === '来' || after === '要')) return null
  }
  if (second !== undefined) {
    const b = numeralValue(second)
    if (!b || b.chinese !== a.chinese || b.value <= a.value) return null
    const value = `${toHalfWidth(first!)}-${toHalfWidth(second)}`
    const q: Quantity = { kind: 'range', value, ...(unit ? { unit } : {}) }
    return { start, end, text: whole, kind: 'range', quantity: q }
  }
  if (a.value > MAX_FIGURE_MAGNITUDE) return null
  let value = a.value
  let finalUnit = unit ?? ''
  let style: NumberStyle | undefined = a.chinese ? 'chinese' : undefined
  if (infixScale) {
    // 10余万元 keeps 万元 as the unit; 3余万人 → unit 万人
    finalUnit = infixScale + finalUnit
  }
  if (a.scaled && !a.chinese) {
    // "1.2万人": 万 belongs to the number (style wan) unless the unit is 元 → 万元
    const scaleChar = toHalfWidth(first!).slice(-1)
    if (finalUnit === '元' || finalUnit.startsWith('平方')) {
      value = a.value / (scaleChar === '万' ? 1e4 : 1e8)
      finalUnit = scaleChar + finalUnit
    } else style = 'wan'
  }
  const qualifier: Qualifier | undefined = (pre as Qualifier | undefined) ?? (infix as Qualifier | undefined) ?? (suffix ? '以上' : undefined)
  if (pre && (infix || suffix)) return null // 约300余人: two qualifiers
  if (infix && suffix) return null
  const kind: QuantityKind = finalUnit === '%' ? 'percent' : /元$/.test(finalUnit) ? 'money' : 'number'
  const q: Quantity = { kind, value: roundNoise(value) }
  if (finalUnit) q.unit = finalUnit
  if (qualifier) q.qualifier = qualifier
  if (style) q.style = style
  return { start, end, text: whole, kind, quantity: q }
}

/** Every quantity (with a unit) and placeholder token in the text, left to right, not overlapping. */
export function scanText(text: string): ScanMatch[] {
  const out: ScanMatch[] = []
  if (text.length === 0) return out
  const blocked = [...dateSpans(text), ...stockSpans(text)]
  const placeholders = findPlaceholders(text)
  for (const p of placeholders) {
    if (p.kind === 'year') continue // 20xx年: a date to fill, not a number (the import already links it)
    if (overlaps(blocked, p.start, p.end)) continue
    out.push({ start: p.start, end: p.end, text: p.token, kind: 'placeholder', quantity: null, token: p.token })
  }
  QUANTITY.lastIndex = 0
  for (let m = QUANTITY.exec(text); m !== null; m = QUANTITY.exec(text)) {
    if (m[0].length === 0) {
      QUANTITY.lastIndex++
      continue
    }
    const found = toQuantity(text, m, true)
    if (!found) {
      // retry one character later: "第3次" fails at 第…3 but nothing later starts inside it anyway
      QUANTITY.lastIndex = m.index + 1
      continue
    }
    if (overlaps(blocked, found.start, found.end) || overlaps(placeholders.map((p) => [p.start, p.end]), found.start, found.end)) continue
    out.push(found)
  }
  return out.sort((x, y) => x.start - y.start)
}

/**
 * The whole text as one quantity ("300余份", "约300人", "九个村", "560.49万元", "95%", "50-80人",
 * "1,000"), or null. Surrounding spaces are ignored; a bare number is accepted.
 */
export function parseQuantity(raw: string): Quantity | null {
  const text = raw.trim()
  if (text === '') return null
  const re = new RegExp(`^${QUANTITY.source}$`)
  const m = re.exec(text)
  if (!m) return null
  const found = toQuantity(text, m, false)
  if (!found?.quantity) return null
  return found.quantity
}

/**
 * 设为数据 on a selection: the one quantity in it, and the text around it that stays plain text
 * ("九个村" → 九个 as the figure, 村 after it; "共300余份" → 共 before it). Null when the
 * selection holds no quantity or more than one.
 */
export function parseSelection(raw: string): { quantity: Quantity; leading: string; trailing: string } | null {
  const text = raw
  const matches = scanText(text).filter((m) => m.kind !== 'placeholder')
  const whole = parseQuantity(text)
  if (whole) return { quantity: whole, leading: text.slice(0, text.length - text.trimStart().length), trailing: text.slice(text.trimEnd().length) }
  if (matches.length !== 1) return null
  const only = matches[0]!
  return { quantity: only.quantity!, leading: text.slice(0, only.start), trailing: text.slice(only.end) }
}

/** How a quantity becomes a figure's fields. */
export function quantityToFigure(q: Quantity): Pick<Figure, 'value' | 'unit' | 'qualifier' | 'style'> {
  const out: Pick<Figure, 'value' | 'unit' | 'qualifier' | 'style'> = { value: q.value }
  if (q.unit) out.unit = q.unit
  if (q.qualifier) out.qualifier = q.qualifier
  if (q.style) out.style = q.style
  return out
}

// ---------------------------------------------------------------------------------------------
// 查找数字: the scan of a whole document, grouped

/** One searchable run of text, as the caller cut the document (a paragraph between figure refs…). */
export interface ScanSegment {
  text: string
}

export interface Occurrence {
  segment: number
  start: number
  end: number
}

export interface ScanGroup {
  /** what is grouped on: the quantity's text, or the placeholder's name */
  key: string
  text: string
  kind: ScanMatch['kind']
  quantity: Quantity | null
  token?: string
  /** a name for the new figure, from the words before the first occurrence */
  suggestedName: string
  /** an existing figure that already shows exactly this text (link to it instead of a new one) */
  existingFigureId?: string
  occurrences: Occurrence[]
  /** a short piece of the first occurrence's sentence, for the list */
  context: string
}

const NAME_STOP = /[，。；：、！？,.;:!?（）()“”"'《》\s\d０-９]/
/** Words that open a statement of quantity ("全年共召开…"): the name starts after the last of them. */
const FILLER = /.*(?:全年|今年|去年|本年|共计|累计|合计|总计|先后|其中|共有|(?<![公一总])共|均已|已)/

/** Up to eight Han characters before `at`, stopped by punctuation; leading filler words dropped. */
export function contextName(text: string, at: number): string {
  let from = at
  while (from > 0 && at - from < 8 && !NAME_STOP.test(text[from - 1]!) && /[\u4e00-\u9fff]/.test(text[from - 1]!)) from--
  let name = text.slice(from, at)
  const filler = FILLER.exec(name)
  if (filler && name.length - filler[0].length >= 2) name = name.slice(filler[0].length)
  name = name.replace(/(?:达到|达|为|是|约|近|共|有)$/, '')
  return name
}

function uniqueName(name: string, taken: Set<string>, next: Map<string, number>): string {
  let out = name
  let n = next.get(name) ?? 2
  while (taken.has(out)) out = `${name}${n++}`
  next.set(name, n)
  taken.add(out)
  return out
}

/**
 * 查找数字 over a document's segments: quantities grouped by identical text, placeholders grouped
 * by the name the import gives them. `figures` are the document's: a group whose text an existing
 * figure already shows points at it, and new names never clash with theirs.
 */
export function groupScan(segments: readonly ScanSegment[], figures: readonly Figure[] = [], displays?: (f: Figure) => string): ScanGroup[] {
  const groups = new Map<string, ScanGroup>()
  const taken = new Set(figures.map((f) => f.name))
  const counters = new Map<string, number>()
  const byText = new Map<string, string>()
  if (displays) for (const f of figures) if (f.value !== null) byText.set(displays(f), f.id)
  segments.forEach((segment, index) => {
    const matches = scanText(segment.text)
    if (matches.length === 0) return
    const names = matches.some((m) => m.kind === 'placeholder') ? placeholderNames(segment.text) : new Map<number, string>()
    for (const m of matches) {
      const placeholderName = m.kind === 'placeholder' ? (names.get(m.start) ?? '待填') : ''
      // placeholders without a name of their own (待填N) are separate fields, never grouped
      const key = m.kind !== 'placeholder' ? m.text : placeholderName.startsWith('待填') ? `\u0000${index}:${m.start}` : `\u0000${placeholderName}`
      let group = groups.get(key)
      if (!group) {
        const sentenceStart = Math.max(0, m.start - 14)
        group = {
          key,
          text: m.text,
          kind: m.kind,
          quantity: m.quantity,
          suggestedName: '',
          occurrences: [],
          context: segment.text.slice(sentenceStart, Math.min(segment.text.length, m.end + 10)),
        }
        if (m.token) group.token = m.token
        const existing = byText.get(m.text)
        if (existing && m.kind !== 'placeholder') group.existingFigureId = existing
        const base = m.kind === 'placeholder' ? placeholderName : contextName(segment.text, m.start) || m.text
        group.suggestedName = group.existingFigureId ? (figures.find((f) => f.id === existing)?.name ?? base) : uniqueName(base, taken, counters)
        groups.set(key, group)
      }
      group.occurrences.push({ segment: index, start: m.start, end: m.end })
    }
  })
  return [...groups.values()]
}

/** The import's names for the placeholders of one text, by start offset. */
function placeholderNames(text: string): Map<number, string> {
  const collector = new PlaceholderCollector()
  const inlines = collector.toInlines(text)
  const names = new Map<number, string>()
  const spans = findPlaceholders(text)
  let i = 0
  for (const inline of inlines) {
    if (inline.type !== 'figure') continue
    const span = spans[i++]
    const figure = collector.figures.find((f) => f.id === inline.figureId)
    if (span && figure) names.set(span.start, figure.name.replace(/\d+$/, '') || figure.name)
  }
  return names
}
