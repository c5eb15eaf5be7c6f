/**
 * Import: a file's bytes → SummaryDocument(s) and a report. Node side, no Electron. `importFile`
 * runs in a worker thread (worker/tasks.ts) for the API's `documents.import` and snippet harvest.
 *
 *   .txt .text        decode.ts (encoding detection) → shared recognizer
 *   .md .markdown     decode.ts → markdown.ts (headings, marks, tables) → rich.ts → recognizer
 *   .docx             docx.ts (mammoth) → rich.ts → recognizer
 *   .pdf              pdf.ts (pdfjs-dist: positioned text → lines, page furniture removed) → recognizer
 *   .doc .wps         doc.ts (word-extractor: the body's paragraphs) → recognizer
 *   .rtf              rtf.ts (the body's text) → recognizer
 *   .html .htm        decode.ts (declared charset) → html.ts (main text) → rich.ts → recognizer
 *
 * The extension says what the writer meant; for the document formats (.doc, .wps, .docx, .pdf,
 * .html, .htm) the first bytes decide how the file is read: a ".doc" that is really a web page,
 * a .docx, an RTF file, a PDF or plain text is read as what it is (the report names that format). Text files (.txt, .md) are never re-routed:
 * a binary file named .txt is refused, naming what it is.
 *
 * Every refusal is an ApiError with an `import.*` code; every document returned passes
 * SummaryDocumentSchema.
 */
import path from 'node:path'
import { ApiError, IMPORT_FORMATS, type FileImportReport } from '../../../shared/api'
import type { Message } from '../../../shared/errors'
import { describeSchemaError, SummaryDocumentSchema, type SummaryDocument } from '../../../shared/document/model'
import { recognize, type RecognizeResult } from '../../../shared/recognizer'
import { checkImportSize, decodeDeclared, decodeText, emptyFileError, sniffBinaryFormat } from './decode'
import { docToText, looksLikeOle } from './doc'
import { readDocx } from './docx'
import { declaredCharset, htmlToItems } from './html'
import { ownImportResult } from './ownReport'
import { rtfToText } from './rtf'
import { looksLikeZip } from './zip'
import { markdownToItems } from './markdown'
import { recognizeRich } from './rich'
import { damagedReason } from './errors'

export type ImportFormat = FileImportReport['format']

export interface ImportOptions {
  /** remove web junk lines (see the recognizer) */
  clean?: boolean
  /** with `clean`: 1-based line numbers to keep although they look like junk */
  keepLines?: readonly number[]
  /** one document per summary when the file holds several */
  split?: boolean
  /** today as yyyy-mm-dd (dates the signature, flags future dates) */
  today?: string
}

export interface ImportResult {
  documents: SummaryDocument[]
  report: FileImportReport
}

const FORMATS: Readonly<Record<string, ImportFormat>> = IMPORT_FORMATS

/** The format for a file name, by its extension; a clear refusal for anything else. */
export function importFormatOf(name: string): ImportFormat {
  const ext = path.extname(name).toLowerCase()
  const format = FORMATS[ext]
  if (format) return format
  throw ext ? new ApiError('import.unsupportedExt', { ext }) : new ApiError('import.noExt')
}

/** Leading blanks and a UTF-8 byte-order mark, skipped when looking at how a text starts. */
function textStart(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++
  return new TextDecoder('latin1').decode(bytes.subarray(i, i + 512)).toLowerCase()
}

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)

/** A PDF's header may follow up to 1 KB of other bytes (as readers allow). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes('%PDF-')
}

/**
 * How a document file (by its extension: .doc, .wps, .docx, .pdf, .html) is read, by its first
 * bytes; text formats (.txt, .md) are read as named.
 */
export function sniffImportFormat(format: ImportFormat, bytes: Uint8Array): ImportFormat {
  if (format === 'txt' || format === 'md' || bytes.length === 0) return format
  if (format === 'rtf') return startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74]) ? 'rtf' : 'txt'
  if (looksLikePdf(bytes)) return 'pdf'
  if (looksLikeOle(bytes)) return format === 'wps' ? 'wps' : 'doc'
  if (looksLikeZip(bytes)) return 'docx'
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'
  const start = textStart(bytes)
  if (/^<(?:!doctype\s+html|html|head|body|meta|title|div|p[\s>]|table|!--|\?xml[^>]*>\s*<html)/.test(start)) return 'html'
  if (format === 'html') return 'html'
  if (format === 'pdf') throw new ApiError('import.pdfDamaged', {}, { reason: damagedReason.noPdfHeader() })
  if (format === 'docx') return 'docx' // docx.ts names what it is instead
  // a ".doc" or ".wps" that is plain text (some sites serve text under that name); a binary of
  // another kind is refused, naming it
  const kind = sniffBinaryFormat(bytes)
  if (kind) throw new ApiError('import.notDocKind', {}, { kind })
  return 'txt'
}

