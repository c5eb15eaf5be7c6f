/**
 * Opening the library file safely. A file that is not ours (not SQLite, or another program's
 * SQLite database) is never written to: we check before the first write, and report why.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { msg, messageText, type Message } from '../../../shared/errors'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'

/** PRAGMA application_id marking a DraftDesk library ('DRFT'). */
export const APPLICATION_ID = 0x44524654
const SQLITE_HEADER = 'SQLite format 3\u0000'

export type SqliteDatabase = Database.Database

/** Why a library file was not opened; `reason` is what the writer is told. */
export class LibraryOpenError extends Error {
  constructor(readonly path: string, readonly reason: Message) {
    super(messageText(reason))
    this.name = 'LibraryOpenError'
  }
}

function readHeader(file: string): Buffer | null {
  let fd: number | undefined
  try {
    fd = fs.openSync(file, 'r')
    const buf = Buffer.alloc(16)
    const n = fs.readSync(fd, buf, 0, 16, 0)
    return buf.subarray(0, n)
  } catch {
    return null
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

export interface OpenOptions {
  /** create the file when missing (default true) */
  create?: boolean
  /** path of an Electron-ABI build of better-sqlite3 (Electron main only) */
  nativeBinding?: string
}

export function openLibraryDatabase(file: string, opts: OpenOptions = {}): SqliteDatabase {
  const exists = fs.existsSync(file)
  if (!exists && opts.create === false) throw new LibraryOpenError(file, msg('library.fileNotFound'))
  if (exists) {
    const stat = fs.statSync(file)
    if (!stat.isFile()) throw new LibraryOpenError(file, msg('library.notAFile'))
    if (stat.size > 0) {
      const header = readHeader(file)
      if (!header || header.toString('latin1') !== SQLITE_HEADER)
        throw new LibraryOpenError(file, msg('library.notLibrary'))
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true })
  }

  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {})
  try {
    // Read-only checks first: nothing is written to a file that is not ours.
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
    if (appId !== 0 && appId !== APPLICATION_ID) throw new LibraryOpenError(file, msg('library.foreignDatabase'))
    if (appId === 0 && tables.n > 0) throw new LibraryOpenError(file, msg('library.foreignDatabase'))
    if (version > LATEST_SCHEMA_VERSION) throw new LibraryOpenError(file, msg('library.newerVersion', { version }))
    const integrity = quickCheck(db)
    if (integrity !== 'ok') throw new LibraryOpenError(file, msg('library.damaged', { detail: String(integrity) }))

    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL') // WAL + NORMAL: a committed save survives a process crash
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 3000')
    migrate(db)
    return db
  } catch (err) {
    db.close()
    if (err instanceof LibraryOpenError) throw err
    const message = err instanceof Error ? err.message : String(err)
    throw new LibraryOpenError(file, msg('library.cannotOpen', { detail: message }))
  }
}

/**
 * PRAGMA quick_check over the writer's documents, revisions and settings. The snippet tables
 * (snippets and their full-text indexes: hundreds of MB in a large snippet library, and reading
 * them all would take seconds on every start) are left out, so opening stays fast.
 */
function quickCheck(db: Database.Database): unknown {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'snippet%' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
  if (tables.length === 0) return db.pragma('quick_check', { simple: true })
  for (const { name } of tables) {
    const result = db.pragma(`quick_check("${name.replace(/"/g, '""')}")`, { simple: true })
    if (result !== 'ok') return result
  }
  return 'ok'
}

/** Applies every pending migration in one transaction (all or nothing). */
export function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up)
      db.pragma(`user_version = ${m.version}`)
    }
    db.pragma(`application_id = ${APPLICATION_ID}`)
  })()
}
