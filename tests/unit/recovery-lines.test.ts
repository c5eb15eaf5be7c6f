/**
 * What a journal snapshot of a team document holds that the team's text no longer does: when
 * nothing, the writer's text is in the team document already and no recovery is offered; otherwise
 * the offer names how many paragraphs differ (renderer/features/saving/SaveGuard.tsx).
 */
import { describe, expect, it } from 'vitest'
import type { SummaryDocument } from '../../shared/document/model'
import { linesMissing } from '../../shared/document/text'

const doc = (paragraphs: string[], title = '办公室年度工作总结'): SummaryDocument => ({
  version: 1,
  title,
  blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] })),
  figures: [],
})

describe('linesMissing', () => {
  it('is empty when the current text has every line of the snapshot, whatever was added around them', () => {
    const snapshot = doc(['第一段。', '第二段。我补的一句。'])
    expect(linesMissing(snapshot, snapshot)).toEqual([])
    expect(linesMissing(snapshot, doc(['别人加的一段。', '第一段。', '第二段。我补的一句。', '又一段。']))).toEqual([])
  })

  it('names the snapshot’s lines that were changed or removed since, in order', () => {
    const snapshot = doc(['第一段。', '第二段。我补的一句。', '第三段。'])
    const now = doc(['第一段。别人后来改的。', '第三段。'])
    expect(linesMissing(snapshot, now)).toEqual(['第一段。', '第二段。我补的一句。'])
  })

  it('counts the title as a line and leaves empty lines out', () => {
    expect(linesMissing(doc(['', '正文。'], '旧标题'), doc(['正文。'], '新标题'))).toEqual(['旧标题'])
  })
})
