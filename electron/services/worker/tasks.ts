/**
 * What runs in a worker thread: every parse of a file the writer hands us (imports, spreadsheets,
 * snippet files, harvest, seal images, DOCX and PDF verification). Each task is a plain function of
 * cloneable input; a large result comes back as JSON bytes (see rawJson.ts), transferred rather
 * than copied, so the main thread neither builds nor walks it.
 *
 * Only the worker entry (entry.ts) imports this module at run time; the main side imports its
 * types. Each task loads the modules it needs when it runs (a .txt import never loads exceljs or
 * mammoth), so a worker starts quickly.
 */
import path from 'node:path'
import { ApiError } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'
import type { HarvestGroup, HarvestSource, ParsedImport } from '../../../shared/snippets'
import type { ImageInfo } from '../assets/image'
import type { StoredColumns } from '../documents/store'
import type { PreparedDocument } from './documentBodies'
import type { DocxVerifyRead } from '../output/verifyDocx'
import type { PdfVerifyRead } from '../output/pdfText'

/** JSON bytes of a value, in an ArrayBuffer of their own (so they can be transferred). */
function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value))
}

/** A file's base64 → bytes; checked here rather than by the contract's schema on the main thread. */
function decode(base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new ApiError('input.notBase64')
  return new Uint8Array(Buffer.from(base64, 'base64'))
}

export interface ImportTaskInput {
  name: string
  /** the file as the API received it (decoded here, off the main thread) */
  dataBase64: string
  clean: boolean
  split: boolean
  today: string
  /** line numbers the writer kept although the recognizer took them for junk */
  keepLines?: readonly number[]
  /** with `split`: indexes of the pieces to return and save; all when absent */
  pieces?: readonly number[]
  /** also prepare the rows to store (documents.import with save) */
  save: boolean
}

export interface ImportTaskOutput {
  /** `{ documents, report }` as JSON */
  json: Uint8Array
  /** the stored columns of each document, titled by the file's name when untitled */
  stored: StoredColumns[] | null
}

async function importTask(input: ImportTaskInput): Promise<ImportTaskOutput> {
  const [{ importFile }, { columnsFor }] = await Promise.all([import('../import/store'), import('../documents/store')])
  const imported = await importFile(
    { name: input.name, bytes: decode(input.dataBase64) },
    { clean: input.clean, split: input.split, today: input.today, ...(input.keepLines ? { keepLines: input.keepLines } : {}) },
  )
  const { report } = imported
  // with split, only the pieces the writer chose (all when none are named)
  const chosen = input.split && input.pieces ? new Set(input.pieces) : null
  const documents = chosen ? imported.documents.filter((_, i) => chosen.has(i)) : imported.documents
  const fallback = path.basename(input.name, path.extname(input.name)).slice(0, 200)
  const stored = input.save ? documents.map((d) => columnsFor(d.title.trim() ? d : { ...d, title: fallback })) : null
  return { json: jsonBytes({ documents, report }), stored }
}

/** `{ rows }` of a spreadsheet as JSON (cells: string, number, boolean or null). */
async function sheetTask(input: { name: string; dataBase64: string }): Promise<{ json: Uint8Array }> {
  const { readSheet } = await import('../figures/sheets')
  const rows = await readSheet(input.name, decode(input.dataBase64))
  return { json: jsonBytes({ rows: rows.map((r) => r.map((c) => (c === undefined ? null : c))) }) }
}

async function snippetFileTask(input: { name: string; dataBase64: string }): Promise<ParsedImport> {
  const [{ decodeText }, { parseSnippetFile }] = await Promise.all([import('../import/decode'), import('../../../shared/snippets')])
  const bytes = decode(input.dataBase64)
  if (bytes.length === 0) throw new ApiError('snippets.emptyFile')
  return parseSnippetFile(input.name, decodeText(bytes).text)
}

/** Why a source could not be read: its refusal, or the fault as it was raised. */
function reasonOf(err: unknown): Message {
  return err instanceof ApiError ? err.toMessage() : msg('internal.app', { detail: err instanceof Error ? err.message : String(err) })
}

/** Harvest, part one: the files imported as documents (the same import as documents.import). */
async function harvestFilesTask(input: { files: { name: string; dataBase64: string }[] }): Promise<{ sources: HarvestSource[]; problems: Message[] }> {
  const { importFile } = await import('../import/store')
  const sources: HarvestSource[] = []
  const problems: Message[] = []
  for (const file of input.files) {
    try {
      // several summaries in one file count as several documents
      const result = await importFile({ name: file.name, bytes: decode(file.dataBase64) }, { clean: true, split: true })
      result.documents.forEach((doc, i) =>
        sources.push({ title: doc.title || (result.documents.length > 1 ? `${path.basename(file.name)}（第${i + 1}篇）` : path.basename(file.name)), doc }),
      )
    } catch (err) {
      problems.push(msg('harvest.fileFailed', { name: file.name }, { reason: reasonOf(err) }))
    }
  }
  return { sources, problems }
}

