import { describe, expect, it } from 'vitest'
import { FigureSchema, type Figure } from '../../shared/document/model'
import { newFigureId } from '../../shared/figures/id'
import { figureRows } from '../../shared/figures/row'
import { figuresToRows } from '../../shared/figures/sheet'

const figures: Figure[] = [
  { id: 'a', name: '会议次数', value: 3, unit: '次', lastYear: 2 },
  { id: 'b', name: '资金', value: 56049, unit: '万元', style: 'wan' },
  { id: 'c', name: '人均', value: null, formula: '资金 / 会议次数', unit: '万元' },
  { id: 'd', name: '坏公式', value: 5, formula: '没有这项 + 1', lastYear: 4 },
  { id: 'e', name: '说明', value: '若干' },
  { id: 'f', name: '待填', value: null },
]

describe('figureRow', () => {
  const rows = figureRows(figures, new Map([['a', 2]]))
  const row = (id: string) => rows.find((r) => r.figure.id === id)!

  it('shows the value as its cell does, the text as references do, and the uses', () => {
    expect(row('a')).toMatchObject({ value: 3, valueText: '3', shown: '3次', unfilled: false, uses: 2, comparison: '同比增长50%，增加1次' })
    expect(row('b')).toMatchObject({ value: 56049, valueText: '56049', shown: '5.6亿元', uses: 0 })
    expect(row('c')).toMatchObject({ value: 18683, valueText: '18683', shown: '18683万元' })
    expect(row('e')).toMatchObject({ value: '若干', valueText: '若干', shown: '若干' })
    expect(row('f')).toMatchObject({ value: null, valueText: '', shown: '〔待填〕', unfilled: true })
    expect(row('a').error).toBeUndefined()
  })

  it('a failing formula shows no value and its error; the grid still compares the stored value', () => {
    expect(row('d')).toMatchObject({ value: null, valueText: '', shown: '〔坏公式〕', unfilled: true })
    expect(row('d').error).toBeTruthy()
    expect(row('d').comparison).toBe('同比增长25%，增加1')
  })

  it('the spreadsheet writes the same rows (its 同比 follows its empty 数值 cell)', () => {
    const sheet = figuresToRows(figures, new Map([['a', 2]]))
    expect(sheet.slice(1).map((r) => [r[1], r[8], r[9], r[10]])).toEqual(
      rows.map((r) => [r.value ?? '', r.shown, r.result?.ok ? r.comparison : '', r.uses]),
    )
    expect(sheet[4]![9]).toBe('')
  })
})

describe('newFigureId', () => {
  it('is f and 7 base-36 characters, valid in the schema', () => {
    for (let i = 0; i < 200; i++) {
      const id = newFigureId()
      expect(id).toMatch(/^f[0-9a-z]{7}$/)
      expect(FigureSchema.safeParse({ id, name: 'x', value: null }).success).toBe(true)
    }
  })

  it('never returns a taken id and does not repeat itself', () => {
    const taken = new Set<string>()
    for (let i = 0; i < 2000; i++) taken.add(newFigureId(taken))
    expect(taken.size).toBe(2000)
  })

  it('uses every character', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 500; i++) for (const ch of newFigureId().slice(1)) seen.add(ch)
    expect(seen.size).toBe(36)
  })
})
