import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SummaryDocumentSchema, type SummaryDocument } from '../../shared/document/model'
import { applyRollover, planRollover, sourceYear } from '../../shared/document/rollover'

const para = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] })

const summary: SummaryDocument = {
  version: 1,
  title: '某某镇2024年度工作总结',
  blocks: [
    para('2024年，我镇在县委领导下，较2023年增长明显，同比增长12%。'),
    { type: 'heading', level: 1, title: [{ type: 'text', text: '2025年工作打算' }] },
    { type: 'heading', level: 2, title: [{ type: 'text', text: '加强领导。' }], body: [{ type: 'text', text: '召开会议' }, { type: 'figure', figureId: 'a' }, { type: 'text', text: '，二〇二四年底完成。' }] },
    { type: 'table', rows: [[[{ type: 'text', text: '2024年' }], [{ type: 'text', text: '12024年' }]]] },
    para('电话12345678，文号〔2024〕3号。'),
  ],
  figures: [
    { id: 'a', name: '会议次数', value: 12, unit: '次', lastYear: 10 },
    { id: 'b', name: '人均', value: 0, formula: '会议次数 * 2' },
    { id: 'c', name: '单位名称', value: '某某镇' },
    { id: 'd', name: '待填', value: null, lastYear: 3 },
  ],
  signature: { organization: '某某镇人民政府', date: '2024-12-20', dateStyle: 'chinese' },
}

const allText = (d: SummaryDocument) => JSON.stringify(d.blocks)

describe('planRollover / applyRollover', () => {
  const plan = planRollover(summary, { toYear: 2025 })
  const next = applyRollover(summary, plan)

  it('finds the source year from the signature, else the title, else the most frequent year', () => {
    expect(sourceYear(summary)).toEqual({ year: 2024, source: 'signature' })
    expect(sourceYear({ ...summary, signature: undefined })).toEqual({ year: 2024, source: 'title' })
    expect(sourceYear({ ...summary, signature: undefined, title: '工作总结' })).toEqual({ year: 2024, source: 'text' })
    expect(sourceYear({ ...summary, signature: undefined, title: '', blocks: [] })).toEqual({ year: null, source: 'none' })
  })

  it('advances the source year and the next one, in Arabic and Chinese numerals, and nothing else', () => {
    expect(next.title).toBe('某某镇2025年度工作总结')
    expect(plan.title).toBe(next.title)
    expect(plan.years.map((c) => [c.where, c.before, c.after])).toEqual([
      ['title', '2024', '2025'],
      [0, '2024', '2025'],
      [1, '2025', '2026'],
      [2, '二〇二四', '二〇二五'],
      [3, '2024', '2025'],
    ])
    expect(plan.years[1]!.context).toContain('2024年，我镇')
    expect(allText(next)).toContain('较2023年增长明显，同比增长12%')
    expect(allText(next)).toContain('12024年')
    expect(allText(next)).toContain('〔2024〕3号')
    expect(allText(next)).toContain('2026年工作打算')
  })

  it('moves values to lastYear and leaves the figures unfilled; formulas keep theirs; text figures stay', () => {
    expect(next.figures).toEqual([
      { id: 'a', name: '会议次数', value: null, unit: '次', lastYear: 12 },
      { id: 'b', name: '人均', value: null, formula: '会议次数 * 2', lastYear: 24 },
      { id: 'c', name: '单位名称', value: '某某镇' },
      { id: 'd', name: '待填', value: null },
    ])
    expect(plan.figures.map((f) => f.name)).toEqual(['会议次数', '人均', '待填'])
  })

  it('clears the signature date, keeps the rest, and leaves the source untouched', () => {
    expect(next.signature).toEqual({ organization: '某某镇人民政府', dateStyle: 'chinese' })
    expect(plan.clearsDate).toBe(true)
    expect(summary.signature?.date).toBe('2024-12-20')
    expect(SummaryDocumentSchema.safeParse(next).success).toBe(true)
  })

  it('keeps the zero the writer used', () => {
    const doc = { ...summary, signature: undefined, title: '二零二四年工作总结', blocks: [] }
    expect(applyRollover(doc, planRollover(doc)).title).toBe('二零二五年工作总结')
  })

  it('a target year not after the source year changes no text', () => {
    const p = planRollover(summary, { toYear: 2024 })
    expect(p.years).toEqual([])
    expect(applyRollover(summary, p).title).toBe(summary.title)
  })
})

// Text with no 年 after any digit run, so no year mentions.
const yearless = fc.string({ maxLength: 30 }).map((s) => s.replace(/年/g, '月'))
const blocks = (text: fc.Arbitrary<string>) => fc.array(text.map(para), { maxLength: 5 })

describe('rollover properties', () => {
  it('changes no text of a document without years, and applying twice gives the same text', () => {
    fc.assert(
      fc.property(yearless, blocks(yearless), (title, bs) => {
        const doc: SummaryDocument = { version: 1, title, blocks: bs, figures: [] }
        const once = applyRollover(doc, planRollover(doc, { currentYear: 2025 }))
        expect(once).toEqual(doc)
        expect(applyRollover(once, planRollover(once, { currentYear: 2025 }))).toEqual(once)
      }),
    )
  })

  it('applying twice advances the source year and the next one by two', () => {
    const piece = fc.oneof(yearless, fc.constantFrom('2024年', '2025年', '二〇二四年', '2023年'))
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join('，'))
    fc.assert(
      fc.property(blocks(text), fc.integer({ min: 0, max: 1000 }), (bs, value) => {
        const doc: SummaryDocument = {
          version: 1, title: '2024年工作总结', blocks: bs,
          figures: [{ id: 'x', name: '数', value }],
          signature: { organization: '', date: '2024-06-30', dateStyle: 'arabic' },
        }
        const once = applyRollover(doc, planRollover(doc))
        const twice = applyRollover(once, planRollover(once))
        const expected = JSON.stringify(bs)
          .replace(/2025年/g, '2027年').replace(/2024年/g, '2026年').replace(/二〇二四年/g, '二〇二六年')
        expect(JSON.stringify(twice.blocks)).toBe(expected)
        expect(twice.title).toBe('2026年工作总结')
        expect(once.figures[0]).toEqual({ id: 'x', name: '数', value: null, lastYear: value })
      }),
    )
  })
})
