/**
 * A figure's row as the figure table shows it. The panel's grid, `figures list` and the
 * spreadsheet export all build their rows here, so the three show the same value, text and 同比.
 */
import type { Figure } from '../document/model'
import type { Message } from '../errors/message'
import { plainDigits } from '../text'
import { comparisonText } from './compare'
import { figureFormatter, type FigureDisplay } from './format'
import { evaluateFigures, isComputed, type Evaluation, type FigureValue } from './formula'

export interface FigureRow {
  figure: Figure
  /** the evaluation (a figure without a formula evaluates to its own value) */
  result: Evaluation | undefined
  /** the value the table shows: the computed one for a formula, null when the formula fails */
  value: FigureValue
  /** `value` as its cell shows it: plain digits ("1234.5"), text as written, '' for none */
  valueText: string
  /** what references show in the text ("1000余份", "〔会议次数〕") */
  shown: string
  unfilled: boolean
  /** why the figure cannot be shown (its formula's error) */
  error?: Message
  /** references to the figure in the document */
  uses: number
  /** 同比 with last year's value ("同比增长12.5%，增加3个"), '' without one */
  comparison: string
}

/** The fields a figure holds as text: every table shows them as stored, '' for none. */
export type FigureTextField = 'name' | 'unit' | 'qualifier' | 'formula' | 'note'
const TEXT_FIELDS: ReadonlySet<string> = new Set<FigureTextField>(['name', 'unit', 'qualifier', 'formula', 'note'])

export const isFigureTextField = (key: string): key is FigureTextField => TEXT_FIELDS.has(key)

/** A text field as its cell shows it, in the grid and in the spreadsheet alike. */
export const figureFieldText = (figure: Figure, field: FigureTextField): string => figure[field] ?? ''

/** What a table's rows are built from: its formatter and evaluations (computed once) and its uses. */
export interface FigureRowContext {
  format: (figureId: string) => FigureDisplay
  values: ReadonlyMap<string, Evaluation>
  uses: ReadonlyMap<string, number>
}

export function figureRowContext(
  figures: readonly Figure[],
  uses: ReadonlyMap<string, number> = new Map(),
  format: (figureId: string) => FigureDisplay = figureFormatter(figures),
): FigureRowContext {
  return { format, values: evaluateFigures(figures), uses }
}

/** One figure's row; `context` comes from figureRowContext over the figure's table. */
export function figureRow(figure: Figure, context: FigureRowContext): FigureRow {
  const result = context.values.get(figure.id)
  const shown = context.format(figure.id)
  const value = result ? (result.ok ? result.value : null) : isComputed(figure) ? null : figure.value
  // a plain figure's cell shows what is stored with it; a formula's, what it computes
  const cell = result?.ok === false ? null : isComputed(figure) ? value : figure.value
  const row: FigureRow = {
    figure,
    result,
    value,
    valueText: cell === null ? '' : typeof cell === 'number' ? plainDigits(cell) : cell,
    shown: shown.text,
    unfilled: shown.unfilled,
    uses: context.uses.get(figure.id) ?? 0,
    // with a failing formula, 同比 falls back to the stored value (as the grid and `figures list` always have)
    comparison: comparisonText(figure, result?.ok ? result.value : figure.value),
  }
  if (shown.error) row.error = shown.error
  return row
}

/** Every figure's row, in table order (pass a cached formatter for the table if there is one). */
export function figureRows(
  figures: readonly Figure[],
  uses?: ReadonlyMap<string, number>,
  format?: (figureId: string) => FigureDisplay,
): FigureRow[] {
  const context = figureRowContext(figures, uses, format)
  return figures.map((figure) => figureRow(figure, context))
}
