/**
 * The outline lists the headings in the order the document has them, numbered as they print,
 * after every kind of change: a heading added in the middle, moved, deleted, renamed, changed in
 * level, a run-in heading's body typed, several changes in one update, undo and redo. An editor
 * with DraftDesk's nodes rendering into happy-dom (the outline listens to heading mutations, which a
 * headless editor does not report), the outline's own listener and store (what OutlinePanel shows).
 */
import { describe, expect, it } from 'vitest'
import { withDOM } from '@lexical/headless/dom'
import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import { $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, $isElementNode, CAN_UNDO_COMMAND, createEditor, COMMAND_PRIORITY_EDITOR, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor, type LexicalNode } from 'lexical'
import { editorNodes } from '../../renderer/editor/SummaryEditor'
import { createOutlineStore } from '../../renderer/features/outline/outlineStore'
import { moveSection } from '../../renderer/features/outline/sections'
import { $createRunInBodyNode, $createSectionHeadingNode, $createTitleNode, $isSectionHeadingNode, type SectionHeadingNode } from '../../renderer/features/structure'
import { computeOutline, registerOutline } from '../../renderer/features/structure/HeadingNumbersPlugin'
import { $createFigureRefNode } from '../../renderer/features/figures/FigureRefNode'
import { $setFigures } from '../../renderer/features/figures/state'
import type { HeadingLevel } from '../../shared/document/model'

type Block = string | [HeadingLevel, string] | [HeadingLevel, string, string]

function $block(b: Block): LexicalNode {
  if (typeof b === 'string') return $createParagraphNode().append($createTextNode(b))
  const heading = $createSectionHeadingNode(b[0]).append($createTextNode(b[1]))
  if (b[2] !== undefined) heading.append($createRunInBodyNode().append($createTextNode(b[2])))
  return heading
}

/** A document, the outline's listener and store on it, and undo history (inside `inDom`). */
function open(blocks: Block[]) {
  const editor = createEditor({
    nodes: editorNodes,
    onError: (error) => {
      throw error
    },
  })
  editor.setRootElement(document.createElement('div'))
  const store = createOutlineStore()
  registerOutline(editor, store.setEntries)
  registerHistory(editor, createEmptyHistoryState(), 0)
  let canUndo = false
  editor.registerCommand(CAN_UNDO_COMMAND, (v) => void (canUndo = v) as unknown as boolean, COMMAND_PRIORITY_EDITOR)
  edit(editor, () => $getRoot().clear().append($createTitleNode().append($createTextNode('年度工作总结')), ...blocks.map($block)))
  const outline = () => store.get().entries.map((e) => `${e.number}${e.title}`)
  return { editor, store, outline, canUndo: () => canUndo }
}

function edit(editor: LexicalEditor, fn: () => void): void {
  // a separate history entry each (history merges quick successive edits otherwise)
  editor.update(fn, { discrete: true, tag: 'history-push' })
}

const $heading = (title: string): SectionHeadingNode => {
  const found = $getRoot()
    .getChildren()
    .find((n): n is SectionHeadingNode => $isSectionHeadingNode(n) && n.getTextContent().startsWith(title))
  if (!found) throw new Error(`no heading ${title}`)
  return found
}
const keyOf = (editor: LexicalEditor, title: string) => editor.getEditorState().read(() => $heading(title).getKey())

/** Lexical renders synchronously (discrete updates), so a whole test runs inside one withDOM. */
const inDom = (fn: () => void) =>
  withDOM((window) => {
    // withDOM sets window and document; Lexical's DOM checks also use Node
    const g = globalThis as Record<string, unknown>
    const before = g.Node
    g.Node = window.Node
    try {
      fn()
    } finally {
      g.Node = before
    }
  })

const DOC: Block[] = ['今年完成任务', [1, '主要工作'], '推进十项任务', [1, '存在问题'], '短板仍在', [1, '下步打算']]

