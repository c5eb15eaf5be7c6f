import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/api'
import { DocumentStore, REVISION_INTERVAL_MS } from '../../electron/services/documents/store'
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, openLibraryDatabase } from '../../electron/services/library'
import { callApi, createServices } from '../../electron/services'
import { sampleDocument } from '../helpers/documents'
import { useTempDirs } from '../helpers/tempDir'
import { messageText } from '../../shared/errors'

const tempDir = useTempDirs()
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function storeWithClock(start = 1_700_000_000_000) {
  const file = path.join(tempDir(), 'library.sqlite')
  const db = openLibraryDatabase(file)
  let now = start
  const store = new DocumentStore(db, () => now)
  return { db, file, store, advance: (ms: number) => (now += ms) }
}

describe('the library file', () => {
  it('is created with WAL, foreign keys, our application id and the latest schema', () => {
    const { db } = storeWithClock()
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
  })

  it('keeps every document across closing and reopening', () => {
    const { db, file, store } = storeWithClock()
    const created = store.create('', sampleDocument())
    db.close()
    const again = new DocumentStore(openLibraryDatabase(file))
    expect(again.get(created.id).model).toEqual(sampleDocument())
  })

  it('leaves a corrupt file untouched and says the library cannot be opened', () => {
    const dir = tempDir()
    const file = path.join(dir, 'library.sqlite')
    fs.writeFileSync(file, Buffer.from('这不是数据库 — just some bytes\u0000\u0001\u0002'.repeat(200)))
    const before = sha(file)
    const services = createServices({ dataDir: dir })
    const info = services.library.info()
    expect(info.state).toBe('unavailable')
    expect(info.state === 'unavailable' && messageText(info.problem)).toMatch(/不是稿台文稿库文件/)
    services.close()
    expect(sha(file)).toBe(before)
    expect(fs.readdirSync(dir)).toEqual(['library.sqlite']) // no -wal/-shm left beside it
  })

  it('refuses another program’s SQLite database without writing to it', () => {
    const dir = tempDir()
    const file = path.join(dir, 'library.sqlite')
    const foreign = new Database(file)
    foreign.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三')")
    foreign.close()
    const before = sha(file)
    const services = createServices({ dataDir: dir })
    expect(services.library.info()).toMatchObject({ state: 'unavailable', problem: { code: 'library.foreignDatabase' } })
    services.close()
    expect(sha(file)).toBe(before)
  })

  it('refuses a library made by a newer DraftDesk', () => {
    const { db, file } = storeWithClock()
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    expect(() => openLibraryDatabase(file)).toThrow(/更新版本/)
  })

  it('reports an unavailable library through the API with a typed error, and can switch to a new one chosen in the host’s dialog', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'library.sqlite'), 'garbage garbage garbage garbage')
    const fresh = path.join(tempDir(), 'new.sqlite')
    // the Electron main process's file dialog, as main.ts passes it: the page never names a path
    const services = createServices({ dataDir: dir, library: { chooseFile: async () => fresh } })
    const res = await services.dispatch('documents.list', {})
    expect(res).toEqual({ ok: false, error: { code: 'library.unavailable', params: {}, parts: { reason: { code: 'library.notLibrary', params: {} } } } })
    expect(!res.ok && messageText(res.error)).toBe('文稿库无法打开：不是稿台文稿库文件（文件已损坏或格式不对）')
    expect(services.library.info()).toMatchObject({ state: 'unavailable', problem: { code: 'library.notLibrary', params: {} } })
    const info = await callApi(services.handlers, 'library.choose', { create: true })
    expect(info).toMatchObject({ state: 'open', path: fresh, documents: 0 })
    await expect(callApi(services.handlers, 'library.choose', { create: true })).rejects.toThrow(/不会覆盖/)
    services.close()
  })

  it('takes no path from the page: the contract has no such input, and without a host dialog (the browser shell) choosing is refused', async () => {
    const services = createServices({ dataDir: tempDir() })
    const before = services.library.info()
    expect(await services.dispatch('library.choose', { create: false, path: '/etc/x.sqlite' })).toMatchObject({ ok: false, error: { code: 'request.invalidInput' } })
    expect(await services.dispatch('library.open', { path: '/tmp/x.sqlite', create: true })).toEqual({ ok: false, error: { code: 'request.unknownMethod', params: { method: 'library.open' } } })
    const refused = await services.dispatch('library.choose', { create: false })
    expect(refused).toEqual({ ok: false, error: { code: 'library.noDialog', params: {} } })
    expect(!refused.ok && messageText(refused.error)).toMatch(/^这里不能切换文稿库：浏览器版只使用启动时 --data-dir/)
    expect(services.library.info()).toEqual(before)
    services.close()
  })

  it('a library that fails to open leaves the open one open (the new file is opened first)', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    await callApi(services.handlers, 'documents.create', { title: '原来的总结' })
    const before = services.library.info()
    const foreign = path.join(tempDir(), 'contacts.sqlite')
    const db = new Database(foreign)
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三')")
    db.close()
    const emptyFile = path.join(tempDir(), 'empty.sqlite')
    fs.writeFileSync(emptyFile, '')
    const garbage = path.join(tempDir(), 'garbage.sqlite')
    fs.writeFileSync(garbage, 'garbage garbage garbage garbage')
    for (const file of [foreign, garbage, emptyFile]) {
      const bytes = fs.readFileSync(file)
      expect(() => services.library.open(file, false)).toThrow(/^文稿库无法打开：(这是其他程序的数据库|不是稿台文稿库文件)/)
      expect(services.library.info()).toEqual(before)
      expect(fs.readFileSync(file)).toEqual(bytes) // an empty file is not made a database
      expect((await callApi(services.handlers, 'documents.list', {})).map((d) => d.title)).toEqual(['原来的总结'])
    }
    services.close()
  })
})

