/**
 * The fault suite: nothing a writer types is ever lost. The real browser shell and Chromium, with
 * the faults made for real where they can be — the CLI writing the same library, a second page,
 * the server stopped or killed, another connection holding the library file's write lock, the page
 * killed — and by the fault hook (DRAFTDESK_TEST_FAULT_FILE) for a read-only file, which root
 * cannot otherwise have.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import Database from 'better-sqlite3'
import { chromium, type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { callApi, createServices } from '../../electron/services'
import { documentPlainText } from '../../shared/document/text'
import type { SummaryDocument } from '../../shared/document/model'
import { useE2E } from '../helpers/e2e'
import { journalEntriesWith } from '../helpers/journal'
import { CHROMIUM, CHROMIUM_ARGS, editorText, waitSaved } from '../helpers/shell'

const e2e = useE2E()

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** The library as stored: the one document, its current text and every revision's text. */
async function stored(dataDir: string) {
  const services = createServices({ dataDir })
  try {
    const [summary] = await callApi(services.handlers, 'documents.list', {})
    const record = await callApi(services.handlers, 'documents.get', { id: summary!.id })
    const revisions = (services.library.database().prepare('SELECT reason, model_json FROM revisions WHERE document_id = ? ORDER BY id').all(record.id) as { reason: string; model_json: string }[]).map((r) => ({
      reason: r.reason,
      text: documentPlainText(JSON.parse(r.model_json) as SummaryDocument),
      model: JSON.parse(r.model_json) as SummaryDocument,
    }))
    return { id: record.id, version: record.version, model: record.model, text: documentPlainText(record.model), revisions }
  } finally {
    services.close()
  }
}

async function typeAtEnd(page: Page, text: string) {
  await page.locator('.document-body').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText(text)
}

async function newDocumentIn(page: Page, title = '测试文稿') {
  await page.click('[data-testid=new-document]')
  await page.locator('.document-body').waitFor()
  await page.click('.dd-title')
  await page.keyboard.insertText(title)
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('第一段：年初写下的文字。')
  await waitSaved(page)
}

/** A page with a new document "测试文稿" and its first line of text, saved. */
async function documentWithText(opts: Parameters<typeof e2e.openApp>[1] = {}) {
  const app = await e2e.openApp(undefined, opts)
  await newDocumentIn(app.page)
  return app
}

const banner = (page: Page) => page.locator('[data-testid=save-problem-reason]')

