/**
 * 批注 for a DOCX export (出稿 > 导出批注): each thread's words, found through its anchor as the
 * highlights find them ($threadRange), as places in the exported model — a block (its index in the
 * model's `blocks`, or the title or subtitle) and character offsets in that block's text as the
 * output shows it (shared/api/output.ts, ExportCommentPoint). The back end turns them into Word
 * comments (electron/services/output/docxComments.ts). A thread whose words are gone is left out
 * and counted, so the dialog can say so.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $isElementNode, $isLineBreakNode, $isRootNode, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical'
import { useCallback, useMemo } from 'react'
import type * as Y from 'yjs'
import { EXPORT_COMMENTS_MAX, EXPORT_REPLIES_MAX, ExportCommentSchema, type ExportComment, type ExportCommentPoint } from '../../../../shared/api'
import { editorStateToModel, NODE_TYPES } from '../../../../shared/document/lexicalState'
import type { Figure } from '../../../../shared/document/model'
import { formatterFor } from '../../../../shared/output/figures'
import type { Thread } from '../../../../shared/team/comments'
import { $isFigureRefNode } from '../../figures'
import { $threadRange, type LexicalPoint } from './lexicalAnchors'
import { useReview } from './ReviewContext'

export interface CommentsForExport {
  comments: ExportComment[]
  /** threads whose words are no longer in the text */
  unresolvable: number
}

type BlockRef = ExportCommentPoint['block']

const emptyElement = (type: string) => ({ type, version: 1, children: [], direction: null, format: '', indent: 0 })

/**
 * The model block of each top-level node, read with the same conversion that saves the document
 * (editorStateToModel), so the two never disagree: the first title and subtitle are the title and
 * subtitle; a node that makes no block (an empty table) or several has none a comment could name.
 */
function topLevelBlocks(state: { root: { children: unknown[] } }): (BlockRef | null)[] {
  const out: (BlockRef | null)[] = []
  let title = false
  let subtitle = false
  let next = 0
  for (const node of state.root.children) {
    const type = (node as { type?: unknown }).type
    if (type === NODE_TYPES.title && !title) {
      title = true
      out.push('title')
      continue
    }
    if (type === NODE_TYPES.subtitle && !subtitle) {
      subtitle = true
      out.push('subtitle')
      continue
    }
    // an empty title and subtitle first, so that the node is read as a block even when it is a second title
    const n = editorStateToModel({ root: { ...emptyElement('root'), children: [emptyElement(NODE_TYPES.title), emptyElement(NODE_TYPES.subtitle), node] } }, { figures: [] }).blocks.length
    out.push(n === 1 ? next : null)
    next += n
  }
  return out
}

/**
 * Characters before a point in its top-level block, counted as the output writes the block: text
 * as it is, a line break one character, a figure its shown text, a table's cells one after the
 * other with a cell's lines joined by one "\n" (lexicalState.ts: cellInlines).
 */
function $offsetIn(top: ElementNode, point: LexicalPoint, figureLength: (node: LexicalNode) => number): number | null {
  let count = 0
  let found: number | null = null
  const walk = (node: LexicalNode): boolean => {
    if (node.getKey() === point.key && point.type === 'text') {
      found = count + point.offset
      return true
    }
    if ($isElementNode(node)) {
      const children = node.getChildren()
      const cell = node.getType() === 'tablecell'
      const here = node.getKey() === point.key && point.type === 'element'
      for (let i = 0; i < children.length; i++) {
        if (cell && i > 0) count += 1
        if (here && i === point.offset) {
          found = count
          return true
        }
        if (walk(children[i]!)) return true
      }
      if (here) {
        found = count
        return true
      }
      return false
    }
    if ($isTextNode(node)) count += node.getTextContentSize()
    else if ($isLineBreakNode(node)) count += 1
    else count += figureLength(node)
    return false
  }
  walk(top)
  return found
}

/** A comment's time as ISO text ("" for a time no date can hold: the thread is then left out). */
const isoDate = (ms: number): string => {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

/** Reads the threads' places; call inside editor.read(). */
export function $commentsForExport(content: Y.Doc, threads: readonly Thread[], figures: readonly Figure[], blocks: readonly (BlockRef | null)[]): CommentsForExport {
  const shown = formatterFor(figures)
  const figureLength = (node: LexicalNode) => ($isFigureRefNode(node) ? shown(node.getFigureId()).text.length : 0)
  const place = (point: LexicalPoint): ExportCommentPoint | null => {
    // the root's child holding the point (not getTopLevelElement: a table cell is a shadow root, it stops there)
    let top: LexicalNode | null = $getNodeByKey(point.key)
    while (top && !$isRootNode(top.getParent())) top = top.getParent()
    if (!$isElementNode(top)) return null
    const block = blocks[top.getIndexWithinParent()]
    const offset = block === null || block === undefined ? null : $offsetIn(top, point, figureLength)
    return block === null || block === undefined || offset === null ? null : { block, offset }
  }
  const comments: ExportComment[] = []
  let unresolvable = 0
  for (const thread of threads) {
    const at = $threadRange(content, thread.anchor, thread.quote)
    const start = at && place(at.range.start)
    const end = at && place(at.range.end)
    const [first, ...replies] = thread.comments
    if (!start || !end || !first || comments.length >= EXPORT_COMMENTS_MAX) {
      unresolvable++
      continue
    }
    // what another client wrote is checked as the back end will check it: one bad thread never fails the export
    const parsed = ExportCommentSchema.safeParse({
      id: thread.id,
      anchor: { start, end },
      author: first.author,
      date: isoDate(first.at),
      text: first.text,
      resolved: thread.resolved,
      replies: replies.slice(0, EXPORT_REPLIES_MAX).map((r) => ({ author: r.author, date: isoDate(r.at), text: r.text })),
    })
    if (parsed.success) comments.push(parsed.data)
    else unresolvable++
  }
  return { comments, unresolvable }
}

/** The threads of the open document's text as places in the exported model. */
export function commentsForExport(editor: LexicalEditor, content: Y.Doc, threads: readonly Thread[], figures: readonly Figure[]): CommentsForExport {
  const state = editor.getEditorState()
  const blocks = topLevelBlocks(state.toJSON() as unknown as { root: { children: unknown[] } })
  return state.read(() => $commentsForExport(content, threads, figures, blocks))
}

export interface ExportCommentsSource {
  /** the document's threads: all, and those resolved */
  total: number
  resolved: number
  /** the threads to export (resolved ones only when asked) as places in the exported model */
  collect(includeResolved: boolean, figures: readonly Figure[]): CommentsForExport
}

/** For the output dialog: the open team document's 批注, or null (a local document, or none yet). */
export function useExportComments(): ExportCommentsSource | null {
  const [editor] = useLexicalComposerContext()
  const review = useReview()
  const content = review?.session.doc ?? null
  const threads = review?.threads
  const collect = useCallback(
    (includeResolved: boolean, figures: readonly Figure[]) =>
      content && threads ? commentsForExport(editor, content, threads.filter((t) => includeResolved || !t.resolved), figures) : { comments: [], unresolvable: 0 },
    [editor, content, threads],
  )
  return useMemo(() => (content && threads?.length ? { total: threads.length, resolved: threads.filter((t) => t.resolved).length, collect } : null), [content, threads, collect])
}
