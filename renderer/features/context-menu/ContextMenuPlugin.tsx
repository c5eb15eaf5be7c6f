/**
 * The editor's right-click menu: 剪切 / 复制 / 粘贴, 加粗, 设为数据 on a number, 存为素材 and
 * 插入素材. It replaces the browser's own menu in the text (spell checking is off there anyway).
 *
 * 粘贴 reads the clipboard through the async Clipboard API. The desktop app grants its own page
 * that one permission (`clipboard-read`, electron/main/navigation.ts); a browser allows it only when
 * the writer does (Chromium asks once): when it is refused the menu says so and points to Ctrl+V,
 * which always works. What is read is pasted as a paste event, so it goes through the same paste
 * handling as Ctrl+V (structure, figures).
 *
 * A right-click on a number without a selection selects that number, so 设为数据 acts on it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  FORMAT_TEXT_COMMAND,
  PASTE_COMMAND,
  type LexicalEditor,
} from 'lexical'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useFigureUi } from '../figures/FiguresProvider'
import { $selectionQuantity } from '../figures/operations'
import { SAVE_SNIPPET_COMMAND } from '../snippets/SaveSnippetPlugin'
import { showSnippets } from '../snippets/events'
import { canComment } from '../../../shared/team/comments'
import { startComment } from '../team/review/CommentsPlugin'
import { useReview } from '../team/review/ReviewContext'
import './context-menu.css'

interface MenuState {
  x: number
  y: number
  /** a selection to cut, copy, bold or save */
  selected: boolean
  bold: boolean
  /** the selected text when it is a number (设为数据) */
  number: string | null
}

/** Digits and what belongs to a number written in them: 1,234.5 / 12.5% / ３６ */
const NUMBER_CHAR = /[0-9０-９.．,，%％]/

/**
 * When the click is on a digit and nothing is selected: selects the number around it. Returns
 * whether it did.
 */
function selectNumberAt(editor: LexicalEditor, x: number, y: number): boolean {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null }
  const pos = doc.caretPositionFromPoint?.(x, y) ?? (() => {
    const r = document.caretRangeFromPoint?.(x, y)
    return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null
  })()
  if (!pos || pos.offsetNode.nodeType !== Node.TEXT_NODE) return false
  const text = pos.offsetNode.textContent ?? ''
  // the character under the pointer is on one side of the caret position or the other
  const at = /[0-9０-９]/.test(text[pos.offset] ?? '') ? pos.offset : /[0-9０-９]/.test(text[pos.offset - 1] ?? '') ? pos.offset - 1 : -1
  if (at < 0) return false
  let start = at
  let end = at + 1
  while (start > 0 && NUMBER_CHAR.test(text[start - 1]!)) start--
  while (end < text.length && NUMBER_CHAR.test(text[end]!)) end++
  // a mark of punctuation at either end is not part of the number (，。)
  while (start < end && !/[0-9０-９]/.test(text[start]!)) start++
  while (end > start && !/[0-9０-９%％]/.test(text[end - 1]!)) end--
  let done = false
  editor.update(
    () => {
      const node = $getNearestNodeFromDOMNode(pos.offsetNode)
      if (!$isTextNode(node)) return
      const selection = $createRangeSelection()
      selection.anchor.set(node.getKey(), start, 'text')
      selection.focus.set(node.getKey(), end, 'text')
      $setSelection(selection)
      done = true
    },
    { discrete: true },
  )
  return done
}

