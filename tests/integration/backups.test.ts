/**
 * Backups, restore and salvage of the 文稿库 on real SQLite files in temp folders: backups taken
 * while saves go on restore every document and snippet; rotation; the backup before a migration;
 * the checks a restore makes before touching anything; a damaged library salvaged.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { callApi, createServices, type Services } from '../../electron/services'
import { backupsOf } from '../../electron/services/backups/store'
import { LATEST_SCHEMA_VERSION, listSnapshots } from '../../electron/services/library'
import { snippetStore } from '../../electron/services/snippets'
import { ApiError } from '../../shared/api'
import type { SummaryDocument } from '../../shared/document/model'
import { sampleDocument } from '../helpers/documents'
import { libraryAtSchema } from '../helpers/oldLibrary'
import { useTempDirs } from '../helpers/tempDir'

/** A save made from the stored version (these tests are about storage, not about conflicts). */
async function saveLatest(services: { handlers: Services['handlers']; dispatch: Services['dispatch'] }, id: string, model: SummaryDocument) {
  const { version } = await callApi(services.handlers, 'documents.get', { id })
  return services.dispatch('documents.save', { id, model, baseVersion: version })
}

const tempDir = useTempDirs()
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

function edited(doc: SummaryDocument, n: number): SummaryDocument {
  return { ...doc, blocks: [...doc.blocks, { type: 'paragraph', children: [{ type: 'text', text: `第${n}次修改：继续推进各项工作。` }] }] }
}

/** Every document (models, trash state) and every snippet of a library, for comparison. */
async function contents(services: Services) {
  const listed = [...(await callApi(services.handlers, 'documents.list', {})), ...(await callApi(services.handlers, 'documents.list', { trash: true }))]
  const documents: Record<string, { model: SummaryDocument; trashed: boolean }> = {}
  for (const d of listed) {
    const record = await callApi(services.handlers, 'documents.get', { id: d.id })
    documents[d.id] = { model: record.model, trashed: record.trashedAt !== null }
  }
  const snippets = snippetStore(services.library)
    .all(null)
    .map(({ id: _id, ...s }) => s)
    .sort((a, b) => a.uid.localeCompare(b.uid))
  return { documents, snippets }
}

async function libraryWithContent(dataDir: string, count = 8): Promise<{ services: Services; ids: string[] }> {
  const services = createServices({ dataDir })
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const { id } = await callApi(services.handlers, 'documents.create', { title: `第${i}篇`, model: sampleDocument(`2025年度第${i}篇工作总结`) })
    ids.push(id)
  }
  for (let i = 0; i < 5; i++)
    await callApi(services.handlers, 'snippets.create', { title: `素材${i}`, categoryId: null, tags: ['常用'], body: [[{ type: 'text', text: `我们坚持问题导向，第${i}条经验做法。` }]] })
  return { services, ids }
}

describe('backups while the writer saves', () => {
  it('are consistent: the last one restored into a fresh folder holds every document and snippet', async () => {
    const dir = tempDir()
    const { services, ids } = await libraryWithContent(dir)
    let saves = 0
    let writing = true
    const loop = (async () => {
      while (writing || saves < 60) {
        const id = ids[saves % ids.length]!
        const res = await saveLatest(services, id, edited(sampleDocument(`2025年度第${saves % ids.length}篇工作总结`), saves))
        expect(res.ok).toBe(true)
        saves++
        await tick()
      }
    })()
    const taken = []
    for (let i = 0; i < 3; i++) taken.push(await callApi(services.handlers, 'backups.create', {}))
    writing = false
    await loop
    expect(saves).toBeGreaterThan(0)
    // each backup taken mid-stream is a whole library with every document
    for (const b of taken) expect(b).toMatchObject({ documents: ids.length, snippets: expect.any(Number) })
    const last = await callApi(services.handlers, 'backups.create', {})
    const expected = await contents(services)
    services.close()

    const fresh = tempDir()
    const restored = createServices({ dataDir: fresh })
    await backupsOf(restored.library).restoreFile(path.join(dir, 'backups', last.id))
    expect(await contents(restored)).toEqual(expected)
    restored.close()
  })
})

