/**
 * Holds the open 文稿库 (document library) file, or the reason it could not be opened. The app starts either way: when
 * the file is corrupt or foreign it stays untouched and the writer is offered another one.
 *
 * It also looks after the file while it is open (docs/storage.md): after each API call it notes
 * whether anything was written; once writes go quiet it checkpoints the WAL, so library.sqlite
 * itself holds the latest saves, and takes the day's first backup; on close it backs up what was
 * written since the last backup. With `exclusive` it holds the one-app lock of the library.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Statement } from 'better-sqlite3'
import { ApiError, type LibraryInfo } from '../../../shared/api'
import { DocumentStore } from '../documents/store'
import { LibraryOpenError, openLibraryDatabase, type SqliteDatabase } from './database'
import { storageError } from './errors'
import { acquireLibraryLock, type LibraryLock } from './lock'
import { listSnapshots, rotate, writeSnapshot, writeSnapshotSync, type BackupKind, type Snapshot, type SnapshotFacts } from './snapshot'
import { msg, type Message } from '../../../shared/errors'

export interface LibraryHostOptions {
  /** path of an Electron-ABI build of better-sqlite3 (Electron main only) */
  nativeBinding?: string
  /** hold the one-app lock of the library (the app, the browser shell; not the CLI) */
  exclusive?: boolean
  /** checkpoint and take the daily backup on timers, once writes go quiet (not the CLI, which is gone by then) */
  background?: boolean
  /** how long without a write counts as quiet (ms) */
  quietMs?: number
  /** the longest a checkpoint waits while writes never go quiet (ms) */
  maxWaitMs?: number
  now?: () => number
}

/** The writer's calendar day of a time. */
const dayOf = (time: number): string => new Date(time).toDateString()

export class LibraryHost {
  private db: SqliteDatabase | null = null
  private store: DocumentStore | null = null
  private problem: { path: string; reason: Message } | null = null
  private currentPath: string
  private readOnly = false
  private lock: LibraryLock | null = null
  private lockedPath: string | null = null
  private totalChanges: Statement | null = null
  /** total_changes() when last looked, and as far as the newest backup covers */
  private changesSeen = 0
  private changesBackedUp = 0
  /** the day of the newest backup: the first quiet moment of another day takes one */
  private lastBackupDay: string | null = null
  private quietTimer: NodeJS.Timeout | null = null
  private dirtySince: number | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private backgroundError: Message | null = null
  private readonly opts: LibraryHostOptions
  private readonly now: () => number

  constructor(file: string, opts: LibraryHostOptions = {}) {
    this.opts = opts
    this.now = opts.now ?? Date.now
    this.currentPath = path.resolve(file)
    if (opts.exclusive) this.takeLock(this.currentPath)
    this.tryOpen(this.currentPath, true)
  }

  get path(): string {
    return this.currentPath
  }

  get nativeBinding(): string | undefined {
    return this.opts.nativeBinding
  }

  /** true when the library opened read-only (its file or folder cannot be written) */
  get isReadOnly(): boolean {
    return this.readOnly
  }

  /** Why the library is unavailable, or null when it is open. */
  get unavailableReason(): Message | null {
    return this.db ? null : (this.problem?.reason ?? msg('library.notOpen'))
  }

  /** The last failure of a backup taken in the background (daily), until one succeeds. */
  get lastBackgroundError(): Message | null {
    return this.backgroundError
  }

  info(): LibraryInfo {
    if (this.store) return { state: 'open', path: this.currentPath, documents: this.store.count(), ...(this.readOnly ? { readOnly: true } : {}) }
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
    this.switchTo(target, create, true)
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

  /**
   * After every API call: did it write? A write starts (or prolongs) the wait for a quiet moment,
   * when the WAL is checkpointed and, on a new day, the day's backup is taken.
   */
  noteActivity(): void {
    if (!this.totalChanges || this.readOnly) return
    let changes: number
    try {
      changes = this.totalChanges.get() as number
    } catch {
      return
    }
    if (changes === this.changesSeen) return
    this.changesSeen = changes
    if (!this.opts.background) return
    const now = this.now()
    this.dirtySince ??= now
    if (this.quietTimer) clearTimeout(this.quietTimer)
    const quiet = this.opts.quietMs ?? 5000
    const latest = this.dirtySince + (this.opts.maxWaitMs ?? 60_000) - now
    this.quietTimer = setTimeout(() => this.onQuiet(), Math.max(0, Math.min(quiet, latest)))
    this.quietTimer.unref()
  }

  private onQuiet(): void {
    this.quietTimer = null
    this.dirtySince = null
    if (!this.db) return
    this.checkpoint('PASSIVE')
    if (this.lastBackupDay !== dayOf(this.now())) {
      this.backup('daily').then(
        () => (this.backgroundError = null),
        (err: unknown) => (this.backgroundError = storageError(err) ?? (err instanceof ApiError ? err.toMessage() : msg('internal.app', { detail: String(err) }))),
      )
    }
  }

  /** Copies the WAL into the library file. PASSIVE never waits for readers; TRUNCATE also empties the WAL. */
  checkpoint(mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): void {
    if (!this.db || this.readOnly) return
    try {
      this.db.pragma(`wal_checkpoint(${mode})`)
    } catch {
      // busy: the next quiet moment (or close) tries again
    }
  }

  /** Runs jobs that take the file as a whole (backups, restore, salvage) one at a time. */
  serial<T>(job: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(job, job)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Takes a checked backup from a worker thread (the writer goes on saving meanwhile) and rotates. */
  backup(kind: BackupKind, dest?: string): Promise<Snapshot & SnapshotFacts> {
    return this.serial(async () => {
      if (!this.db) throw this.unavailable()
      const file = this.currentPath
      const covered = this.currentChanges()
      const snapshot = await writeSnapshot(file, kind, { time: this.now(), ...(dest ? { dest } : {}), ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}) })
      if (!dest) {
        rotate(file)
        if (file === this.currentPath) {
          this.changesBackedUp = Math.max(this.changesBackedUp, covered)
          this.lastBackupDay = dayOf(snapshot.createdAt)
        }
      }
      return snapshot
    })
  }

