/**
 * Figure → the text that stands for it in prose, tables and exports ("1000余份", "九个村",
 * "560.49万元", "约300人", "120人以上", "〔会议次数〕" for an unfilled figure).
 *
 * THE function other features call to render figures:
 *   - `figureFormatter(doc.figures)` → `(figureId) => FigureDisplay`: evaluates formulas once for
 *     the whole table and formats any figure by id (use this for a whole document: export, print).
 *   - `formatFigure(figure, figures)` → FigureDisplay for one figure.
 *   - `figureText(figure, figures)` → just the string.
 * Pure: no DOM, no Node.
 *
 * Qualifier placement follows how Chinese writers write them: 余/多 between the number and the
 * unit ("300余份", "560余万元"), 近/约 before the number ("近300人", "约50%"), 以上 after the unit
 * ("120人以上").
 */
import type { Figure } from '../document/model'
import { msg, type Message } from '../errors/message'
import { evaluateFigures, type FigureValue } from './formula'
import { formatNumber, type NumberStyle } from './numbers'

export interface FigureDisplay {
  /** what the reference shows, e.g. "1000余份" */
  text: string
  /** true when the figure has no value yet (or its formula cannot be computed) */
  unfilled: boolean
  /** set when the figure's formula is in error (or the figure is gone); `text` then shows the marker */
  error?: Message
}

/** The marker shown for a reference whose figure is missing from the table. */
export const MISSING_FIGURE_TEXT = '〔数据〕'

/** "〔会议次数〕": how an unfilled figure reads, so it is found and filled before the text goes out. */
export function unfilledMarker(name: string): string {
  return `〔${name.trim() || '待填'}〕`
}

/** The number part with qualifier and unit around it, per the rule in the file comment. */
export function decorate(numberText: string, figure: Pick<Figure, 'unit' | 'qualifier'>, scale = ''): string {
  const unit = figure.unit ?? ''
  switch (figure.qualifier) {
    case '余':
    case '多':
      return `${numberText}${figure.qualifier}${scale}${unit}`
    case '近':
    case '约':
      return `${figure.qualifier}${numberText}${scale}${unit}`
    case '以上':
      return `${numberText}${scale}${unit}以上`
    default:
      return `${numberText}${scale}${unit}`
  }
}

/** Formats a known value (already computed) for this figure. */
export function formatValue(figure: Pick<Figure, 'unit' | 'qualifier' | 'style' | 'name'>, value: FigureValue): FigureDisplay {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { text: unfilledMarker(figure.name), unfilled: true }
  if (typeof value === 'string') return { text: decorate(value, figure), unfilled: false }
  const style: NumberStyle = figure.style ?? 'arabic'
  const { digits, scale, unit } = formatNumber(value, style, { unit: figure.unit ?? '' })
  // "百分之九十五": Chinese numerals with a percent unit read as words, not "九十五%"
  if (style === 'chinese' && (figure.unit === '%' || figure.unit === '％') && !scale) {
    const rest = decorate(digits, { ...figure, unit: '' })
    return { text: rest.replace(digits, `百分之${digits}`), unfilled: false }
  }
  return { text: decorate(digits, unit === undefined ? figure : { ...figure, unit }, scale), unfilled: false }
}

/**
 * A formatter for one figure table: formulas are evaluated once, then any figure formats by id.
 * Unknown ids show MISSING_FIGURE_TEXT (unfilled). Never throws.
 */
export function figureFormatter(figures: readonly Figure[]): (figureId: string) => FigureDisplay {
  const byId = new Map(figures.map((f) => [f.id, f]))
  const values = evaluateFigures(figures)
  const cache = new Map<string, FigureDisplay>()
  return (id) => {
    const hit = cache.get(id)
    if (hit) return hit
    const figure = byId.get(id)
    let display: FigureDisplay
    if (!figure) display = { text: MISSING_FIGURE_TEXT, unfilled: true, error: msg('figures.missing') }
    else {
      const result = values.get(id)
      if (result && !result.ok) display = { text: unfilledMarker(figure.name), unfilled: true, error: result.error.message }
      else display = formatValue(figure, result ? result.value : figure.value)
    }
    cache.set(id, display)
    return display
  }
}

/** One figure's display; pass the whole table when the figure may have a formula. */
export function formatFigure(figure: Figure, figures: readonly Figure[] = [figure]): FigureDisplay {
  const table = figures.some((f) => f.id === figure.id) ? figures : [...figures, figure]
  return figureFormatter(table)(figure.id)
}

/** The figure's display text, e.g. "1000余份" or "〔会议次数〕". */
export function figureText(figure: Figure, figures?: readonly Figure[]): string {
  return formatFigure(figure, figures).text
}
