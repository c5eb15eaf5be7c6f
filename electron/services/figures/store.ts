/**
 * The figure table of stored documents: what the CLI's `figures list/set/import` do (handlers.ts
 * maps the API onto these). The rules are the pure ones in shared/figures, so the CLI and the
 * table behave the same.
 */
import { ApiError, type ApiOutput, type FigureListItem } from '../../../shared/api'
import type { Figure, SummaryDocument } from '../../../shared/document/model'
import { figureUses } from '../../../shared/figures/checks'
import { isComputed } from '../../../shared/figures/formula'
import { newFigureId } from '../../../shared/figures/id'
import { figureRows, type FigureRow } from '../../../shared/figures/row'
import { checkName, parseValueInput, patchFigure } from '../../../shared/figures/edit'
import { applyImport, describePlan, planImport, summarizePlan, type Cell } from '../../../shared/figures/sheet'
import type { DocumentStore } from '../documents/store'

export { readSheet, writeSheet } from './sheets'

/** Every figure of a document as `figures list` shows it. */
export function listItems(doc: SummaryDocument): FigureListItem[] {
  return figureRows(doc.figures, figureUses(doc)).map(itemOf)
}

function itemOf(row: FigureRow): FigureListItem {
  const item: FigureListItem = { figure: row.figure, text: row.shown, unfilled: row.unfilled, uses: row.uses }
  if (isComputed(row.figure) && row.result?.ok) item.computed = row.value
  if (row.error) item.problem = row.error
  if (row.comparison) item.comparison = row.comparison
  return item
}

/** Sets a figure's value from text, as the table's value cell does. */
export function setFigure(doc: SummaryDocument, name: string, value: string, create: boolean): { doc: SummaryDocument; figure: Figure; created: boolean } {
  let figures = doc.figures
  let figure = figures.find((f) => f.name === name.trim())
  let created = false
  if (!figure) {
    if (!create) {
      const near = figures.filter((f) => f.name.includes(name.trim()) || name.includes(f.name)).map((f) => `「${f.name}」`)
      throw near.length ? new ApiError('figures.notFoundNear', { name, near: near.slice(0, 5).join('、') }) : new ApiError('figures.notFound', { name })
    }
    const checked = checkName(name, figures)
    if (!checked.ok) throw new ApiError(checked.message)
    figure = { id: newFigureId(new Set(figures.map((f) => f.id))), name: checked.value, value: null }
    figures = [...figures, figure]
    created = true
  }
  const parsed = parseValueInput(value, figure, figures)
  if (!parsed.ok) throw new ApiError(parsed.message)
  figures = patchFigure(figures, figure.id, parsed.value)
  return { doc: { ...doc, figures }, figure: figures.find((f) => f.id === figure.id)!, created }
}

/**
 * `figures set` on a stored document: the figure as listed after the change. Read, change and
 * write are one transaction that raises the version (an editor holding the document then gets a
 * conflict instead of overwriting the change).
 */
export function setStoredFigure(store: DocumentStore, id: string, name: string, value: string, create: boolean): ApiOutput<'figures.set'> {
  return store.update(id, (current) => {
    const { doc, figure, created } = setFigure(current, name, value, create)
    const items = listItems(doc)
    return { model: doc, result: { item: items.find((i) => i.figure.id === figure.id)!, created } }
  }).result
}

/**
 * A spreadsheet's rows (read in a worker thread: handlers.ts) → the import plan for a stored
 * document's figures (preview lines); `apply` stores it. The plan is made and applied from the
 * document as it is inside the writing transaction, so a change made meanwhile is never undone.
 */
export function importFigureSheet(store: DocumentStore, id: string, rows: readonly Cell[][], apply: boolean): ApiOutput<'figures.import'> {
  const planFor = (doc: SummaryDocument) => {
    const plan = planImport(doc.figures, rows)
    const counts = summarizePlan(plan)
    const messages = describePlan(plan, doc.figures)
    const result: ApiOutput<'figures.import'> = { messages, applied: false, update: counts.update, create: counts.create, skipped: counts.skipped }
    if (plan.fatal) return { model: doc, result: { ...result, fatal: plan.fatal } }
    if (!apply || counts.update + counts.create === 0) return { model: doc, result }
    return { model: { ...doc, figures: applyImport(doc.figures, plan, newFigureId) }, result: { ...result, applied: true } }
  }
  return apply ? store.update(id, planFor).result : planFor(store.get(id).model).result
}
