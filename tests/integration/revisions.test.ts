/**
 * 版本记录 through the API and the CLI: a revision's text, restoring it (the current text kept
 * first), and 定稿 that outlive a purged document (migration 0005) unless the writer names it.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { newDocumentId } from '../../electron/services/documents/store'
import { LATEST_SCHEMA_VERSION } from '../../electron/services/library'
import { salvageLibrary } from '../../electron/services/backups/salvage'
import { verifyFile } from '../../electron/services/output'
import { FinalStore } from '../../electron/services/output/store'
import type { SummaryDocument } from '../../shared/document/model'
import { messageText } from '../../shared/errors'
import { cli } from '../helpers/cli'
import { sampleDocument } from '../helpers/documents'
import { libraryAtSchema } from '../helpers/oldLibrary'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

function setup() {
  const dir = tempDir()
  const services = createServices({ dataDir: dir })
  return { dir, services, h: services.handlers }
}

const withParagraph = (doc: SummaryDocument, text: string): SummaryDocument => ({
  ...doc,
  blocks: [...doc.blocks, { type: 'paragraph', children: [{ type: 'text', text }] }],
})

describe('revisions.get and revisions.restore', () => {
  it('opens a revision, restores it keeping the text before as a restore revision', async () => {
    const { services, h } = setup()
    const doc = await callApi(h, 'documents.create', { title: '', model: sampleDocument() })
    const first = withParagraph(sampleDocument(), '第一稿的结尾。')
    const firstSave = await callApi(h, 'documents.save', { id: doc.id, model: first, baseVersion: doc.version })
    const manual = await callApi(h, 'documents.snapshot', { id: doc.id, reason: 'manual' })
    const second = withParagraph(sampleDocument(), '第二稿改写了结尾。')
    const saved = await callApi(h, 'documents.save', { id: doc.id, model: second, baseVersion: firstSave.version })

    const got = await callApi(h, 'revisions.get', { id: doc.id, revisionId: manual!.id })
    expect(got.revision).toMatchObject({ id: manual!.id, reason: 'manual', documentId: doc.id })
    expect(got.model).toEqual(first)

    const result = await callApi(h, 'revisions.restore', { id: doc.id, revisionId: manual!.id })
    expect(result.document.model).toEqual(first)
    expect(result.document.updatedAt).toBeGreaterThanOrEqual(saved.updatedAt)
    // raised like a save's: an editor still at the old version gets a conflict, never overwrites it
    expect(result.document.version).toBe(saved.version + 1)
    const stale = await callApi(h, 'documents.save', { id: doc.id, model: withParagraph(sampleDocument(), '旧窗口里的字。'), baseVersion: saved.version })
    expect(stale.status).toBe('conflict')
    expect((await callApi(h, 'documents.get', { id: doc.id })).model).toEqual(first)
    expect(result.restored.id).toBe(manual!.id)
    expect(result.kept).toMatchObject({ reason: 'restore', documentId: doc.id })
    // the current text is the revision's, and the text before it is kept
    expect((await callApi(h, 'documents.get', { id: doc.id })).model).toEqual(first)
    expect((await callApi(h, 'revisions.get', { id: doc.id, revisionId: result.kept!.id })).model).toEqual(second)
    const reasons = (await callApi(h, 'revisions.list', { id: doc.id })).map((r) => r.reason)
    expect(reasons.slice(0, 2)).toEqual(['conflict', 'restore'])
    expect(reasons).toContain('manual')

    // restoring the same text again keeps nothing new and changes nothing
    const again = await callApi(h, 'revisions.restore', { id: doc.id, revisionId: manual!.id })
    expect(again.kept).toBeNull()
    expect(again.document.version).toBe(result.document.version)
    expect((await callApi(h, 'revisions.list', { id: doc.id })).length).toBe(reasons.length)
    services.close()
  })

  it('names a 定稿 in the list and restores one like any revision', async () => {
    const { services, h } = setup()
    const doc = await callApi(h, 'documents.create', { title: '', model: sampleDocument() })
    const final = await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    await callApi(h, 'documents.save', { id: doc.id, model: withParagraph(sampleDocument(), '定稿后又改了。'), baseVersion: doc.version })
    expect((await callApi(h, 'revisions.list', { id: doc.id })).find((r) => r.id === final.revisionId)).toMatchObject({ reason: 'final', name: '报送稿' })
    const restored = await callApi(h, 'revisions.restore', { id: doc.id, revisionId: final.revisionId })
    expect(JSON.stringify(restored.document.model)).not.toContain('定稿后又改了')
    expect(restored.restored).toMatchObject({ reason: 'final', name: '报送稿' })
    // the current text is the 定稿 again
    expect((await callApi(h, 'finals.list', { id: doc.id })).currentFingerprint).toBe(final.fingerprint)
    services.close()
  })

  it('refuses, by code, a revision of another document, an unknown one and a document in the trash', async () => {
    const { services, h } = setup()
    const a = await callApi(h, 'documents.create', { title: '甲', model: sampleDocument('甲') })
    const b = await callApi(h, 'documents.create', { title: '乙', model: sampleDocument('乙') })
    const rev = await callApi(h, 'documents.snapshot', { id: a.id, reason: 'manual' })
    const other = await services.dispatch('revisions.get', { id: b.id, revisionId: rev!.id })
    expect(other).toMatchObject({ ok: false, error: { code: 'revisions.notFound', params: { id: rev!.id } } })
    expect(await services.dispatch('revisions.restore', { id: a.id, revisionId: 999 })).toMatchObject({ ok: false, error: { code: 'revisions.notFound' } })
    expect(await services.dispatch('revisions.get', { id: a.id, revisionId: 'x' })).toMatchObject({ ok: false, error: { code: 'request.invalidInput' } })
    await callApi(h, 'documents.trash', { id: a.id })
    expect(await services.dispatch('revisions.restore', { id: a.id, revisionId: rev!.id })).toMatchObject({ ok: false, error: { code: 'documents.inTrash' } })
    // a damaged revision is reported, not passed on
    services.library.database().prepare("UPDATE revisions SET model_json = '{\"version\":1}' WHERE id = ?").run(rev!.id)
    const broken = await services.dispatch('revisions.get', { id: a.id, revisionId: rev!.id })
    expect(broken.ok).toBe(false)
    if (!broken.ok) expect(messageText(broken.error)).toMatch(new RegExp(`第 ${rev!.id} 号版本的内容不符合格式`))
    services.close()
  })
})

describe('purging a document with 定稿', () => {
  it('keeps its 定稿: finals.list and finals.get still answer, and verify still recognises an export', async () => {
    const { services, h } = setup()
    const doc = await callApi(h, 'documents.create', { title: '', model: sampleDocument() })
    const final = await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    const docx = Buffer.from((await callApi(h, 'export.render', { id: doc.id, format: 'docx', revisionId: final.revisionId })).dataBase64, 'base64')
    await callApi(h, 'documents.snapshot', { id: doc.id, reason: 'manual' })
    await callApi(h, 'documents.trash', { id: doc.id })
    expect(await callApi(h, 'documents.purge', { id: doc.id })).toEqual({ ok: true, keptFinals: 1 })

    expect(await services.dispatch('documents.get', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'documents.notFound' } })
    const db = services.library.database()
    // the other revisions went with the document; the 定稿 stayed
    expect(db.prepare('SELECT reason FROM revisions WHERE document_id = ?').all(doc.id)).toEqual([{ reason: 'final' }])
    const listed = await callApi(h, 'finals.list', { id: doc.id })
    expect(listed.finals.map((f) => f.revisionId)).toEqual([final.revisionId])
    expect(listed.currentFingerprint).toBeNull()
    expect((await callApi(h, 'finals.get', { revisionId: final.revisionId })).model.title).toBe(sampleDocument().title)
    expect((await verifyFile(docx, new FinalStore(db, services.library.documents()))).status).toBe('match')
    // and it can still be exported
    expect((await callApi(h, 'export.render', { id: doc.id, format: 'txt', revisionId: final.revisionId })).final?.name).toBe('报送稿')
    // a document that never was still says so
    expect(await services.dispatch('finals.list', { id: 'nosuchdoc1' })).toMatchObject({ ok: false, error: { code: 'documents.notFound' } })
    services.close()
  })

  it('salvage keeps the 定稿 of a purged document and does not bring the document back', async () => {
    const { dir, services, h } = setup()
    const purged = await callApi(h, 'documents.create', { title: '', model: sampleDocument('已删的总结') })
    const final = await callApi(h, 'finals.create', { id: purged.id, name: '报送稿', author: '张三' })
    await callApi(h, 'documents.trash', { id: purged.id })
    await callApi(h, 'documents.purge', { id: purged.id })
    await callApi(h, 'documents.create', { title: '', model: sampleDocument('留下的总结') })
    services.close()
    const target = path.join(dir, 'salvaged.sqlite')
    salvageLibrary(path.join(dir, 'library.sqlite'), target)
    const saved = createServices({ dataDir: tempDir() })
    saved.library.open(target, false) // what 文件 › 打开库… does in the main process
    expect((await callApi(saved.handlers, 'documents.list', {})).map((d) => d.title)).toEqual(['留下的总结'])
    expect((await callApi(saved.handlers, 'finals.get', { revisionId: final.revisionId })).final.name).toBe('报送稿')
    saved.close()
  })

  it('deletes them too only with deleteFinals and the document’s name typed again', async () => {
    const { services, h } = setup()
    const doc = await callApi(h, 'documents.create', { title: '', model: sampleDocument('2025年度工作总结') })
    const final = await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    await callApi(h, 'documents.trash', { id: doc.id })
    for (const confirmName of [undefined, '', '2025年度', '2025年度工作总结 （副本）']) {
      const refused = await services.dispatch('documents.purge', { id: doc.id, deleteFinals: true, ...(confirmName !== undefined ? { confirmName } : {}) })
      expect(refused).toMatchObject({ ok: false, error: { code: 'documents.purgeNameMismatch', params: { name: '2025年度工作总结' } } })
    }
    // nothing was deleted by a refusal
    expect((await callApi(h, 'documents.list', { trash: true })).map((d) => d.id)).toEqual([doc.id])
    expect(await callApi(h, 'documents.purge', { id: doc.id, deleteFinals: true, confirmName: ' 2025年度工作总结 ' })).toEqual({ ok: true, keptFinals: 0 })
    expect(services.library.database().prepare('SELECT count(*) AS n FROM revisions WHERE document_id = ?').get(doc.id)).toEqual({ n: 0 })
    expect(await services.dispatch('finals.get', { revisionId: final.revisionId })).toMatchObject({ ok: false, error: { code: 'finals.notFound' } })
    services.close()
  })

  it('needs no name for a document without 定稿, and an untitled one is named by its id', async () => {
    const { services, h } = setup()
    const plain = await callApi(h, 'documents.create', { title: '无定稿' })
    await callApi(h, 'documents.trash', { id: plain.id })
    expect(await callApi(h, 'documents.purge', { id: plain.id, deleteFinals: true })).toEqual({ ok: true, keptFinals: 0 })
    const untitled = await callApi(h, 'documents.create', { title: '', model: sampleDocument('') })
    await callApi(h, 'finals.create', { id: untitled.id, name: '报送稿', author: '张三' })
    await callApi(h, 'documents.trash', { id: untitled.id })
    expect(await services.dispatch('documents.purge', { id: untitled.id, deleteFinals: true, confirmName: '' })).toMatchObject({ ok: false, error: { params: { name: untitled.id } } })
    expect(await callApi(h, 'documents.purge', { id: untitled.id, deleteFinals: true, confirmName: untitled.id })).toEqual({ ok: true, keptFinals: 0 })
    services.close()
  })
})

describe('migration 0005-finals-kept', () => {
  /** A library file at schema `version`, with one document (trashed) and its revisions. */
  function libraryAt(version: number, setup: (db: Database.Database) => void = () => {}) {
    const dir = tempDir()
    const file = path.join(dir, 'library.sqlite')
    const db = libraryAtSchema(file, version)
    const json = JSON.stringify(sampleDocument())
    db.prepare("INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at, trashed_at) VALUES ('doc000001', 't', ?, '', 0, 1, 1, 2)").run(json)
    db.prepare("INSERT INTO revisions (id, document_id, created_at, reason, model_json, characters) VALUES (7, 'doc000001', 5, 'manual', ?, 3)").run(json)
    setup(db)
    db.close()
    return { dir, file }
  }

  it('upgrades a version-4 library keeping every revision, id and version; 定稿 stay frozen and outlive a purge', async () => {
    const { dir } = libraryAt(4, (db) => {
      db.prepare("UPDATE documents SET version = 9 WHERE id = 'doc000001'").run()
      db.prepare('UPDATE revisions SET version = 8 WHERE id = 7').run()
      db.prepare("INSERT INTO revisions (id, document_id, created_at, reason, model_json, characters, version) VALUES (8, 'doc000001', 6, 'conflict', '{}', 0, 9)").run()
    })
    const services = createServices({ dataDir: dir })
    const h = services.handlers
    const lib = services.library.database()
    expect(lib.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(lib.prepare('SELECT id, reason, version FROM revisions ORDER BY id').all()).toEqual([
      { id: 7, reason: 'manual', version: 8 },
      { id: 8, reason: 'conflict', version: 9 },
    ])
    expect(lib.pragma('foreign_key_list(revisions)')).toEqual([])
    await callApi(h, 'documents.restore', { id: 'doc000001' })
    expect((await callApi(h, 'documents.get', { id: 'doc000001' })).version).toBe(9)
    const final = await callApi(h, 'finals.create', { id: 'doc000001', name: '报送稿', author: '李四' })
    expect(() => lib.prepare("UPDATE revisions SET model_json = '{}' WHERE id = ?").run(final.revisionId)).toThrow(/定稿不可修改/)
    await callApi(h, 'documents.trash', { id: 'doc000001' })
    await callApi(h, 'documents.purge', { id: 'doc000001' })
    expect(lib.prepare('SELECT id FROM revisions').all()).toEqual([{ id: final.revisionId }])
    services.close()
  })

  it('upgrades a version-3 library through 0004 and 0005', async () => {
    const { dir } = libraryAt(3)
    const services = createServices({ dataDir: dir })
    expect(services.library.database().pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect((await callApi(services.handlers, 'revisions.list', { id: 'doc000001' })).map((r) => [r.id, r.reason])).toEqual([[7, 'manual']])
    services.close()
  })

  it('leaves nothing in the schema that names revisions but its own table, so a later rebuild works', async () => {
    const { services, h } = setup()
    const doc = await callApi(h, 'documents.create', { title: '', model: sampleDocument() })
    await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    const db = services.library.database()
    const naming = db.prepare("SELECT name FROM sqlite_master WHERE tbl_name <> 'revisions' AND sql LIKE '%revisions%'").all()
    expect(naming).toEqual([])
    // the way migrations rebuild a table: copy, drop, rename
    db.exec(`BEGIN;
      CREATE TABLE revisions_next AS SELECT * FROM revisions;
      DROP TABLE revisions;
      ALTER TABLE revisions_next RENAME TO revisions;
      ROLLBACK;`)
    services.close()
  })

  it('is all or nothing: a failure inside it leaves the version-4 library as it was', () => {
    // a table in the way of the rebuild makes the migration fail half-way
    const { dir, file } = libraryAt(4, (db) => db.exec('CREATE TABLE revisions_v5 (x)'))
    const services = createServices({ dataDir: dir })
    expect(services.library.info().state).toBe('unavailable')
    services.close()
    const after = new Database(file, { readonly: true })
    expect(after.pragma('user_version', { simple: true })).toBe(4)
    expect(after.prepare('SELECT id, reason FROM revisions').all()).toEqual([{ id: 7, reason: 'manual' }])
    expect((after.prepare("SELECT sql FROM sqlite_master WHERE name = 'revisions'").get() as { sql: string }).sql).toMatch(/ON DELETE CASCADE/)
    after.close()
  })
})

