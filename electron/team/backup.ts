/** `team-server backup`: a consistent copy of the SQLite store while the server runs. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Lang } from '../../shared/i18n/format'
import { SQLITE_FILE } from './store/sqlite'

export interface TeamBackup {
  file: string
  bytes: number
  documents: number
  members: number
}

/**
 * SQLite's online backup API (better-sqlite3's db.backup): pages are copied while the server goes on
 * writing, and the copy is one consistent moment. Written beside `out` under a temporary name,
 * checked (integrity_check), then renamed.
 */
export async function backupSqlite(dataDir: string, out: string): Promise<TeamBackup> {
  const source = path.join(dataDir, SQLITE_FILE)
  if (!fs.existsSync(source)) throw new Error(`no team data in ${dataDir} (${SQLITE_FILE} is missing)`)
  const dest = path.resolve(out)
  fs.mkdirSync(path.dirname(dest), { recursive: true })
  const temp = `${dest}.${process.pid}.partial`
  const db = new Database(source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    await db.backup(temp)
  } finally {
    db.close()
  }
  const copy = new Database(temp, { readonly: true })
  let documents = 0
  let members = 0
  try {
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new Error(`the copy failed its check: ${String(check)}`)
    documents = copy.prepare('SELECT count(DISTINCT name) FROM (SELECT name FROM team_documents UNION SELECT name FROM team_updates)').pluck().get() as number
    members = copy.prepare('SELECT count(*) FROM team_members').pluck().get() as number
  } catch (err) {
    copy.close()
    fs.rmSync(temp, { force: true })
    throw err
  }
  copy.close()
  fs.renameSync(temp, dest)
  return { file: dest, bytes: fs.statSync(dest).size, documents, members }
}

/** What to do instead when the documents live in PostgreSQL. */
export function postgresBackupGuidance(database: string, lang: Lang = 'zh-CN'): string[] {
  const url = new URL(database)
  if (url.password) url.password = '****'
  const en = lang === 'en'
  return [
    en ? 'The team data is in PostgreSQL: back it up with pg_dump (fine while the server runs):' : '团队文稿存放在 PostgreSQL 中：请用 pg_dump 备份（服务器运行时也可以）。',
    `  pg_dump --format=custom --file=draftdesk-team-$(date +%F).dump "${url.toString()}"`,
    en ? 'restore:' : '恢复：',
    `  pg_restore --clean --if-exists --dbname="${url.toString()}" draftdesk-team-YYYY-MM-DD.dump`,
    en ? 'only these tables are needed: team_documents, team_updates, team_members' : '只需 team_documents、team_updates、team_members 三张表',
  ]
}