/** Harvest, part two: the paragraphs of every source compared and grouped. */
async function harvestTask(input: { sources: HarvestSource[] }): Promise<{ groups: HarvestGroup[]; paragraphs: number }> {
  const { harvest } = await import('../../../shared/snippets')
  const groups = harvest(input.sources)
  return { groups, paragraphs: groups.reduce((n, g) => n + g.members.length, 0) }
}

/** A seal or signature image: what it is (checked by decoding it), and its bytes. */
async function imageTask(input: { dataBase64: string }): Promise<{ info: ImageInfo; bytes: Uint8Array }> {
  const { inspectImage } = await import('../assets/image')
  const bytes = decode(input.dataBase64)
  return { info: inspectImage(bytes), bytes }
}

async function docxVerifyTask(input: { bytes: Uint8Array }): Promise<DocxVerifyRead> {
  const { readDocxForVerify } = await import('../output/verifyDocx')
  return readDocxForVerify(input.bytes)
}

/** A PDF's fingerprint and what its pages show, read with pdf.js (see output/pdfText.ts). */
async function pdfVerifyTask(input: { bytes: Uint8Array }): Promise<PdfVerifyRead> {
  const { readPdfForVerify } = await import('../output/pdfText')
  return readPdfForVerify(input.bytes)
}

/**
 * A request body of a method that takes a file (see fileMethods.ts): parsed and checked against
 * the contract here, its file read by the method's task; the method's input comes back without
 * the file's data, with the task's output.
 */
async function requestTask(request: { method: string; body: Uint8Array }): Promise<{ input: unknown; output: unknown }> {
  const [{ checkInput }, { FILE_METHODS, isFileMethod, withoutFile }, { isApiMethod }] = await Promise.all([import('../input'), import('./fileMethods'), import('../../../shared/api')])
  const method = request.method
  if (!isApiMethod(method) || !isFileMethod(method)) throw new ApiError('request.unknownMethod', { method: method.slice(0, 80) })
  const checked = checkInput(method, parseBody(request.body))
  if (!checked.ok) throw new ApiError(checked.error)
  const job = (FILE_METHODS[method] as (i: unknown) => { task: Exclude<TaskName, 'request'>; input: never })(checked.input)
  const output = await TASKS[job.task](job.input)
  return { input: withoutFile(method, checked.input as never), output }
}

/** A request body as JSON; the refusal the main thread gives for one that is not. */
function parseBody(body: Uint8Array): unknown {
  try {
    const text = new TextDecoder('utf-8').decode(body)
    return text ? JSON.parse(text) : {}
  } catch {
    throw new ApiError('request.badJson')
  }
}

/**
 * A large documents.create / documents.save body (see documentBodies.ts): parsed, checked against
 * the contract and its model turned into the stored columns here; the input comes back without it.
 */
async function documentBodyTask(request: { method: string; body: Uint8Array }): Promise<PreparedDocument> {
  const [{ checkInput }, { columnsFor, createdModel }] = await Promise.all([import('../input'), import('../documents/store')])
  const method = request.method
  if (method === 'documents.create') {
    const checked = checkInput(method, parseBody(request.body))
    if (!checked.ok) throw new ApiError(checked.error)
    const { model, ...input } = checked.input
    return { input, columns: columnsFor(createdModel(input.title, model)) }
  }
  if (method === 'documents.save') {
    const checked = checkInput(method, parseBody(request.body))
    if (!checked.ok) throw new ApiError(checked.error)
    const { model, ...input } = checked.input
    return { input, columns: columnsFor(model) }
  }
  throw new ApiError('request.unknownMethod', { method: method.slice(0, 80) })
}

export const TASKS = {
  import: importTask,
  sheet: sheetTask,
  snippetFile: snippetFileTask,
  harvestFiles: harvestFilesTask,
  harvest: harvestTask,
  image: imageTask,
  docxVerify: docxVerifyTask,
  pdfVerify: pdfVerifyTask,
  request: requestTask,
  documentBody: documentBodyTask,
}

export type Tasks = typeof TASKS
export type TaskName = keyof Tasks
export type TaskInput<T extends TaskName> = Parameters<Tasks[T]>[0]
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<Tasks[T]>>
