/**
 * 数据表: the figure table as a grid under the page. Sortable (click or Enter on a header),
 * filtered (text, and unfilled / unused / with problems), edited in place, and fully usable from
 * the keyboard: arrows move between cells, Enter or F2 (or just typing) edits, Enter/Tab commit,
 * Esc cancels, Delete clears a cell, Ctrl+Delete deletes the figure, Ctrl+Z/Ctrl+Y undo and redo
 * in the document. Each committed edit is one undo step of the document.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, REDO_COMMAND, UNDO_COMMAND } from 'lexical'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import { QUALIFIERS, type Figure } from '../../../shared/document/model'
import { figureChecks, type Finding } from '../../../shared/figures/checks'
import { checkFormula, figureWarnings, freeName, parseLastYear, parseValueInput, patchFigure, renameFigure, wantsNumber, type EditResult } from '../../../shared/figures/edit'
import { isComputed } from '../../../shared/figures/formula'
import { newFigureId } from '../../../shared/figures/id'
import type { Message } from '../../../shared/errors'
import { plainDigits } from '../../../shared/figures/numbers'
import { figureFieldText, figureRows, isFigureTextField, type FigureRow } from '../../../shared/figures/row'
import { useApi } from '../../app/ApiContext'
import { errorMessage, translateMessage } from '../../app/errors'
import { TrashIcon } from '../../ui/icons'
import { $isSubtitleNode } from '../structure/SubtitleNode'
import { $isTitleNode } from '../structure/TitleNode'
import { useFigureStore, useFigures } from './FigureStore'
import { useFigureUi } from './FiguresProvider'
import { $getFigures, formatterFor } from './state'
import { saveBase64 } from '../../ui/files'
import { registerContentSettled } from '../../ui/contentSettled'
import { FileInput } from '../../ui/FileInput'

type Column = 'name' | 'value' | 'unit' | 'qualifier' | 'style' | 'formula' | 'lastYear' | 'comparison' | 'note' | 'shown' | 'uses' | 'actions'
const COLUMNS: Column[] = ['name', 'value', 'unit', 'qualifier', 'style', 'formula', 'lastYear', 'comparison', 'note', 'shown', 'uses', 'actions']
const EDITABLE = new Set<Column>(['name', 'value', 'unit', 'qualifier', 'style', 'formula', 'lastYear', 'note'])
const SORTABLE = new Set<Column>(['name', 'value', 'unit', 'qualifier', 'style', 'formula', 'lastYear', 'note', 'shown', 'uses'])
const STYLES = ['arabic', 'grouped', 'chinese', 'wan'] as const

type Show = 'all' | 'unfilled' | 'unused' | 'problems'

const HEIGHT_KEY = 'draftdesk.figurePanelHeight'
/** The panel's height in px: at least a few rows, at most most of the window. */
const clampHeight = (h: number) => Math.round(Math.max(160, Math.min(h, window.innerHeight * 0.75)))

interface Row extends FigureRow {
  /** a doubt that does not block the value (a negative count) */
  warning?: Message
}

interface Editing {
  id: string
  col: Column
  draft: string
  error?: string
  /** the value was refused as text where a number belongs: offer to keep it as text */
  offerText?: boolean
  /** started by typing: the caret goes after what was typed instead of selecting the text */
  typed?: boolean
}

function cellText(row: Row, col: Column): string {
  const f = row.figure
  if (isFigureTextField(col)) return figureFieldText(f, col)
  switch (col) {
    case 'value':
      return row.valueText
    case 'style':
      return f.style ?? 'arabic'
    case 'lastYear':
      return f.lastYear === undefined ? '' : plainDigits(f.lastYear)
    case 'comparison':
      return row.comparison
    case 'shown':
      return row.shown
    case 'uses':
      return String(row.uses)
    case 'actions':
      return ''
  }
}