describe('the backups folder', () => {
  it('is beside the library, private to the writer, and lists each backup with its counts', async () => {
    const dir = tempDir()
    const { services, ids } = await libraryWithContent(dir, 3)
    const made = await callApi(services.handlers, 'backups.create', {})
    expect(made).toMatchObject({ kind: 'manual', documents: ids.length, id: expect.stringMatching(/^library-\d{8}T\d{9}Z-manual\.sqlite$/) })
    const listed = await callApi(services.handlers, 'backups.list', {})
    expect(listed.folder).toBe(path.join(dir, 'backups'))
    expect(listed.backups[0]).toEqual(made)
    // no temporary file left, and the backup is a self-contained file (no -wal beside it)
    expect(fs.readdirSync(listed.folder)).toEqual([made.id])
    if (process.platform !== 'win32') {
      expect(fs.statSync(listed.folder).mode & 0o777).toBe(0o700)
      expect(fs.statSync(path.join(listed.folder, made.id)).mode & 0o777).toBe(0o600)
      expect(fs.statSync(path.join(dir, 'library.sqlite')).mode & 0o777).toBe(0o600)
    }
    services.close()
  })

  it('gets a backup when the library closes after writes, and none when nothing was written', async () => {
    const dir = tempDir()
    const { services } = await libraryWithContent(dir, 2)
    services.close()
    const afterWrites = listSnapshots(path.join(dir, 'library.sqlite'))
    expect(afterWrites.map((s) => s.kind)).toEqual(['quit'])
    const reading = createServices({ dataDir: dir })
    await callApi(reading.handlers, 'documents.list', {})
    reading.close()
    expect(listSnapshots(path.join(dir, 'library.sqlite'))).toHaveLength(1)
  })

  it('gets the day’s backup and a checkpoint once writes go quiet: the library file alone holds the last save', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir, quietMs: 50 })
    const { id } = await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument('最初的标题') })
    const res = await saveLatest(services, id, sampleDocument('安静之后的标题'))
    expect(res.ok).toBe(true)
    const file = path.join(dir, 'library.sqlite')
    await expect.poll(() => listSnapshots(file).map((s) => s.kind), { timeout: 10_000 }).toEqual(['daily'])
    // a copy of library.sqlite without its -wal (what a careless file copy takes) has the save
    const copy = path.join(tempDir(), 'copy.sqlite')
    fs.copyFileSync(file, copy)
    const db = new Database(copy, { readonly: true })
    expect(JSON.parse((db.prepare('SELECT model_json FROM documents WHERE id = ?').get(id) as { model_json: string }).model_json).title).toBe('安静之后的标题')
    db.close()
    // the same day: no second daily backup
    await saveLatest(services, id, sampleDocument('再改一次'))
    await new Promise((r) => setTimeout(r, 300))
    expect(listSnapshots(file).map((s) => s.kind)).toEqual(['daily'])
    services.close()
  })

  it('keeps the newest few of the writer’s own backups when they pile up', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    await callApi(services.handlers, 'documents.create', { title: '轮换' })
    // backups of other days, made earlier
    const backups = path.join(dir, 'backups')
    fs.mkdirSync(backups)
    const made = await callApi(services.handlers, 'backups.create', {})
    const DAY = 24 * 60 * 60 * 1000
    for (let d = 1; d <= 40; d++) {
      const stamp = new Date(made.createdAt - d * DAY).toISOString().replace(/[-:.]/g, '')
      fs.copyFileSync(path.join(backups, made.id), path.join(backups, `library-${stamp}-daily.sqlite`))
    }
    for (let i = 0; i < 12; i++) await callApi(services.handlers, 'backups.create', {})
    const kinds = listSnapshots(path.join(dir, 'library.sqlite')).map((s) => s.kind)
    expect(kinds.filter((k) => k === 'manual')).toHaveLength(10)
    // 7 days + 4 weeks, some of them the same backups
    const daily = kinds.filter((k) => k === 'daily').length
    expect(daily).toBeGreaterThanOrEqual(7)
    expect(daily).toBeLessThanOrEqual(11)
    services.close()
  })
})

