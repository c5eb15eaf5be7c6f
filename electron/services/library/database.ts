/**
 * Opening the library file safely. A file that is not ours (not SQLite, or another program's
 * SQLite database) is never written to: we check before the first write, and report why. A library
 * the writer cannot write to (the file or its folder is read-only) opens read-only. An existing
 * library is backed up before any migration changes it. See docs/storage.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { msg, messageText, type Message } from '../../../shared/errors'
import { storageError } from './errors'
import { APPLICATION_ID, hasSqliteHeader, identityProblem, quickCheck } from './fileFormat'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'
import { needsPreMigrationBackup, rotate, writeSnapshotSync } from './snapshot'

export { APPLICATION_ID } from './fileFormat'

export type SqliteDatabase = Database.Database

/** Why a library file was not opened; `reason` is what the writer is told. */
export class LibraryOpenError extends Error {
  constructor(readonly path: string, readonly reason: Message) {
    super(messageText(reason))
    this.name = 'LibraryOpenError'
  }
}

export interface OpenOptions {
  /** create the file when missing (default true) */
  create?: boolean
  /** path of an Electron-ABI build of better-sqlite3 (Electron main only) */
  nativeBinding?: string
}

const POSIX = process.platform !== 'win32'

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Is the library read-only for us? The file must be writable, and so must its folder: SQLite keeps
 * the -wal and -shm files beside it. (As root, access() reports a file writable whatever its mode,
 * which is true; an immutable file or a read-only mount still reports EPERM / EROFS.)
 */
export function isReadOnlyLibrary(file: string): boolean {
  return !writable(file) || !writable(path.dirname(file))
}

export function openLibraryDatabase(file: string, opts: OpenOptions = {}): SqliteDatabase {
  const exists = fs.existsSync(file)
  if (!exists && opts.create === false) throw new LibraryOpenError(file, msg('library.fileNotFound'))
  let readOnly = false
  if (exists) {
    const stat = fs.statSync(file)
    if (!stat.isFile()) throw new LibraryOpenError(file, msg('library.notAFile'))
    if (stat.size > 0 && !hasSqliteHeader(file)) throw new LibraryOpenError(file, msg('library.notLibrary'))
    readOnly = isReadOnlyLibrary(file)
    if (readOnly && stat.size === 0) throw new LibraryOpenError(file, msg('storage.readOnly'))
  } else {
    const dir = path.dirname(file)
    // a new library is the writer's alone: folder 0700, file 0600 (POSIX)
    try {
      if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    } catch (err) {
      throw new LibraryOpenError(file, storageError(err) ?? msg('library.cannotOpen', { detail: String(err) }))
    }
    if (!writable(dir)) throw new LibraryOpenError(file, msg('storage.readOnly'))
  }

  const db = readOnly ? openReadOnly(file, opts) : new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {})
  try {
    if (!exists && POSIX) fs.chmodSync(file, 0o600)
    // Read-only checks first: nothing is written to a file that is not ours.
    const identity = identityProblem(db)
    if (identity) throw new LibraryOpenError(file, identity)
    const integrity = quickCheck(db)
    if (integrity !== 'ok') throw new LibraryOpenError(file, msg('library.damaged', { detail: integrity }))

    // FULL: with WAL, each commit syncs the WAL, so a save the app reported survives a power cut,
    // not only a crash (figures in docs/storage.md)
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 3000')
    if (readOnly) {
      const version = db.pragma('user_version', { simple: true }) as number
      if (version < LATEST_SCHEMA_VERSION) throw new LibraryOpenError(file, msg('library.readOnlyOutdated', { version }))
      return db
    }
    db.pragma('journal_mode = WAL')
    migrate(db)
    return db
  } catch (err) {
    db.close()
    if (err instanceof LibraryOpenError) throw err
    const message = err instanceof Error ? err.message : String(err)
    throw new LibraryOpenError(file, storageError(err) ?? msg('library.cannotOpen', { detail: message }))
  }
}

/** Private read-only copies made for libraries in read-only folders, removed when the process ends. */
const privateCopies = new Set<string>()
function removePrivateCopies(): void {
  for (const dir of privateCopies) fs.rmSync(dir, { recursive: true, force: true })
}

/**
 * Opens a read-only library. SQLite needs its -shm file beside a WAL library even to read it; in a
 * folder where it cannot be made, the library is read from a private copy of the file (and its
 * -wal, when one was left), which nobody else is writing to since nobody can.
 */
function openReadOnly(file: string, opts: OpenOptions): SqliteDatabase {
  const options = { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) }
  try {
    const db = new Database(file, options)
    db.pragma('user_version', { simple: true }) // SQLite opens lazily: read once to know it works
    return db
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_CANTOPEN') throw err
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-readonly-'))
  if (privateCopies.size === 0) process.once('exit', removePrivateCopies)
  privateCopies.add(dir)
  const copy = path.join(dir, path.basename(file))
  fs.copyFileSync(file, copy)
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`)
  return new Database(copy, options)
}

/**
 * Applies every pending migration in one transaction (all or nothing). An existing library is
 * first backed up (backups/…-migration.sqlite, checked like every backup): if that backup cannot be
 * made, nothing is migrated and the library does not open, rather than change it unprotected.
 */
export function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  if (needsPreMigrationBackup(db) && db.name && db.name !== ':memory:') {
    writeSnapshotSync(db, db.name, 'migration')
    rotate(db.name)
  }
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up)
      db.pragma(`user_version = ${m.version}`)
    }
    db.pragma(`application_id = ${APPLICATION_ID}`)
  })()
}
