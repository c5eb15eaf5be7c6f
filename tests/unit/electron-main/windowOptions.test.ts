import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp'
import { APP_TITLE, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, mainWindowOptions, withContentSecurityPolicy } from '../../../electron/main/windowOptions'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs')

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

  it('has the title, first size and minimum size, and stays hidden until it has painted', () => {
    expect(options.title).toBe('DraftDesk 稿台')
    expect(APP_TITLE).toBe('DraftDesk 稿台')
    expect(options).toMatchObject({ width: 1280, height: 860, minWidth: MIN_WINDOW_WIDTH, minHeight: MIN_WINDOW_HEIGHT, show: false })
    expect(options).not.toHaveProperty('x')
  })

  it('leaves its bounds and maximized state to Electron’s own persistence, under a fixed name', () => {
    expect(options.name).toBe('main')
    expect(options.windowStatePersistence).toEqual({ bounds: true, displayMode: true })
  })
})

describe('withContentSecurityPolicy', () => {
  it('replaces any policy in the response headers, whatever the case of its name', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html', 'X-A': ['1', '2'] }, CONTENT_SECURITY_POLICY)
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'Content-Type': ['text/html'], 'X-A': ['1', '2'] })
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] })
  })
})
