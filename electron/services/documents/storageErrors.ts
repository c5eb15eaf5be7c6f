/**
 * A write the library file refused, in words a writer understands: SQLite's result codes turned
 * into the storage.* error codes (the save banner names the cause from them). Anything else passes
 * through unchanged.
 */
import fs from 'node:fs'
import { ApiError } from '../../../shared/api'

/** better-sqlite3's SqliteError carries SQLite's extended result code name in `code`. */
export function storageError(err: unknown): ApiError | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : ''
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return new ApiError('storage.readOnly')
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE_ENOSPC') return new ApiError('storage.diskFull')
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new ApiError('storage.locked')
  return null
}

/** Runs a write; a refusal of the file becomes its storage.* error. */
export function withStorageErrors<T>(write: () => T): T {
  try {
    injectedFault()
    return write()
  } catch (err) {
    throw storageError(err) ?? err
  }
}

/**
 * Fault injection for the end-to-end tests, off unless DRAFTDESK_TEST_FAULT_FILE names a file:
 * while that file holds a SQLite result code (SQLITE_READONLY, SQLITE_FULL…), every document write
 * fails with it, as the file itself would. Tests run as root, where a read-only file or a full disk
 * cannot be had for real.
 */
const FAULT_FILE = process.env.DRAFTDESK_TEST_FAULT_FILE
function injectedFault(): void {
  if (!FAULT_FILE) return
  let code = ''
  try {
    code = fs.readFileSync(FAULT_FILE, 'utf8').trim()
  } catch {
    return
  }
  if (code) throw Object.assign(new Error(`injected fault ${code}`), { code })
}
