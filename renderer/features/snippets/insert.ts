/**
 * Putting a snippet into the text: its paragraphs become Lexical nodes at the caret (the first one
 * joins the paragraph the caret is in, as typed text would), with bold/italic/underline kept, and
 * each field becomes a reference to the document's figure of that name — created unfilled when the
 * document has none — in the same update, so one Ctrl+Z takes all of it back.
 */
import {
  $createParagraphNode,
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $parseSerializedNode,
  $setSelection,
  type LexicalEditor,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical'
import { modelToEditorState } from '../../../shared/document/lexicalState'
import { snippetToBlocks, type SnippetBody } from '../../../shared/snippets'
import type { FigureStore } from '../figures/FigureStore'
import { $isSubtitleNode, $isTitleNode } from '../structure'

export const SNIPPET_DRAG_TYPE = 'application/x-draftdesk-snippet'

/** The update tag of a snippet insertion (the picker ignores its own insertions). */
export const SNIPPET_INSERT_TAG = 'snippet-insert'

function $topLevel(node: LexicalNode): LexicalNode {
  return node.getTopLevelElement() ?? node
}

/** A caret in the title or subtitle moves to the start of the body: a snippet is body text. */
function $ensureBodySelection(): void {
  const selection = $getSelection()
  const root = $getRoot()
  if ($isRangeSelection(selection)) {
    const top = $topLevel(selection.anchor.getNode())
    if (!$isTitleNode(top) && !$isSubtitleNode(top)) return
    let next = top.getNextSibling()
    if (next && $isSubtitleNode(next)) next = next.getNextSibling()
    if (next && 'selectStart' in next && typeof next.selectStart === 'function') {
      ;(next as unknown as { selectStart(): void }).selectStart()
      return
    }
  }
  // no caret in the text (never clicked): the end of the document
  const last = root.getLastChild()
  if (last && !$isTitleNode(last) && !$isSubtitleNode(last) && 'selectEnd' in last && typeof last.selectEnd === 'function') {
    ;(last as unknown as { selectEnd(): void }).selectEnd()
    return
  }
  const paragraph = $createParagraphNode()
  root.append(paragraph)
  paragraph.select()
}

export interface InsertOptions {
  /** a drop: the caret goes where the pointer is */
  point?: { x: number; y: number }
  /** text to replace first (the picker's "//query"): from one text point to another */
  replace?: { anchor: { key: string; offset: number }; focus: { key: string; offset: number } }
}

/** Inserts the body at the caret (or as told); returns false when there was nowhere to put it. */
export function insertSnippetBody(editor: LexicalEditor, body: SnippetBody, figures: FigureStore, opts: InsertOptions = {}): boolean {
  let done = false
  editor.update(
    () => {
      if (opts.point) {
        const range = caretRangeAt(opts.point.x, opts.point.y)
        if (range) {
          const selection = $createRangeSelection()
          selection.applyDOMRange(range)
          $setSelection(selection)
        }
      }
      if (opts.replace) {
        const selection = $createRangeSelection()
        selection.anchor.set(opts.replace.anchor.key, opts.replace.anchor.offset, 'text')
        selection.focus.set(opts.replace.focus.key, opts.replace.focus.offset, 'text')
        $setSelection(selection)
        selection.removeText()
      }
      $ensureBodySelection()
      // fields → figure references (created here, in this update, when the document lacks them)
      const blocks = snippetToBlocks(body, (name) => figures.ensureFigure(name))
      const state = modelToEditorState({ version: 1, title: '', blocks, figures: [] })
      const serialized = state.root.children.slice(1) as unknown as SerializedLexicalNode[]
      $insertNodes(serialized.map((n) => $parseSerializedNode(n)))
      done = true
    },
    { tag: SNIPPET_INSERT_TAG, discrete: true },
  )
  return done
}

/** The DOM caret position under a point (Chromium: caretRangeFromPoint; others: caretPositionFromPoint). */
function caretRangeAt(x: number, y: number): Range | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }
  if (typeof document.caretRangeFromPoint === 'function') return document.caretRangeFromPoint(x, y)
  const pos = doc.caretPositionFromPoint?.(x, y)
  if (!pos) return null
  const range = document.createRange()
  range.setStart(pos.offsetNode, pos.offset)
  range.collapse(true)
  return range
}
