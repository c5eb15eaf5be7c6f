/**
 * Word's automatic numbering, as the writer saw it. A paragraph numbered by Word (a list in
 * numbering.xml, set on the paragraph or through its style) holds no "一、" in its text: Word draws
 * the number from the list's level — its format (chineseCounting, decimal, decimalEnclosedCircle …)
 * and text ("%1、", "（%2）", "%3.") — and its running count. mammoth reads the paragraph but not
 * the number, so we count the lists here, in document order, and give each numbered paragraph
 * the label Word showed; docx.ts puts it in front of the paragraph's text, and the recognizer then
 * reads "一、经济运行" exactly as if the writer had typed it.
 *
 * Counting follows Word's rules as far as summaries use them: one counter set per list instance
 * (w:num), a level's count restarts when a shallower level of the same list is used, w:start and
 * w:lvlOverride/w:startOverride give the first number. Bullets and levels with no number give no
 * label.
 */
import { chineseCount } from '../../../shared/text'
import { parseXml, type XmlNode } from './ownDocx'

interface Level {
  format: string
  text: string
  start: number
  pStyle?: string
  /** what Word puts after the number: a tab (default), a space, or nothing */
  suffix: string
}

interface NumberingDefinitions {
  /** numId → abstract list's levels by ilvl, and the starts overridden for this instance */
  lists: Map<string, { levels: Map<number, Level>; starts: Map<number, number> }>
  /** paragraph styleId → its numbering (numId, ilvl when the style names one) */
  styles: Map<string, { numId: string; ilvl?: number }>
}

/** One numbered paragraph in reading order: its text (w:t only, as mammoth reads it) and the label Word drew. */
export interface NumberedParagraph {
  text: string
  label: string
}

const child = (n: XmlNode | undefined, name: string) => n?.children.find((c) => c.name === name)
const kids = (n: XmlNode | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? []
const val = (n: XmlNode | undefined) => n?.attrs['w:val']

function readDefinitions(numberingXml: string, stylesXml: string): NumberingDefinitions {
  const root = child(parseXml(numberingXml), 'w:numbering')
  const abstract = new Map<string, Map<number, Level>>()
  for (const a of kids(root, 'w:abstractNum')) {
    const levels = new Map<number, Level>()
    for (const lvl of kids(a, 'w:lvl')) {
      const ilvl = Number(lvl.attrs['w:ilvl'] ?? '0')
      const start = Number(val(child(lvl, 'w:start')) ?? '1')
      const pStyle = val(child(lvl, 'w:pStyle'))
      const suffix = val(child(lvl, 'w:suff')) ?? 'tab'
      levels.set(ilvl, { format: val(child(lvl, 'w:numFmt')) ?? 'decimal', text: val(child(lvl, 'w:lvlText')) ?? '', start: Number.isFinite(start) ? start : 1, suffix, ...(pStyle ? { pStyle } : {}) })
    }
    abstract.set(a.attrs['w:abstractNumId'] ?? '', levels)
  }
  const lists: NumberingDefinitions['lists'] = new Map()
  for (const num of kids(root, 'w:num')) {
    const levels = abstract.get(val(child(num, 'w:abstractNumId')) ?? '')
    if (!levels) continue
    const starts = new Map<number, number>()
    for (const o of kids(num, 'w:lvlOverride')) {
      const s = Number(val(child(o, 'w:startOverride')))
      if (Number.isFinite(s)) starts.set(Number(o.attrs['w:ilvl'] ?? '0'), s)
    }
    lists.set(num.attrs['w:numId'] ?? '', { levels, starts })
  }
  const styles: NumberingDefinitions['styles'] = new Map()
  if (stylesXml) {
    for (const style of kids(child(parseXml(stylesXml), 'w:styles'), 'w:style')) {
      const numPr = child(child(style, 'w:pPr'), 'w:numPr')
      const numId = val(child(numPr, 'w:numId'))
      if (!numId) continue
      const ilvl = val(child(numPr, 'w:ilvl'))
      styles.set(style.attrs['w:styleId'] ?? '', { numId, ...(ilvl === undefined ? {} : { ilvl: Number(ilvl) }) })
    }
  }
  return { lists, styles }
}

const LEGAL = '零壹贰叁肆伍陆柒捌玖'
const TRADITIONAL_LEGAL = '零壹貳參肆伍陸柒捌玖'
const STEMS = '甲乙丙丁戊己庚辛壬癸'
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥'
const ROMAN: readonly [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]

function roman(n: number): string {
  let out = ''
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v }
  return out
}

