/**
 * The team's 素材库 in the 文稿库 file: a mirror of the team server's `team:snippets` map, kept in
 * step by the renderer's connection (snippets.teamSync: the whole map on every (re)connect, the
 * changed entries after), indexed like the personal snippets (FtsIndex) and searched with them
 * (SnippetStore.search). Every entry is checked (shared/team/snippets.ts) before it is kept: a
 * malformed one is skipped, and a copy it replaces is dropped, so nothing unreadable is shown.
 * Only the use count is this writer's own; everything else comes from the team.
 */
import { createHash } from 'node:crypto'
import { ApiError } from '../../../shared/api'
import { normalizeBody, sanitizeText, type Snippet, type SnippetBody } from '../../../shared/snippets'
import { parseTeamSnippetEntry, teamSnippetIdSchema, type TeamSnippetBatch } from '../../../shared/team/snippets'
import type { SqliteDatabase } from '../library/database'
import { FtsIndex } from './ftsIndex'

interface TeamSnippetRow {
  id: number
  team_id: string
  title: string
  category: string
  tags_json: string
  body_json: string
  member: string
  updated_at: number
  entry_key: string
  use_count: number
  last_used_at: number | null
}

export interface TeamSyncOutcome {
  upserted: number
  removed: number
  skipped: number
  total: number
}

/** A team snippet in a team category path or under it ("工作措施" holds "工作措施/安全生产"). */
export function inCategoryPath(category: string, path: string): boolean {
  return category === path || category.startsWith(`${path}/`)
}

export class TeamSnippets {
  readonly index: FtsIndex
  private readonly st

  constructor(private readonly db: SqliteDatabase, private readonly now: () => number = Date.now) {
    this.index = new FtsIndex(db, { rows: 'team_snippets', category: 'category' })
    this.st = {
      get: db.prepare('SELECT * FROM team_snippets WHERE id = ?'),
      byTeamId: db.prepare('SELECT id, entry_key FROM team_snippets WHERE team_id = ?'),
      insert: db.prepare(
        `INSERT INTO team_snippets (team_id, title, category, tags_json, body_json, member, state, updated_at, entry_key)
         VALUES (@team_id, @title, @category, @tags_json, @body_json, @member, @state, @updated_at, @entry_key)`,
      ),
      update: db.prepare(
        `UPDATE team_snippets SET title = @title, category = @category, tags_json = @tags_json, body_json = @body_json, member = @member,
           state = @state, updated_at = @updated_at, entry_key = @entry_key WHERE id = @id`,
      ),
      delete: db.prepare('DELETE FROM team_snippets WHERE id = ?'),
      teamIds: db.prepare('SELECT id, team_id FROM team_snippets'),
      use: db.prepare('UPDATE team_snippets SET use_count = use_count + 1, last_used_at = ? WHERE id = ?'),
      count: db.prepare('SELECT count(*) AS n FROM team_snippets'),
    }
  }

  count(): number {
    return (this.st.count.get() as { n: number }).n
  }

  get(id: number): Snippet {
    const row = this.st.get.get(id) as TeamSnippetRow | undefined
    if (!row) throw new ApiError('snippets.notFound', { id })
    return toSnippet(row)
  }

