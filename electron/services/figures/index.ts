/**
 * The figure methods of the API (shared/figures/contract.ts): the CLI's `figures list/set/import`
 * on stored documents, and the panel's spreadsheet reading and writing. The rules are the pure
 * ones in shared/figures, so the CLI and the table behave the same.
 */
import { randomBytes } from 'node:crypto'
import { ApiError, type ApiOutput } from '../../../shared/api'
import { messageText } from '../../../shared/errors'
import type { Figure, SummaryDocument } from '../../../shared/document/model'
import { comparisonText } from '../../../shared/figures/compare'
import { figureUses } from '../../../shared/figures/checks'
import { figureFormatter } from '../../../shared/figures/format'
import { evaluateFigures, isComputed } from '../../../shared/figures/formula'
import { checkName, parseValueInput, patchFigure } from '../../../shared/figures/edit'
import { applyImport, describePlan, planImport, summarizePlan } from '../../../shared/figures/sheet'
import type { FigureListItem } from '../../../shared/figures/contract'
import type { DocumentStore } from '../library/documents'
import { readSheet, writeSheet } from './sheets'

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
  if (shown.error) {
    item.problem = shown.error
    item.error = messageText(shown.error)
  }
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
      throw near.length ? new ApiError('figures.notFoundNear', { name, near: near.slice(0, 5).join('、') }) : new ApiError('figures.notFound', { name })
    }
    const checked = checkName(name, figures)
    if (!checked.ok) throw new ApiError(checked.message)
    figure = { id: serviceFigureId(new Set(figures.map((f) => f.id))), name: checked.value, value: null }
    figures = [...figures, figure]
    created = true
  }
  const parsed = parseValueInput(value, figure, figures)
  if (!parsed.ok) throw new ApiError(parsed.message)
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
      const messages = describePlan(plan, doc.figures)
      const lines = messages.map((m) => messageText(m))
      const result: ApiOutput<'figures.import'> = { messages, lines, applied: false, update: counts.update, create: counts.create, skipped: counts.skipped }
      if (plan.fatal) return { ...result, fatal: plan.fatal }
      if (apply && counts.update + counts.create > 0) {
        store.save(id, { ...doc, figures: applyImport(doc.figures, plan, serviceFigureId) })
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