describe('documents', () => {
  it('creates, renames, duplicates (以此为底稿新建), trashes, restores and purges', () => {
    const { store } = storeWithClock()
    const a = store.create('', sampleDocument('2024年度工作总结'))
    store.rename(a.id, '2024年度工作总结（定稿前）')
    expect(store.get(a.id).model.title).toBe('2024年度工作总结（定稿前）')

    const b = store.duplicate(a.id, '2025年度工作总结')
    expect(b.id).not.toBe(a.id)
    expect(b.model.blocks).toEqual(store.get(a.id).model.blocks)
    expect(b.model.title).toBe('2025年度工作总结')

    store.trash(a.id)
    expect(store.list().map((d) => d.id)).toEqual([b.id])
    expect(store.list(true).map((d) => d.id)).toEqual([a.id])
    expect(() => store.save(a.id, sampleDocument(), store.get(a.id).version)).toThrow(/回收站/)
    store.restore(a.id)
    expect(store.list()).toHaveLength(2)

    expect(() => store.purge(a.id)).toThrow(ApiError) // only from the trash
    store.trash(a.id)
    store.purge(a.id)
    expect(() => store.get(a.id)).toThrow(/没有这篇文档/)
  })

  it('新建 hands out an untouched empty document again instead of piling up 未命名文稿; never one typed in, titled, trashed or linked', async () => {
    const services = createServices({ dataDir: tempDir() })
    const list = async () => (await callApi(services.handlers, 'documents.list', {})).map((d) => d.id)
    const blank = () => callApi(services.handlers, 'documents.create', { title: '', reuseUntouched: true })
    const first = await blank()
    expect((await blank()).id).toBe(first.id)
    expect(await list()).toEqual([first.id])

    // typed in, then emptied again: it was saved (version 2), so it is the writer's, never taken
    const docs = services.library.documents()
    const typed = docs.save(first.id, { ...first.model, blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '全年' }] }] }, first.version)
    expect(typed.status).toBe('saved')
    docs.save(first.id, first.model, docs.get(first.id).version)
    const second = await blank()
    expect(second.id).not.toBe(first.id)
    // titled: not taken
    docs.rename(second.id, '2025年度工作总结')
    const third = await blank()
    expect(third.id).not.toBe(second.id)
    // trashed, or linked to a team document: not taken
    docs.trash(third.id)
    const fourth = await blank()
    expect(fourth.id).not.toBe(third.id)
    services.library.database().prepare('INSERT INTO team_links (document_id, team_name, linked_at) VALUES (?, ?, ?)').run(fourth.id, '团队文稿', 1)
    const fifth = await blank()
    expect(fifth.id).not.toBe(fourth.id)
    // the one handed out again comes to the top of the list; without the flag (templates, the CLI) a new one is made
    expect((await blank()).id).toBe(fifth.id)
    expect((await list())[0]).toBe(fifth.id)
    expect((await callApi(services.handlers, 'documents.create', { title: '' })).id).not.toBe(fifth.id)
    expect((await callApi(services.handlers, 'documents.create', { title: '', reuseUntouched: true, model: sampleDocument() })).model.title).toBe(sampleDocument().title)
    services.close()
  })

  it('keeps a revision at most every five minutes of editing, and on every Ctrl+S', () => {
    const { store, advance } = storeWithClock()
    const doc = store.create('', sampleDocument())
    const edit = (text: string) => {
      const model = sampleDocument()
      model.blocks.push({ type: 'paragraph', children: [{ type: 'text', text }] })
      expect(store.save(doc.id, model, store.get(doc.id).version)).toMatchObject({ status: 'saved' })
    }
    edit('第一次修改')
    expect(store.revisions(doc.id)).toHaveLength(1)
    for (let i = 0; i < 20; i++) {
      advance(10_000)
      edit(`修改${i}`)
    }
    expect(store.revisions(doc.id)).toHaveLength(1) // 200 s of editing
    advance(REVISION_INTERVAL_MS)
    edit('五分钟后')
    expect(store.revisions(doc.id)).toHaveLength(2)
    advance(1000)
    expect(store.snapshot(doc.id, 'manual')).toMatchObject({ reason: 'manual' })
    expect(store.revisions(doc.id).map((r) => r.reason)).toEqual(['manual', 'interval', 'interval'])
  })

  it('finds documents by title and by any run of text, including one- and two-character queries', () => {
    const { store } = storeWithClock()
    const a = store.create('', sampleDocument('安全生产工作总结'))
    const b = store.create('', { ...sampleDocument('社区文明创建总结'), blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '组织志愿者清理楼道杂物。' }] }] })
    expect(store.search('隐患排查').map((h) => h.id)).toEqual([a.id])
    expect(store.search('志愿者').map((h) => h.id)).toEqual([b.id])
    expect(store.search('楼道').map((h) => h.id)).toEqual([b.id])
    expect(store.search('社')[0]?.id).toBe(b.id)
    expect(store.search('志愿者')[0]?.excerpt).toContain('志愿者')
    const titleFirst = store.search('总结')
    expect(titleFirst.every((h) => h.matchedTitle)).toBe(true)
  })

  it('treats FTS syntax in a query as plain text', () => {
    const { store } = storeWithClock()
    store.create('', sampleDocument())
    for (const q of ['"', 'AND OR', 'NOT 隐患', '隐患*', '^开展', '(排查)', 'title:排查', 'NEAR(a b)', '😀😀😀', '\ud800abc'])
      expect(() => store.search(q)).not.toThrow()
    expect(store.search('"隐患"')).toEqual([])
  })

  it('refuses to open a stored document that fails the schema, names it, and keeps it', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    const good = await callApi(services.handlers, 'documents.create', { title: '完好的文档' })
    const db = services.library.database()
    db.prepare(
      `INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at) VALUES ('broken-doc-1', '被改坏的总结', '{"version":1,"title":"被改坏的总结","blocks":[{"type":"heading","level":9}],"figures":[]}', '', 0, 1, 1)`,
    ).run()
    db.prepare(
      `INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at) VALUES ('broken-doc-2', '半截文档', '{"version":1,"title":', '', 0, 1, 1)`,
    ).run()
    const list = await callApi(services.handlers, 'documents.list', {})
    expect(list.map((d) => d.title).sort()).toEqual(['半截文档', '完好的文档', '被改坏的总结'].sort())
    expect(list.find((d) => d.id === 'broken-doc-2')?.invalid).toEqual({ code: 'documents.brokenJson', params: {} })
    const res = await services.dispatch('documents.get', { id: 'broken-doc-1' })
    expect(res).toMatchObject({ ok: false, error: { code: 'documents.invalid', params: { title: '被改坏的总结', id: 'broken-doc-1' } } })
    expect(!res.ok && messageText(res.error)).toMatch(/^文档《被改坏的总结》（broken-doc-1）的内容不符合格式，无法打开；原文件未改动。/)
    const raw = db.prepare("SELECT model_json FROM documents WHERE id = 'broken-doc-1'").get() as { model_json: string }
    expect(raw.model_json).toContain('"level":9')
    expect((await callApi(services.handlers, 'documents.get', { id: good.id })).model.title).toBe('完好的文档')
    services.close()
  })
})

