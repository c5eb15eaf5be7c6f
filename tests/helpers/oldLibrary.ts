/** 文稿库 files as an older DraftDesk left them, for the tests of what a newer one does with them. */
import Database from 'better-sqlite3'
import { APPLICATION_ID } from '../../electron/services/library/database'
import { migrations } from '../../electron/services/library/migrations'

/**
 * A library file at schema `version`: the migrations up to it, its number and our application id,
 * as the DraftDesk of that version made it. Returned open, for the test to fill and close.
 */
export function libraryAtSchema(file: string, version: number, opts: { wal?: boolean } = {}): Database.Database {
  const db = new Database(file)
  if (opts.wal) db.pragma('journal_mode = WAL')
  for (const m of migrations.filter((x) => x.version <= version)) db.exec(m.up)
  db.pragma(`user_version = ${version}`)
  db.pragma(`application_id = ${APPLICATION_ID}`)
  return db
}
