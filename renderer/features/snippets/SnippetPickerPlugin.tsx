/**
 * The inline snippet picker: typing "//" in the text (or "、、" / "／／", what the "/" key gives with a
 * Chinese input method) or pressing Ctrl+Space opens it at the caret; what the writer types next is
 * the query, searched as they type. ↑/↓ choose, Enter or Tab inserts (the "//query" goes away),
 * Esc closes and leaves the text as it is.
 *
 * IME: nothing happens while a composition is under way — the picker neither opens nor takes a
 * key; the query follows the committed characters. The trigger counts only when its second
 * character was just typed (not pasted, not reached by moving the caret, not part of a URL).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  BLUR_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  HISTORIC_TAG,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { SnippetHit } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { useFigureStore } from '../figures/FigureStore'
import { snippetsChanged } from './events'
import { insertSnippetBody, SNIPPET_INSERT_TAG } from './insert'
import { Highlighted, SnippetExcerpt } from './SnippetText'
import { useSnippetSearch } from './useSnippets'
import { TeamSnippetBadge } from '../team/TeamSnippetParts'
import './snippets.css'

/** Second character typed after the first: opens the picker. */
export const PICKER_TRIGGERS = ['//', '／／', '、、'] as const
/** Longest query the picker follows; longer, and the writer is just typing. */
const MAX_QUERY = 24

interface Trigger {
  /** the block the picker was opened in */
  blockKey: string
  /** the block's text before the caret when opened, trigger included */
  prefix: string
  /** characters of the trigger at the end of `prefix` (0 for Ctrl+Space) */
  length: number
}

function $block(node: LexicalNode): ElementNode | null {
  const top = node.getTopLevelElement()
  return top && $isElementNode(top) ? top : null
}

/** Text of a node as the picker counts it: text nodes only (figures and line breaks count as ''). */
function $plain(node: LexicalNode): string {
  if ($isTextNode(node)) return node.getTextContent()
  if ($isElementNode(node)) return node.getAllTextNodes().map((t) => t.getTextContent()).join('')
  return ''
}

/** The text of the block before the caret, and the block. */
function $textBeforeCaret(): { block: ElementNode; text: string } | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
  const anchor = selection.anchor
  const node = anchor.getNode()
  const block = $block(node)
  if (!block) return null
  let text = ''
  if (anchor.type === 'element' && $isElementNode(node)) {
    // caret between children (an empty paragraph, after a figure): the text before that element, then its children before the caret
    if (!node.is(block))
      for (const t of block.getAllTextNodes()) {
        if (node.isParentOf(t) || !t.isBefore(node)) break
        text += t.getTextContent()
      }
    return { block, text: text + node.getChildren().slice(0, anchor.offset).map($plain).join('') }
  }
  for (const t of block.getAllTextNodes()) {
    if (t.is(node)) return { block, text: text + t.getTextContent().slice(0, anchor.offset) }
    text += t.getTextContent()
  }
  return { block, text }
}

/** The text point at a block-text offset. */
function $pointAt(block: ElementNode, offset: number): { key: string; offset: number } | null {
  let at = 0
  let last: TextNode | null = null
  for (const t of block.getAllTextNodes()) {
    const size = t.getTextContentSize()
    if (offset <= at + size) return { key: t.getKey(), offset: offset - at }
    at += size
    last = t
  }
  return last ? { key: last.getKey(), offset: last.getTextContentSize() } : null
}

