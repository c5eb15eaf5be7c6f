import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import {
  guardNavigation,
  isAppOrigin,
  isAppUrl,
  navigationHandler,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOpenHandler,
  type GuardedContents,
  type PreventableEvent,
} from '../../../electron/main/navigation'

const app = {}
const index = 'app://draftdesk/index.html'

describe('isAppUrl', () => {
  it("accepts the app's own index.html, with a hash or query", () => {
    expect(isAppUrl(index, app)).toBe(true)
    expect(isAppUrl('app://draftdesk/', app)).toBe(true)
    expect(isAppUrl('app://DraftDesk/index.html', app)).toBe(true)
    expect(isAppUrl(`${index}#/documents/abc123`, app)).toBe(true)
    expect(isAppUrl(`${index}?lang=en`, app)).toBe(true)
  })

  it('rejects web pages and other files', () => {
    for (const url of [
      'http://evil.example/',
      'https://evil.example/index.html',
      'file:///etc/passwd',
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(path.resolve('/opt/draftdesk/dist/renderer/index.html')).href,
      'app://draftdesk/other.html',
      'app://draftdesk/assets/index.js',
      'app://draftdesk/index.html.evil',
      'app://evil/index.html',
      'app://draftdesk:81/index.html',
      'app://user@draftdesk/index.html',
      'appx://draftdesk/index.html',
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
    const dev = { devServerUrl: 'http://localhost:5173' }
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

  it('grants the app\'s own page the clipboard (粘贴 in the right-click menu) and refuses everything else', () => {
    const request = permissionRequestHandler(app)
    const answer = (permission: string, requestingUrl: string, isMainFrame = true) => {
      const callback = vi.fn()
      request({}, permission, callback, { requestingUrl, isMainFrame })
      return callback.mock.calls
    }
    expect(answer('clipboard-read', index)).toEqual([[true]])
    expect(answer('clipboard-read', 'app://draftdesk/?doc=1#x')).toEqual([[true]])
    expect(answer('clipboard-read', 'https://example.com/')).toEqual([[false]])
    expect(answer('clipboard-read', 'app://other/index.html')).toEqual([[false]])
    expect(answer('clipboard-read', 'file:///tmp/index.html')).toEqual([[false]])
    expect(answer('clipboard-read', 'about:srcdoc', false)).toEqual([[false]])
    expect(answer('media', index)).toEqual([[false]])
    expect(answer('notifications', index)).toEqual([[false]])
    const noDetails = vi.fn()
    request({}, 'clipboard-read', noDetails)
    expect(noDetails.mock.calls).toEqual([[false]])

    const check = permissionCheckHandler(app)
    expect(check(null, 'clipboard-read', 'app://draftdesk')).toBe(true)
    expect(check(null, 'clipboard-read', 'https://example.com')).toBe(false)
    expect(check(null, 'clipboard-read', 'null')).toBe(false)
    expect(check(null, 'media', 'app://draftdesk')).toBe(false)
    expect(check(null, 'geolocation', 'app://draftdesk')).toBe(false)
    // the dev server's origin is the app's in development
    expect(permissionCheckHandler({ devServerUrl: 'http://localhost:5173' })(null, 'clipboard-read', 'http://localhost:5173')).toBe(true)
    expect(isAppOrigin('http://localhost:5174', { devServerUrl: 'http://localhost:5173' })).toBe(false)
    expect(isAppOrigin('app://draftdesk:8080', app)).toBe(false)
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
    const openExternal = vi.fn()
    guardNavigation(contents, app, openExternal)
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'])
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

  it('guards navigation in every frame (will-frame-navigate) like the main frame’s', async () => {
    const listeners = new Map<string, (event: unknown, url?: string) => void>()
    const contents = {
      on: (name: string, listener: (event: unknown, url?: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: () => undefined,
    } as unknown as GuardedContents
    const openExternal = vi.fn()
    let clock = 0
    guardNavigation(contents, app, openExternal, () => clock)
    const frame = (url: string, isMainFrame: boolean) => Object.assign(preventable(), { url, isMainFrame })

    const sub = frame('file:///etc/passwd', false)
    listeners.get('will-frame-navigate')!(sub)
    expect(sub.prevented).toBe(true)
    const own = frame(`${index}#/x`, true)
    listeners.get('will-frame-navigate')!(own)
    expect(own.prevented).toBe(false)
    // the print preview writes its pages into frames with srcdoc
    for (const url of ['about:srcdoc', 'about:blank']) {
      const written = frame(url, false)
      listeners.get('will-frame-navigate')!(written)
      expect(written.prevented, url).toBe(false)
      const top = frame(url, true)
      listeners.get('will-frame-navigate')!(top)
      expect(top.prevented, `${url} in the main frame`).toBe(true)
    }
    const dataFrame = frame('data:text/html,<script>alert(1)</script>', false)
    listeners.get('will-frame-navigate')!(dataFrame)
    expect(dataFrame.prevented).toBe(true)

    // a main-frame web link raises will-frame-navigate and will-navigate: both refused, opened once
    const link = 'https://www.gov.cn/zhengce/'
    const first = frame(link, true)
    listeners.get('will-frame-navigate')!(first)
    const second = preventable()
    listeners.get('will-navigate')!(second, link)
    expect(first.prevented && second.prevented).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(openExternal.mock.calls).toEqual([[link]])
    // the same link clicked again later opens again
    clock = 5000
    listeners.get('will-navigate')!(preventable(), link)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(openExternal).toHaveBeenCalledTimes(2)
  })
})
