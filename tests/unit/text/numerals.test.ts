import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  chineseCount,
  chineseDigitValue,
  parseChineseCount,
  parseChineseDigits,
  parseChineseNumeral,
  plainDigits,
  toChineseDigits,
  toChineseNumeral,
} from '../../../shared/text'

describe('number → Chinese', () => {
  it.each([
    [0, '零'], [2, '二'], [9, '九'], [10, '十'], [11, '十一'], [12, '十二'], [20, '二十'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [1000, '一千'], [1010, '一千零一十'],
    [10000, '一万'], [12000, '一万二千'], [100005, '十万零五'], [100010, '十万零一十'], [1001000, '一百万一千'], [10010000, '一千零一万'], [99999999, '九千九百九十九万九千九百九十九'],
    [1e8, '一亿'], [3.5, '三点五'], [3.05, '三点零五'], [-2, '负二'],
  ])('%d → %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text)
  })

  it('writes 二, never 两, and 十 at the start but 一十 inside', () => {
    expect(toChineseNumeral(2000)).toBe('二千')
    expect(toChineseNumeral(12)).toBe('十二')
    expect(toChineseNumeral(112)).toBe('一百一十二')
  })

  it('counts as headings and dates do: Chinese below 1000, Arabic from there', () => {
    expect(chineseCount(1)).toBe('一')
    expect(chineseCount(31)).toBe('三十一')
    expect(chineseCount(999)).toBe('九百九十九')
    expect(chineseCount(1000)).toBe('1000')
    expect(() => chineseCount(-1)).toThrow(RangeError)
    expect(() => chineseCount(1.5)).toThrow(RangeError)
  })

  it('reads digits one by one with 〇 for years and 零 for decimals', () => {
    expect(toChineseDigits('2025')).toBe('二〇二五')
    expect(toChineseDigits('2005', '零')).toBe('二零零五')
  })

  it('counts agree with the general numerals', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), (n) => chineseCount(n) === toChineseNumeral(n)))
  })
})

describe('Chinese → number', () => {
  // 〇 and 零, 两 (兩), 一十, the financial forms, 万 and 亿 with what follows them, digit runs, decimals
  it.each([
    ['零', 0], ['〇', 0], ['九', 9], ['十', 10], ['十二', 12], ['一十二', 12], ['二十', 20], ['一百零五', 105], ['一百一十', 110], ['两', 2], ['两千', 2000], ['兩千', 2000],
    ['三千零五', 3005], ['一万二千', 12000], ['一万二', 12000], ['两万', 20000], ['三百五', 350], ['十万零五', 100005], ['一亿', 1e8], ['三亿五千万', 350_000_000],
    ['二〇二五', 2025], ['三点五', 3.5], ['零点五', 0.5], ['壹佰贰拾', 120], ['壹仟零贰拾', 1020], ['一万零一', 10001], ['一千万', 1e7],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value)
  })

  it('reads the value of one digit, financial forms too', () => {
    expect(chineseDigitValue('玖')).toBe(9)
    expect(chineseDigitValue('十')).toBeUndefined()
  })

  // a digit run with a leading zero, and malformed numerals
  it.each(['', '零五', '一二十', '十十', '十百', '百', '点五', '三点', '万', 'abc', '九九九九九九点'])('refuses %j', (text) => {
    expect(parseChineseNumeral(text)).toBeNull()
  })

  it('reads years digit by digit, 〇 lookalikes only when asked', () => {
    expect(parseChineseDigits('二〇二五')).toBe(2025)
    expect(parseChineseDigits('〇一')).toBe(1)
    expect(parseChineseDigits('二○二五')).toBeNaN()
    expect(parseChineseDigits('二○二五', { zeroLookalikes: true })).toBe(2025)
    expect(parseChineseDigits('二O二０', { zeroLookalikes: true })).toBe(2020)
    expect(parseChineseDigits('')).toBeNaN()
    expect(parseChineseDigits('二十')).toBeNaN()
  })

  it('reads counts leniently, as the recognizer always has', () => {
    expect(parseChineseCount('十二')).toBe(12)
    expect(parseChineseCount('二十')).toBe(20)
    expect(parseChineseCount('一百零五')).toBe(105)
    expect(parseChineseCount('一二')).toBe(2)
    expect(parseChineseCount('十十')).toBe(20)
    expect(parseChineseCount('')).toBeNaN()
    expect(parseChineseCount('十a')).toBeNaN()
  })

  it('round-trips every integer from 0 to 99,999,999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => parseChineseNumeral(toChineseNumeral(n)) === n),
      { numRuns: 5000 },
    )
    for (const n of [0, 1, 10, 11, 100, 101, 110, 1000, 1001, 10000, 10001, 10010, 100000, 1000000, 10000000, 10000001, 99999999])
      expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n)
  })

  it('round-trips every integer up to a trillion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n)
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips counts and digit runs', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), (n) => parseChineseCount(chineseCount(n)) === n))
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => parseChineseDigits(toChineseDigits(String(n))) === n))
  })

  it('round-trips decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 999 }), (whole, thousandths) => {
        const n = Number(plainDigits(whole + thousandths / 1000))
        return parseChineseNumeral(toChineseNumeral(n)) === n
      }),
      { numRuns: 2000 },
    )
  })
})
