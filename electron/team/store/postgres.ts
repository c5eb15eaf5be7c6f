/**
 * PostgreSQL storage, for several server processes (behind a load balancer, with Redis): the same
 * tables as the SQLite store. An update is acknowledged after its INSERT has committed.
 */
import pg from 'pg'
import { teamRoleSchema, type TeamRole } from '../../../shared/team/protocol'
import { foldUpdates } from './fold'
import { MemberExistsError, type Member, type TeamStore } from './types'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS team_documents (
  name TEXT PRIMARY KEY,
  state BYTEA NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS team_updates (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  data BYTEA NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS team_updates_name ON team_updates (name, id);
CREATE TABLE IF NOT EXISTS team_members (
  id SERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
`

interface MemberRow {
  id: number
  name: string
  role: string
  created_at: string
}
const toMember = (row: MemberRow): Member => ({ id: row.id, name: row.name, role: teamRoleSchema.parse(row.role), createdAt: Number(row.created_at) })

export async function openPostgresStore(connectionString: string): Promise<TeamStore> {
  const pool = new pg.Pool({ connectionString, max: 8 })
  // an idle client that loses its server must not crash the team server
  pool.on('error', () => {})
  // several processes may start at once: one creates the tables, the others wait for it
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock(7420013)')
    await client.query(SCHEMA)
    await client.query('SELECT pg_advisory_unlock(7420013)')
  } finally {
    client.release()
  }

  const readLog = async (q: pg.PoolClient | pg.Pool, name: string) => {
    const snapshot = await q.query<{ state: Buffer }>('SELECT state FROM team_documents WHERE name = $1', [name])
    const rows = await q.query<{ id: string; data: Buffer }>('SELECT id, data FROM team_updates WHERE name = $1 ORDER BY id', [name])
    return { snapshot: snapshot.rows[0]?.state, rows: rows.rows }
  }

  return {
    kind: 'postgres',
    async load(name) {
      const { snapshot, rows } = await readLog(pool, name)
      if (!snapshot && rows.length === 0) return null
      return foldUpdates([snapshot, ...rows.map((r) => r.data)]).state
    },
    async append(name, data) {
      await pool.query('INSERT INTO team_updates (name, data, at) VALUES ($1, $2, $3)', [name, Buffer.from(data), Date.now()])
    },
    async compact(name, state) {
      const c = await pool.connect()
      try {
        await c.query('BEGIN')
        // one compaction of a document at a time, across processes
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name])
        const { snapshot, rows } = await readLog(c, name)
        const merged = foldUpdates([snapshot, ...rows.map((r) => r.data), state]).state
        await c.query(
          'INSERT INTO team_documents (name, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
          [name, Buffer.from(merged), Date.now()],
        )
        // exactly the rows folded in: ids from a sequence may commit out of order, so never a range
        if (rows.length) await c.query('DELETE FROM team_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)])
        await c.query('COMMIT')
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        c.release()
      }
    },
    async addMember(name: string, role: TeamRole, tokenHash: string) {
      try {
        const at = Date.now()
        const res = await pool.query<{ id: number }>('INSERT INTO team_members (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id', [name, role, tokenHash, at])
        return { id: res.rows[0]!.id, name, role, createdAt: at }
      } catch (err) {
        if (err instanceof Error && 'constraint' in err && err.constraint === 'team_members_name_key') throw new MemberExistsError(name)
        throw err
      }
    },
    async memberByTokenHash(tokenHash) {
      const res = await pool.query<MemberRow>('SELECT id, name, role, created_at FROM team_members WHERE token_hash = $1', [tokenHash])
      return res.rows[0] ? toMember(res.rows[0]) : null
    },
    async listMembers() {
      return (await pool.query<MemberRow>('SELECT id, name, role, created_at FROM team_members ORDER BY id')).rows.map(toMember)
    },
    async removeMember(name) {
      return ((await pool.query('DELETE FROM team_members WHERE name = $1', [name])).rowCount ?? 0) > 0
    },
    async close() {
      await pool.end()
    },
  }
}
