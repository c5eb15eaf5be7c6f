import { describe, expect, it } from 'vitest'
import { APP_TITLE, CONTENT_SECURITY_POLICY, devContentSecurityPolicy, mainWindowOptions, withContentSecurityPolicy } from '../../../electron/main/windowOptions'
import { DEFAULT_WINDOW_STATE, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from '../../../electron/main/windowState'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ x: 10, y: 20, width: 1000, height: 700, maximized: false }, '/app/dist/electron/preload.cjs')

  it('isolates and sandboxes the renderer', () => {
    const web = options.webPreferences!
    expect(web.contextIsolation).toBe(true)
    expect(web.sandbox).toBe(true)
    expect(web.nodeIntegration).toBe(false)
    expect(web.nodeIntegrationInWorker).toBe(false)
    expect(web.nodeIntegrationInSubFrames).toBe(false)
    expect(web.webSecurity).toBe(true)
    expect(web.allowRunningInsecureContent).toBe(false)
    expect(web.webviewTag).toBe(false)
    expect(web.spellcheck).toBe(false)
    expect(web.preload).toBe('/app/dist/electron/preload.cjs')
  })

  it('has the title, bounds and minimum size', () => {
    expect(options.title).toBe('DraftDesk 稿台')
    expect(APP_TITLE).toBe('DraftDesk 稿台')
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: MIN_WINDOW_WIDTH, minHeight: MIN_WINDOW_HEIGHT, show: false })
  })

  it('leaves the position to Electron (centred) when the state has none', () => {
    const centred = mainWindowOptions({ ...DEFAULT_WINDOW_STATE }, '/p.cjs')
    expect(centred).not.toHaveProperty('x')
    expect(centred).not.toHaveProperty('y')
    expect(centred).toMatchObject({ width: 1280, height: 860 })
  })
})

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )

  it('allows only the app itself', () => {
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    })
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/)
  })

  it('replaces any policy in the response headers, whatever the case of its name', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html', 'X-A': ['1', '2'] })
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'Content-Type': ['text/html'], 'X-A': ['1', '2'] })
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('relaxes only script-src and connect-src for the dev server', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173/')
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain("connect-src 'self' ws://localhost:5173")
    expect(dev).toContain("object-src 'none'")
  })
})
