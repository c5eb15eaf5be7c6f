/**
 * The 素材库 (snippet library) inside one 文稿库 file: categories, snippets, search, use counts, import and export.
 * Next to the database, like DocumentStore; every write keeps the two full-text indexes in step
 * inside the same transaction.
 *
 * Search (ftsIndex.ts): the candidates of the personal 素材库 and of the team's mirror
 * (teamStore.ts) are read from their own indexes the same way, then ranked together by
 * shared/snippets/rank.ts; each hit says which library it is from.
 */
import { createHash, randomBytes } from 'node:crypto'
import { ApiError } from '../../../shared/api'
import {
  bodyToText,
  foldForSearch,
  isTeamSnippetId,
  matchedIn,
  normalizeBody,
  parseQuery,
  rankSnippets,
  sanitizeText,
  DEFAULT_CATEGORIES,
  LIMITS,
  type Category,
  type ImportItem,
  type Snippet,
  type SnippetBody,
  type SnippetDraft,
  type SnippetHit,
  type SnippetSource,
} from '../../../shared/snippets'
import type { SqliteDatabase } from '../library/database'
import { FtsIndex, type RankRow } from './ftsIndex'
import { inCategoryPath, TeamSnippets } from './teamStore'

export { CANDIDATE_CAP } from './ftsIndex'

interface SnippetRow {
  id: number
  uid: string
  title: string
  category_id: number | null
  tags_json: string
  body_json: string
  created_at: number
  updated_at: number
  use_count: number
  last_used_at: number | null
  source_json: string | null
}

export interface SearchResult {
  hits: SnippetHit[]
  /** snippets that match among those read (at most CANDIDATE_CAP, plus title, tag and favourite matches) */
  total: number
  /** true when there are more matches than were read */
  more: boolean
}

/** An imported item repeating a snippet: of the library, or (inFile) an earlier item of the same file. */
export interface Duplicate {
  line: number
  title: string
  existing: string
  inFile: boolean
}

export interface ImportOutcome {
  imported: number
  skippedDuplicates: number
  duplicates: Duplicate[]
  categoriesCreated: number
}

export function newSnippetUid(): string {
  return randomBytes(9).toString('base64url')
}

/** Same words, whatever the spacing, case, width or marks: the duplicate test. */
export function bodyKey(body: SnippetBody): string {
  const norm = foldForSearch(bodyToText(body)).replace(/\s+/g, '')
  return createHash('sha1').update(norm).digest('hex').slice(0, 24)
}

function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = []
  for (const t of tags) {
    const tag = sanitizeText(t).trim().slice(0, LIMITS.tag)
    if (tag && !out.includes(tag)) out.push(tag)
  }
  return out.slice(0, LIMITS.tags)
}

function cleanBody(body: SnippetBody): SnippetBody {
  return normalizeBody(body.map((p) => p.map((i) => (i.type === 'text' ? { ...i, text: sanitizeText(i.text) } : { type: 'field' as const, name: sanitizeText(i.name) }))))
}

export class SnippetStore {
  private readonly st
  private readonly fts: FtsIndex
  /** the team's 素材库, mirrored from the team server */
  readonly team: TeamSnippets

