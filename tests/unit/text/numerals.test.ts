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
    [0, '零'], [2, '二'], [10, '十'], [11, '十一'], [20, '二十'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [1010, '一千零一十'],
    [10000, '一万'], [12000, '一万二千'], [100005, '十万零五'], [100010, '十万零一十'], [99999999, '九千九百九十九万九千九百九十九'], [3.05, '三点零五'], [-2, '负二'],
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
  it('reads 〇 and 零, 两, and the financial forms', () => {
    expect(parseChineseNumeral('〇')).toBe(0)
    expect(parseChineseNumeral('零')).toBe(0)
    expect(parseChineseNumeral('两万')).toBe(20000)
    expect(parseChineseNumeral('兩千')).toBe(2000)
    expect(parseChineseNumeral('壹仟零贰拾')).toBe(1020)
    expect(parseChineseNumeral('一十二')).toBe(12)
    expect(chineseDigitValue('玖')).toBe(9)
    expect(chineseDigitValue('十')).toBeUndefined()
  })

  it('refuses a digit run with a leading zero and malformed numerals', () => {
    expect(parseChineseNumeral('零五')).toBeNull()
    expect(parseChineseNumeral('一二十')).toBeNull()
    expect(parseChineseNumeral('十十')).toBeNull()
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
