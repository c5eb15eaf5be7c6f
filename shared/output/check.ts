/**
 * 出稿检查 — the pre-export check. Pure: the same findings in the app (shown before every export),
 * the CLI (`check DOC --json`) and tests. The writer may export anyway; every finding says where it
 * is (block index into `doc.blocks`, or the title / signature / figure table) so the UI can jump there.
 */
import type { Block, Inline, SummaryDocument } from '../document/model'
import { msg, type Message } from '../errors/message'
import { punctuationEdits } from '../cleanup/punctuation'
import { findPlaceholders } from '../recognizer/placeholders'
import { matchMarker, MARKER_RANK, type MarkerKind } from '../recognizer/markers'
import { parseChineseDigits } from '../text'
import { parseIsoDate, parseIsoMonth, todayIso } from './dates'
import { formatterFor, figureProblems } from './figures'

export type FindingKind =
  | 'emptyDocument'
  | 'placeholder'
  | 'unfilledFigure'
  | 'figureError'
  | 'skippedLevel'
  | 'typedNumber'
  | 'numberingGap'
  | 'halfWidthPunctuation'
  | 'emptyHeading'
  | 'emptySection'
  | 'missingSignature'
  | 'missingDate'
  | 'futureDate'
  | 'yearMismatch'

export type FindingPart = 'title' | 'subtitle' | 'block' | 'signature' | 'figures'

export interface FindingLocation {
  part: FindingPart
  /** index into doc.blocks when part is 'block' */
  block?: number
  /** character offset in the block's text (heading: title then run-in body) */
  offset?: number
  figureId?: string
}

export interface Finding {
  kind: FindingKind
  severity: 'error' | 'warning'
  /** what is wrong (a `check.*` or `figureCheck.*` message) */
  problem: Message
  location: FindingLocation
  /** a few characters around the place, for the list */
  excerpt?: string
  /** how many occurrences this finding stands for (one finding per block and kind) */
  count?: number
}

export interface CheckOptions {
  /** yyyy-mm-dd, default the local date */
  today?: string
}

export interface CheckResult {
  findings: Finding[]
  errors: number
  warnings: number
}

const excerptAt = (text: string, at: number, len = 1) =>
  (at > 8 ? '…' : '') + text.slice(Math.max(0, at - 8), at + len + 8).replace(/\n/g, ' ') + (at + len + 8 < text.length ? '…' : '')

/** The text of inlines, with a figure reference standing as one placeholder character. */
function textOf(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.text : '\uFFFC')).join('')
}

function blockTexts(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [textOf(b.title) + (b.body ? textOf(b.body) : '')]
    case 'paragraph':
      return [textOf(b.children)]
    case 'table':
      return b.rows.flatMap((r) => r.map(textOf))
    default:
      return []
  }
}

function blockInlines(b: Block): Inline[] {
  switch (b.type) {
    case 'heading':
      return [...b.title, ...(b.body ?? [])]
    case 'paragraph':
      return b.children
    case 'table':
      return b.rows.flat(2)
    default:
      return []
  }
}