function letters(n: number): string {
  // Word repeats the letter: 27 → AA
  const letter = String.fromCharCode(0x41 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

/** A count in a numFmt, as Word draws it; null for a format we do not know (the paragraph gets no label). */
export function formatCount(n: number, format: string): string | null {
  if (n < 0 || !Number.isInteger(n)) return null
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
    case 'arabicAlpha':
      return String(n)
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return chineseCount(n)
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/[0-9]/g, (d) => '〇一二三四五六七八九'[Number(d)]!)
    case 'chineseLegalSimplified':
      return chineseCount(n).replace(/[一二三四五六七八九十]/g, (c) => (c === '十' ? '拾' : LEGAL['〇一二三四五六七八九'.indexOf(c)]!))
    case 'ideographLegalTraditional':
      return chineseCount(n).replace(/[一二三四五六七八九十]/g, (c) => (c === '十' ? '拾' : TRADITIONAL_LEGAL['〇一二三四五六七八九'.indexOf(c)]!))
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n)
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1]! : String(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`
    case 'upperLetter':
      return n >= 1 ? letters(n) : null
    case 'lowerLetter':
      return n >= 1 ? letters(n).toLowerCase() : null
    case 'upperRoman':
      return n >= 1 ? roman(n) : null
    case 'lowerRoman':
      return n >= 1 ? roman(n).toLowerCase() : null
    case 'none':
      return ''
    default:
      return null
  }
}

/** The text of w:t elements under a paragraph (deleted text, w:delText, is not w:t). */
function textOf(n: XmlNode): string {
  if (n.name === 'w:t') return n.children.map((t) => t.text ?? '').join('')
  if (n.name === 'w:del') return ''
  return n.children.map(textOf).join('')
}

/**
 * Every paragraph Word numbers, in reading order (body and table cells), with the label it shows.
 * Empty when the package has no numbering part.
 */
export function numberedParagraphs(documentXml: string, numberingXml: string, stylesXml: string): NumberedParagraph[] {
  if (!numberingXml || !documentXml) return []
  const defs = readDefinitions(numberingXml, stylesXml)
  if (!defs.lists.size) return []
  const counters = new Map<string, number[]>()
  const out: NumberedParagraph[] = []
  const visit = (n: XmlNode) => {
    if (n.name !== 'w:p') {
      n.children.forEach(visit)
      return
    }
    const pPr = child(n, 'w:pPr')
    const numPr = child(pPr, 'w:numPr')
    const style = defs.styles.get(val(child(pPr, 'w:pStyle')) ?? '')
    const numId = val(child(numPr, 'w:numId')) ?? style?.numId
    if (!numId || numId === '0') return
    const list = defs.lists.get(numId)
    if (!list) return
    const direct = val(child(numPr, 'w:ilvl'))
    let ilvl = direct !== undefined ? Number(direct) : style?.ilvl
    if (ilvl === undefined) {
      // a style tied to a level by the level's w:pStyle ("标题 2" → ilvl 1)
      const styleId = val(child(pPr, 'w:pStyle'))
      ilvl = [...list.levels].find(([, l]) => styleId && l.pStyle === styleId)?.[0] ?? 0
    }
    const level = list.levels.get(ilvl)
    if (!level || !Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) return
    const counts = counters.get(numId) ?? new Array<number>(9).fill(0)
    counters.set(numId, counts)
    const startOf = (i: number) => list.starts.get(i) ?? list.levels.get(i)?.start ?? 1
    counts[ilvl] = counts[ilvl]! === 0 ? startOf(ilvl) : counts[ilvl]! + 1
    for (let i = ilvl + 1; i < 9; i++) counts[i] = 0
    if (level.format === 'bullet') return
    let ok = true
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1
      const shown = formatCount(counts[i]! || startOf(i), list.levels.get(i)?.format ?? 'decimal')
      if (shown === null) ok = false
      return shown ?? ''
    })
    // a label that ends in a word ("第一章") keeps the gap Word leaves after it; one that ends in its
    // own punctuation ("一、", "（二）", "①") needs none
    const gap = level.suffix !== 'nothing' && /[\p{L}\p{N}]$/u.test(label) && !/[\u2460-\u249b]$/.test(label) ? ' ' : ''
    if (ok && label) out.push({ text: textOf(n), label: label + gap })
  }
  visit(parseXml(documentXml))
  return out
}
