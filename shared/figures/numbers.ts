/**
 * Numbers as Chinese work summaries write them, both ways.
 *
 *   parseNumber("1,000") = 1000, ("九") = 9, ("一百零五") = 105, ("两千") = 2000, ("1.2万") = 12000,
 *     ("３０") = 30, ("百分之九十") = 90 — or null when the text is not one number.
 *   formatNumber(9, 'chinese') → "九";  (12345, 'grouped') → "12,345";  (5604900, 'wan', 元) →
 *     "560.49" + scale "万";  (3.5e8, 'wan') → "3.5" + "亿".
 *
 * Pure and fast: the scanner (scan.ts) calls these on every number in a 60,000-character document.
 */
import type { Figure } from '../document/model'

export type NumberStyle = NonNullable<Figure['style']>

/** Largest magnitude a figure may hold: beyond this, digits stop being exact (2^53 ≈ 9×10^15). */
export const MAX_FIGURE_MAGNITUDE = 1e15

const DIGIT_VALUE: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
}
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 }

/** Characters that can make up a Chinese numeral (digits, 十百千, 万亿, 点). */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两兩三叁四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億点點'

export function isChineseNumeralChar(ch: string): boolean {
  return CHINESE_NUMERAL_CHARS.includes(ch)
}

/** Full-width digits and signs → ASCII ("１２．５％" → "12.5%"). */
export function toHalfWidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - 0xfee0)
    else if (ch === '\u3000') out += ' '
    else out += ch
  }
  return out
}

/**
 * A Chinese numeral → its value: 九 9, 十二 12, 一百零五 105, 两千 2000, 一万二千 12000, 一万二 12000
 * (the colloquial trailing digit), 二〇二五 2025 (digit by digit), 三点五 3.5. Null when malformed.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text === '') return null
  const point = text.search(/[点點]/)
  if (point >= 0) {
    if (point === 0) return null
    const whole = parseChineseInteger(text.slice(0, point))
    const frac = text.slice(point + 1)
    if (whole === null || frac === '') return null
    let digits = ''
    for (const ch of frac) {
      const d = DIGIT_VALUE[ch]
      if (d === undefined) return null
      digits += String(d)
    }
    return Number(`${whole}.${digits}`)
  }
  return parseChineseInteger(text)
}

function parseChineseInteger(text: string): number | null {
  // digit by digit, no units: 二〇二五, 一九九八
  if ([...text].every((ch) => DIGIT_VALUE[ch] !== undefined)) {
    if (text.length === 1) return DIGIT_VALUE[text]!
    if (/^[零〇]/.test(text)) return null
    return Number([...text].map((ch) => DIGIT_VALUE[ch]).join(''))
  }
  let total = 0 // completed 亿 groups
  let section = 0 // the current group below the last big unit
  let digit: number | null = null
  let lastSmall = Infinity // the previous small unit in this section, for the colloquial 一万二
  let lastBig = Infinity
  let zeroSeen = false
  for (const ch of text) {
    const d = DIGIT_VALUE[ch]
    if (d !== undefined) {
      if (d === 0) {
        if (digit !== null) return null
        zeroSeen = true
        continue
      }
      if (digit !== null) return null // two digits in a row: 一二
      digit = d
      continue
    }
    const small = SMALL_UNIT[ch]
    if (small !== undefined) {
      if (small >= lastSmall) return null // 十百, 百百
      section += (digit ?? (small === 10 ? 1 : NaN)) * small
      if (Number.isNaN(section)) return null // 百 with no digit before it
      digit = null
      zeroSeen = false
      lastSmall = small
      continue
    }
    const big = BIG_UNIT[ch]
    if (big !== undefined) {
      if (big >= lastBig && !(big === 1e8 && lastBig === 1e4)) return null
      const group = section + (digit ?? 0)
      if (group === 0 && total === 0) return null
      if (big === 1e8) total = (total + group) * 1e8
      else total += group * big
      section = 0
      digit = null
      zeroSeen = false
      lastSmall = Infinity
      lastBig = big
      continue
    }
    return null
  }
  if (digit !== null) {
    // 一万二 = 12000, 三百五 = 350: a lone trailing digit right after a unit takes the next unit down
    if (!zeroSeen && lastSmall !== Infinity && lastSmall >= 100) section += (digit * lastSmall) / 10
    else if (!zeroSeen && lastSmall === Infinity && lastBig !== Infinity && section === 0) section += (digit * lastBig) / 10
    else section += digit
  }
  return total + section
}

const ARABIC = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/

/**
 * A number as written: Arabic (with grouping commas, full-width digits, a sign) or Chinese, with an
 * optional 万/亿 scale ("1.2万", "3亿", "一千二百万") and an optional percent ("百分之九十" → 90,
 * "90%" → 90: the unit says it is a percentage). Null when the text is not exactly one number.
 */
