/**
 * Unsaved text of a team document, offered back after the writer's browser died. The team's text
 * is shared: what the writer typed went into it (and into the browser's copy of it) as it was
 * typed, so the journal's copy is weighed against the team's text, and the offer never puts the
 * kept text over it — others' later changes would go with it. The real team server on loopback;
 * the writer in a Chromium of their own with a profile that outlives the browser (the journal and
 * the browser's copy of the team document live there), saves of the local copy failing in the
 * back end so that the journal is written.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { callApi, createServices } from '../../electron/services'
import type { RunningTeamServer } from '../../electron/team/server'
import type { SummaryDocument } from '../../shared/document/model'
import { documentPlainText } from '../../shared/document/text'
import { useE2E } from '../helpers/e2e'
import { journalEntriesWith } from '../helpers/journal'
import { networkRelay, type NetworkRelay } from '../helpers/relay'
import { CHROMIUM, CHROMIUM_ARGS, ROOT, type RunningShell } from '../helpers/shell'
import { connectClient, freePort, type TeamClient } from '../helpers/team'
import { sharedTeamDocument, type SharedTeamDocument } from '../helpers/teamApp'

const e2e = useE2E()
const open: { servers: RunningTeamServer[]; clients: TeamClient[]; relays: NetworkRelay[]; contexts: BrowserContext[]; hung: RunningShell[] } = { servers: [], clients: [], relays: [], contexts: [], hung: [] }
afterEach(async () => {
  for (const s of open.hung.splice(0)) await s.stop('SIGKILL') // a stopped process takes nothing else
  for (const c of open.contexts.splice(0)) await c.close()
  for (const r of open.relays.splice(0)) await r.close()
  for (const c of open.clients.splice(0)) c.destroy()
  for (const s of open.servers.splice(0)) await s.close()
})

const TIMEOUT = { timeout: 15_000 }

const doc = (paragraphs: string[]): SummaryDocument => ({
  version: 1,
  title: '办公室年度工作总结',
  blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] })),
  figures: [],
})

async function shot(page: Page, name: string) {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
  await page.screenshot({ path: path.join(ROOT, 'test-results', name) })
}

const bodyText = async (page: Page) => (await page.locator('.document-body').innerText()).replace(/\s+/g, '')
const syncState = (page: Page) => page.locator('[data-testid=team-sync]').getAttribute('data-state')
const notice = (page: Page) => page.locator('.status-bar .notice').innerText()

/** Puts the caret at the end of the n-th paragraph, once the page's selection is there. */
async function caretAtEnd(page: Page, n: number) {
  await page.locator('.document-body .dd-paragraph').nth(n).click()
  await page.keyboard.press('End')
  await expect
    .poll(() => page.evaluate((i) => {
      const paragraph = document.querySelectorAll('.document-body .dd-paragraph')[i]
      const selection = getSelection()
      return !!paragraph && !!selection?.focusNode && paragraph.contains(selection.focusNode) && selection.isCollapsed
    }, n))
    .toBe(true)
}

/** The plain text of a Lexical-bound XmlText: every string in it, depth first. */
function plainText(x: Y.XmlText): string {
  return (x.toDelta() as { insert: unknown }[]).map(({ insert }) => (typeof insert === 'string' ? insert : insert instanceof Y.XmlText ? plainText(insert) : '')).join('')
}

/** The team document's text on the server, read by a Node client (whitespace dropped). */
async function serverText(team: SharedTeamDocument): Promise<string> {
  const client = connectClient(team.server.url, team.teamName, team.anyToken)
  open.clients.push(client)
  await client.acknowledged()
  const text = plainText(client.root).replace(/\s+/g, '')
  client.destroy()
  return text
}

/**
 * A member's browser with a profile of its own, on a shell at a fixed port (the journal and the
 * browser's copy belong to the page's origin), the team document open. `faults`: while it holds a
 * SQLite code, saves of the local copy fail in the back end; `hang()`: the back end's process
 * stops, so saves go out and are never answered (the team server is reached without it).
 */
async function memberBrowser(team: SharedTeamDocument, name: string, serverUrl?: string) {
  const dataDir = await team.prepare(name, 'editor', doc(['本机副本里的旧文字']), serverUrl)
  const faults = path.join(e2e.tempDir(), 'fault')
  const port = await freePort()
  const env = { DRAFTDESK_TEST_FAULT_FILE: faults }
  let shell = await e2e.startShell(dataDir, { port, env })
  const profile = e2e.tempDir()
  let context: BrowserContext | null = null
  const launch = async (): Promise<Page> => {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } })
    open.contexts.push(context)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(shell.url) // the document with unsaved text opens by itself
    return page
  }
  const page = await launch()
  await page.click('.doc-open')
  await page.locator('[data-testid=team-sync]').waitFor(TIMEOUT)
  return {
    page,
    dataDir,
    faults,
    hang() {
      open.hung.push(shell)
      shell.process.kill('SIGSTOP')
    },
    /** the browser dies (no beforeunload; a hung back end is killed and started again), then starts again on the same profile */
    async crashAndRelaunch(between: () => Promise<void> = async () => {}): Promise<Page> {
      const was = context!
      open.contexts.splice(open.contexts.indexOf(was), 1)
      await was.close()
      const hung = open.hung.indexOf(shell)
      if (hung >= 0) {
        open.hung.splice(hung, 1)
        await e2e.stop(shell, 'SIGKILL')
        shell = await e2e.startShell(dataDir, { port, env })
      }
      await between()
      return launch()
    },
  }
}

