/**
 * Import: a file's bytes → SummaryDocument(s) and a report. Node side, no Electron: the API handler
 * (`documents.import`), the CLI (`import FILE`) and the bench call `importFile`.
 *
 *   .txt .text        decode.ts (encoding detection) → shared recognizer
 *   .md .markdown     decode.ts → markdown.ts (headings, marks, tables) → rich.ts → recognizer
 *   .docx             docx.ts (mammoth) → rich.ts → recognizer
 *
 * Every refusal is an ApiError('bad_request', '中文 / English'); every document returned passes
 * SummaryDocumentSchema.
 */
import path from 'node:path'
import { ApiError, type DocumentSummary, type FileImportReport } from '../../../shared/api'
import { describeSchemaError, SummaryDocumentSchema, type SummaryDocument } from '../../../shared/document/model'
import { recognize, type RecognizeResult } from '../../../shared/recognizer'
import type { DocumentStore } from '../library'
import { checkImportSize, decodeText, emptyFileError } from './decode'
import { docxToItems } from './docx'
import { badFile } from './errors'
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
  if (ext === '.doc' || ext === '.wps')
    throw badFile(
      `不支持旧版 Word/WPS 文档（${ext}）：请另存为 .docx 后再导入`,
      `old-style Word/WPS documents (${ext}) are not supported: save the file as .docx and import it again`,
    )
  throw badFile(
    `不支持导入${ext ? ` ${ext} ` : '没有扩展名的'}文件：可以导入 .txt、.md、.docx`,
    `${ext ? `${ext} files` : 'files without an extension'} cannot be imported: use .txt, .md or .docx`,
  )
}

export async function importFile(input: { name: string; bytes: Uint8Array }, opts: ImportOptions = {}): Promise<ImportResult> {
  checkImportSize(input.bytes.length)
  const format = importFormatOf(input.name)
  const recognizeOpts = {
    clean: opts.clean ?? false, split: opts.split ?? false, ...(opts.today ? { today: opts.today } : {}), ...(opts.keepLines?.length ? { keep: opts.keepLines } : {}),
  }
  let result: RecognizeResult
  let encoding: string | undefined
  const warnings: string[] = []
  if (format === 'docx') {
    if (input.bytes.length === 0) throw emptyFileError()
    const items = await docxToItems(input.bytes)
    if (!items.some((i) => i.kind === 'table' || (i.kind === 'line' && i.runs.some((r) => r.text.trim()))))
      throw badFile('Word 文件里没有文字，没有可导入的内容', 'the Word file holds no text: there is nothing to import')
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
      throw new ApiError('internal', `导入结果不符合文档格式 / imported document ${i + 1} fails the schema: ${describeSchemaError(parsed.error)}`)
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

/**
 * The `documents.import` handler: base64 → importFile → optionally saved, all in one transaction.
 * A document without a title is saved under the file's name (the returned model keeps its '').
 * `store` is null when the caller did not ask to save.
 */
export async function importDocuments(
  input: {
    name: string; dataBase64: string; clean?: boolean | undefined; split?: boolean | undefined
    keepLines?: readonly number[] | undefined; pieces?: readonly number[] | undefined
  },
  store: Pick<DocumentStore, 'createMany'> | null,
): Promise<{ documents: SummaryDocument[]; report: FileImportReport; saved: DocumentSummary[] }> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const imported = await importFile(
    { name: input.name, bytes },
    { clean: input.clean ?? false, split: input.split ?? false, today: localToday(), ...(input.keepLines ? { keepLines: input.keepLines } : {}) },
  )
  const { report } = imported
  // with split, only the pieces the writer chose (all when none are named)
  const chosen = input.split && input.pieces ? new Set(input.pieces) : null
  const documents = chosen ? imported.documents.filter((_, i) => chosen.has(i)) : imported.documents
  const fallback = path.basename(input.name, path.extname(input.name)).slice(0, 200)
  const saved = store ? store.createMany(documents.map((d) => (d.title.trim() ? d : { ...d, title: fallback }))) : []
  return { documents, report, saved }
}
