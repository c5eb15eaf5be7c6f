/**
 * 批注 in the text: the commented words marked with the CSS Custom Highlight API — an overlay the
 * browser paints over the text, never a node in the document, so comments cannot change the text,
 * are not saved with it and never print (print.css/comments.css hide them on paper too). The marks
 * are recomputed from the anchors once a frame after changes to the text or to the threads (not for
 * a moved selection, and not at all while no thread is open), so they follow the words as others
 * edit. Ctrl+Alt+M starts a comment on the selection.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { createDOMRange } from '@lexical/selection'
import {
  $createRangeSelection,
  $createRangeSelectionFromDom,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical'
import i18next from 'i18next'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { canComment, QUOTE_MAX, setAnchor, type Thread } from '../../../../shared/team/comments'
import { $rangeToAnchor, $threadRange, type TextRange } from './lexicalAnchors'
import { useReview, type Draft, type ReviewValue } from './ReviewContext'
import './comments.css'

/** The highlight names (comments.css styles them). */
export const HIGHLIGHT = 'dd-comment'
export const HIGHLIGHT_ACTIVE = 'dd-comment-active'
/** Asks the side panel for its 批注 tab (editor/SidePanel.tsx listens). */
export const SHOW_COMMENTS_EVENT = 'draftdesk:show-comments'
export const showComments = () => window.dispatchEvent(new Event(SHOW_COMMENTS_EVENT))

const supported = () => typeof Highlight !== 'undefined' && typeof CSS !== 'undefined' && 'highlights' in CSS

/**
 * The selected words as a comment's anchor and quote; null when nothing is selected. Reads the
 * browser's selection when Lexical has none (a 审阅 member's text is read-only, and selecting in
 * it is all they do).
 */
export function selectionDraft(editor: LexicalEditor, content: Y.Doc): Draft | null {
  return editor.getEditorState().read(() => {
    let selection = $getSelection()
    const dom = window.getSelection()
    const root = editor.getRootElement()
    if ((!$isRangeSelection(selection) || selection.isCollapsed()) && dom && dom.rangeCount > 0 && !dom.isCollapsed && root?.contains(dom.anchorNode)) {
      selection = $createRangeSelectionFromDom(dom, editor)
    }
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return null
    const quote = selection.getTextContent()
    if (!quote.trim()) return null
    const [first, last] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus]
    const anchor = $rangeToAnchor(content, { start: { key: first.key, offset: first.offset, type: first.type }, end: { key: last.key, offset: last.offset, type: last.type } })
    return anchor ? { anchor, quote: quote.slice(0, QUOTE_MAX) } : null
  })
}

/**
 * 批注 on the selection (the toolbar's button, the right-click menu, Ctrl+Alt+M): the panel opens
 * with a form for the comment; with nothing selected it says to select first.
 */
export function startComment(editor: LexicalEditor, review: ReviewValue, onNotice?: (message: string) => void): void {
  const draft = selectionDraft(editor, review.session.doc)
  if (draft) review.setDraft(draft)
  else onNotice?.(i18next.t('review:selectFirst'))
  showComments()
}

/** The toolbar's 批注 button: on a team document, for the members who may comment. */
export function CommentButton({ onNotice }: { onNotice(message: string | null): void }) {
  const { t } = useTranslation('review')
  const [editor] = useLexicalComposerContext()
  const review = useReview()
  if (!review || !canComment(review.me.role)) return null
  return (
    <button onMouseDown={(e) => e.preventDefault()} onClick={() => startComment(editor, review, onNotice)} title={t('addTitle')} data-testid="toolbar-comment">
      {t('add')}
    </button>
  )
}

/** Selects a thread's words in the editor and scrolls to them; false when they are gone. */
export function selectThread(editor: LexicalEditor, content: Y.Doc, thread: Thread): boolean {
  let found: TextRange | null = null
  editor.update(
    () => {
      const at = $threadRange(content, thread.anchor, thread.quote)
      if (!at) return
      found = at.range
      const selection = $createRangeSelection()
      selection.anchor.set(at.range.start.key, at.range.start.offset, at.range.start.type)
      selection.focus.set(at.range.end.key, at.range.end.offset, at.range.end.type)
      $setSelection(selection)
    },
    { discrete: true },
  )
  const range = found as TextRange | null
  if (!range) return false
  editor.getElementByKey(range.start.key)?.scrollIntoView({ block: 'center' })
  // a read-only editor (审阅, 只读) does not put its selection into the page: put it there
  if (!editor.isEditable()) {
    const dom = editor.getEditorState().read(() => {
      const start = $getNodeByKey(range.start.key)
      const end = $getNodeByKey(range.end.key)
      return start && end ? createDOMRange(editor, start, range.start.offset, end, range.end.offset) : null
    })
    const selection = window.getSelection()
    if (dom && selection) {
      selection.removeAllRanges()
      selection.addRange(dom)
    }
  }
  return true
}

