/**
 * The output part of the API contract (export, print, 定稿, seal and signature images). Spread into
 * `apiContract` in shared/api.ts; implemented in electron/services/export and electron/services/assets.
 */
import { z } from 'zod'
import { SummaryDocumentSchema } from '../document/model'
import { base64Data } from '../errors/schemas'

const DocId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'input.notDocumentId')

export const EXPORT_FORMATS = ['docx', 'pdf', 'txt', 'md'] as const
export const ExportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormatSchema>

export const AssetKindSchema = z.enum(['seal', 'signature'])
export type AssetKind = z.infer<typeof AssetKindSchema>
export const AssetIdSchema = z.string().regex(/^a[0-9a-f]{24}$/, 'input.notAssetId')

export const AssetSummarySchema = z.strictObject({
  id: AssetIdSchema,
  kind: AssetKindSchema,
  name: z.string(),
  mime: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  createdAt: z.number(),
})
export type AssetSummary = z.infer<typeof AssetSummarySchema>

/** Largest seal/signature image accepted (bytes) and its base64 length. */
export const ASSET_MAX_BYTES = 5 * 1024 * 1024
export const ASSET_MAX_BASE64 = Math.ceil(ASSET_MAX_BYTES / 3) * 4

export const FinalSummarySchema = z.strictObject({
  revisionId: z.number().int(),
  documentId: DocId,
  name: z.string(),
  author: z.string(),
  createdAt: z.number(),
  /** "sha256:" + 64 hex digits */
  fingerprint: z.string(),
  /** "3f2a-9c1e-77b0" */
  short: z.string(),
})
export type FinalSummary = z.infer<typeof FinalSummarySchema>

const Ok = z.strictObject({ ok: z.literal(true) })

export const outputContract = {
  /** A finished file (DOCX, PDF, TXT or Markdown) of the document, or of one of its 定稿. */
  'export.render': {
    input: z.strictObject({ id: DocId, format: ExportFormatSchema, revisionId: z.number().int().optional() }),
    output: z.strictObject({ fileName: z.string(), mime: z.string(), dataBase64: z.string(), final: FinalSummarySchema.nullable() }),
  },
  /**
   * The system print dialog for the document (Electron: webContents.print). Where the host cannot
   * print (the browser shell) the answer is `printed: false` and the page prints its preview itself.
   */
  'export.print': {
    input: z.strictObject({ id: DocId, revisionId: z.number().int().optional() }),
    output: z.strictObject({ printed: z.boolean() }),
  },
  /** 定稿: freezes the document's current text as a named final revision. */
  'finals.create': {
    input: z.strictObject({ id: DocId, name: z.string().trim().min(1, 'finals.nameRequired').max(100), author: z.string().trim().min(1, 'finals.authorRequired').max(50) }),
    output: FinalSummarySchema,
  },
  'finals.list': {
    input: z.strictObject({ id: DocId }),
    output: z.strictObject({ finals: z.array(FinalSummarySchema), lastAuthor: z.string(), currentFingerprint: z.string() }),
  },
  'finals.get': {
    input: z.strictObject({ revisionId: z.number().int() }),
    output: z.strictObject({ final: FinalSummarySchema, model: SummaryDocumentSchema }),
  },
  'assets.add': {
    input: z.strictObject({ kind: AssetKindSchema, name: z.string().min(1).max(260), dataBase64: base64Data(ASSET_MAX_BYTES) }),
    output: AssetSummarySchema,
  },
  'assets.list': { input: z.strictObject({ kind: AssetKindSchema.optional() }), output: z.array(AssetSummarySchema) },
  'assets.get': { input: z.strictObject({ id: AssetIdSchema }), output: z.strictObject({ asset: AssetSummarySchema, dataBase64: z.string() }) },
  'assets.remove': { input: z.strictObject({ id: AssetIdSchema }), output: Ok },
} as const