describe('the outline follows the document order', () => {
  it('lists a heading added under the first section between the first and the second', () => inDom(() => {
    const { editor, outline } = open(DOC)
    expect(outline()).toEqual(['一、主要工作', '二、存在问题', '三、下步打算'])
    edit(editor, () => $heading('主要工作').getNextSibling()!.insertAfter($block([2, '整改措施'])))
    expect(outline()).toEqual(['一、主要工作', '（一）整改措施', '二、存在问题', '三、下步打算'])
    // a level-1 heading in the middle renumbers those after it
    edit(editor, () => $heading('存在问题').insertBefore($block([1, '经验体会'])))
    expect(outline()).toEqual(['一、主要工作', '（一）整改措施', '二、经验体会', '三、存在问题', '四、下步打算'])
  }))

  it('lists a heading added at the end after the last, and one added at the start before the first', () => inDom(() => {
    const { editor, outline } = open(DOC)
    edit(editor, () => $getRoot().append($block([2, '整改措施'])))
    expect(outline()).toEqual(['一、主要工作', '二、存在问题', '三、下步打算', '（一）整改措施'])
    edit(editor, () => $getRoot().getFirstChild()!.insertAfter($block([1, '总体情况'])))
    expect(outline()).toEqual(['一、总体情况', '二、主要工作', '三、存在问题', '四、下步打算', '（一）整改措施'])
  }))

  it('follows a section moved before another, and moved to the end', () => inDom(() => {
    const { editor, outline } = open([...DOC.slice(0, 3), [2, '整改措施'], ...DOC.slice(3)])
    expect(moveSection(editor, keyOf(editor, '存在问题'), keyOf(editor, '主要工作'))).toBe(true)
    editor.read(() => void 0) // commits the update moveSection scheduled
    expect(outline()).toEqual(['一、存在问题', '二、主要工作', '（一）整改措施', '三、下步打算'])
    expect(moveSection(editor, keyOf(editor, '主要工作'), null)).toBe(true)
    editor.read(() => void 0)
    expect(outline()).toEqual(['一、存在问题', '二、下步打算', '三、主要工作', '（一）整改措施'])
  }))

  it('drops a deleted heading and renumbers the rest', () => inDom(() => {
    const { editor, outline } = open(DOC)
    edit(editor, () => $heading('存在问题').remove())
    expect(outline()).toEqual(['一、主要工作', '二、下步打算'])
  }))

  it('follows a heading renamed or changed in level, and one turned back into body text', () => inDom(() => {
    const { editor, outline } = open(DOC)
    edit(editor, () => $heading('主要工作').getFirstDescendant<LexicalNode>()!.insertAfter($createTextNode('情况')))
    expect(outline()).toEqual(['一、主要工作情况', '二、存在问题', '三、下步打算'])
    edit(editor, () => $heading('存在问题').setLevel(2))
    expect(outline()).toEqual(['一、主要工作情况', '（一）存在问题', '二、下步打算'])
    edit(editor, () => {
      const h = $heading('存在问题')
      h.replace($createParagraphNode(), true)
    })
    expect(outline()).toEqual(['一、主要工作情况', '二、下步打算'])
  }))

  it('shows a run-in heading by its heading sentence, in its place, and ignores typing in its body', () => inDom(() => {
    const { editor, store, outline } = open(DOC)
    edit(editor, () => $heading('主要工作').getNextSibling()!.insertAfter($block([2, '加强领导。', '成立专班。'])))
    expect(outline()).toEqual(['一、主要工作', '（一）加强领导。', '二、存在问题', '三、下步打算'])
    const before = store.get().entries
    edit(editor, () => {
      const body = $heading('加强领导').getLastChild()
      if (!$isElementNode(body)) throw new Error('no run-in body')
      body.append($createTextNode('每月例会。'))
    })
    expect(store.get().entries).toBe(before)
  }))

  it('keeps the order when one update adds, removes and moves headings together', () => inDom(() => {
    const { editor, outline } = open(DOC)
    edit(editor, () => {
      $heading('下步打算').insertBefore($block([2, '原因分析']))
      $heading('主要工作').insertBefore($block([1, '总体情况']))
      $heading('存在问题').remove()
      $getRoot().append($heading('主要工作'))
    })
    expect(outline()).toEqual(['一、总体情况', '（一）原因分析', '二、下步打算', '三、主要工作'])
  }))

  it('goes back to the order before on undo, and forward again on redo', () => inDom(() => {
    const { editor, outline, canUndo } = open(DOC)
    const before = outline()
    edit(editor, () => $heading('主要工作').getNextSibling()!.insertAfter($block([2, '整改措施'])))
    edit(editor, () => $heading('下步打算').remove())
    const after = ['一、主要工作', '（一）整改措施', '二、存在问题']
    expect(outline()).toEqual(after)
    expect(canUndo()).toBe(true)
    editor.dispatchCommand(UNDO_COMMAND, undefined)
    editor.dispatchCommand(UNDO_COMMAND, undefined)
    editor.read(() => void 0)
    expect(outline()).toEqual(before)
    editor.dispatchCommand(REDO_COMMAND, undefined)
    editor.dispatchCommand(REDO_COMMAND, undefined)
    editor.read(() => void 0)
    expect(outline()).toEqual(after)
  }))

  it('matches the document read afresh after a run of random edits', () => inDom(() => {
    const { editor, outline } = open(DOC)
    let seed = 7
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n
    for (let i = 0; i < 200; i++) {
      edit(editor, () => {
        const children = $getRoot().getChildren().slice(1)
        const at = children[rand(children.length)]!
        const op = rand(4)
        if (op === 0) at.insertAfter($block([(1 + rand(3)) as HeadingLevel, `标题${i}`]))
        else if (op === 1) at.insertBefore($block(`段落${i}`))
        else if (op === 2 && children.length > 3) at.remove()
        else if (op === 3) {
          const target = children[rand(children.length)]!
          if (!target.is(at)) target.insertBefore(at)
        }
      })
      expect(outline()).toEqual(computeOutline(editor).map((e) => `${e.number}${e.title}`))
    }
    // and in document order: what the root lists, heading by heading
    const inDocument = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .filter($isSectionHeadingNode)
        .map((h) => h.getKey()),
    )
    expect(editor.getEditorState().read(() => outline().length)).toBe(inDocument.length)
    expect(computeOutline(editor).map((e) => e.key)).toEqual(inDocument)
    expect(inDocument.every((k) => editor.getEditorState().read(() => $getNodeByKey(k) !== null))).toBe(true)
  }))

  it('follows a figure used in a heading and in 80 paragraphs when its value changes, and goes back on one undo', () => inDom(() => {
    const { editor, store, outline } = open(DOC)
    const figure = (value: number) => [{ id: 'f1', name: '培训次数', value, unit: '次' }]
    edit(editor, () => {
      $setFigures(figure(12))
      $heading('主要工作').append($createTextNode('（'), $createFigureRefNode('f1', '12次', false), $createTextNode('）'))
      const last = $heading('下步打算')
      for (let i = 0; i < 80; i++) last.insertBefore($createParagraphNode().append($createTextNode(`开展培训`), $createFigureRefNode('f1', '12次', false)))
    })
    expect(outline()).toEqual(['一、主要工作（12次）', '二、存在问题', '三、下步打算'])
    // 81 references change in one update: the heading holding one is renamed in the outline
    edit(editor, () => $setFigures(figure(15)))
    expect(outline()).toEqual(['一、主要工作（15次）', '二、存在问题', '三、下步打算'])
    editor.dispatchCommand(UNDO_COMMAND, undefined)
    editor.read(() => void 0) // commits the undo
    expect(outline()).toEqual(['一、主要工作（12次）', '二、存在问题', '三、下步打算'])
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).not.toContain('15次')
    // a change touching only body paragraphs (80 references) hands on no new outline
    edit(editor, () => $heading('主要工作').getChildren().slice(1).forEach((n) => n.remove()))
    const before = store.get().entries
    edit(editor, () => $setFigures(figure(20)))
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('开展培训20次')
    expect(store.get().entries).toBe(before)
  }))
})
