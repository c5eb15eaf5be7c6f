/**
 * 团队 in the app, against the real browser shell and a real team server on loopback: joining
 * through the dialog (a wrong code refused in words, the right one shows who we are), the team's
 * documents listed beside the local library as another member shares them, opening one (its local
 * copy made and linked), 共享到团队 putting the open document in the team's list, 复制为本地文稿,
 * 定稿 of a team document signed with the member's name and its export verified, 退出团队.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { startTeamServer, type RunningTeamServer } from '../../electron/team/server'
import { runCli } from '../../electron/cli'
import { readTeamFinals, readTeamIndex, writeTeamIndexEntry } from '../../shared/team/documents'
import { TEAM_INDEX } from '../../shared/team/protocol'
import { sampleDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { toolbarClick, waitSaved } from '../helpers/shell'
import { postApi, shellEndpoint } from '../helpers/shellApi'
import { addMember, connectClient, type TeamClient } from '../helpers/team'

const e2e = useE2E()
const open: { servers: RunningTeamServer[]; clients: TeamClient[] } = { servers: [], clients: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.destroy()
  for (const s of open.servers.splice(0)) await s.close()
})

async function teamServer() {
  const dataDir = e2e.tempDir()
  const server = await startTeamServer({ dataDir, port: 0, host: '127.0.0.1' })
  open.servers.push(server)
  return { server, dataDir }
}

/** Another member's client on the team's list of documents. */
function indexClient(url: string, token: string): TeamClient {
  const client = connectClient(url, TEAM_INDEX, token)
  open.clients.push(client)
  return client
}