export async function importFile(input: { name: string; bytes: Uint8Array }, opts: ImportOptions = {}): Promise<ImportResult> {
  checkImportSize(input.bytes.length)
  const named = importFormatOf(input.name)
  const format = sniffImportFormat(named, input.bytes)
  const recognizeOpts = {
    clean: opts.clean ?? false, split: opts.split ?? false, ...(opts.today ? { today: opts.today } : {}), ...(opts.keepLines?.length ? { keep: opts.keepLines } : {}),
  }
  let result: RecognizeResult
  let encoding: string | undefined
  const warnings: Message[] = []
  if (format === 'docx') {
    if (input.bytes.length === 0) throw emptyFileError()
    const read = await readDocx(input.bytes)
    if ('model' in read) return ownImportResult(read.model)
    const items = read.items
    if (!items.some((i) => i.kind === 'table' || (i.kind === 'line' && i.runs.some((r) => r.text.trim()))))
      throw new ApiError('import.docxNoText')
    result = recognizeRich(items, recognizeOpts)
  } else if (format === 'pdf') {
    const { pdfToText } = await import('./pdf')
    const pdf = await pdfToText(input.bytes)
    warnings.push(...pdf.warnings)
    result = recognize(pdf.text, recognizeOpts)
  } else if (format === 'doc' || format === 'wps') {
    if (input.bytes.length === 0) throw emptyFileError()
    result = recognize(await docToText(input.bytes, named), recognizeOpts)
  } else if (format === 'rtf') {
    const text = rtfToText(input.bytes)
    if (!/[^\s\u3000]/.test(text)) throw new ApiError('import.docNoText')
    result = recognize(text, recognizeOpts)
  } else if (format === 'html') {
    const decoded = decodeDeclared(input.bytes, declaredCharset(input.bytes))
    encoding = decoded.encoding
    warnings.push(...decoded.warnings)
    const items = htmlToItems(decoded.text)
    if (!items.some((i) => i.kind === 'table' || (i.kind === 'line' && i.runs.some((r) => r.text.trim())))) throw new ApiError('import.htmlNoText')
    result = recognizeRich(items, recognizeOpts)
  } else {
    const decoded = decodeAs(named, input.bytes)
    encoding = decoded.encoding
    warnings.push(...decoded.warnings)
    result = format === 'md' ? recognizeRich(markdownToItems(decoded.text), recognizeOpts) : recognize(decoded.text, recognizeOpts)
  }

  for (const [i, doc] of result.documents.entries()) {
    const parsed = SummaryDocumentSchema.safeParse(doc)
    if (!parsed.success)
      throw new ApiError('import.schemaFailed', { index: i + 1, detail: describeSchemaError(parsed.error) })
  }
  const r = result.report
  const report: FileImportReport = {
    format,
    headings: r.headings,
    runInHeadings: r.runInHeadings,
    linesJoined: r.linesJoined,
    placeholders: r.placeholders,
    junkRemoved: r.junkRemoved,
    junkLines: r.junkLines.map((j) => ({ line: j.line, text: j.text, kind: j.kind })),
    documents: result.documents.length,
    suggestSplit: r.suggestSplit,
    pieces: r.pieces.map((p) => ({ title: p.title, chars: p.chars })),
    numberingGaps: r.numberingGaps.map((g) => ({ level: g.level, after: g.after, found: g.found, typed: g.typed, heading: g.heading, now: g.now })),
    warnings: [...warnings, ...r.warnings],
  }
  if (encoding) report.encoding = encoding
  return { documents: result.documents, report }
}

/** A text file; a .doc/.wps that turned out neither Word nor text is a damaged document. */
function decodeAs(named: ImportFormat, bytes: Uint8Array) {
  if (named !== 'doc' && named !== 'wps') return decodeText(bytes)
  try {
    return decodeText(bytes)
  } catch (err) {
    if (!(err instanceof ApiError) || (err.code !== 'import.binary' && err.code !== 'import.unreadable')) throw err
    throw named === 'wps' ? new ApiError('import.wpsUnreadable') : new ApiError('import.docDamaged', {}, { reason: damagedReason.notWordOrText() })
  }
}

export { checkImportSize, decodeText } from './decode'

/** Today in the local calendar, yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
