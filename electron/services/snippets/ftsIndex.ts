/**
 * The three full-text indexes of a snippet table and the candidate search over them (migration
 * 0002 describes the indexes), shared by the personal 素材库 (`snippets`) and the team's mirror
 * (`team_snippets`, migration 0007), so a team snippet is found exactly as fast and as well as a
 * personal one.
 *
 * The longest query term picks the index — trigram for three characters and more, the gram index
 * for one or two. Candidates are read newest first with a cap, together with the title and tag
 * matches and the writer's most used snippets, so a query that matches half the library costs no
 * more than a rare one. Whatever the writer types, the query is made of quoted phrases and tokens
 * of our own: FTS syntax in it is never interpreted.
 */
import type { Statement } from 'better-sqlite3'
import { bodyToText, codePointLength, foldForSearch, ftsPhrase, gramTokenFor, gramTokens, TAG_GRAM, TITLE_GRAM, type SnippetBody } from '../../../shared/snippets'
import type { SqliteDatabase } from '../library/database'

/** Most candidates read from an index per query (newest first); beyond it `more` is set. */
export const CANDIDATE_CAP = 500
/** Title and tag matches read besides them when the query matches more than that. */
const TIER_CAP = 200
/** How many of the most used snippets are always considered. */
const POPULAR_CAP = 200

/** id, title, tags_json, use_count, last_used_at, updated_at, category (an id, or a team snippet's path) */
export type RankRow = [number, string, string, number, number | null, number, number | string | null]

export interface IndexTables {
  rows: 'snippets' | 'team_snippets'
  /** the column read as the row's category */
  category: 'category_id' | 'category'
}

export class FtsIndex {
  private readonly fts: string
  private readonly heads: string
  private readonly grams: string
  private readonly reads = new Map<string, Statement>()
  private readonly st
  private popularCache: { id: number; text: string }[] | null = null

  constructor(private readonly db: SqliteDatabase, private readonly tables: IndexTables) {
    const { rows, category } = tables
    this.fts = `${rows}_fts`
    this.heads = `${rows}_heads`
    this.grams = `${rows}_grams`
    this.st = {
      ftsInsert: db.prepare(`INSERT INTO ${this.fts} (rowid, title, tags, body) VALUES (?, ?, ?, ?)`),
      headsInsert: db.prepare(`INSERT INTO ${this.heads} (rowid, title, tags) VALUES (?, ?, ?)`),
      gramsInsert: db.prepare(`INSERT INTO ${this.grams} (rowid, grams) VALUES (?, ?)`),
      ftsDelete: db.prepare(`DELETE FROM ${this.fts} WHERE rowid = ?`),
      headsDelete: db.prepare(`DELETE FROM ${this.heads} WHERE rowid = ?`),
      gramsDelete: db.prepare(`DELETE FROM ${this.grams} WHERE rowid = ?`),
      rankFields: db
        .prepare(`SELECT id, title, tags_json, use_count, last_used_at, updated_at, ${category} FROM ${rows} WHERE id IN (SELECT value FROM json_each(?))`)
        .raw(true),
      searchTexts: db.prepare(`SELECT id, title, tags_json, body_json FROM ${rows} WHERE id IN (SELECT value FROM json_each(?))`).raw(true),
    }
  }

  /** Adds a row's folded title, tags and body to the three indexes (inside the caller's transaction). */
  index(id: number, title: string, tags: readonly string[], body: SnippetBody): void {
    this.popularCache = null
    const t = foldForSearch(title)
    const g = foldForSearch(tags.join(' '))
    const b = foldForSearch(bodyToText(body))
    this.st.ftsInsert.run(id, t, g, b)
    this.st.headsInsert.run(id, t, g)
    this.st.gramsInsert.run(id, `${gramTokens(`${t}\n${g}\n${b}`)} ${gramTokens(t, TITLE_GRAM)} ${gramTokens(g, TAG_GRAM)}`)
  }

  unindex(id: number): void {
    this.popularCache = null
    this.st.ftsDelete.run(id)
    this.st.headsDelete.run(id)
    this.st.gramsDelete.run(id)
  }

