/**
 * SQLite's and the file system's failures in words a writer understands. dispatch (services/handlers.ts)
 * runs every failure of every method through storageError, so each write path — autosave, import,
 * snippets, backups — says the same thing for the same cause.
 */
import { msg, type Message } from '../../../shared/errors'

/** The error's code: SQLITE_READONLY_DBMOVED from better-sqlite3, EACCES from node:fs… */
function codeOf(err: unknown): string {
  if (typeof err !== 'object' || err === null) return ''
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' ? code : ''
}

/** The storage.* message for a failure of the library file, or null when it is something else. */
export function storageError(err: unknown): Message | null {
  const code = codeOf(err)
  if (!code) return null
  // extended codes (SQLITE_READONLY_DBMOVED, SQLITE_BUSY_SNAPSHOT…) share their primary's meaning
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return msg('storage.readOnly')
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return msg('storage.diskFull')
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_') || code === 'EBUSY') return msg('storage.locked')
  return null
}
