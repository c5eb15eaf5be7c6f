/** 出稿: export (DOCX, PDF, TXT, Markdown), print, and 定稿 (named final revisions). */
import { z } from 'zod'
import { SummaryDocumentSchema } from '../document/model'
import { DocumentIdSchema, type Contract } from './common'

export const EXPORT_FORMATS = ['docx', 'pdf', 'txt', 'md'] as const
export const ExportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormatSchema>

/** Bounds of the 批注 an export may carry (a team document's threads, as Word comments). */
export const EXPORT_COMMENTS_MAX = 1000
export const EXPORT_REPLIES_MAX = 200
export const EXPORT_COMMENT_TEXT_MAX = 5000
/** all comment and reply texts together (a long review is some ten thousand characters) */
export const EXPORT_COMMENTS_CHARS_MAX = 2_000_000

/**
 * A place in the exported model: `block` is the index in the model's `blocks` (or the title or
 * subtitle), `offset` counts characters (UTF-16 code units) in that block's text as the output
 * shows it: a heading's title then its run-in body, a table's cells row by row (a cell's lines
 * joined by one "\n"), a figure as its shown text, a line break as one character.
 */
export const ExportCommentPointSchema = z.strictObject({
  block: z.union([z.number().int().min(0), z.enum(['title', 'subtitle'])]),
  offset: z.number().int().min(0),
})
export type ExportCommentPoint = z.infer<typeof ExportCommentPointSchema>

const commentAuthor = z.string().min(1).max(100)
export const ExportCommentSchema = z.strictObject({
  id: z.string().min(1).max(100),
  anchor: z.strictObject({ start: ExportCommentPointSchema, end: ExportCommentPointSchema }),
  author: commentAuthor,
  /** ISO date and time */
  date: z.iso.datetime({ offset: true }),
  text: z.string().min(1).max(EXPORT_COMMENT_TEXT_MAX),
  resolved: z.boolean(),
  replies: z.array(z.strictObject({ author: commentAuthor, date: z.iso.datetime({ offset: true }), text: z.string().min(1).max(EXPORT_COMMENT_TEXT_MAX) })).max(EXPORT_REPLIES_MAX),
})
export type ExportComment = z.infer<typeof ExportCommentSchema>

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
      /**
       * DOCX only: a team document's 批注 as Word comments on the words they are anchored to. Never
       * part of the text: the fingerprint and verify ignore them. Other formats refuse none and write none.
       */
      comments: z
        .array(ExportCommentSchema)
        .max(EXPORT_COMMENTS_MAX)
        .refine((list) => list.reduce((n, c) => n + c.text.length + c.replies.reduce((m, r) => m + r.text.length, 0), 0) <= EXPORT_COMMENTS_CHARS_MAX, 'export.commentsTooLong')
        .optional(),
    }),
    output: z.strictObject({
      fileName: z.string(),
      mime: z.string(),
      dataBase64: z.string(),
      final: FinalSummarySchema.nullable(),
      /** PDF: the pages (1-based) where the pagination rules had to give way (check.pagesForced) */
      forcedPages: z.array(z.number().int()).optional(),
      /** DOCX with comments: how many were written, and how many named a place the text no longer has */
      comments: z.strictObject({ written: z.number().int(), skipped: z.number().int() }).optional(),
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
