import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $createRangeSelectionFromDom,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type PointType,
} from 'lexical'
import { useEffect } from 'react'

const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'CapsLock'])

const samePoint = (a: PointType, b: PointType) => a.key === b.key && a.offset === b.offset && a.type === b.type

/**
 * Brings Lexical's caret to where the browser's caret is before Lexical handles a key.
 *
 * The browser moves the caret itself for Ctrl+End, the arrows or a click, and tells Lexical only
 * through `selectionchange`, which Chromium sends later, as a task of its own. Keys handled on
 * keydown (Enter, Backspace, Tab, Ctrl+2, paste) act on Lexical's own copy of the caret. When the
 * next key comes before that task (a fast typist, or a page busy laying out), Enter split the
 * paragraph the caret had just left: Ctrl+End then Enter put a new heading above the last one.
 */
export function syncCaretFromDom(editor: LexicalEditor): void {
  const root = editor.getRootElement()
  const dom = root?.ownerDocument.defaultView?.getSelection()
  if (!root || !dom || dom.rangeCount === 0 || !root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return
  const stale = editor.read(() => {
    const current = $getSelection()
    if (!$isRangeSelection(current)) return false
    const seen = $createRangeSelectionFromDom(dom, editor)
    return seen !== null && !(samePoint(seen.anchor, current.anchor) && samePoint(seen.focus, current.focus))
  })
  if (!stale) return
  // discrete: committed before Lexical's own keydown handler starts its update
  editor.update(
    () => {
      const seen = $createRangeSelectionFromDom(dom, editor)
      if (seen) $setSelection(seen)
    },
    { discrete: true },
  )
}

/**
 * Ctrl+Home / Ctrl+End (with Shift: select to there) go to the document's start or end in the
 * model. The browser would find the end from the layout, and the page view leaves paragraphs it
 * holds at their height unlaid (pageview/offscreen.ts): the browser then put the caret at the
 * START of the last paragraph, and the next Enter split it.
 */
function $documentEdge(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || (event.key !== 'End' && event.key !== 'Home')) return false
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return false
  const root = $getRoot()
  const edge = event.key === 'End' ? root.selectEnd() : root.selectStart()
  if (event.shiftKey) {
    edge.anchor.set(selection.anchor.key, selection.anchor.offset, selection.anchor.type)
  }
  event.preventDefault()
  return true
}

/** Keys act where the writer's caret is (see syncCaretFromDom and $documentEdge). */
export function CaretSyncPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(KEY_DOWN_COMMAND, $documentEdge, COMMAND_PRIORITY_NORMAL),
        editor.registerRootListener((root) => {
          if (!root) return
          // capture on the root: runs before Lexical's keydown listener on the same element
          const onKeyDown = (event: KeyboardEvent) => {
            if (event.isComposing || event.keyCode === 229 || MODIFIERS.has(event.key)) return
            syncCaretFromDom(editor)
          }
          root.addEventListener('keydown', onKeyDown, true)
          return () => root.removeEventListener('keydown', onKeyDown, true)
        }),
      ),
    [editor],
  )
  return null
}
