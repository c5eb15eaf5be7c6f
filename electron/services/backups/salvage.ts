/**
 * Salvage: every document, revision, snippet and image that can still be read from a damaged
 * 文稿库, copied into a new library. The damaged file is only ever opened read-only.
 *
 * A damaged page makes SQLite fail the query that reaches it, so rows are found in several ways
 * (the table from either end, each index) and read one by one: one bad page costs the rows on it,
 * not the whole table. A document whose own row is lost is rebuilt from its newest readable
 * revision. Snippets go in through SnippetStore, which rebuilds their search indexes.
 */
import Database from 'better-sqlite3'
import { ApiError } from '../../../shared/api'
import { SummaryDocumentSchema } from '../../../shared/document/model'
import { documentCharacters, documentPlainText } from '../../../shared/document/text'
import type { SnippetBody, SnippetSource } from '../../../shared/snippets'
import { SnippetStore } from '../snippets/store'
import { openLibraryDatabase } from '../library/database'

export interface SalvageReport {
  documents: number
  /** documents rebuilt from a revision because their own row could not be read */
  rebuilt: number
  revisions: number
  snippets: number
  categories: number
  assets: number
  /** rows that were found but could not be read */
  lost: number
}

type Row = Record<string, unknown>

/** Every rowid of `table` that can be found: the table scanned from both ends, then each index. */
function findRowids(db: Database.Database, table: string): number[] {
  const ids = new Set<number>()
  const collect = (sql: string) => {
    try {
      for (const id of db.prepare(sql).pluck().iterate() as Iterable<number>) ids.add(id)
    } catch {
      // stopped at a damaged page: what was read before it counts
    }
  }
  collect(`SELECT rowid FROM "${table}" ORDER BY rowid ASC`)
  collect(`SELECT rowid FROM "${table}" ORDER BY rowid DESC`)
  let indexes: string[] = []
  try {
    indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(table) as string[]
  } catch {
    indexes = []
  }
  for (const index of indexes) collect(`SELECT rowid FROM "${table}" INDEXED BY "${index}"`)
  return [...ids].sort((a, b) => a - b)
}

function readRows(db: Database.Database, table: string): { rows: Row[]; lost: number } {
  let exists = false
  try {
    exists = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)
  } catch {
    exists = false
  }
  if (!exists) return { rows: [], lost: 0 }
  const rows: Row[] = []
  let lost = 0
  const get = db.prepare(`SELECT rowid AS __rowid, * FROM "${table}" WHERE rowid = ?`)
  for (const id of findRowids(db, table)) {
    try {
      const row = get.get(id) as Row | undefined
      if (row) rows.push(row)
    } catch {
      lost++
    }
  }
  return { rows, lost }
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name)
}

