/**
 * Import: a file's bytes → SummaryDocument(s) and a report. Node side, no Electron. `importFile`
 * runs in a worker thread (worker/tasks.ts) for the API's `documents.import` and snippet harvest.
 *
 *   .txt .text        decode.ts (encoding detection) → shared recognizer
 *   .md .markdown     decode.ts → markdown.ts (headings, marks, tables) → rich.ts → recognizer
 *   .docx             docx.ts (mammoth) → rich.ts → recognizer
 *
 * Every refusal is an ApiError with an `import.*` code; every document returned passes
 * SummaryDocumentSchema.
 */
import path from 'node:path'
import { ApiError, type FileImportReport } from '../../../shared/api'
import type { Message } from '../../../shared/errors'
import { describeSchemaError, SummaryDocumentSchema, type SummaryDocument } from '../../../shared/document/model'
import { recognize, type RecognizeResult } from '../../../shared/recognizer'
import { checkImportSize, decodeText, emptyFileError } from './decode'
import { readDocx } from './docx'
import { ownImportResult } from './ownReport'
import { markdownToItems } from './markdown'
import { recognizeRich } from './rich'

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

const FORMATS: Record<string, ImportFormat> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx' }

/** The format for a file name, by its extension; a clear refusal for anything else. */
export function importFormatOf(name: string): ImportFormat {
  const ext = path.extname(name).toLowerCase()
  const format = FORMATS[ext]
  if (format) return format
  if (ext === '.doc' || ext === '.wps') throw new ApiError('import.oldWord', { ext })
  throw ext ? new ApiError('import.unsupportedExt', { ext }) : new ApiError('import.noExt')
}

export async function importFile(input: { name: string; bytes: Uint8Array }, opts: ImportOptions = {}): Promise<ImportResult> {
  checkImportSize(input.bytes.length)
  const format = importFormatOf(input.name)
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
  } else {
    const decoded = decodeText(input.bytes)
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
    numberingGaps: r.numberingGaps.map((g) => ({ level: g.level, after: g.after, found: g.found })),
    warnings: [...warnings, ...r.warnings],
  }
  if (encoding) report.encoding = encoding
  return { documents: result.documents, report }
}

export { checkImportSize, decodeText } from './decode'

/** Today in the local calendar, yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
