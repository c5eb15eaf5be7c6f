/**
 * The figure methods of the API (shared/figures/contract.ts): the CLI's `figures list/set/import`
 * on stored documents, and the panel's spreadsheet reading and writing. The rules are the pure
 * ones in shared/figures, so the CLI and the table behave the same.
 */
import { ApiError, type ApiOutput } from '../../../shared/api'
import type { Figure, SummaryDocument } from '../../../shared/document/model'
import { figureUses } from '../../../shared/figures/checks'
import { isComputed } from '../../../shared/figures/formula'
import { newFigureId } from '../../../shared/figures/id'
import { figureRows, type FigureRow } from '../../../shared/figures/row'
import { checkName, parseValueInput, patchFigure } from '../../../shared/figures/edit'
import { applyImport, describePlan, planImport, summarizePlan } from '../../../shared/figures/sheet'
import type { FigureListItem } from '../../../shared/figures/contract'
import type { DocumentStore } from '../library/documents'
import { readSheet, writeSheet } from './sheets'

export { readSheet, writeSheet } from './sheets'

/** Every figure of a document as `figures list` shows it. */
export function listItems(doc: SummaryDocument): FigureListItem[] {
  return figureRows(doc.figures, figureUses(doc)).map(itemOf)
}

function itemOf(row: FigureRow): FigureListItem {
  const item: FigureListItem = { figure: row.figure, text: row.shown, unfilled: row.unfilled, uses: row.uses }
  if (isComputed(row.figure) && row.result?.ok) item.computed = row.value
  if (row.error) item.error = row.error
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
      throw new ApiError('not_found', `没有名为「${name}」的数据${near.length ? `，是不是：${near.slice(0, 5).join('、')}？` : ''}（加 --create 可新建） / no figure named “${name}” (add --create to make one)`)
    }
    const checked = checkName(name, figures)
    if (!checked.ok) throw new ApiError('bad_request', checked.message)
    figure = { id: newFigureId(new Set(figures.map((f) => f.id))), name: checked.value, value: null }
    figures = [...figures, figure]
    created = true
  }
  const parsed = parseValueInput(value, figure, figures)
  if (!parsed.ok) throw new ApiError('bad_request', parsed.message)
  figures = patchFigure(figures, figure.id, parsed.value)
  return { doc: { ...doc, figures }, figure: figures.find((f) => f.id === figure.id)!, created }
}

export function createFigureHandlers(docs: () => DocumentStore) {
  return {
    'figures.list': ({ id }: { id: string }): ApiOutput<'figures.list'> => listItems(docs().get(id).model),
    'figures.set': ({ id, name, value, create }: { id: string; name: string; value: string; create?: boolean | undefined }): ApiOutput<'figures.set'> => {
      const store = docs()
      const { doc, figure, created } = setFigure(store.get(id).model, name, value, create ?? false)
      store.save(id, doc)
      const items = listItems(doc)
      return { item: items.find((i) => i.figure.id === figure.id)!, created }
    },
    'figures.import': async ({ id, name, dataBase64, apply }: { id: string; name: string; dataBase64: string; apply: boolean }): Promise<ApiOutput<'figures.import'>> => {
      const store = docs()
      const doc = store.get(id).model
      const rows = await readSheet(name, Buffer.from(dataBase64, 'base64'))
      const plan = planImport(doc.figures, rows)
      const counts = summarizePlan(plan)
      const lines = describePlan(plan, doc.figures)
      const result: ApiOutput<'figures.import'> = { lines, applied: false, update: counts.update, create: counts.create, skipped: counts.skipped }
      if (plan.fatal) return { ...result, fatal: plan.fatal }
      if (apply && counts.update + counts.create > 0) {
        store.save(id, { ...doc, figures: applyImport(doc.figures, plan, newFigureId) })
        result.applied = true
      }
      return result
    },
    'figures.readSheet': async ({ name, dataBase64 }: { name: string; dataBase64: string }): Promise<ApiOutput<'figures.readSheet'>> => ({
      rows: (await readSheet(name, Buffer.from(dataBase64, 'base64'))).map((r) => r.map((c) => (c === undefined ? null : c))),
    }),
    'figures.exportSheet': async ({ figures, uses, format, title }: { figures: Figure[]; uses?: Record<string, number> | undefined; format: 'xlsx' | 'csv'; title: string }): Promise<ApiOutput<'figures.exportSheet'>> => {
      const file = await writeSheet(figures, new Map(Object.entries(uses ?? {})), format, title)
      return { fileName: file.fileName, mime: file.mime, dataBase64: Buffer.from(file.bytes).toString('base64') }
    },
  }
}