export function SnippetPickerPlugin() {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('snippets')
  const api = useApi()
  const figures = useFigureStore()
  const [trigger, setTrigger] = useState<Trigger | null>(null)
  const [query, setQuery] = useState('')
  const [index, setIndex] = useState(0)
  const [place, setPlace] = useState<{ left: number; top: number; above: boolean } | null>(null)
  const triggerRef = useRef<Trigger | null>(null)
  triggerRef.current = trigger
  const search = useSnippetSearch(query, null, 8, trigger !== null)
  const hits = trigger && search.result && search.query === query ? search.result.hits : []
  const hitsRef = useRef<SnippetHit[]>(hits)
  hitsRef.current = hits
  const indexRef = useRef(index)
  indexRef.current = index

  // the refs change at once, not at the next render: a second key pressed quickly sees the new state
  const openAt = (tr: Trigger) => {
    triggerRef.current = tr
    setTrigger(tr)
    setQuery('')
    setIndex(0)
  }
  const openRef = useRef(openAt)
  openRef.current = openAt
  const close = () => {
    triggerRef.current = null
    hitsRef.current = []
    setTrigger(null)
    setQuery('')
    setIndex(0)
  }
  const closeRef = useRef(close)
  closeRef.current = close

  const choose = (hit: SnippetHit) => {
    const tr = triggerRef.current
    if (!tr) return
    const range = editor.getEditorState().read(() => {
      const block = $getNodeByKey(tr.blockKey)
      if (!$isElementNode(block)) return null
      const start = tr.prefix.length - tr.length
      const current = $textBeforeCaret()
      const end = current ? current.text.length : tr.prefix.length
      const anchor = $pointAt(block, start)
      const focus = $pointAt(block, end)
      return anchor && focus && end > start ? { anchor, focus } : null
    })
    closeRef.current()
    insertSnippetBody(editor, hit.body, figures, range ? { replace: range } : {})
    editor.focus()
    void api.call('snippets.use', { id: hit.id }).then(() => snippetsChanged(), () => {})
  }
  const chooseRef = useRef(choose)
  chooseRef.current = choose

  // open on "//" just typed; follow the query; close when the caret leaves
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, prevEditorState, tags }) => {
        if (editor.isComposing()) return
        if (tags.has(SNIPPET_INSERT_TAG) || tags.has(HISTORIC_TAG)) {
          if (triggerRef.current) closeRef.current()
          return
        }
        editorState.read(() => {
          const now = $textBeforeCaret()
          const tr = triggerRef.current
          if (tr) {
            if (!now || now.block.getKey() !== tr.blockKey || !now.text.startsWith(tr.prefix)) return closeRef.current()
            const q = now.text.slice(tr.prefix.length)
            if (q.length > MAX_QUERY || /\n/.test(q)) return closeRef.current()
            setQuery(q)
            return
          }
          if (!now) return
          const typed = PICKER_TRIGGERS.find((tg) => now.text.endsWith(tg))
          if (!typed) return
          const beforeTrigger = now.text.slice(0, -typed.length).slice(-1)
          if (typed === '//' && /[A-Za-z0-9:/.]/.test(beforeTrigger)) return // http://, a/b//c
          // only when the second character was just typed: the text before the caret grew by one
          const before = prevEditorState.read(() => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection)) return null
            const block = $block(selection.anchor.getNode())
            return block && block.getKey() === now.block.getKey() ? ($textBeforeCaret()?.text ?? null) : null
          })
          if (before !== now.text.slice(0, -1)) return
          openRef.current({ blockKey: now.block.getKey(), prefix: now.text, length: typed.length })
        })
      }),
    [editor],
  )

  // keys while open (never during a composition)
  useEffect(() => {
    const open = () => triggerRef.current !== null
    const composing = (e: KeyboardEvent | null) => editor.isComposing() || !!e?.isComposing || e?.keyCode === 229
    const take = (e: KeyboardEvent | null) => {
      e?.preventDefault()
      e?.stopImmediatePropagation()
      return true
    }
    const accept = (e: KeyboardEvent | null) => {
      if (!open() || composing(e)) return false
      const hit = hitsRef.current[indexRef.current] ?? hitsRef.current[0]
      if (!hit) {
        closeRef.current() // nothing to insert: the key does what it always does
        return false
      }
      take(e)
      chooseRef.current(hit)
      return true
    }
    return mergeRegister(
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e) => {
          // Ctrl+Space: open at the caret, no trigger text
          if (e.ctrlKey && !e.shiftKey && !e.altKey && (e.code === 'Space' || e.key === ' ') && !composing(e)) {
            const now = editor.getEditorState().read($textBeforeCaret)
            if (!now) return false
            e.preventDefault()
            openRef.current({ blockKey: now.block.getKey(), prefix: now.text, length: 0 })
            return true
          }
          return false
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        KEY_ARROW_DOWN_COMMAND,
        (e) => {
          if (!open() || composing(e) || hitsRef.current.length === 0) return false
          setIndex((i) => (i + 1) % hitsRef.current.length)
          return take(e)
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        KEY_ARROW_UP_COMMAND,
        (e) => {
          if (!open() || composing(e) || hitsRef.current.length === 0) return false
          setIndex((i) => (i - 1 + hitsRef.current.length) % hitsRef.current.length)
          return take(e)
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(KEY_ENTER_COMMAND, (e) => accept(e), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(KEY_TAB_COMMAND, (e) => accept(e), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (e) => {
          if (!open() || composing(e)) return false
          closeRef.current()
          return take(e)
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          if (open()) closeRef.current()
          return false
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    )
  }, [editor])

  // where the caret is on screen when the picker opens
  useEffect(() => {
    if (!trigger) return setPlace(null)
    const sel = window.getSelection()
    let rect: DOMRect | null = null
    if (sel && sel.rangeCount > 0) {
      rect = sel.getRangeAt(0).getBoundingClientRect()
      if (rect.width === 0 && rect.height === 0 && sel.anchorNode) {
        const el = sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode.parentElement
        rect = el?.getBoundingClientRect() ?? null
      }
    }
    if (!rect) return
    const above = rect.bottom + 320 > window.innerHeight && rect.top > 340
    setPlace({ left: Math.min(rect.left, window.innerWidth - 440), top: above ? rect.top - 6 : rect.bottom + 6, above })
  }, [trigger]) // where it opened: it stays put while the query grows

  useEffect(() => setIndex(0), [query])

  if (!trigger || !place) return null
  return createPortal(
    <div
      className={`snippet-picker${place.above ? ' above' : ''}`}
      style={{ left: place.left, top: place.top }}
      role="listbox"
      aria-label={t('picker')}
      data-testid="snippet-picker"
      onMouseDown={(e) => e.preventDefault() /* keep the caret in the text */}
    >
      <div className="snippet-picker-head">
        {query ? t('pickerQuery', { query }) : t('pickerHint')}
      </div>
      {hits.length === 0 ? (
        <div className="snippet-picker-empty muted">{search.result && search.query === query ? t('noResults', { query }) : t('searching')}</div>
      ) : (
        <ul>
          {hits.map((h, i) => (
            <li
              key={h.id}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'selected' : ''}
              onMouseEnter={() => setIndex(i)}
              onClick={() => choose(h)}
            >
              <div className="snippet-picker-title">
                <Highlighted text={h.title} terms={search.terms} /> <TeamSnippetBadge snippet={h} />
              </div>
              <SnippetExcerpt body={h.body} terms={search.terms} max={60} />
            </li>
          ))}
        </ul>
      )}
      <div className="snippet-picker-foot muted">{t('pickerKeys')}</div>
    </div>,
    document.body,
  )
}