function compareRows(a: Row, b: Row, col: Column): number {
  if (col === 'uses') return a.uses - b.uses
  if (col === 'value' || col === 'lastYear') {
    const num = (r: Row) => {
      const v = col === 'lastYear' ? r.figure.lastYear : r.result?.ok ? r.result.value : null
      return typeof v === 'number' ? v : null
    }
    const x = num(a)
    const y = num(b)
    if (x !== null && y !== null) return x - y
    if (x !== null) return -1
    if (y !== null) return 1
  }
  return cellText(a, col).localeCompare(cellText(b, col), 'zh-CN')
}



export function FigurePanel({ onNotice }: { onNotice(message: string | null): void }) {
  const ui = useFigureUi()
  if (!ui.panelOpen) return null
  return <FigurePanelBody onNotice={onNotice} />
}

function FigurePanelBody({ onNotice }: { onNotice(message: string | null): void }) {
  const { t } = useTranslation('figures')
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const store = useFigureStore()
  const ui = useFigureUi()
  const figures = useFigures()
  const [filter, setFilter] = useState('')
  const [show, setShow] = useState<Show>('all')
  const [sort, setSort] = useState<{ col: Column; dir: 1 | -1 } | null>(null)
  const [active, setActive] = useState<{ id: string; col: Column } | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [steps, setSteps] = useState<Record<string, string>>({})
  const [findings, setFindings] = useState<Finding[]>([])
  const [height, setHeightState] = useState(() => clampHeight(Number(localStorage.getItem(HEIGHT_KEY)) || Math.min(320, window.innerHeight * 0.36)))
  const setHeight = useCallback((h: number | ((h: number) => number)) => {
    setHeightState((was) => {
      const next = typeof h === 'function' ? h(was) : h
      localStorage.setItem(HEIGHT_KEY, String(next))
      return next
    })
  }, [])
  const [showFindings, setShowFindings] = useState(false)
  const gridRef = useRef<HTMLTableElement>(null)
  const figuresRef = useRef(figures)
  figuresRef.current = figures
  const fileRef = useRef<HTMLInputElement>(null)
  const inputRef = useRef<HTMLInputElement | HTMLSelectElement | null>(null)
  /** the edit in progress, cleared the moment it is committed or cancelled (blur comes after) */
  const editingRef = useRef<Editing | null>(null)
  editingRef.current = editing

  const rows = useMemo<Row[]>(
    () =>
      figureRows(figures, ui.uses, formatterFor(figures)).map((row) => {
        const [warning] = figureWarnings(row.figure)
        return warning ? { ...row, warning } : row
      }),
    [figures, ui.uses],
  )

  const problemIds = useMemo(() => new Set(findings.filter((f) => f.severity !== 'info' && f.figureId).map((f) => f.figureId!)), [findings])

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    let out = rows.filter((r) => {
      if (show === 'unfilled' && !r.unfilled) return false
      if (show === 'unused' && r.uses > 0) return false
      if (show === 'problems' && !problemIds.has(r.figure.id) && !r.error) return false
      if (!needle) return true
      const f = r.figure
      return [f.name, r.shown, f.note ?? '', f.formula ?? '', f.unit ?? '', cellText(r, 'value')].some((s) => s.toLowerCase().includes(needle))
    })
    if (sort) out = [...out].sort((a, b) => compareRows(a, b, sort.col) * sort.dir)
    return out
  }, [rows, filter, show, sort, problemIds])

  // the checks (pre-export check's figure part), recomputed a moment after the document changes
  const checkedOnce = useRef(false)
  useEffect(() => {
    let idle: number | null = null
    // in idle time: on a long document the checks take tens of milliseconds
    const later = () => {
      if (idle !== null) cancelIdleCallback(idle)
      idle = requestIdleCallback(() => {
        idle = null
        run()
      }, { timeout: 2000 })
    }
    const run = () => {
      try {
        const doc = editorStateToModel(editor.getEditorState().toJSON(), { figures: [...figures] })
        setFindings(figureChecks(doc))
      } catch {
        setFindings([])
      }
    }
    // at once when the panel opens; after a change of the table, once the writer pauses, as after
    // typing (run right away, they would land in the frame that shows the new value)
    let timer: ReturnType<typeof setTimeout> | null = null
    if (!checkedOnce.current) {
      checkedOnce.current = true
      later()
    } else timer = setTimeout(later, 600)
    const unregister = registerContentSettled(editor, later, 600)
    return () => {
      unregister()
      if (timer !== null) clearTimeout(timer)
      if (idle !== null) cancelIdleCallback(idle)
    }
  }, [editor, figures])

  // a figure clicked in the text: show its row
  useEffect(() => {
    if (!ui.focused) return
    if (!visible.some((r) => r.figure.id === ui.focused)) {
      setFilter('')
      setShow('all')
    }
    setActive((a) => (a?.id === ui.focused ? a : { id: ui.focused!, col: 'value' }))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.focused])

  // double-click on a reference: edit its value
  useEffect(() => {
    if (!ui.editRequest) return
    const row = rows.find((r) => r.figure.id === ui.editRequest!.figureId)
    if (!row) return
    setActive({ id: row.figure.id, col: 'value' })
    setEditing({ id: row.figure.id, col: 'value', draft: cellText(row, 'value') })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.editRequest])

  // the active cell keeps the keyboard (roving tabindex)
  useEffect(() => {
    if (!active || editing) return
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(active.id)}:${active.col}"]`)
    if (!cell) return
    // in the next frame, with the layout that frame makes anyway: called here it forced a layout
    // of the whole document in the middle of the change that repaints a thousand references
    const frame = requestAnimationFrame(() => cell.scrollIntoView({ block: 'nearest', inline: 'nearest' }))
    // the keyboard moves with the active cell only while it is in the grid (a click on a
    // reference in the text shows the row but leaves the caret where the writer is typing)
    if (gridRef.current?.contains(document.activeElement)) cell.focus({ preventScroll: true })
    return () => cancelAnimationFrame(frame)
  }, [active, editing])

  // Ctrl+Shift+D: the keyboard goes into the grid, on the active cell (or the first)
  useEffect(() => {
    if (ui.gridFocus === 0) return
    // The rows may render a few frames later (the grid follows changes at low priority, and the
    // panel may just be opening): wait for a cell, and take the add button only for an empty table.
    // Waiting is bounded by time, not frames: a busy machine renders few frames per second.
    let frame = 0
    const giveUpAt = performance.now() + (figuresRef.current.length > 0 ? 3000 : 0)
    const place = () => {
      const cell = gridRef.current?.querySelector<HTMLElement>('td[tabindex="0"]')
      if (cell) return cell.focus()
      if (performance.now() < giveUpAt) {
        frame = requestAnimationFrame(place)
        return
      }
      gridRef.current?.closest('.figure-panel')?.querySelector<HTMLElement>('[data-testid=figure-add]')?.focus()
    }
    frame = requestAnimationFrame(place)
    return () => cancelAnimationFrame(frame)
  }, [ui.gridFocus])

  /** Puts the keyboard on the active cell — unless an edit started meanwhile (typing is fast). */
  const focusActiveCell = useCallback(() => {
    if (editingRef.current) return
    gridRef.current?.querySelector<HTMLElement>('td[tabindex="0"]')?.focus()
  }, [])

  /**
   * The cell editor takes the keyboard when it mounts (its row may appear a frame after the edit
   * starts: a new figure reaches the grid at transition priority).
   */
  const attachInput = useCallback((el: HTMLInputElement | HTMLSelectElement | null) => {
    const mounted = el !== null && el !== inputRef.current
    inputRef.current = el
    if (!mounted) return
    el.focus({ preventScroll: false })
    if (el instanceof HTMLInputElement) {
      if (editingRef.current?.typed) el.setSelectionRange(el.value.length, el.value.length)
      else el.select()
    }
  }, [])

  const update = useCallback((fn: (figures: readonly Figure[]) => Figure[]) => store.update(fn), [store])

  /** Applies a cell's draft; returns an error message when it is refused (nothing changes then). */
  const commit = useCallback(
    (edit: Editing, force?: 'text'): { error?: string; offerText?: boolean } => {
      // the live table (the panel's copy may be a frame behind: it follows at a lower priority)
      const figures = editor.read($getFigures) // commits a pending change first
      const figure = figures.find((f) => f.id === edit.id)
      if (!figure) return {}
      const draft = edit.draft
      let result: EditResult<Figure[]>
      switch (edit.col) {
        case 'name':
          result = renameFigure(figures, figure.id, draft)
          break
        case 'value': {
          const parsed = parseValueInput(draft, figure, figures, force ? { force } : {})
          if (!parsed.ok) return { error: translateMessage(parsed.message), offerText: !isComputed(figure) && wantsNumber(figure, figures) && draft.trim() !== '' }
          result = { ok: true, value: patchFigure(figures, figure.id, parsed.value) }
          break
        }
        case 'unit':
          result = { ok: true, value: patchFigure(figures, figure.id, { unit: draft.trim() || undefined }) }
          break
        case 'note':
          result = { ok: true, value: patchFigure(figures, figure.id, { note: draft.trim() || undefined }) }
          break
        case 'formula': {
          const checked = checkFormula(draft, figures)
          if (!checked.ok) return { error: translateMessage(checked.message) }
          result = { ok: true, value: patchFigure(figures, figure.id, { formula: checked.value }) }
          break
        }
        case 'lastYear': {
          const checked = parseLastYear(draft)
          if (!checked.ok) return { error: translateMessage(checked.message) }
          result = { ok: true, value: patchFigure(figures, figure.id, { lastYear: checked.value }) }
          break
        }
        case 'qualifier':
          result = { ok: true, value: patchFigure(figures, figure.id, { qualifier: (draft || undefined) as Figure['qualifier'] }) }
          break
        case 'style':
          result = { ok: true, value: patchFigure(figures, figure.id, { style: draft === 'arabic' ? undefined : (draft as Figure['style']) }) }
          break
        default:
          return {}
      }
      if (!result.ok) return { error: translateMessage(result.message) }
      const next = result.value
      if (JSON.stringify(next) !== JSON.stringify(figures)) update(() => next)
      return {}
    },
    [editor, update],
  )

  const startEdit = (id: string, col: Column, initial?: string) => {
    if (!EDITABLE.has(col)) return
    const row = rows.find((r) => r.figure.id === id)
    if (!row) return
    if (col === 'value' && isComputed(row.figure)) {
      setActive({ id, col: 'formula' })
      setEditing({ id, col: 'formula', draft: row.figure.formula ?? '' })
      return
    }
    setActive({ id, col })
    // keys typed faster than the editor mounts are appended, not lost
    const current = editingRef.current
    const next: Editing =
      initial === undefined
        ? { id, col, draft: cellText(row, col) }
        : current?.typed && current.id === id && current.col === col
          ? { ...current, draft: current.draft + initial }
          : { id, col, draft: initial, typed: true }
    editingRef.current = next
    setEditing(next)
  }

  const finishEdit = (move: 'down' | 'right' | 'left' | 'stay', force?: 'text') => {
    const current = editingRef.current
    if (!current || !editing) return
    const outcome = commit(current, force)
    if (outcome.error) {
      setEditing({ ...current, error: outcome.error, offerText: outcome.offerText ?? false })
      return
    }
    editingRef.current = null
    // the keyboard leaves the input before React removes it: removing a focused element makes the
    // browser fix up focus and selection across the whole page (tens of ms beside a long document)
    const cellElement = inputRef.current?.closest('td')
    if (cellElement instanceof HTMLElement) cellElement.focus({ preventScroll: true })
    setEditing(null)
    const at = visible.findIndex((r) => r.figure.id === editing.id)
    const c = COLUMNS.indexOf(editing.col)
    if (move === 'down' && at >= 0 && at + 1 < visible.length) setActive({ id: visible[at + 1]!.figure.id, col: editing.col })
    else if (move === 'right' && c + 1 < COLUMNS.length) setActive({ id: editing.id, col: COLUMNS[c + 1]! })
    else if (move === 'left' && c > 0) setActive({ id: editing.id, col: COLUMNS[c - 1]! })
    else setActive({ id: editing.id, col: editing.col })
    requestAnimationFrame(focusActiveCell)
  }

  const addFigure = () => {
    const id = newFigureId(new Set(figures.map((f) => f.id)))
    const name = freeName(t('panel.newName'), figures)
    store.update((list) => [...list, { id, name, value: null }], { discrete: true })
    setFilter('')
    setShow('all')
    setSort(null)
    setActive({ id, col: 'name' })
    setEditing({ id, col: 'name', draft: name })
  }

  const step = (id: string, direction: 1 | -1 = 1) => {
    const at = ui.stepUse(id, direction)
    setSteps((s) => ({ ...s, [id]: at ? t('panel.usesStep', { n: at.index + 1, count: at.count }) : t('panel.usesNone') }))
  }

  const exportSheet = async (format: 'xlsx' | 'csv') => {
    try {
      const title = editor.getRootElement()?.querySelector('.dd-title')?.textContent ?? ''
      const file = await api.call('figures.exportSheet', { figures: [...figures], uses: Object.fromEntries(ui.uses), format, title })
      saveBase64(file.fileName, file.mime, file.dataBase64)
      onNotice(t('panel.exported', { name: file.fileName }))
    } catch (err) {
      onNotice(t('errors.generic', { message: errorMessage(err) }))
    }
  }

  const onGridKey = (e: ReactKeyboardEvent<HTMLTableElement>) => {
    // keys in a cell editor are its own (they bubble here after it handled them)
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return
    const current = editingRef.current
    if (current) {
      // a key that reached the grid before the cell editor took the keyboard
      if (current.typed && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault()
        startEdit(current.id, current.col, e.key)
      }
      return
    }
    const ctrl = e.ctrlKey || e.metaKey
    if (ctrl && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault()
      editor.dispatchCommand(UNDO_COMMAND, undefined)
      return
    }
    if (ctrl && (e.key.toLowerCase() === 'y' || (e.shiftKey && e.key.toLowerCase() === 'z'))) {
      e.preventDefault()
      editor.dispatchCommand(REDO_COMMAND, undefined)
      return
    }
    if (!active) return
    const r = visible.findIndex((row) => row.figure.id === active.id)
    const c = COLUMNS.indexOf(active.col)
    const go = (row: number, col: number) => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, row))]
      if (target) setActive({ id: target.figure.id, col: COLUMNS[Math.max(0, Math.min(COLUMNS.length - 1, col))]! })
    }
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        return go(r + 1, c)
      case 'ArrowUp':
        e.preventDefault()
        return go(r - 1, c)
      case 'ArrowRight':
        e.preventDefault()
        return go(r, c + 1)
      case 'ArrowLeft':
        e.preventDefault()
        return go(r, c - 1)
      case 'Home':
        e.preventDefault()
        return ctrl ? go(0, 0) : go(r, 0)
      case 'End':
        e.preventDefault()
        return ctrl ? go(visible.length - 1, COLUMNS.length - 1) : go(r, COLUMNS.length - 1)
      case 'PageDown':
        e.preventDefault()
        return go(r + 10, c)
      case 'PageUp':
        e.preventDefault()
        return go(r - 10, c)
      case 'Enter':
      case 'F2':
        e.preventDefault()
        if (active.col === 'uses') return step(active.id, e.shiftKey ? -1 : 1)
        if (active.col === 'actions') return ui.openDialog({ kind: 'delete', figureId: active.id })
        return startEdit(active.id, active.col)
      case ' ':
        if (active.col === 'uses') {
          e.preventDefault()
          return step(active.id)
        }
        break
      case 'Delete':
      case 'Backspace':
        e.preventDefault()
        if (ctrl || active.col === 'actions') return ui.openDialog({ kind: 'delete', figureId: active.id })
        if (EDITABLE.has(active.col) && active.col !== 'name') {
          const outcome = commit({ id: active.id, col: active.col, draft: active.col === 'style' ? 'arabic' : '' })
          if (outcome.error) onNotice(outcome.error)
        }
        return
      case 'Escape':
        e.preventDefault()
        ui.focusEditor()
        return
      default:
        break
    }
    // typing starts editing the cell with what was typed (as in a spreadsheet)
    if (!ctrl && !e.altKey && e.key.length === 1 && EDITABLE.has(active.col) && active.col !== 'qualifier' && active.col !== 'style') {
      e.preventDefault()
      startEdit(active.id, active.col, e.key)
    }
  }

  const onEditorKey = (e: ReactKeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (e.nativeEvent.isComposing) return
    if (e.key === 'Enter') {
      e.preventDefault()
      finishEdit(e.shiftKey ? 'stay' : 'down')
    } else if (e.key === 'Tab') {
      e.preventDefault()
      finishEdit(e.shiftKey ? 'left' : 'right')
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      editingRef.current = null
      const cellElement = inputRef.current?.closest('td')
      if (cellElement instanceof HTMLElement) cellElement.focus({ preventScroll: true })
      setEditing(null)
      requestAnimationFrame(focusActiveCell)
    }
  }

  /** A finding: its figure's row, and for text found in a paragraph, that paragraph. */
  const showFinding = (f: Finding) => {
    if (f.figureId) ui.focus(f.figureId)
    if (f.blockIndex === undefined) return
    const key = editor.getEditorState().read(() => {
      const blocks = $getRoot().getChildren().filter((n) => !$isTitleNode(n) && !$isSubtitleNode(n))
      return blocks[f.blockIndex!]?.getKey() ?? null
    })
    const element = key ? editor.getElementByKey(key) : null
    element?.scrollIntoView({ block: 'center' })
    element?.classList.add('dd-finding-flash')
    setTimeout(() => element?.classList.remove('dd-finding-flash'), 1500)
  }

  const headerLabel = (col: Column) => (col === 'actions' ? '' : t(`columns.${col}`))
  const problemCount = findings.filter((f) => f.severity !== 'info').length

  const renderEditor = (col: Column) => {
    if (!editing) return null
    const common = {
      'aria-label': headerLabel(col),
      'aria-invalid': editing.error ? true : undefined,
      onKeyDown: onEditorKey,
      onBlur: () => {
        // a click elsewhere keeps a valid edit; a refused one stays open with its message
        if (editingRef.current && !editingRef.current.error) finishEdit('stay')
      },
    } as const
    if (col === 'qualifier') {
      return (
        <select ref={attachInput} className="figure-cell-input" value={editing.draft} onChange={(e) => setEditing({ ...editing, draft: e.target.value })} {...common}>
          <option value="">{t('qualifierNone')}</option>
          {QUALIFIERS.map((q) => (
            <option key={q} value={q}>{q}</option>
          ))}
        </select>
      )
    }
    if (col === 'style') {
      return (
        <select ref={attachInput} className="figure-cell-input" value={editing.draft} onChange={(e) => setEditing({ ...editing, draft: e.target.value })} {...common}>
          {STYLES.map((s) => (
            <option key={s} value={s}>{t(`styles.${s}`)}</option>
          ))}
        </select>
      )
    }
    return (
      <input
        ref={attachInput}
        className="figure-cell-input"
        value={editing.draft}
        spellCheck={false}
        list={col === 'unit' ? 'figure-units' : undefined}
        onChange={(e) => setEditing({ ...editing, draft: e.target.value, error: undefined, offerText: false })}
        {...common}
      />
    )
  }

  return (
    <section className="figure-panel" aria-label={t('panel.title')} data-testid="figure-panel" style={{ height }}>
      <div
        className="figure-panel-resize"
        role="separator"
        aria-orientation="horizontal"
        aria-label={t('panel.resize')}
        aria-valuenow={height}
        tabIndex={0}
        onPointerDown={(e) => {
          const startY = e.clientY
          const startHeight = height
          const target = e.currentTarget
          target.setPointerCapture(e.pointerId)
          const move = (ev: PointerEvent) => setHeight(clampHeight(startHeight + startY - ev.clientY))
          const up = () => {
            target.removeEventListener('pointermove', move)
            target.removeEventListener('pointerup', up)
          }
          target.addEventListener('pointermove', move)
          target.addEventListener('pointerup', up)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault()
            setHeight((h) => clampHeight(h + (e.key === 'ArrowUp' ? 24 : -24)))
          }
        }}
      />
      <header className="figure-panel-head">
        <h2>{t('panel.title')}</h2>
        <span className="muted">{t('panel.count', { count: figures.length })}</span>
        <input className="figure-filter" type="search" value={filter} placeholder={t('panel.filter')} aria-label={t('panel.filter')} onChange={(e) => setFilter(e.target.value)} />
        <select aria-label={t('panel.show')} value={show} onChange={(e) => setShow(e.target.value as Show)}>
          <option value="all">{t('panel.showAll')}</option>
          <option value="unfilled">{t('panel.showUnfilled')}</option>
          <option value="unused">{t('panel.showUnused')}</option>
          <option value="problems">{t('panel.showProblems')}</option>
        </select>
        <button onClick={addFigure} data-testid="figure-add">{t('panel.add')}</button>
        <button onClick={() => fileRef.current?.click()}>{t('panel.importSheet')}</button>
        <button onClick={() => void exportSheet('xlsx')} data-testid="figure-export-xlsx">{t('panel.exportXlsx')}</button>
        <button onClick={() => void exportSheet('csv')}>{t('panel.exportCsv')}</button>
        <button className={`figure-checks${problemCount ? ' has-problems' : ''}`} onClick={() => setShowFindings((s) => !s)} aria-expanded={showFindings} data-testid="figure-checks">
          {problemCount ? t('panel.checks', { count: problemCount }) : t('panel.noChecks')}
        </button>
        <button className="link figure-close" onClick={() => ui.setPanelOpen(false)} aria-label={t('panel.close')} title={t('panel.close')}>×</button>
        <FileInput ref={fileRef} accept=".xlsx,.csv" testId="figure-import-input" onFile={(file) => ui.openDialog({ kind: 'import', file })} />
      </header>
      {showFindings && findings.length > 0 && (
        <ul className="figure-findings" data-testid="figure-findings">
          {findings.map((f, i) => (
            <li key={i} className={`finding-${f.severity}`}>
              <button className="link" onClick={() => showFinding(f)}>{translateMessage(f.message)}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="figure-grid-wrap">
        {figures.length === 0 ? (
          <p className="muted figure-empty">{t('panel.empty')}</p>
        ) : (
          <table className="figure-grid" role="grid" aria-rowcount={visible.length + 1} ref={gridRef} onKeyDown={onGridKey} data-testid="figure-grid">
            <thead>
              <tr role="row">
                {COLUMNS.map((col) => (
                  <th
                    key={col}
                    role="columnheader"
                    className={`col-${col}`}
                    aria-sort={sort?.col === col ? (sort.dir === 1 ? 'ascending' : 'descending') : SORTABLE.has(col) ? 'none' : undefined}
                  >
                    {SORTABLE.has(col) ? (
                      <button
                        className="link sort"
                        title={t('panel.sortBy', { column: headerLabel(col) })}
                        onClick={() => setSort((s) => (s?.col !== col ? { col, dir: 1 } : s.dir === 1 ? { col, dir: -1 } : null))}
                      >
                        {headerLabel(col)}
                        <span className="sort-mark" aria-hidden>{sort?.col === col ? (sort.dir === 1 ? '▲' : '▼') : ''}</span>
                      </button>
                    ) : (
                      headerLabel(col)
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.length === 0 && (
                <tr>
                  <td colSpan={COLUMNS.length} className="muted">{t('panel.noMatch')}</td>
                </tr>
              )}
              {visible.map((row) => {
                const id = row.figure.id
                const rowClass = [
                  'figure-row',
                  ui.focused === id ? 'focused' : '',
                  row.unfilled ? 'unfilled' : '',
                  row.error ? 'has-error' : '',
                  row.uses === 0 ? 'unused' : '',
                ].filter(Boolean).join(' ')
                return (
                  <tr key={id} role="row" className={rowClass} data-figure-id={id}>
                    {COLUMNS.map((col) => {
                      const isActive = active?.id === id && active.col === col
                      const isEditing = editing?.id === id && editing.col === col
                      const computed = isComputed(row.figure)
                      let content: React.ReactNode
                      if (isEditing) content = renderEditor(col)
                      else if (col === 'value') {
                        content = row.error ? (
                          <span className="figure-error" title={translateMessage(row.error)}>{translateMessage(row.error)}</span>
                        ) : row.unfilled ? (
                          <span className="figure-unfilled">{t('panel.unfilled')}</span>
                        ) : (
                          <>
                            {row.warning && <span className="figure-warning" title={translateMessage(row.warning)} aria-label={translateMessage(row.warning)}>！</span>}
                            {cellText(row, col)}
                            {computed && <span className="figure-computed" title={t('panel.computed')}>ƒ</span>}
                          </>
                        )
                      } else if (col === 'style') content = t(`styles.${row.figure.style ?? 'arabic'}`)
                      else if (col === 'uses') {
                        content = (
                          <button
                            className="link figure-uses"
                            tabIndex={-1}
                            onClick={() => {
                              setActive({ id, col: 'uses' })
                              step(id)
                            }}
                            title={steps[id] ?? ''}
                            data-testid="figure-uses"
                          >
                            {row.uses === 0 ? <span className="figure-unused">{t('panel.unused')}</span> : t('panel.usesButton', { count: row.uses })}
                            {steps[id] && row.uses > 0 && <span className="figure-step"> · {steps[id]}</span>}
                          </button>
                        )
                      } else if (col === 'actions') {
                        content = (
                          <button className="link figure-delete" tabIndex={-1} title={t('panel.deleteRow', { name: row.figure.name })} aria-label={t('panel.deleteRow', { name: row.figure.name })} onClick={() => ui.openDialog({ kind: 'delete', figureId: id })}>
                            <TrashIcon />
                          </button>
                        )
                      } else if (col === 'shown') content = <span className={row.unfilled ? 'figure-unfilled' : ''}>{row.shown}</span>
                      else content = cellText(row, col)
                      return (
                        <td
                          key={col}
                          role="gridcell"
                          className={`col-${col}${isActive ? ' active' : ''}${col === 'value' && computed ? ' computed' : ''}`}
                          tabIndex={isActive || (!active && col === 'name' && row === visible[0]) ? 0 : -1}
                          data-cell={`${id}:${col}`}
                          aria-readonly={!EDITABLE.has(col) || (col === 'value' && computed) ? true : undefined}
                          onFocus={() => setActive((a) => (a?.id === id && a.col === col ? a : { id, col }))}
                          onClick={() => {
                            setActive({ id, col })
                            ui.focus(id)
                          }}
                          onDoubleClick={() => startEdit(id, col)}
                        >
                          {content}
                          {isEditing && editing.error && (
                            <div className="figure-cell-error" role="alert">
                              {editing.error}
                              {editing.offerText && (
                                <button onMouseDown={(e) => e.preventDefault()} onClick={() => finishEdit('stay', 'text')}>{t('panel.asText')}</button>
                              )}
                            </div>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </div>
      <footer className="figure-panel-foot muted">{t('panel.keys')}</footer>
      <datalist id="figure-units">
        {['次', '个', '份', '人', '人次', '户', '家', '项', '场', '件', '处', '万元', '元', '亿元', '%', '个百分点', '平方米', '公里', '亩', '吨'].map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
    </section>
  )
}
