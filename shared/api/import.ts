/** Importing files (.txt, .md, .docx, .pdf, .doc, .wps, .rtf, .html) into document models through the recognizer. */
import { z } from 'zod'
import { MessageSchema } from '../errors/message'
import { SummaryDocumentSchema } from '../document/model'
import { Base64, base64Length, type Contract } from './common'
import { DocumentSummarySchema } from './documents'

/** Largest file `documents.import` accepts (bytes), and its base64 length. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_BASE64 = base64Length(IMPORT_MAX_BYTES)

/** How a file is read, by its extension (document formats are checked by their first bytes too). */
export const IMPORT_FORMATS = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx',
  '.pdf': 'pdf', '.doc': 'doc', '.wps': 'wps', '.rtf': 'rtf', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
} as const satisfies Record<string, FileImportReport['format']>

/** The extensions import accepts, as a file picker's `accept` list. */
export const IMPORT_ACCEPT = Object.keys(IMPORT_FORMATS).join(',')

/** What an import found and did: the recognizer's counts plus the file's format and encoding. */
export const ImportReportSchema = z.strictObject({
  /** how the file was read (its first bytes decide for document formats: a .doc that is a web page is 'html') */
  format: z.enum(['txt', 'md', 'docx', 'pdf', 'doc', 'wps', 'rtf', 'html']),
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
  numberingGaps: z.array(
    z.strictObject({
      level: z.number().int(),
      after: z.number().int(),
      found: z.number().int(),
      /** the marker as typed ("四、"), the start of the heading, the number it prints now ("三、") */
      typed: z.string(),
      heading: z.string(),
      now: z.string(),
    }),
  ),
  warnings: z.array(MessageSchema),
})
export type FileImportReport = z.infer<typeof ImportReportSchema>

export const importContract = {
  /**
   * A .txt/.text/.md/.markdown/.docx/.pdf/.doc/.wps/.rtf/.html/.htm file → document model(s) through the recognizer. With `save`
   * the documents are also created in the 文稿库, all in one transaction; otherwise they are only
   * returned (the editor inserts them as one undo step).
   */
  'documents.import': {
    input: z.strictObject({
      name: z.string().min(1).max(260),
      dataBase64: Base64(IMPORT_MAX_BYTES),
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
} as const satisfies Contract
