/**
 * Backups of the 文稿库: consistent snapshots made by SQLite (VACUUM INTO, never a file copy: while
 * the app runs, the latest saves sit in library.sqlite-wal and a copy of the main file alone misses
 * them), in a `backups/` folder beside the library.
 *
 * Each snapshot is written to a temporary name, fsynced, checked (opened read-only: quick_check
 * over the whole file, our application_id, a schema version we know), and only then renamed to its
 * final name, so a file in backups/ with a backup's name is always a good one. The file name holds
 * the time (UTC) and why it was made: library-20250102T030405123Z-daily.sqlite.
 *
 * Two ways to write one: on the library's own connection (synchronous: before a migration, on
 * close), or in a worker thread with a read-only connection of its own (everything else), so a
 * large library (a 100,000-snippet 素材库 is hundreds of MB; its check alone takes seconds) never
 * holds up the writer's saves.
 */
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { ApiError } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'
import { APPLICATION_ID, hasSqliteHeader, identityProblem, inspectLibraryFile } from './fileFormat'
import { LATEST_SCHEMA_VERSION } from './migrations'

export const BACKUP_KINDS = ['daily', 'quit', 'manual', 'migration', 'restore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** Rotation: the automatic backups keep the newest of each of the last DAILY days and WEEKLY weeks. */
export const KEEP = { daily: 7, weekly: 4, manual: 10, migration: 3, restore: 5 } as const

export interface Snapshot {
  /** the file name: what the API names a backup by (never a path) */
  id: string
  file: string
  createdAt: number
  kind: BackupKind
  bytes: number
}

export interface SnapshotFacts {
  documents: number
  snippets: number
  version: number
}

export const backupsDirOf = (libraryFile: string): string => path.join(path.dirname(libraryFile), 'backups')

const baseOf = (libraryFile: string): string => path.basename(libraryFile).replace(/\.(sqlite3?|db)$/i, '')

/** 20250102T030405123Z */
export function stampOf(time: number): string {
  return new Date(time).toISOString().replace(/[-:.]/g, '')
}

function timeOfStamp(stamp: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)
  if (!m) return NaN
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[]
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!)
}

const NAME = /^(.+)-(\d{8}T\d{9}Z)-([a-z]+)\.sqlite$/

/** A backup's file name parsed, or null when the name is not one of ours for this library. */
export function parseBackupName(libraryFile: string, name: string): { createdAt: number; kind: BackupKind } | null {
  const m = NAME.exec(name)
  if (!m || m[1] !== baseOf(libraryFile) || !(BACKUP_KINDS as readonly string[]).includes(m[3]!)) return null
  const createdAt = timeOfStamp(m[2]!)
  return Number.isNaN(createdAt) ? null : { createdAt, kind: m[3] as BackupKind }
}

