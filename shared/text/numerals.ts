/**
 * Chinese numerals both ways, and the plain Arabic digits they are built from.
 *
 *   toChineseNumeral(105) = "一百零五", (12000) = "一万二千", (3.5) = "三点五", (-2) = "负二"
 *   chineseCount(11) = "十一" (headings, months, days)
 *   toChineseDigits("2025") = "二〇二五" (years, digit by digit)
 *   parseChineseNumeral("一百零五") = 105, ("两千") = 2000, ("壹佰") = 100, ("二〇二五") = 2025
 *   parseChineseCount("十二") = 12, parseChineseDigits("二〇二五") = 2025 (NaN when not one)
 *
 * Pure and fast: the figure scanner calls these on every number in a 60,000-character document.
 */

/** Digit values: 〇/零, the everyday digits, 两/兩, and the financial forms (大写) 壹贰叁…. */
const DIGIT_VALUE: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
}

/** What 〇 is often typed as in pasted dates (二○二五, 二O二五, 二0二五): read as 0 where asked. */
const ZERO_LOOKALIKES = new Set(['○', 'Ｏ', 'O', '0', '０'])

const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }

/** 万 and 亿 (Simplified and Traditional), the scale words of Chinese numbers. */
export const CHINESE_MAGNITUDES: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 }

/** Characters that can make up a Chinese numeral (digits, 十百千, 万亿, 点). */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两兩三叁四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億点點'

export function isChineseNumeralChar(ch: string): boolean {
  return CHINESE_NUMERAL_CHARS.includes(ch)
}

/** The value of one Chinese digit (零 一 … 九, 两, 大写 壹 … 玖); undefined for anything else. */
export function chineseDigitValue(ch: string): number | undefined {
  return DIGIT_VALUE[ch]
}

// ---------------------------------------------------------------------------------------------
// Arabic digits

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

// ---------------------------------------------------------------------------------------------
// Number → Chinese

const CN_DIGITS = '零一二三四五六七八九'

/**
 * Arabic digits read one by one: "2025" → "二〇二五". Years are written with 〇 (GB/T 9704:
 * 二〇二五年); the digits after 点 with 零 (三点零五), so the zero is the caller's choice.
 */
export function toChineseDigits(digits: string, zero: '〇' | '零' = '〇'): string {
  let out = ''
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 0x30
    out += d === 0 ? zero : d > 0 && d <= 9 ? CN_DIGITS[d] : ch
  }
  return out
}

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
  if (frac) out += `点${toChineseDigits(frac, '零')}`
  return out
}

/**
 * A counting numeral as headings (一、 （十一）) and dates (十二月二十六日) write it: 1 → 一,
 * 10 → 十, 11 → 十一, 105 → 一百零五. From 1000 on, Arabic digits: no heading or date counts that
 * far, and 一千零一 would only obscure it. Throws on a negative or fractional count.
 */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`)
  return n < 1000 ? toChineseNumeral(n) : String(n)
}

// ---------------------------------------------------------------------------------------------
// Chinese → number

/**
 * Chinese digits read one by one, as years are written: 二〇二五 → 2025, 一九九八 → 1998 (a
 * leading 〇 is allowed). With `zeroLookalikes`, ○ Ｏ O 0 ０ read as 〇 too (dates pasted from
 * the web write 二○二五, 二O二五). NaN when the text is not such a run.
 */
export function parseChineseDigits(text: string, opts: { zeroLookalikes?: boolean } = {}): number {
  if (text === '') return NaN
  let digits = ''
  for (const ch of text) {
    const d = DIGIT_VALUE[ch] ?? (opts.zeroLookalikes && ZERO_LOOKALIKES.has(ch) ? 0 : undefined)
    if (d === undefined) return NaN
    digits += String(d)
  }
  return Number(digits)
}

/**
 * A small counting numeral as list markers and dates write it: 一 → 1, 十 → 10, 十二 → 12,
 * 二十 → 20, 一百零五 → 105 (units 十 and 百 only; 〇 lookalikes read as 0). NaN when a character
 * is not a numeral.
 *
 * Separate from parseChineseNumeral because it reads what the recognizer's marker and date
 * patterns have already matched and never refuses a malformed run: a digit replaces the digit
 * before it (一二 → 2) and units add up (十十 → 20), where parseChineseNumeral gives 12 and null.
 */
export function parseChineseCount(text: string): number {
  if (!text) return NaN
  let total = 0
  let current = -1
  for (const ch of text) {
    if (ch === '十') { total += (current < 0 ? 1 : current) * 10; current = -1 }
    else if (ch === '百') { total += (current < 0 ? 1 : current) * 100; current = -1 }
    else {
      const d = DIGIT_VALUE[ch] ?? (ZERO_LOOKALIKES.has(ch) ? 0 : undefined)
      if (d === undefined) return NaN
      current = d
    }
  }
  return total + (current < 0 ? 0 : current)
}

/**
 * A Chinese numeral → its value: 九 9, 十二 12, 一百零五 105, 两千 2000, 一万二千 12000, 一万二 12000
 * (the colloquial trailing digit), 壹佰 100 (大写), 二〇二五 2025 (digit by digit), 三点五 3.5.
 * Null when malformed (一二十, 百百, 零五).
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
  // digit by digit, no units: 二〇二五, 一九九八 (but not 零五: prose never writes a number so)
  if ([...text].every((ch) => DIGIT_VALUE[ch] !== undefined)) {
    if (text.length > 1 && /^[零〇]/.test(text)) return null
    return parseChineseDigits(text)
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
    const big = CHINESE_MAGNITUDES[ch]
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
