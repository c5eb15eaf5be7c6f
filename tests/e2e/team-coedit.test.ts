/**
 * Co-editing a team document end to end: the real team server in this process on loopback, each
 * writer a browser shell of their own (own library, own member code, joined and linked through the
 * API as 团队 > 加入团队 and 共享到团队 would), each in its own Chromium context. The text every page
 * shows and the text on the server (read with a Node client) must end up the same.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { callApi, createServices } from '../../electron/services'
import type { RunningTeamServer } from '../../electron/team/server'
import type { SummaryDocument } from '../../shared/document/model'
import { useE2E } from '../helpers/e2e'
import { networkRelay, type NetworkRelay } from '../helpers/relay'
import { ROOT, typeWithIme } from '../helpers/shell'
import { connectClient, type TeamClient } from '../helpers/team'
import { sharedTeamDocument } from '../helpers/teamApp'

const e2e = useE2E()
const open: { servers: RunningTeamServer[]; clients: TeamClient[]; proxies: NetworkRelay[] } = { servers: [], clients: [], proxies: [] }
afterEach(async () => {
  for (const p of open.proxies.splice(0)) await p.close()
  for (const c of open.clients.splice(0)) c.destroy()
  for (const s of open.servers.splice(0)) await s.close()
})

const TIMEOUT = { timeout: 15_000 }

const doc = (paragraphs: string[], extra: Partial<SummaryDocument> = {}): SummaryDocument => ({
  version: 1,
  title: '办公室年度工作总结',
  blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] })),
  figures: [],
  ...extra,
})

async function shot(page: Page, name: string) {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
  await page.screenshot({ path: path.join(ROOT, 'test-results', name) })
}

/** The plain text of a Lexical-bound XmlText: every string in it, depth first. */
function plainText(x: Y.XmlText): string {
  return (x.toDelta() as { insert: unknown }[])
    .map(({ insert }) => (typeof insert === 'string' ? insert : insert instanceof Y.XmlText ? plainText(insert) : ''))
    .join('')
}

/** A writer's network: a TCP relay to the team server that can be cut (a laptop on a train) and restored. */
async function networkTo(server: RunningTeamServer): Promise<NetworkRelay> {
  const proxy = await networkRelay(server.port)
  open.proxies.push(proxy)
  return proxy
}

interface Team {
  server: RunningTeamServer
  serverDir: string
  teamName: string
  /** a member with their own library: joined, the document linked; the page shows it */
  writer(name: string, role: 'editor' | 'reviewer' | 'reader', model?: SummaryDocument, serverUrl?: string): Promise<{ page: Page; dataDir: string }>
  /** the server's text of the document, read by a Node client (whitespace dropped) */
  serverText(): Promise<string>
}

/**
 * A team server, and the sharer's document: `sharer` shares `model` (its local document id names
 * the team document); the team's list says so.
 */
async function teamWith(sharer: string, model: SummaryDocument): Promise<Team & { sharerPage: Page }> {
  const { server, serverDir, teamName, anyToken: readerToken, sharerPage, prepare, openDocument } = await sharedTeamDocument(e2e, open, sharer, model)
  return {
    server,
    serverDir,
    teamName,
    sharerPage,
    async writer(name, role, local = doc(['本机副本里的旧文字']), serverUrl) {
      const dataDir = await prepare(name, role, local, serverUrl)
      return { page: await openDocument(dataDir), dataDir }
    },
    async serverText() {
      const client = connectClient(server.url, teamName, readerToken)
      open.clients.push(client)
      await client.acknowledged()
      const text = plainText(client.root).replace(/\s+/g, '')
      client.destroy()
      return text
    },
  }
}

/** The stored model of the only document in a library (read beside the running shell). */
async function storedModel(dataDir: string): Promise<SummaryDocument> {
  const services = createServices({ dataDir })
  try {
    const [only] = await callApi(services.handlers, 'documents.list', {})
    return (await callApi(services.handlers, 'documents.get', { id: only!.id })).model
  } finally {
    services.close()
  }
}

const bodyText = async (page: Page) => (await page.locator('.document-body').innerText()).replace(/\s+/g, '')
const syncState = (page: Page) => page.locator('[data-testid=team-sync]').getAttribute('data-state')

/** Puts the caret at the end of the n-th paragraph. */
async function caretAtEnd(page: Page, n = 0) {
  await page.locator('.document-body .dd-paragraph').nth(n).click()
  await page.keyboard.press('End')
  await page.waitForTimeout(50) // Lexical takes the selection on selectionchange
}

