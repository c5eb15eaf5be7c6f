import { describe, expect, it } from 'vitest'
import { compareDocuments, documentParagraphs, revisionTime } from '../../shared/document/history'
import type { Block, SummaryDocument } from '../../shared/document/model'
import { applyDiff } from '../../shared/text/diff'
import { sampleDocument } from '../helpers/documents'

const para = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const heading = (level: 1 | 2, text: string): Block => ({ type: 'heading', level, title: [{ type: 'text', text }] })
const doc = (blocks: Block[]): SummaryDocument => ({ version: 1, title: '2025年度工作总结', blocks, figures: [] })

describe('documentParagraphs', () => {
  it('reads the document as the writer does: numbers worked out, figures as their text, signature last', () => {
    const paragraphs = documentParagraphs(sampleDocument())
    expect(paragraphs[0]).toEqual({ kind: 'title', text: '2025年度安全生产工作总结' })
    expect(paragraphs.find((p) => p.kind === 'heading' && p.level === 2)).toMatchObject({ number: '（一）', text: expect.stringContaining('与各村签订责任书36份') })
    expect(paragraphs.slice(-2)).toEqual([
      { kind: 'signature', text: '某某镇应急管理办公室' },
      { kind: 'signature', text: '2025年12月20日' },
    ])
  })
})

describe('compareDocuments', () => {
  const before = doc([heading(1, '主要工作'), para('全年召开会议12次。'), heading(1, '存在的问题'), para('宣传不够深入。')])

  it('finds nothing between equal texts', () => {
    expect(compareDocuments(before, before)).toMatchObject({ changed: 0, inserted: 0, deleted: 0 })
  })

  it('an inserted section does not mark the later headings, although their numbers moved', () => {
    const after = doc([heading(1, '主要工作'), para('全年召开会议12次。'), heading(1, '创新做法'), para('推行网格化管理。'), heading(1, '存在的问题'), para('宣传不够深入。')])
    const c = compareDocuments(before, after)
    expect(c.paragraphs.filter((p) => p.kind !== 'equal').map((p) => [p.kind, p.paragraph.text])).toEqual([
      ['inserted', '创新做法'],
      ['inserted', '推行网格化管理。'],
    ])
    // the heading after it carries its new number, unmarked
    expect(c.paragraphs.find((p) => p.paragraph.text === '存在的问题')).toMatchObject({ kind: 'equal', paragraph: { number: '三、' } })
    expect(c).toMatchObject({ changed: 2, inserted: 12, deleted: 0 })
  })

  it('an edited figure is one changed paragraph; 字数 counted as the status bar counts (a number is one)', () => {
    const after = doc([heading(1, '主要工作'), para('全年召开会议15次，培训300人。'), heading(1, '存在的问题'), para('宣传不够深入。')])
    const c = compareDocuments(before, after)
    const changed = c.paragraphs.find((p) => p.kind === 'changed')
    expect(changed?.kind === 'changed' && applyDiff('全年召开会议12次。', changed.ops)).toBe('全年召开会议15次，培训300人。')
    expect(c.changed).toBe(1)
    expect(changed?.kind === 'changed' && changed.ops).toEqual([
      { op: 'equal', text: '全年召开会议' },
      { op: 'delete', text: '12' },
      { op: 'insert', text: '15' },
      { op: 'equal', text: '次' },
      { op: 'insert', text: '，培训300人' },
      { op: 'equal', text: '。' },
    ])
    expect(c).toMatchObject({ deleted: 1, inserted: 6 }) // 5 · ，培训 · 300 · 人
  })

  it('a paragraph made a heading is a change of that paragraph, not a deletion and an insertion', () => {
    const after = doc([heading(1, '主要工作'), heading(2, '全年召开会议12次。'), heading(1, '存在的问题'), para('宣传不够深入。')])
    const c = compareDocuments(before, after)
    expect(c.paragraphs.filter((p) => p.kind !== 'equal')).toEqual([
      expect.objectContaining({ kind: 'changed', paragraph: expect.objectContaining({ kind: 'heading', level: 2 }), before: expect.objectContaining({ kind: 'paragraph' }), ops: [{ op: 'equal', text: '全年召开会议12次。' }] }),
    ])
  })

  it('a deleted paragraph is deleted', () => {
    const after = doc([heading(1, '主要工作'), para('全年召开会议12次。'), heading(1, '存在的问题')])
    expect(compareDocuments(before, after).paragraphs.filter((p) => p.kind !== 'equal')).toEqual([{ kind: 'deleted', paragraph: { kind: 'paragraph', text: '宣传不够深入。' } }])
  })
})

describe('revisionTime', () => {
  it('is 2025年12月31日 14:05 in Chinese and 2025-12-31 14:05 in English, in local time', () => {
    const ms = new Date(2025, 11, 31, 14, 5).getTime()
    expect(revisionTime(ms)).toBe('2025年12月31日 14:05')
    expect(revisionTime(ms, 'en')).toBe('2025-12-31 14:05')
    expect(revisionTime(new Date(2026, 0, 2, 9, 3).getTime())).toBe('2026年1月2日 09:03')
  })
})
