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
import { startTeamServer, type RunningTeamServer } from '../../electron/team/server'
import type { SummaryDocument } from '../../shared/document/model'
import { TEAM_INDEX, teamDocumentName } from '../../shared/team/protocol'
import { useE2E } from '../helpers/e2e'
import { ROOT, typeWithIme } from '../helpers/shell'
import { addMember, connectClient, type TeamClient } from '../helpers/team'

const e2e = useE2E()
const open: { servers: RunningTeamServer[]; clients: TeamClient[] } = { servers: [], clients: [] }
afterEach(async () => {
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

interface Team {
  server: RunningTeamServer
  serverDir: string
  teamName: string
  /** a member with their own library: joined, the document linked; the page shows it */
  writer(name: string, role: 'editor' | 'reviewer' | 'reader', model?: SummaryDocument): Promise<Page>
  /** the server's text of the document, read by a Node client (whitespace dropped) */
  serverText(): Promise<string>
}

/**
 * A team server, and the sharer's document: `sharer` shares `model` (its local document id names
 * the team document); the team's list says so.
 */
async function teamWith(sharer: string, model: SummaryDocument): Promise<Team & { sharerPage: Page }> {
  const serverDir = e2e.tempDir()
  const server = await startTeamServer({ dataDir: serverDir, port: 0, host: '127.0.0.1' })
  open.servers.push(server)
  let teamName = ''
  let readerToken = ''

  const prepare = async (name: string, role: string, local: SummaryDocument): Promise<string> => {
    const code = await addMember(serverDir, name, role)
    readerToken ||= code
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    try {
      await callApi(services.handlers, 'team.join', { serverUrl: server.url, code })
      const created = await callApi(services.handlers, 'documents.create', { title: local.title, model: local })
      teamName ||= teamDocumentName(created.id)
      await callApi(services.handlers, 'team.link', { documentId: created.id, teamName })
    } finally {
      services.close()
    }
    return dataDir
  }
  const openDocument = async (dataDir: string): Promise<Page> => {
    const { page } = await e2e.openApp(dataDir)
    await page.click('.doc-open')
    await page.locator('.document-body').waitFor()
    await page.locator('[data-testid=team-sync]').waitFor(TIMEOUT)
    return page
  }

  const sharerDir = await prepare(sharer, 'editor', model)
  // the team's list names the sharer (what 共享到团队 writes)
  const index = connectClient(server.url, TEAM_INDEX, readerToken)
  open.clients.push(index)
  await index.acknowledged()
  index.doc.getMap('documents').set(teamName, { title: model.title, sharedBy: sharer, sharedAt: Date.now() })
  await index.acknowledged()

  const sharerPage = await openDocument(sharerDir)
  return {
    server,
    serverDir,
    teamName,
    sharerPage,
    async writer(name, role, local = doc(['本机副本里的旧文字'])) {
      return openDocument(await prepare(name, role, local))
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
    const b = await team.writer('李四', 'editor')
    await expect.poll(() => bodyText(b), TIMEOUT).toBe(await bodyText(a))
    expect(await bodyText(b)).not.toContain('本机副本里的旧文字')
    await expect.poll(() => a.locator('[data-testid=team-people]').innerText(), TIMEOUT).toContain('李四')
    await expect.poll(() => b.locator('[data-testid=team-people]').innerText(), TIMEOUT).toContain('张三')
    expect(await team.serverText()).toBe((await bodyText(a)).replace(/\s+/g, ''))
  })

  it('merges typing in the same paragraph from two writers, IME composition included', async () => {
    const team = await teamWith('张三', doc(['检查情况：']))
    const a = team.sharerPage
    const b = await team.writer('李四', 'editor')
    await expect.poll(() => bodyText(b), TIMEOUT).toContain('检查情况：')
    await caretAtEnd(a)
    await caretAtEnd(b)
    await Promise.all([typeWithIme(a, 'anquan', '安全生产'), typeWithIme(b, 'xiaofang', '消防检查')])
    await Promise.all([typeWithIme(a, 'zhenggai', '整改到位'), typeWithIme(b, 'quanmian', '全面覆盖')])
    await expect.poll(async () => (await bodyText(a)) === (await bodyText(b)), TIMEOUT).toBe(true)
    const text = await bodyText(a)
    for (const word of ['安全生产', '整改到位', '消防检查', '全面覆盖']) expect(text).toContain(word)
    // another writer's change never breaks a composition (its pinyin would stay in the text)
    expect(text).not.toMatch(/[a-z]/)
    await expect.poll(() => syncState(a), TIMEOUT).toBe('synced')
    await expect.poll(() => syncState(b), TIMEOUT).toBe('synced')
    await expect.poll(() => team.serverText(), TIMEOUT).toBe(text)
    await shot(a, 'team-coedit-a.png')
    await shot(b, 'team-coedit-b.png')
  })
})
