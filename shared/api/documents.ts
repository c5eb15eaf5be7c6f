/** The documents of the 文稿库: list, create, open, save, revisions, trash, search. */
import { z } from 'zod'
import { MessageSchema } from '../errors/message'
import { SummaryDocumentSchema } from '../document/model'
import { RolloverPlanSchema } from '../document/rollover'
import { ById, DocumentIdSchema, Ok, type Contract } from './common'

export const DocumentSummarySchema = z.strictObject({
  id: DocumentIdSchema,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  trashedAt: z.number().nullable(),
  characters: z.number(),
  /** raised by one on every stored change of the text (see documents.save) */
  version: z.number().int(),
  /** set when the stored JSON fails the schema: the document is listed, never dropped */
  invalid: MessageSchema.optional(),
})
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>

export const DocumentRecordSchema = z.strictObject({
  id: DocumentIdSchema,
  model: SummaryDocumentSchema,
  /** raised by one on every stored change of the text; a save names the version it was made from */
  version: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  trashedAt: z.number().nullable(),
})
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>

export const RevisionSummarySchema = z.strictObject({
  id: z.number().int(),
  documentId: DocumentIdSchema,
  createdAt: z.number(),
  /**
   * 'final' = a 定稿 (finals.* methods); 'conflict' = a text that could not become the current one
   * because the document had changed elsewhere since it was loaded (or the text it replaced then)
   */
  reason: z.enum(['interval', 'manual', 'import', 'restore', 'final', 'conflict']),
  characters: z.number(),
  /** a 定稿's name ("报送稿") */
  name: z.string().optional(),
})
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>

/**
 * What a save answers. 'saved': the text is now the current one, at `version`. 'conflict': the
 * document had changed since `baseVersion` (another window, the CLI): the current text stays as it
 * is (at `version`) and the text sent is kept as the revision `revisionId` (reason 'conflict').
 * Nothing is overwritten either way.
 */
export const SaveResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), version: z.number().int(), updatedAt: z.number() }),
  z.strictObject({ status: z.literal('conflict'), version: z.number().int(), updatedAt: z.number(), revisionId: z.number().int() }),
])
export type SaveResult = z.infer<typeof SaveResultSchema>

export const SearchHitSchema = z.strictObject({
  id: DocumentIdSchema,
  title: z.string(),
  updatedAt: z.number(),
  /** a stretch of text around the first match */
  excerpt: z.string(),
  matchedTitle: z.boolean(),
})
export type SearchHit = z.infer<typeof SearchHitSchema>

export const documentsContract = {
  'documents.list': {
    input: z.strictObject({ trash: z.boolean().optional() }),
    output: z.array(DocumentSummarySchema),
  },
  /**
   * `reuseUntouched` (新建): an empty new document never touched since it was made is handed out
   * again instead of another one being made, so empty 未命名文稿 do not pile up in the list.
   */
  'documents.create': {
    input: z.strictObject({ title: z.string().max(500), model: SummaryDocumentSchema.optional(), reuseUntouched: z.boolean().optional() }),
    output: DocumentRecordSchema,
  },
  'documents.get': { input: ById, output: DocumentRecordSchema },
  /**
   * Autosave. `baseVersion` is the version the text was made from (documents.get/create, or the
   * last save's answer). `keepCurrent` (保留我的 after a conflict, 恢复 of unsaved text): the text
   * being replaced is first kept as a 'conflict' revision.
   */
  'documents.save': {
    input: z.strictObject({ id: DocumentIdSchema, model: SummaryDocumentSchema, baseVersion: z.number().int().min(0), keepCurrent: z.boolean().optional() }),
    output: SaveResultSchema,
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
  /**
   * 新年度底稿: the plan (year changes, figures to refill) and, with apply, the new document made
   * from it; the source is not changed. toYear defaults to the year after the document's.
   */
  'documents.rollover': {
    input: z.strictObject({ id: DocumentIdSchema, toYear: z.number().int().min(1000).max(9999).optional(), apply: z.boolean() }),
    output: z.strictObject({ plan: RolloverPlanSchema, record: DocumentRecordSchema.nullable() }),
  },
  'documents.trash': { input: ById, output: Ok },
  'documents.restore': { input: ById, output: Ok },
  /**
   * Removes a trashed document for good. Its 定稿 stay (finals.get and verify still find them)
   * unless `deleteFinals` is set and `confirmName` repeats the document's title (its id when it
   * has no title): a 定稿 may have been sent out, so deleting it takes more than one click.
   */
  'documents.purge': {
    input: z.strictObject({ id: DocumentIdSchema, deleteFinals: z.boolean().optional(), confirmName: z.string().max(500).optional() }),
    output: z.strictObject({ ok: z.literal(true), keptFinals: z.number().int() }),
  },
  'documents.search': {
    input: z.strictObject({ query: z.string().max(200) }),
    output: z.array(SearchHitSchema),
  },
  'revisions.list': { input: ById, output: z.array(RevisionSummarySchema) },
} as const satisfies Contract
