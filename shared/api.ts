/**
 * The API contract between the renderer and the back end. One table of methods, each with a zod
 * schema for its input and its output. Two transports carry it (Electron IPC and the browser
 * shell's HTTP); both validate the input on arrival, and the client validates the output.
 */
import { z } from 'zod'
import { SummaryDocumentSchema } from './document/model'
import { snippetsContract } from './snippets/api'
import { figureMethods } from './figures/contract'
import { outputContract } from './output/contract'

export const DocumentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not a document id')

export const DocumentSummarySchema = z.strictObject({
  id: DocumentIdSchema,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  trashedAt: z.number().nullable(),
  characters: z.number(),
  /** set when the stored JSON fails the schema: the document is listed, never dropped */
  invalid: z.string().optional(),
})
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>

export const DocumentRecordSchema = z.strictObject({
  id: DocumentIdSchema,
  model: SummaryDocumentSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  trashedAt: z.number().nullable(),
})
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>

export const RevisionSummarySchema = z.strictObject({
  id: z.number().int(),
  documentId: DocumentIdSchema,
  createdAt: z.number(),
  /** 'final' = a 定稿 (finals.* methods) */
  reason: z.enum(['interval', 'manual', 'import', 'restore', 'final']),
  characters: z.number(),
})
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>

export const SearchHitSchema = z.strictObject({
  id: DocumentIdSchema,
  title: z.string(),
  updatedAt: z.number(),
  /** a stretch of text around the first match */
  excerpt: z.string(),
  matchedTitle: z.boolean(),
})
export type SearchHit = z.infer<typeof SearchHitSchema>

export const LibraryInfoSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('open'), path: z.string(), documents: z.number() }),
  z.strictObject({ state: z.literal('unavailable'), path: z.string(), reason: z.string() }),
])
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>

/** Largest file `documents.import` accepts (bytes), and its base64 length. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4

/** What an import found and did: the recognizer's counts plus the file's format and encoding. */
export const ImportReportSchema = z.strictObject({
  format: z.enum(['txt', 'md', 'docx']),
  /** the text encoding detected for .txt/.md: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5 */
  encoding: z.string().optional(),
  headings: z.number().int().nonnegative(),
  runInHeadings: z.number().int().nonnegative(),
  linesJoined: z.number().int().nonnegative(),
  placeholders: z.number().int().nonnegative(),
  junkRemoved: z.number().int().nonnegative(),
  /** with `clean`: each removed line — 1-based line number in the decoded text, its text, why (junk kind) */
  junkLines: z.array(z.strictObject({ line: z.number().int().positive(), text: z.string(), kind: z.string() })),
  documents: z.number().int().nonnegative(),
  /** the file clearly holds several summaries (篇一/篇二 labels, a repeated title): offer split, checked */
  suggestSplit: z.boolean(),
  /** the summaries the file holds when two or more (split or not): title as split gives it, 字数 */
  pieces: z.array(z.strictObject({ title: z.string(), chars: z.number().int().nonnegative() })),
  /** heading numbers the writer skipped or repeated ("(七)" then "(九)") */
  numberingGaps: z.array(z.strictObject({ level: z.number().int(), after: z.number().int(), found: z.number().int() })),
  warnings: z.array(z.string()),
})
export type FileImportReport = z.infer<typeof ImportReportSchema>

const Empty = z.strictObject({})
const ById = z.strictObject({ id: DocumentIdSchema })
const Ok = z.strictObject({ ok: z.literal(true) })

