/**
 * The version rule: every stored change raises a document's version, and a text made from an older
 * version never replaces a newer one — both are kept. Through the store, the API and the real CLI
 * entry, with the app and the CLI on two connections to the same library file.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { DocumentStore } from '../../electron/services/documents/store'
import { storageError } from '../../electron/services/documents/storageErrors'
import { openLibraryDatabase } from '../../electron/services/library'
import { ApiError } from '../../shared/api'
import type { SummaryDocument } from '../../shared/document/model'
import { cli } from '../helpers/cli'
import { sampleDocument } from '../helpers/documents'
import { libraryAtSchema } from '../helpers/oldLibrary'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

const withParagraph = (doc: SummaryDocument, text: string): SummaryDocument => ({
  ...doc,
  blocks: [...doc.blocks, { type: 'paragraph', children: [{ type: 'text', text }] }],
})

function freshStore() {
  const file = path.join(tempDir(), 'library.sqlite')
  const db = openLibraryDatabase(file)
  return { db, file, store: new DocumentStore(db) }
}

const revisionText = (db: Database.Database, id: number) =>
  JSON.parse((db.prepare('SELECT model_json FROM revisions WHERE id = ?').get(id) as { model_json: string }).model_json) as SummaryDocument

describe('document versions', () => {
  it('start at 1 and rise by one with every stored change', () => {
    const { store } = freshStore()
    const doc = store.create('', sampleDocument())
    expect(doc.version).toBe(1)
    const first = store.save(doc.id, withParagraph(doc.model, '一'), 1)
    expect(first).toMatchObject({ status: 'saved', version: 2 })
    expect(store.save(doc.id, withParagraph(doc.model, '二'), 2)).toMatchObject({ status: 'saved', version: 3 })
    expect(store.get(doc.id).version).toBe(3)
    expect(store.list()[0]!.version).toBe(3)
    // the text that is already stored changes nothing, whatever version it names
    expect(store.save(doc.id, withParagraph(doc.model, '二'), 1)).toMatchObject({ status: 'saved', version: 3 })
  })

  it('never lets a save from an older version replace the newer text: both are kept', () => {
    const { db, store } = freshStore()
    const doc = store.create('', sampleDocument())
    store.save(doc.id, withParagraph(doc.model, '另一个窗口写的'), 1)
    const stale = withParagraph(doc.model, '这个窗口写的')
    const answer = store.save(doc.id, stale, 1)
    expect(answer).toMatchObject({ status: 'conflict', version: 2 })
    if (answer.status !== 'conflict') throw new Error('expected a conflict')
    expect(JSON.stringify(store.get(doc.id).model)).toContain('另一个窗口写的')
    expect(store.get(doc.id).version).toBe(2)
    expect(revisionText(db, answer.revisionId)).toEqual(stale)
    expect(store.revisions(doc.id).find((r) => r.id === answer.revisionId)).toMatchObject({ reason: 'conflict' })
    // the same text again is the same revision, not another copy
    expect(store.save(doc.id, stale, 1)).toEqual(answer)

    // 保留我的: my text on top, named from the current version; the other one stays as a revision
    const mine = store.save(doc.id, stale, answer.version, { keepCurrent: true })
    expect(mine).toMatchObject({ status: 'saved', version: 3 })
    expect(store.get(doc.id).model).toEqual(stale)
    const kept = store.revisions(doc.id).filter((r) => r.reason === 'conflict').map((r) => JSON.stringify(revisionText(db, r.id)))
    expect(kept.some((t) => t.includes('另一个窗口写的'))).toBe(true)
    expect(kept.some((t) => t.includes('这个窗口写的'))).toBe(true)
  })

  it('raises the version on rename and keeps duplicates at version 1', () => {
    const { store } = freshStore()
    const doc = store.create('', sampleDocument())
    expect(store.rename(doc.id, '新标题')).toMatchObject({ title: '新标题', version: 2 })
    expect(store.rename(doc.id, '新标题').version).toBe(2) // same title: nothing written
    expect(store.save(doc.id, withParagraph(doc.model, '旧窗口'), 1).status).toBe('conflict')
    expect(store.get(doc.id).model.title).toBe('新标题')
    expect(store.duplicate(doc.id).version).toBe(1)
  })

  it('says why a write was refused: read-only, locked, disk full', async () => {
    const { file, store } = freshStore()
    const doc = store.create('', sampleDocument())

    const readOnly = new DocumentStore(new Database(file, { readonly: true }))
    expect(() => readOnly.save(doc.id, withParagraph(doc.model, '只读'), 1)).toThrow(expect.objectContaining({ code: 'storage.readOnly' }))

    // another program holds the write lock (an exclusive transaction on its own connection)
    const other = new Database(file)
    other.exec('BEGIN EXCLUSIVE')
    try {
      expect(() => store.save(doc.id, withParagraph(doc.model, '被锁'), 1)).toThrow(expect.objectContaining({ code: 'storage.locked' }))
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect(store.save(doc.id, withParagraph(doc.model, '解锁后'), 1)).toMatchObject({ status: 'saved', version: 2 })

    expect(storageError(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }))?.code).toBe('storage.diskFull')
    expect(storageError(Object.assign(new Error('ro'), { code: 'SQLITE_READONLY_DBMOVED' }))?.code).toBe('storage.readOnly')
    expect(storageError(new Error('other'))).toBeNull()
    expect(new ApiError('storage.locked').message).toBe('库文件正被另一个程序占用')
  }, 15_000)

  it('upgrades a version-3 library: every document at version 1, revisions and 定稿 intact', () => {
    const file = path.join(tempDir(), 'library.sqlite')
    const old = libraryAtSchema(file, 3, { wal: true })
    const json = JSON.stringify(sampleDocument())
    old.prepare("INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at) VALUES ('old-document-1', 't', ?, '', 10, 1, 1)").run(json)
    old.prepare("INSERT INTO revisions (id, document_id, created_at, reason, model_json, characters) VALUES (7, 'old-document-1', 1, 'manual', ?, 10)").run(json)
    old.prepare("INSERT INTO revisions (id, document_id, created_at, reason, model_json, characters, name, author, fingerprint) VALUES (8, 'old-document-1', 2, 'final', ?, 10, '报送稿', '张三', 'sha256:x')").run(json)
    old.close()

    const db = openLibraryDatabase(file)
    const store = new DocumentStore(db)
    expect(store.get('old-document-1').version).toBe(1)
    expect(store.revisions('old-document-1').map((r) => [r.id, r.reason])).toEqual([[8, 'final'], [7, 'manual']])
    expect(() => db.prepare("UPDATE revisions SET name = 'x' WHERE id = 8").run()).toThrow(/定稿不可修改/)
    expect(store.save('old-document-1', withParagraph(sampleDocument(), '升级后'), 1)).toMatchObject({ status: 'saved', version: 2 })
    expect(store.save('old-document-1', withParagraph(sampleDocument(), '旧的'), 1).status).toBe('conflict')
  })
})

describe('the API and the CLI go through the version rule', () => {
  it('documents.save answers a conflict (not an error) when the CLI changed the document meanwhile', async () => {
    const dir = tempDir()
    // the app: its own connection, holding the document at the version it loaded
    const app = createServices({ dataDir: dir })
    const created = await callApi(app.handlers, 'documents.create', { title: '', model: sampleDocument() })
    const loaded = await callApi(app.handlers, 'documents.get', { id: created.id })
    expect(loaded.version).toBe(1)

    // the CLI, as a writer runs it, on the same library file
    const set = await cli(['figures', 'set', created.id, '会议次数', '12', '--create', '--data-dir', dir])
    expect(set.code).toBe(0)
    const afterCli = await callApi(app.handlers, 'documents.get', { id: created.id })
    expect(afterCli.version).toBe(2)

    // the app's next autosave, made from version 1
    const typed = withParagraph(loaded.model, '页面上新打的一句话。')
    const answer = await callApi(app.handlers, 'documents.save', { id: created.id, model: typed, baseVersion: loaded.version })
    expect(answer).toMatchObject({ status: 'conflict', version: 2 })
    if (answer.status !== 'conflict') throw new Error('expected a conflict')
    const current = await callApi(app.handlers, 'documents.get', { id: created.id })
    expect(current.model.figures.find((f) => f.name === '会议次数')?.value).toBe(12) // the CLI's change stands
    const revisions = await callApi(app.handlers, 'revisions.list', { id: created.id })
    expect(revisions.find((r) => r.id === answer.revisionId)?.reason).toBe('conflict')
    expect(JSON.stringify(revisionText(app.library.database(), answer.revisionId))).toContain('页面上新打的一句话')

    // 保留我的: named from the version the conflict reported
    const mine = await callApi(app.handlers, 'documents.save', { id: created.id, model: typed, baseVersion: answer.version, keepCurrent: true })
    expect(mine).toMatchObject({ status: 'saved', version: 3 })
    app.close()
  })

  it('figures import plans and applies from the document as stored when it writes', async () => {
    const dir = tempDir()
    const app = createServices({ dataDir: dir })
    const { id } = await callApi(app.handlers, 'documents.create', { title: '', model: sampleDocument() })
    await callApi(app.handlers, 'figures.set', { id, name: '会议次数', value: '3', create: true })
    const csv = Buffer.from('名称,数值\n责任书份数,40\n', 'utf8').toString('base64')
    const result = await callApi(app.handlers, 'figures.import', { id, name: 'a.csv', dataBase64: csv, apply: true })
    expect(result.applied).toBe(true)
    const doc = await callApi(app.handlers, 'documents.get', { id })
    expect(doc.version).toBe(3)
    expect(doc.model.figures.map((f) => [f.name, f.value])).toEqual([['责任书份数', 40], ['会议次数', 3]])
    // a dry run writes nothing
    await callApi(app.handlers, 'figures.import', { id, name: 'a.csv', dataBase64: Buffer.from('名称,数值\n责任书份数,41\n').toString('base64'), apply: false })
    expect((await callApi(app.handlers, 'documents.get', { id })).version).toBe(3)
    app.close()
  })
})
