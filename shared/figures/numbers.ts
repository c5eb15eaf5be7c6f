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
import { CHINESE_MAGNITUDES, isChineseNumeralChar, parseChineseNumeral, plainDigits, roundNoise, toChineseNumeral, toHalfWidth } from '../text'

// part of the figures' number API: callers format and parse figures through this module
export { parseChineseNumeral, plainDigits, roundNoise, toChineseNumeral } from '../text'

export type NumberStyle = NonNullable<Figure['style']>

/** Largest magnitude a figure may hold: beyond this, digits stop being exact (2^53 ≈ 9×10^15). */
export const MAX_FIGURE_MAGNITUDE = 1e15

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
    for (const ch of m[2]!) scale *= CHINESE_MAGNITUDES[ch]!
  }
  let value: number | null
  if (ARABIC.test(text)) value = Number(text.replace(/,/g, ''))
  else if (/^[\d.]+$/.test(text)) value = null // "1.2.3"
  else value = last && [...text].every(isChineseNumeralChar) ? parseChineseNumeral(text) : null
  if (value === null || !Number.isFinite(value)) return null
  const result = roundNoise(value * scale)
  return negative ? -result : result
}

/** "1234567.5" → "1,234,567.5" */
export function groupDigits(digits: string): string {
  const [whole, frac] = digits.split('.')
  const sign = whole!.startsWith('-') ? '-' : ''
  const body = sign ? whole!.slice(1) : whole!
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return sign + grouped + (frac !== undefined ? `.${frac}` : '')
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
