/**
 * How exports render figures: through the figure feature's formatter (shared/figures/format.ts:
 * "1000余份", "九个村", "〔会议次数〕" for an unfilled figure) and checks (figureChecks). The small
 * fallback below is kept for a figure table the formatter cannot read; `formatterFor` is the one
 * place that chooses.
 */
import type { Figure, SummaryDocument } from '../document/model'
import { msg, type Message } from '../errors/message'
import { figureChecks } from '../figures/checks'
import { figureFormatter } from '../figures/format'

export interface OutputFigure {
  text: string
  unfilled: boolean
  error?: Message
}
export type FigureLookup = (figureId: string) => OutputFigure

export const MISSING_FIGURE = '〔数据〕'

/** The formatter exports use for a whole document's figure table. */
export function formatterFor(figures: readonly Figure[]): FigureLookup {
  try {
    return figureFormatter(figures)
  } catch {
    return fallbackFormatter(figures)
  }
}

function fallbackFormatter(figures: readonly Figure[]): FigureLookup {
  const byId = new Map(figures.map((f) => [f.id, f]))
  return (id) => {
    const f = byId.get(id)
    if (!f) return { text: MISSING_FIGURE, unfilled: true, error: msg('figures.missing') }
    if (f.value === null || (typeof f.value === 'string' && f.value.trim() === '')) return { text: `〔${f.name.trim() || '待填'}〕`, unfilled: true }
    const n = typeof f.value === 'number' ? String(f.value) : f.value
    const unit = f.unit ?? ''
    switch (f.qualifier) {
      case '余':
      case '多':
        return { text: `${n}${f.qualifier}${unit}`, unfilled: false }
      case '近':
      case '约':
        return { text: `${f.qualifier}${n}${unit}`, unfilled: false }
      case '以上':
        return { text: `${n}${unit}以上`, unfilled: false }
      default:
        return { text: `${n}${unit}`, unfilled: false }
    }
  }
}

/** A figure problem for the pre-export check: which figure, which block, what is wrong. */
export interface FigureProblem {
  figureId?: string
  block?: number
  severity: 'error' | 'warning'
  message: Message
}

/**
 * Figure errors beyond "unfilled" (which the check reports per paragraph): formulas that fail,
 * references to deleted figures, a figure contradicted by plain text elsewhere, negative counts,
 * duplicate names — figureChecks of the figure feature; its informational findings are left out.
 */
export function figureProblems(doc: SummaryDocument): FigureProblem[] {
  return figureChecks(doc)
    .filter((f) => f.code !== 'unfilled' && f.code !== 'unused' && f.severity !== 'info')
    .map((f) => ({
      severity: f.severity === 'error' ? 'error' : 'warning',
      message: f.message,
      ...(f.figureId ? { figureId: f.figureId } : {}),
      ...(f.blockIndex !== undefined ? { block: f.blockIndex } : {}),
    }))
}
