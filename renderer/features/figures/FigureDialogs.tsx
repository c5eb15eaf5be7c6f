/**
 * The figure dialogs: 设为数据 (a selected number becomes a figure), 查找数字 (bulk linking),
 * deleting a figure (keep its uses as text, or remove them) and the spreadsheet import preview.
 * Each applies as one editor update tagged history-push: one Ctrl+Z undoes it.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $getSelection, $isRangeSelection, $setSelection, HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, type BaseSelection } from 'lexical'
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Figure } from '../../../shared/document/model'
import { freeName } from '../../../shared/figures/edit'
import { formatValue } from '../../../shared/figures/format'
import { newFigureId } from '../../../shared/figures/id'
import { contextName, groupScan, quantityToFigure, type ScanGroup } from '../../../shared/figures/scan'
import { applyImport, planImport, summarizePlan, type ImportPlan } from '../../../shared/figures/sheet'
import { useApi } from '../../app/ApiContext'
import { errorMessage, translateMessage } from '../../app/errors'
import { Modal as SharedModal, type ModalProps } from '../../ui/Modal'
import { $collectSegments, type SegmentIndex } from '../../ui/segments'
import { useFigureStore, useFigures } from './FigureStore'
import { useFigureUi } from './FiguresProvider'
import { $deleteFigure, $inTitle, $linkGroups, $makeFigureFromSelection, $selectionQuantity, type SelectionQuantity } from './operations'
import { $getFigures, $setFigures, formatterFor } from './state'

/** The figure dialogs' frame: the shared modal, styled as a figure dialog (figures.css). */
const Modal = (props: Omit<ModalProps, 'className'>) => <SharedModal {...props} className="figure-dialog" />

export function FigureDialogs({ onNotice }: { onNotice(message: string | null): void }) {
  const ui = useFigureUi()
  const close = () => ui.openDialog(null)
  switch (ui.dialog?.kind) {
    case 'make':
      return <MakeFigureDialog onClose={close} onNotice={onNotice} />
    case 'scan':
      return <ScanDialog onClose={close} onNotice={onNotice} />
    case 'delete':
      return <DeleteFigureDialog figureId={ui.dialog.figureId} onClose={close} />
    case 'import':
      return <ImportSheetDialog file={ui.dialog.file} onClose={close} onNotice={onNotice} />
    default:
      return null
  }
}

// ---------------------------------------------------------------------------------------------