  getMany(ids: readonly number[]): Snippet[] {
    if (ids.length === 0) return []
    const rows = this.db.prepare('SELECT * FROM team_snippets WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as TeamSnippetRow[]
    const byId = new Map(rows.map((r) => [r.id, toSnippet(r)]))
    return ids.map((id) => byId.get(id)).filter((s): s is Snippet => !!s)
  }

  /** The most used (then the latest) team snippets, in a category path or all. */
  mostUsed(limit: number, path: string | null): { snippets: Snippet[]; total: number } {
    const where = path === null ? '' : `WHERE category = @path OR substr(category, 1, length(@path) + 1) = @path || '/'`
    const params = path === null ? {} : { path }
    const rows = this.db.prepare(`SELECT * FROM team_snippets ${where} ORDER BY use_count DESC, last_used_at DESC, updated_at DESC LIMIT @limit`).all({ ...params, limit }) as TeamSnippetRow[]
    const total = (this.db.prepare(`SELECT count(*) AS n FROM team_snippets ${where}`).get(params) as { n: number }).n
    return { snippets: rows.map(toSnippet), total }
  }

  use(id: number): { useCount: number; lastUsedAt: number } {
    const now = this.now()
    if (this.st.use.run(now, id).changes === 0) throw new ApiError('snippets.notFound', { id })
    this.index.usesChanged()
    return { useCount: this.get(id).useCount, lastUsedAt: now }
  }

  /** Applies one batch from the team server in one transaction. */
  sync(batch: TeamSnippetBatch): TeamSyncOutcome {
    const outcome = { upserted: 0, removed: 0, skipped: 0, total: 0 }
    this.db.transaction(() => {
      const seen = new Set<string>()
      for (const { id: teamId, entry: raw } of batch.upserts) {
        const existing = this.st.byTeamId.get(teamId) as { id: number; entry_key: string } | undefined
        // the same entry as kept (every reconnect sends the whole map): nothing to check or index
        const key = createHash('sha1').update(JSON.stringify(raw) ?? '').digest('hex').slice(0, 24)
        if (existing?.entry_key === key) {
          seen.add(teamId)
          continue
        }
        const entry = teamSnippetIdSchema.safeParse(teamId).success ? parseTeamSnippetEntry(raw) : null
        if (!entry) {
          outcome.skipped++
          if (existing && this.remove(existing.id)) outcome.removed++
          continue
        }
        seen.add(teamId)
        const body = cleanBody(entry.body)
        if (body.length === 0) {
          outcome.skipped++
          seen.delete(teamId)
          if (existing && this.remove(existing.id)) outcome.removed++
          continue
        }
        const title = sanitizeText(entry.title).trim()
        const tags = entry.tags.map((t) => sanitizeText(t).trim()).filter(Boolean)
        const row = {
          team_id: teamId,
          title,
          category: sanitizeText(entry.category).trim(),
          tags_json: JSON.stringify(tags),
          body_json: JSON.stringify(body),
          member: entry.by,
          // the column's other value ('proposed') is no longer written: proposals wait on the server
          state: 'shared',
          updated_at: entry.updatedAt,
          entry_key: key,
        }
        let id: number
        if (existing) {
          id = existing.id
          this.st.update.run({ ...row, id })
          this.index.unindex(id)
        } else id = Number(this.st.insert.run(row).lastInsertRowid)
        this.index.index(id, title, tags, body)
        outcome.upserted++
      }
      for (const teamId of batch.removals) {
        const existing = this.st.byTeamId.get(teamId) as { id: number } | undefined
        if (existing && this.remove(existing.id)) outcome.removed++
      }
      if (batch.full) {
        // the whole map was sent: what it no longer holds was removed while we were away
        for (const { id, team_id } of this.st.teamIds.all() as { id: number; team_id: string }[]) {
          if (!seen.has(team_id) && this.remove(id)) outcome.removed++
        }
      }
    })()
    outcome.total = this.count()
    return outcome
  }

  /** Forgets the team's snippets (the writer left the team). */
  clear(): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM team_snippets').run()
      this.index.clear()
    })()
  }

  private remove(id: number): boolean {
    const changes = this.st.delete.run(id).changes
    if (changes) this.index.unindex(id)
    return changes > 0
  }
}

function cleanBody(body: SnippetBody): SnippetBody {
  return normalizeBody(body.map((p) => p.map((i) => (i.type === 'text' ? { ...i, text: sanitizeText(i.text) } : { type: 'field' as const, name: sanitizeText(i.name) }))))
}

function toSnippet(row: TeamSnippetRow): Snippet {
  return {
    id: row.id,
    uid: row.team_id,
    title: row.title,
    categoryId: null,
    tags: JSON.parse(row.tags_json) as string[],
    body: JSON.parse(row.body_json) as SnippetBody,
    createdAt: row.updated_at,
    updatedAt: row.updated_at,
    useCount: row.use_count,
    lastUsedAt: row.last_used_at,
    source: null,
    team: { id: row.team_id, by: row.member, category: row.category },
  }
}
