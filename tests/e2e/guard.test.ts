/**
 * The fault suite in the browser: what another page, a hostile pattern or a broken library must not
 * be able to do to the writer's window and documents. Driven in Chromium against the browser shell.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { useE2E } from '../helpers/e2e'
import { sealPng } from '../helpers/png'

const e2e = useE2E()

const servers: http.Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r))
})

/** A page of another site's making, served from another port of 127.0.0.1. */
async function pageServer(html: string): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`
}

/** The API as the app's own page calls it (token from the shell's URL). */
async function ownCall(page: Page, token: string, method: string, input: unknown): Promise<{ ok: boolean; result?: unknown }> {
  return page.evaluate(
    ([m, i, t]) => fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-DraftDesk-Token': t }, body: JSON.stringify(i) }).then((r) => r.json()),
    [method, input, token] as const,
  )
}

describe('another page in the same browser cannot reach the writer’s documents', () => {
  it('a page on another 127.0.0.1 port fetching the API with credentials fails, and nothing is created', async () => {
    const { shell } = await e2e.openApp()
    const app = new URL(shell.url)
    const token = app.searchParams.get('token')!
    // the writer's tab, and later the other page, in one browser profile: the session cookie is in it
    const context = await e2e.browser().newContext()
    const page = await context.newPage()
    await page.goto(shell.url)
    await page.locator('.app').waitFor()
    const cookies = await context.cookies(app.origin)
    expect(cookies.map((c) => c.name)).toContain('draftdesk_session')

    const api = `${app.origin}/api`
    const seal = sealPng(64).toString('base64')
    const attackerUrl = await pageServer(`<!doctype html><meta charset="utf-8"><body><script>
      const api = ${JSON.stringify(api)}
      const attempts = [
        // a "simple" request: no preflight, the cookie goes along
        ['text/plain create', () => fetch(api + '/documents.create', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ title: '攻击' }) })],
        ['no-cors create', () => fetch(api + '/documents.create', { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ title: '攻击' }) })],
        ['no-cors seal', () => fetch(api + '/assets.add', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ kind: 'seal', name: 'seal.png', dataBase64: ${JSON.stringify(seal)} }) })],
        // JSON needs a preflight, which the shell never allows
        ['json create', () => fetch(api + '/documents.create', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: '攻击' }) })],
        ['json list', () => fetch(api + '/documents.list', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.text())],
      ]
      window.results = []
      ;(async () => {
        for (const [name, attempt] of attempts) {
          try {
            const r = await attempt()
            window.results.push({ name, outcome: typeof r === 'string' ? 'read:' + r.slice(0, 80) : 'response:' + r.type + ':' + r.status })
          } catch (e) {
            window.results.push({ name, outcome: 'failed' })
          }
        }
        window.done = true
      })()
      // a form posted from the page (a navigation, which CORS does not stop)
      window.submitForm = () => {
        const form = document.createElement('form')
        form.method = 'POST'
        form.action = api + '/documents.create'
        form.enctype = 'text/plain'
        const input = document.createElement('input')
        input.name = '{"title":"表单","x":"'
        input.value = '"}'
        form.append(input)
        document.body.append(form)
        form.submit()
      }
    </script>`)
    const attacker = await context.newPage()
    await attacker.goto(attackerUrl)
    await attacker.waitForFunction(() => (window as unknown as { done?: boolean }).done === true)
    const results = (await attacker.evaluate(() => (window as unknown as { results: unknown[] }).results)) as { name: string; outcome: string }[]
    // nothing readable: a failed fetch, or an opaque answer (no-cors) the page cannot see into
    for (const r of results) expect(r.outcome, r.name).toMatch(/^(failed|response:opaque:0)$/)
    // the form's navigation lands on a refusal
    await attacker.evaluate(() => (window as unknown as { submitForm(): void }).submitForm())
    await attacker.waitForURL(/\/api\/documents\.create$/)
    expect(await attacker.locator('body').innerText()).toContain('request.crossSite')

    // the writer's library: nothing created, no seal planted
    expect((await ownCall(page, token, 'documents.list', {})).result).toEqual([])
    expect((await ownCall(page, token, 'assets.list', {})).result).toEqual([])
    await context.close()
  })

  it('the app’s own page still works with its token (kept in sessionStorage, sent in a header)', async () => {
    const { page } = await e2e.openApp()
    expect(new URL(page.url()).searchParams.get('token')).toBe(null) // removed from the address bar
    await page.click('[data-testid=new-document]')
    await page.locator('.document-body').waitFor()
    await page.reload()
    await page.locator('.doc-open').first().waitFor()
    expect(await page.locator('.doc-open').count()).toBe(1)
  })
})

describe('the find bar cannot freeze the window', () => {
  it('a catastrophic regular expression leaves the editor answering keystrokes, and the bar says the search was stopped', async () => {
    const page = await e2e.newDocument('正则测试')
    await page.keyboard.insertText('a'.repeat(600) + '!')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('正文')
    await page.keyboard.press('Control+F')
    const find = page.getByRole('textbox', { name: '查找', exact: true })
    await find.waitFor()
    await page.getByRole('button', { name: '正则表达式' }).click()
    // paint latency of each keystroke: from the input event's time to the frame after the DOM changed
    await page.evaluate(() => {
      const w = window as unknown as { latencies: number[] }
      w.latencies = []
      document.querySelector('.document-body')!.addEventListener(
        'beforeinput',
        (e) => {
          const at = e.timeStamp
          requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - at), 0))
        },
        true,
      )
    })
    for (const pattern of ['(a|a)+$', '(a+){1,30}$', 'a*a*a*a*a*b']) {
      await find.fill(pattern)
      // while the worker is stuck in the pattern, the writer types on in the document
      await page.locator('.document-body .dd-paragraph').last().click()
      await page.keyboard.press('End')
      for (const ch of '继续写作') await page.keyboard.type(ch)
      await expect
        .poll(() => page.locator('[data-testid=find-message]').innerText(), { timeout: 10_000 })
        .toBe('查找超过 1 秒仍未完成，已停止：正则表达式可能过于复杂，请改写')
      await page.keyboard.type('。')
      await find.click()
    }
    expect(await page.locator('.document-body').innerText()).toContain('正文继续写作。继续写作。继续写作。')
    const latencies = (await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies)) as number[]
    console.log(JSON.stringify({ keystrokePaintMs: latencies.map((l) => Math.round(l)) }))
    expect(latencies.length).toBeGreaterThanOrEqual(15)
    expect(Math.max(...latencies)).toBeLessThan(200)
    // a plain search works again at once
    await page.getByRole('button', { name: '正则表达式' }).click()
    await find.fill('继续')
    await expect.poll(() => page.locator('[data-testid=find-count]').innerText()).toBe('1/3')
  })
})

describe('a broken library in the browser shell', () => {
  it('says which folder it serves and how to use another, and offers no path to type', async () => {
    const dataDir = e2e.tempDir()
    fs.writeFileSync(path.join(dataDir, 'library.sqlite'), 'not a library, just text')
    const { page } = await e2e.openApp(dataDir)
    await page.locator('.library-unavailable').waitFor()
    expect(await page.locator('[data-testid=library-browser-shell]').innerText()).toBe(
      '浏览器版只使用启动时 --data-dir 指定的文件夹中的文稿库。要换用其他文稿库，请关闭后用另一个文件夹重新启动：npm run serve -- --data-dir 文件夹',
    )
    expect(await page.locator('.library-unavailable input').count()).toBe(0)
    expect(await page.getByRole('button', { name: '打开其他文稿库文件…' }).count()).toBe(0)
    expect(fs.readFileSync(path.join(dataDir, 'library.sqlite'), 'utf8')).toBe('not a library, just text')
  })
})
