/**
 * A migration that has shipped has already run on writers' libraries: its SQL must never change,
 * or a library migrated by one DraftDesk would differ from one migrated by the next. The migrations
 * may share code (0003–0005 rebuild `revisions` with one helper), so what is pinned is the SQL
 * they produce, and the schema a version-3 library ends with after 0004 and 0005.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../electron/services/library/migrations'
import { libraryAtSchema } from '../helpers/oldLibrary'
import { useTempDirs } from '../helpers/tempDir'
import schemaV5 from '../fixtures/library/schema-v5.json'

const tempDir = useTempDirs()

/** SHA-256 of each migration's SQL as it shipped. A new migration adds its line here. */
const SHIPPED: Record<number, string> = {
  1: '38f1c61d362b04ebd1ec3ff5cb15123a6a546dd379f2cf6cee185d700f0a7211',
  2: 'a4ce9ee99997eb22f74ae5e2fce704ff43470c8757b277c32250a6d59a483811',
  3: 'f7992e5d0d7f088cfc065fcfb71757a2a6e505979a67d36269d6892d1793a228',
  4: '9644f24b7aca950ebe2da988955eebdba988cc01cbc57f659c4e6a2624618b58',
  5: '34d46246ec22fa5483dc8b39d5bbbca0345c116652ebbf874fad30e20d10c699',
  6: 'f92e4653cc7f91a3e555261e2e9932ea58907ec2f13433f042fcaf8820283dfa',
  7: '9eccb38b3b149d40a151174fe28306fc049bfb84511c90119c44dd187cee41ce',
}

describe('shipped migrations', () => {
  it('run the very SQL they shipped with', () => {
    const sha = (sql: string) => createHash('sha256').update(sql).digest('hex')
    expect(Object.fromEntries(migrations.map((m) => [m.version, sha(m.up)]))).toEqual(SHIPPED)
  })

  it('take a version-3 library with its revisions and 定稿 to the schema 0005 shipped with', () => {
    const db = libraryAtSchema(path.join(tempDir(), 'library.sqlite'), 3)
    db.prepare("INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at) VALUES ('doc000001', '总结', '{}', '', 0, 1, 1)").run()
    db.prepare("INSERT INTO revisions (id, document_id, created_at, reason, model_json, characters) VALUES (7, 'doc000001', 5, 'manual', '{}', 3)").run()
    db.prepare(
      "INSERT INTO revisions (id, document_id, created_at, reason, model_json, characters, name, author, fingerprint) VALUES (9, 'doc000001', 6, 'final', '{}', 3, '报送稿', '张三', 'sha256:00')",
    ).run()
    db.transaction(() => {
      for (const m of migrations.filter((x) => x.version === 4 || x.version === 5)) db.exec(m.up)
    })()
    expect(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all()).toEqual(schemaV5)
    expect(db.prepare('SELECT id, reason, name, author, fingerprint, version FROM revisions ORDER BY id').all()).toEqual([
      { id: 7, reason: 'manual', name: null, author: null, fingerprint: null, version: null },
      { id: 9, reason: 'final', name: '报送稿', author: '张三', fingerprint: 'sha256:00', version: null },
    ])
    expect(() => db.prepare('UPDATE revisions SET model_json = ? WHERE id = 9').run('{"x":1}')).toThrow(/定稿不可修改/)
    db.close()
  })
})
