/**
 * 定稿 of a team document: the local 定稿 (output's finals store, with who froze it) is also kept on
 * the team server, in the team document's Y.Map "finals", so every member has the frozen text and
 * its fingerprint (verify works from any member's copy). Only a member who may write the document
 * (编辑) puts it there; the server refuses anyone else's write anyway.
 */
import type { FinalSummary } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { canonicalModel } from '../../../shared/output/canonical'
import { recordTeamFinal } from '../../../shared/team/documents'
import type { TeamDocSession } from './session'

/** Puts the 定稿 on the team; answers whether it did. */
export function keepFinalOnTeam(session: TeamDocSession | null, final: FinalSummary, model: SummaryDocument): boolean {
  if (!session || session.me.role !== 'editor') return false
  recordTeamFinal(session.doc, { name: final.name, by: final.author, at: final.createdAt, fingerprint: final.fingerprint, model: canonicalModel(model) })
  return true
}