describe('CLI revisions list|show|restore', () => {
  async function library() {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    const h = services.handlers
    const doc = await callApi(h, 'documents.create', { title: '', model: withParagraph(sampleDocument(), '第一稿。') })
    const manual = await callApi(h, 'documents.snapshot', { id: doc.id, reason: 'manual' })
    await callApi(h, 'documents.save', { id: doc.id, model: withParagraph(sampleDocument(), '第二稿。'), baseVersion: doc.version })
    await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    services.close()
    return { dir, id: doc.id, manual: manual!.id }
  }

  it('lists, shows and restores, in Chinese by default', async () => {
    const { dir, id, manual } = await library()
    const list = await cli(['revisions', 'list', id, '--data-dir', dir])
    expect(list.code).toBe(0)
    expect(list.out).toMatch(/定稿「报送稿」/)
    expect(list.out).toMatch(new RegExp(`^${manual}\\t\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}\\t手动保存\\t\\d+字$`, 'm'))
    const show = await cli(['revisions', 'show', id, String(manual), '--data-dir', dir])
    expect(show.code).toBe(0)
    expect(show.out).toContain('第一稿。')
    expect(show.err).toContain('手动保存')
    const restore = await cli(['revisions', 'restore', id, String(manual), '--data-dir', dir])
    expect(restore).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`已恢复到第 ${manual} 号版本[^]*恢复前的文字已存为第 \\d+ 号版本`)) })
    const shown = await cli(['show', id, '--json', '--data-dir', dir])
    expect(shown.out).toContain('第一稿。')
    expect(shown.out).not.toContain('第二稿。')
  })

  it('prints JSON with --json and English with --lang en', async () => {
    const { dir, id, manual } = await library()
    const list = JSON.parse((await cli(['revisions', 'list', id, '--json', '--data-dir', dir])).out) as { id: number; reason: string; name?: string }[]
    expect(list.map((r) => r.reason)).toEqual(['final', 'manual', 'interval'].filter((r) => list.some((x) => x.reason === r)))
    expect(list.find((r) => r.reason === 'final')?.name).toBe('报送稿')
    const shown = JSON.parse((await cli(['revisions', 'show', id, String(manual), '--json', '--data-dir', dir])).out) as { revision: { id: number }; model: SummaryDocument }
    expect(shown.revision.id).toBe(manual)
    expect(JSON.stringify(shown.model)).toContain('第一稿。')
    const en = await cli(['revisions', 'list', id, '--lang', 'en', '--data-dir', dir])
    expect(en.out).toMatch(new RegExp(`^${manual}\\t\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\tsaved \\(Ctrl\\+S\\)\\t\\d+ chars$`, 'm'))
    expect(en.out).not.toMatch(/[手动保存字]/)
    const restored = await cli(['revisions', 'restore', id, String(manual), '--json', '--lang', 'en', '--data-dir', dir])
    expect(restored.code).toBe(0)
    const result = JSON.parse(restored.out) as { kept: { reason: string } | null; restored: { id: number } }
    expect(result.restored.id).toBe(manual)
    expect(result.kept?.reason).toBe('restore')
    const again = await cli(['revisions', 'restore', id, String(manual), '--lang', 'en', '--data-dir', dir])
    expect(again.out).toMatch(/restored version \d+[^]*the current text was already this version/)
  })

  it('is given document ids it can read: never one starting with "-", which would read as an option', () => {
    expect(Array.from({ length: 5000 }, newDocumentId).filter((id) => id.startsWith('-'))).toEqual([])
  })

  it('refuses a missing or malformed version number and an unknown one, in the chosen language', async () => {
    const { dir, id } = await library()
    expect(await cli(['revisions', 'show', id, '--data-dir', dir])).toMatchObject({ code: 2, err: expect.stringContaining('revisions show 需要版本编号') })
    expect(await cli(['revisions', 'restore', id, 'abc', '--lang', 'en', '--data-dir', dir])).toMatchObject({ code: 2, err: expect.stringContaining('a version number is a positive integer: abc') })
    expect(await cli(['revisions', 'show', id, '9999', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('这篇文档没有第 9999 号版本') })
    expect(await cli(['revisions', 'show', id, '9999', '--lang', 'en', '--data-dir', dir])).toMatchObject({ code: 1, err: 'this document has no version 9999' })
    expect(await cli(['revisions', 'list', '--data-dir', dir])).toMatchObject({ code: 2, err: expect.stringContaining('revisions list 需要文档 ID') })
  })
})
