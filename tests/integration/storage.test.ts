/**
 * The library file when the machine says no: read-only (an immutable file or folder: tests run as
 * root, for whom chmod does not stop a write, so `chattr +i` stands in for it), a full disk (a
 * small tmpfs, else SQLite's max_page_count), a database locked by another program (a connection
 * holding BEGIN EXCLUSIVE). Each gives its storage.* code and loses nothing. And one app per
 * library: a second browser shell on the same library is refused until the first is gone.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { callApi, createServices, type Services } from '../../electron/services'
import type { SummaryDocument } from '../../shared/document/model'
import { lockPathOf } from '../../electron/services/library'
import { messageText } from '../../shared/errors'
import { longDocument, sampleDocument } from '../helpers/documents'
import { startShell, type RunningShell } from '../helpers/shell'
import { useTempDirs } from '../helpers/tempDir'

/** A save made from the stored version (these tests are about storage, not about conflicts). */
async function saveLatest(services: { handlers: Services['handlers']; dispatch: Services['dispatch'] }, id: string, model: SummaryDocument) {
  const { version } = await callApi(services.handlers, 'documents.get', { id })
  return services.dispatch('documents.save', { id, model, baseVersion: version })
}

const tempDir = useTempDirs()

/** Undo every chattr +i and mount of a test before its temp folders are removed. */
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) {
    try {
      undo()
    } catch {
      // already undone
    }
  }
})

function immutable(target: string): boolean {
  try {
    execFileSync('chattr', ['+i', target], { stdio: 'ignore' })
    cleanups.push(() => execFileSync('chattr', ['-i', target], { stdio: 'ignore' }))
    return true
  } catch {
    return false
  }
}

/** Does this machine let a test make a file immutable? (root, chattr, a file system with the flag) */
const canChattr = (() => {
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'draftdesk-probe-'))
  const file = path.join(dir, 'probe')
  fs.writeFileSync(file, '')
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore' })
    execFileSync('chattr', ['-i', file], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})()

async function libraryWithDocument(dir: string, title = '只读测试') {
  const services = createServices({ dataDir: dir })
  const { id } = await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument(title) })
  services.close()
  return id
}

describe('a read-only library', () => {
  it.skipIf(!canChattr)('opens read-only when the file cannot be written; saves are refused with storage.readOnly and nothing is lost', async () => {
    const dir = tempDir()
    const id = await libraryWithDocument(dir)
    const file = path.join(dir, 'library.sqlite')
    expect(immutable(file)).toBe(true)

    const services = createServices({ dataDir: dir })
    expect(services.library.info()).toMatchObject({ state: 'open', readOnly: true, documents: 1 })
    expect((await callApi(services.handlers, 'documents.get', { id })).model.title).toBe('只读测试')
    const res = await saveLatest(services, id, sampleDocument('改不了'))
    expect(res).toEqual({ ok: false, error: { code: 'storage.readOnly', params: {} } })
    expect(!res.ok && messageText(res.error)).toMatch(/^库文件是只读的/)
    expect(await services.dispatch('documents.create', { title: '新的' })).toMatchObject({ ok: false, error: { code: 'storage.readOnly' } })
    // the snippet panel still works (no starter snippets are written into it)
    expect(await services.dispatch('snippets.search', { query: '' })).toMatchObject({ ok: true })
    services.close()

    execFileSync('chattr', ['-i', file])
    const again = createServices({ dataDir: dir })
    expect(again.library.info()).toEqual({ state: 'open', path: file, documents: 1 })
    expect((await callApi(again.handlers, 'documents.get', { id })).model.title).toBe('只读测试')
    again.close()
  })

  it.skipIf(!canChattr)('opens read-only when its folder cannot be written (read from a private copy: SQLite cannot make its -shm there)', async () => {
    const dir = tempDir()
    const id = await libraryWithDocument(dir, '文件夹只读')
    const before = fs.readdirSync(dir).sort()
    expect(immutable(dir)).toBe(true)
    const services = createServices({ dataDir: dir })
    expect(services.library.info()).toMatchObject({ state: 'open', readOnly: true })
    expect((await callApi(services.handlers, 'documents.get', { id })).model.title).toBe('文件夹只读')
    expect(await saveLatest(services, id, sampleDocument('改不了'))).toMatchObject({ ok: false, error: { code: 'storage.readOnly' } })
    services.close()
    expect(fs.readdirSync(dir).sort()).toEqual(before)
  })
})

/** A folder on a tmpfs of `size`, when this machine lets a test mount one. */
function smallDisk(size: string): string | null {
  const dir = tempDir()
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    cleanups.push(() => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }))
    return dir
  } catch {
    return null
  }
}