/** A library at schema version 2 (before 定稿 and images), made as an older DraftDesk made it. */
function oldLibrary(file: string): void {
  const db = libraryAtSchema(file, 2, { wal: true })
  const model = JSON.stringify(sampleDocument('旧版稿台写的总结'))
  db.prepare("INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at) VALUES ('old-doc-1', '旧版稿台写的总结', ?, '', 10, 1, 1)").run(model)
  db.close()
}

describe('migrations', () => {
  it('back the library up before changing it', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'library.sqlite')
    oldLibrary(file)
    const services = createServices({ dataDir: dir })
    expect(services.library.info()).toMatchObject({ state: 'open', documents: 1 })
    const [backup] = listSnapshots(file)
    expect(backup).toMatchObject({ kind: 'migration' })
    const db = new Database(backup!.file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare('SELECT title FROM documents').pluck().all()).toEqual(['旧版稿台写的总结'])
    db.close()
    expect(new Database(file, { readonly: true }).pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    services.close()
  })
})

describe('restore', () => {
  it('checks the chosen file before touching anything, and refuses a bad one', async () => {
    const dir = tempDir()
    const { services } = await libraryWithContent(dir, 2)
    const before = await contents(services)
    const elsewhere = tempDir()
    const garbage = path.join(elsewhere, 'garbage.sqlite')
    fs.writeFileSync(garbage, 'not a library at all '.repeat(100))
    const foreign = path.join(elsewhere, 'foreign.sqlite')
    const f = new Database(foreign)
    f.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三')")
    f.close()
    const newer = path.join(elsewhere, 'newer.sqlite')
    const made = await backupsOf(services.library).create(newer)
    const n = new Database(made.file)
    n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    n.close()
    const refusals: [string, string][] = [
      [garbage, 'library.notLibrary'],
      [foreign, 'library.foreignDatabase'],
      [newer, 'library.newerVersion'],
    ]
    for (const [file, reason] of refusals) {
      const err = await backupsOf(services.library).restoreFile(file).catch((e: unknown) => e)
      expect(err, file).toBeInstanceOf(ApiError)
      expect((err as ApiError).toMessage(), file).toMatchObject({ code: 'backups.unusable', parts: { reason: { code: reason } } })
    }
    expect((await callApi(services.handlers, 'backups.list', {})).backups.filter((b) => b.kind === 'restore')).toEqual([])
    expect(await contents(services)).toEqual(before)
    services.close()
  })

  it('takes a backup from the list by id, never a path', async () => {
    const dir = tempDir()
    const { services, ids } = await libraryWithContent(dir, 2)
    const first = await callApi(services.handlers, 'backups.create', {})
    const snapshot = await contents(services)
    await callApi(services.handlers, 'documents.save', { id: ids[0]!, model: sampleDocument('恢复前改过的标题'), baseVersion: (await callApi(services.handlers, 'documents.get', { id: ids[0]! })).version })
    const res = await services.dispatch('backups.restore', { id: '../library.sqlite' })
    expect(res).toMatchObject({ ok: false, error: { code: 'input.invalid' } })
    expect(await services.dispatch('backups.restore', { id: 'library-20200101T000000000Z-daily.sqlite' })).toMatchObject({ ok: false, error: { code: 'backups.notFound' } })

    const result = await callApi(services.handlers, 'backups.restore', { id: first.id })
    expect(result.library).toMatchObject({ state: 'open', documents: 2 })
    expect(result.safety).toMatchObject({ kind: 'restore', documents: 2 })
    expect(await contents(services)).toEqual(snapshot)
    // the library as it was before the restore is there to go back to
    await callApi(services.handlers, 'backups.restore', { id: result.safety!.id })
    expect((await callApi(services.handlers, 'documents.get', { id: ids[0]! })).model.title).toBe('恢复前改过的标题')
    services.close()
  })

  it('puts the old library back when the restored one does not open', async () => {
    const dir = tempDir()
    const { services } = await libraryWithContent(dir, 2)
    const before = await contents(services)
    // an older library that passes every check but cannot be migrated (a table in the way of the next migration)
    const old = path.join(tempDir(), 'old.sqlite')
    oldLibrary(old)
    const db = new Database(old)
    db.exec('CREATE TABLE assets (x)')
    db.close()
    const err = await backupsOf(services.library).restoreFile(old).catch((e: unknown) => e)
    expect((err as ApiError).toMessage()).toMatchObject({ code: 'backups.restoreFailed', parts: { reason: { code: 'library.cannotOpen' } } })
    expect(services.library.info()).toMatchObject({ state: 'open', documents: 2 })
    expect(await contents(services)).toEqual(before)
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'library.sqlite', 'library.sqlite-shm', 'library.sqlite-wal'])
    services.close()
  })

  it('restores the newest good backup over a damaged library, keeping the damaged file aside unchanged', async () => {
    const dir = tempDir()
    const { services } = await libraryWithContent(dir, 3)
    await callApi(services.handlers, 'backups.create', {})
    const expected = await contents(services)
    services.close()
    const file = path.join(dir, 'library.sqlite')
    fs.writeFileSync(file, Buffer.from('这不是数据库'.repeat(500)))
    const damagedSha = sha(file)

    const again = createServices({ dataDir: dir })
    expect(again.library.info().state).toBe('unavailable')
    const result = await callApi(again.handlers, 'backups.restore', {})
    expect(result.safety).toBeNull()
    expect(result.keptAside).toMatch(/library-replaced-\d{8}T\d{9}Z\.sqlite$/)
    expect(sha(result.keptAside!)).toBe(damagedSha)
    expect(await contents(again)).toEqual(expected)
    again.close()
  })
})

