/**
 * The figure feature's host inside the editor (one per open document): it keeps the figure table
 * in the editor state and the references painted, provides the figure store to every feature
 * (snippets call ensureFigure), and holds the panel's and dialogs' state.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $createTextNode,
  $getEditor,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  CLICK_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  COPY_COMMAND,
  CUT_COMMAND,
  DRAGSTART_COMMAND,
  HISTORY_PUSH_TAG,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
} from 'lexical'
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { Figure } from '../../../shared/document/model'
import { MISSING_FIGURE_TEXT } from '../../../shared/figures/format'
import { FigureDisplayContext } from './FigureDisplayContext'
import { $isFigureRefNode, FigureRefNode } from './FigureRefNode'
import { beginCopy, pasteForeignRefs } from './clipboard'
import { FigureStoreContext, FiguresContext, type FigureStore } from './FigureStore'
import { $ensureFigure, $selectUse } from './operations'
import { $getFigures, $setFigures, figureRefIndex, formatterFor } from './state'
import './figures.css'

/** What the panel, the toolbar buttons and the dialogs share. */
export interface FigureUi {
  documentId: string
  panelOpen: boolean
  setPanelOpen(open: boolean | ((open: boolean) => boolean)): void
  /** the figure highlighted in the panel (clicked in the text, or stepped to) */
  focused: string | null
  focus(figureId: string | null): void
  /** how many references each figure has */
  uses: ReadonlyMap<string, number>
  /** selects the next (or previous) use of a figure in the text; its position and the count */
  stepUse(figureId: string, direction?: 1 | -1): { index: number; count: number } | null
  dialog: FigureDialog | null
  openDialog(dialog: FigureDialog | null): void
  /** a request from outside the panel to start editing a figure's value */
  editRequest: { figureId: string; n: number } | null
  /** bumped when the keyboard should go into the grid (Ctrl+Shift+D) */
  gridFocus: number
  /** puts the keyboard back in the text */
  focusEditor(): void
}

const PANEL_KEY = 'draftdesk.figurePanel'

export type FigureDialog = { kind: 'make' } | { kind: 'scan' } | { kind: 'delete'; figureId: string } | { kind: 'import'; file: File }

const FigureUiContext = createContext<FigureUi | null>(null)

export function useFigureUi(): FigureUi {
  const ui = useContext(FigureUiContext)
  if (!ui) throw new Error('useFigureUi outside FiguresProvider')
  return ui
}

/** True while an update of this editor is running (ensureFigure then writes into it). */
function inUpdateOf(editor: LexicalEditor): boolean {
  if (!editor._updating) return false
  try {
    return $getEditor() === editor
  } catch {
    return false
  }
}

const idSets = new WeakMap<readonly Figure[], ReadonlySet<string>>()
function idsOf(figures: readonly Figure[]): ReadonlySet<string> {
  let ids = idSets.get(figures)
  if (!ids) idSets.set(figures, (ids = new Set(figures.map((f) => f.id))))
  return ids
}

interface Props {
  documentId: string
  /** the figures the document was loaded with (the editor state holds the live ones) */
  initial: readonly Figure[]
  /** the live figures, after every committed change (the host saves them with the text); keep it cheap */
  onFigures(figures: Figure[]): void
  /** open the panel whatever the writer last chose (a new year's draft) */
  openPanel?: boolean
  children: ReactNode
}

