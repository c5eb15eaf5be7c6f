import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Figure } from '../../shared/document/model'
import { figureFormatter, figureText, formatFigure, formatValue } from '../../shared/figures/format'
import { formatNumber, groupDigits, parseNumber, plainDigits } from '../../shared/figures/numbers'

const fig = (over: Partial<Figure>): Figure => ({ id: 'a', name: '会议次数', value: null, ...over })

describe('parseNumber', () => {
  it.each([
    ['1000', 1000], ['1,000', 1000], ['１２３', 123], ['3.5', 3.5], ['-4', -4], ['1.2万', 12000], ['3亿', 3e8], ['百分之九十', 90], ['95%', 95],
    ['九', 9], ['一千二百万', 12_000_000], [' 42 ', 42], ['负三', -3],
  ])('%j = %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it.each(['', 'abc', '1.2.3', '12a', '1,00', '——'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeNull()
  })

  it('reads back what plainDigits and grouped digits write', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const n = whole + (whole < 0 ? -cents : cents) / 100
        expect(parseNumber(plainDigits(n))).toBeCloseTo(n, 6)
        expect(parseNumber(groupDigits(plainDigits(n)))).toBeCloseTo(n, 6)
      }),
    )
  })

  it('never writes exponent notation', () => {
    expect(plainDigits(1e20)).toBe('100000000000000000000')
    expect(plainDigits(0.1 + 0.2)).toBe('0.3')
    expect(plainDigits(1.2 * 10000)).toBe('12000')
  })
})

describe('formatNumber', () => {
  it('scales by 万 and 亿', () => {
    expect(formatNumber(5_604_900, 'wan', { unit: '元' })).toEqual({ digits: '560.49', scale: '万' })
    expect(formatNumber(350_000_000, 'wan')).toEqual({ digits: '3.5', scale: '亿' })
    expect(formatNumber(9000, 'wan')).toEqual({ digits: '9000', scale: '' })
    expect(formatNumber(56_049, 'wan', { unit: '万元' })).toEqual({ digits: '5.6', scale: '亿', unit: '元' })
  })
  it('groups digits', () => {
    expect(formatNumber(1_234_567.5, 'grouped').digits).toBe('1,234,567.5')
    expect(formatNumber(-1234, 'grouped').digits).toBe('-1,234')
  })
})

describe('figure display', () => {
  it.each<[Partial<Figure>, string]>([
    [{ value: 1000, qualifier: '余', unit: '份' }, '1000余份'],
    [{ value: 300, qualifier: '多', unit: '人' }, '300多人'],
    [{ value: 300, qualifier: '约', unit: '人' }, '约300人'],
    [{ value: 300, qualifier: '近', unit: '人' }, '近300人'],
    [{ value: 120, qualifier: '以上', unit: '人' }, '120人以上'],
    [{ value: 9, unit: '个', style: 'chinese' }, '九个'],
    [{ value: 560.49, unit: '万元' }, '560.49万元'],
    [{ value: 5_604_900, unit: '元', style: 'wan' }, '560.49万元'],
    [{ value: 100_000, unit: '元', style: 'wan', qualifier: '余' }, '10余万元'],
    [{ value: 95, unit: '%' }, '95%'],
    [{ value: 95, unit: '%', style: 'chinese' }, '百分之九十五'],
    [{ value: 1_234_567, unit: '元', style: 'grouped' }, '1,234,567元'],
    [{ value: '枫桥街道' }, '枫桥街道'],
    [{ value: '50-80', unit: '人' }, '50-80人'],
    [{ value: null }, '〔会议次数〕'],
    [{ value: '  ' }, '〔会议次数〕'],
    [{ value: null, name: '' }, '〔待填〕'],
  ])('%j → %s', (over, text) => {
    expect(figureText(fig(over))).toBe(text)
  })

  it('computes formulas through the table, and shows an unfilled marker with the error when one fails', () => {
    const figures: Figure[] = [
      { id: 'a', name: '调解数', value: 36 },
      { id: 'b', name: '纠纷数', value: 37 },
      { id: 'r', name: '调解率', value: null, unit: '%', formula: '调解数 ÷ 纠纷数 × 100' },
      { id: 'z', name: '坏', value: null, formula: '调解数 / 0' },
    ]
    const format = figureFormatter(figures)
    expect(format('r')).toEqual({ text: '97.3%', unfilled: false })
    expect(format('z')).toEqual({ text: '〔坏〕', unfilled: true, error: { code: 'formula.divisionByZero', params: {} } })
    expect(format('missing')).toMatchObject({ text: '〔数据〕', unfilled: true })
    expect(formatFigure(figures[2]!, figures).text).toBe('97.3%')
    expect(formatValue({ name: 'x', unit: '个' }, 3).text).toBe('3个')
  })
})
