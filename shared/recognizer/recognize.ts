/**
 * The recognizer pipeline: plain text (pasted, .txt, text extracted from .docx/.pdf) → SummaryDocument(s).
 *
 *   splitLines        newlines normalized, control characters dropped          (lines.ts)
 *   removeJunk        web junk lines, only with `clean`                         (junk.ts)
 *   joinWrappedLines  hard-wrapped lines joined into paragraphs                 (lines.ts)
 *   splitDocuments    one segment per summary, only with `split`               (split.ts)
 *   per segment:
 *     extractTitle    title, subtitle, repeated title                          (title.ts)
 *     findSignature   organization and date at the end                         (signature.ts)
 *     matchMarker     heading markers → kinds, numbers; levelMap → levels      (markers.ts)
 *     shapeHeading    run-in headings split into title and body                (headings.ts)
 *     toInlines       placeholders → unfilled figures                          (placeholders.ts)
 *
 * The writer's wording is never rewritten: no punctuation, width or script conversion. What is
 * removed is structure that the model derives again — heading numbers, collection labels, the
 * subtitle dash, line breaks inside paragraphs, indentation — plus junk lines when asked.
 */
import type { Block, Figure, HeadingLevel, Inline, Signature, SummaryDocument } from '../document/model'
import { MODEL_VERSION } from '../document/model'
import { isCollectionHeader, matchPiece } from './collection'
import { NumberingTracker, shapeHeading, type HeadingShape, type NumberingGap } from './headings'
import { removeJunk, type JunkLine } from './junk'
import { joinWrappedLines, splitLines, type JoinRules } from './lines'
import { levelMap, matchMarker, type MarkerMatch } from './markers'
import { PlaceholderCollector } from './placeholders'
import { findSignature, parseDateLine } from './signature'
import { splitDocuments } from './split'
import { extractTitle } from './title'

export interface RecognizeOptions {
  /** remove web junk lines (site banners, "来源:…", disclaimers, URLs, page counters …) */
  clean?: boolean
  /** split a file holding several summaries into one document each */
  split?: boolean
  /** today as yyyy-mm-dd: gives the year to a signature date written "12月26日", flags future dates */
  today?: string
  /**
   * A piece of a document (pasted text), not a whole one: no title, subtitle or signature is
   * taken out, and placeholders stay text (the host document's figure table is not ours to
   * extend here). Never splits.
   */
  fragment?: boolean
  /** with `clean`: 1-based line numbers of lines to keep although they look like junk (the writer's choice) */
  keep?: readonly number[]
}

export interface ImportReport {
  headings: number
  runInHeadings: number
  linesJoined: number
  placeholders: number
  junkRemoved: number
  /** with `clean`: each removed line (1-based line number in the text, its text, why), in reading order */
  junkLines: JunkLine[]
  documents: number
  numberingGaps: NumberingGap[]
  warnings: string[]
}

export interface RecognizeResult {
  documents: SummaryDocument[]
  report: ImportReport
}

const JOIN_RULES: JoinRules = {
  startsBlock: (line) =>
    matchMarker(line) !== null || matchPiece(line) !== null || isCollectionHeader(line) || parseDateLine(line) !== null,
  isBareMarker: (line) => matchMarker(line)?.rest === '',
  standsAlone: (line) => parseDateLine(line) !== null || matchPiece(line) !== null || isCollectionHeader(line),
}

export function recognize(text: string, opts: RecognizeOptions = {}): RecognizeResult {
  const report: ImportReport = {
    headings: 0, runInHeadings: 0, linesJoined: 0, placeholders: 0, junkRemoved: 0, junkLines: [], documents: 0,
    numberingGaps: [], warnings: [],
  }
  const input = typeof text === 'string' ? text : ''
  const normalized = splitLines(input)
  if (normalized.controlRemoved) report.warnings.push(`removed ${normalized.controlRemoved} control characters`)
  let lines = normalized.lines
  if (opts.clean) {
    const cleaned = removeJunk(lines, new Set(opts.keep ?? []))
    lines = cleaned.lines
    report.junkRemoved = cleaned.removed.length
    report.junkLines = cleaned.removed
    report.linesJoined = cleaned.joined
  }
  const joined = joinWrappedLines(lines, JOIN_RULES)
  report.linesJoined += joined.joined

  let segments: string[][] = [joined.lines]
  if (opts.split && !opts.fragment) {
    const split = splitDocuments(joined.lines)
    segments = split.segments.length ? split.segments : [[]]
    report.warnings.push(...split.warnings)
  }
  const documents = segments.map((segment) => buildDocument(segment, opts, report))
  report.documents = documents.length
  return { documents, report }
}

interface BodyLine {
  text: string
  marker?: MarkerMatch
  shape?: HeadingShape
}

function buildDocument(lines: readonly string[], opts: RecognizeOptions, report: ImportReport): SummaryDocument {
  const { title, subtitle, body } = opts.fragment ? { title: '', subtitle: undefined, body: [...lines] } : extractTitle(lines)

  let signature: Signature | undefined
  const found = opts.fragment ? null : findSignature(body, opts.today)
  if (found) {
    signature = { organization: found.organization, dateStyle: found.date?.style ?? 'arabic' }
    if (found.date) {
      signature.date = found.date.iso
      if (opts.today && /^\d{4}-\d{2}-\d{2}$/.test(opts.today) && found.date.iso > opts.today) {
        report.warnings.push(`"${title}": the signature date ${found.date.iso} is after today (${opts.today})`)
      }
    }
    for (const i of [...found.used].sort((a, b) => b - a)) body.splice(i, 1)
  }

  // a marker with nothing after it (a bare "一、" the wrap did not join) is not a heading
  const items: BodyLine[] = body.map((text) => {
    const marker = matchMarker(text)
    return marker && marker.rest ? { text, marker, shape: shapeHeading(marker.rest) } : { text }
  })
  const levels = levelMap(items.flatMap((item) => (item.marker ? [item.marker] : [])))

  const numbering = new NumberingTracker()
  const figures = opts.fragment ? { figures: [] as Figure[], toInlines: (text: string): Inline[] => (text ? [{ type: 'text', text }] : []) } : new PlaceholderCollector()
  const blocks: Block[] = items.map((item) => {
    if (!item.marker || !item.shape) return { type: 'paragraph', children: figures.toInlines(item.text) }
    const level: HeadingLevel = levels.get(item.marker.kind) ?? 4
    numbering.see(level, item.marker)
    report.headings++
    const heading: Block = { type: 'heading', level, title: figures.toInlines(item.shape.title) }
    if (item.shape.body !== undefined) {
      heading.body = figures.toInlines(item.shape.body)
      report.runInHeadings++
    }
    return heading
  })
  if (blocks.length === 0) blocks.push({ type: 'paragraph', children: [] })
  report.numberingGaps.push(...numbering.gaps)
  report.placeholders += figures.figures.length

  const doc: SummaryDocument = { version: MODEL_VERSION, title, blocks, figures: figures.figures }
  if (subtitle !== undefined) doc.subtitle = subtitle
  if (signature) doc.signature = signature
  return doc
}