/** The backups of a library, newest first. */
export function listSnapshots(libraryFile: string): Snapshot[] {
  const dir = backupsDirOf(libraryFile)
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  const found: Snapshot[] = []
  for (const name of names) {
    const parsed = parseBackupName(libraryFile, name)
    if (!parsed) continue
    try {
      const stat = fs.statSync(path.join(dir, name))
      if (stat.isFile()) found.push({ id: name, file: path.join(dir, name), bytes: stat.size, ...parsed })
    } catch {
      // removed meanwhile
    }
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
}

const factsCache = new Map<string, SnapshotFacts & { problem: Message | null }>()

/** Documents and snippets in a backup, and why it could not be restored (cheap: no quick_check). */
export function snapshotFacts(snapshot: Snapshot, nativeBinding?: string): SnapshotFacts & { problem: Message | null } {
  const key = `${snapshot.file}:${snapshot.bytes}:${snapshot.createdAt}`
  const cached = factsCache.get(key)
  if (cached) return cached
  const inspected = inspectLibraryFile(snapshot.file, { full: false, ...(nativeBinding ? { nativeBinding } : {}) })
  const facts = { documents: inspected.documents, snippets: inspected.snippets, version: inspected.version, problem: inspected.problem }
  factsCache.set(key, facts)
  return facts
}

/** The folder for backups (private to the writer: 0700). */
export function ensureBackupsDir(libraryFile: string): string {
  const dir = backupsDirOf(libraryFile)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  return dir
}

/** A fresh final path and its temporary sibling, for a backup made at `time`. */
function targetFor(libraryFile: string, kind: BackupKind, time: number): { file: string; temp: string } {
  const dir = ensureBackupsDir(libraryFile)
  let t = time
  let file = path.join(dir, `${baseOf(libraryFile)}-${stampOf(t)}-${kind}.sqlite`)
  while (fs.existsSync(file)) file = path.join(dir, `${baseOf(libraryFile)}-${stampOf(++t)}-${kind}.sqlite`)
  return { file, temp: `${file}.${randomBytes(4).toString('hex')}.tmp` }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes a rename durable (POSIX: the folder's entry); Windows has no folder fsync and needs none. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // best effort: some file systems refuse a folder fsync
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // nothing to remove
  }
}

/** The checks a written snapshot must pass, as the problem to report, or null. */
function verdict(facts: { quick: string; appId: number; tables: number; version: number }): Message | null {
  if (facts.appId !== APPLICATION_ID || facts.version === 0) return msg(facts.appId === 0 && facts.tables === 0 ? 'library.notLibrary' : 'library.foreignDatabase')
  if (facts.version > LATEST_SCHEMA_VERSION) return msg('library.newerVersion', { version: facts.version })
  if (facts.quick !== 'ok') return msg('library.damaged', { detail: facts.quick })
  return null
}

function finish(temp: string, file: string, problem: Message | null): void {
  if (problem) {
    removeQuietly(temp)
    throw new ApiError('backups.verifyFailed', {}, { reason: problem })
  }
  fs.chmodSync(temp, 0o600)
  fs.renameSync(temp, file)
  fsyncDir(path.dirname(file))
}

/** Writes a checked snapshot of `db` (the library's own connection) synchronously. */
export function writeSnapshotSync(db: Database.Database, libraryFile: string, kind: BackupKind, time = Date.now(), dest?: string): Snapshot {
  const { file, temp } = dest ? { file: dest, temp: `${dest}.${randomBytes(4).toString('hex')}.tmp` } : targetFor(libraryFile, kind, time)
  try {
    db.prepare('VACUUM INTO ?').run(temp)
    fsyncFile(temp)
    const inspected = inspectLibraryFile(temp, { full: true })
    finish(temp, file, inspected.problem)
  } catch (err) {
    removeQuietly(temp)
    throw err
  }
  return { id: path.basename(file), file, createdAt: time, kind, bytes: fs.statSync(file).size }
}

/** What the worker found in a file. */
interface WorkerFacts {
  quick: string
  appId: number
  tables: number
  version: number
  documents: number
  snippets: number
}

/** What the worker reports: the facts of the source (when asked to check it) and of the copy. */
interface WorkerResult {
  ok: boolean
  code: string
  message: string
  source: WorkerFacts | null
  copy: WorkerFacts | null
}

/**
 * The worker's program. It runs as an eval'd script in its own thread, so it uses nothing from
 * this module: only what arrives in workerData (the path of better-sqlite3, the files).
 */
function snapshotWorkerMain(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort, workerData } = require('node:worker_threads')
  const nodeFs = require('node:fs')
  const Sqlite = require(workerData.driver)
  /* eslint-enable @typescript-eslint/no-require-imports */
  const options = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}
  const result: WorkerResult = { ok: false, code: '', message: '', source: null, copy: null }
  const factsOf = (file: string): WorkerFacts => {
    const db = new Sqlite(file, { ...options, readonly: true, fileMustExist: true })
    try {
      const facts = { quick: '', appId: 0, tables: 0, version: 0, documents: 0, snippets: 0 }
      facts.appId = db.pragma('application_id', { simple: true })
      facts.version = db.pragma('user_version', { simple: true })
      facts.quick = String(db.pragma('quick_check', { simple: true }))
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
      facts.tables = names.length
      if (names.includes('documents')) facts.documents = db.prepare('SELECT count(*) FROM documents').pluck().get()
      if (names.includes('snippets')) facts.snippets = db.prepare('SELECT count(*) FROM snippets').pluck().get()
      return facts
    } finally {
      db.close()
    }
  }
  try {
    if (workerData.checkSource) result.source = factsOf(workerData.source)
    if (workerData.temp) {
      const source = new Sqlite(workerData.source, { ...options, readonly: true, fileMustExist: true })
      try {
        source.pragma('busy_timeout = 5000')
        // one read transaction: a consistent snapshot while the app goes on saving
        source.prepare('VACUUM INTO ?').run(workerData.temp)
      } finally {
        source.close()
      }
      const fd = nodeFs.openSync(workerData.temp, 'r+')
      nodeFs.fsyncSync(fd)
      nodeFs.closeSync(fd)
      result.copy = factsOf(workerData.temp)
    }
    result.ok = true
  } catch (err) {
    result.code = err && typeof err === 'object' && 'code' in err ? String(err.code) : ''
    result.message = err instanceof Error ? err.message : String(err)
  }
  parentPort.postMessage(result)
}

const nodeRequire = typeof require === 'function' ? require : createRequire(import.meta.url)
let driverPath: string | undefined

