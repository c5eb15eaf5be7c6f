/**
 * 团队素材 in the browser shell: two writers, each with their own 文稿库 and browser shell, joined
 * to one real team server on loopback. One submits a snippet of their own to the team (提交到团队);
 * the other finds it in 素材 search with the 团队 mark and inserts it; an edit reaches the other;
 * deleting from the team asks first, naming that it goes for everyone. A 只读 member sees team
 * snippets without the buttons that would change them. A 审阅 member proposes snippets of their
 * own; the 编辑 member sees them under 待审素材, takes one in (the 审阅 member then finds it as a team
 * snippet) and sends the other back with a reason the 审阅 member reads.
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { startTeamServer, type RunningTeamServer } from '../../electron/team/server'
import { bodyFromText } from '../../shared/snippets'
import { TEAM_SNIPPETS } from '../../shared/team/protocol'
import { teamEntryFrom, teamSnippetsMap } from '../../shared/team/snippets'
import { useE2E } from '../helpers/e2e'
import { editorText } from '../helpers/shell'
import { addMember, connectClient } from '../helpers/team'

const e2e = useE2E()
const servers: RunningTeamServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

async function teamServer() {
  const dir = e2e.tempDir()
  const server = await startTeamServer({ dataDir: dir, port: 0, host: '127.0.0.1' })
  servers.push(server)
  return { server, dir }
}

/** A writer's 文稿库 joined to the team (through the API, as 加入团队 does), with a snippet of their own. */
async function joinedLibrary(serverUrl: string, code: string, own?: { title: string; text: string }): Promise<string> {
  const dataDir = e2e.tempDir()
  const s = createServices({ dataDir })
  try {
    await callApi(s.handlers, 'team.join', { serverUrl, code })
    if (own) await callApi(s.handlers, 'snippets.create', { title: own.title, categoryId: null, tags: [], body: bodyFromText(own.text) })
  } finally {
    s.close()
  }
  return dataDir
}

async function searchSnippets(page: Page, query: string) {
  await page.click('[data-testid=tab-snippets]')
  await page.locator('[data-testid=snippet-search]').fill(query)
  await page.locator(`[data-testid=snippet-results][data-query="${query}"]`).waitFor()
}

const teamRow = (page: Page) => page.locator('.snippet-row', { has: page.locator('[data-testid=snippet-team-badge]') })
const rowTitles = (page: Page) => page.locator('.snippet-row .snippet-title').allInnerTexts()

