/**
 * The figure table of stored documents: what the CLI's `figures list/set/import` do (handlers.ts
 * maps the API onto these). The rules are the pure ones in shared/figures, so the CLI and the
 * table behave the same.
 */
import { randomBytes } from 'node:crypto'
import { ApiError, type ApiOutput, type FigureListItem } from '../../../shared/api'
import type { Figure, SummaryDocument } from '../../../shared/document/model'
import { comparisonText } from '../../../shared/figures/compare'
import { figureUses } from '../../../shared/figures/checks'
import { figureFormatter } from '../../../shared/figures/format'
import { evaluateFigures, isComputed } from '../../../shared/figures/formula'
import { checkName, parseValueInput, patchFigure } from '../../../shared/figures/edit'
import { applyImport, describePlan, planImport, summarizePlan } from '../../../shared/figures/sheet'
import type { DocumentStore } from '../documents/store'
import { readSheet } from './sheets'

export { readSheet, writeSheet } from './sheets'

/** A new figure id, like the editor's (f + 7 base-36 characters). */
export function serviceFigureId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `f${randomBytes(6).readUIntBE(0, 6).toString(36).slice(0, 7)}`
    if (!taken.has(id)) return id
  }
}

/** Every figure of a document as `figures list` shows it. */
export function listItems(doc: SummaryDocument): FigureListItem[] {
  const format = figureFormatter(doc.figures)
  const values = evaluateFigures(doc.figures)
  const uses = figureUses(doc)
  return doc.figures.map((f) => itemOf(f, format, values, uses))
}

function itemOf(f: Figure, format: ReturnType<typeof figureFormatter>, values: ReturnType<typeof evaluateFigures>, uses: ReadonlyMap<string, number>): FigureListItem {
  const shown = format(f.id)
  const result = values.get(f.id)
  const item: FigureListItem = { figure: f, text: shown.text, unfilled: shown.unfilled, uses: uses.get(f.id) ?? 0 }
  if (isComputed(f) && result?.ok) item.computed = result.value
  if (shown.error) item.error = shown.error
  const comparison = comparisonText(f, result?.ok ? result.value : f.value)
  if (comparison) item.comparison = comparison
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
      throw new ApiError('not_found', `没有名为「${name}」的数据${near.length ? `，是不是：${near.slice(0, 5).join('、')}？` : ''}（加 --create 可新建） / no figure named “${name}” (add --create to make one)`)
    }
    const checked = checkName(name, figures)
    if (!checked.ok) throw new ApiError('bad_request', checked.message)
    figure = { id: serviceFigureId(new Set(figures.map((f) => f.id))), name: checked.value, value: null }
    figures = [...figures, figure]
    created = true
  }
  const parsed = parseValueInput(value, figure, figures)
  if (!parsed.ok) throw new ApiError('bad_request', parsed.message)
  figures = patchFigure(figures, figure.id, parsed.value)
  return { doc: { ...doc, figures }, figure: figures.find((f) => f.id === figure.id)!, created }
}

/** `figures set` on a stored document: the figure as listed after the change. */
export function setStoredFigure(store: DocumentStore, id: string, name: string, value: string, create: boolean): ApiOutput<'figures.set'> {
  const { doc, figure, created } = setFigure(store.get(id).model, name, value, create)
  store.save(id, doc)
  const items = listItems(doc)
  return { item: items.find((i) => i.figure.id === figure.id)!, created }
}

/** A spreadsheet → the import plan for a stored document's figures (preview lines); `apply` stores it. */
export async function importFigureSheet(store: DocumentStore, id: string, file: { name: string; bytes: Uint8Array }, apply: boolean): Promise<ApiOutput<'figures.import'>> {
  const doc = store.get(id).model
  const rows = await readSheet(file.name, file.bytes)
  const plan = planImport(doc.figures, rows)
  const counts = summarizePlan(plan)
  const lines = describePlan(plan, doc.figures)
  const result: ApiOutput<'figures.import'> = { lines, applied: false, update: counts.update, create: counts.create, skipped: counts.skipped }
  if (plan.fatal) return { ...result, fatal: plan.fatal }
  if (apply && counts.update + counts.create > 0) {
    store.save(id, { ...doc, figures: applyImport(doc.figures, plan, serviceFigureId) })
    result.applied = true
  }
  return result
}
