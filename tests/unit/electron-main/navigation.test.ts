import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import {
  denyPermissionCheck,
  denyPermissionRequest,
  guardNavigation,
  isAppUrl,
  navigationHandler,
  windowOpenHandler,
  type GuardedContents,
  type PreventableEvent,
} from '../../../electron/main/navigation'

const rendererDir = path.resolve('/opt/draftdesk/dist/renderer')
const app = { rendererDir }
const index = pathToFileURL(path.join(rendererDir, 'index.html')).href

describe('isAppUrl', () => {
  it("accepts the app's own index.html, with a hash or query", () => {
    expect(isAppUrl(index, app)).toBe(true)
    expect(isAppUrl(`${index}#/documents/abc123`, app)).toBe(true)
    expect(isAppUrl(`${index}?lang=en`, app)).toBe(true)
  })

  it('rejects web pages and other files', () => {
    for (const url of [
      'http://evil.example/',
      'https://evil.example/index.html',
      'file:///etc/passwd',
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(path.join(rendererDir, 'other.html')).href,
      pathToFileURL(path.join(rendererDir, 'assets', 'index.js')).href,
      pathToFileURL(path.join(rendererDir, '..', 'index.html')).href,
      pathToFileURL(path.join(rendererDir, 'index.html.evil')).href,
      `${pathToFileURL(rendererDir).href}/../../../etc/passwd`,
      'file://evil-host/opt/draftdesk/dist/renderer/index.html',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, app), url).toBe(false)
    }
  })

  it('accepts the dev server origin only when one is configured', () => {
    const dev = { rendererDir, devServerUrl: 'http://localhost:5173' }
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', app)).toBe(false)
  })
})

function preventable(): PreventableEvent & { prevented: boolean } {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) }
  return event
}

describe('navigation guards', () => {
  it('lets the app navigate within itself', () => {
    const openExternal = vi.fn()
    const event = preventable()
    navigationHandler(app, openExternal)(event, `${index}#/x`)
    expect(event.prevented).toBe(false)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses other pages and hands web links to the system browser', () => {
    const openExternal = vi.fn()
    const web = preventable()
    navigationHandler(app, openExternal)(web, 'https://www.gov.cn/')
    expect(web.prevented).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://www.gov.cn/')

    const file = preventable()
    navigationHandler(app, openExternal)(file, 'file:///etc/passwd')
    expect(file.prevented).toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('never opens a window', () => {
    const openExternal = vi.fn()
    expect(windowOpenHandler(openExternal)({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(windowOpenHandler(openExternal)({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(windowOpenHandler(openExternal)({ url: index })).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://example.com/']])
  })

  it('survives a failing openExternal', async () => {
    const openExternal = vi.fn().mockRejectedValue(new Error('no browser'))
    expect(windowOpenHandler(openExternal)({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

  it('denies every permission', () => {
    const callback = vi.fn()
    denyPermissionRequest({}, 'media', callback)
    denyPermissionRequest({}, 'notifications', callback)
    expect(callback.mock.calls).toEqual([[false], [false]])
    expect(denyPermissionCheck()).toBe(false)
  })

  it('installs all guards on a webContents', () => {
    const listeners = new Map<string, (event: PreventableEvent, url?: string) => void>()
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
    const contents = {
      on: (name: string, listener: (event: PreventableEvent, url?: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
        openHandler = handler
      },
    } as unknown as GuardedContents
    guardNavigation(contents, app, vi.fn())
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect'])
    const navigate = preventable()
    listeners.get('will-navigate')!(navigate, 'http://evil.example/')
    expect(navigate.prevented).toBe(true)
    const redirect = preventable()
    listeners.get('will-redirect')!(redirect, 'http://evil.example/')
    expect(redirect.prevented).toBe(true)
    const webview = preventable()
    listeners.get('will-attach-webview')!(webview)
    expect(webview.prevented).toBe(true)
    expect(openHandler?.({ url: 'http://evil.example/' })).toEqual({ action: 'deny' })
  })
})
