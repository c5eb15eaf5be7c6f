/**
 * 定稿: a final revision — the document's text frozen under a name, with who froze it, when, and the
 * SHA-256 fingerprint of its canonical model (shared/output/canonical.ts). Stored in `revisions`
 * (reason 'final', migration 0003); a trigger refuses any later change to it, and editing the
 * document only ever writes the document row and new revisions.
 */
import { ApiError, type FinalSummary } from '../../../shared/api'
import { normalizeDocument } from '../../../shared/document/lexicalState'
import { SummaryDocumentSchema, type SummaryDocument } from '../../../shared/document/model'
import { canonicalModel, fingerprintOf, shortFingerprint } from '../../../shared/output/canonical'
import { countCharacters, documentPlainText } from '../../../shared/document/text'
import type { DocumentStore } from '../documents/store'
import type { SqliteDatabase } from '../library/database'

interface FinalRow {
  id: number
  document_id: string
  created_at: number
  name: string
  author: string
  fingerprint: string
  model_json: string
}

const AUTHOR_KEY = 'output.lastAuthor'

function toSummary(r: FinalRow): FinalSummary {
  return { revisionId: r.id, documentId: r.document_id, name: r.name, author: r.author, createdAt: r.created_at, fingerprint: r.fingerprint, short: shortFingerprint(r.fingerprint) }
}

export class FinalStore {
  constructor(private readonly db: SqliteDatabase, private readonly documents: DocumentStore, private readonly now: () => number = Date.now) {}

  /** Freezes the document's current text. Freezing unchanged text again returns the existing 定稿. */
  create(documentId: string, name: string, author: string): FinalSummary {
    const record = this.documents.get(documentId)
    if (record.trashedAt !== null) throw new ApiError('finals.inTrash')
    const model = normalizeDocument(record.model)
    this.setLastAuthor(author)
    return this.keep(documentId, model, fingerprintOf(model), name, author, this.now())
  }

  /**
   * Keeps `model` as a 定稿 of the document, or returns the one already kept with that fingerprint:
   * freezing here, and a 定稿 another team member froze (its fingerprint checked by the caller).
   */
  keep(documentId: string, model: SummaryDocument, fingerprint: string, name: string, author: string, createdAt: number): FinalSummary {
    return this.db.transaction(() => {
      const same = this.db
        .prepare(`SELECT id, document_id, created_at, name, author, fingerprint, model_json FROM revisions WHERE document_id = ? AND fingerprint = ? ORDER BY id DESC LIMIT 1`)
        .get(documentId, fingerprint) as FinalRow | undefined
      if (same) return toSummary(same)
      const info = this.db
        .prepare(`INSERT INTO revisions (document_id, created_at, reason, model_json, characters, name, author, fingerprint) VALUES (?, ?, 'final', ?, ?, ?, ?, ?)`)
        .run(documentId, createdAt, canonicalModel(model), countCharacters(documentPlainText(model)), name.trim(), author.trim(), fingerprint)
      return this.summary(Number(info.lastInsertRowid))
    })()
  }

  /** The document's 定稿, newest first; also those of a purged document (they outlive it). */
  list(documentId: string): FinalSummary[] {
    const rows = this.db
      .prepare(`SELECT id, document_id, created_at, name, author, fingerprint, model_json FROM revisions WHERE document_id = ? AND reason = 'final' ORDER BY created_at DESC, id DESC`)
      .all(documentId) as FinalRow[]
    if (!rows.length) this.documents.get(documentId) // no such document: say so
    return rows.map(toSummary)
  }

  summary(revisionId: number): FinalSummary {
    return toSummary(this.row(revisionId))
  }

  /** The frozen model, checked against its fingerprint (a changed row would be reported, not used). */
  get(revisionId: number): { final: FinalSummary; model: SummaryDocument } {
    const row = this.row(revisionId)
    const parsed = SummaryDocumentSchema.safeParse(JSON.parse(row.model_json))
    if (!parsed.success) throw new ApiError('finals.unreadable', { id: revisionId })
    if (fingerprintOf(parsed.data) !== row.fingerprint)
      throw new ApiError('finals.fingerprintMismatch', { id: revisionId })
    return { final: toSummary(row), model: parsed.data }
  }

  /** Every 定稿 in the 文稿库 with this fingerprint. */
  byFingerprint(fingerprint: string): FinalSummary[] {
    const rows = this.db
      .prepare(`SELECT id, document_id, created_at, name, author, fingerprint, model_json FROM revisions WHERE fingerprint = ? AND reason = 'final' ORDER BY id`)
      .all(fingerprint) as FinalRow[]
    return rows.map(toSummary)
  }

  /** The 定稿 whose text equals the document's current text, if any (its exports carry the mark). */
  matchingCurrent(documentId: string): FinalSummary | null {
    const fp = fingerprintOf(this.documents.get(documentId).model)
    return this.list(documentId).find((f) => f.fingerprint === fp) ?? null
  }

  lastAuthor(): string {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(AUTHOR_KEY) as { value: string } | undefined
    return row?.value ?? ''
  }

  private setLastAuthor(author: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(AUTHOR_KEY, author.trim())
  }

  private row(revisionId: number): FinalRow {
    const row = this.db
      .prepare(`SELECT id, document_id, created_at, name, author, fingerprint, model_json FROM revisions WHERE id = ? AND reason = 'final'`)
      .get(revisionId) as FinalRow | undefined
    if (!row) throw new ApiError('finals.notFound', { id: revisionId })
    return row
  }
}
