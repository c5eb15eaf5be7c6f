/**
 * The team's shared 素材库, as it lives on the team server: the Y doc TEAM_SNIPPETS holds a Y.Map
 * "snippets" of id → TeamSnippetEntry (plain JSON values: one member's edit replaces the whole
 * entry, last writer wins, which is what an office expects of a stock phrase). Every member's app
 * mirrors the map into a local table of its 文稿库 (searched with the personal snippets), so the
 * entry is checked here before anything reads it: a malformed entry (an old client, a bad actor
 * with write rights) is skipped, never shown or indexed.
 *
 * Pure: yjs and zod only.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { LIMITS, SnippetBodySchema, SnippetTagsSchema, type SnippetBody } from '../snippets/model'

/** The Y.Map inside TEAM_SNIPPETS (protocol.ts) that holds the entries. */
export const TEAM_SNIPPETS_MAP = 'snippets'

/** An entry's key: random, URL-safe, short enough for a log line. */
export const teamSnippetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/)

export const teamSnippetEntrySchema = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title),
  body: SnippetBodySchema.refine((body) => body.length > 0, 'empty body'),
  /** the category as a path of names ("工作措施/安全生产"): categories are each writer's own */
  category: z.string().max(LIMITS.categoryName * 8),
  tags: SnippetTagsSchema,
  /** the member who last wrote it */
  by: z.string().min(1).max(100),
  updatedAt: z.number().int().nonnegative(),
  /**
   * Written by the first release of the team 素材库, always 'shared'. Everything in this map is
   * the team's: a snippet offered to the team waits in TEAM_SNIPPET_PROPOSALS (proposals.ts) until
   * an 编辑 member takes it in, so an entry marked anything else here is malformed (skipped).
   */
  state: z.literal('shared').optional(),
})
export type TeamSnippetEntry = z.infer<typeof teamSnippetEntrySchema>

/** The entry as read from the map, or null when it is not one (skipped everywhere). */
export function parseTeamSnippetEntry(value: unknown): TeamSnippetEntry | null {
  const parsed = teamSnippetEntrySchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** A new entry's key: 16 random URL-safe characters. */
export function newTeamSnippetId(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
  let id = ''
  for (let i = 0; i < 16; i++) id += alphabet[Math.floor(random() * 64)]
  return id
}

export function teamSnippetsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TEAM_SNIPPETS_MAP)
}

/** What a personal snippet becomes in the team (提交到团队). */
export function teamEntryFrom(snippet: { title: string; body: SnippetBody; tags: readonly string[] }, category: string, by: string, now: number): TeamSnippetEntry {
  return { title: snippet.title.trim() || '素材', body: snippet.body, category, tags: [...snippet.tags], by, updatedAt: now }
}

/** One batch for the local mirror: entries written (unchecked: the back end checks each) and keys removed. */
export interface TeamSnippetBatch {
  upserts: { id: string; entry: unknown }[]
  removals: string[]
  /** the batch is the whole map: anything not in it goes */
  full?: boolean
}

/** The whole map as a batch (first sync, reconnect). */
export function fullBatch(map: Y.Map<unknown>): TeamSnippetBatch {
  const upserts: TeamSnippetBatch['upserts'] = []
  map.forEach((entry, id) => upserts.push({ id, entry: entry instanceof Y.AbstractType ? entry.toJSON() : entry }))
  return { upserts, removals: [], full: true }
}

/** The keys one map event touched, as a batch (added or updated → upserts; deleted → removals). */
export function batchOfChanges(map: Y.Map<unknown>, keys: Iterable<string>): TeamSnippetBatch {
  const upserts: TeamSnippetBatch['upserts'] = []
  const removals: string[] = []
  for (const id of keys) {
    if (map.has(id)) {
      const entry = map.get(id)
      upserts.push({ id, entry: entry instanceof Y.AbstractType ? entry.toJSON() : entry })
    } else removals.push(id)
  }
  return { upserts, removals }
}
