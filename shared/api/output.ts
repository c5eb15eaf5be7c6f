/** 出稿: export (DOCX, PDF, TXT, Markdown), print, and 定稿 (named final revisions). */
import { z } from 'zod'
import { SummaryDocumentSchema } from '../document/model'
import { DocumentIdSchema, type Contract } from './common'

export const EXPORT_FORMATS = ['docx', 'pdf', 'txt', 'md'] as const
export const ExportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormatSchema>

export const FinalSummarySchema = z.strictObject({
  revisionId: z.number().int(),
  documentId: DocumentIdSchema,
  name: z.string(),
  author: z.string(),
  createdAt: z.number(),
  /** "sha256:" + 64 hex digits */
  fingerprint: z.string(),
  /** "3f2a-9c1e-77b0" */
  short: z.string(),
})
export type FinalSummary = z.infer<typeof FinalSummarySchema>

export const outputContract = {
  /** A finished file (DOCX, PDF, TXT or Markdown) of the document, or of one of its 定稿. */
  'export.render': {
    input: z.strictObject({
      id: DocumentIdSchema,
      format: ExportFormatSchema,
      revisionId: z.number().int().optional(),
      /** the text as the editor holds it, when the library could not store it (另存为… after a failed save) */
      model: SummaryDocumentSchema.optional(),
      /** PDF: print the 定稿 mark at the foot of every page (GB/T 9704 has none: only when the writer asks) */
      printMark: z.boolean().optional(),
    }),
    output: z.strictObject({
      fileName: z.string(),
      mime: z.string(),
      dataBase64: z.string(),
      final: FinalSummarySchema.nullable(),
      /** PDF: the pages (1-based) where the pagination rules had to give way (check.pagesForced) */
      forcedPages: z.array(z.number().int()).optional(),
    }),
  },
  /**
   * The system print dialog for the document (Electron: webContents.print). Where the host cannot
   * print (the browser shell) the answer is `printed: false` and the page prints its preview itself.
   */
  'export.print': {
    input: z.strictObject({ id: DocumentIdSchema, revisionId: z.number().int().optional(), printMark: z.boolean().optional() }),
    output: z.strictObject({ printed: z.boolean() }),
  },
  /** 定稿: freezes the document's current text as a named final revision. */
  'finals.create': {
    input: z.strictObject({ id: DocumentIdSchema, name: z.string().trim().min(1, 'finals.nameRequired').max(100), author: z.string().trim().min(1, 'finals.authorRequired').max(50) }),
    output: FinalSummarySchema,
  },
  'finals.list': {
    input: z.strictObject({ id: DocumentIdSchema }),
    /** also answers for a purged document, whose 定稿 stay: then currentFingerprint is null */
    output: z.strictObject({ finals: z.array(FinalSummarySchema), lastAuthor: z.string(), currentFingerprint: z.string().nullable() }),
  },
  'finals.get': {
    input: z.strictObject({ revisionId: z.number().int() }),
    output: z.strictObject({ final: FinalSummarySchema, model: SummaryDocumentSchema }),
  },
} as const satisfies Contract
