/**
 * .docx → formatted source lines for the recognizer (see rich.ts), read with mammoth; a DOCX we
 * exported ourselves → the document it was written from (ownDocx.ts).
 *
 * mammoth parses the package into a document tree; we take that tree (its `transformDocument`
 * hook) instead of its HTML, so nothing is lost to an HTML round trip, and hand mammoth back an
 * empty document so it renders nothing and reads no images.
 *
 * Kept:   paragraphs; bold, italic and underline set on runs (direct formatting — formatting that
 *         only comes from a paragraph or character style is not resolved); Word heading styles
 *         "Heading 1"… / "标题 1"… (by style name, else by style id "Heading1") as heading depths;
 *         tables (cell paragraphs become lines of the cell, nested tables flattened into their
 *         cell); page breaks; hyperlink text; tabs (as a tab character).
 *         Word's automatic list numbering: the label Word draws ("一、", "（二）", "3.") is
 *         counted from numbering.xml (wordNumbering.ts) and put in front of the paragraph's text,
 *         so the numbers come in as the writer saw them.
 * Dropped: images, footnote and comment references, bullets, fonts, sizes, colours, alignment, strikethrough, superscript/subscript (text kept).
 * A line break inside a paragraph starts a new line for the recognizer.
 */
import mammoth from 'mammoth'
import { ApiError } from '../../../shared/api'
import type { Inline } from '../../../shared/document/model'
import { sniffBinaryFormat } from './decode'
import { looksLikeZip, SafeZip } from './zip'
import { BOLD, ITALIC, UNDERLINE, runsToInlines, type RichItem, type RichRun } from './rich'
import type { SummaryDocument } from '../../../shared/document/model'
import { ownDocxModel, runOnParagraphTexts } from './ownDocx'
import { numberedParagraphs, type NumberedParagraph } from './wordNumbering'
import { damagedReason } from './errors'

/** The parts of mammoth's document tree we read (see mammoth/lib/documents.js). */
interface DocxElement {
  type: string
  children?: DocxElement[]
  value?: string
  styleId?: string | null
  styleName?: string | null
  isBold?: boolean
  isItalic?: boolean
  isUnderline?: boolean
  breakType?: string
  /** set by mammoth when Word numbers the paragraph (directly or through its style) */
  numbering?: unknown
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i
const HEADING_ID = /^heading\s*([1-9])$/i

/** Heading depth 1–9 from a paragraph's style, or undefined. */
export function headingDepth(p: Pick<DocxElement, 'styleId' | 'styleName'>): number | undefined {
  const byName = p.styleName ? HEADING_NAME.exec(p.styleName.trim()) : null
  const byId = !byName && p.styleId ? HEADING_ID.exec(p.styleId.trim()) : null
  const m = byName ?? byId
  return m ? Number(m[1]) : undefined
}

/**
 * A .docx: our own export comes back as the document it was written from (ownDocx.ts); any other
 * file as formatted lines for the recognizer.
 */
export async function readDocx(bytes: Uint8Array): Promise<{ model: SummaryDocument } | { items: RichItem[] }> {
  if (!looksLikeZip(bytes)) {
    const kind = sniffBinaryFormat(bytes)
    if (kind && bytes[0] === 0xd0) throw new ApiError('import.docOrEncrypted')
    throw kind ? new ApiError('import.notDocxKind', {}, { kind }) : new ApiError('import.notDocx')
  }
  const captured: { root?: DocxElement } = {}
  // the package is checked (sizes declared and inflated) before and while mammoth reads it
  let zip: SafeZip
  try {
    zip = new SafeZip(bytes)
  } catch (err) {
    throw zipRefusal(err)
  }
  const own = ownDocxModel(zip)
  if (own) return { model: own }
  try {
    await mammoth.convertToHtml(
      // mammoth reads a zip file object given as `file` (lib/unzip.js); its types name only path and buffer
      { file: zip.mammothFile() } as unknown as { buffer: Buffer },
      {
        transformDocument: (doc: DocxElement) => {
          captured.root = doc
          return { ...doc, children: [] }
        },
      },
    )
  } catch (err) {
    if (err instanceof ApiError) throw zipRefusal(err)
    const detail = err instanceof Error ? err.message : String(err)
    if (/main document part/i.test(detail))
      throw new ApiError('import.zipWithoutWord')
    // mammoth's own words name the fault in English: the writer gets ours
    throw new ApiError('import.docxDamaged', {}, { reason: /end of central directory/i.test(detail) ? damagedReason.truncated() : damagedReason.structure() })
  }
  if (!captured.root) throw new ApiError('import.docxUnreadable')
  const items: RichItem[] = []
  const xml = zip.has('word/document.xml') ? new TextDecoder().decode(zip.read('word/document.xml')) : ''
  const part = (name: string) => (zip.has(name) ? new TextDecoder().decode(zip.read(name)) : '')
  const numbered = xml.includes('w:numPr') || xml.includes('w:pStyle') ? numberedParagraphs(xml, part('word/numbering.xml'), part('word/styles.xml')) : []
  const ctx: Joins = { runOn: xml.includes('specVanish') ? runOnParagraphTexts(xml) : [], next: 0, labels: { list: numbered, next: 0 } }
  for (const child of captured.root.children ?? []) readBlock(child, items, ctx)
  if (ctx.carry) items.push({ kind: 'line', runs: ctx.carry.runs, ...(ctx.carry.depth === undefined ? {} : { depth: ctx.carry.depth }) }, { kind: 'blank' })
  return { items }
}

/**
 * Word's style separator (a paragraph mark hidden with w:specVanish: a run-in heading made in Word
 * with Ctrl+Alt+Enter) joins a paragraph to the next one on the page. mammoth does not report it, so
 * the texts of such paragraphs are read from the XML first (in order) and matched as mammoth's
 * paragraphs go by; a matched paragraph's last line is carried into the next paragraph's first line,
 * keeping the heading style's depth, and the recognizer sees one run-in heading.
 */
interface Joins {
  runOn: string[]
  next: number
  carry?: { runs: RichRun[]; depth: number | undefined; head: string }
  labels: Labels
}

/** Word's numbering labels in reading order (wordNumbering.ts) and how far mammoth's paragraphs have used them. */
interface Labels {
  list: NumberedParagraph[]
  next: number
}

/** How far ahead a numbered paragraph's label is looked for (mammoth skips paragraphs it does not read). */
const LABEL_LOOKAHEAD = 16

/** The label Word drew for a numbered paragraph, matched by its text in reading order. */
function takeLabel(labels: Labels | undefined, p: DocxElement): string | undefined {
  if (!labels?.list.length || !p.numbering) return undefined
  const text = plainText(p)
  for (let k = labels.next; k < labels.list.length && k < labels.next + LABEL_LOOKAHEAD; k++) {
    if (labels.list[k]!.text !== text) continue
    labels.next = k + 1
    return labels.list[k]!.label
  }
  return undefined
}

/** A package refused by SafeZip: a damaged one is a damaged Word file; too large stays as it is. */
function zipRefusal(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.code !== 'zip.damaged') return err
  // a package without its central directory (kept at the end) was cut short
  const reason = err.params.detail === 'no central directory' ? damagedReason.truncated() : damagedReason.structure()
  return new ApiError('import.docxDamaged', {}, { reason })
}

