/**
 * Changes to a figure table, as pure functions over the list: what the table panel, the CLI and
 * the spreadsheet import all do, with the same rules and the same messages.
 *
 * Rules for bad input (nothing is ever lost: a refused edit leaves the figure as it was):
 *   - a value is read with parseQuantity: "300余份" also sets 余 and 份, "九" sets Chinese style,
 *     "50-80" becomes a range (kept as text); "" (or 〔…〕) clears it (unfilled).
 *   - text where a number belongs (the figure has a unit, a number already, a formula or last
 *     year's value, or another formula uses it) is refused with a message saying what to type;
 *     a figure without those takes text (单位名称, 年度 …).
 *   - magnitudes beyond 10^15 are refused (digits would stop being exact).
 *   - negative values are accepted but flagged when the unit counts things (see figureWarnings).
 *   - names must be non-empty and unique; a rename rewrites the formulas that use the old name.
 */
import type { Figure } from '../document/model'
import { msg, type Message } from '../errors/message'
import { formulaReferences, isComputed, NameSet, parseFormula, renameInFormula } from './formula'
import { MAX_FIGURE_MAGNITUDE } from './numbers'
import { parseQuantity } from './scan'

export type EditResult<T> = { ok: true; value: T } | { ok: false; message: Message }

/** Longest name a figure may have (names show in a table column and in 〔…〕 markers). */
export const MAX_NAME_LENGTH = 40

/** Units that count things: a negative value there is almost certainly a typo. */
const COUNT_UNITS = /^(?:[次个份人名位场期件项起户家所篇条块张台辆处栋幢间本册套批支队组对座棵株盏箱袋宗例单根段幅部届班村镇轮节门首集]|人次|户次|家次)$/

/** Whether the figure is one whose value must be a number. */
export function wantsNumber(figure: Figure, figures: readonly Figure[] = []): boolean {
  if (typeof figure.value === 'number' || isComputed(figure) || figure.lastYear !== undefined) return true
  if (figure.unit && figure.unit !== '') return true
  const names = figures.map((f) => f.name)
  return figures.some((f) => f.id !== figure.id && isComputed(f) && formulaReferences(f.formula!, names).includes(figure.name))
}

/**
 * A typed value for this figure → the fields to change. `force: 'text'` stores the input as text
 * even where a number is expected (the table offers it after the message).
 */
export function parseValueInput(
  input: string,
  figure: Figure,
  figures: readonly Figure[] = [],
  /** wantsNumber: the answer of wantsNumber(figure, figures) when the caller keeps track of it (a sheet import) */
  opts: { force?: 'text'; wantsNumber?: boolean } = {},
): EditResult<Partial<Figure>> {
  const text = input.trim()
  if (text === '' || /^〔.*〕$/.test(text)) return { ok: true, value: { value: null } }
  if (isComputed(figure)) return { ok: false, message: msg('figures.computed', { name: figure.name, formula: figure.formula! }) }
  if (opts.force === 'text') return { ok: true, value: { value: text } }
  const q = parseQuantity(text)
  if (q) {
    if (typeof q.value === 'number' && Math.abs(q.value) > MAX_FIGURE_MAGNITUDE) return { ok: false, message: msg('figures.valueTooLarge', { value: text }) }
    const patch: Partial<Figure> = { value: q.value }
    // a placeholder's unit stayed in the text ("召开会议x次" → figure "召开会议（次）" + "次"):
    // typing "3次" must not make it read "3次次"
    const unitInText = figure.original !== undefined && !figure.unit ? /（([^（）]+)）$/.exec(figure.name)?.[1] : undefined
    if (q.unit && q.unit !== unitInText) patch.unit = q.unit
    if (q.qualifier) patch.qualifier = q.qualifier
    if (q.style) patch.style = q.style
    else if (figure.style === 'chinese' && typeof q.value === 'number' && /^[-+]?[\d.,]+$/.test(text)) patch.style = 'arabic'
    return { ok: true, value: patch }
  }
  if (/^[-+−]?[\d.,，]+(?:[eE][-+]?\d+)?$/.test(text)) {
    const n = Number(text.replace(/[,，]/g, '').replace('−', '-'))
    if (Number.isFinite(n) && Math.abs(n) > MAX_FIGURE_MAGNITUDE) return { ok: false, message: msg('figures.valueTooLarge', { value: text }) }
    if (Number.isFinite(n)) return { ok: true, value: { value: n } }
    return { ok: false, message: msg('figures.notANumber', { text }) }
  }
  if (opts.wantsNumber ?? wantsNumber(figure, figures)) {
    return { ok: false, message: msg('figures.needsNumber', { name: figure.name, text: text.slice(0, 20) }) }
  }
  return { ok: true, value: { value: text } }
}

