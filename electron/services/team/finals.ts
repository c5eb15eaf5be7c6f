/**
 * 定稿 kept on the team, brought to this computer: another member froze the team document (its
 * Y.Map "finals" holds the frozen text, who, when and the fingerprint); the renderer hands the
 * entry here and it becomes a 定稿 of the local copy — an ordinary final revision (reason 'final',
 * migration 0003), so output, 打印 and verify (finals.* / verify by fingerprint) work from it exactly
 * as from one frozen here. The fingerprint is computed here from the text and must be exactly the
 * one the member froze: a changed or damaged entry is refused, never kept under another's name.
 */
import type { FinalSummary } from '../../../shared/api'
import { countCharacters, documentPlainText } from '../../../shared/document/text'
import { SummaryDocumentSchema } from '../../../shared/document/model'
import { ApiError } from '../../../shared/errors'
import { canonicalModel, fingerprintOf, shortFingerprint } from '../../../shared/output/canonical'
import type { TeamFinal } from '../../../shared/team/documents'
import type { SqliteDatabase } from '../library/database'

interface FinalRow {
  id: number
  document_id: string
  created_at: number
  name: string
  author: string
  fingerprint: string
}

const summary = (r: FinalRow): FinalSummary => ({ revisionId: r.id, documentId: r.document_id, name: r.name, author: r.author, createdAt: r.created_at, fingerprint: r.fingerprint, short: shortFingerprint(r.fingerprint) })

export function adoptTeamFinal(db: SqliteDatabase, documentId: string, final: TeamFinal): FinalSummary {
  if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)) throw new ApiError('documents.notFound', { id: documentId })
  let raw: unknown
  try {
    raw = JSON.parse(final.model)
  } catch {
    throw new ApiError('team.finalMismatch', { name: final.name })
  }
  const model = SummaryDocumentSchema.safeParse(raw)
  if (!model.success || fingerprintOf(model.data) !== final.fingerprint) throw new ApiError('team.finalMismatch', { name: final.name })
  const select = 'SELECT id, document_id, created_at, name, author, fingerprint FROM revisions'
  return db.transaction(() => {
    const here = db.prepare(`${select} WHERE document_id = ? AND fingerprint = ? AND reason = 'final' ORDER BY id LIMIT 1`).get(documentId, final.fingerprint) as FinalRow | undefined
    if (here) return summary(here)
    const info = db
      .prepare(`INSERT INTO revisions (document_id, created_at, reason, model_json, characters, name, author, fingerprint) VALUES (?, ?, 'final', ?, ?, ?, ?, ?)`)
      .run(documentId, final.at, canonicalModel(model.data), countCharacters(documentPlainText(model.data)), final.name.trim(), final.by.trim(), final.fingerprint)
    return summary(db.prepare(`${select} WHERE id = ?`).get(Number(info.lastInsertRowid)) as FinalRow)
  })()
}