  private currentChanges(): number {
    try {
      return (this.totalChanges?.get() as number | undefined) ?? 0
    } catch {
      return 0
    }
  }

  /**
   * Closes the file for a restore to replace it: the WAL emptied into it, no backup (the restore
   * made one), the lock kept. `reattach` opens whatever is at the path then.
   */
  detach(): void {
    this.stopTimers()
    this.checkpoint('TRUNCATE')
    this.db?.close()
    this.db = null
    this.store = null
    this.totalChanges = null
  }

  /** Opens the library at `file` after detach() (the same path, or a new one such as a salvaged library). */
  reattach(file = this.currentPath, create = false): LibraryInfo {
    const target = path.resolve(file)
    if (target !== this.currentPath) this.switchTo(target, create)
    else this.tryOpen(target, create)
    return this.info()
  }

  close(): void {
    this.closeFile()
    this.releaseLock()
  }

  private closeFile(): void {
    this.stopTimers()
    if (this.db && !this.readOnly) {
      // what was written since the last backup is backed up before the app lets go of the file
      if (this.currentChanges() > this.changesBackedUp) {
        try {
          writeSnapshotSync(this.db, this.currentPath, 'quit', this.now())
          rotate(this.currentPath)
        } catch {
          // a full disk must not keep the app from quitting; the saves themselves are in the library
        }
      }
      this.checkpoint('TRUNCATE')
    }
    this.db?.close()
    this.db = null
    this.store = null
    this.totalChanges = null
  }

  private stopTimers(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer)
    this.quietTimer = null
    this.dirtySince = null
  }

  private switchTo(target: string, create: boolean, keepOnFailure = false): void {
    // the other library's lock first: when another app holds it, the current library stays open
    const newLock = this.opts.exclusive && target !== this.lockedPath ? acquireLibraryLock(target) : null
    if (keepOnFailure) {
      // and the other library must open before this one closes
      try {
        openLibraryDatabase(target, { create, ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}) }).close()
      } catch (err) {
        newLock?.release()
        throw new ApiError('library.unavailable', {}, { reason: err instanceof LibraryOpenError ? err.reason : msg('library.cannotOpen', { detail: err instanceof Error ? err.message : String(err) }) })
      }
    }
    this.closeFile()
    if (newLock) {
      this.releaseLock()
      this.lock = newLock
      this.lockedPath = target
    }
    this.currentPath = target
    this.tryOpen(target, create)
  }

  private takeLock(file: string): void {
    this.lock = acquireLibraryLock(file)
    this.lockedPath = file
  }

  private releaseLock(): void {
    this.lock?.release()
    this.lock = null
    this.lockedPath = null
  }

  private tryOpen(file: string, create: boolean): void {
    try {
      this.db = openLibraryDatabase(file, { create, ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}) })
      this.readOnly = this.db.readonly
      this.store = new DocumentStore(this.db)
      this.totalChanges = this.db.prepare('SELECT total_changes()').pluck()
      this.changesSeen = this.currentChanges()
      this.changesBackedUp = this.changesSeen
      const newest = listSnapshots(file)[0]
      this.lastBackupDay = newest ? dayOf(newest.createdAt) : null
      this.problem = null
    } catch (err) {
      this.db = null
      this.store = null
      this.totalChanges = null
      this.problem = { path: file, reason: err instanceof LibraryOpenError ? err.reason : msg('library.cannotOpen', { detail: err instanceof Error ? err.message : String(err) }) }
    }
  }
}