export function FiguresProvider({ documentId, initial, onFigures, openPanel, children }: Props) {
  const [editor] = useLexicalComposerContext()
  const [figures, setFiguresState] = useState<readonly Figure[]>(initial)
  // the list last handed to React (the store reads it live; the listener skips what is already set)
  const shown = useRef<readonly Figure[]>(initial)
  const setFigures = useCallback((next: readonly Figure[]) => {
    shown.current = next
    setFiguresState(next)
  }, [])
  // the panel stays open across documents and restarts for a writer who works with it
  const [panelOpen, setPanelOpenState] = useState(() => openPanel || localStorage.getItem(PANEL_KEY) === 'open')
  const setPanelOpen = useCallback((open: boolean | ((open: boolean) => boolean)) => {
    setPanelOpenState((was) => {
      const next = typeof open === 'function' ? open(was) : open
      localStorage.setItem(PANEL_KEY, next ? 'open' : 'closed')
      return next
    })
  }, [])
  const [gridFocus, setGridFocus] = useState(0)
  const [focused, setFocused] = useState<string | null>(null)
  const [dialog, setDialog] = useState<FigureDialog | null>(null)
  const [editRequest, setEditRequest] = useState<FigureUi['editRequest']>(null)
  const index = figureRefIndex(editor)
  const uses = useSyncExternalStore(index.subscribe, () => index.uses())
  const onFiguresRef = useRef(onFigures)
  onFiguresRef.current = onFigures
  const stepPosition = useRef(new Map<string, number>())

  useEffect(() => {
    let last = editor.getEditorState().read($getFigures)
    return mergeRegister(
      // the live table, after every committed change (an undo included)
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read($getFigures)
        if (next === last) return
        const sameIds = next.length === last.length && next.every((f, i) => f.id === last[i]!.id)
        last = next
        onFiguresRef.current([...next])
        // the store's own update has already handed it to React, with the grid's own change
        if (next === shown.current) return
        // A value change from elsewhere (undo, a dialog, a team member): the references are
        // already painted by Lexical, the table follows at a lower priority so the change reaches
        // the screen without waiting for React. A figure added or removed shows at once (the grid
        // may be about to edit it).
        if (sameIds) startTransition(() => setFigures(next))
        else setFigures(next)
      }),
      // references made by paste, snippets, import or cleanup show their figure's text; ones
      // pasted from another document (their figure is not in this table) become plain text
      editor.registerNodeTransform(FigureRefNode, (node) => {
        const table = $getFigures()
        const id = node.getFigureId()
        if (!idsOf(table).has(id)) {
          const { text } = node.getDisplay()
          if (text && text !== MISSING_FIGURE_TEXT) {
            node.replace($createTextNode(text))
            return
          }
        }
        const shown = formatterFor(table)(id)
        node.setDisplay(shown.text, shown.unfilled)
      }),
      editor.registerMutationListener(
        FigureRefNode,
        (mutations) => {
          editor.getEditorState().read(() => {
            for (const [key, mutation] of mutations) {
              if (mutation === 'destroyed') index.delete(key)
              else {
                const node = $getNodeByKey(key)
                if ($isFigureRefNode(node)) index.set(key, node.__figureId)
              }
            }
          })
          index.notify()
        },
        { skipInitialization: false },
      ),
      editor.registerCommand(COPY_COMMAND, () => (beginCopy(documentId), false), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(CUT_COMMAND, () => (beginCopy(documentId), false), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(DRAGSTART_COMMAND, () => (beginCopy(documentId), false), COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(PASTE_COMMAND, (event) => pasteForeignRefs(editor, event, documentId), COMMAND_PRIORITY_CRITICAL),
      // a click on a reference shows its figure in the table
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          const target = event.target instanceof Element ? event.target.closest('.dd-figure') : null
          if (!target) return false
          const id = editor.read(() => {
            const node = $getNearestNodeFromDOMNode(target)
            return $isFigureRefNode(node) ? node.getFigureId() : null
          })
          if (id) {
            setFocused(id)
            if (event.detail >= 2) {
              setPanelOpen(true)
              setEditRequest((r) => ({ figureId: id, n: (r?.n ?? 0) + 1 }))
            }
          }
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return false
          const key = event.key.toLowerCase()
          if (key === 'd') {
            // from the text: open the table (if closed) and put the keyboard in it
            event.preventDefault()
            setPanelOpen(true)
            setGridFocus((n) => n + 1)
            return true
          }
          if (key === 'm') {
            event.preventDefault()
            setDialog({ kind: 'make' })
            return true
          }
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
    )
  }, [editor, index, documentId, setPanelOpen, setFigures])

  // Ctrl+Shift+D outside the text: from the table it closes the table and returns to the text
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'd')) return
      const target = event.target instanceof Node ? event.target : null
      if (target && editor.getRootElement()?.contains(target)) return // the editor's own handler
      event.preventDefault()
      if (target instanceof Element && target.closest('.figure-panel')) {
        setPanelOpen(false)
        editor.focus()
      } else {
        setPanelOpen(true)
        setGridFocus((n) => n + 1)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [editor, setPanelOpen])

  const store = useMemo<FigureStore>(
    () => ({
      get figures() {
        return shown.current
      },
      ensureFigure: (name, init) => {
        if (inUpdateOf(editor)) return $ensureFigure(name, init)
        let id = ''
        editor.update(() => {
          id = $ensureFigure(name, init)
        })
        return id
      },
      update: (updater, opts) => {
        let changed: readonly Figure[] | null = null
        editor.update(
          () => {
            const current = $getFigures()
            const next = updater(current)
            // an edit that changes nothing leaves no undo step
            if (next !== current && JSON.stringify(next) !== JSON.stringify(current)) {
              $setFigures(next)
              changed = next
            }
          },
          // the table is edited elsewhere (the grid, a dialog): the caret and the keyboard stay put
          { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG], ...(opts?.discrete ? { discrete: true } : {}) },
        )
        // handed to React now, in the same render as the caller's own state (the grid closing its
        // cell editor): the frame that paints the references shows the new value in the grid too,
        // and no render of its own is left to run after that frame. (Inside another update the
        // change is not made yet: the update listener hands it on once committed.)
        if (changed !== null) setFigures(changed)
      },
      display: (id) => formatterFor(shown.current)(id),
    }),
    [editor, setFigures],
  )

  const display = useMemo(() => formatterFor(figures), [figures])

  const stepUse = useCallback(
    (figureId: string, direction: 1 | -1 = 1) => {
      const previous = stepPosition.current.get(figureId)
      const n = previous === undefined ? (direction === 1 ? 0 : -1) : previous + direction
      let result: { key: string; index: number; count: number } | null = null
      // the keyboard stays in the grid (Enter steps on): the use is selected in the editor state,
      // scrolled to and marked, without moving the DOM selection (which would take the focus)
      editor.update(
        () => {
          result = $selectUse(figureId, n)
        },
        { discrete: true, tag: SKIP_DOM_SELECTION_TAG },
      )
      if (!result) return null
      const { key, index: at, count } = result
      stepPosition.current.set(figureId, at)
      setFocused(figureId)
      const element = editor.getElementByKey(key)
      document.querySelectorAll('.dd-figure-current').forEach((e) => e.classList.remove('dd-figure-current', 'dd-figure-flash'))
      if (element) {
        element.scrollIntoView({ block: 'center', behavior: 'auto' })
        void element.offsetWidth // restart the animation
        element.classList.add('dd-figure-flash', 'dd-figure-current')
      }
      return { index: at, count }
    },
    [editor],
  )

  const ui = useMemo<FigureUi>(
    () => ({
      documentId,
      panelOpen,
      setPanelOpen,
      focused,
      focus: setFocused,
      uses,
      stepUse,
      dialog,
      openDialog: setDialog,
      editRequest,
      gridFocus,
      focusEditor: () => editor.focus(),
    }),
    [documentId, panelOpen, setPanelOpen, focused, uses, stepUse, dialog, editRequest, gridFocus, editor],
  )

  return (
    <FigureStoreContext.Provider value={store}>
      <FiguresContext.Provider value={figures}>
        <FigureDisplayContext.Provider value={display}>
          <FigureUiContext.Provider value={ui}>{children}</FigureUiContext.Provider>
        </FigureDisplayContext.Provider>
      </FiguresContext.Provider>
    </FigureStoreContext.Provider>
  )
}
