/**
 * A standalone heading holding its heading sentence and more text becomes a run-in heading, cut
 * where the recognizer cuts a marker line (shapeHeading), in a headless editor with DraftDesk's nodes.
 */
import { describe, expect, it } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { $createTextNode, $getRoot } from 'lexical'
import { editorNodes } from '../../renderer/editor/SummaryEditor'
import { $createSectionHeadingNode, $isRunInBodyNode, $isSectionHeadingNode } from '../../renderer/features/structure'
import { $splitHeadingSentence } from '../../renderer/features/structure/blockCommands'

/** Builds one level-2 heading from text pieces (the second piece bold), splits it, reads it back. */
function split(...pieces: string[]): { split: boolean; title: string; body: string | null; bold: string[] } {
  const editor = createHeadlessEditor({
    nodes: editorNodes,
    onError: (error) => {
      throw error
    },
  })
  let result = false
  editor.update(
    () => {
      const heading = $createSectionHeadingNode(2)
      pieces.forEach((text, i) => {
        const node = $createTextNode(text)
        if (i === 1) node.toggleFormat('bold')
        heading.append(node)
      })
      $getRoot().clear().append(heading)
      result = $splitHeadingSentence(heading)
    },
    { discrete: true },
  )
  return editor.getEditorState().read(() => {
    const heading = $getRoot().getFirstChild()
    if (!$isSectionHeadingNode(heading)) throw new Error('no heading')
    const body = heading.getChildren().find($isRunInBodyNode)
    const title = heading
      .getChildren()
      .filter((c) => !$isRunInBodyNode(c))
      .map((c) => c.getTextContent())
      .join('')
    const bold = heading.getAllTextNodes().filter((t) => t.hasFormat('bold')).map((t) => t.getTextContent())
    return { split: result, title, body: body ? body.getTextContent() : null, bold }
  })
}

describe('splitting a heading into title and run-in body', () => {
  it('cuts after the first sentence end', () => {
    expect(split('健全工作机制。每月召开一次例会，通报进度。')).toEqual({
      split: true,
      title: '健全工作机制。',
      body: '每月召开一次例会，通报进度。',
      bold: [],
    })
  })

  it('cuts after a short label and its colon when body text follows', () => {
    const r = split('队伍建设：全年选派十二名干部参加业务培训')
    expect([r.title, r.body]).toEqual(['队伍建设：', '全年选派十二名干部参加业务培训'])
  })

  it('cuts at a full-width blank after a short label, dropping the blank', () => {
    const r = split('夯实基层基础\u3000新建村级服务站三个，改造活动室五处。')
    expect([r.title, r.body]).toEqual(['夯实基层基础', '新建村级服务站三个，改造活动室五处。'])
  })

  it('keeps marks on both sides of the cut', () => {
    const r = split('抓好', '队伍培训。分三批', '轮训全体网格员。')
    expect([r.title, r.body]).toEqual(['抓好队伍培训。', '分三批轮训全体网格员。'])
    expect(r.bold).toEqual(['队伍培训。', '分三批'])
  })

  it('leaves a heading alone when nothing follows its sentence, or it is a short label', () => {
    expect(split('强化督查问责。')).toMatchObject({ split: false, title: '强化督查问责。', body: null })
    expect(split('计生工作：出生人口稳定')).toMatchObject({ split: false, body: null })
    expect(split('抓好安全生产')).toMatchObject({ split: false, body: null })
  })
})
