/**
 * What makes a file a DraftDesk 文稿库, checked without writing to it: the SQLite header, our
 * application_id, a schema version this build knows, and SQLite's own quick_check. Used when a
 * library is opened, when a backup is written (the copy is checked before it counts) and before a
 * backup is restored (the copy is checked before anything is touched).
 */
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { msg, type Message } from '../../../shared/errors'
import { LATEST_SCHEMA_VERSION } from './migrations'

/** PRAGMA application_id marking a DraftDesk library ('DRFT'). */
export const APPLICATION_ID = 0x44524654
export const SQLITE_HEADER = 'SQLite format 3\u0000'

export function readHeader(file: string, length = 16): Buffer | null {
  let fd: number | undefined
  try {
    fd = fs.openSync(file, 'r')
    const buf = Buffer.alloc(length)
    const n = fs.readSync(fd, buf, 0, length, 0)
    return buf.subarray(0, n)
  } catch {
    return null
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

export function hasSqliteHeader(file: string): boolean {
  const header = readHeader(file)
  return !!header && header.toString('latin1') === SQLITE_HEADER
}

/** Why an open database is not a library this build can use, or null. Reads only. */
export function identityProblem(db: Database.Database): Message | null {
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
  if (appId !== 0 && appId !== APPLICATION_ID) return msg('library.foreignDatabase')
  if (appId === 0 && tables.n > 0) return msg('library.foreignDatabase')
  if (version > LATEST_SCHEMA_VERSION) return msg('library.newerVersion', { version })
  return null
}

/**
 * PRAGMA quick_check. `full` checks the whole file (a backup, a file about to be restored). Without
 * it the snippet tables, the writer's and the team's mirror (their full-text indexes run to hundreds
 * of MB in a large snippet library, seconds to read) are left out, so opening the library every day stays fast.
 */
export function quickCheck(db: Database.Database, full = false): string {
  if (!full) {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'snippet%' AND name NOT LIKE 'team_snippet%' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    if (tables.length > 0) {
      for (const { name } of tables) {
        const result = db.pragma(`quick_check("${name.replace(/"/g, '""')}")`, { simple: true })
        if (result !== 'ok') return String(result)
      }
      return 'ok'
    }
  }
  return String(db.pragma('quick_check', { simple: true }))
}

export interface FileInspection {
  /** why the file cannot be used as a library, or null */
  problem: Message | null
  version: number
  documents: number
  snippets: number
}

/**
 * Opens `file` read-only and checks it as a whole: header, identity, schema version, quick_check
 * over every table; counts its documents and snippets. Never writes to it.
 */
export function inspectLibraryFile(file: string, opts: { nativeBinding?: string; full?: boolean } = {}): FileInspection {
  const empty = { version: 0, documents: 0, snippets: 0 }
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    return { problem: msg('library.fileNotFound'), ...empty }
  }
  if (!stat.isFile()) return { problem: msg('library.notAFile'), ...empty }
  if (!hasSqliteHeader(file)) return { problem: msg('library.notLibrary'), ...empty }
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) })
    const identity = identityProblem(db)
    const version = db.pragma('user_version', { simple: true }) as number
    if (identity) return { problem: identity, ...empty, version }
    if (version === 0) return { problem: msg('library.notLibrary'), ...empty }
    const integrity = quickCheck(db, opts.full ?? true)
    if (integrity !== 'ok') return { problem: msg('library.damaged', { detail: integrity }), ...empty, version }
    return { problem: null, version, documents: countRows(db, 'documents'), snippets: countRows(db, 'snippets') }
  } catch (err) {
    return { problem: msg('library.damaged', { detail: err instanceof Error ? err.message : String(err) }), ...empty }
  } finally {
    db?.close()
  }
}

function countRows(db: Database.Database, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)
  if (!exists) return 0
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}
