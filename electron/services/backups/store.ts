/**
 * Backups of the 文稿库 as the writer sees them (docs/storage.md): the list, 立即备份, restoring a
 * backup, salvaging a damaged library. The files themselves are written and checked by
 * library/snapshot.ts; the open library is held by LibraryHost, which this asks to let go of the
 * file while it is replaced.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError, type ApiOutput, type BackupSummary } from '../../../shared/api'
import { lockHolder } from '../library/lock'
import { backupsDirOf, checkedCopy, fsyncDir, listSnapshots, rotate, snapshotFacts, stampOf, writeSnapshot, type Snapshot, type SnapshotFacts } from '../library/snapshot'
import type { LibraryHost } from '../library/store'
import { salvageLibrary } from './salvage'

const SIDECARS = ['', '-wal', '-shm'] as const

/** Moves a library file with its -wal and -shm (the WAL may hold its newest saves). */
function moveLibraryFile(from: string, to: string): void {
  for (const suffix of SIDECARS) if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix)
}

function removeLibraryFile(file: string): void {
  for (const suffix of SIDECARS) fs.rmSync(file + suffix, { force: true })
}

const baseOf = (file: string): string => path.basename(file).replace(/\.(sqlite3?|db)$/i, '')

function summary(s: Snapshot, facts: SnapshotFacts & { problem?: ReturnType<typeof snapshotFacts>['problem'] }): BackupSummary {
  return {
    id: s.id,
    createdAt: s.createdAt,
    kind: s.kind,
    bytes: s.bytes,
    documents: facts.documents,
    snippets: facts.snippets,
    ...(facts.problem ? { problem: facts.problem } : {}),
  }
}

export class Backups {
  constructor(private readonly host: LibraryHost) {}

  list(): ApiOutput<'backups.list'> {
    const file = this.host.path
    const backups = listSnapshots(file).map((s) => summary(s, snapshotFacts(s, this.host.nativeBinding)))
    const lastError = this.host.lastBackgroundError
    return { folder: backupsDirOf(file), backups, ...(lastError ? { lastError } : {}) }
  }

  /** 立即备份, or (CLI) a backup into a file of the writer's choosing, which must not exist. */
  async create(dest?: string): Promise<BackupSummary & { file: string }> {
    if (dest && fs.existsSync(dest)) throw new ApiError('backups.exists', { path: dest })
    const snapshot = await this.host.backup('manual', dest)
    return { ...summary(snapshot, snapshot), file: snapshot.file }
  }

  /** Restores the backup named `id` in the list; without one, the newest that passes the checks. */
  async restoreById(id?: string): Promise<ApiOutput<'backups.restore'>> {
    const snapshots = listSnapshots(this.host.path)
    if (id !== undefined) {
      const chosen = snapshots.find((s) => s.id === id)
      if (!chosen) throw new ApiError('backups.notFound', { id })
      return this.restoreFile(chosen.file, chosen)
    }
    let failure: unknown = new ApiError('backups.noGoodBackup')
    for (const s of snapshots) {
      if (snapshotFacts(s, this.host.nativeBinding).problem) continue
      try {
        return await this.restoreFile(s.file, s)
      } catch (err) {
        // this one failed its checks: the next older one
        if (!(err instanceof ApiError && err.code === 'backups.unusable')) throw err
        failure = err
      }
    }
    throw failure
  }

  /**
   * Replaces the library with the library in `source` (a backup, or any library file for the CLI).
   * Order: check the source and copy it beside the library (nothing touched yet); back up the
   * current library (or, when it cannot be opened, keep it aside unchanged); close it; swap the
   * files by rename; open. If the restored file does not open, the old one is put back.
   */
  restoreFile(source: string, known?: Snapshot): Promise<ApiOutput<'backups.restore'>> {
    return this.host.serial(async () => {
      const host = this.host
      const file = host.path
      if (host.isReadOnly) throw new ApiError('backups.readOnly')
      const holder = lockHolder(file)
      if (holder !== null) throw new ApiError('library.inUse', { pid: holder })

      const dir = path.dirname(file)
      const temp = path.join(dir, `.${path.basename(file)}.restore-${randomBytes(4).toString('hex')}.tmp`)
      const facts = await checkedCopy(path.resolve(source), temp, host.nativeBinding)
      try {
        fs.chmodSync(temp, 0o600)
        const open = host.unavailableReason === null
        const safety = open ? await writeSnapshot(file, 'restore', host.nativeBinding ? { nativeBinding: host.nativeBinding } : {}) : null

        host.detach()
        const aside = open ? `${file}.replaced-${randomBytes(4).toString('hex')}` : path.join(dir, `${baseOf(file)}-replaced-${stampOf(Date.now())}.sqlite`)
        moveLibraryFile(file, aside)
        fs.renameSync(temp, file)
        fsyncDir(dir)
        const info = host.reattach()
        if (info.state !== 'open') {
          host.detach()
          removeLibraryFile(file)
          moveLibraryFile(aside, file)
          fsyncDir(dir)
          host.reattach()
          throw new ApiError('backups.restoreFailed', {}, { reason: info.problem })
        }
        if (open) removeLibraryFile(aside)
        rotate(file)
        const restored: Snapshot = known ?? { id: path.basename(source), file: source, createdAt: fs.statSync(source).mtimeMs, kind: 'manual', bytes: fs.statSync(source).size }
        return {
          library: info,
          restored: summary(restored, facts),
          safety: safety ? summary(safety, safety) : null,
          keptAside: open ? null : aside,
        }
      } finally {
        fs.rmSync(temp, { force: true })
      }
    })
  }

  /**
   * The library cannot be opened: copy every readable document and snippet into a new library
   * beside it (named with the time), leave the damaged file as it is, and open the new one.
   */
  salvage(): Promise<ApiOutput<'library.salvage'>> {
    return this.host.serial(() => {
      const host = this.host
      const damaged = host.path
      const reason = host.unavailableReason
      if (reason === null || !fs.existsSync(damaged)) throw new ApiError('salvage.notNeeded')
      const target = path.join(path.dirname(damaged), `${baseOf(damaged)}-salvaged-${stampOf(Date.now())}.sqlite`)
      let report
      try {
        report = salvageLibrary(damaged, target, host.nativeBinding)
      } catch (err) {
        removeLibraryFile(target)
        throw err
      }
      const library = host.reattach(target)
      if (library.state !== 'open') throw new ApiError('backups.restoreFailed', {}, { reason: library.problem })
      return { library, path: target, documents: report.documents, rebuilt: report.rebuilt, revisions: report.revisions, snippets: report.snippets, lost: report.lost }
    })
  }
}

const instances = new WeakMap<LibraryHost, Backups>()

export function backupsOf(host: LibraryHost): Backups {
  let b = instances.get(host)
  if (!b) instances.set(host, (b = new Backups(host)))
  return b
}
