/**
 * One app per 文稿库: a lock file beside the library (`library.sqlite.lock`) holding the pid of the
 * app that has it open. Two apps writing the same library would not corrupt it (SQLite sees to
 * that) but each would save over the other's text, and a restore in one would swap the file under
 * the other. A lock left by a process that is gone (killed, crashed, a reboot since) is stale and
 * taken over, so it never blocks the next start.
 */
import fs from 'node:fs'
import os from 'node:os'
import { ApiError } from '../../../shared/api'

interface LockContent {
  pid: number
  host: string
  /** when this machine last booted, to the minute: a pid from before a reboot means nothing */
  boot: number
  at: number
}

export const lockPathOf = (libraryFile: string): string => `${libraryFile}.lock`

const bootTime = (): number => Math.round((Date.now() - os.uptime() * 1000) / 60_000)

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null
    return { pid: parsed.pid, host: parsed.host, boot: Number(parsed.boot) || 0, at: Number(parsed.at) || 0 }
  } catch {
    return null
  }
}

/** The pid of another live app holding the library, or null. */
export function lockHolder(libraryFile: string): number | null {
  const content = readLock(lockPathOf(libraryFile))
  if (!content) return null
  if (content.host !== os.hostname()) return content.pid // another machine on a shared folder: believe it
  if (Math.abs(content.boot - bootTime()) > 2) return null
  if (content.pid === process.pid) return null
  return alive(content.pid) ? content.pid : null
}

export interface LibraryLock {
  release(): void
}

/**
 * Takes the lock of `libraryFile`, or throws library.inUse naming the other app's pid. A folder
 * where no lock file can be written (a read-only library) is not locked: nothing can be saved there.
 */
export function acquireLibraryLock(libraryFile: string): LibraryLock {
  const file = lockPathOf(libraryFile)
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), boot: bootTime(), at: Date.now() } satisfies LockContent)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 })
      return { release: () => releaseIfOurs(file) }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'EEXIST') return { release: () => {} }
    }
    const existing = readLock(file)
    if (existing && existing.pid === process.pid && existing.host === os.hostname() && Math.abs(existing.boot - bootTime()) <= 2)
      throw new ApiError('library.inUse', { pid: existing.pid }) // this process has it open already
    const holder = lockHolder(libraryFile)
    if (holder !== null) throw new ApiError('library.inUse', { pid: holder })
    // stale (or half-written by a process killed while writing it): take it over
    if (!existing) {
      const age = Date.now() - safeMtime(file)
      if (age < 2000) continue // being written right now by another starting app
    }
    try {
      fs.unlinkSync(file)
    } catch {
      // another app removed it first; try again
    }
  }
  const holder = readLock(file)
  throw new ApiError('library.inUse', { pid: holder?.pid ?? 0 })
}

function safeMtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs
  } catch {
    return 0
  }
}

function releaseIfOurs(file: string): void {
  const content = readLock(file)
  if (content && content.pid === process.pid && content.host === os.hostname()) {
    try {
      fs.unlinkSync(file)
    } catch {
      // already gone
    }
  }
}
