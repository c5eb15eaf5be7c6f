/** 规范层级: skipped heading levels closed to GB/T order, as a previewed cleanup command. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { previewCleanupSync, strictLevels } from '../../../shared/cleanup'
import type { Block, HeadingLevel, SummaryDocument } from '../../../shared/document/model'
import { SummaryDocumentSchema } from '../../../shared/document/model'
import { headingNumbersOf } from '../../../shared/document/numbering'

const h = (level: HeadingLevel, text: string): Block => ({ type: 'heading', level, title: [{ type: 'text', text }] })
const p = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const doc = (blocks: Block[]): SummaryDocument => ({ version: 1, title: '测试', blocks, figures: [] })

describe('strictLevels', () => {
  it.each([
    [[1, 3, 3, 1, 3], [1, 2, 2, 1, 2]],
    [[1, 3, 4, 3], [1, 2, 3, 2]],
    [[3, 3, 4], [1, 1, 2]],
    [[2, 4, 1, 2], [1, 2, 1, 2]],
    [[1, 3, 2, 3], [1, 2, 2, 3]],
    [[1, 2, 3, 4, 2], [1, 2, 3, 4, 2]],
  ] as [HeadingLevel[], HeadingLevel[]][])('%j → %j', (levels, strict) => {
    expect(strictLevels(levels)).toEqual(strict)
  })

  it('never skips a level and never moves a heading deeper (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<HeadingLevel>(1, 2, 3, 4), { maxLength: 40 }), (levels) => {
        const strict = strictLevels(levels)
        strict.forEach((l, i) => {
          expect(l).toBeLessThanOrEqual(levels[i]!)
          expect(l).toBeLessThanOrEqual(i === 0 ? 1 : strict[i - 1]! + 1)
        })
        expect(strictLevels(strict)).toEqual(strict)
      }),
    )
  })
})

describe('the 规范层级 command', () => {
  const skipped = doc([h(1, '主要做法'), h(3, '建立台账。'), p('正文'), h(3, '抓好落实'), h(1, '下步打算'), h(3, '继续推进')])

  it('previews each heading whose number changes, then applies all at once', () => {
    expect(headingNumbersOf(skipped.blocks)).toEqual(['一、', '1.', '2.', '二、', '1.'])
    const { changes, result } = previewCleanupSync(skipped, 'levels')
    expect(changes.map((c) => [c.removed, c.inserted, c.contextAfter])).toEqual([
      ['1.', '（一）', '建立台账。'],
      ['2.', '（二）', '抓好落实'],
      ['1.', '（一）', '继续推进'],
    ])
    expect(changes[0]).toMatchObject({ target: { kind: 'headingTitle', blockIndex: 1 }, blockIndex: 1, path: ['blocks', 1, 'level'] })
    expect(headingNumbersOf(result.blocks)).toEqual(['一、', '（一）', '（二）', '二、', '（一）'])
    expect(result.blocks[2]).toBe(skipped.blocks[2])
    expect(SummaryDocumentSchema.safeParse(result).success).toBe(true)
    expect(previewCleanupSync(result, 'levels')).toEqual({ command: 'levels', changes: [], result })
  })

  it('lists a sibling renumbered by a level change too', () => {
    const { changes } = previewCleanupSync(doc([h(1, '甲'), h(3, '乙'), h(2, '丙')]), 'levels')
    expect(changes.map((c) => [c.removed, c.inserted])).toEqual([['1.', '（一）'], ['（一）', '（二）']])
  })

  it('changes nothing in a document already in sequence', () => {
    const fine = doc([h(1, '甲'), h(2, '乙'), h(3, '丙'), h(4, '丁'), h(1, '戊')])
    expect(previewCleanupSync(fine, 'levels')).toEqual({ command: 'levels', changes: [], result: fine })
  })
})
