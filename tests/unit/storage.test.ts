/**
 * The pieces of the library's safety that need no database: SQLite and file-system failures as
 * storage.* codes, which backups rotation keeps, and when a lock file is stale.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { storageError } from '../../electron/services/library/errors'
import { acquireLibraryLock, lockHolder, lockPathOf } from '../../electron/services/library/lock'
import { KEEP, rotationVictims, type Snapshot } from '../../electron/services/library/snapshot'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

describe('storageError', () => {
  const codeOf = (code: string) => storageError(Object.assign(new Error('x'), { code }))?.code ?? null
  it.each([
    ['SQLITE_READONLY', 'storage.readOnly'],
    ['SQLITE_READONLY_DBMOVED', 'storage.readOnly'],
    ['EACCES', 'storage.readOnly'],
    ['EPERM', 'storage.readOnly'],
    ['EROFS', 'storage.readOnly'],
    ['SQLITE_FULL', 'storage.diskFull'],
    ['ENOSPC', 'storage.diskFull'],
    ['SQLITE_BUSY', 'storage.locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'storage.locked'],
    ['SQLITE_LOCKED', 'storage.locked'],
  ])('%s → %s', (code, expected) => expect(codeOf(code)).toBe(expected))

  it('leaves other failures alone', () => {
    expect(codeOf('SQLITE_CONSTRAINT_UNIQUE')).toBeNull()
    expect(storageError(new Error('plain'))).toBeNull()
    expect(storageError('text')).toBeNull()
  })
})

describe('rotation', () => {
  const DAY = 24 * 60 * 60 * 1000
  const now = new Date(2025, 5, 30, 18, 0).getTime()
  let n = 0
  const snap = (kind: Snapshot['kind'], at: number): Snapshot => ({ id: `library-${n++}-${kind}.sqlite`, file: '', createdAt: at, kind, bytes: 1 })

  it('keeps the newest automatic backup of each of the last 7 days and of the last 4 weeks', () => {
    const all: Snapshot[] = []
    // 60 days of use: a daily backup in the morning and a quit backup every evening
    for (let d = 0; d < 60; d++) all.push(snap('daily', now - d * DAY - 9 * 3600_000), snap('quit', now - d * DAY - 3600_000))
    const victims = new Set(rotationVictims(all).map((s) => s.id))
    const kept = all.filter((s) => !victims.has(s.id)).sort((a, b) => b.createdAt - a.createdAt)
    // each kept one is the last of its day
    expect(kept.every((s) => s.kind === 'quit')).toBe(true)
    // the 7 newest days, and the newest of 4 weeks (the newest week's is already among the days)
    expect(kept.slice(0, 7).map((s) => Math.round((now - s.createdAt) / DAY))).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(kept.length).toBeGreaterThanOrEqual(KEEP.daily + KEEP.weekly - 2)
    expect(kept.length).toBeLessThanOrEqual(KEEP.daily + KEEP.weekly)
    expect(now - kept[kept.length - 1]!.createdAt).toBeLessThan(5 * 7 * DAY)
  })

  it('keeps the newest few of the writer’s own and of the safety backups, whatever their age', () => {
    const all = [
      ...Array.from({ length: 15 }, (_, i) => snap('manual', now - i * 40 * DAY)),
      ...Array.from({ length: 6 }, (_, i) => snap('migration', now - i * 400 * DAY)),
      ...Array.from({ length: 8 }, (_, i) => snap('restore', now - i * DAY)),
    ]
    const victims = rotationVictims(all)
    const left = (kind: Snapshot['kind']) => all.filter((s) => s.kind === kind && !victims.includes(s))
    expect(left('manual')).toHaveLength(KEEP.manual)
    expect(left('migration')).toHaveLength(KEEP.migration)
    expect(left('restore')).toHaveLength(KEEP.restore)
    // always the newest
    expect(left('manual')[0]!.createdAt).toBe(now)
  })
})

describe('the library lock', () => {
  it('names the live process holding it, and is taken over from a process that is gone', () => {
    const library = path.join(tempDir(), 'library.sqlite')
    const lock = acquireLibraryLock(library)
    expect(JSON.parse(fs.readFileSync(lockPathOf(library), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() })
    expect(() => acquireLibraryLock(library)).toThrow(expect.objectContaining({ code: 'library.inUse', params: { pid: process.pid } }))
    lock.release()
    expect(fs.existsSync(lockPathOf(library))).toBe(false)

    // a lock left by a process that has exited (killed: no chance to remove it)
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    const boot = Math.round((Date.now() - os.uptime() * 1000) / 60_000)
    fs.writeFileSync(lockPathOf(library), JSON.stringify({ pid: Number(gone), host: os.hostname(), boot, at: Date.now() }))
    expect(lockHolder(library)).toBeNull()
    acquireLibraryLock(library).release()

    // a lock from before a reboot, whatever its pid now belongs to
    fs.writeFileSync(lockPathOf(library), JSON.stringify({ pid: 1, host: os.hostname(), boot: boot - 24 * 60, at: 0 }))
    expect(lockHolder(library)).toBeNull()
    // the same pid, this boot: held
    fs.writeFileSync(lockPathOf(library), JSON.stringify({ pid: 1, host: os.hostname(), boot, at: 0 }))
    expect(lockHolder(library)).toBe(1)
  })
})
