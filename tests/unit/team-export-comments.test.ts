/**
 * 批注 for the DOCX export (renderer/features/team/review/exportComments.ts): a headless editor with
 * DraftDesk's nodes bound to a Y.Doc by @lexical/yjs, threads anchored on phrases as a reviewer
 * selects them; each thread's place in the exported model — block and offsets in the block's text
 * as the output shows it — must hold exactly the commented words, in a paragraph, across a run-in
 * heading into its body, around a figure, in a table cell, in the title and subtitle. A thread
 * whose words were deleted is counted, not placed.
 */
import { $getRoot, $isElementNode, type LexicalEditor, type TextNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ExportComment, ExportCommentPoint } from '../../shared/api'
import type { SummaryDocument } from '../../shared/document/model'
import { prepareOutput, runsText } from '../../shared/output/prepare'
import type { Thread } from '../../shared/team/comments'
import { commentsForExport } from '../../renderer/features/team/review/exportComments'
import { $rangeToAnchor, type LexicalPoint } from '../../renderer/features/team/review/lexicalAnchors'
import { richSample } from '../helpers/outputDocs'
import { loadModel, yjsBoundEditor } from '../helpers/yjsEditor'

function boundEditor(doc: Y.Doc, model: SummaryDocument): LexicalEditor {
  const editor = yjsBoundEditor(doc)
  loadModel(editor, model)
  return editor
}

/** The text node holding `phrase` and the points before its first and after its last character. */
function $points(phrase: string): { node: TextNode; start: LexicalPoint; end: LexicalPoint } {
  for (const node of $getRoot().getAllTextNodes()) {
    const at = node.getTextContent().indexOf(phrase)
    if (at >= 0) return { node, start: { key: node.getKey(), offset: at, type: 'text' }, end: { key: node.getKey(), offset: at + phrase.length, type: 'text' } }
  }
  throw new Error(`no ${phrase}`)
}

let n = 0
function threadOn(editor: LexicalEditor, doc: Y.Doc, quote: string, range: (() => { start: LexicalPoint; end: LexicalPoint }) | string, extra: Partial<Thread> = {}): Thread {
  const anchor = editor.getEditorState().read(() => {
    const r = typeof range === 'string' ? $points(range) : range()
    return $rangeToAnchor(doc, { start: r.start, end: r.end })!
  })
  n++
  return { id: `t${n}`, anchor, quote, comments: [{ id: `c${n}`, author: '李处长', at: Date.UTC(2026, 10, 30, 8), text: `意见${n}` }], resolved: false, resolvedBy: null, resolvedAt: null, ...extra }
}

/** The words between two places of the exported model (both in one block here), as the output shows them. */
function wordsAt(model: SummaryDocument, anchor: ExportComment['anchor']): string {
  const out = prepareOutput(model)
  const textOf = (block: ExportCommentPoint['block']): string => {
    if (block === 'title') return out.title
    if (block === 'subtitle') return out.subtitle ?? ''
    const b = out.blocks.find((x) => x.index === block)!
    if (b.kind === 'paragraph') return runsText(b.runs)
    if (b.kind === 'heading') return runsText(b.title) + runsText(b.body ?? [])
    if (b.kind === 'table') return b.rows.flatMap((r) => r.map(runsText)).join('')
    return ''
  }
  expect(anchor.end.block).toBe(anchor.start.block)
  return textOf(anchor.start.block).slice(anchor.start.offset, anchor.end.offset)
}

describe('批注 placed in the exported model', () => {
  it('each thread’s place holds exactly its words: paragraph, run-in heading into its body, around a figure, table cell, title, subtitle', () => {
    const model = richSample()
    const doc = new Y.Doc()
    const editor = boundEditor(doc, model)
    const threads = [
      threadOn(editor, doc, '我办围绕', '我办围绕'),
      threadOn(editor, doc, '责任体系。与各村', () => ({ start: $points('责任体系').start, end: $points('与各村').end })),
      // from the end of "签订责任书" to the start of "，做到…": the figure between, whole
      threadOn(editor, doc, '责任书36份', () => ({ start: $points('责任书').start, end: { ...$points('，做到横向').start } })),
      threadOn(editor, doc, '120家', '120家'),
      threadOn(editor, doc, '安全生产', '安全生产'),
      threadOn(editor, doc, '应急管理', '应急管理'),
      threadOn(editor, doc, '一百二十家', '一百二十家', { resolved: true, comments: [{ id: 'x', author: '李处长', at: 0, text: '核实' }, { id: 'y', author: '张三', at: 1000, text: '已核实' }] }),
    ]
    const { comments, unresolvable } = commentsForExport(editor, doc, threads, model.figures)
    expect(unresolvable).toBe(0)
    expect(comments.map((c) => wordsAt(model, c.anchor))).toEqual(threads.map((t) => t.quote))
    expect(comments.map((c) => c.anchor.start.block)).toEqual([0, 2, 2, 8, 'title', 'subtitle', 5])
    // who, when, what; replies after the first comment; resolved as it is
    expect(comments[0]).toMatchObject({ id: threads[0]!.id, author: '李处长', date: '2026-11-30T08:00:00.000Z', text: '意见1', resolved: false, replies: [] })
    expect(comments[6]).toMatchObject({ text: '核实', resolved: true, replies: [{ author: '张三', date: '1970-01-01T00:00:01.000Z', text: '已核实' }] })
  })

  it('a thread whose words were deleted is counted, not placed; the others still are', () => {
    const model = richSample()
    const doc = new Y.Doc()
    const editor = boundEditor(doc, model)
    const threads = [threadOn(editor, doc, '督促整改', '督促整改'), threadOn(editor, doc, '主体责任', '主体责任')]
    editor.update(() => {
      const { node, start, end } = $points('督促整改问题清单')
      node.spliceText(start.offset, end.offset - start.offset, '')
    }, { discrete: true })
    expect(editor.getEditorState().read(() => $getRoot().getChildren().filter($isElementNode).some((b) => b.getTextContent().includes('督促')))).toBe(false)
    const { comments, unresolvable } = commentsForExport(editor, doc, threads, model.figures)
    expect(unresolvable).toBe(1)
    expect(comments.map((c) => wordsAt(model, c.anchor))).toEqual(['主体责任'])
  })
})