describe('a full disk', () => {
  it('refuses the save with storage.diskFull and keeps every save made before', async () => {
    const disk = smallDisk('3m')
    const dir = disk ?? tempDir()
    const services = createServices({ dataDir: dir })
    // without a tmpfs: the library may not grow past its size now plus a little (SQLITE_FULL all the same)
    if (!disk) {
      const pages = services.library.database().pragma('page_count', { simple: true }) as number
      services.library.database().pragma(`max_page_count = ${pages + 200}`)
    }
    const saved: Record<string, string> = {}
    let failure: unknown = null
    for (let i = 0; i < 200 && !failure; i++) {
      const model = { ...longDocument(8000, 10), title: `第${i}篇` }
      const res = await services.dispatch('documents.create', { title: '', model })
      if (res.ok) saved[(res.result as { id: string }).id] = model.title
      else failure = res.error
    }
    expect(failure).toEqual({ code: 'storage.diskFull', params: {} })
    expect(Object.keys(saved).length).toBeGreaterThan(0)
    // an autosave of a document already there is refused the same way, and the document stays as it was
    const [firstId, firstTitle] = Object.entries(saved)[0]!
    const bigger = { ...longDocument(60_000, 20), title: '写不下的改动' }
    expect(await saveLatest(services, firstId, bigger)).toMatchObject({ ok: false, error: { code: 'storage.diskFull' } })
    expect((await callApi(services.handlers, 'documents.get', { id: firstId })).model.title).toBe(firstTitle)
    services.close() // its backup cannot be written either: closing must still work

    const again = createServices({ dataDir: dir })
    for (const [id, title] of Object.entries(saved)) expect((await callApi(again.handlers, 'documents.get', { id })).model.title).toBe(title)
    again.close()
  })
})

describe('a library locked by another program', () => {
  it('refuses the save with storage.locked, and saves again once the lock is gone', async () => {
    const dir = tempDir()
    const id = await libraryWithDocument(dir, '锁定之前')
    const services = createServices({ dataDir: dir })
    services.library.database().pragma('busy_timeout = 100')
    const other = new Database(path.join(dir, 'library.sqlite'))
    other.exec('BEGIN EXCLUSIVE')
    const res = await saveLatest(services, id, sampleDocument('锁定期间'))
    expect(res).toEqual({ ok: false, error: { code: 'storage.locked', params: {} } })
    expect(!res.ok && messageText(res.error)).toMatch(/^库文件正被另一个程序占用/)
    expect((await callApi(services.handlers, 'documents.get', { id })).model.title).toBe('锁定之前')
    other.exec('ROLLBACK')
    other.close()
    expect(await saveLatest(services, id, sampleDocument('锁定之后'))).toMatchObject({ ok: true })
    expect((await callApi(services.handlers, 'documents.get', { id })).model.title).toBe('锁定之后')
    services.close()
  })
})

describe('one app per library', () => {
  const shells: RunningShell[] = []
  afterEach(async () => {
    for (const s of shells.splice(0)) await s.stop('SIGKILL')
  })

  it('refuses a second browser shell on the same library while the first runs, and allows one after the first is killed', async () => {
    const dir = tempDir()
    const first = await startShell(dir)
    shells.push(first)
    await expect(startShell(dir)).rejects.toThrow(/这个文稿库已在另一个稿台中打开（进程 \d+）/)
    await first.stop('SIGKILL')
    // the lock file of the killed shell is still there: stale, taken over
    expect(fs.existsSync(lockPathOf(path.join(dir, 'library.sqlite')))).toBe(true)
    const second = await startShell(dir)
    shells.push(second)
    expect(second.url).toMatch(/token=/)
  })

  it('refuses the same library twice in one process, and lets it go on close', () => {
    const dir = tempDir()
    const a = createServices({ dataDir: dir, exclusive: true })
    expect(() => createServices({ dataDir: dir, exclusive: true })).toThrow(/已在另一个稿台中打开/)
    // the CLI does not take the lock: it may run beside the app
    createServices({ dataDir: dir }).close()
    a.close()
    expect(fs.existsSync(lockPathOf(path.join(dir, 'library.sqlite')))).toBe(false)
    createServices({ dataDir: dir, exclusive: true }).close()
  })

  it('refuses 打开库… onto a library another app holds, and keeps the current one open', async () => {
    const mine = tempDir()
    const theirs = tempDir()
    const other = createServices({ dataDir: theirs, exclusive: true })
    // the file the writer picks in the main process's dialog
    const services = createServices({ dataDir: mine, exclusive: true, library: { chooseFile: async () => path.join(theirs, 'library.sqlite') } })
    const res = await services.dispatch('library.choose', { create: false })
    expect(res).toMatchObject({ ok: false, error: { code: 'library.inUse' } })
    expect(services.library.info()).toMatchObject({ state: 'open', path: path.join(mine, 'library.sqlite') })
    other.close()
    expect(await services.dispatch('library.choose', { create: false })).toMatchObject({ ok: true })
    services.close()
  })
})