  /** Empties the three indexes (the rows are being removed too). */
  clear(): void {
    this.popularCache = null
    for (const table of [this.fts, this.heads, this.grams]) this.db.prepare(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`).run()
  }

  /** A use count changed: the favourites are read again. */
  usesChanged(): void {
    this.popularCache = null
  }

  private read(table: string, cap: number): Statement {
    const key = `${table}:${cap}`
    let stmt = this.reads.get(key)
    if (!stmt) {
      stmt = this.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${cap}`).raw(true)
      this.reads.set(key, stmt)
    }
    return stmt
  }

  /**
   * The rows matching every term (non-empty, folded: parseQuery), unranked; `keep` filters by the
   * row's category. `more`: there are more matches than were read.
   */
  candidates(terms: readonly string[], keep: ((category: number | string | null) => boolean) | null): { rows: RankRow[]; more: boolean } {
    const long = terms.filter((t) => codePointLength(t) >= 3)
    const short = terms.filter((t) => codePointLength(t) < 3)
    const useTrigram = long.length > 0
    const table = useTrigram ? this.fts : this.grams
    const indexed = useTrigram ? long : short
    const token = useTrigram ? ftsPhrase : (t: string) => gramTokenFor(t)
    const lead = indexed.reduce((a, b) => (codePointLength(b) > codePointLength(a) ? b : a))
    const rest = indexed.filter((t) => t !== lead).map(token)
    const expr = [token(lead), ...rest].join(' AND ')
    // "lead term in the title (tags), every term somewhere"
    const within = (column: 'title' | 'tags') =>
      [useTrigram ? `{${column}} : ${token(lead)}` : gramTokenFor(lead, column === 'title' ? TITLE_GRAM : TAG_GRAM), ...rest].join(' AND ')

    const ids = new Set<number>()
    const read = (from: string, match: string, cap: number) => {
      for (const [id] of this.read(from, cap).all(match) as [number][]) ids.add(id)
    }
    read(table, expr, CANDIDATE_CAP)
    const more = ids.size >= CANDIDATE_CAP
    if (more) {
      // more matches than read: the title and tag matches and the writer's favourites still count
      // (their lead term in the small title index; every term is checked again when ranked)
      const heads = useTrigram ? this.heads : this.grams
      read(heads, within('title'), TIER_CAP)
      read(heads, within('tags'), TIER_CAP)
      for (const p of this.popular()) if (indexed.every((t) => p.text.includes(t))) ids.add(p.id)
    }
    if (ids.size === 0) return { rows: [], more }
    let rows = this.st.rankFields.all(JSON.stringify([...ids])) as RankRow[]
    if (keep) rows = rows.filter((r) => keep(r[6]))
    if (short.length > 0 && useTrigram) {
      // one- and two-character terms beside longer ones: checked in the text itself
      const texts = new Map(
        (this.st.searchTexts.all(JSON.stringify(rows.map((r) => r[0]))) as [number, string, string, string][]).map((r) => [
          r[0],
          foldForSearch(`${r[1]}\n${(JSON.parse(r[2]) as string[]).join(' ')}\n${bodyToText(JSON.parse(r[3]) as SnippetBody)}`),
        ]),
      )
      rows = rows.filter((r) => short.every((t) => texts.get(r[0])?.includes(t)))
    }
    return { rows, more }
  }

  /** The most used snippets with their folded text, cached until the next write. */
  private popular(): { id: number; text: string }[] {
    if (!this.popularCache) {
      const rows = this.db
        .prepare(`SELECT id, title, tags_json, body_json FROM ${this.tables.rows} WHERE use_count > 0 ORDER BY use_count DESC, last_used_at DESC, id DESC LIMIT ${POPULAR_CAP}`)
        .raw(true)
        .all() as [number, string, string, string][]
      this.popularCache = rows.map(([id, title, tags, body]) => ({
        id,
        text: foldForSearch(`${title}\n${(JSON.parse(tags) as string[]).join(' ')}\n${bodyToText(JSON.parse(body) as SnippetBody)}`),
      }))
    }
    return this.popularCache
  }
}
