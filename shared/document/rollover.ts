/**
 * 新年度底稿: this year's summary made from last year's. Pure: planRollover lists what changes (the
 * preview), applyRollover makes the new document.
 *
 * Which year the document is "of" (the source year), in this order:
 *   1. the year of the signature date (the 落款 is the most deliberate date a summary carries);
 *   2. the first 20xx年 / 二〇xx年 of the title ("2024年度工作总结");
 *   3. the most frequent 20xx年 of the text (the later year on a tie).
 * Only year mentions equal to the source year or the one after it ("2025年工作打算" in a 2024
 * summary) advance; older years ("较2023年") are history and stay. Nothing else of the wording is
 * rewritten: typed 同比 sentences stay as they are, since a figure's 同比 is computed from lastYear.
 */
import { z } from 'zod'
import { evaluateFigures } from '../figures/formula'
import { toChineseDigits } from '../text/numerals'
import type { Figure, Inline, SummaryDocument } from './model'

export const YearChangeSchema = z.strictObject({
  /** title, subtitle, or the index of the block in `blocks` */
  where: z.union([z.literal('title'), z.literal('subtitle'), z.number().int()]),
  before: z.string(),
  after: z.string(),
  /** the sentence around it, for the preview */
  context: z.string(),
})
export type YearChange = z.infer<typeof YearChangeSchema>

export const FigureRolloverSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** last year's value as it now moves to lastYear (null: it was unfilled or not a number) */
  lastYear: z.number().nullable(),
  computed: z.boolean(),
})
export type FigureRollover = z.infer<typeof FigureRolloverSchema>

export const RolloverPlanSchema = z.strictObject({
  /** null when the document names no year at all */
  fromYear: z.number().int().nullable(),
  toYear: z.number().int(),
  yearSource: z.enum(['signature', 'title', 'text', 'none']),
  title: z.string(),
  years: z.array(YearChangeSchema),
  /** the figures to fill again */
  figures: z.array(FigureRolloverSchema),
  clearsDate: z.boolean(),
})
export type RolloverPlan = z.infer<typeof RolloverPlanSchema>

const CN_DIGIT = '〇零一二三四五六七八九'
const CN_VALUE: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
// A year is four digits followed by 年, not part of a longer number ("12024年" is not a year).
const YEAR = new RegExp(`(?<![0-9])(20[0-9]{2})(?=\\s?年)|(?<![${CN_DIGIT}十百千])([二][〇零][${CN_DIGIT}]{2})(?=年)`, 'gu')

interface Mention { index: number; text: string; year: number }

function mentions(text: string): Mention[] {
  const out: Mention[] = []
  for (const m of text.matchAll(YEAR)) {
    const s = m[0]
    const year = m[1] ? Number(s) : [...s].reduce((n, ch) => n * 10 + CN_VALUE[ch]!, 0)
    out.push({ index: m.index, text: s, year })
  }
  return out
}

function writeYear(original: string, year: number): string {
  if (/^[0-9]/.test(original)) return String(year)
  // keep the writer's zero: 二〇二四 → 二〇二五, 二零二四 → 二零二五
  return toChineseDigits(String(year), original.includes('零') ? '零' : '〇')
}

/** Every text of the document with where it is, in reading order. */
function texts(doc: SummaryDocument): { where: YearChange['where']; text: string }[] {
  const out: { where: YearChange['where']; text: string }[] = [{ where: 'title', text: doc.title }]
  if (doc.subtitle !== undefined) out.push({ where: 'subtitle', text: doc.subtitle })
  doc.blocks.forEach((block, i) => {
    for (const inline of blockInlines(block)) if (inline.type === 'text') out.push({ where: i, text: inline.text })
  })
  return out
}

function blockInlines(block: SummaryDocument['blocks'][number]): Inline[] {
  if (block.type === 'heading') return [...block.title, ...(block.body ?? [])]
  if (block.type === 'paragraph') return block.children
  if (block.type === 'table') return block.rows.flat(2)
  return []
}

/** The year the document is of, and how it was found (see the header). */
export function sourceYear(doc: SummaryDocument): { year: number | null; source: RolloverPlan['yearSource'] } {
  const dated = doc.signature?.date ? Number(doc.signature.date.slice(0, 4)) : NaN
  if (Number.isInteger(dated) && dated > 0) return { year: dated, source: 'signature' }
  const inTitle = mentions(doc.title)[0]
  if (inTitle) return { year: inTitle.year, source: 'title' }
  const counts = new Map<number, number>()
  for (const { text } of texts(doc)) for (const m of mentions(text)) counts.set(m.year, (counts.get(m.year) ?? 0) + 1)
  let best: number | null = null
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && year > best)) best = year
  return best === null ? { year: null, source: 'none' } : { year: best, source: 'text' }
}