function readBlock(el: DocxElement, items: RichItem[], ctx: Joins): void {
  if (el.type === 'paragraph') return readParagraph(el, items, ctx)
  if (el.type === 'table') {
    const rows = tableRows(el, ctx.labels)
    if (rows.length) items.push({ kind: 'blank' }, { kind: 'table', rows }, { kind: 'blank' })
    return
  }
  for (const child of el.children ?? []) readBlock(child, items, ctx)
}

/** A paragraph's text as mammoth's tree has it (what runOnParagraphTexts reads from the XML). */
function plainText(el: DocxElement): string {
  if (el.type === 'text') return el.value ?? ''
  return (el.children ?? []).map(plainText).join('')
}

/** A paragraph → one line (or several, split at line and page breaks), blank-separated. */
function readParagraph(p: DocxElement, items: RichItem[], ctx?: Joins, cellLabels?: Labels): void {
  let depth = headingDepth(p)
  let runs: RichRun[] = []
  const label = takeLabel(ctx?.labels ?? cellLabels, p)
  const text = ctx?.runOn.length ? plainText(p) : ''
  const runsOn = !!ctx && text !== '' && ctx.runOn[ctx.next] === text
  if (runsOn) ctx.next++
  let runIn: string | undefined
  if (ctx?.carry) {
    runs = ctx.carry.runs
    depth = ctx.carry.depth ?? depth
    runIn = ctx.carry.head
    ctx.carry = undefined
  }
  const endLine = () => {
    if (runs.some((r) => r.text.trim())) items.push({ kind: 'line', runs, ...(depth === undefined ? {} : { depth }), ...(runIn ? { runIn } : {}) }, { kind: 'blank' })
    runs = []
    runIn = undefined
  }
  const walk = (el: DocxElement, marks: number) => {
    switch (el.type) {
      case 'run': {
        const m = marks | (el.isBold ? BOLD : 0) | (el.isItalic ? ITALIC : 0) | (el.isUnderline ? UNDERLINE : 0)
        for (const c of el.children ?? []) walk(c, m)
        return
      }
      case 'text':
        if (el.value) runs.push({ text: el.value, marks })
        return
      case 'tab':
        runs.push({ text: '\t', marks })
        return
      case 'break':
        endLine()
        if (el.breakType === 'page') items.push({ kind: 'pageBreak' })
        return
      case 'image':
      case 'noteReference':
      case 'commentReference':
      case 'bookmarkStart':
      case 'checkbox':
        return
      default:
        for (const c of el.children ?? []) walk(c, marks)
    }
  }
  for (const c of p.children ?? []) walk(c, 0)
  // Word's number, as the writer saw it, with the marks of the text it stands before
  if (label) runs.unshift({ text: label, marks: runs[0]?.marks ?? 0 })
  if (runsOn && ctx) ctx.carry = { runs, depth, head: runs.map((r) => r.text).join('') }
  else endLine()
}

function tableRows(table: DocxElement, labels: Labels): Inline[][][] {
  const rows: Inline[][][] = []
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue
    const cells = (row.children ?? []).filter((c) => c.type === 'tableCell').map((c) => cellInlines(c, labels))
    if (cells.length) rows.push(cells)
  }
  return rows
}

/** A cell's paragraphs as lines separated by "\n" (nested tables read row by row). */
function cellInlines(cell: DocxElement, labels: Labels): Inline[] {
  const lines: RichRun[][] = []
  const collect = (el: DocxElement) => {
    if (el.type === 'paragraph') {
      const sink: RichItem[] = []
      readParagraph(el, sink, undefined, labels)
      for (const item of sink) if (item.kind === 'line') lines.push(item.runs)
    } else for (const c of el.children ?? []) collect(c)
  }
  for (const c of cell.children ?? []) collect(c)
  const runs: RichRun[] = []
  lines.forEach((line, i) => {
    if (i > 0) runs.push({ text: '\n', marks: 0 })
    runs.push(...line)
  })
  return runsToInlines(runs)
}