/** The method table. Add a method here, then implement it in electron/services/handlers.ts. */
export const apiContract = {
  'library.info': { input: Empty, output: LibraryInfoSchema },
  /** Open another library file, or create a fresh one at path (never overwriting a file). */
  'library.open': {
    input: z.strictObject({ path: z.string().min(1), create: z.boolean() }),
    output: LibraryInfoSchema,
  },
  'documents.list': {
    input: z.strictObject({ trash: z.boolean().optional() }),
    output: z.array(DocumentSummarySchema),
  },
  'documents.create': {
    input: z.strictObject({ title: z.string().max(500), model: SummaryDocumentSchema.optional() }),
    output: DocumentRecordSchema,
  },
  'documents.get': { input: ById, output: DocumentRecordSchema },
  'documents.save': {
    input: z.strictObject({ id: DocumentIdSchema, model: SummaryDocumentSchema }),
    output: z.strictObject({ updatedAt: z.number() }),
  },
  'documents.snapshot': {
    input: z.strictObject({ id: DocumentIdSchema, reason: z.enum(['interval', 'manual']) }),
    output: RevisionSummarySchema.nullable(),
  },
  'documents.rename': {
    input: z.strictObject({ id: DocumentIdSchema, title: z.string().max(500) }),
    output: DocumentSummarySchema,
  },
  /** 以此为底稿新建: a new document starting from this one's text */
  'documents.duplicate': {
    input: z.strictObject({ id: DocumentIdSchema, title: z.string().max(500).optional() }),
    output: DocumentRecordSchema,
  },
  'documents.trash': { input: ById, output: Ok },
  'documents.restore': { input: ById, output: Ok },
  'documents.purge': { input: ById, output: Ok },
  'documents.search': {
    input: z.strictObject({ query: z.string().max(200) }),
    output: z.array(SearchHitSchema),
  },
  'revisions.list': { input: ById, output: z.array(RevisionSummarySchema) },
  /**
   * A .txt/.text/.md/.markdown/.docx file → document model(s) through the recognizer. The bytes travel
   * as base64 (IPC and JSON alike). With `save` the documents are also created in the library, all
   * in one transaction; otherwise they are only returned (the editor inserts them as one undo step).
   */
  'documents.import': {
    input: z.strictObject({
      name: z.string().min(1).max(260),
      dataBase64: z
        .string()
        .max(IMPORT_MAX_BASE64, `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，无法导入 / the file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, '不是 base64 数据 / not base64 data'),
      clean: z.boolean().optional(),
      /** with `clean`: line numbers (report.junkLines[].line) the writer keeps */
      keepLines: z.array(z.number().int().positive()).max(100_000).optional(),
      split: z.boolean().optional(),
      /** with `split`: indexes of the pieces (report.pieces) to return and save; all when absent */
      pieces: z.array(z.number().int().nonnegative()).max(10_000).optional(),
      save: z.boolean().optional(),
    }),
    output: z.strictObject({
      documents: z.array(SummaryDocumentSchema),
      report: ImportReportSchema,
      saved: z.array(DocumentSummarySchema),
    }),
  },
  /** 数据表: figures of a stored document (CLI) and spreadsheets — see shared/figures/contract.ts */
  ...figureMethods,
  /** 素材库: search, edit, categories, import/export, harvest (shared/snippets/api.ts) */
  ...snippetsContract,
  /** 出稿: export, print, 定稿, seal and signature images (shared/output/contract.ts) */
  ...outputContract,
} as const

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>

export const API_METHODS = Object.keys(apiContract) as ApiMethod[]
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name)
}

export const ApiErrorCodeSchema = z.enum([
  'bad_request', // the input failed its schema
  'unknown_method',
  'unauthorized', // missing or wrong session token, foreign frame
  'not_found',
  'invalid_document', // a stored document fails the schema
  'library_unavailable', // the library file cannot be opened
  'conflict',
  'internal',
])
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>

export const ApiErrorSchema = z.strictObject({ code: ApiErrorCodeSchema, message: z.string() })

/** What every transport carries back: a result, or a typed error. */
export const ApiResponseSchema = z.union([
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ApiErrorSchema }),
])
export type ApiResponse = z.infer<typeof ApiResponseSchema>

export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
  }
}

/** What the renderer holds: one typed call per method. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
}

/** The IPC channel name for a method (one handler per method in Electron main). */
export const ipcChannel = (method: ApiMethod): string => `draftdesk:${method}`
