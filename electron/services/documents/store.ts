/**
 * The documents and revisions of one 文稿库 (document library) file. Model JSON is validated on the way in (by the API
 * layer) and on the way out (here): a stored document that fails the schema is reported, never
 * dropped and never overwritten.
 *
 * Versions: every stored change of a document's text raises its `version` by one, in the same
 * transaction. A writer names the version its text was made from; a text made from an older
 * version never replaces the newer one (both are kept: see save). Every writer goes through
 * `save` (the editor) or `update` (read-modify-write in one transaction: the CLI, rename).
 */
import { randomBytes } from 'node:crypto'
import { msg } from '../../../shared/errors'
import { ApiError, type DocumentRecord, type DocumentSummary, type RevisionSummary, type SaveResult, type SearchHit } from '../../../shared/api'
import { describeSchemaError, emptyDocument, SummaryDocumentSchema, type SummaryDocument } from '../../../shared/document/model'
import { applyRollover, planRollover, type RolloverPlan } from '../../../shared/document/rollover'
import { documentCharacters, documentPlainText } from '../../../shared/document/text'
import type { SqliteDatabase } from '../library/database'
import { RawJson } from '../worker/rawJson'
import { withStorageErrors } from './storageErrors'

/** A revision is kept at most this often while the writer edits (plus every Ctrl+S). */
export const REVISION_INTERVAL_MS = 5 * 60 * 1000

interface DocumentRow {
  id: string
  title: string
  model_json: string
  characters: number
  version: number
  created_at: number
  updated_at: number
  trashed_at: number | null
}

type Columns = ReturnType<typeof columnsFor>