function runWorker(data: { source: string; temp?: string; checkSource?: boolean; nativeBinding?: string }): Promise<WorkerResult> {
  driverPath ??= nodeRequire.resolve('better-sqlite3')
  // esbuild and tsx may name functions with a helper the eval'd script would not have
  const program = `const __name = (f) => f;\n(${snapshotWorkerMain.toString()})()`
  return new Promise((resolve, reject) => {
    const worker = new Worker(program, { eval: true, workerData: { ...data, driver: driverPath } })
    let settled = false
    worker.once('message', (result: WorkerResult) => {
      settled = true
      resolve(result)
    })
    worker.once('error', (err) => {
      settled = true
      reject(err)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with code ${code}`))
    })
  })
}

const workerFailure = (result: WorkerResult): Error => Object.assign(new Error(result.message), { code: result.code })

/** Writes a checked snapshot of the library file from a worker thread (the app keeps saving meanwhile). */
export async function writeSnapshot(libraryFile: string, kind: BackupKind, opts: { time?: number; dest?: string; nativeBinding?: string } = {}): Promise<Snapshot & SnapshotFacts> {
  const time = opts.time ?? Date.now()
  const { file, temp } = opts.dest ? { file: opts.dest, temp: `${opts.dest}.${randomBytes(4).toString('hex')}.tmp` } : targetFor(libraryFile, kind, time)
  let result: WorkerResult
  try {
    result = await runWorker({ source: libraryFile, temp, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) })
  } catch (err) {
    removeQuietly(temp)
    throw err
  }
  if (!result.ok || !result.copy) {
    removeQuietly(temp)
    throw workerFailure(result)
  }
  finish(temp, file, verdict(result.copy))
  return { id: path.basename(file), file, createdAt: time, kind, bytes: fs.statSync(file).size, documents: result.copy.documents, snippets: result.copy.snippets, version: result.copy.version }
}

/**
 * A library file to restore from, checked (read-only: our application_id, a schema version we know,
 * quick_check over the whole file) and copied by SQLite into `temp` (never a file copy: the file
 * may have a -wal of its own), the copy checked again. Throws backups.unusable with the reason.
 */
export async function checkedCopy(source: string, temp: string, nativeBinding?: string): Promise<SnapshotFacts> {
  const header = inspectHeader(source)
  if (header) throw new ApiError('backups.unusable', {}, { reason: header })
  let result: WorkerResult
  try {
    result = await runWorker({ source, temp, checkSource: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch (err) {
    removeQuietly(temp)
    throw err
  }
  const problem = (result.source && verdict(result.source)) ?? (result.ok && result.copy ? verdict(result.copy) : msg('library.damaged', { detail: result.message }))
  if (problem || !result.copy) {
    removeQuietly(temp)
    throw new ApiError('backups.unusable', {}, { reason: problem ?? msg('library.damaged', { detail: result.message }) })
  }
  return { documents: result.copy.documents, snippets: result.copy.snippets, version: result.copy.version }
}

/** A file that is not even SQLite: said before a worker is started for it. */
function inspectHeader(file: string): Message | null {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    return msg('library.fileNotFound')
  }
  if (!stat.isFile()) return msg('library.notAFile')
  return hasSqliteHeader(file) ? null : msg('library.notLibrary')
}

/** Local calendar day and ISO-ish week of a time, as keys. */
function dayKey(time: number): string {
  const d = new Date(time)
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
}
function weekKey(time: number): string {
  const d = new Date(time)
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7))
  return `${monday.getFullYear()}-${monday.getMonth()}-${monday.getDate()}`
}

/**
 * Which backups rotation removes. The automatic ones (daily, quit) keep the newest of each of the
 * last 7 days that have one and the newest of each of the last 4 weeks; the writer's own (manual)
 * and the safety copies (before a migration, before a restore) keep their newest few.
 */
export function rotationVictims(snapshots: readonly Snapshot[]): Snapshot[] {
  const keep = new Set<string>()
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt - a.createdAt)
  const auto = newestFirst.filter((s) => s.kind === 'daily' || s.kind === 'quit')
  const byKey = (key: (t: number) => string, limit: number) => {
    const seen = new Set<string>()
    for (const s of auto) {
      const k = key(s.createdAt)
      if (seen.has(k)) continue
      if (seen.size >= limit) break
      seen.add(k)
      keep.add(s.id)
    }
  }
  byKey(dayKey, KEEP.daily)
  byKey(weekKey, KEEP.weekly)
  for (const kind of ['manual', 'migration', 'restore'] as const) for (const s of newestFirst.filter((x) => x.kind === kind).slice(0, KEEP[kind])) keep.add(s.id)
  return newestFirst.filter((s) => !keep.has(s.id))
}

/** Applies the rotation; also clears temporary files left by a backup that was interrupted. */
export function rotate(libraryFile: string): Snapshot[] {
  const victims = rotationVictims(listSnapshots(libraryFile))
  for (const v of victims) removeQuietly(v.file)
  const dir = backupsDirOf(libraryFile)
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.tmp')) continue
      const file = path.join(dir, name)
      if (Date.now() - fs.statSync(file).mtimeMs > 60 * 60 * 1000) removeQuietly(file)
    }
  } catch {
    // no folder
  }
  return victims
}

/** Does the open database need a backup before migrating? (an existing library with pending migrations) */
export function needsPreMigrationBackup(db: Database.Database): boolean {
  const version = db.pragma('user_version', { simple: true }) as number
  return version > 0 && version < LATEST_SCHEMA_VERSION && identityProblem(db) === null
}