describe('a document changed elsewhere (lost update)', () => {
  it('keeps the CLI’s change and the page’s text, shows the banner, and both choices work', async () => {
    const { page, dataDir } = await documentWithText()
    const { id } = await stored(dataDir)

    // the CLI changes the document while the page holds it
    const set = await runCli(['figures', 'set', id, '会议次数', '12', '--create', '--data-dir', dataDir], { log: () => {}, error: () => {} })
    expect(set).toBe(0)

    await typeAtEnd(page, '页面上新打的字。')
    await page.locator('[data-testid=conflict-banner]').waitFor({ timeout: 10_000 })
    expect(await page.locator('[data-testid=conflict-banner]').innerText()).toContain('此文稿已在别处修改')
    expect(await page.locator('[data-testid=save-state]').getAttribute('data-state')).toBe('conflict')
    // nothing overwritten: the CLI's figure stands, the page's text is kept as a revision
    let now = await stored(dataDir)
    expect(now.model.figures.map((f) => [f.name, f.value])).toEqual([['会议次数', 12]])
    expect(now.text).not.toContain('页面上新打的字')
    expect(now.revisions.filter((r) => r.reason === 'conflict').map((r) => r.text).join()).toContain('页面上新打的字')

    // 对比: the saved text beside mine
    await page.click('[data-testid=conflict-compare]')
    const table = page.locator('[data-testid=compare-table]')
    await table.waitFor()
    expect(await table.locator('th').allInnerTexts()).toEqual(['当前保存的', '我的'])
    expect(await table.locator('[data-side=stored]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('会议次数：12')]))
    expect((await table.locator('[data-side=mine] ins').allInnerTexts()).join('')).toContain('页面上新打的字')
    await page.click('[data-testid=compare-close]')

    // autosave is paused: more typing does not save over the CLI's version
    await typeAtEnd(page, '冲突后又打的。')
    await page.waitForTimeout(1500)
    expect((await stored(dataDir)).text).not.toContain('冲突后又打的')

    // 保留我的: mine becomes current; the CLI's version stays as a revision
    await page.click('[data-testid=conflict-keep-mine]')
    await waitSaved(page)
    await page.locator('[data-testid=conflict-banner]').waitFor({ state: 'detached' })
    now = await stored(dataDir)
    expect(now.text).toContain('页面上新打的字。冲突后又打的。')
    expect(now.model.figures).toEqual([])
    expect(now.revisions.some((r) => r.reason === 'conflict' && r.model.figures.some((f) => f.name === '会议次数' && f.value === 12))).toBe(true)

    // again, and this time 使用已保存的: the stored text loads; mine stays as a revision
    expect(await runCli(['figures', 'set', id, '参会人数', '30', '--create', '--data-dir', dataDir], { log: () => {}, error: () => {} })).toBe(0)
    await typeAtEnd(page, '第二次冲突时的字。')
    await page.locator('[data-testid=conflict-banner]').waitFor({ timeout: 10_000 })
    await page.click('[data-testid=conflict-use-stored]')
    await page.locator('[data-testid=conflict-banner]').waitFor({ state: 'detached' })
    await expect.poll(() => editorText(page)).not.toContain('第二次冲突时的字')
    expect(await editorText(page)).toContain('冲突后又打的')
    now = await stored(dataDir)
    expect(now.model.figures.map((f) => f.name)).toEqual(['参会人数'])
    expect(now.revisions.filter((r) => r.reason === 'conflict').map((r) => r.text).join()).toContain('第二次冲突时的字')

    // and autosave goes on from the stored version
    await typeAtEnd(page, '之后照常保存。')
    await waitSaved(page)
    expect((await stored(dataDir)).text).toContain('之后照常保存。')
  })

  it('two pages on one document: nothing lost', async () => {
    const { page: a, shell, dataDir } = await documentWithText()
    const b = await e2e.browser().newPage({ viewport: { width: 1400, height: 900 } })
    await b.goto(shell.url)
    await b.click('.doc-open')
    await b.locator('.document-body').waitFor()

    await typeAtEnd(a, '甲窗口写的。')
    await waitSaved(a)
    await typeAtEnd(b, '乙窗口写的。')
    await b.locator('[data-testid=conflict-banner]').waitFor({ timeout: 10_000 })
    await b.click('[data-testid=conflict-keep-mine]')
    await waitSaved(b)

    // a is now behind: its next save is a conflict, never an overwrite
    await typeAtEnd(a, '甲又写的。')
    await a.locator('[data-testid=conflict-banner]').waitFor({ timeout: 10_000 })
    await a.click('[data-testid=conflict-use-stored]')
    await expect.poll(() => editorText(a)).toContain('乙窗口写的')

    const now = await stored(dataDir)
    const everything = [now.text, ...now.revisions.map((r) => r.text)].join('\n')
    for (const typed of ['甲窗口写的。', '乙窗口写的。', '甲又写的。']) expect(everything).toContain(typed)
    expect(now.text).toContain('乙窗口写的。')
    await b.close()
  })
})

describe('when saving fails', () => {
  it('the back end unreachable: keeps the text, says so, retries, and saves when it is back', async () => {
    const { page, dataDir } = await documentWithText()
    await page.route('**/api/documents.save', (route) => route.abort('connectionrefused'))
    await typeAtEnd(page, '断网时写的字。')
    await banner(page).waitFor({ timeout: 10_000 })
    expect(await banner(page).innerText()).toBe('保存失败：无法连接稿台后台')
    expect(await page.locator('[data-testid=save-problem]').innerText()).toContain('你的文字保留在本机')
    expect(await page.locator('[data-testid=save-state]').getAttribute('data-state')).not.toBe('saved')

    await page.unroute('**/api/documents.save')
    await waitSaved(page) // the next retry goes through by itself
    await page.locator('[data-testid=save-problem]').waitFor({ state: 'detached' })
    expect((await stored(dataDir)).text).toContain('断网时写的字。')
  })

  it('a back end that hangs: the writer is told the text is safe, goes on typing, and all is saved when it answers', async () => {
    const { page, dataDir, shell } = await documentWithText()
    shell.process.kill('SIGSTOP') // the save goes out and is never answered
    try {
      await typeAtEnd(page, '后台卡住时打的字。')
      const stalled = page.locator('[data-testid=save-stalled]')
      await stalled.waitFor({ timeout: 20_000 })
      expect(await stalled.innerText()).toMatch(/稿台后台没有回应，已等 \d+ 秒/)
      expect(await stalled.innerText()).toContain('打的字已暂存在本机，不会丢失')
      // the keyboard stays in the text: typing goes on under the banner
      await page.keyboard.insertText('接着写。')
      await expect.poll(() => editorText(page)).toContain('后台卡住时打的字。接着写。')
      await page.screenshot({ path: 'test-results/save-stalled.png' })
    } finally {
      shell.process.kill('SIGCONT')
    }
    await page.locator('[data-testid=save-stalled]').waitFor({ state: 'detached', timeout: 15_000 })
    await waitSaved(page)
    await expect.poll(async () => (await stored(dataDir)).text, { timeout: 15_000 }).toContain('后台卡住时打的字。接着写。')
  })

  it('the server stopped: 另存为… gives a .txt; after a restart on the same port the text is offered back', async () => {
    const port = await freePort()
    const { page, shell, dataDir } = await documentWithText({ port })
    await e2e.stop(shell)
    await typeAtEnd(page, '后台停了还在写。')
    await banner(page).waitFor({ timeout: 10_000 })
    expect(await banner(page).innerText()).toBe('保存失败：无法连接稿台后台')

    const download = page.waitForEvent('download')
    await page.click('[data-testid=save-as]')
    const file = await download
    expect(file.suggestedFilename()).toBe('测试文稿.txt')
    expect(fs.readFileSync((await file.path())!, 'utf8')).toContain('后台停了还在写。')
    expect(await page.locator('[data-testid=save-as-note]').innerText()).toContain('纯文本')

    const again = await e2e.startShell(dataDir, { port })
    page.on('dialog', (d) => void d.accept()) // leaving with unsaved text asks first
    await page.goto(again.url)
    await page.locator('[data-testid=recovery-dialog]').waitFor({ timeout: 10_000 })
    await page.click('[data-testid=recovery-restore]')
    await waitSaved(page)
    expect(await editorText(page)).toContain('后台停了还在写。')
    expect((await stored(dataDir)).text).toContain('后台停了还在写。')
  })

  it('a read-only library file: says so in words, 另存为… gives a Word file, saves once it is writable', async () => {
    const faults = path.join(e2e.tempDir(), 'fault')
    const { page, dataDir } = await documentWithText({ env: { DRAFTDESK_TEST_FAULT_FILE: faults } })
    fs.writeFileSync(faults, 'SQLITE_READONLY')
    await typeAtEnd(page, '只读时写的字。')
    await banner(page).waitFor({ timeout: 10_000 })
    expect(await banner(page).innerText()).toBe('保存失败：库文件是只读的')
    expect(await page.locator('[data-testid=save-state]').innerText()).toBe('保存失败：库文件是只读的')

    const download = page.waitForEvent('download')
    await page.click('[data-testid=save-as]')
    const file = await download
    expect(file.suggestedFilename()).toBe('测试文稿.docx')
    expect(fs.readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe('PK')

    fs.writeFileSync(faults, '')
    await page.click('[data-testid=save-retry]')
    await waitSaved(page)
    await page.locator('[data-testid=save-problem]').waitFor({ state: 'detached' })
    expect((await stored(dataDir)).text).toContain('只读时写的字。')
  })

  it('a library file locked by another program: says so, and saves after the lock is gone', async () => {
    const { page, dataDir } = await documentWithText()
    const other = new Database(path.join(dataDir, 'library.sqlite'))
    other.exec('BEGIN EXCLUSIVE')
    try {
      await typeAtEnd(page, '被占用时写的字。')
      await banner(page).waitFor({ timeout: 15_000 })
      expect(await banner(page).innerText()).toBe('保存失败：库文件正被另一个程序占用')
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    await page.click('[data-testid=save-retry]')
    await waitSaved(page)
    expect((await stored(dataDir)).text).toContain('被占用时写的字。')
  })

  it('closing the page with unsaved text asks first; with everything saved it does not', async () => {
    // a page in a context of its own making: closing a page that owns its context (browser.newPage)
    // closes the context, which never asks
    const shell = await e2e.startShell(e2e.tempDir())
    const context = await e2e.browser().newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    await page.goto(shell.url)
    await newDocumentIn(page)
    await page.route('**/api/documents.save', (route) => route.abort('connectionrefused'))
    await typeAtEnd(page, '还没保存的字。')
    const asked: string[] = []
    page.once('dialog', (d) => {
      asked.push(d.type())
      void d.dismiss() // stay
    })
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => asked).toEqual(['beforeunload'])
    expect(page.isClosed()).toBe(false)
    expect(await editorText(page)).toContain('还没保存的字。')

    await page.unroute('**/api/documents.save')
    await waitSaved(page)
    page.on('dialog', (d) => {
      asked.push(d.type())
      void d.accept()
    })
    const closed = page.waitForEvent('close')
    await page.close({ runBeforeUnload: true })
    await closed
    expect(asked).toEqual(['beforeunload'])
    await context.close()
  })
})

describe('the journal of unsaved text', () => {
  it('brings the text back after the server is killed right after the last keystroke', async () => {
    const port = await freePort()
    const { page, shell, dataDir } = await documentWithText({ port })
    await typeAtEnd(page, '服务被杀前最后打的一句话。')
    await page.waitForTimeout(300)
    await e2e.stop(shell, 'SIGKILL')
    expect((await stored(dataDir)).text).not.toContain('最后打的一句话') // the save had not gone out yet

    const again = await e2e.startShell(dataDir, { port })
    page.on('dialog', (d) => void d.accept())
    await page.goto(again.url)
    const offer = page.locator('[data-testid=recovery-dialog]')
    await offer.waitFor({ timeout: 10_000 })
    expect(await offer.innerText()).toContain('恢复未保存的内容')
    expect(await page.locator('[data-testid=recovery-summary]').innerText()).toMatch(/有一份 \d+ 字的内容没有保存到文稿库/)
    expect(await editorText(page)).not.toContain('最后打的一句话') // never applied without asking
    await page.click('[data-testid=recovery-restore]')
    await expect.poll(() => editorText(page)).toContain('服务被杀前最后打的一句话。')
    await waitSaved(page)
    expect((await stored(dataDir)).text).toContain('服务被杀前最后打的一句话。')

    // one undo takes the recovered text out again (and that is saved like any edit)
    await page.locator('.document-body').click()
    await page.keyboard.press('Control+Z')
    await expect.poll(() => editorText(page)).not.toContain('最后打的一句话')

    // nothing is offered a second time
    await page.keyboard.press('Control+Y')
    await waitSaved(page)
    await page.reload()
    await page.click('.doc-open')
    await page.locator('.document-body').waitFor()
    await page.waitForTimeout(500)
    expect(await page.locator('[data-testid=recovery-dialog]').count()).toBe(0)
  })

  it('brings the text back after the browser is closed without asking, and 丢弃 forgets it', async () => {
    const port = await freePort()
    const dataDir = e2e.tempDir()
    // saves fail in the back end (not held back in the browser: a request held there is let go when
    // the browser shuts down, and would reach the library)
    const faults = path.join(e2e.tempDir(), 'fault')
    const shell = await e2e.startShell(dataDir, { port, env: { DRAFTDESK_TEST_FAULT_FILE: faults } })
    const profile = e2e.tempDir()
    const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } })

    let context = await launch()
    try {
      let page = context.pages()[0] ?? (await context.newPage())
      await page.goto(shell.url)
      await page.click('[data-testid=new-document]')
      await page.locator('.document-body').waitFor()
      await page.click('.dd-title')
      await page.keyboard.insertText('浏览器崩溃测试')
      await page.keyboard.press('Enter')
      await waitSaved(page)
      fs.writeFileSync(faults, 'SQLITE_READONLY')
      await page.keyboard.insertText('浏览器关掉前打的字。')
      const typedAt = Date.now()
      // in the journal within a second of the last keystroke
      await expect.poll(async () => (await journalEntriesWith(page, '浏览器关掉前打的字')).length, { timeout: 5000, interval: 50 }).toBe(1)
      const [entry] = await journalEntriesWith(page, '浏览器关掉前打的字')
      expect(entry!.savedAt - typedAt).toBeLessThan(1000)
      await context.close() // no beforeunload: as a crash or a killed browser
      expect((await stored(dataDir)).text).not.toContain('浏览器关掉前打的字')
      fs.writeFileSync(faults, '')

      context = await launch()
      page = context.pages()[0] ?? (await context.newPage())
      await page.goto(shell.url)
      await page.locator('[data-testid=recovery-dialog]').waitFor({ timeout: 10_000 })
      await page.click('[data-testid=recovery-restore]')
      await expect.poll(() => editorText(page)).toContain('浏览器关掉前打的字。')
      await waitSaved(page)
      expect((await stored(dataDir)).text).toContain('浏览器关掉前打的字。')

      // once more, and this time 丢弃: nothing applied, and not offered again
      fs.writeFileSync(faults, 'SQLITE_READONLY')
      await typeAtEnd(page, '这句会被丢弃。')
      await banner(page).waitFor({ timeout: 10_000 })
      await context.close()
      fs.writeFileSync(faults, '')
      context = await launch()
      page = context.pages()[0] ?? (await context.newPage())
      await page.goto(shell.url) // the session cookie went with the browser
      await page.locator('[data-testid=recovery-dialog]').waitFor({ timeout: 10_000 })
      await page.click('[data-testid=recovery-discard]')
      expect(await editorText(page)).not.toContain('这句会被丢弃')
      await page.reload()
      await page.locator('.doc-open').first().waitFor()
      await page.waitForTimeout(500)
      expect(await page.locator('[data-testid=recovery-dialog]').count()).toBe(0)
    } finally {
      await context.close()
    }
  })
  it('the browser refused its storage when the page opened: the journal opens at the next write', async () => {
    const shell = await e2e.startShell(e2e.tempDir())
    const page = await e2e.browser().newPage({ viewport: { width: 1400, height: 900 } })
    // the journal's database refused once, as Chromium can for a moment after a crash
    await page.addInitScript(() => {
      const open = IDBFactory.prototype.open
      let refused = false
      IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
        if (name === 'draftdesk-journal' && !refused) {
          refused = true
          throw new DOMException('Internal error opening backing store', 'UnknownError')
        }
        return open.call(this, name, version)
      }
    })
    await page.goto(shell.url)
    await newDocumentIn(page)
    await page.route('**/api/documents.save', (route) => route.abort('connectionrefused'))
    await typeAtEnd(page, '存储一度不可用时打的字。')
    await banner(page).waitFor({ timeout: 10_000 })
    await expect.poll(async () => (await journalEntriesWith(page, '存储一度不可用时打的字')).length, { timeout: 5000 }).toBe(1)
    await page.close()
  })

  it('a save that hangs: what was typed is in the journal within a second, and offered back after the browser dies', async () => {
    // Autosave writes the journal only for text the back end has not confirmed a moment after it
    // was typed: here the back end hangs (its process stopped, as a hung process is), so the save
    // never answers and the journal must be written anyway, in time. The hang is the back end's,
    // not the browser's: a request held back in the browser (page.route) is let go when the browser
    // shuts down, reaches the back end, and then the library has the text and rightly nothing is
    // offered (what made this test fail in one CI run of two).
    const port = await freePort()
    const dataDir = e2e.tempDir()
    let shell = await e2e.startShell(dataDir, { port })
    const profile = e2e.tempDir()
    const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } })
    let context = await launch()
    try {
      let page = context.pages()[0] ?? (await context.newPage())
      await page.goto(shell.url)
      await newDocumentIn(page, '保存卡住测试')
      await page.locator('.document-body').click()
      await page.keyboard.press('Control+End')
      shell.process.kill('SIGSTOP') // the back end hangs: the save goes out and is never answered
      await page.keyboard.insertText('保存卡住时打的字。')
      const typedAt = Date.now()
      await expect.poll(async () => (await journalEntriesWith(page, '保存卡住时打的字')).length, { timeout: 5000, interval: 50 }).toBe(1)
      const [entry] = await journalEntriesWith(page, '保存卡住时打的字')
      expect(entry!.savedAt - typedAt).toBeLessThan(1000) // within a second of the keystroke
      await context.close() // the browser dies with the save still on its way
      await e2e.stop(shell, 'SIGKILL') // and so does the hung back end (a stopped process takes only SIGKILL)
      expect((await stored(dataDir)).text).not.toContain('保存卡住时打的字') // the library never got it

      shell = await e2e.startShell(dataDir, { port })
      context = await launch()
      page = context.pages()[0] ?? (await context.newPage())
      await page.goto(shell.url)
      await page.locator('[data-testid=recovery-dialog]').waitFor({ timeout: 15_000 })
      expect(await editorText(page)).not.toContain('保存卡住时打的字') // never applied without asking
      await page.click('[data-testid=recovery-restore]')
      await expect.poll(() => editorText(page)).toContain('保存卡住时打的字。')
      await waitSaved(page)
      expect((await stored(dataDir)).text).toContain('保存卡住时打的字。')
      await expect.poll(async () => (await journalEntriesWith(page, '保存卡住时打的字')).length).toBe(0) // confirmed: out of the journal
    } finally {
      shell.process.kill('SIGCONT') // a stopped back end would not stop at the end of the test
      await context.close()
    }
  })
})