export function parseNumber(raw: string): number | null {
  let text = toHalfWidth(raw).trim().replace(/\s+/g, '')
  if (text === '') return null
  if (text.startsWith('百分之')) text = text.slice(3)
  else if (text.endsWith('%')) text = text.slice(0, -1)
  let negative = false
  if (text.startsWith('负')) {
    negative = true
    text = text.slice(1)
  } else if (text.startsWith('-') || text.startsWith('−')) {
    negative = true
    text = text.slice(1)
  }
  let scale = 1
  const last = text[text.length - 1] ?? ''
  if (/^[\d.,]+[万萬亿億]+$/.test(text)) {
    // "1.2万", "3亿", "2万亿"
    const m = /^([\d.,]+)([万萬亿億]+)$/.exec(text)!
    text = m[1]!
    for (const ch of m[2]!) scale *= BIG_UNIT[ch]!
  }
  let value: number | null
  if (ARABIC.test(text)) value = Number(text.replace(/,/g, ''))
  else if (/^[\d.]+$/.test(text)) value = null // "1.2.3"
  else value = last && [...text].every(isChineseNumeralChar) ? parseChineseNumeral(text) : null
  if (value === null || !Number.isFinite(value)) return null
  const result = roundNoise(value * scale)
  return negative ? -result : result
}

/** Kills binary float noise (0.1 + 0.2, 1.2 × 10000) without changing any number a person wrote. */
export function roundNoise(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value
  return Number(value.toPrecision(15))
}

/** Digits without exponent notation, at most `decimals` decimals, trailing zeros dropped. */
export function plainDigits(value: number, decimals = 6): string {
  const rounded = roundNoise(value)
  let text = Math.abs(rounded) >= 1e21 ? BigInt(Math.round(rounded)).toString() : rounded.toFixed(decimals)
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '')
  return text === '-0' ? '0' : text
}

/** "1234567.5" → "1,234,567.5" */
export function groupDigits(digits: string): string {
  const [whole, frac] = digits.split('.')
  const sign = whole!.startsWith('-') ? '-' : ''
  const body = sign ? whole!.slice(1) : whole!
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return sign + grouped + (frac !== undefined ? `.${frac}` : '')
}

const CN_DIGITS = '零一二三四五六七八九'

function chineseBelow10000(n: number, leadingOne: boolean): string {
  const units = ['', '十', '百', '千']
  const digits = String(n).padStart(4, '0')
  let out = ''
  let zero = false
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i])
    const unit = units[3 - i]!
    if (d === 0) {
      if (out !== '') zero = true
      continue
    }
    if (zero) {
      out += '零'
      zero = false
    }
    // 十二, not 一十二 (only when the number starts with it)
    if (!(d === 1 && unit === '十' && out === '' && !leadingOne)) out += CN_DIGITS[d]
    out += unit
  }
  return out
}

/**
 * An integer or decimal in Chinese numerals as summaries write them: 9 九, 12 十二, 105 一百零五,
 * 1000 一千, 12000 一万二千, 100005 十万零五, 3.5 三点五, -2 负二.
 */
export function toChineseNumeral(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (value < 0) return `负${toChineseNumeral(-value)}`
  const digits = plainDigits(value, 6)
  const [wholeText, frac] = digits.split('.')
  let whole = Number(wholeText)
  let out = ''
  if (whole === 0) out = '零'
  else {
    const groups: number[] = []
    while (whole > 0) {
      groups.push(whole % 10000)
      whole = Math.floor(whole / 10000)
    }
    const bigUnits = ['', '万', '亿', '万亿']
    let needZero = false
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!
      if (g === 0) {
        if (out !== '') needZero = true
        continue
      }
      if (out !== '' && (needZero || g < 1000)) out += '零'
      needZero = false
      out += chineseBelow10000(g, out !== '') + bigUnits[i]!
    }
  }
  if (frac) out += `点${[...frac].map((d) => CN_DIGITS[Number(d)]).join('')}`
  return out
}

export interface FormattedNumber {
  /** the number itself: "560.49", "九", "12,345" */
  digits: string
  /** a scale word that goes after a 余/多 qualifier: "万", "亿" or "" */
  scale: string
  /** the unit to show instead of the figure's own (万元 scaled up to 亿 reads 亿元) */
  unit?: string
}

/**
 * A value in one display style. `wan` scales by 万 or 亿 when the number is large enough (with two
 * decimals at most); when the unit already starts with 万 (万元), a value ≥ 1万 moves up to 亿.
 */
export function formatNumber(value: number, style: NumberStyle, opts: { unit?: string; decimals?: number } = {}): FormattedNumber {
  const decimals = opts.decimals ?? 6
  switch (style) {
    case 'chinese':
      return { digits: toChineseNumeral(roundNoise(Number(value.toFixed(decimals)))), scale: '' }
    case 'grouped':
      return { digits: groupDigits(plainDigits(value, decimals)), scale: '' }
    case 'wan': {
      const unit = opts.unit ?? ''
      const abs = Math.abs(value)
      if (unit.startsWith('万')) {
        if (abs >= 1e4) return { digits: plainDigits(value / 1e4, 2), scale: '亿', unit: unit.slice(1) }
        return { digits: plainDigits(value, 2), scale: '' }
      }
      if (abs >= 1e8) return { digits: plainDigits(value / 1e8, 2), scale: '亿' }
      if (abs >= 1e4) return { digits: plainDigits(value / 1e4, 2), scale: '万' }
      return { digits: plainDigits(value, 2), scale: '' }
    }
    default:
      return { digits: plainDigits(value, decimals), scale: '' }
  }
}