describe('co-editing a team document', () => {
  it('shows the sharer’s text to a second writer, whose own copy is replaced, and both see each other', async () => {
    const team = await teamWith('张三', doc(['第一段：全年共开展检查十二次。', '第二段：问题全部整改。']))
    const a = team.sharerPage
    await expect.poll(() => bodyText(a), TIMEOUT).toContain('第一段：全年共开展检查十二次。')
    await expect.poll(() => syncState(a), TIMEOUT).toBe('synced')
    const { page: b } = await team.writer('李四', 'editor')
    await expect.poll(() => bodyText(b), TIMEOUT).toBe(await bodyText(a))
    expect(await bodyText(b)).not.toContain('本机副本里的旧文字')
    await expect.poll(() => a.locator('[data-testid=team-people]').innerText(), TIMEOUT).toContain('李四')
    await expect.poll(() => b.locator('[data-testid=team-people]').innerText(), TIMEOUT).toContain('张三')
    expect(await team.serverText()).toBe((await bodyText(a)).replace(/\s+/g, ''))

    // leaving for a local document and coming back: the team document opens again
    await a.click('[data-testid=new-document]')
    await expect.poll(() => a.locator('[data-testid=team-sync]').count(), TIMEOUT).toBe(0)
    await a.locator('.doc-open', { hasText: '办公室年度工作总结' }).click()
    await expect.poll(() => bodyText(a), TIMEOUT).toContain('第一段：全年共开展检查十二次。')
    await expect.poll(() => syncState(a), TIMEOUT).toBe('synced')
  })

  it('merges typing in the same paragraph from three writers, IME composition included', async () => {
    const team = await teamWith('张三', doc(['检查情况：']))
    const a = team.sharerPage
    const { page: b } = await team.writer('李四', 'editor')
    const { page: d } = await team.writer('赵六', 'editor')
    for (const page of [b, d]) await expect.poll(() => bodyText(page), TIMEOUT).toContain('检查情况：')
    for (const page of [a, b, d]) await caretAtEnd(page)
    await Promise.all([typeWithIme(a, 'anquan', '安全生产'), typeWithIme(b, 'xiaofang', '消防检查'), typeWithIme(d, 'yingji', '应急演练')])
    await Promise.all([typeWithIme(a, 'zhenggai', '整改到位'), typeWithIme(b, 'quanmian', '全面覆盖'), typeWithIme(d, 'peixun', '培训教育')])
    await expect.poll(async () => new Set(await Promise.all([a, b, d].map(bodyText))).size, TIMEOUT).toBe(1)
    const text = await bodyText(a)
    for (const word of ['安全生产', '整改到位', '消防检查', '全面覆盖', '应急演练', '培训教育']) expect(text).toContain(word)
    // another writer's change never breaks a composition (its pinyin would stay in the text)
    expect(text).not.toMatch(/[a-z]/)
    await expect.poll(() => syncState(a), TIMEOUT).toBe('synced')
    await expect.poll(() => syncState(b), TIMEOUT).toBe('synced')
    await expect.poll(() => syncState(d), TIMEOUT).toBe('synced')
    await expect.poll(() => team.serverText(), TIMEOUT).toBe(text)
    // the others' carets, with their names, in their colours
    await expect.poll(() => a.locator('.team-cursors').innerText(), TIMEOUT).toContain('李四')
    await expect.poll(() => a.locator('.team-cursors').innerText(), TIMEOUT).toContain('赵六')
    await shot(a, 'team-coedit-a.png')
    await shot(b, 'team-coedit-b.png')
  })

  it('keeps what a writer typed offline and merges it with the others’ changes on reconnecting', async () => {
    const team = await teamWith('张三', doc(['第一段。', '第二段。']))
    const a = team.sharerPage
    const network = await networkTo(team.server)
    const { page: b } = await team.writer('李四', 'editor', undefined, network.url)
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('第二段。')
    await expect.poll(() => syncState(b), TIMEOUT).toBe('synced')

    network.setOnline(false)
    await expect.poll(() => syncState(b), TIMEOUT).toBe('offline')
    await caretAtEnd(b, 1)
    await typeWithIme(b, 'lixian', '离线补充')
    await caretAtEnd(a, 0)
    await typeWithIme(a, 'zaixian', '在线修改')
    await expect.poll(() => syncState(a), TIMEOUT).toBe('synced')
    expect(await bodyText(a)).not.toContain('离线补充')
    expect(await bodyText(b)).not.toContain('在线修改')
    await shot(b, 'team-coedit-offline.png')

    // the window closed and opened again, still offline: the browser's copy has what was typed
    await expect.poll(() => b.locator('[data-testid=save-state]').getAttribute('data-state'), TIMEOUT).toBe('saved')
    await b.reload()
    await b.click('.doc-open')
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('第二段。离线补充')
    expect(await syncState(b)).toBe('offline')

    network.setOnline(true)
    await expect.poll(async () => (await bodyText(a)) === (await bodyText(b)), TIMEOUT).toBe(true)
    const text = await bodyText(a)
    expect(text).toContain('第一段。在线修改')
    expect(text).toContain('第二段。离线补充')
    await expect.poll(() => syncState(b), TIMEOUT).toBe('synced')
    await expect.poll(() => team.serverText(), TIMEOUT).toBe(text)
  })

  it('undoes only one’s own change, in every page', async () => {
    const team = await teamWith('张三', doc(['甲段：', '乙段：']))
    const a = team.sharerPage
    const { page: b } = await team.writer('李四', 'editor')
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('乙段：')
    await caretAtEnd(a, 0)
    await a.keyboard.insertText('张三写的')
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('甲段：张三写的')
    await caretAtEnd(b, 1)
    await b.keyboard.insertText('李四写的')
    await expect.poll(() => bodyText(a), TIMEOUT).toContain('乙段：李四写的')

    // 张三's Ctrl+Z takes back his words, not 李四's (which came after)
    await a.locator('.document-body .dd-paragraph').first().click()
    await a.keyboard.press('Control+Z')
    for (const page of [a, b]) {
      await expect.poll(() => bodyText(page), TIMEOUT).not.toContain('张三写的')
      expect(await bodyText(page)).toContain('乙段：李四写的')
    }
    // and the bootstrap is no one's change: a second Ctrl+Z leaves the document as shared
    await a.keyboard.press('Control+Z')
    await a.waitForTimeout(300)
    expect(await bodyText(a)).toContain('甲段：')
    await expect.poll(() => team.serverText(), TIMEOUT).toBe(await bodyText(a))
  })

  it('repaints every reference to a figure another writer changed, and shares the 落款', async () => {
    const model = doc([], {
      blocks: [
        { type: 'paragraph', children: [{ type: 'text', text: '全年检查企业' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '。' }] },
        { type: 'paragraph', children: [{ type: 'text', text: '其中复查' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '全部合格。' }] },
      ],
      figures: [{ id: 'f1', name: '检查企业数', value: 120, unit: '家' }],
      signature: { organization: '县应急管理局办公室', date: '2025-12-20', dateStyle: 'arabic' },
    })
    const team = await teamWith('张三', model)
    const a = team.sharerPage
    const { page: b, dataDir: bDir } = await team.writer('李四', 'editor')
    const figureTexts = (page: Page) => page.locator('.document-body .dd-figure').allInnerTexts()
    await expect.poll(() => figureTexts(b), TIMEOUT).toEqual(['120家', '120家'])

    // 张三 changes the value in the 数据表
    await a.locator('.document-body .dd-paragraph').first().click()
    await a.keyboard.press('Control+Shift+D')
    await a.locator('[data-testid=figure-grid]').waitFor()
    const row = a.locator('.figure-grid tr', { has: a.locator('td.col-name', { hasText: '检查企业数' }) })
    await row.locator('td.col-value').click()
    await a.keyboard.press('Enter')
    await a.keyboard.press('Control+A')
    await a.keyboard.insertText('135')
    await a.keyboard.press('Enter')
    await expect.poll(() => figureTexts(a), TIMEOUT).toEqual(['135家', '135家'])
    await expect.poll(() => figureTexts(b), TIMEOUT).toEqual(['135家', '135家'])
    // 李四's 数据表 follows too
    await b.locator('.document-body .dd-paragraph').first().click()
    await b.keyboard.press('Control+Shift+D')
    const rowB = b.locator('.figure-grid tr', { has: b.locator('td.col-name', { hasText: '检查企业数' }) })
    await expect.poll(() => rowB.locator('td.col-value').innerText(), TIMEOUT).toContain('135')

    // 李四's local copy is saved from the team's text, figures and 落款 included (others' changes
    // reach it quietly, within seconds: they are on the team server already)
    await expect.poll(async () => (await storedModel(bDir)).figures, TIMEOUT).toEqual([{ id: 'f1', name: '检查企业数', value: 135, unit: '家' }])
    expect(await b.locator('[data-testid=save-state]').getAttribute('data-state')).toBe('saved')
    const stored = await storedModel(bDir)
    expect(stored.figures).toEqual([{ id: 'f1', name: '检查企业数', value: 135, unit: '家' }])
    expect(stored.signature).toEqual(model.signature)
    expect(stored.blocks).toEqual(model.blocks)
  })

  it('gives a 只读 member a read-only editor, and the server refuses an edit forced through', async () => {
    const team = await teamWith('张三', doc(['只有编辑能改这段。']))
    const a = team.sharerPage
    await expect.poll(() => syncState(a), TIMEOUT).toBe('synced')
    const { page: c } = await team.writer('王五', 'reader')
    await expect.poll(() => bodyText(c), TIMEOUT).toContain('只有编辑能改这段。')
    await expect(c.locator('[data-testid=team-readonly]').innerText()).resolves.toContain('只读')
    expect(await c.locator('.document-body').getAttribute('contenteditable')).toBe('false')
    await expect.poll(() => a.locator('[data-testid=team-people]').innerText(), TIMEOUT).toContain('王五')
    const before = await team.serverText()

    // a page made editable by hand: the change reaches the server, which refuses it
    await c.evaluate(() => {
      const body = document.querySelector('.document-body') as HTMLElement & { __lexicalEditor: { setEditable(e: boolean): void } }
      body.__lexicalEditor.setEditable(true)
    })
    await caretAtEnd(c, 0)
    await c.keyboard.insertText('强行写入')
    await expect.poll(() => c.locator('.status-bar .notice').innerText(), TIMEOUT).toContain('不能修改')
    expect(await team.serverText()).toBe(before)
    await a.waitForTimeout(300)
    expect(await bodyText(a)).not.toContain('强行写入')
  })
})