/** The writer's library: every document's title and text. */
async function library(dataDir: string): Promise<{ title: string; text: string }[]> {
  const services = createServices({ dataDir })
  try {
    const list = await callApi(services.handlers, 'documents.list', {})
    return Promise.all(list.map(async (d) => ({ title: d.title, text: documentPlainText((await callApi(services.handlers, 'documents.get', { id: d.id })).model).replace(/\s+/g, '') })))
  } finally {
    services.close()
  }
}

describe('unsaved text of a team document', () => {
  it('the team changed it since: no 恢复 over the team’s text; 对比 shows the difference; 恢复为本地副本 keeps the writer’s text as a local document', async () => {
    const team = await sharedTeamDocument(e2e, open, '张三', doc(['第一段。', '第二段。']))
    const a = team.sharerPage
    const writer = await memberBrowser(team, '李四')
    const b = writer.page
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('第二段。')
    await expect.poll(() => syncState(b), TIMEOUT).toBe('synced')

    // the writer's back end hangs: the local copy is not saved, the journal keeps what was typed
    writer.hang()
    await caretAtEnd(b, 1)
    await b.keyboard.insertText('李四补充的一句。')
    await expect.poll(async () => (await journalEntriesWith(b, '李四补充的一句')).length, TIMEOUT).toBe(1)
    await expect.poll(() => bodyText(a), TIMEOUT).toContain('第二段。李四补充的一句。')
    // then 张三 rewrites that paragraph, and the writer's page (and its browser's copy) has it
    await caretAtEnd(a, 1)
    await a.keyboard.press('Shift+Home')
    await a.keyboard.insertText('第二段，张三改写。')
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('第一段。第二段，张三改写。')
    await expect.poll(() => serverText(team), TIMEOUT).toContain('第一段。第二段，张三改写。')

    const b2 = await writer.crashAndRelaunch()
    const offer = b2.locator('[data-testid=recovery-dialog]')
    await offer.waitFor(TIMEOUT)
    expect(await b2.locator('[data-testid=recovery-team]').innerText()).toContain('有 1 段在团队文稿中找不到原样。恢复不会覆盖团队的文字')
    expect(await b2.locator('.recovery-preview').innerText()).toContain('第二段。李四补充的一句。')
    expect(await b2.locator('[data-testid=recovery-restore]').count()).toBe(0)
    await shot(b2, 'team-recovery-offer.png')

    // 对比: the team's text now beside the kept one
    await b2.click('[data-testid=recovery-compare]')
    const table = b2.locator('[data-testid=compare-table]')
    await table.waitFor()
    expect(await table.locator('th').allInnerTexts()).toEqual(['团队文稿现在的', '未保存的内容'])
    expect((await table.locator('[data-side=stored]').allInnerTexts()).join('')).toContain('张三改写')
    expect((await table.locator('[data-side=mine] ins').allInnerTexts()).join('')).toContain('李四补充的一句')
    await shot(b2, 'team-recovery-compare.png')
    await b2.click('[data-testid=compare-close]')

    await b2.click('[data-testid=recovery-copy]')
    await offer.waitFor({ state: 'detached' })
    await expect.poll(() => notice(b2)).toContain('未保存的内容已恢复为本地文稿《办公室年度工作总结（恢复的内容）》，团队文稿没有改动')
    await expect.poll(() => b2.locator('.doc-title').allInnerTexts()).toContain('办公室年度工作总结（恢复的内容）')

    // the team's text is as the team left it, here, for the others and on the server
    await expect.poll(() => bodyText(b2), TIMEOUT).toContain('第一段。第二段，张三改写。')
    expect(await bodyText(b2)).not.toContain('李四补充的一句')
    expect(await bodyText(a)).toContain('第一段。第二段，张三改写。')
    expect(await serverText(team)).toContain('第一段。第二段，张三改写。')
    // the local copy holds the writer's text as it was kept
    const copy = (await library(writer.dataDir)).find((d) => d.title === '办公室年度工作总结（恢复的内容）')
    expect(copy?.text).toContain('第一段。第二段。李四补充的一句。')
    expect(copy?.text).not.toContain('张三改写')
    // and it is not offered again
    expect(await journalEntriesWith(b2, '李四补充的一句')).toEqual([])
  }, 150_000)

  it('typed offline: the browser’s copy of the team document has it, so nothing is offered, the writer is told, and it reaches the team on reconnecting', async () => {
    const team = await sharedTeamDocument(e2e, open, '张三', doc(['第一段。', '第二段。']))
    const a = team.sharerPage
    const network = await networkRelay(team.server.port)
    open.relays.push(network)
    const writer = await memberBrowser(team, '李四', network.url)
    const b = writer.page
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('第二段。')
    await expect.poll(() => syncState(b), TIMEOUT).toBe('synced')

    network.setOnline(false)
    await expect.poll(() => syncState(b), TIMEOUT).toBe('offline')
    fs.writeFileSync(writer.faults, 'SQLITE_READONLY')
    await caretAtEnd(b, 1)
    await b.keyboard.insertText('离线时李四写的。')
    await expect.poll(async () => (await journalEntriesWith(b, '离线时李四写的')).length, TIMEOUT).toBe(1)

    const b2 = await writer.crashAndRelaunch(async () => fs.writeFileSync(writer.faults, ''))
    await expect.poll(() => notice(b2), TIMEOUT).toContain('已在这台电脑上的团队文稿副本里')
    expect(await b2.locator('[data-testid=recovery-dialog]').count()).toBe(0)
    expect(await bodyText(b2)).toContain('第二段。离线时李四写的。')
    expect(await syncState(b2)).toBe('offline')
    expect(await journalEntriesWith(b2, '离线时李四写的')).toEqual([])

    network.setOnline(true)
    await expect.poll(() => bodyText(a), TIMEOUT).toContain('第二段。离线时李四写的。')
    await expect.poll(() => serverText(team), TIMEOUT).toContain('第二段。离线时李四写的。')
  }, 150_000)
})
