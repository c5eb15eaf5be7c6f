/** Seal (印章) and signature (签名) images, kept in the 文稿库 file (assets table, migration 0003). */
import { createHash } from 'node:crypto'
import { ApiError, ASSET_MAX_BYTES, type AssetKind, type AssetSummary } from '../../../shared/api'
import type { SqliteDatabase } from '../library/database'
import { inspectImage, type ImageInfo } from './image'

export { inspectImage, ImageError } from './image'

interface AssetRow {
  id: string
  kind: AssetKind
  name: string
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
  bytes: number
  created_at: number
}

const COLUMNS = 'id, kind, name, mime, width, height, bytes, created_at'
const toSummary = (r: AssetRow): AssetSummary => ({ id: r.id, kind: r.kind, name: r.name, mime: r.mime, width: r.width, height: r.height, bytes: r.bytes, createdAt: r.created_at })

export class AssetStore {
  constructor(private readonly db: SqliteDatabase, private readonly now: () => number = Date.now) {}

  /**
   * Stores an image (the same bytes twice give the same asset). Refuses anything but PNG/JPEG.
   * `checked`: what inspectImage found, when it already ran (the API runs it in a worker thread).
   */
  add(kind: AssetKind, name: string, data: Uint8Array, checked?: ImageInfo): AssetSummary {
    if (data.length > ASSET_MAX_BYTES) throw new ApiError('assets.tooLarge', { limit: ASSET_MAX_BYTES / 1024 / 1024 })
    const info = checked ?? inspectImage(data) // an ImageError is already the refusal the writer sees
    const sha256 = createHash('sha256').update(data).digest('hex')
    const id = `a${sha256.slice(0, 24)}`
    const existing = this.db.prepare(`SELECT ${COLUMNS} FROM assets WHERE id = ?`).get(id) as AssetRow | undefined
    if (existing) return toSummary(existing)
    this.db
      .prepare('INSERT INTO assets (id, kind, name, mime, width, height, bytes, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, kind, name, info.mime, info.width, info.height, data.length, sha256, Buffer.from(data), this.now())
    return this.summary(id)
  }

  list(kind?: AssetKind): AssetSummary[] {
    const rows = (kind
      ? this.db.prepare(`SELECT ${COLUMNS} FROM assets WHERE kind = ? ORDER BY created_at DESC`).all(kind)
      : this.db.prepare(`SELECT ${COLUMNS} FROM assets ORDER BY created_at DESC`).all()) as AssetRow[]
    return rows.map(toSummary)
  }

  summary(id: string): AssetSummary {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM assets WHERE id = ?`).get(id) as AssetRow | undefined
    if (!row) throw new ApiError('assets.notFound', { id })
    return toSummary(row)
  }

  data(id: string): { asset: AssetSummary; data: Uint8Array } {
    const asset = this.summary(id)
    const row = this.db.prepare('SELECT data FROM assets WHERE id = ?').get(id) as { data: Buffer }
    return { asset, data: new Uint8Array(row.data) }
  }

  remove(id: string): void {
    this.summary(id)
    this.db.prepare('DELETE FROM assets WHERE id = ?').run(id)
  }
}
