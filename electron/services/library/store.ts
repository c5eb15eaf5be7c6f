/**
 * Holds the open 文稿库 (document library) file, or the reason it could not be opened. The app starts either way: when
 * the file is corrupt or foreign it stays untouched and the writer is offered another one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ApiError, type LibraryInfo } from '../../../shared/api'
import { DocumentStore } from '../documents/store'
import { LibraryOpenError, openLibraryDatabase, type SqliteDatabase } from './database'
import { msg, type Message } from '../../../shared/errors'

export class LibraryHost {
  private db: SqliteDatabase | null = null
  private store: DocumentStore | null = null
  private problem: { path: string; reason: Message } | null = null
  private currentPath: string

  constructor(file: string, private readonly nativeBinding?: string) {
    this.currentPath = file
    this.tryOpen(file, true)
  }

  info(): LibraryInfo {
    if (this.store) return { state: 'open', path: this.currentPath, documents: this.store.count() }
    const problem = this.problem?.reason ?? msg('library.notOpen')
    return { state: 'unavailable', path: this.currentPath, problem }
  }

  /**
   * Switches to another 文稿库 file; `create` makes a new one and refuses to overwrite any file.
   * The new file is opened first: one that cannot be opened is refused (library.unavailable with
   * the reason) and the open library stays open.
   */
  open(file: string, create: boolean): LibraryInfo {
    const target = path.resolve(file)
    if (create && fs.existsSync(target) && fs.statSync(target).size > 0)
      throw new ApiError('library.exists', { path: target })
    if (!create && !fs.existsSync(target)) throw new ApiError('library.noFile', { path: target })
    // opening is not creating: an empty file is no library, and is not turned into one
    if (!create && fs.statSync(target).isFile() && fs.statSync(target).size === 0) throw new ApiError('library.unavailable', {}, { reason: msg('library.notLibrary') })
    let db: SqliteDatabase
    try {
      db = openLibraryDatabase(target, { create, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) })
    } catch (err) {
      const reason = err instanceof LibraryOpenError ? err.reason : msg('library.cannotOpen', { detail: err instanceof Error ? err.message : String(err) })
      throw new ApiError('library.unavailable', {}, { reason })
    }
    this.close()
    this.db = db
    this.store = new DocumentStore(db)
    this.problem = null
    this.currentPath = target
    return this.info()
  }

  documents(): DocumentStore {
    if (!this.store) throw this.unavailable()
    return this.store
  }

  /** The raw database, for services that share the 文稿库 file (snippets, 定稿, assets…). */
  database(): SqliteDatabase {
    if (!this.db) throw this.unavailable()
    return this.db
  }

  private unavailable(): ApiError {
    return new ApiError('library.unavailable', {}, { reason: this.problem?.reason ?? msg('library.notOpen') })
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
      this.problem = { path: file, reason: err instanceof LibraryOpenError ? err.reason : msg('library.cannotOpen', { detail: err instanceof Error ? err.message : String(err) }) }
    }
  }
}
