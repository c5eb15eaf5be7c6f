/**
 * The embedded store: one SQLite file (WAL, synchronous=FULL) in the server's data folder. Several
 * server processes on one machine may share it (WAL and a busy timeout); servers on several
 * machines use PostgreSQL instead.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { teamRoleSchema, type TeamRole } from '../../../shared/team/protocol'
import { foldUpdates } from './fold'
import { MemberExistsError, type Member, type TeamStore } from './types'

export const SQLITE_FILE = 'team.sqlite'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS team_documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS team_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  data BLOB NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS team_updates_name ON team_updates (name, id);
CREATE TABLE IF NOT EXISTS team_members (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
`

interface MemberRow {
  id: number
  name: string
  role: string
  created_at: number
}
const toMember = (row: MemberRow): Member => ({ id: row.id, name: row.name, role: teamRoleSchema.parse(row.role), createdAt: row.created_at })

export function openSqliteDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, SQLITE_FILE))
  db.pragma('journal_mode = WAL')
  // an acknowledged update is on disk: each commit is synced before the server says so
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)
  return db
}

export function openSqliteStore(dataDir: string): TeamStore {
  const db = openSqliteDatabase(dataDir)
  const insertUpdate = db.prepare('INSERT INTO team_updates (name, data, at) VALUES (?, ?, ?)')
  const selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM team_documents WHERE name = ?')
  const selectUpdates = db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM team_updates WHERE name = ? ORDER BY id')
  const upsertState = db.prepare('INSERT INTO team_documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at')
  const deleteUpdatesUpTo = db.prepare('DELETE FROM team_updates WHERE name = ? AND id <= ?')

  // Group commit: the updates that arrive in one turn of the event loop share one transaction (one
  // fsync); each caller's promise resolves after that commit, so acknowledgements still follow the disk.
  let pending: { name: string; data: Uint8Array; resolve: () => void; reject: (e: unknown) => void }[] = []
  const flush = () => {
    const batch = pending
    pending = []
    try {
      const at = Date.now()
      db.transaction(() => {
        for (const u of batch) insertUpdate.run(u.name, Buffer.from(u.data), at)
      })()
      for (const u of batch) u.resolve()
    } catch (err) {
      for (const u of batch) u.reject(err)
    }
  }

  const compact = db.transaction((name: string, state: Uint8Array) => {
    const snapshot = selectState.get(name)?.state
    const rows = selectUpdates.all(name)
    // Fold the stored snapshot and every logged row in too: another process sharing this file (or
    // an update logged but not yet applied here) may hold what this state lacks.
    const merged = rows.length === 0 && !snapshot ? state : foldUpdates([snapshot, ...rows.map((r) => r.data), state]).state
    upsertState.run(name, Buffer.from(merged), Date.now())
    const last = rows.at(-1)
    if (last) deleteUpdatesUpTo.run(name, last.id)
  })

  return {
    kind: 'sqlite',
    async load(name) {
      const snapshot = selectState.get(name)?.state
      const rows = selectUpdates.all(name)
      if (!snapshot && rows.length === 0) return null
      return foldUpdates([snapshot, ...rows.map((r) => r.data)]).state
    },
    append(name, data) {
      return new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush)
        pending.push({ name, data, resolve, reject })
      })
    },
    async compact(name, state) {
      // IMMEDIATE: no other process appends between reading the log and deleting what was folded
      compact.immediate(name, state)
    },
    async addMember(name: string, role: TeamRole, tokenHash: string) {
      try {
        const at = Date.now()
        const info = db.prepare('INSERT INTO team_members (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)').run(name, role, tokenHash, at)
        return { id: Number(info.lastInsertRowid), name, role, createdAt: at }
      } catch (err) {
        if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_UNIQUE' && /team_members\.name/.test(err.message)) throw new MemberExistsError(name)
        throw err
      }
    },
    async memberByTokenHash(tokenHash) {
      const row = db.prepare<[string], MemberRow>('SELECT id, name, role, created_at FROM team_members WHERE token_hash = ?').get(tokenHash)
      return row ? toMember(row) : null
    },
    async listMembers() {
      return db.prepare<[], MemberRow>('SELECT id, name, role, created_at FROM team_members ORDER BY id').all().map(toMember)
    },
    async removeMember(name) {
      return db.prepare('DELETE FROM team_members WHERE name = ?').run(name).changes > 0
    },
    async close() {
      if (pending.length) flush()
      db.close()
    },
  }
}