describe('the API layer', () => {
  it('answers wrong shapes and unknown methods with typed errors and writes nothing', async () => {
    const services = createServices({ dataDir: tempDir() })
    expect(await services.dispatch('documents.nuke', {})).toEqual({ ok: false, error: { code: 'request.unknownMethod', params: { method: 'documents.nuke' } } })
    const wrongType = await services.dispatch('documents.create', { title: 42 })
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'request.invalidInput', params: { method: 'documents.create', field: 'title' } } })
    expect(!wrongType.ok && messageText(wrongType.error)).toMatch(/^参数不对（documents\.create，title）：/)
    expect(await services.dispatch('documents.create', { title: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'request.invalidInput' } })
    expect(await services.dispatch('documents.save', { id: 'nope-not-there', model: { version: 2 } })).toMatchObject({ ok: false, error: { code: 'request.invalidInput', params: { method: 'documents.save' } } })
    expect(await services.dispatch('documents.get', { id: '../../etc/passwd' })).toEqual({ ok: false, error: { code: 'input.notDocumentId', params: {} } })
    expect(await services.dispatch('documents.get', { id: 'missing-document' })).toEqual({ ok: false, error: { code: 'documents.notFound', params: { id: 'missing-document' } } })
    expect(await services.dispatch('documents.get', null)).toMatchObject({ ok: false, error: { code: 'request.invalidInput', params: { field: 'id' } } })
    expect(await callApi(services.handlers, 'documents.list', {})).toEqual([])
    services.close()
  })
})
