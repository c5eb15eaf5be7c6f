/**
 * What the app reads and writes in the team's shared Yjs documents besides the text itself: the
 * team's list of documents (TEAM_INDEX, Y.Map "documents") and the 定稿 kept on the team (Y.Map
 * "finals" in a team document). Values are plain JSON in a Y.Map; anything a member's client wrote
 * is checked with zod on the way in, so one bad entry hides itself, never the list.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { teamDocumentNameSchema, teamIndexEntrySchema, type TeamIndexEntry } from './protocol'

export const TEAM_INDEX_DOCUMENTS = 'documents'
export const TEAM_FINALS = 'finals'

export interface TeamIndexItem extends TeamIndexEntry {
  /** the team document's name, `doc:<id>` */
  name: string
}

/** The team's documents, newest shared first; entries that are not valid are left out. */
export function readTeamIndex(doc: Y.Doc): TeamIndexItem[] {
  const items: TeamIndexItem[] = []
  doc.getMap<unknown>(TEAM_INDEX_DOCUMENTS).forEach((value, name) => {
    const entry = teamIndexEntrySchema.safeParse(value)
    if (entry.success && teamDocumentNameSchema.safeParse(name).success) items.push({ name, ...entry.data })
  })
  return items.sort((a, b) => b.sharedAt - a.sharedAt || a.title.localeCompare(b.title, 'zh-CN'))
}

/** 共享到团队: the document's entry in the team's list (replacing an earlier entry of the same name). */
export function writeTeamIndexEntry(doc: Y.Doc, name: string, entry: TeamIndexEntry): void {
  const valid = teamIndexEntrySchema.parse(entry)
  doc.getMap<unknown>(TEAM_INDEX_DOCUMENTS).set(teamDocumentNameSchema.parse(name), { ...valid })
}

/** A 定稿 kept on the team: who froze it, when, its fingerprint, and the frozen model (JSON text). */
export const teamFinalSchema = z.object({
  name: z.string().min(1).max(100),
  by: z.string().min(1).max(100),
  at: z.number(),
  fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  model: z.string(),
})
export type TeamFinal = z.infer<typeof teamFinalSchema>

/** Keeps a 定稿 in the team document's "finals" (keyed by fingerprint: the same text frozen twice is one entry). */
export function recordTeamFinal(doc: Y.Doc, final: TeamFinal): void {
  const valid = teamFinalSchema.parse(final)
  doc.getMap<unknown>(TEAM_FINALS).set(valid.fingerprint, { ...valid })
}

/** The team's 定稿 of a document, newest first; invalid entries (or keys that are not their fingerprint) left out. */
export function readTeamFinals(doc: Y.Doc): TeamFinal[] {
  const finals: TeamFinal[] = []
  doc.getMap<unknown>(TEAM_FINALS).forEach((value, key) => {
    const final = teamFinalSchema.safeParse(value)
    if (final.success && final.data.fingerprint === key) finals.push(final.data)
  })
  return finals.sort((a, b) => b.at - a.at)
}