  constructor(private readonly db: SqliteDatabase, private readonly now: () => number = Date.now) {
    // Search reads scattered pages of the full-text indexes: map the file and keep more pages in
    // memory than SQLite's default 2 MB, so a query as you type rarely waits for a read.
    db.pragma('mmap_size = 268435456')
    db.pragma('cache_size = -32768')
    this.fts = new FtsIndex(db, { rows: 'snippets', category: 'category_id' })
    this.team = new TeamSnippets(db, now)
    this.st = {
      get: db.prepare('SELECT * FROM snippets WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO snippets (uid, title, category_id, tags_json, body_json, body_key, created_at, updated_at, use_count, last_used_at, source_json)
         VALUES (@uid, @title, @category_id, @tags_json, @body_json, @body_key, @created_at, @updated_at, @use_count, @last_used_at, @source_json)`,
      ),
      update: db.prepare(
        `UPDATE snippets SET title = @title, category_id = @category_id, tags_json = @tags_json, body_json = @body_json,
           body_key = @body_key, updated_at = @updated_at, source_json = @source_json WHERE id = @id`,
      ),
      delete: db.prepare('DELETE FROM snippets WHERE id = ?'),
      use: db.prepare('UPDATE snippets SET use_count = use_count + 1, last_used_at = ? WHERE id = ?'),
      byKey: db.prepare('SELECT id, title FROM snippets WHERE body_key = ? LIMIT 1'),
      byUid: db.prepare('SELECT id, title FROM snippets WHERE uid = ?'),
      categories: db.prepare(
        `SELECT c.id, c.name, c.parent_id, c.position, (SELECT count(*) FROM snippets s WHERE s.category_id = c.id) AS count
         FROM snippet_categories c ORDER BY ifnull(c.parent_id, 0), c.position, c.id`,
      ),
      category: db.prepare('SELECT id, name, parent_id, position FROM snippet_categories WHERE id = ?'),
      categoryByName: db.prepare('SELECT id FROM snippet_categories WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND name = ?'),
      insertCategory: db.prepare(
        'INSERT INTO snippet_categories (name, parent_id, position) VALUES (?, ?, (SELECT ifnull(max(position), -1) + 1 FROM snippet_categories WHERE ifnull(parent_id, 0) = ifnull(?, 0)))',
      ),
      setting: db.prepare('SELECT value FROM settings WHERE key = ?'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    }
  }

  // ---- snippets ------------------------------------------------------------------------------

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM snippets').get() as { n: number }).n
  }

  get(id: number): Snippet {
    if (isTeamSnippetId(id)) return this.team.get(id)
    const row = this.st.get.get(id) as SnippetRow | undefined
    if (!row) throw new ApiError('snippets.notFound', { id })
    return toSnippet(row)
  }

  getMany(ids: readonly number[]): Snippet[] {
    if (ids.length === 0) return []
    const rows = this.db.prepare(`SELECT * FROM snippets WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as SnippetRow[]
    const byId = new Map(rows.map((r) => [r.id, toSnippet(r)]))
    return ids.map((id) => byId.get(id)).filter((s): s is Snippet => !!s)
  }

  create(draft: SnippetDraft, extra: { uid?: string; createdAt?: number; updatedAt?: number; useCount?: number; lastUsedAt?: number | null } = {}): Snippet {
    const id = this.db.transaction(() => this.insertRow(draft, extra))()
    return this.get(id)
  }

  private insertRow(draft: SnippetDraft, extra: { uid?: string; createdAt?: number; updatedAt?: number; useCount?: number; lastUsedAt?: number | null }): number {
    const body = cleanBody(draft.body)
    if (body.length === 0) throw new ApiError('snippets.emptyBody')
    if (draft.categoryId !== null) this.category(draft.categoryId)
    const now = this.now()
    const title = sanitizeText(draft.title).trim() || bodyToText(body).slice(0, 16)
    const tags = cleanTags(draft.tags)
    const info = this.st.insert.run({
      uid: extra.uid ?? newSnippetUid(),
      title,
      category_id: draft.categoryId,
      tags_json: JSON.stringify(tags),
      body_json: JSON.stringify(body),
      body_key: bodyKey(body),
      created_at: extra.createdAt ?? now,
      updated_at: extra.updatedAt ?? extra.createdAt ?? now,
      use_count: extra.useCount ?? 0,
      last_used_at: extra.lastUsedAt ?? null,
      source_json: draft.source ? JSON.stringify(draft.source) : null,
    })
    const id = Number(info.lastInsertRowid)
    this.index(id, title, tags, body)
    return id
  }

  update(id: number, draft: SnippetDraft): Snippet {
    // a team snippet is changed in the team (the renderer writes it there), never here
    if (isTeamSnippetId(id)) throw new ApiError('snippets.notFound', { id })
    const current = this.get(id)
    const body = cleanBody(draft.body)
    if (body.length === 0) throw new ApiError('snippets.emptyBody')
    if (draft.categoryId !== null) this.category(draft.categoryId)
    const title = sanitizeText(draft.title).trim() || bodyToText(body).slice(0, 16)
    const tags = cleanTags(draft.tags)
    const source = draft.source === undefined ? current.source : draft.source
    this.db.transaction(() => {
      this.st.update.run({
        id,
        title,
        category_id: draft.categoryId,
        tags_json: JSON.stringify(tags),
        body_json: JSON.stringify(body),
        body_key: bodyKey(body),
        updated_at: this.now(),
        source_json: source ? JSON.stringify(source) : null,
      })
      this.unindex(id)
      this.index(id, title, tags, body)
    })()
    return this.get(id)
  }

  delete(ids: readonly number[]): number {
    let n = 0
    this.db.transaction(() => {
      for (const id of ids) {
        const changes = this.st.delete.run(id).changes
        if (changes) {
          this.unindex(id)
          n += changes
        }
      }
    })()
    return n
  }

  /** The writer inserted this snippet: one more use, used now. */
  use(id: number): { useCount: number; lastUsedAt: number } {
    if (isTeamSnippetId(id)) return this.team.use(id)
    const now = this.now()
    if (this.st.use.run(now, id).changes === 0) throw new ApiError('snippets.notFound', { id })
    this.fts.usesChanged()
    const s = this.get(id)
    return { useCount: s.useCount, lastUsedAt: now }
  }

  private index(id: number, title: string, tags: readonly string[], body: SnippetBody): void {
    this.fts.index(id, title, tags, body)
  }

  private unindex(id: number): void {
    this.fts.unindex(id)
  }

  // ---- search --------------------------------------------------------------------------------

  /**
   * Snippets of both libraries matching the query (every term, anywhere in title, tags or body),
   * best first; with an empty query, the most used. `categoryId` limits to that category and the
   * ones under it (team snippets: those filed under a category of the same path of names).
   */
  search(query: string, opts: { categoryId?: number | null; limit?: number } = {}): SearchResult {
    const limit = Math.max(1, Math.min(opts.limit ?? 50, 200))
    const terms = parseQuery(query)
    const categories = opts.categoryId ? this.subtree(opts.categoryId) : null
    const path = opts.categoryId ? this.categoryPath(opts.categoryId) : null
    if (terms.length === 0) {
      const catSql = categories ? `WHERE category_id IN (${categories.join(',')})` : ''
      const rows = this.db.prepare(`SELECT * FROM snippets ${catSql} ORDER BY use_count DESC, last_used_at DESC, id DESC LIMIT ?`).all(limit) as SnippetRow[]
      const total = (this.db.prepare(`SELECT count(*) AS n FROM snippets ${catSql}`).get() as { n: number }).n
      const team = this.team.mostUsed(limit, path)
      const hits = [...rows.map((r) => ({ ...toSnippet(r), matched: 'none' as const, library: 'personal' as const })), ...team.snippets.map((s) => ({ ...s, matched: 'none' as const, library: 'team' as const }))]
        .sort((a, b) => b.useCount - a.useCount || (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0))
        .slice(0, limit)
      return { hits, total: total + team.total, more: false }
    }

    const allowed = categories ? new Set<number | string | null>(categories) : null
    const personal = this.fts.candidates(terms, allowed ? (c) => allowed.has(c) : null)
    const team = this.team.index.candidates(terms, path !== null ? (c) => typeof c === 'string' && inCategoryPath(c, path) : null)
    const rows: RankRow[] = [...personal.rows, ...team.rows]
    const ranked = rankSnippets(
      rows.map((r) => ({ id: r[0], title: r[1], tags: r[2] === '[]' ? [] : (JSON.parse(r[2]) as string[]), useCount: r[3], lastUsedAt: r[4], updatedAt: r[5] })),
      terms,
    ).slice(0, limit)
    const ids = ranked.map((r) => r.id)
    const found = new Map([...this.getMany(ids.filter((id) => !isTeamSnippetId(id))), ...this.team.getMany(ids.filter(isTeamSnippetId))].map((s) => [s.id, s]))
    const hits = ids.flatMap((id) => {
      const s = found.get(id)
      return s ? [{ ...s, matched: matchedIn(s.title, s.tags, terms), library: s.team ? ('team' as const) : ('personal' as const) }] : []
    })
    return { hits, total: rows.length, more: personal.more || team.more }
  }

  /** A category's path of names ("工作措施/安全生产"), as team snippets file theirs. */
  private categoryPath(id: number): string {
    const names: string[] = []
    let at: number | null = id
    for (let depth = 0; at !== null && depth < 32; depth++) {
      const row = this.category(at)
      names.unshift(row.name)
      at = row.parent_id
    }
    return names.join('/')
  }

  // ---- categories ----------------------------------------------------------------------------

  categories(): Category[] {
    return (this.st.categories.all() as { id: number; name: string; parent_id: number | null; position: number; count: number }[]).map((r) => ({
      id: r.id,
      name: r.name,
      parentId: r.parent_id,
      position: r.position,
      count: r.count,
    }))
  }

  private category(id: number): { id: number; name: string; parent_id: number | null; position: number } {
    const row = this.st.category.get(id) as { id: number; name: string; parent_id: number | null; position: number } | undefined
    if (!row) throw new ApiError('snippets.categoryNotFound', { id })
    return row
  }

  /** The category and every category under it. */
  subtree(id: number): number[] {
    this.category(id)
    return (
      this.db
        .prepare(
          `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM snippet_categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub`,
        )
        .all(id) as { id: number }[]
    ).map((r) => r.id)
  }

  createCategory(name: string, parentId: number | null): Category {
    const clean = sanitizeText(name).trim().replace(/[/／]/g, '-').slice(0, LIMITS.categoryName)
    if (!clean) throw new ApiError('snippets.categoryNameEmpty')
    if (parentId !== null) this.category(parentId)
    if (this.st.categoryByName.get(parentId, clean)) throw new ApiError('snippets.categoryExists', { name: clean })
    const info = this.st.insertCategory.run(clean, parentId, parentId)
    return this.categories().find((c) => c.id === Number(info.lastInsertRowid))!
  }

  renameCategory(id: number, name: string): Category {
    const row = this.category(id)
    const clean = sanitizeText(name).trim().replace(/[/／]/g, '-').slice(0, LIMITS.categoryName)
    if (!clean) throw new ApiError('snippets.categoryNameEmpty')
    const other = this.st.categoryByName.get(row.parent_id, clean) as { id: number } | undefined
    if (other && other.id !== id) throw new ApiError('snippets.categoryExists', { name: clean })
    this.db.prepare('UPDATE snippet_categories SET name = ? WHERE id = ?').run(clean, id)
    return this.categories().find((c) => c.id === id)!
  }

  /** Moves a category under another parent (null: top level), before `beforeId` or at the end. */
  moveCategory(id: number, parentId: number | null, beforeId: number | null = null): Category[] {
    const row = this.category(id)
    if (parentId !== null && this.subtree(id).includes(parentId)) throw new ApiError('snippets.categoryIntoItself')
    const name = row.name
    const clash = this.st.categoryByName.get(parentId, name) as { id: number } | undefined
    if (clash && clash.id !== id) throw new ApiError('snippets.categoryExistsThere', { name })
    this.db.transaction(() => {
      const siblings = (
        this.db.prepare('SELECT id FROM snippet_categories WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND id != ? ORDER BY position, id').all(parentId, id) as { id: number }[]
      ).map((r) => r.id)
      const at = beforeId !== null ? siblings.indexOf(beforeId) : -1
      siblings.splice(at >= 0 ? at : siblings.length, 0, id)
      const set = this.db.prepare('UPDATE snippet_categories SET parent_id = ?, position = ? WHERE id = ?')
      siblings.forEach((sid, position) => set.run(parentId, position, sid))
    })()
    return this.categories()
  }

  /** Deletes a category and those under it; their snippets move up to its parent (or none). */
  deleteCategory(id: number): void {
    const row = this.category(id)
    const ids = this.subtree(id)
    this.db.transaction(() => {
      this.db.prepare(`UPDATE snippets SET category_id = ? WHERE category_id IN (${ids.join(',')})`).run(row.parent_id)
      this.db.prepare('DELETE FROM snippet_categories WHERE id = ?').run(id)
    })()
  }

  /** The id of the category at this path ("工作措施/安全生产"), creating what is missing. */
  ensureCategoryPath(path: string): { id: number; created: number } {
    let parent: number | null = null
    let created = 0
    for (const name of path.split('/')) {
      const found = this.st.categoryByName.get(parent, name) as { id: number } | undefined
      if (found) parent = found.id
      else {
        parent = Number(this.st.insertCategory.run(name, parent, parent).lastInsertRowid)
        created++
      }
    }
    return { id: parent!, created }
  }

  // ---- import / export -----------------------------------------------------------------------

  hasBodyKey(key: string): boolean {
    return !!this.st.byKey.get(key)
  }

  /**
   * Which items duplicate a snippet of the 素材库 (same uid, or same words) or an earlier item of
   * the file (`inFile`), and that snippet's title.
   */
  findDuplicates(items: readonly ImportItem[]): Map<ImportItem, { existing: string; inFile: boolean }> {
    const dup = new Map<ImportItem, { existing: string; inFile: boolean }>()
    const seen = new Map<string, string>()
    for (const item of items) {
      const key = bodyKey(item.body)
      const existing = (item.uid ? (this.st.byUid.get(item.uid) as { title: string } | undefined) : undefined) ?? (this.st.byKey.get(key) as { title: string } | undefined)
      if (existing) dup.set(item, { existing: existing.title, inFile: false })
      else if (seen.has(key)) dup.set(item, { existing: seen.get(key)!, inFile: true })
      else seen.set(key, item.title)
    }
    return dup
  }

  /** Adds the items (and the file's categories) in one transaction: all or nothing. */
  importItems(items: readonly ImportItem[], categories: readonly string[], opts: { skipDuplicates: boolean }): ImportOutcome {
    const duplicates = this.findDuplicates(items)
    const outcome: ImportOutcome = { imported: 0, skippedDuplicates: 0, duplicates: [], categoriesCreated: 0 }
    for (const [item, d] of duplicates) outcome.duplicates.push({ line: item.line, title: item.title, ...d })
    this.db.transaction(() => {
      for (const path of categories) outcome.categoriesCreated += this.ensureCategoryPath(path).created
      for (const item of items) {
        if (duplicates.has(item) && opts.skipDuplicates) {
          outcome.skippedDuplicates++
          continue
        }
        let categoryId: number | null = null
        if (item.category) {
          const c = this.ensureCategoryPath(item.category)
          categoryId = c.id
          outcome.categoriesCreated += c.created
        }
        // a kept duplicate of the same uid gets a new one (uids are unique)
        const uid = item.uid && !this.st.byUid.get(item.uid) ? item.uid : undefined
        this.insertRow(
          { title: item.title, categoryId, tags: item.tags, body: item.body, source: item.source ?? null },
          {
            ...(uid ? { uid } : {}),
            ...(item.createdAt !== undefined ? { createdAt: item.createdAt } : {}),
            ...(item.updatedAt !== undefined ? { updatedAt: item.updatedAt } : {}),
            ...(item.useCount !== undefined ? { useCount: item.useCount } : {}),
            ...(item.lastUsedAt !== undefined ? { lastUsedAt: item.lastUsedAt } : {}),
          },
        )
        outcome.imported++
      }
    })()
    return outcome
  }

  /** Every snippet (or those of a category and its subcategories), oldest first. */
  all(categoryId?: number | null): Snippet[] {
    const rows = categoryId
      ? (this.db.prepare(`SELECT * FROM snippets WHERE category_id IN (${this.subtree(categoryId).join(',')}) ORDER BY id`).all() as SnippetRow[])
      : (this.db.prepare('SELECT * FROM snippets ORDER BY id').all() as SnippetRow[])
    return rows.map(toSnippet)
  }

  // ---- the starter snippets ------------------------------------------------------------------

  /**
   * A 文稿库 file meets the snippet feature for the first time: the default categories and the starter
   * snippets go in, once. Snippets the writer removes later stay removed.
   */
  seedOnce(starter: { items: readonly ImportItem[]; categories: readonly string[] }): boolean {
    if (this.st.setting.get('snippets.seeded')) return false
    this.db.transaction(() => {
      if (!this.st.setting.get('snippets.seeded')) {
        for (const name of DEFAULT_CATEGORIES) this.ensureCategoryPath(name)
        this.importItems(starter.items, starter.categories, { skipDuplicates: true })
        this.st.setSetting.run('snippets.seeded', String(this.now()))
      }
    })()
    return true
  }

  /** Puts back the starter snippets the writer removed (by uid); returns how many. */
  restoreStarter(starter: { items: readonly ImportItem[]; categories: readonly string[] }): number {
    const missing = starter.items.filter((i) => i.uid && !this.st.byUid.get(i.uid))
    return this.importItems(missing, [], { skipDuplicates: true }).imported
  }
}

function toSnippet(row: SnippetRow): Snippet {
  let source: SnippetSource | null = null
  if (row.source_json) {
    try {
      source = JSON.parse(row.source_json) as SnippetSource
    } catch {
      source = null
    }
  }
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    categoryId: row.category_id,
    tags: JSON.parse(row.tags_json) as string[],
    body: JSON.parse(row.body_json) as SnippetBody,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    useCount: row.use_count,
    lastUsedAt: row.last_used_at,
    source,
  }
}
