import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, appProtocolResponse, resolveAppFile } from '../../../electron/main/protocol'

let root: string
let outside: string
beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-protocol-'))
  root = path.join(base, 'renderer')
  outside = path.join(base, 'secret.txt')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>稿台</title>')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'assets', '思源.woff2'), 'font')
  fs.writeFileSync(outside, 'secret')
})
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }))

describe('resolveAppFile', () => {
  it('maps app://draftdesk/… onto the renderer folder', () => {
    expect(resolveAppFile(root, APP_INDEX_URL)).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://draftdesk/')).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://draftdesk/index.html?x=1#/doc')).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://draftdesk/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'))
    expect(resolveAppFile(root, 'app://draftdesk/assets/%E6%80%9D%E6%BA%90.woff2')).toBe(path.join(root, 'assets', '思源.woff2'))
  })

  it.each([
    'app://draftdesk/../secret.txt',
    'app://draftdesk/%2e%2e/secret.txt',
    'app://draftdesk/assets/..%2f..%2fsecret.txt',
    'app://draftdesk/assets/..%5c..%5csecret.txt',
    'app://draftdesk/%2e%2e%2fsecret.txt',
    'app://draftdesk/C:%5Cwindows%5Cwin.ini',
    'app://draftdesk/index.html%00.png',
    'app://draftdesk/%E0%A4%A',
    'app://other/index.html',
    'app://draftdesk:8080/index.html',
    'file:///etc/passwd',
    'http://draftdesk/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const file = resolveAppFile(root, url)
    // folded `..` segments stay inside the folder; everything else is refused
    if (file !== null) expect(path.relative(root, file).startsWith('..')).toBe(false)
    expect(file === null || !fs.existsSync(file) || file.startsWith(root + path.sep)).toBe(true)
    expect(file).not.toBe(outside)
  })

  it('registers a standard, secure scheme without CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
  })
})

describe('appProtocolResponse', () => {
  it('serves files with their type and the Content-Security-Policy', async () => {
    const html = await appProtocolResponse(root, { url: APP_INDEX_URL, method: 'GET' }, "default-src 'self'")
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-security-policy')).toBe("default-src 'self'")
    expect(await html.text()).toContain('稿台')
    const js = await appProtocolResponse(root, { url: 'app://draftdesk/assets/index-abc.js' }, 'p')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 403 for a way out, 404 for a missing file, 405 for a write', async () => {
    expect((await appProtocolResponse(root, { url: 'app://draftdesk/..%2fsecret.txt' }, 'p')).status).toBe(403)
    expect((await appProtocolResponse(root, { url: 'app://draftdesk/nope.js' }, 'p')).status).toBe(404)
    expect((await appProtocolResponse(root, { url: 'app://draftdesk/assets' }, 'p')).status).toBe(404)
    expect((await appProtocolResponse(root, { url: APP_INDEX_URL, method: 'POST' }, 'p')).status).toBe(405)
  })
})