export function newDocumentId(): string {
  // never with a leading '-': on a command line (revisions list ID) it would read as an option
  for (;;) {
    const id = randomBytes(12).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}

export class DocumentStore {
  private readonly statements
  constructor(private readonly db: SqliteDatabase, private readonly now: () => number = Date.now) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at, trashed_at, fts_stale)
         VALUES (@id, @title, @model_json, @body_text, @characters, @now, @now, NULL, 1)`,
      ),
      get: db.prepare('SELECT id, title, model_json, characters, version, created_at, updated_at, trashed_at FROM documents WHERE id = ?'),
      update: db.prepare(
        `UPDATE documents SET title = @title, model_json = @model_json, body_text = @body_text,
           characters = @characters, version = @version, updated_at = @now, fts_stale = 1 WHERE id = @id`,
      ),
      head: db.prepare('SELECT id, version, updated_at, trashed_at FROM documents WHERE id = ?'),
      lastRevision: db.prepare('SELECT created_at, model_json FROM revisions WHERE document_id = ? ORDER BY created_at DESC, id DESC LIMIT 1'),
      lastRevisionAt: db.prepare('SELECT created_at FROM revisions WHERE document_id = ? ORDER BY created_at DESC, id DESC LIMIT 1'),
      lastConflict: db.prepare("SELECT id, model_json FROM revisions WHERE document_id = ? AND reason = 'conflict' ORDER BY id DESC LIMIT 1"),
      insertRevision: db.prepare(
        'INSERT INTO revisions (document_id, created_at, reason, model_json, characters, version) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    }
  }

  list(trash = false): DocumentSummary[] {
    const rows = this.db
      .prepare(
        `SELECT id, title, characters, version, created_at, updated_at, trashed_at, json_valid(model_json) AS json_ok FROM documents
         WHERE trashed_at IS ${trash ? 'NOT NULL' : 'NULL'} ORDER BY updated_at DESC`,
      )
      .all() as (Omit<DocumentRow, 'model_json'> & { json_ok: number })[]
    // Only a cheap check here (the list must stay fast); the full schema check happens on open.
    return rows.map((row) => (row.json_ok ? toSummary(row) : { ...toSummary(row), invalid: msg('documents.brokenJson') }))
  }

  create(title: string, model?: SummaryDocument): DocumentRecord {
    return this.get(this.insert(columnsFor(createdModel(title, model))))
  }

  /**
   * 新建 without leaving a trail of empty 未命名文稿: a new document that was never touched (no
   * title, no text, never saved since it was made, no revision, not linked to a team document) is
   * handed out again, moved to the top of the list, instead of another one being made. One the
   * writer typed in or titled, even if emptied again, has been saved since (version > 1) and is
   * never taken. Returns null when there is none.
   */
  reuseUntouched(): DocumentRecord | null {
    const now = this.now()
    const id = withStorageErrors(() =>
      this.db.transaction(() => {
        const row = this.db
          .prepare(
            `SELECT id FROM documents d
             WHERE trashed_at IS NULL AND version = 1 AND title = '' AND model_json = ?
               AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.document_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM team_links l WHERE l.document_id = d.id)
             ORDER BY updated_at DESC LIMIT 1`,
          )
          .get(UNTOUCHED_JSON) as { id: string } | undefined
        if (row) this.db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?').run(now, row.id)
        return row?.id ?? null
      }).immediate(),
    )
    return id === null ? null : this.get(id)
  }

  /**
   * create with the columns already made (a large body, in a worker thread): the record is
   * answered as JSON put together from them, so the model is not parsed again on this thread.
   */
  createStored(columns: StoredColumns): RawJson<DocumentRecord> {
    const id = this.insert(columns)
    const head = this.statements.head.get(id) as Pick<DocumentRow, 'id' | 'version' | 'updated_at' | 'trashed_at'>
    const fields = JSON.stringify({ id, version: head.version, createdAt: head.updated_at, updatedAt: head.updated_at, trashedAt: head.trashed_at })
    return new RawJson<DocumentRecord>([Buffer.from(`${fields.slice(0, -1)},"model":`, 'utf8'), Buffer.from(columns.model_json, 'utf8'), Buffer.from('}', 'utf8')])
  }

  private insert(columns: StoredColumns): string {
    const id = newDocumentId()
    const now = this.now()
    withStorageErrors(() => this.statements.insert.run({ id, now, ...columns }))
    return id
  }

  /**
   * Creates several documents in one transaction (an import): all of them or none. Each gets an
   * 'import' revision holding the text as it arrived, so the writer can always go back to it.
   */
  createMany(models: readonly SummaryDocument[]): DocumentSummary[] {
    return this.createManyStored(models.map(columnsFor))
  }

  /** createMany with the stored columns already made (by `columnsFor`, in an import's worker thread). */
  createManyStored(rows: readonly StoredColumns[]): DocumentSummary[] {
    const now = this.now()
    const ids = withStorageErrors(() =>
      this.db.transaction(() =>
        rows.map((columns) => {
          const id = newDocumentId()
          this.statements.insert.run({ id, now, ...columns })
          this.statements.insertRevision.run(id, now, 'import', columns.model_json, columns.characters, 1)
          return id
        }),
      )(),
    )
    return ids.map((id) => toSummary(this.row(id)))
  }

  get(id: string): DocumentRecord {
    return this.recordOf(this.row(id))
  }

  // ---------------------------------------------------------------------------------------------
  // Writing the text: the version rule. Each runs in one IMMEDIATE transaction (the write lock is
  // taken before the read), so another process (the CLI, a second app) cannot slip a change in
  // between what was read and what is written.

  /**
   * Autosave: `model` was made from `baseVersion`. When that is still the current version the text
   * becomes the current one (version + 1; an 'interval' revision is kept when the last revision is
   * older than REVISION_INTERVAL_MS). When the document has moved on, nothing is overwritten: the
   * current text stays and `model` is kept as a 'conflict' revision, and the answer says so.
   * `keepCurrent` (the writer chose their text over a newer one): the text replaced is first kept
   * as a 'conflict' revision. Sending the text that is already current changes nothing.
   */
  save(id: string, model: SummaryDocument, baseVersion: number, opts: { keepCurrent?: boolean } = {}): SaveResult {
    return this.saveStored(id, columnsFor(model), baseVersion, opts)
  }

  /** save with the columns already made (a large body, in a worker thread). */
  saveStored(id: string, columns: StoredColumns, baseVersion: number, opts: { keepCurrent?: boolean } = {}): SaveResult {
    return this.write(() => {
      // the common case (made from the current version) reads no text: autosave stays cheap
      const head = this.statements.head.get(id) as Pick<DocumentRow, 'id' | 'version' | 'updated_at' | 'trashed_at'> | undefined
      if (!head) throw new ApiError('documents.notFound', { id })
      if (head.trashed_at !== null) throw new ApiError('documents.inTrash')
      if (baseVersion === head.version && !opts.keepCurrent) return this.storeVersion(head, columns, this.now())
      const row = this.row(id)
      if (columns.model_json === row.model_json) return { status: 'saved', version: row.version, updatedAt: row.updated_at }
      const now = this.now()
      if (baseVersion !== row.version) {
        const revisionId = this.keepConflict(id, columns, baseVersion, now)
        return { status: 'conflict', version: row.version, updatedAt: row.updated_at, revisionId }
      }
      if (opts.keepCurrent) this.keepConflict(id, { model_json: row.model_json, characters: row.characters }, row.version, now)
      return this.storeVersion(row, columns, now)
    })
  }

  /**
   * Read-modify-write in one transaction (the CLI's figures set/import, rename): `change` gets the
   * current text and returns the new one (or the same object: nothing is written). The version is
   * raised like a save's, so an editor holding the old version gets a conflict, never a silent
   * overwrite.
   */
  update<T>(id: string, change: (model: SummaryDocument) => { model: SummaryDocument; result: T }): { result: T; version: number } {
    return this.write(() => {
      const row = this.row(id)
      if (row.trashed_at !== null) throw new ApiError('documents.inTrash')
      const current = this.recordOf(row).model
      const { model, result } = change(current)
      if (model === current) return { result, version: row.version }
      const columns = columnsFor(model)
      if (columns.model_json === row.model_json) return { result, version: row.version }
      return { result, version: this.storeVersion(row, columns, this.now()).version }
    })
  }

  private write<T>(fn: () => T): T {
    return withStorageErrors(() => this.db.transaction(fn).immediate())
  }

  private storeVersion(row: Pick<DocumentRow, 'id' | 'version'>, columns: Columns, now: number): SaveResult {
    const version = row.version + 1
    this.statements.update.run({ id: row.id, now, version, ...columns })
    // the last revision's text is read only when it is old enough to be followed by a new one
    const lastAt = this.statements.lastRevisionAt.get(row.id) as { created_at: number } | undefined
    const last = lastAt && now - lastAt.created_at >= REVISION_INTERVAL_MS ? (this.statements.lastRevision.get(row.id) as { model_json: string }) : undefined
    if (!lastAt || (last && last.model_json !== columns.model_json))
      this.statements.insertRevision.run(row.id, now, 'interval', columns.model_json, columns.characters, version)
    return { status: 'saved', version, updatedAt: now }
  }

  /** Keeps a text as a 'conflict' revision (once: the same text again is the same revision). */
  private keepConflict(id: string, text: Pick<Columns, 'model_json' | 'characters'>, version: number, now: number): number {
    const last = this.statements.lastConflict.get(id) as { id: number; model_json: string } | undefined
    if (last && last.model_json === text.model_json) return last.id
    return Number(this.statements.insertRevision.run(id, now, 'conflict', text.model_json, text.characters, version).lastInsertRowid)
  }

  private recordOf(row: DocumentRow): DocumentRecord {
    const { model, error } = validate(row)
    if (!model) throw new ApiError('documents.invalid', { title: row.title, id: row.id, detail: error ?? '' })
    return { id: row.id, model, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, trashedAt: row.trashed_at }
  }

  /** A snapshot of the current text (Ctrl+S). Returns null when it equals the latest revision. */
  snapshot(id: string, reason: 'interval' | 'manual'): RevisionSummary | null {
    const row = this.row(id)
    const last = this.statements.lastRevision.get(id) as { created_at: number; model_json: string } | undefined
    if (reason === 'interval' && last && last.model_json === row.model_json) return null
    const now = this.now()
    const info = withStorageErrors(() => this.statements.insertRevision.run(id, now, reason, row.model_json, row.characters, row.version))
    return { id: Number(info.lastInsertRowid), documentId: id, createdAt: now, reason, characters: row.characters }
  }

  revisions(id: string): RevisionSummary[] {
    this.row(id)
    const rows = this.db
      .prepare('SELECT id, document_id, created_at, reason, characters, name FROM revisions WHERE document_id = ? ORDER BY created_at DESC, id DESC')
      .all(id) as RevisionRow[]
    return rows.map(toRevisionSummary)
  }

  /** One revision of the document and its text (版本记录: open, compare). */
  revision(id: string, revisionId: number): { revision: RevisionSummary; model: SummaryDocument } {
    this.row(id)
    const row = this.db
      .prepare('SELECT id, document_id, created_at, reason, characters, name, model_json FROM revisions WHERE id = ? AND document_id = ?')
      .get(revisionId, id) as (RevisionRow & { model_json: string }) | undefined
    if (!row) throw new ApiError('revisions.notFound', { id: revisionId })
    const { model, error } = validate(row)
    if (!model) throw new ApiError('revisions.unreadable', { id: revisionId, detail: error ?? '' })
    return { revision: toRevisionSummary(row), model }
  }

  /**
   * Makes a revision's text the current text, in one transaction and by the version rule: the
   * current text is first kept as a 'restore' revision (when it is the revision's text already,
   * nothing changes), so a restore never loses anything, and the version is raised like a save's, so an editor still
   * holding the old version gets a conflict rather than overwriting the restored text. The answer
   * carries the new version for the editor that asked.
   */
  restoreRevision(id: string, revisionId: number): { document: DocumentRecord; kept: RevisionSummary | null; restored: RevisionSummary } {
    const { revision, model } = this.revision(id, revisionId)
    const columns = columnsFor(model)
    const kept = this.write((): RevisionSummary | null => {
      const row = this.row(id)
      if (row.trashed_at !== null) throw new ApiError('documents.inTrash')
      const now = this.now()
      if (row.model_json === columns.model_json) return null // already the current text: nothing changes
      const info = this.statements.insertRevision.run(id, now, 'restore', row.model_json, row.characters, row.version)
      this.statements.update.run({ id, now, version: row.version + 1, ...columns })
      return { id: Number(info.lastInsertRowid), documentId: id, createdAt: now, reason: 'restore', characters: row.characters }
    })
    return { document: this.get(id), kept, restored: revision }
  }

  rename(id: string, title: string): DocumentSummary {
    this.update(id, (model) => ({ model: model.title === title ? model : { ...model, title }, result: null }))
    return toSummary(this.row(id))
  }

  /** 以此为底稿新建: a copy of the text under a new title; figures keep their values. */
  duplicate(id: string, title?: string): DocumentRecord {
    const source = this.get(id).model
    return this.create(title ?? `${source.title}（副本）`, source)
  }

  /** 新年度底稿: see shared/document/rollover.ts. Only with apply is a document created. */
  rollover(id: string, toYear: number | undefined, apply: boolean): { plan: RolloverPlan; record: DocumentRecord | null } {
    const source = this.get(id).model
    const plan = planRollover(source, { toYear, currentYear: new Date(this.now()).getFullYear() })
    if (plan.fromYear !== null && plan.toYear <= plan.fromYear)
      throw new ApiError('documents.rolloverYear', { from: plan.fromYear, to: plan.toYear })
    return { plan, record: apply ? this.create(plan.title, applyRollover(source, plan)) : null }
  }

  trash(id: string): void {
    this.row(id)
    withStorageErrors(() => this.db.prepare('UPDATE documents SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL').run(this.now(), id))
  }

  restore(id: string): void {
    this.row(id)
    withStorageErrors(() => this.db.prepare('UPDATE documents SET trashed_at = NULL WHERE id = ?').run(id))
  }

  /**
   * Removes a trashed document for good (only from the trash), with its revisions — but not its
   * 定稿: they may have been sent out, and verify must still recognise their files. They go too only
   * when asked with `deleteFinals` and the document's name typed again (`confirmName`): its title,
   * or its id when it has none. Returns how many 定稿 stayed.
   */
  purge(id: string, opts: { deleteFinals?: boolean; confirmName?: string } = {}): { keptFinals: number } {
    const row = this.row(id)
    if (row.trashed_at === null) throw new ApiError('documents.purgeNotTrashed')
    const finals = (this.db.prepare("SELECT count(*) AS n FROM revisions WHERE document_id = ? AND reason = 'final'").get(id) as { n: number }).n
    const deleteFinals = !!opts.deleteFinals && finals > 0
    if (deleteFinals) {
      const name = row.title.trim() || row.id
      if ((opts.confirmName ?? '').trim() !== name) throw new ApiError('documents.purgeNameMismatch', { name })
    }
    withStorageErrors(() =>
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM documents_fts WHERE rowid = (SELECT rowid FROM documents WHERE id = ?)').run(id)
        this.db.prepare('DELETE FROM documents WHERE id = ?').run(id)
        // no foreign key since migration 0005: the revisions go here, the 定稿 only when asked
        this.db.prepare(`DELETE FROM revisions WHERE document_id = ?${deleteFinals ? '' : " AND reason <> 'final'"}`).run(id)
      })(),
    )
    return { keptFinals: deleteFinals ? 0 : finals }
  }

  /** Title and full-text search over documents not in the trash. */
  search(query: string, limit = 50): SearchHit[] {
    const q = query.trim()
    if (!q) return []
    this.refreshFullTextIndex()
    const rows =
      [...q].length >= 3
        ? (this.db
            .prepare(
              `SELECT d.id, d.title, d.updated_at, d.body_text FROM documents_fts f JOIN documents d ON d.rowid = f.rowid
               WHERE documents_fts MATCH ? AND d.trashed_at IS NULL ORDER BY rank LIMIT ?`,
            )
            .all(ftsPhrase(q), limit) as { id: string; title: string; updated_at: number; body_text: string }[])
        : (this.db
            .prepare(
              `SELECT id, title, updated_at, body_text FROM documents
               WHERE trashed_at IS NULL AND (instr(title, ?) > 0 OR instr(body_text, ?) > 0) ORDER BY updated_at DESC LIMIT ?`,
            )
            .all(q, q, limit) as { id: string; title: string; updated_at: number; body_text: string }[])
    const hits = rows.map((r) => ({
      id: r.id,
      title: r.title,
      updatedAt: r.updated_at,
      excerpt: excerptAround(r.body_text, q),
      matchedTitle: r.title.includes(q),
    }))
    // Title matches first, then as ranked.
    return hits.sort((a, b) => Number(b.matchedTitle) - Number(a.matchedTitle))
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents WHERE trashed_at IS NULL').get() as { n: number }).n
  }

  /** Brings the FTS rows of documents saved since the last search up to date (kept off the autosave path). */
  refreshFullTextIndex(): void {
    this.db.transaction(() => {
      const stale = this.db.prepare('SELECT rowid, title, body_text FROM documents WHERE fts_stale = 1').all() as { rowid: number; title: string; body_text: string }[]
      const del = this.db.prepare('DELETE FROM documents_fts WHERE rowid = ?')
      const ins = this.db.prepare('INSERT INTO documents_fts (rowid, title, body_text) VALUES (?, ?, ?)')
      for (const r of stale) {
        del.run(r.rowid)
        ins.run(r.rowid, r.title, r.body_text)
      }
      this.db.prepare('UPDATE documents SET fts_stale = 0 WHERE fts_stale = 1').run()
    })()
  }

  /** Whether the document is in the 文稿库 (in the trash or not). */
  exists(id: string): boolean {
    return this.statements.get.get(id) !== undefined
  }

  private row(id: string): DocumentRow {
    const row = this.statements.get.get(id) as DocumentRow | undefined
    if (!row) throw new ApiError('documents.notFound', { id })
    return row
  }
}

interface RevisionRow {
  id: number
  document_id: string
  created_at: number
  reason: RevisionSummary['reason']
  characters: number
  name: string | null
}

function toRevisionSummary(r: RevisionRow): RevisionSummary {
  const summary: RevisionSummary = { id: r.id, documentId: r.document_id, createdAt: r.created_at, reason: r.reason, characters: r.characters }
  if (r.name !== null) summary.name = r.name
  return summary
}

function toSummary(row: Omit<DocumentRow, 'model_json'>): DocumentSummary {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at, trashedAt: row.trashed_at, characters: row.characters, version: row.version }
}

function validate(row: { model_json: string }): { model?: SummaryDocument; error?: string } {
  let json: unknown
  try {
    json = JSON.parse(row.model_json)
  } catch (err) {
    return { error: `JSON: ${err instanceof Error ? err.message : String(err)}` }
  }
  const parsed = SummaryDocumentSchema.safeParse(json)
  return parsed.success ? { model: parsed.data } : { error: describeSchemaError(parsed.error) }
}

/** The text of a document made by 新建 and never touched since. */
const UNTOUCHED_JSON = JSON.stringify(emptyDocument(''))

/** What is stored for a document besides its id and times: its JSON, search text and 字数. */
export interface StoredColumns {
  title: string
  model_json: string
  body_text: string
  characters: number
}

/** The text documents.create stores: the model given (titled `title` when one is given), else an empty one. */
export function createdModel(title: string, model?: SummaryDocument): SummaryDocument {
  return model ? { ...model, title: title || model.title } : emptyDocument(title)
}

export function columnsFor(model: SummaryDocument): StoredColumns {
  return { title: model.title, model_json: JSON.stringify(model), body_text: documentPlainText(model), characters: documentCharacters(model) }
}

/** The query as one FTS5 phrase: any FTS syntax in it is taken literally. */
export function ftsPhrase(query: string): string {
  return `"${query.replace(/"/g, '""')}"`
}

function excerptAround(text: string, query: string, radius = 40): string {
  const flat = text.replace(/\s+/g, ' ')
  const at = flat.indexOf(query)
  if (at < 0) return flat.slice(0, radius * 2)
  const start = Math.max(0, at - radius)
  return (start > 0 ? '…' : '') + flat.slice(start, at + query.length + radius) + (at + query.length + radius < flat.length ? '…' : '')
}
