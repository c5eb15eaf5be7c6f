import { describe, expect, it } from 'vitest'
import type { Inline } from '../../shared/document/model'
import { sliceInlines } from '../../shared/paste/inlines'
import { structureParagraphs } from '../../shared/paste/structureParagraphs'

const text = (t: string, marks: { bold?: true; italic?: true; underline?: true } = {}): Inline => ({ type: 'text', text: t, ...marks })

describe('headings in pasted paragraphs', () => {
  it('finds levels from marker kinds, drops the markers and keeps the marks', () => {
    const { blocks, headings } = structureParagraphs([
      [text('一、'), text('工作开展情况', { bold: true })],
      [text('（一）健全机制。', { bold: true }), text('建立周调度制度，'), text('每周通报', { underline: true }), text('。')],
      [text('  1. 排查隐患')],
      [text('全年排查隐患1.5万处。')],
      [text('一是强化宣传；二是严格执法。')],
    ])
    expect(headings).toBe(3)
    expect(blocks).toEqual([
      { type: 'heading', level: 1, title: [text('工作开展情况', { bold: true })] },
      {
        type: 'heading',
        level: 2,
        title: [text('健全机制。', { bold: true })],
        body: [text('建立周调度制度，'), text('每周通报', { underline: true }), text('。')],
      },
      { type: 'heading', level: 3, title: [text('排查隐患')] },
      { type: 'paragraph', children: [text('全年排查隐患1.5万处。')] },
      { type: 'paragraph', children: [text('一是强化宣传；二是严格执法。')] },
    ])
  })

  it('keeps "1、" under "一、" at level 3 when no （一） is used, so it still prints "1."', () => {
    const { blocks } = structureParagraphs([[text('一、总体情况')], [text('1、宣传到位')], [text('2、检查到位')]])
    expect(blocks.map((b) => (b.type === 'heading' ? b.level : 0))).toEqual([1, 3, 3])
  })

  it('slices inline text across marks', () => {
    const inlines = [text('ab', { bold: true }), { type: 'figure' as const, figureId: 'f' }, text('cd')]
    expect(sliceInlines(inlines, 1, 3)).toEqual([text('b', { bold: true }), { type: 'figure', figureId: 'f' }, text('c')])
    expect(sliceInlines(inlines, 2)).toEqual([{ type: 'figure', figureId: 'f' }, text('cd')])
  })
})