function advance(text: string, from: number, shift: number): { text: string; changes: { before: string; after: string; index: number }[] } {
  const changes: { before: string; after: string; index: number }[] = []
  let out = ''
  let at = 0
  for (const m of mentions(text)) {
    if (m.year !== from && m.year !== from + 1) continue
    const after = writeYear(m.text, m.year + shift)
    out += text.slice(at, m.index) + after
    at = m.index + m.text.length
    changes.push({ before: m.text, after, index: m.index })
  }
  return { text: out + text.slice(at), changes }
}

function context(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 12)
  const end = Math.min(text.length, index + length + 12)
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}

/**
 * What rolling `doc` over to `toYear` changes. Without toYear, the year after the source year
 * (or the current one when the document names no year: the caller passes it).
 */
export function planRollover(doc: SummaryDocument, options: { toYear?: number; currentYear?: number } = {}): RolloverPlan {
  const { year: fromYear, source } = sourceYear(doc)
  const toYear = options.toYear ?? (fromYear !== null ? fromYear + 1 : (options.currentYear ?? new Date().getFullYear()))
  const years: YearChange[] = []
  if (fromYear !== null && toYear > fromYear) {
    for (const { where, text } of texts(doc)) {
      for (const c of advance(text, fromYear, toYear - fromYear).changes)
        years.push({ where, before: c.before, after: c.after, context: context(text, c.index, c.before.length) })
    }
  }
  const computed = evaluateFigures(doc.figures)
  const figures = doc.figures.map((f): FigureRollover => {
    const evaluation = f.formula ? computed.get(f.id) : undefined
    const value = f.formula ? (evaluation?.ok ? evaluation.value : null) : f.value
    return { id: f.id, name: f.name, lastYear: typeof value === 'number' ? value : null, computed: !!f.formula }
  })
  const title = fromYear !== null && toYear > fromYear ? advance(doc.title, fromYear, toYear - fromYear).text : doc.title
  return { fromYear, toYear, yearSource: source, title, years, figures: figures.filter((f) => isRolled(doc.figures, f)), clearsDate: !!doc.signature?.date }
}

/** Text figures (单位名称, a range) are document variables, not this year's numbers: they stay. */
function isRolled(all: readonly Figure[], f: FigureRollover): boolean {
  const figure = all.find((g) => g.id === f.id)!
  return figure.formula !== undefined || typeof figure.value !== 'string'
}

/** The new document: the plan applied to `doc` (which is not changed). */
export function applyRollover(doc: SummaryDocument, plan: RolloverPlan): SummaryDocument {
  const { fromYear, toYear } = plan
  const shift = fromYear === null ? 0 : toYear - fromYear
  const move = (text: string) => (shift > 0 ? advance(text, fromYear!, shift).text : text)
  const inlines = (list: Inline[]): Inline[] => list.map((i) => (i.type === 'text' ? { ...i, text: move(i.text) } : i))
  const rolled = new Map(plan.figures.map((f) => [f.id, f]))
  const next: SummaryDocument = {
    ...doc,
    title: move(doc.title),
    blocks: doc.blocks.map((b) => {
      if (b.type === 'heading') return b.body ? { ...b, title: inlines(b.title), body: inlines(b.body) } : { ...b, title: inlines(b.title) }
      if (b.type === 'paragraph') return { ...b, children: inlines(b.children) }
      if (b.type === 'table') return { ...b, rows: b.rows.map((r) => r.map(inlines)) }
      return b
    }),
    figures: doc.figures.map((f) => {
      const r = rolled.get(f.id)
      if (!r) return f
      const { lastYear: _dropped, ...rest } = f
      // Last year's lastYear is two years old: an unknown value leaves no lastYear rather than a wrong one.
      return r.lastYear === null ? { ...rest, value: null } : { ...rest, value: null, lastYear: r.lastYear }
    }),
  }
  if (doc.subtitle !== undefined) next.subtitle = move(doc.subtitle)
  if (doc.signature) {
    const { date: _cleared, ...signature } = doc.signature
    next.signature = signature
  }
  return next
}
