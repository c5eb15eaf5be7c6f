/**
 * 版本记录: the revisions of a document (revisions.list, with the documents) opened and restored.
 * A revision is the text as it was: kept while the writer edits, at each Ctrl+S, on import, before
 * a restore, and as a 定稿.
 */
import { z } from 'zod'
import { SummaryDocumentSchema } from '../document/model'
import { DocumentIdSchema, type Contract } from './common'
import { DocumentRecordSchema, RevisionSummarySchema } from './documents'

const ByRevision = z.strictObject({ id: DocumentIdSchema, revisionId: z.number().int() })

export const revisionsContract = {
  /** One revision of the document, with its text. */
  'revisions.get': {
    input: ByRevision,
    output: z.strictObject({ revision: RevisionSummarySchema, model: SummaryDocumentSchema }),
  },
  /**
   * Makes a revision's text the document's current text. The current text is kept first as a
   * 'restore' revision (`kept`; null when it already equals the revision), so nothing is lost;
   * `document` is the document as it now is, for the open editor to take.
   */
  'revisions.restore': {
    input: ByRevision,
    output: z.strictObject({ document: DocumentRecordSchema, kept: RevisionSummarySchema.nullable(), restored: RevisionSummarySchema }),
  },
} as const satisfies Contract