/** Inserts the row's columns that the target table has (an older library may lack some). */
function inserter(target: Database.Database, table: string) {
  const columns = columnsOf(target, table)
  const statements = new Map<string, Database.Statement>()
  return (row: Row): void => {
    const names = columns.filter((c) => c in row)
    const key = names.join(',')
    let st = statements.get(key)
    if (!st) {
      st = target.prepare(`INSERT OR IGNORE INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      statements.set(key, st)
    }
    st.run(...names.map((n) => row[n] as unknown))
  }
}

function parseJson<T>(text: unknown): T | null {
  if (typeof text !== 'string') return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

/**
 * Copies what can be read from `damagedFile` into a new library at `targetFile` (which must not
 * exist). Throws salvage.nothingReadable when not one document or snippet could be read.
 */
export function salvageLibrary(damagedFile: string, targetFile: string, nativeBinding?: string): SalvageReport {
  const source = new Database(damagedFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  let target: Database.Database | null = null
  try {
    try {
      source.prepare('SELECT count(*) FROM sqlite_master').get()
    } catch (err) {
      throw new ApiError('salvage.nothingReadable', { detail: err instanceof Error ? err.message : String(err) })
    }
    const documents = readRows(source, 'documents')
    const revisions = readRows(source, 'revisions')
    const categories = readRows(source, 'snippet_categories')
    const snippets = readRows(source, 'snippets')
    const assets = readRows(source, 'assets')
    const settings = readRows(source, 'settings')
    const validDocuments = documents.rows.filter((r) => typeof r.id === 'string' && parseJson(r.model_json) !== null)
    const validSnippets = snippets.rows.filter((r) => parseJson<SnippetBody>(r.body_json) !== null)
    if (validDocuments.length === 0 && revisions.rows.length === 0 && validSnippets.length === 0)
      throw new ApiError('salvage.nothingReadable', { detail: `${documents.lost + snippets.lost + revisions.lost}` })

    target = openLibraryDatabase(targetFile, { create: true, ...(nativeBinding ? { nativeBinding } : {}) })
    const db = target
    const report: SalvageReport = { documents: 0, rebuilt: 0, revisions: 0, snippets: 0, categories: 0, assets: 0, lost: 0 }
    report.lost = documents.lost + revisions.lost + categories.lost + snippets.lost + assets.lost + (documents.rows.length - validDocuments.length) + (snippets.rows.length - validSnippets.length)
    // references are mended after the copy (a category or document may be among the lost rows)
    db.pragma('foreign_keys = OFF')
    db.transaction(() => {
      const putSetting = inserter(db, 'settings')
      for (const row of settings.rows) putSetting(row)
      // the salvaged 素材库 is the writer's: the starter snippets are not added again
      db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('snippets.seeded', ?)").run(String(Date.now()))

      const putDocument = inserter(db, 'documents')
      const saved = new Set<string>()
      for (const row of validDocuments) {
        putDocument({ ...row, fts_stale: 1 })
        saved.add(row.id as string)
      }
      // a document whose row is lost: its newest readable revision becomes the document
      const newest = new Map<string, Row>()
      const oldest = new Map<string, number>()
      for (const rev of revisions.rows) {
        const id = rev.document_id as string
        if (saved.has(id) || parseJson(rev.model_json) === null) continue
        const at = Number(rev.created_at)
        if (!newest.has(id) || at >= Number(newest.get(id)!.created_at)) newest.set(id, rev)
        oldest.set(id, Math.min(oldest.get(id) ?? at, at))
      }
      for (const [id, rev] of newest) {
        const parsed = SummaryDocumentSchema.safeParse(parseJson(rev.model_json))
        const model = parsed.success ? parsed.data : null
        putDocument({
          id,
          title: model?.title ?? (parseJson<{ title?: string }>(rev.model_json)?.title || '抢救的文稿'),
          model_json: rev.model_json,
          body_text: model ? documentPlainText(model) : '',
          characters: model ? documentCharacters(model) : Number(rev.characters) || 0,
          created_at: oldest.get(id) ?? rev.created_at,
          updated_at: rev.created_at,
          trashed_at: null,
          fts_stale: 1,
        })
        saved.add(id)
        report.rebuilt++
      }
      report.documents = saved.size

      const putRevision = inserter(db, 'revisions')
      for (const rev of revisions.rows) {
        if (!saved.has(rev.document_id as string)) continue
        putRevision(rev)
        report.revisions++
      }

      const putCategory = inserter(db, 'snippet_categories')
      for (const row of categories.rows) putCategory(row)
      db.prepare('UPDATE snippet_categories SET parent_id = NULL WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM snippet_categories)').run()
      report.categories = categories.rows.length
      const categoryIds = new Set((db.prepare('SELECT id FROM snippet_categories').pluck().all() as number[]))

      const store = new SnippetStore(db)
      for (const row of validSnippets) {
        const categoryId = typeof row.category_id === 'number' && categoryIds.has(row.category_id) ? row.category_id : null
        try {
          store.create(
            {
              title: String(row.title ?? ''),
              categoryId,
              tags: parseJson<string[]>(row.tags_json) ?? [],
              body: parseJson<SnippetBody>(row.body_json)!,
              source: parseJson<SnippetSource>(row.source_json),
            },
            {
              uid: String(row.uid),
              createdAt: Number(row.created_at),
              updatedAt: Number(row.updated_at),
              useCount: Number(row.use_count) || 0,
              lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
            },
          )
          report.snippets++
        } catch {
          report.lost++
        }
      }

      const putAsset = inserter(db, 'assets')
      for (const row of assets.rows) putAsset(row)
      report.assets = assets.rows.length
    })()
    db.pragma('foreign_keys = ON')
    return report
  } finally {
    target?.close()
    source.close()
  }
}