export function CommentsPlugin() {
  const [editor] = useLexicalComposerContext()
  const review = useReview()
  const content = review?.session.doc ?? null
  const commentsDoc = review?.doc ?? null
  const threads = review?.threads
  const active = review?.active ?? null
  const role = review?.me.role
  const setDraft = review?.setDraft
  const setActive = review?.setActive
  // the marks as painted: a click on marked words opens their thread
  const painted = useRef<{ id: string; range: Range }[]>([])

  // the marks: recomputed after each change to the text, the threads or the one looked at
  useEffect(() => {
    if (!content || !commentsDoc || !threads || !supported()) return
    // no thread to mark (none yet, or all resolved): nothing to recompute after each keystroke
    painted.current = []
    if (!threads.some((thread) => !thread.resolved || thread.id === active)) return
    const all = new Highlight()
    const current = new Highlight()
    // above the caret selection colours of other writers, below the own selection
    all.priority = 1
    current.priority = 2
    CSS.highlights.set(HIGHLIGHT, all)
    CSS.highlights.set(HIGHLIGHT_ACTIVE, current)
    let frame = 0
    const paint = () => {
      frame = 0
      all.clear()
      current.clear()
      painted.current = []
      const repairs: { id: string; anchor: Draft['anchor'] }[] = []
      editor.getEditorState().read(() => {
        for (const thread of threads) {
          if (thread.resolved && thread.id !== active) continue
          const at = $threadRange(content, thread.anchor, thread.quote)
          if (!at) continue
          const { start, end } = at.range
          const startNode = $getNodeByKey(start.key)
          const endNode = $getNodeByKey(end.key)
          if (!startNode || !endNode) continue
          const range = createDOMRange(editor, startNode, start.offset, endNode, end.offset)
          if (!range || range.collapsed) continue
          ;(thread.id === active ? current : all).add(range)
          painted.current.push({ id: thread.id, range })
          if (at.repaired) {
            const anchor = $rangeToAnchor(content, at.range)
            if (anchor) repairs.push({ id: thread.id, anchor })
          }
        }
      })
      // a phrase found again by its words gets a new anchor (every client finds the same one)
      if (repairs.length && role && canComment(role)) {
        commentsDoc.transact(() => {
          for (const { id, anchor } of repairs) setAnchor(commentsDoc, id, anchor)
        })
      }
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint)
    }
    paint()
    // the marks depend on the text alone: an update that only moved the selection leaves them
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size || dirtyLeaves.size) schedule()
    })
    // the page view moves blocks around after layout: the ranges stay, the browser repaints them
    return () => {
      stop()
      if (frame) cancelAnimationFrame(frame)
      CSS.highlights.delete(HIGHLIGHT)
      CSS.highlights.delete(HIGHLIGHT_ACTIVE)
    }
  }, [editor, content, commentsDoc, threads, active, role])

  // a click on commented words: their thread in the panel (a selection being made is left alone)
  useEffect(() => {
    if (!setActive) return
    const onClick = (event: MouseEvent) => {
      if (window.getSelection()?.isCollapsed === false) return
      const at = document.caretRangeFromPoint?.(event.clientX, event.clientY)
      if (!at) return
      const hit = painted.current.find(({ range }) => range.isPointInRange(at.startContainer, at.startOffset))
      // a click elsewhere in the text lets go of the thread looked at
      setActive(hit?.id ?? null)
      if (hit) showComments()
    }
    const off = editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('click', onClick)
      root?.addEventListener('click', onClick)
    })
    return () => {
      off()
      editor.getRootElement()?.removeEventListener('click', onClick)
    }
  }, [editor, setActive])

  // Ctrl+Alt+M: 批注 on the selection
  useEffect(() => {
    if (!content || !setDraft || !role || !canComment(role)) return
    const start = (event: KeyboardEvent | null) => {
      if (!event || !(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return false
      event.preventDefault()
      if (review) startComment(editor, review)
      return true
    }
    const unregister = editor.registerCommand(KEY_DOWN_COMMAND, start, COMMAND_PRIORITY_NORMAL)
    // a read-only editor gets no key commands: listen on its element as well
    const root = editor.getRootElement()
    const onKey = (event: KeyboardEvent) => {
      if (!editor.isEditable()) start(event)
    }
    root?.addEventListener('keydown', onKey)
    return () => {
      unregister()
      root?.removeEventListener('keydown', onKey)
    }
  }, [editor, content, setDraft, role, review])

  return null
}
