import { describe, expect, it } from 'vitest'
import {
  loadChineseConverter,
  previewCleanup,
  simplifiedToTraditional as s2t,
  traditionalToSimplified as t2s,
} from '../../../shared/cleanup'
import { SummaryDocumentSchema, type SummaryDocument } from '../../../shared/document/model'

describe('Traditional → Simplified', () => {
  it('converts standard Traditional text', async () => {
    expect(await t2s('開展創建文明城市工作，發放宣傳單300餘份')).toBe('开展创建文明城市工作，发放宣传单300余份')
    expect(await t2s('頭髮、發展、乾淨、於是')).toBe('头发、发展、干净、于是')
  })
  it('also takes Taiwan and Hong Kong variant characters', async () => {
    expect(await t2s('裡面')).toBe('里面')
    expect(await t2s('衞生')).toBe('卫生')
  })
  it('keeps the words: no regional phrase replacement, proper names left as OpenCC knows them', async () => {
    expect(await t2s('軟體資訊')).toBe('软体资讯')
    expect(await t2s('乾隆、著作')).toBe('乾隆、著作')
  })
  it('leaves Simplified text, Latin and digits alone', async () => {
    const text = '一年来，我们扎实推进各项工作，召开会议3次，使用Excel统计。'
    expect(await t2s(text)).toBe(text)
  })
  it('loads the dictionaries once', async () => {
    expect(loadChineseConverter('t2s')).toBe(loadChineseConverter('t2s'))
  })
})

describe('Simplified → Traditional', () => {
  it('gives OpenCC standard Traditional by default', async () => {
    expect(await s2t('开展创建文明城市工作，头发，发展，干部，干净')).toBe('開展創建文明城市工作，頭髮，發展，幹部，乾淨')
    expect(await s2t('里面')).toBe('裏面')
  })
  it('gives Taiwan or Hong Kong forms on request, without phrase replacement', async () => {
    expect(await s2t('里面', 'tw')).toBe('裡面')
    expect(await s2t('软件信息', 'tw')).toBe('軟件信息')
  })
})

describe('the t2s and s2t commands on a document', () => {
  const doc: SummaryDocument = {
    version: 1,
    title: '年度工作總結',
    blocks: [
      { type: 'heading', level: 1, title: [{ type: 'text', text: '主要工作' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '召開會議' },
          { type: 'figure', figureId: '會議次數' },
          { type: 'text', text: '，發放', bold: true },
          { type: 'text', text: '宣傳單' },
        ],
      },
    ],
    figures: [{ id: '會議次數', name: '會議次數', value: 3, unit: '次' }],
    signature: { organization: '某某社區居委會', dateStyle: 'arabic' },
  }

  it('converts every text, keeps marks, and never touches figures', async () => {
    const { changes, result } = await previewCleanup(doc, 't2s')
    expect(SummaryDocumentSchema.parse(result)).toEqual(result)
    expect(result.title).toBe('年度工作总结')
    expect(result.blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: '召开会议' },
        { type: 'figure', figureId: '會議次數' },
        { type: 'text', text: '，发放', bold: true },
        { type: 'text', text: '宣传单' },
      ],
    })
    expect(result.figures).toBe(doc.figures)
    expect(result.signature?.organization).toBe('某某社区居委会')
    expect(changes.map((c) => [c.removed, c.inserted])).toEqual([
      ['總結', '总结'],
      ['開會議', '开会议'],
      ['發放宣傳單', '发放宣传单'], // edits two characters apart are shown as one change, across inlines
      ['區居委會', '区居委会'],
    ])
    // the context shows the figure by its value
    expect(changes[2]!.before).toBe('召開會議3次，發放宣傳單')
    expect(changes[2]!.path).toEqual(['blocks', 1, 'children', 2])
    expect(changes[2]!.offset).toBe(1)
  })

  it('round-trips through s2t', async () => {
    const simplified = (await previewCleanup(doc, 't2s')).result
    const back = (await previewCleanup(simplified, 's2t')).result
    expect(back.title).toBe('年度工作總結')
    expect((await previewCleanup(back, 's2t')).changes).toEqual([])
  })
})