describe('salvage', () => {
  it('copies every readable document and snippet of a damaged library into a new one, leaving the damaged file as it is', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    const expected: Record<string, SummaryDocument> = {}
    for (let i = 0; i < 60; i++) {
      const model = edited(sampleDocument(`第${i}篇总结`), i)
      const { id } = await callApi(services.handlers, 'documents.create', { title: '', model })
      await callApi(services.handlers, 'documents.save', { id: id, model: model, baseVersion: (await callApi(services.handlers, 'documents.get', { id: id })).version }) // and its first revision
      expected[id] = model
    }
    for (let i = 0; i < 20; i++) await callApi(services.handlers, 'snippets.create', { title: `素材${i}`, categoryId: null, tags: [], body: [[{ type: 'text', text: `抢救测试第${i}条。` }]] })
    const snippetUids = snippetStore(services.library).all(null).map((s) => s.uid).sort()
    services.close()

    // damage one leaf page of the documents table
    const file = path.join(dir, 'library.sqlite')
    const probe = new Database(file, { readonly: true })
    const pageSize = probe.pragma('page_size', { simple: true }) as number
    const leaves = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[]
    probe.close()
    expect(leaves.length).toBeGreaterThan(2)
    const victim = leaves[Math.floor(leaves.length / 2)]!
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (victim - 1) * pageSize)
    fs.closeSync(fd)
    const damagedSha = sha(file)

    const broken = createServices({ dataDir: dir })
    expect(broken.library.info()).toMatchObject({ state: 'unavailable', problem: { code: 'library.damaged' } })
    const result = await callApi(broken.handlers, 'library.salvage', {})
    expect(result.path).toMatch(/library-salvaged-\d{8}T\d{9}Z\.sqlite$/)
    expect(result.library).toMatchObject({ state: 'open', path: result.path })
    // the documents on the damaged page come back from their revisions
    expect(result.rebuilt).toBeGreaterThan(0)
    expect(result.documents).toBe(Object.keys(expected).length)
    for (const [id, model] of Object.entries(expected)) expect((await callApi(broken.handlers, 'documents.get', { id })).model).toEqual(model)
    expect(snippetStore(broken.library).all(null).map((s) => s.uid).sort()).toEqual(snippetUids)
    // search works in the salvaged 素材库 (its indexes were rebuilt)
    expect((await callApi(broken.handlers, 'snippets.search', { query: '抢救测试第7条' })).hits[0]?.title).toBe('素材7')
    broken.close()
    expect(sha(file)).toBe(damagedSha)
  })

  it('is refused for a library that opens', async () => {
    const services = createServices({ dataDir: tempDir() })
    expect(await services.dispatch('library.salvage', {})).toMatchObject({ ok: false, error: { code: 'salvage.notNeeded' } })
    services.close()
  })
})
