/**
 * 定稿 across members, in the app: 张三 freezes the team document in his 出稿 dialog; 李四, another
 * member with a library of his own, opens the same team document and finds it in his 出稿 dialog
 * under 团队定稿 (who froze it, when, marked 团队), takes it to his computer, exports it and the file
 * verifies against his library with 张三's fingerprint.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import type { RunningTeamServer } from '../../electron/team/server'
import { sampleDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { ROOT, toolbarClick } from '../helpers/shell'
import { postApi, shellEndpoint } from '../helpers/shellApi'
import { readTeamFinals } from '../../shared/team/documents'
import { connectClient, type TeamClient } from '../helpers/team'
import { sharedTeamDocument } from '../helpers/teamApp'

const e2e = useE2E()
const TIMEOUT = { timeout: 15_000 }
const open: { servers: RunningTeamServer[]; clients: TeamClient[] } = { servers: [], clients: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.destroy()
  for (const s of open.servers.splice(0)) await s.close()
})

const api = async <T>(shellUrl: string, method: string, input: unknown): Promise<T> => {
  const { port, token } = shellEndpoint(shellUrl)
  const answer = JSON.parse(await postApi(port, token, method, JSON.stringify(input))) as { ok: boolean; result?: T; error?: unknown }
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`)
  return answer.result as T
}

const bodyText = async (page: Page) => (await page.locator('.document-body').innerText()).replace(/\s+/g, '')

interface Final {
  revisionId: number
  documentId: string
  name: string
  author: string
  createdAt: number
  fingerprint: string
}

describe('团队定稿', () => {
  it('a 定稿 made by one member is listed for another, taken to their computer, exported and verified there', async () => {
    const { sharerPage, prepare, server, teamName, anyToken } = await sharedTeamDocument(e2e, open, '张三', sampleDocument('团队总结'))
    await expect.poll(() => bodyText(sharerPage), TIMEOUT).toContain('层层压实责任')

    // 张三 freezes it; it is kept on the team
    await toolbarClick(sharerPage, '[data-testid=open-output]')
    await expect.poll(() => sharerPage.locator('[data-testid=final-author]').inputValue()).toBe('张三')
    await sharerPage.click('[data-testid=final-create]')
    await expect.poll(() => sharerPage.locator('[data-testid=output-dialog]').innerText(), TIMEOUT).toContain('定稿也存到了团队服务器')
    // what the server holds: 张三's name, time and fingerprint
    const reader = connectClient(server.url, teamName, anyToken)
    open.clients.push(reader)
    await expect.poll(() => readTeamFinals(reader.doc).length, TIMEOUT).toBe(1)
    const zhang = readTeamFinals(reader.doc)[0]!
    expect(zhang).toMatchObject({ name: '报送稿', by: '张三' })
    // his own is listed as 团队 and already here
    await expect.poll(() => sharerPage.locator('[data-testid=team-final-here]').count(), TIMEOUT).toBe(1)

    // 李四 (只读) opens the team document in his own app
    const liDir = await prepare('李四', 'reader', { version: 1, title: '旧稿', blocks: [], figures: [] })
    const { page, shell } = await e2e.openApp(liDir)
    await page.click('.doc-open')
    await page.locator('.document-body').waitFor()
    await expect.poll(() => bodyText(page), TIMEOUT).toBe(await bodyText(sharerPage))
    await toolbarClick(page, '[data-testid=open-output]')
    const row = page.locator('[data-testid=team-final]')
    await expect.poll(() => row.count(), TIMEOUT).toBe(1)
    const listed = await row.innerText()
    expect(listed).toContain('团队')
    expect(listed).toContain('报送稿')
    expect(listed).toContain('张三 定稿')
    expect(await row.getAttribute('data-fingerprint')).toBe(zhang.fingerprint)
    expect(await page.locator('[data-testid=finals]').count()).toBe(0)
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
    await page.locator('[data-testid=output-dialog]').screenshot({ path: path.join(ROOT, 'test-results', 'team-finals-dialog.png') })

    // 取到本机: now one of his 定稿, chosen for export, signed by 张三 at 张三's time
    await page.click('[data-testid=team-final-adopt]')
    await expect.poll(() => page.locator('[data-testid=team-final-here]').count(), TIMEOUT).toBe(1)
    expect(await page.locator('[data-testid=finals]').innerText()).toContain('张三')
    const docId = (await api<{ id: string }[]>(shell.url, 'documents.list', {}))[0]!.id
    const [li] = (await api<{ finals: Final[] }>(shell.url, 'finals.list', { id: docId })).finals
    expect(li).toMatchObject({ documentId: docId, name: '报送稿', author: '张三', createdAt: zhang.at, fingerprint: zhang.fingerprint })
    await expect.poll(() => page.locator('[data-testid=export-version]').inputValue()).toBe(String(li!.revisionId))

    // exported from his app, the file verifies against his library
    const file = path.join(e2e.tempDir(), '报送稿.docx')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-docx]')])
    await download.saveAs(file)
    await e2e.stop(shell)
    const out: string[] = []
    expect(await runCli(['verify', file, '--data-dir', liDir], { log: (s) => out.push(s), error: (s) => out.push(s) })).toBe(0)
    expect(out.join('\n')).toContain('✓')
  }, 150_000)
})