describe('the team 素材库', () => {
  it('a snippet submitted by one writer is found, marked 团队 and inserted by the other; an edit reaches them; deleting asks', async () => {
    const { server, dir } = await teamServer()
    const a = await joinedLibrary(server.url, await addMember(dir, '张三', 'editor'), { title: '稿台团队测试素材', text: '全面压实安全生产责任，织密织牢安全防护网。' })
    const b = await joinedLibrary(server.url, await addMember(dir, '李四', 'editor'))
    const pageA = await e2e.newDocument('张三的总结', a)
    const pageB = await e2e.newDocument('李四的总结', b)
    await pageB.keyboard.insertText('今年以来，')

    // 张三 submits his own snippet to the team; his own copy stays
    await searchSnippets(pageA, '稿台团队')
    await pageA.locator('.snippet-row').first().click()
    const submit = pageA.locator('[data-testid=snippet-team-submit]')
    await expect.poll(() => submit.isEnabled(), { timeout: 15_000 }).toBe(true)
    await submit.click()
    await expect.poll(() => teamRow(pageA).count(), { timeout: 15_000 }).toBe(1)
    expect(await pageA.locator('.snippet-row').count()).toBe(2)

    // 李四 finds it with the 团队 mark and inserts it
    await searchSnippets(pageB, '稿台团队')
    await expect.poll(() => teamRow(pageB).count(), { timeout: 15_000 }).toBe(1)
    expect(await teamRow(pageB).locator('[data-testid=snippet-team-badge]').innerText()).toBe('团队')
    await teamRow(pageB).click()
    await pageB.screenshot({ path: 'test-results/team-snippets-panel.png' })
    await pageB.locator('[data-testid=snippet-insert]').click()
    await expect.poll(() => editorText(pageB)).toContain('今年以来，全面压实安全生产责任，织密织牢安全防护网。')

    // 张三 edits the team snippet: 李四 sees the new title
    await teamRow(pageA).click()
    await pageA.locator('[data-testid=snippet-team-edit]').click()
    await pageA.locator('[data-testid=snippet-title-input]').fill('稿台团队测试素材（修订）')
    await pageA.locator('[data-testid=snippet-save]').click()
    await expect.poll(() => rowTitles(pageB), { timeout: 15_000 }).toContain('稿台团队测试素材（修订）')

    // 李四 deletes it from the team: asked first, naming everyone; declining keeps it
    await teamRow(pageB).click()
    const asked: string[] = []
    pageB.once('dialog', (d) => {
      asked.push(d.message())
      void d.dismiss()
    })
    await pageB.locator('[data-testid=snippet-team-delete]').click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toContain('团队所有成员')
    expect(await teamRow(pageB).count()).toBe(1)
    pageB.once('dialog', (d) => void d.accept())
    await pageB.locator('[data-testid=snippet-team-delete]').click()
    await expect.poll(() => teamRow(pageA).count(), { timeout: 15_000 }).toBe(0)
    await expect.poll(() => teamRow(pageB).count(), { timeout: 15_000 }).toBe(0)
    // 张三's own snippet is still there
    expect(await rowTitles(pageA)).toEqual(['稿台团队测试素材'])
  })

  it('a 只读 member sees and inserts team snippets but is offered nothing that changes them', async () => {
    const { server, dir } = await teamServer()
    const writer = connectClient(server.url, TEAM_SNIPPETS, await addMember(dir, '张三', 'editor'))
    try {
      await writer.acknowledged()
      teamSnippetsMap(writer.doc).set('readonlycheck001', teamEntryFrom({ title: '稿台只读测试', body: bodyFromText('只读成员也能插入的团队素材。'), tags: [] }, '', '张三', Date.now()))
      await writer.acknowledged()
      const c = await joinedLibrary(server.url, await addMember(dir, '王五', 'reader'), { title: '稿台只读自己的', text: '王五自己的素材。' })
      const page = await e2e.newDocument('王五的总结', c)
      await searchSnippets(page, '稿台')
      await expect.poll(() => teamRow(page).count(), { timeout: 15_000 }).toBe(1)
      await teamRow(page).click()
      await page.locator('[data-testid=snippet-team-readonly]').waitFor()
      expect(await page.locator('[data-testid=snippet-team-edit], [data-testid=snippet-team-delete]').count()).toBe(0)
      await page.locator('[data-testid=snippet-insert]').click()
      await expect.poll(() => editorText(page)).toContain('只读成员也能插入的团队素材。')
      // their own snippet cannot go to the team either, not even as a proposal: they are told why
      await page.locator('.snippet-row', { hasText: '稿台只读自己的' }).click()
      expect(await page.locator('[data-testid=snippet-team-submit], [data-testid=snippet-team-propose]').count()).toBe(0)
      expect(await page.locator('[data-testid=snippet-team-propose-denied]').innerText()).toContain('不能向团队提议素材')
    } finally {
      writer.destroy()
    }
  })

  it('a 审阅 member proposes; the 编辑 member sees 待审素材, 采纳 one and 退回 the other with a reason the proposer reads', async () => {
    const { server, dir } = await teamServer()
    const a = await joinedLibrary(server.url, await addMember(dir, '张三', 'editor'))
    const b = await joinedLibrary(server.url, await addMember(dir, '李四', 'reviewer'), { title: '稿台提议测试素材', text: '持续优化营商环境，当好服务企业的“店小二”。' })
    {
      const s = createServices({ dataDir: b })
      try {
        await callApi(s.handlers, 'snippets.create', { title: '稿台退回测试素材', categoryId: null, tags: [], body: bodyFromText('这一条会被退回。') })
      } finally {
        s.close()
      }
    }
    const pageA = await e2e.newDocument('张三的总结', a)
    const pageB = await e2e.newDocument('李四的总结', b)

    // 李四 (审阅) may not submit, but proposes both of his own
    await searchSnippets(pageB, '稿台')
    for (const title of ['稿台提议测试素材', '稿台退回测试素材']) {
      await pageB.locator('.snippet-row', { hasText: title }).click()
      expect(await pageB.locator('[data-testid=snippet-team-submit]').count()).toBe(0)
      const propose = pageB.locator('[data-testid=snippet-team-propose]')
      await expect.poll(() => propose.isEnabled(), { timeout: 15_000 }).toBe(true)
      await propose.click()
      await expect.poll(() => propose.innerText()).toBe('已提议，待审')
    }
    expect(await teamRow(pageB).count()).toBe(0)

    // 张三 (编辑) sees two waiting, in the 素材 panel's team part
    await pageA.click('[data-testid=tab-snippets]')
    await expect.poll(() => pageA.locator('[data-testid=team-proposals-count]').innerText().catch(() => ''), { timeout: 15_000 }).toBe('2')
    await pageA.setViewportSize({ width: 1366, height: 768 })
    await pageA.screenshot({ path: 'test-results/team-proposals-badge.png' })
    await pageA.click('[data-testid=team-proposals-open]')
    const proposal = (title: string) => pageA.locator('[data-testid=team-proposal]', { hasText: title })
    await expect.poll(() => pageA.locator('[data-testid=team-proposal-title]').allInnerTexts()).toEqual(['稿台提议测试素材', '稿台退回测试素材'])
    expect(await proposal('稿台提议测试素材').innerText()).toContain('李四 提议')
    await pageA.screenshot({ path: 'test-results/team-proposals-dialog.png' })
    await proposal('稿台提议测试素材').locator('[data-testid=team-proposal-accept]').click()
    await proposal('稿台退回测试素材').locator('[data-testid=team-proposal-return]').click()
    await proposal('稿台退回测试素材').locator('[data-testid=team-proposal-reason]').fill('与已有素材重复')
    await proposal('稿台退回测试素材').locator('[data-testid=team-proposal-return-confirm]').click()
    await expect.poll(() => pageA.locator('[data-testid=team-proposal]').count()).toBe(0)
    await pageA.click('[data-testid=team-proposals-close]')
    // taken in: 张三 finds it as a team snippet, provided by 李四
    await searchSnippets(pageA, '稿台提议')
    await expect.poll(() => teamRow(pageA).count(), { timeout: 15_000 }).toBe(1)
    expect(await teamRow(pageA).locator('[data-testid=snippet-team-badge]').getAttribute('title')).toContain('李四')
    expect(await pageA.locator('[data-testid=team-proposals-count]').count()).toBe(0)

    // 李四 finds the accepted one as a team snippet beside his own, and reads why the other came back
    await searchSnippets(pageB, '稿台提议')
    await expect.poll(() => teamRow(pageB).count(), { timeout: 15_000 }).toBe(1)
    expect(await rowTitles(pageB)).toEqual(expect.arrayContaining(['稿台提议测试素材']))
    await expect.poll(() => pageB.locator('[data-testid=team-returned-count]').innerText().catch(() => ''), { timeout: 15_000 }).toBe('退回 1')
    await pageB.click('[data-testid=team-proposals-open]')
    expect(await pageB.locator('[data-testid=team-returned-row]').innerText()).toContain('稿台退回测试素材')
    expect(await pageB.locator('[data-testid=team-returned-reason]').innerText()).toBe('原因：与已有素材重复')
    await pageB.setViewportSize({ width: 1366, height: 768 })
    await pageB.screenshot({ path: 'test-results/team-proposals-returned.png' })
    await pageB.click('[data-testid=team-returned-dismiss]')
    await expect.poll(() => pageB.locator('[data-testid=team-returned-row]').count(), { timeout: 15_000 }).toBe(0)
  }, 150_000)
})