export function ContextMenuPlugin({ onNotice }: { onNotice(message: string | null): void }) {
  const { t } = useTranslation('context-menu')
  const [editor] = useLexicalComposerContext()
  const figureUi = useFigureUi()
  // 批注 on a team document (the selection may be the browser's: a 审阅 member's text is read-only)
  const review = useReview()
  const [menu, setMenu] = useState<MenuState | null>(null)
  const box = useRef<HTMLUListElement>(null)

  useEffect(() => {
    const root = editor.getRootElement()
    if (!root) return
    const onContextMenu = (e: MouseEvent) => {
      if (e.shiftKey) return // Shift+right-click: the browser's own menu, as ever
      e.preventDefault()
      const collapsed = editor.getEditorState().read(() => {
        const s = $getSelection()
        return !$isRangeSelection(s) || s.isCollapsed()
      })
      if (collapsed) selectNumberAt(editor, e.clientX, e.clientY)
      const state = editor.getEditorState().read(() => {
        const s = $getSelection()
        const dom = window.getSelection()
        const selected = ($isRangeSelection(s) && !s.isCollapsed()) || (!!dom && !dom.isCollapsed && root.contains(dom.anchorNode))
        const quantity = selected ? $selectionQuantity() : null
        return { selected, bold: $isRangeSelection(s) && s.hasFormat('bold'), number: quantity?.ok ? quantity.text.trim() : null }
      })
      setMenu({ x: e.clientX, y: e.clientY, ...state })
    }
    root.addEventListener('contextmenu', onContextMenu)
    return () => root.removeEventListener('contextmenu', onContextMenu)
  }, [editor])

  // closes on a click elsewhere, a key, or leaving the window; the keyboard goes into the menu
  useEffect(() => {
    if (!menu) return
    box.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus({ preventScroll: true })
    const close = () => setMenu(null)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])]
        const at = items.indexOf(document.activeElement as HTMLButtonElement)
        items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
        return
      }
      if (e.key === 'Enter' || e.key === ' ' || e.key === 'Tab') return
      if (e.key === 'Escape') editor.focus()
      close()
    }
    window.addEventListener('mousedown', close)
    window.addEventListener('keydown', onKey)
    window.addEventListener('blur', close)
    return () => {
      window.removeEventListener('mousedown', close)
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('blur', close)
    }
  }, [menu, editor])

  if (!menu) return null

  /** `inText`: the action works on the text (the keyboard goes back there first); the others open a dialog or a panel that takes it */
  const run = (action: () => void | Promise<void>, inText: boolean) => () => {
    setMenu(null)
    if (inText) editor.focus()
    void action()
  }
  const paste = async () => {
    const clipboard = navigator.clipboard as Clipboard | undefined
    let text = ''
    let html = ''
    try {
      if (!clipboard) throw new Error('no clipboard API')
      if (typeof clipboard.read === 'function') {
        for (const item of await clipboard.read()) {
          if (!html && item.types.includes('text/html')) html = await (await item.getType('text/html')).text()
          if (!text && item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text()
        }
      } else text = await clipboard.readText()
    } catch {
      onNotice(t('pasteBlocked'))
      return
    }
    if (!text && !html) {
      onNotice(t('pasteEmpty'))
      return
    }
    const data = new DataTransfer()
    if (html) data.setData('text/html', html)
    data.setData('text/plain', text)
    editor.focus()
    editor.dispatchCommand(PASTE_COMMAND, new ClipboardEvent('paste', { clipboardData: data }))
  }

  // within the window
  const left = Math.max(4, Math.min(menu.x, window.innerWidth - 230))
  const top = Math.max(4, Math.min(menu.y, window.innerHeight - 300))
  const item = (key: string, label: string, action: () => void | Promise<void>, opts: { shortcut?: string; disabled?: boolean; testId: string; pressed?: boolean; dialog?: boolean }) => (
    <li key={key} role="none">
      <button role={opts.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'} aria-checked={opts.pressed} disabled={opts.disabled} onClick={run(action, !opts.dialog)} data-testid={opts.testId}>
        {label} {opts.shortcut && <span className="muted">{opts.shortcut}</span>}
      </button>
    </li>
  )
  return createPortal(
    <ul ref={box} className="menu context-menu" role="menu" aria-label={t('label')} style={{ left, top }} data-testid="editor-context-menu" onMouseDown={(e) => e.stopPropagation()}>
      {item('cut', t('cut'), () => void document.execCommand('cut'), { shortcut: 'Ctrl+X', disabled: !menu.selected, testId: 'context-cut' })}
      {item('copy', t('copy'), () => void document.execCommand('copy'), { shortcut: 'Ctrl+C', disabled: !menu.selected, testId: 'context-copy' })}
      {item('paste', t('paste'), paste, { shortcut: 'Ctrl+V', testId: 'context-paste' })}
      <li role="separator" className="sep" />
      {item('bold', t('bold'), () => void editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), { shortcut: 'Ctrl+B', disabled: !menu.selected, testId: 'context-bold', pressed: menu.bold })}
      {menu.number !== null && item('figure', t('makeFigureOf', { text: menu.number }), () => figureUi.openDialog({ kind: 'make' }), { shortcut: 'Ctrl+Shift+M', testId: 'context-make-figure', dialog: true })}
      <li role="separator" className="sep" />
      {item('save', t('saveSnippet'), () => void editor.dispatchCommand(SAVE_SNIPPET_COMMAND, undefined), { shortcut: 'Ctrl+Shift+S', disabled: !menu.selected, testId: 'context-save-snippet', dialog: true })}
      {item('insert', t('insertSnippet'), () => showSnippets({ focus: true }), { testId: 'context-insert-snippet', dialog: true })}
      {review && canComment(review.me.role) && (
        <>
          <li role="separator" className="sep" />
          {item('comment', t('review:add'), () => startComment(editor, review, onNotice), { shortcut: 'Ctrl+Alt+M', disabled: !menu.selected, testId: 'context-comment', dialog: true })}
        </>
      )}
    </ul>,
    document.body,
  )
}