const isHalfWidthMark = (s: string) => /^[,:;!?()"]+$/.test(s)

/** A year the title names: "2025年度…", "二〇二五年…". */
export function titleYear(title: string): number | null {
  const arabic = /((?:19|20)\d{2})\s*年/.exec(title)
  if (arabic) return Number(arabic[1])
  const cn = /([〇零一二三四五六七八九]{4})\s*年/.exec(title)
  if (cn) return parseChineseDigits(cn[1]!)
  return null
}

export function checkDocument(doc: SummaryDocument, opts: CheckOptions = {}): CheckResult {
  const findings: Finding[] = []
  const add = (f: Finding) => findings.push(f)
  const figures = formatterFor(doc.figures)

  const hasText = doc.title.trim() !== '' || doc.blocks.some((b) => blockTexts(b).some((t) => t.trim()) || b.type === 'figureTable')
  if (!hasText) {
    add({ kind: 'emptyDocument', severity: 'error', problem: msg('check.emptyDocument'), location: { part: 'title' } })
    return summarize(findings)
  }

  // Title and subtitle: placeholders ("20xx年…工作总结"), half-width punctuation.
  for (const [part, text] of [['title', doc.title], ['subtitle', doc.subtitle ?? '']] as const) {
    const ph = findPlaceholders(text)
    if (ph.length)
      add({ kind: 'placeholder', severity: 'error', problem: msg(part === 'title' ? 'check.titlePlaceholder' : 'check.subtitlePlaceholder', { token: ph[0]!.token }), location: { part, offset: ph[0]!.start }, excerpt: text, count: ph.length })
    const half = punctuationEdits(text).filter((e) => isHalfWidthMark(text.slice(e.start, e.end).trim()))
    if (half.length)
      add({ kind: 'halfWidthPunctuation', severity: 'warning', problem: msg(part === 'title' ? 'check.titleHalfWidth' : 'check.subtitleHalfWidth', { mark: text.slice(half[0]!.start, half[0]!.end).trim() }), location: { part, offset: half[0]!.start }, excerpt: text, count: half.length })
  }

  // Per block: placeholders, unfilled figures, half-width punctuation.
  doc.blocks.forEach((b, index) => {
    for (const text of blockTexts(b)) {
      const ph = findPlaceholders(text)
      if (ph.length) {
        const tokens = [...new Set(ph.map((p) => p.token))].slice(0, 3).join('」「')
        add({ kind: 'placeholder', severity: 'error', problem: ph.length > 1 ? msg('check.placeholders', { tokens, count: ph.length }) : msg('check.placeholder', { tokens }), location: { part: 'block', block: index, offset: ph[0]!.start }, excerpt: excerptAt(text, ph[0]!.start, ph[0]!.token.length), count: ph.length })
      }
      const half = punctuationEdits(text).filter((e) => isHalfWidthMark(text.slice(e.start, e.end).trim()))
      if (half.length) {
        const marks = [...new Set(half.map((e) => text.slice(e.start, e.end).trim()))].join(' ')
        add({ kind: 'halfWidthPunctuation', severity: 'warning', problem: half.length > 1 ? msg('check.halfWidthMany', { marks, count: half.length }) : msg('check.halfWidth', { marks }), location: { part: 'block', block: index, offset: half[0]!.start }, excerpt: excerptAt(text, half[0]!.start), count: half.length })
      }
    }
    const unfilled: string[] = []
    const known = new Set(doc.figures.map((f) => f.id))
    for (const i of blockInlines(b)) {
      if (i.type !== 'figure' || !known.has(i.figureId)) continue
      const shown = figures(i.figureId)
      if (shown.unfilled && !shown.error) unfilled.push(shown.text)
    }
    if (unfilled.length)
      add({ kind: 'unfilledFigure', severity: 'error', problem: msg('check.unfilledFigure', { names: [...new Set(unfilled)].slice(0, 4).join('、') }), location: { part: 'block', block: index }, count: unfilled.length })
  })
  for (const p of figureProblems(doc))
    add({
      kind: 'figureError',
      severity: p.severity,
      problem: p.message,
      location: p.block !== undefined ? { part: 'block', block: p.block } : { part: 'figures', ...(p.figureId ? { figureId: p.figureId } : {}) },
    })

  checkStructure(doc, add)
  checkSignature(doc, opts, add)
  return summarize(findings)
}

function checkStructure(doc: SummaryDocument, add: (f: Finding) => void): void {
  let previousLevel = 0
  // typed markers left in paragraphs (text imported without becoming headings): last number per kind
  const last = new Map<MarkerKind, number>()
  doc.blocks.forEach((b, index) => {
    if (b.type === 'heading') {
      last.clear()
      const title = textOf(b.title).trim()
      if (!title) add({ kind: 'emptyHeading', severity: 'warning', problem: msg('check.emptyHeading'), location: { part: 'block', block: index } })
      if (b.level > previousLevel + 1)
        add({
          kind: 'skippedLevel',
          severity: 'warning',
          problem: previousLevel === 0 ? msg('check.firstHeadingSkips', { level: b.level }) : msg('check.skippedLevel', { from: previousLevel, to: b.level }),
          location: { part: 'block', block: index },
          excerpt: title.slice(0, 20),
        })
      previousLevel = b.level
      const typed = matchMarker(title)
      if (typed)
        add({ kind: 'typedNumber', severity: 'warning', problem: msg('check.typedNumber', { marker: typed.marker }), location: { part: 'block', block: index, offset: 0 }, excerpt: title.slice(0, 20) })
      // an empty section: nothing before the next heading of the same or a higher level
      if (!(b.body && textOf(b.body).trim())) {
        let j = index + 1
        let content = false
        for (; j < doc.blocks.length; j++) {
          const n = doc.blocks[j]!
          if (n.type === 'heading') {
            if (n.level > b.level) content = true
            break
          }
          if (n.type === 'pageBreak') continue
          if (n.type === 'paragraph' && !textOf(n.children).trim()) continue
          content = true
          break
        }
        if (!content) add({ kind: 'emptySection', severity: 'warning', problem: msg('check.emptySection'), location: { part: 'block', block: index }, excerpt: title.slice(0, 20) })
      }
    } else if (b.type === 'paragraph') {
      const text = textOf(b.children).trim()
      const m = matchMarker(text)
      if (!m) return
      const rank = MARKER_RANK[m.kind]
      for (const [kind] of last) if (MARKER_RANK[kind] > rank) last.delete(kind)
      const prev = last.get(m.kind)
      if (prev !== undefined && m.number !== prev + 1 && m.number !== 1)
        add({
          kind: 'numberingGap',
          severity: 'warning',
          problem: m.number > prev + 1 ? msg('check.numberingGap', { marker: m.marker, missing: prev + 1 }) : msg('check.numberingBack', { marker: m.marker, previous: prev }),
          location: { part: 'block', block: index, offset: 0 },
          excerpt: text.slice(0, 20),
        })
      last.set(m.kind, m.number)
    }
  })
}

function checkSignature(doc: SummaryDocument, opts: CheckOptions, add: (f: Finding) => void): void {
  const sig = doc.signature
  if (!sig || !sig.organization.trim())
    add({ kind: 'missingSignature', severity: 'warning', problem: msg('check.missingSignature'), location: { part: 'signature' } })
  if (!sig?.date) {
    add({ kind: 'missingDate', severity: 'warning', problem: msg('check.missingDate'), location: { part: 'signature' } })
    return
  }
  const today = opts.today ?? todayIso()
  if (sig.date > today) add({ kind: 'futureDate', severity: 'error', problem: msg('check.futureDate', { date: sig.date, today }), location: { part: 'signature' } })
  const year = titleYear(doc.title)
  const date = parseIsoDate(sig.date) ?? parseIsoMonth(sig.date)
  if (year !== null && date && (date.year < year || date.year > year + 1))
    add({ kind: 'yearMismatch', severity: 'warning', problem: msg('check.yearMismatch', { titleYear: year, dateYear: date.year }), location: { part: 'signature' }, excerpt: doc.title })
}

/** Where each part stands in the document as the writer reads it; the 数据表 is beside the text, last. */
const PART_ORDER: Record<FindingPart, number> = { title: 0, subtitle: 1, block: 2, signature: 3, figures: 4 }

/**
 * The list as the writer works through it: what blocks 出稿 (errors) first, then the warnings,
 * each in document order (title, subtitle, the body block by block, the 落款, the 数据表).
 */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location
  const lb = b.location
  return (
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    PART_ORDER[la.part] - PART_ORDER[lb.part] ||
    (la.block ?? 0) - (lb.block ?? 0) ||
    (la.offset ?? 0) - (lb.offset ?? 0)
  )
}

function summarize(unordered: Finding[]): CheckResult {
  // Array.prototype.sort is stable: findings at one place keep the order they were found in
  const findings = [...unordered].sort(compareFindings)
  return { findings, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length }
}