/** Checks a new name: trimmed, non-empty, not too long, not another figure's. */
export function checkName(name: string, figures: readonly Figure[], selfId?: string): EditResult<string> {
  const trimmed = name.trim()
  if (trimmed === '') return { ok: false, message: msg('figures.nameEmpty') }
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, message: msg('figures.nameTooLong', { max: MAX_NAME_LENGTH }) }
  if (/[〔〕]/.test(trimmed)) return { ok: false, message: msg('figures.nameBrackets') }
  const clash = figures.find((f) => f.id !== selfId && f.name === trimmed)
  if (clash) return { ok: false, message: msg('figures.nameTaken', { name: trimmed }) }
  return { ok: true, value: trimmed }
}

/** A name not yet taken: base, base2, base3 … */
export function freeName(base: string, figures: readonly Figure[], extraTaken: Iterable<string> = []): string {
  const taken = new Set([...figures.map((f) => f.name), ...extraTaken])
  const clean = base.trim().slice(0, MAX_NAME_LENGTH) || '数据'
  let name = clean
  for (let n = 2; taken.has(name); n++) name = `${clean}${n}`
  return name
}

/** Renames a figure; every formula that used the old name uses the new one. Ids never change. */
export function renameFigure(figures: readonly Figure[], id: string, newName: string): EditResult<Figure[]> {
  const figure = figures.find((f) => f.id === id)
  if (!figure) return { ok: false, message: msg('figures.noSuchFigure') }
  const checked = checkName(newName, figures, id)
  if (!checked.ok) return checked
  const to = checked.value
  if (to === figure.name) return { ok: true, value: [...figures] }
  const names = figures.map((f) => f.name)
  return {
    ok: true,
    value: figures.map((f) => {
      const renamed = f.id === id ? { ...f, name: to } : f
      if (!isComputed(renamed)) return renamed
      const formula = renameInFormula(renamed.formula!, figure.name, to, names)
      return formula === renamed.formula ? renamed : { ...renamed, formula }
    }),
  }
}

/** Sets (or clears, with '') a formula; a syntax error is refused with its message. */
export function checkFormula(formula: string, figures: readonly Figure[] | NameSet): EditResult<string | undefined> {
  const text = formula.trim().replace(/^=/, '').trim()
  if (text === '') return { ok: true, value: undefined }
  const parsed = parseFormula(text, figures instanceof NameSet ? figures : figures.map((f) => f.name))
  if (!parsed.ok) return { ok: false, message: parsed.error.message }
  return { ok: true, value: text }
}

/** Reads last year's value: a number (Chinese numerals and 万 accepted), or '' to clear it. */
export function parseLastYear(input: string): EditResult<number | undefined> {
  const text = input.trim()
  if (text === '') return { ok: true, value: undefined }
  const q = parseQuantity(text)
  if (q && typeof q.value === 'number') {
    if (Math.abs(q.value) > MAX_FIGURE_MAGNITUDE) return { ok: false, message: msg('figures.valueTooLarge', { value: text }) }
    return { ok: true, value: q.value }
  }
  const n = Number(text.replace(/[,，]/g, ''))
  if (Number.isFinite(n) && /\d/.test(text)) return { ok: true, value: n }
  return { ok: false, message: msg('figures.lastYearNotNumber', { text: text.slice(0, 20) }) }
}

/** Applies a patch to one figure; undefined fields in the patch are removed from it. */
export function patchFigure(figures: readonly Figure[], id: string, patch: Partial<Figure>): Figure[] {
  return figures.map((f) => {
    if (f.id !== id) return f
    const next: Record<string, unknown> = { ...f }
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') delete next[k]
      else next[k] = v
    }
    if (next.value === undefined) next.value = null
    return next as Figure
  })
}

/** Warnings about a figure's value that do not block it: negative counts. */
export function figureWarnings(figure: Figure): Message[] {
  const out: Message[] = []
  if (typeof figure.value === 'number' && figure.value < 0 && figure.unit && COUNT_UNITS.test(figure.unit)) {
    out.push(msg('figureCheck.negative', { name: figure.name, value: `${figure.value}${figure.unit}` }))
  }
  return out
}
