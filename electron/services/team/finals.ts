/**
 * 定稿 kept on the team, brought to this computer: another member froze the team document (its
 * Y.Map "finals" holds the frozen text, who, when and the fingerprint); the renderer hands the
 * entry here and it becomes a 定稿 of the local copy — an ordinary final revision (reason 'final',
 * migration 0003), so output, 打印 and verify (finals.* / verify by fingerprint) work from it exactly
 * as from one frozen here. The fingerprint is computed here from the text and must be exactly the
 * one the member froze: a changed or damaged entry is refused, never kept under another's name.
 */
import type { FinalSummary } from '../../../shared/api'
import { SummaryDocumentSchema } from '../../../shared/document/model'
import { ApiError } from '../../../shared/errors'
import { fingerprintOf } from '../../../shared/output/canonical'
import type { TeamFinal } from '../../../shared/team/documents'
import type { DocumentStore } from '../documents/store'
import type { SqliteDatabase } from '../library/database'
import { FinalStore } from '../output/store'

export function adoptTeamFinal(db: SqliteDatabase, documents: DocumentStore, documentId: string, final: TeamFinal): FinalSummary {
  if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) throw new ApiError('documents.notFound', { id: documentId })
  let raw: unknown
  try {
    raw = JSON.parse(final.model)
  } catch {
    throw new ApiError('team.finalMismatch', { name: final.name })
  }
  const model = SummaryDocumentSchema.safeParse(raw)
  if (!model.success || fingerprintOf(model.data) !== final.fingerprint) throw new ApiError('team.finalMismatch', { name: final.name })
  return new FinalStore(db, documents).keep(documentId, model.data, final.fingerprint, final.name, final.by, final.at)
}
