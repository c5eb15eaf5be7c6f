/**
 * Consistency checks on a document's figures, for the figure table and the pre-export check:
 *
 *   unfilled       a figure used in the text still has no value (the text shows 〔名称〕)
 *   unused         a figure is defined but no text refers to it
 *   mismatch       the same quantity is written as plain text elsewhere with a different value
 *                  ("发放宣传资料1000余份" linked, "发放宣传资料800余份" typed in another paragraph)
 *   unlinked       …or with the same value, but not linked (it will not follow a change)
 *   formulaError   a formula cannot be computed (syntax, unknown name, cycle, division by zero …)
 *   missingFigure  the text refers to a figure the table does not have
 *   negative       a negative count (−3次)
 *   duplicateName  two figures share a name (formulas cannot tell them apart)
 *
 * `figureChecks(doc)` is pure and never throws.
 */
import type { Block, Inline, SummaryDocument } from '../document/model'
import { msg, type Message } from '../errors/message'
import { figureWarnings } from './edit'
import { figureFormatter } from './format'
import { evaluateFigures, isComputed } from './formula'
import { contextName, scanText } from './scan'

export type FindingCode = 'unfilled' | 'unused' | 'mismatch' | 'unlinked' | 'formulaError' | 'missingFigure' | 'negative' | 'duplicateName'

export interface Finding {
  code: FindingCode
  severity: 'error' | 'warning' | 'info'
  /** complete: what is wrong and where (a `figureCheck.*` message) */
  message: Message
  figureId?: string
  figureName?: string
  /** index in doc.blocks of the text concerned (mismatch, unlinked, missingFigure) */
  blockIndex?: number
  /** the plain text found (mismatch, unlinked) */
  text?: string
}

/** The inline lists of a block (heading title + body, paragraph, each table cell). */
function inlineLists(block: Block): Inline[][] {
  switch (block.type) {
    case 'heading':
      return block.body ? [block.title, block.body] : [block.title]
    case 'paragraph':
      return [block.children]
    case 'table':
      return block.rows.flatMap((row) => row)
    default:
      return []
  }
}

interface PlainQuantity {
  blockIndex: number
  text: string
  value: number | string
  unit: string
  qualifier: string
  context: string
}

const sameContext = (a: string, b: string): boolean => a.length >= 2 && b.length >= 2 && (a.endsWith(b) || b.endsWith(a))

export function figureChecks(doc: SummaryDocument): Finding[] {
  const findings: Finding[] = []
  const figures = doc.figures
  const byId = new Map(figures.map((f) => [f.id, f]))
  const format = figureFormatter(figures)
  const values = evaluateFigures(figures)
  const uses = new Map<string, number>()
  /** the words before each reference, per figure */
  const refContexts = new Map<string, Set<string>>()
  const plain: PlainQuantity[] = []
  const missingReported = new Set<string>()

  doc.blocks.forEach((block, blockIndex) => {
    for (const inlines of inlineLists(block)) {
      let text = '' // the plain text since the last figure reference
      for (const inline of inlines) {
        if (inline.type === 'text') {
          text += inline.text
          continue
        }
        scanPlain(text, blockIndex, plain)
        const id = inline.figureId
        uses.set(id, (uses.get(id) ?? 0) + 1)
        if (!byId.has(id) && !missingReported.has(id)) {
          missingReported.add(id)
          findings.push({ code: 'missingFigure', severity: 'error', message: msg('figureCheck.missingFigure', { block: blockIndex + 1 }), blockIndex })
        }
        const ctx = contextName(text, text.length)
        if (ctx) {
          let set = refContexts.get(id)
          if (!set) refContexts.set(id, (set = new Set()))
          set.add(ctx)
        }
        text = ''
      }
      scanPlain(text, blockIndex, plain)
    }
  })

  const nameCount = new Map<string, number>()
  for (const f of figures) nameCount.set(f.name, (nameCount.get(f.name) ?? 0) + 1)
  const reportedDup = new Set<string>()

  for (const f of figures) {
    const name = f.name || '…' // a figure without a name is still reported
    const used = uses.get(f.id) ?? 0
    const shown = format(f.id)
    const result = values.get(f.id)
    if (isComputed(f) && result && !result.ok) {
      findings.push({ code: 'formulaError', severity: 'error', figureId: f.id, figureName: f.name, message: msg('figureCheck.formulaError', { name }, { reason: result.error.message }) })
    } else if (shown.unfilled && used > 0) {
      findings.push({ code: 'unfilled', severity: 'error', figureId: f.id, figureName: f.name, message: msg('figureCheck.unfilled', { name, uses: used, shown: shown.text }) })
    }
    if (used === 0) {
      findings.push({ code: 'unused', severity: 'warning', figureId: f.id, figureName: f.name, message: msg(shown.unfilled ? 'figureCheck.unusedUnfilled' : 'figureCheck.unused', { name }) })
    }
    for (const w of figureWarnings(f)) findings.push({ code: 'negative', severity: 'warning', figureId: f.id, figureName: f.name, message: w })
    if ((nameCount.get(f.name) ?? 0) > 1 && !reportedDup.has(f.name)) {
      reportedDup.add(f.name)
      findings.push({ code: 'duplicateName', severity: 'warning', figureId: f.id, figureName: f.name, message: msg('figureCheck.duplicateName', { name, count: nameCount.get(f.name)! }) })
    }
  }

  // plain text stating the same quantity as a figure
  for (const q of plain) {
    for (const f of figures) {
      const result = values.get(f.id)
      const value = result?.ok ? result.value : f.value
      if (value === null || (f.unit ?? '') !== q.unit) continue
      const contexts = [...(refContexts.get(f.id) ?? []), f.name]
      if (!contexts.some((c) => sameContext(c, q.context))) continue
      const shown = format(f.id).text
      const same = value === q.value || (typeof value === 'number' && typeof q.value === 'number' && Math.abs(value - q.value) < 1e-9)
      if (same && (f.qualifier ?? '') === q.qualifier) {
        findings.push({ code: 'unlinked', severity: 'info', figureId: f.id, figureName: f.name, blockIndex: q.blockIndex, text: q.text, message: msg('figureCheck.unlinked', { block: q.blockIndex + 1, text: q.context + q.text, name: f.name }) })
      } else {
        findings.push({ code: 'mismatch', severity: 'error', figureId: f.id, figureName: f.name, blockIndex: q.blockIndex, text: q.text, message: msg('figureCheck.mismatch', { block: q.blockIndex + 1, text: q.context + q.text, name: f.name, shown }) })
      }
      break
    }
  }
  return findings
}

function scanPlain(text: string, blockIndex: number, out: PlainQuantity[]): void {
  if (text.length < 2) return
  for (const m of scanText(text)) {
    if (!m.quantity) continue
    const context = contextName(text, m.start)
    if (context.length < 2) continue
    out.push({ blockIndex, text: m.text, value: m.quantity.value, unit: m.quantity.unit ?? '', qualifier: m.quantity.qualifier ?? '', context })
  }
}

/** How many references each figure has in the document's text, by id. */
export function figureUses(doc: SummaryDocument): Map<string, number> {
  const uses = new Map<string, number>()
  for (const block of doc.blocks) {
    for (const inlines of inlineLists(block)) {
      for (const inline of inlines) if (inline.type === 'figure') uses.set(inline.figureId, (uses.get(inline.figureId) ?? 0) + 1)
    }
  }
  return uses
}

