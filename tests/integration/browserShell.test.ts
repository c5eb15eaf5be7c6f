import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBrowserShell, tokensEqual, type BrowserShell } from '../../electron/server/browserShell'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const shells: BrowserShell[] = []
afterEach(async () => {
  for (const s of shells.splice(0)) await s.close()
})

async function start() {
  const renderer = tempDir()
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>稿台</title>')
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret')
  const shell = await startBrowserShell({ dataDir: tempDir(), rendererDir: renderer })
  shells.push(shell)
  return shell
}

/** A raw request, so the Host header can be forged. */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('the browser shell', () => {
  it('listens on 127.0.0.1 only, on a free port', async () => {
    const shell = await start()
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
    expect(shell.port).toBeGreaterThan(0)
  })

  it('serves the app only with the token, then by the session cookie', async () => {
    const shell = await start()
    const host = `127.0.0.1:${shell.port}`
    const refused = await request(shell.port, { path: '/', headers: { host } })
    expect(refused).toMatchObject({ status: 401, body: '稿台浏览器版需要启动时打印的带令牌地址' })
    expect((await request(shell.port, { path: '/', headers: { host, 'accept-language': 'en-US,en;q=0.9' } })).body).toMatch(/^open the URL printed/)
    expect((await request(shell.port, { path: '/?token=wrong', headers: { host } })).status).toBe(401)
    const ok = await request(shell.port, { path: `/?token=${shell.token}`, headers: { host } })
    expect(ok.status).toBe(200)
    expect(ok.body).toContain('稿台')
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'")
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!
    expect((await request(shell.port, { path: '/index.html', headers: { host, cookie } })).status).toBe(200)
  })

  it('refuses a forged Host header (DNS rebinding)', async () => {
    const shell = await start()
    const res = await request(shell.port, { path: `/?token=${shell.token}`, headers: { host: `evil.example:${shell.port}` } })
    expect(res.status).toBe(421)
  })

  it('does not serve files outside the renderer folder', async () => {
    const shell = await start()
    const res = await request(shell.port, { path: `/..%2f..%2fsecret.txt?token=${shell.token}`, headers: { host: `127.0.0.1:${shell.port}` } })
    expect([403, 404]).toContain(res.status)
    expect(res.body).not.toContain('secret')
  })

  it('answers API calls with the token, and typed errors without it or with bad input', async () => {
    const shell = await start()
    const host = `127.0.0.1:${shell.port}`
    const call = (method: string, body: string, token?: string) =>
      request(shell.port, { path: `/api/${method}`, method: 'POST', headers: { host, 'content-type': 'application/json', ...(token ? { 'x-draftdesk-token': token } : {}) }, body })
    const anonymous = await call('documents.create', '{"title":"x"}')
    expect(anonymous.status).toBe(401)
    expect(JSON.parse(anonymous.body)).toEqual({ ok: false, error: { code: 'request.noToken', params: {} } })
    expect(JSON.parse((await call('documents.create', '{"title":"x"}', 'nope')).body).error.code).toBe('request.noToken')
    expect(JSON.parse((await call('documents.create', '{not json', shell.token)).body).error.code).toBe('request.badJson')
    expect(JSON.parse((await call('no.such', '{}', shell.token)).body).error).toEqual({ code: 'request.unknownMethod', params: { method: 'no.such' } })
    expect(JSON.parse((await call('documents.get', '{"id":"!"}', shell.token)).body).error).toEqual({ code: 'input.notDocumentId', params: {} })
    expect(JSON.parse((await call('documents.list', '{}', shell.token)).body)).toEqual({ ok: true, result: [] })
    const created = JSON.parse((await call('documents.create', '{"title":"2025年度工作总结"}', shell.token)).body)
    expect(created).toMatchObject({ ok: true, result: { model: { title: '2025年度工作总结' } } })
  })

  it('compares tokens in constant time and exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true)
    expect(tokensEqual('abc', 'abd')).toBe(false)
    expect(tokensEqual('abc', 'abcd')).toBe(false)
    expect(tokensEqual('', 'a')).toBe(false)
  })
})
