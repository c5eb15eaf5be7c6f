import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Figure } from '../../shared/document/model'
import { figureText } from '../../shared/figures/format'
import { contextName, groupScan, parseQuantity, parseSelection, scanText } from '../../shared/figures/scan'

const found = (text: string) => scanText(text).map((m) => m.text)

describe('scanning prose for quantities', () => {
  it('finds numbers with units, qualifiers, money, percentages, ranges and Chinese numerals', () => {
    const text = '共召开专题会议3次，发放宣传资料1000余份，投入资金560.49万元，知晓率达到100%，全镇9个行政村、九个村，参加50-80人，约300人，120人以上，百分之九十五，1.2万人次，10余万元，近千人。'
    expect(found(text)).toEqual(['3次', '1000余份', '560.49万元', '100%', '9个', '九个', '50-80人', '约300人', '120人以上', '百分之九十五', '1.2万人次', '10余万元', '近千人'])
  })

  it('reads each quantity', () => {
    const q = (text: string) => scanText(text)[0]?.quantity
    expect(q('资料1000余份')).toEqual({ kind: 'number', value: 1000, unit: '份', qualifier: '余' })
    expect(q('资金560.49万元')).toEqual({ kind: 'money', value: 560.49, unit: '万元' })
    expect(q('达到100%')).toEqual({ kind: 'percent', value: 100, unit: '%' })
    expect(q('全镇九个村')).toEqual({ kind: 'number', value: 9, unit: '个', style: 'chinese' })
    expect(q('参加50～80人')).toEqual({ kind: 'range', value: '50-80', unit: '人' })
    expect(q('服务1.2万人')).toEqual({ kind: 'number', value: 12000, unit: '人', style: 'wan' })
    expect(q('资金1.5亿元')).toEqual({ kind: 'money', value: 1.5, unit: '亿元' })
    expect(q('１２次')).toEqual({ kind: 'number', value: 12, unit: '次' })
  })

  it('leaves dates, times, ordinals, codes, lead-ins and stock phrases alone', () => {
    expect(found('2025年12月20日召开，3月份部署，8时30分开始，会期2025-12-20，时间8:30')).toEqual([])
    expect(found('第3次会议，第二批，GB/T 9704-2012，A4纸，x64')).toEqual([])
    expect(found('一是加强领导，二是完善制度，进一步压实责任，建立一个机制，统一部署，一次性告知')).toEqual([])
    expect(found('增强四个意识，做到两个维护，落实八项规定，践行三个代表')).toEqual([])
    expect(found('二〇二五年工作总结')).toEqual([])
  })

  it('finds placeholders (x次, xx户, ____) but not 20xx年', () => {
    const matches = scanText('召开会议x次，受益居民xx户，整改____处，20xx年')
    expect(matches.map((m) => [m.kind, m.text])).toEqual([['placeholder', 'x'], ['placeholder', 'xx'], ['placeholder', '____']])
  })

  it('never throws, and returns ordered, non-overlapping spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789一二两三十百千万亿余多约近以上次个份人元%年月日第-～xX_. ，。'), maxLength: 60 }), (text) => {
        let at = 0
        for (const m of scanText(text)) {
          expect(m.start).toBeGreaterThanOrEqual(at)
          expect(m.end).toBeLessThanOrEqual(text.length)
          expect(text.slice(m.start, m.end)).toBe(m.text)
          at = m.end
        }
      }),
      { numRuns: 1000 },
    )
  })
})

describe('parsing a selection (设为数据)', () => {
  it.each([
    ['300余份', { value: 300, qualifier: '余', unit: '份' }],
    ['约300人', { value: 300, qualifier: '约', unit: '人' }],
    ['120人以上', { value: 120, qualifier: '以上', unit: '人' }],
    ['560.49万元', { value: 560.49, unit: '万元' }],
    ['95%', { value: 95, unit: '%' }],
    ['1,000', { value: 1000 }],
    ['九', { value: 9, style: 'chinese' }],
    ['近千人', { value: 1000, qualifier: '近', unit: '人', style: 'chinese' }],
  ])('%s', (text, expected) => {
    expect(parseQuantity(text)).toMatchObject(expected)
  })

  it('keeps words around the quantity as text', () => {
    expect(parseSelection('九个村')).toMatchObject({ quantity: { value: 9, unit: '个' }, leading: '', trailing: '村' })
    expect(parseSelection('共300余份')).toMatchObject({ quantity: { value: 300 }, leading: '共', trailing: '' })
    expect(parseSelection('abc')).toBeNull()
    expect(parseSelection('3次和5次')).toBeNull()
    expect(parseSelection('2025年')).toBeNull()
  })

  it('formats a parsed quantity back to the same text', () => {
    for (const text of ['300余份', '约300人', '120人以上', '560.49万元', '95%', '九个', '百分之九十五', '50-80人', '1.2万人', '10余万元', '1000多人']) {
      const q = parseQuantity(text)!
      const figure: Figure = { id: 'a', name: 'x', value: q.value, ...(q.unit ? { unit: q.unit } : {}), ...(q.qualifier ? { qualifier: q.qualifier } : {}), ...(q.style ? { style: q.style } : {}) }
      expect(figureText(figure)).toBe(text)
    }
  })
})

describe('查找数字 groups', () => {
  it('groups identical text, names groups from the words before, points at existing figures', () => {
    const figures: Figure[] = [{ id: 'e', name: '投入资金', value: 560.49, unit: '万元' }]
    const groups = groupScan(
      [{ text: '今年发放宣传资料300余份，投入资金560.49万元。' }, { text: '社区发放宣传资料300余份，召开会议x次，召开会议x次。' }],
      figures,
      (f) => figureText(f, figures),
    )
    expect(groups.map((g) => [g.text, g.suggestedName, g.occurrences.length, g.existingFigureId ?? null])).toEqual([
      ['300余份', '发放宣传资料', 2, null],
      ['560.49万元', '投入资金', 1, 'e'],
      ['x', '会议次数', 2, null],
    ])
  })

  it('takes the words before a number as its name', () => {
    expect(contextName('全年共召开专题会议', 9)).toBe('召开专题会议')
    expect(contextName('知晓率达到', 5)).toBe('知晓率')
    expect(contextName('，', 1)).toBe('')
  })
})
