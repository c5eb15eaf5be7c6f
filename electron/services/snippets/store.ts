/**
 * The 素材库 (snippet library) inside one 文稿库 file: categories, snippets, search, use counts, import and export.
 * Next to the database, like DocumentStore; every write keeps the two full-text indexes in step
 * inside the same transaction.
 *
 * Search (see migration 0002): the longest query term picks the index — trigram for three
 * characters and more, the gram index for one or two. Candidates are read newest first with a cap,
 * together with the title and tag matches and the writer's most used snippets, so a query that
 * matches half the 素材库 costs no more than a rare one; SQL orders them by tier and use, and
 * shared/snippets/rank.ts settles the final order. Whatever the writer types, the query is made of
 * quoted phrases and tokens of our own: FTS syntax in it is never interpreted.
 */
import { createHash, randomBytes } from 'node:crypto'
import { ApiError } from '../../../shared/api'
import {
  bodyToText,
  codePointLength,
  foldForSearch,
  ftsPhrase,
  gramTokenFor,
  gramTokens,
  matchedIn,
  normalizeBody,
  parseQuery,
  rankSnippets,
  sanitizeText,
  TAG_GRAM,
  TITLE_GRAM,
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
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../library/database'

/** Most candidates read from an index per query (newest first); beyond it `more` is set. */
export const CANDIDATE_CAP = 500
/** Title and tag matches read besides them when the query matches more than that. */
const TIER_CAP = 200
/** How many of the most used snippets are always considered. */
const POPULAR_CAP = 200

type Table = 'snippets_fts' | 'snippets_heads' | 'snippets_grams'

/** id, title, tags_json, use_count, last_used_at, updated_at, category_id */
type RankRow = [number, string, string, number, number | null, number, number | null]

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
  private popularCache: { id: number; text: string }[] | null = null

  constructor(private readonly db: SqliteDatabase, private readonly now: () => number = Date.now) {
    // Search reads scattered pages of the full-text indexes: map the file and keep more pages in
    // memory than SQLite's default 2 MB, so a query as you type rarely waits for a read.
    db.pragma('mmap_size = 268435456')
    db.pragma('cache_size = -32768')
    const reads = new Map<string, Statement>()
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
      ftsInsert: db.prepare('INSERT INTO snippets_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)'),
      headsInsert: db.prepare('INSERT INTO snippets_heads (rowid, title, tags) VALUES (?, ?, ?)'),
      headsDelete: db.prepare('DELETE FROM snippets_heads WHERE rowid = ?'),
      gramsInsert: db.prepare('INSERT INTO snippets_grams (rowid, grams) VALUES (?, ?)'),
      ftsDelete: db.prepare('DELETE FROM snippets_fts WHERE rowid = ?'),
      gramsDelete: db.prepare('DELETE FROM snippets_grams WHERE rowid = ?'),
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
      rankFields: db
        .prepare('SELECT id, title, tags_json, use_count, last_used_at, updated_at, category_id FROM snippets WHERE id IN (SELECT value FROM json_each(?))')
        .raw(true),
      searchTexts: db.prepare('SELECT id, title, tags_json, body_json FROM snippets WHERE id IN (SELECT value FROM json_each(?))').raw(true),
      ftsRead: (table: Table, cap: number) => {
        const key = `${table}:${cap}`
        let stmt = reads.get(key)
        if (!stmt) {
          stmt = db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${cap}`).raw(true)
          reads.set(key, stmt)
        }
        return stmt
      },
    }
  }

  // ---- snippets ------------------------------------------------------------------------------

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM snippets').get() as { n: number }).n
  }

  get(id: number): Snippet {
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
    const now = this.now()
    if (this.st.use.run(now, id).changes === 0) throw new ApiError('snippets.notFound', { id })
    this.popularCache = null
    const s = this.get(id)
    return { useCount: s.useCount, lastUsedAt: now }
  }

  private index(id: number, title: string, tags: readonly string[], body: SnippetBody): void {
    this.popularCache = null
    const t = foldForSearch(title)
    const g = foldForSearch(tags.join(' '))
    const b = foldForSearch(bodyToText(body))
    this.st.ftsInsert.run(id, t, g, b)
    this.st.headsInsert.run(id, t, g)
    this.st.gramsInsert.run(id, `${gramTokens(`${t}\n${g}\n${b}`)} ${gramTokens(t, TITLE_GRAM)} ${gramTokens(g, TAG_GRAM)}`)
  }

  private unindex(id: number): void {
    this.popularCache = null
    this.st.ftsDelete.run(id)
    this.st.headsDelete.run(id)
    this.st.gramsDelete.run(id)
  }

  // ---- search --------------------------------------------------------------------------------

  /**
   * Snippets matching the query (every term, anywhere in title, tags or body), best first; with an
   * empty query, the most used. `categoryId` limits to that category and the ones under it.
   */
  search(query: string, opts: { categoryId?: number | null; limit?: number } = {}): SearchResult {
    const limit = Math.max(1, Math.min(opts.limit ?? 50, 200))
    const terms = parseQuery(query)
    const categories = opts.categoryId ? this.subtree(opts.categoryId) : null
    if (terms.length === 0) {
      const catSql = categories ? `WHERE category_id IN (${categories.join(',')})` : ''
      const rows = this.db.prepare(`SELECT * FROM snippets ${catSql} ORDER BY use_count DESC, last_used_at DESC, id DESC LIMIT ?`).all(limit) as SnippetRow[]
      const total = (this.db.prepare(`SELECT count(*) AS n FROM snippets ${catSql}`).get() as { n: number }).n
      return { hits: rows.map((r) => ({ ...toSnippet(r), matched: 'none' as const })), total, more: false }
    }

    // The longest term picks the index: trigram for three characters and more, grams below that.
    const long = terms.filter((t) => codePointLength(t) >= 3)
    const short = terms.filter((t) => codePointLength(t) < 3)
    const useTrigram = long.length > 0
    const table = useTrigram ? 'snippets_fts' : 'snippets_grams'
    const indexed = useTrigram ? long : short
    const token = useTrigram ? ftsPhrase : (t: string) => gramTokenFor(t)
    const lead = indexed.reduce((a, b) => (codePointLength(b) > codePointLength(a) ? b : a))
    const rest = indexed.filter((t) => t !== lead).map(token)
    const expr = [token(lead), ...rest].join(' AND ')
    // "lead term in the title (tags), every term somewhere"
    const within = (column: 'title' | 'tags') =>
      [useTrigram ? `{${column}} : ${token(lead)}` : gramTokenFor(lead, column === 'title' ? TITLE_GRAM : TAG_GRAM), ...rest].join(' AND ')

    const ids = new Set<number>()
    const read = (from: Table, match: string, cap: number) => {
      for (const [id] of this.st.ftsRead(from, cap).all(match) as [number][]) ids.add(id)
    }
    read(table, expr, CANDIDATE_CAP)
    const more = ids.size >= CANDIDATE_CAP
    if (more) {
      // more matches than read: the title and tag matches and the writer's favourites still count
      // (their lead term in the small title index; every term is checked again when ranked)
      const heads = useTrigram ? 'snippets_heads' : 'snippets_grams'
      read(heads, within('title'), TIER_CAP)
      read(heads, within('tags'), TIER_CAP)
      for (const p of this.popular()) if (indexed.every((t) => p.text.includes(t))) ids.add(p.id)
    }
    let rows = this.st.rankFields.all(JSON.stringify([...ids])) as RankRow[]
    if (categories) {
      const allowed = new Set(categories)
      rows = rows.filter((r) => r[6] !== null && allowed.has(r[6]))
    }
    if (short.length > 0 && useTrigram) {
      // one- and two-character terms beside longer ones: checked in the text itself
      const texts = new Map((this.st.searchTexts.all(JSON.stringify(rows.map((r) => r[0]))) as [number, string, string, string][]).map((r) => [r[0], foldForSearch(`${r[1]}\n${(JSON.parse(r[2]) as string[]).join(' ')}\n${bodyToText(JSON.parse(r[3]) as SnippetBody)}`)]))
      rows = rows.filter((r) => short.every((t) => texts.get(r[0])?.includes(t)))
    }
    const ranked = rankSnippets(
      rows.map((r) => ({ id: r[0], title: r[1], tags: r[2] === '[]' ? [] : (JSON.parse(r[2]) as string[]), useCount: r[3], lastUsedAt: r[4], updatedAt: r[5] })),
      terms,
    ).slice(0, limit)
    const hits = this.getMany(ranked.map((r) => r.id)).map((s) => ({ ...s, matched: matchedIn(s.title, s.tags, terms) }))
    return { hits, total: rows.length, more }
  }

  /** The most used snippets with their folded text, cached until the next write. */
  private popular(): { id: number; text: string }[] {
    if (!this.popularCache) {
      const rows = this.db
        .prepare(`SELECT id, title, tags_json, body_json FROM snippets WHERE use_count > 0 ORDER BY use_count DESC, last_used_at DESC, id DESC LIMIT ${POPULAR_CAP}`)
        .raw(true)
        .all() as [number, string, string, string][]
      this.popularCache = rows.map(([id, title, tags, body]) => ({
        id,
        text: foldForSearch(`${title}\n${(JSON.parse(tags) as string[]).join(' ')}\n${bodyToText(JSON.parse(body) as SnippetBody)}`),
      }))
    }
    return this.popularCache
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
