/**
 * Holds the open 文稿库 (document library) file, or the reason it could not be opened. The app starts either way: when
 * the file is corrupt or foreign it stays untouched and the writer is offered another one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ApiError, type LibraryInfo } from '../../../shared/api'
import { DocumentStore } from '../documents/store'
import { LibraryOpenError, openLibraryDatabase, type SqliteDatabase } from './database'

export class LibraryHost {
  private db: SqliteDatabase | null = null
  private store: DocumentStore | null = null
  private problem: { path: string; reason: string } | null = null
  private currentPath: string

  constructor(file: string, private readonly nativeBinding?: string) {
    this.currentPath = file
    this.tryOpen(file, true)
  }

  info(): LibraryInfo {
    if (this.store) return { state: 'open', path: this.currentPath, documents: this.store.count() }
    return { state: 'unavailable', path: this.currentPath, reason: this.problem?.reason ?? '未打开 / not open' }
  }

  /** Switches to another 文稿库 file; `create` makes a new one and refuses to overwrite any file. */
  open(file: string, create: boolean): LibraryInfo {
    const target = path.resolve(file)
    if (create && fs.existsSync(target) && fs.statSync(target).size > 0)
      throw new ApiError('conflict', `文件已存在，不会覆盖 / ${target} exists and will not be overwritten`)
    if (!create && !fs.existsSync(target)) throw new ApiError('not_found', `找不到文件 / no file at ${target}`)
    this.close()
    this.currentPath = target
    this.tryOpen(target, create)
    return this.info()
  }

  documents(): DocumentStore {
    if (!this.store) throw new ApiError('library_unavailable', `素材库无法打开 / the library cannot be opened: ${this.problem?.reason ?? ''}`)
    return this.store
  }

  /** The raw database, for services that share the 文稿库 file (snippets, 定稿, assets…). */
  database(): SqliteDatabase {
    if (!this.db) throw new ApiError('library_unavailable', `素材库无法打开 / the library cannot be opened: ${this.problem?.reason ?? ''}`)
    return this.db
  }

  close(): void {
    this.db?.close()
    this.db = null
    this.store = null
  }

  private tryOpen(file: string, create: boolean): void {
    try {
      this.db = openLibraryDatabase(file, { create, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) })
      this.store = new DocumentStore(this.db)
      this.problem = null
    } catch (err) {
      this.problem = { path: file, reason: err instanceof LibraryOpenError || err instanceof Error ? err.message : String(err) }
    }
  }
}
