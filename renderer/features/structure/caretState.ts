import { $isTableCellNode } from '@lexical/table'
import { $findMatchingParent } from '@lexical/utils'
import { $getSelection, $isRangeSelection, type EditorState, type LexicalEditor } from 'lexical'
import { useSyncExternalStore } from 'react'
import { $isRunInBodyNode, $isSectionHeadingNode, $isSubtitleNode, $isTitleNode } from '.'
import type { BlockKind } from './blockCommands'

/** What the toolbar shows about the caret: the block kind, run-in, table, marks. */
export interface CaretState {
  kind: BlockKind | 'title' | 'other'
  /** the heading at the caret runs in (null: the caret is not in a heading) */
  runIn: boolean | null
  inTable: boolean
  bold: boolean
  italic: boolean
  underline: boolean
}

const INITIAL: CaretState = { kind: 'paragraph', runIn: null, inTable: false, bold: false, italic: false, underline: false }

function caretStateOf(state: EditorState, prev: CaretState): CaretState {
  return state.read(() => {
    const s = $getSelection()
    // no caret in the text (a node selection, or none): the marks and table stay as they were
    if (!$isRangeSelection(s)) return { ...prev, kind: 'other', runIn: null }
    const node = s.anchor.getNode()
    const top = node.getTopLevelElement()
    const kind: CaretState['kind'] =
      $isTitleNode(top) || $isSubtitleNode(top) ? 'title' : $isSectionHeadingNode(top) ? top.getLevel() : top?.getType() === 'paragraph' ? 'paragraph' : 'other'
    return {
      kind,
      runIn: $isSectionHeadingNode(top) ? top.getChildren().some($isRunInBodyNode) : null,
      inTable: !!$findMatchingParent(node, $isTableCellNode),
      bold: s.hasFormat('bold'),
      italic: s.hasFormat('italic'),
      underline: s.hasFormat('underline'),
    }
  })
}

const same = (a: CaretState, b: CaretState) =>
  a.kind === b.kind && a.runIn === b.runIn && a.inTable === b.inTable && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline

interface CaretStore {
  subscribe(listener: () => void): () => void
  get(): CaretState
}

const stores = new WeakMap<LexicalEditor, CaretStore>()

/**
 * One listener per editor, however many toolbar parts show the caret's state; it tells them only
 * when what they show changed. Typing in a paragraph changes nothing here, so a keystroke renders
 * no toolbar (React would otherwise be asked four times per part on every update).
 */
function caretStore(editor: LexicalEditor): CaretStore {
  let store = stores.get(editor)
  if (store) return store
  let value = INITIAL
  const listeners = new Set<() => void>()
  let unregister: (() => void) | null = null
  const refresh = (state: EditorState) => {
    const next = caretStateOf(state, value)
    if (same(next, value)) return
    value = next
    for (const l of listeners) l()
  }
  store = {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener)
      if (!unregister) {
        refresh(editor.getEditorState())
        unregister = editor.registerUpdateListener(({ editorState }) => refresh(editorState))
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && unregister) {
          unregister()
          unregister = null
        }
      }
    },
  }
  stores.set(editor, store)
  return store
}

export function useCaretState(editor: LexicalEditor): CaretState {
  const store = caretStore(editor)
  return useSyncExternalStore(store.subscribe, store.get)
}