const api = async <T>(shellUrl: string, method: string, input: unknown): Promise<T> => {
  const { port, token } = shellEndpoint(shellUrl)
  const answer = JSON.parse(await postApi(port, token, method, JSON.stringify(input))) as { ok: boolean; result?: T; error?: unknown }
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`)
  return answer.result as T
}

async function joinThroughDialog(page: Page, url: string, code: string) {
  await page.fill('[data-testid=team-server]', url)
  await page.fill('[data-testid=team-code]', code)
  await page.click('[data-testid=team-join-submit]')
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join('test-results', name) })

describe('团队 in the app', () => {
  it('joins through the dialog, lists what another member shares, opens it, shares a document, copies it back and leaves', async () => {
    const { server, dataDir: serverDir } = await teamServer()
    const code = await addMember(serverDir, '张三', 'editor')
    const other = await addMember(serverDir, '李四', 'editor')
    const { page, shell } = await e2e.openApp()
    await page.setViewportSize({ width: 1366, height: 768 })

    // not joined: the list offers the way in
    await page.click('[data-testid=team-join-link]')
    const dialog = page.getByRole('dialog', { name: '加入团队' })
    await dialog.waitFor()
    // a code that is not one, then one the server does not know: refused in words, nothing kept
    await joinThroughDialog(page, server.url, '123456')
    await expect.poll(() => page.locator('[data-testid=team-join-error]').innerText()).toContain('加入码不对')
    await joinThroughDialog(page, 'http://127.0.0.1:1', `ddt_${'A'.repeat(43)}`)
    await expect.poll(() => page.locator('[data-testid=team-join-error]').innerText()).toContain('服务器地址要写成')
    await joinThroughDialog(page, server.url, `ddt_${'A'.repeat(43)}`)
    await expect.poll(() => page.locator('[data-testid=team-join-error]').innerText(), { timeout: 15_000 }).toContain('团队服务器不认识这个加入码')
    await shot(page, 'team-join-refused.png')
    expect((await api<{ membership: unknown }>(shell.url, 'team.status', {})).membership).toBeNull()
    // the right code: who we are
    await joinThroughDialog(page, server.url, `  ${code} `)
    await expect.poll(() => page.locator('[data-testid=team-joined]').innerText(), { timeout: 15_000 }).toContain('张三（编辑）')
    await shot(page, 'team-joined.png')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => page.locator('[data-testid=team-section-me]').innerText()).toBe('张三（编辑）')

    // another member's entry in the team's list (a Node client): it appears in 团队文稿 as the server passes it on
    const li = indexClient(server.url, other)
    await li.acknowledged()
    writeTeamIndexEntry(li.doc, 'doc:listed-by-li', { title: '综合科年度工作总结', sharedBy: '李四', sharedAt: Date.now() })
    await li.acknowledged()
    const listed = page.locator('[data-testid=team-documents] [data-team-name="doc:listed-by-li"]')
    await expect.poll(() => listed.innerText(), { timeout: 15_000 }).toContain('综合科年度工作总结')
    expect(await listed.innerText()).toContain('李四 共享')

    // another member's app shares a summary with its text (李四, his own shell and library)
    const b = await e2e.openApp()
    await api(b.shell.url, 'team.join', { serverUrl: server.url, code: other })
    const theirs = await api<{ id: string }>(b.shell.url, 'documents.create', { title: '安全生产工作总结', model: sampleDocument('安全生产工作总结') })
    await b.page.reload()
    await b.page.locator('.doc-open', { hasText: '安全生产工作总结' }).first().click()
    await b.page.locator('.document-body').waitFor()
    await toolbarClick(b.page, '[data-testid=team-share]')
    await expect.poll(() => readTeamIndex(li.doc).find((i) => i.name === `doc:${theirs.id}`)?.sharedBy, { timeout: 15_000 }).toBe('李四')

    // opening it here makes its local copy (linked, marked 团队), filled with his text from the server
    const teamDoc = page.locator(`[data-testid=team-documents] [data-team-name="doc:${theirs.id}"]`)
    await expect.poll(() => teamDoc.innerText(), { timeout: 15_000 }).toContain('安全生产工作总结')
    await teamDoc.click()
    await expect.poll(() => page.locator('.document-body').innerText().catch(() => ''), { timeout: 20_000 }).toContain('层层压实责任')
    await expect.poll(async () => (await api<{ links: { teamName: string }[] }>(shell.url, 'team.status', {})).links.map((l) => l.teamName)).toEqual([`doc:${theirs.id}`])
    await expect.poll(() => teamDoc.innerText()).toContain('本机有副本')
    await expect.poll(() => page.locator('.doc-list > ul .doc-open', { hasText: '安全生产工作总结' }).locator('[data-testid=team-badge]').count()).toBe(1)
    // opening it again opens the same copy
    await teamDoc.click()
    await expect.poll(async () => (await api<unknown[]>(shell.url, 'documents.list', {})).length).toBe(1)
    await shot(page, 'team-opened.png')

    // a local document of ours, shared: the team's list has it, by us
    await page.click('[data-testid=new-document]')
    await page.locator('.document-body').waitFor()
    await page.click('.dd-title')
    await page.keyboard.insertText('办公室年度工作总结')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('今年办公室围绕中心工作做好服务保障。')
    await waitSaved(page)
    await page.click('[data-testid=menu-team]')
    await expect.poll(() => page.locator('[data-testid=team-me]').innerText()).toBe('张三（编辑）')
    await shot(page, 'team-menu.png')
    await page.click('[data-testid=team-share]')
    const ours = (await api<{ id: string; title: string }[]>(shell.url, 'documents.list', {})).find((d) => d.title === '办公室年度工作总结')!
    await expect.poll(() => readTeamIndex(li.doc).find((i) => i.name === `doc:${ours.id}`), { timeout: 15_000 }).toMatchObject({ title: '办公室年度工作总结', sharedBy: '张三' })
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain('已共享到团队')
    await expect.poll(() => page.locator('.doc-list > ul .doc-open', { hasText: '办公室年度工作总结' }).locator('[data-testid=team-badge]').count()).toBe(1)
    await expect.poll(() => page.locator(`[data-team-name="doc:${ours.id}"]`).innerText()).toContain('张三 共享')
    await shot(page, 'team-section.png')

    // 复制为本地文稿: a new document with the same text, not a team document
    await toolbarClick(page, '[data-testid=team-copy-local]')
    await expect.poll(() => page.locator('.dd-title').innerText(), { timeout: 15_000 }).toBe('办公室年度工作总结（本地副本）')
    await expect.poll(() => page.locator('.doc-list > ul .doc-open', { hasText: '本地副本' }).count()).toBe(1)
    expect(await page.locator('.doc-list > ul .doc-open', { hasText: '本地副本' }).locator('[data-testid=team-badge]').count()).toBe(0)
    const copy = (await api<{ id: string; title: string }[]>(shell.url, 'documents.list', {})).find((d) => d.title.includes('本地副本'))!
    expect((await api<{ model: { blocks: unknown[] } }>(shell.url, 'documents.get', { id: copy.id })).model.blocks).toHaveLength(1)

    // 退出团队: asked first; the documents stay, as local ones
    await toolbarClick(page, '[data-testid=team-leave]')
    await page.getByRole('dialog', { name: '退出团队' }).waitFor()
    await shot(page, 'team-leave.png')
    await page.click('[data-testid=team-leave-confirm]')
    await page.locator('[data-testid=team-join-link]').waitFor()
    expect(await page.locator('[data-testid=team-badge]').count()).toBe(0)
    expect(await api(shell.url, 'team.status', {})).toEqual({ membership: null, links: [] })
    expect((await api<unknown[]>(shell.url, 'documents.list', {})).length).toBe(3)
  })

  it('a team document’s 定稿 is signed with the member’s name, and its export verifies against it', async () => {
    const { server, dataDir: serverDir } = await teamServer()
    const code = await addMember(serverDir, '张三', 'editor')
    const { page, shell, dataDir } = await e2e.openApp()
    await api(shell.url, 'team.join', { serverUrl: server.url, code })
    const doc = await api<{ id: string }>(shell.url, 'documents.create', { title: '团队总结', model: sampleDocument('团队总结') })
    await api(shell.url, 'team.link', { documentId: doc.id, teamName: `doc:${doc.id}` })
    await page.reload()
    await page.locator('.doc-open', { hasText: '团队总结' }).click()
    await page.locator('.document-body').waitFor()
    await expect.poll(() => page.locator('.doc-open', { hasText: '团队总结' }).locator('[data-testid=team-badge]').count()).toBe(1)

    await toolbarClick(page, '[data-testid=open-output]')
    await expect.poll(() => page.locator('[data-testid=final-author]').inputValue()).toBe('张三')
    await page.click('[data-testid=final-create]')
    await expect.poll(() => page.locator('[data-testid=finals]').innerText(), { timeout: 15_000 }).toContain('张三')
    const [final] = (await api<{ finals: { revisionId: number; author: string; fingerprint: string }[] }>(shell.url, 'finals.list', { id: doc.id })).finals
    expect(final!.author).toBe('张三')
    // kept on the team server too, where another member reads who froze it and the fingerprint
    await expect.poll(() => page.locator('[data-testid=output-dialog]').innerText()).toContain('定稿也存到了团队服务器')
    const reader = connectClient(server.url, `doc:${doc.id}`, await addMember(serverDir, '王五', 'reader'))
    open.clients.push(reader)
    await expect.poll(() => readTeamFinals(reader.doc).map((f) => `${f.name}:${f.by}:${f.fingerprint}`), { timeout: 15_000 }).toEqual([`报送稿:张三:${final!.fingerprint}`])

    // the export of the 定稿 verifies like any document's
    const rendered = await api<{ dataBase64: string }>(shell.url, 'export.render', { id: doc.id, format: 'docx', revisionId: final!.revisionId })
    const file = path.join(e2e.tempDir(), 'team.docx')
    fs.writeFileSync(file, Buffer.from(rendered.dataBase64, 'base64'))
    await e2e.stop(shell)
    const out: string[] = []
    expect(await runCli(['verify', file, '--data-dir', dataDir], { log: (s) => out.push(s), error: (s) => out.push(s) })).toBe(0)
    expect(out.join('\n')).toContain('✓')
  })
})