function MakeFigureDialog({ onClose, onNotice }: { onClose(): void; onNotice(message: string | null): void }) {
  const { t } = useTranslation('figures')
  const [editor] = useLexicalComposerContext()
  const ui = useFigureUi()
  // the selection when the dialog opened (focus moves to the dialog)
  const saved = useRef<BaseSelection | null>(null)
  const [found] = useState<SelectionQuantity>(() =>
    editor.getEditorState().read(() => {
      saved.current = $getSelection()?.clone() ?? null
      return $selectionQuantity()
    }),
  )
  const figures = editor.getEditorState().read($getFigures)
  const suggested = found.ok ? contextName(found.context, found.context.length) : ''
  const [name, setName] = useState(() => freeName(suggested || (found.ok ? found.text.trim() : ''), figures))
  const preview = found.ok ? formatValue({ name, ...quantityToFigure(found.quantity) }, found.quantity.value).text : ''
  // an existing figure that already shows this text: linking to it keeps one figure for one fact
  const existing = useMemo(() => {
    if (!found.ok) return null
    const format = formatterFor(figures)
    return figures.find((f) => f.value !== null && format(f.id).text === preview) ?? null
  }, [figures, found, preview])
  const [target, setTarget] = useState<'new' | 'existing'>(existing ? 'existing' : 'new')

  useEffect(() => {
    if (found.ok) return
    onNotice(t(`make.${found.reason}`))
    onClose()
    // once, when the dialog opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  if (!found.ok) return null

  const apply = () => {
    let id: string | null = null
    editor.update(
      () => {
        if (saved.current) $setSelection(saved.current.clone())
        id = $makeFigureFromSelection(name.trim() || found.text, target === 'existing' && existing ? existing.id : undefined)
      },
      { tag: HISTORY_PUSH_TAG },
    )
    onClose()
    editor.focus()
    if (id) ui.focus(id)
  }

  return (
    <Modal label={t('make.title')} onClose={onClose}>
      <h2>{t('make.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          apply()
        }}
      >
        <p>
          {t('make.found')}{t('common:colon')}<strong>{found.text.trim()}</strong> → {t('columns.value')} <strong>{String(found.quantity.value)}</strong>
          {found.quantity.qualifier && <> · {t('columns.qualifier')} <strong>{found.quantity.qualifier}</strong></>}
          {found.quantity.unit && <> · {t('columns.unit')} <strong>{found.quantity.unit}</strong></>}
        </p>
        {existing && (
          <div className="row">
            <label>
              <input type="radio" checked={target === 'existing'} onChange={() => setTarget('existing')} /> {t('make.linkExisting', { name: existing.name, text: preview })}
            </label>
            <label>
              <input type="radio" checked={target === 'new'} onChange={() => setTarget('new')} /> {t('make.asNew')}
            </label>
          </div>
        )}
        {target === 'new' && (
          <label className="row">
            {t('make.name')}
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="make-figure-name" style={{ flex: 1 }} />
          </label>
        )}
        <p className="muted">
          {t('make.preview')}{t('common:colon')}<span className="dd-figure-sample">{preview}</span>
        </p>
        <div className="row end">
          <button type="button" onClick={onClose}>{t('make.cancel')}</button>
          <button type="submit" className="primary" data-testid="make-figure-apply" autoFocus={target === 'existing'}>
            {t('make.create')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

// ---------------------------------------------------------------------------------------------

/** Rows of the 查找数字 list rendered at once, then per frame. */
const FIRST_ROWS = 24
const MORE_ROWS = 60

/** The document's segments for 查找数字: the title and subtitle are left out (plain strings in the model). */
function $scanSegments(index: SegmentIndex): { text: string }[] {
  return index.segments.map((segment) => {
    const first = segment.pieces[0]
    const node = first ? $getNodeByKey(first.key) : null
    return { text: node && $inTitle(node) ? '' : segment.text }
  })
}

interface ScanState {
  index: SegmentIndex
  groups: ScanGroup[]
}

function ScanDialog({ onClose, onNotice }: { onClose(): void; onNotice(message: string | null): void }) {
  const { t } = useTranslation('figures')
  const [editor] = useLexicalComposerContext()
  const [scan] = useState<ScanState>(() => {
    performance.mark('dd:scan-start')
    const result = editor.getEditorState().read(() => {
      const index = $collectSegments()
      const figures = $getFigures()
      const format = formatterFor(figures)
      return { index, groups: groupScan($scanSegments(index), figures, (f) => format(f.id).text) }
    })
    return result
  })
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(scan.groups.map((_, i) => i)))
  // hundreds of groups: the first rows show at once, the rest are added in the following frames
  const [shown, setShown] = useState(() => Math.min(FIRST_ROWS, scan.groups.length))
  useEffect(() => {
    if (shown >= scan.groups.length) return
    const timer = setTimeout(() => startTransition(() => setShown((n) => Math.min(scan.groups.length, n + MORE_ROWS))), 0)
    return () => clearTimeout(timer)
  }, [shown, scan.groups.length])
  const [names, setNames] = useState<string[]>(() => scan.groups.map((g) => g.suggestedName))
  const count = scan.groups.reduce((n, g) => n + g.occurrences.length, 0)
  const kindLabel = useMemo(
    () => Object.fromEntries((['number', 'percent', 'money', 'range', 'placeholder'] as const).map((k) => [k, t(`scan.kind.${k}`)])) as Record<ScanGroup['kind'], string>,
    [t],
  )
  useEffect(() => {
    performance.mark('dd:scan-shown')
  }, [])

  const onCheck = useCallback((i: number, on: boolean) => {
    setChosen((s) => {
      const next = new Set(s)
      if (on) next.add(i)
      else next.delete(i)
      return next
    })
  }, [])
  const onName = useCallback((i: number, name: string) => setNames((n) => n.map((v, j) => (j === i ? name : v))), [])

  const apply = () => {
    let made = 0
    editor.update(
      () => {
        // the document may have changed since the scan: scan again and keep the chosen keys
        const index = $collectSegments()
        const figures = $getFigures()
        const format = formatterFor(figures)
        const fresh = groupScan($scanSegments(index), figures, (f) => format(f.id).text)
        const wanted = new Map<string, { name: string; figureId?: string }>()
        scan.groups.forEach((g, i) => {
          if (chosen.has(i)) wanted.set(g.key, { name: names[i] || g.suggestedName, ...(g.existingFigureId ? { figureId: g.existingFigureId } : {}) })
        })
        const requests = fresh.flatMap((g) => {
          const w = wanted.get(g.key)
          return w ? [{ group: g, ...w }] : []
        })
        made = $linkGroups(index, requests)
      },
      { tag: HISTORY_PUSH_TAG },
    )
    onClose()
    onNotice(t('scan.done', { count: made }))
  }

  return (
    <Modal label={t('scan.title')} onClose={onClose} wide>
      <h2>{t('scan.title')}</h2>
      {scan.groups.length === 0 ? (
        <p data-testid="scan-none">{t('scan.none')}</p>
      ) : (
        <>
          {/* elementtiming: the benchmark reads when the results were painted */}
          <p {...{ elementtiming: 'dd-scan-results' }}>{t('scan.summary', { groups: scan.groups.length, count })}</p>
          <div className="row">
            <button type="button" onClick={() => setChosen(new Set(scan.groups.map((_, i) => i)))}>{t('scan.selectAll')}</button>
            <button type="button" onClick={() => setChosen(new Set())}>{t('scan.selectNone')}</button>
          </div>
          <div className="scan-list-wrap">
            <table className="scan-list" data-testid="scan-list">
              <colgroup>
                <col className="c-check" />
                <col className="c-text" />
                <col className="c-name" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th />
                  <th>{t('scan.text')}</th>
                  <th>{t('scan.name')}</th>
                  <th>{t('scan.context')}</th>
                </tr>
              </thead>
              <tbody data-complete={shown >= scan.groups.length}>
                {scan.groups.slice(0, shown).map((g, i) => (
                  <ScanRow
                    key={g.key}
                    group={g}
                    index={i}
                    checked={chosen.has(i)}
                    name={names[i] ?? ''}
                    kindLabel={kindLabel[g.kind]}
                    onCheck={onCheck}
                    onName={onName}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="row end">
        <button type="button" onClick={onClose}>{t('scan.cancel')}</button>
        {scan.groups.length > 0 && (
          <button type="button" className="primary" disabled={chosen.size === 0} onClick={apply} data-testid="scan-apply">
            {t('scan.apply', { count: chosen.size })}
          </button>
        )}
      </div>
    </Modal>
  )
}

interface ScanRowProps {
  group: ScanGroup
  index: number
  checked: boolean
  name: string
  kindLabel: string
  onCheck(index: number, on: boolean): void
  onName(index: number, name: string): void
}

/**
 * A group's name: text until clicked (or focused with Tab), then a field. Hundreds of text fields
 * would each cost layout and a selectionchange the editor has to look at.
 */
function NameCell({ name, label, colon, onName }: { name: string; label: string; colon: string; onName(name: string): void }) {
  const [editing, setEditing] = useState(false)
  if (!editing) {
    return (
      <button type="button" className="scan-name" aria-label={`${label}${colon}${name}`} onClick={() => setEditing(true)} onFocus={() => setEditing(true)}>
        {name}
      </button>
    )
  }
  return (
    <input
      autoFocus
      value={name}
      aria-label={label}
      onChange={(e) => onName(e.target.value)}
      onBlur={() => setEditing(false)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          setEditing(false)
        }
      }}
    />
  )
}

/** One group of the 查找数字 list; memoized, so adding rows does not re-render the earlier ones. */
const ScanRow = memo(function ScanRow({ group: g, index: i, checked, name, kindLabel, onCheck, onName }: ScanRowProps) {
  const { t } = useTranslation('figures')
  return (
    <tr className={checked ? '' : 'off'}>
      <td>
        <input type="checkbox" aria-label={g.text} checked={checked} onChange={(e) => onCheck(i, e.target.checked)} />
      </td>
      <td title={g.text}>
        <strong className={g.kind === 'placeholder' ? 'figure-unfilled' : ''}>{g.text}</strong>
        <span className="muted"> {kindLabel} · {t('scan.times', { count: g.occurrences.length })}</span>
      </td>
      <td>
        {g.existingFigureId ? (
          <span className="muted">{t('scan.linkTo', { name: g.suggestedName })}</span>
        ) : (
          <NameCell name={name} label={t('scan.name')} colon={t('common:colon')} onName={(value) => onName(i, value)} />
        )}
      </td>
      <td className="muted scan-context" title={g.context}>…{g.context}…</td>
    </tr>
  )
})

// ---------------------------------------------------------------------------------------------

function DeleteFigureDialog({ figureId, onClose }: { figureId: string; onClose(): void }) {
  const { t } = useTranslation('figures')
  const [editor] = useLexicalComposerContext()
  const store = useFigureStore()
  const ui = useFigureUi()
  const figure = useFigures().find((f) => f.id === figureId)
  const uses = ui.uses.get(figureId) ?? 0
  if (!figure) return null
  const run = (mode: 'text' | 'remove') => {
    editor.update(() => $deleteFigure(figureId, mode), { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] })
    onClose()
  }
  return (
    <Modal label={t('del.title', { name: figure.name })} onClose={onClose}>
      <h2>{t('del.title', { name: figure.name })}</h2>
      <p>{uses > 0 ? t('del.body', { count: uses, text: store.display(figureId).text }) : t('del.bodyUnused')}</p>
      <div className="row end">
        <button type="button" onClick={onClose} autoFocus>{t('del.cancel')}</button>
        {uses > 0 ? (
          <>
            <button type="button" onClick={() => run('remove')} data-testid="delete-remove">{t('del.remove')}</button>
            <button type="button" className="primary" onClick={() => run('text')} data-testid="delete-keep-text">{t('del.keepText')}</button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => run('text')} data-testid="delete-keep-text">{t('del.delete')}</button>
        )}
      </div>
    </Modal>
  )
}

// ---------------------------------------------------------------------------------------------

function ImportSheetDialog({ file, onClose, onNotice }: { file: File; onClose(): void; onNotice(message: string | null): void }) {
  const { t } = useTranslation('figures')
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const [plan, setPlan] = useState<ImportPlan | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const figures = useFigures()

  useEffect(() => {
    let stale = false
    void (async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer())
        let binary = ''
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
        const { rows } = await api.call('figures.readSheet', { name: file.name, dataBase64: btoa(binary) })
        if (!stale) setPlan(planImport(figures, rows))
      } catch (err) {
        if (!stale) setFailure(errorMessage(err))
      }
    })()
    return () => {
      stale = true
    }
    // read once per file; the plan is recomputed against the live table when applied
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, file])

  const format = formatterFor(figures)
  const preview = useMemo(() => (plan ? applyImport(figures, plan, (taken) => newFigureId(taken)) : null), [plan, figures])
  const after = preview ? formatterFor(preview) : null
  const counts = plan ? summarizePlan(plan) : null

  const apply = () => {
    if (!plan) return
    editor.update(
      () => {
        // updates go by figure id, so edits made to other figures meanwhile are kept
        $setFigures(applyImport($getFigures(), plan, (taken) => newFigureId(taken)))
      },
      { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] },
    )
    onClose()
    onNotice(t('sheet.done', { update: counts?.update ?? 0, create: counts?.create ?? 0 }))
  }

  const afterText = (c: ImportPlan['changes'][number], i: number): string => {
    if (!preview || !after) return ''
    if (c.figureId) return after(c.figureId).text
    const created = preview.filter((f: Figure) => !figures.some((g) => g.id === f.id))
    const nth = plan!.changes.filter((x, j) => x.kind === 'create' && j < i).length
    const f = created[nth]
    return f ? after(f.id).text : ''
  }

  return (
    <Modal label={t('sheet.title', { file: file.name })} onClose={onClose} wide>
      <h2>{t('sheet.title', { file: file.name })}</h2>
      {failure && <p className="error" role="alert">{failure}</p>}
      {!plan && !failure && <p className="muted">{t('sheet.reading')}</p>}
      {plan?.fatal && <p className="error" role="alert" data-testid="sheet-fatal">{translateMessage(plan.fatal)}</p>}
      {plan && !plan.fatal && (
        <>
          {plan.problems.length > 0 && (
            <ul className="sheet-problems" data-testid="sheet-problems">
              {plan.problems.map((p, i) => (
                <li key={i} className={p.severity === 'error' ? 'error' : 'warn'}>{translateMessage(p.message)}</li>
              ))}
            </ul>
          )}
          {plan.changes.some((c) => c.kind !== 'unchanged') ? (
            <div className="scan-list-wrap">
              <table className="scan-list" data-testid="sheet-preview">
                <thead>
                  <tr>
                    <th>{t('sheet.change')}</th>
                    <th>{t('columns.name')}</th>
                    <th>{t('sheet.before')}</th>
                    <th>{t('sheet.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.changes.map((c, i) =>
                    c.kind === 'unchanged' ? null : (
                      <tr key={i} className={`sheet-${c.kind}`}>
                        <td>{t(`sheet.${c.kind}`)}</td>
                        <td>{c.name}</td>
                        <td className="muted">{c.figureId ? format(c.figureId).text : '—'}</td>
                        <td><strong>{afterText(c, i)}</strong></td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('sheet.nothing')}</p>
          )}
        </>
      )}
      <div className="row end">
        <button type="button" onClick={onClose}>{t('sheet.cancel')}</button>
        {plan && !plan.fatal && counts && counts.update + counts.create > 0 && (
          <button type="button" className="primary" onClick={apply} data-testid="sheet-apply">
            {t('sheet.apply', { update: counts.update, create: counts.create })}
          </button>
        )}
      </div>
    </Modal>
  )
}

/** Whether the current selection is a non-empty range (for enabling 设为数据). */
export function $hasRangeSelection(): boolean {
  const s = $getSelection()
  return $isRangeSelection(s) && !s.isCollapsed()
}
