import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../shared/csp'

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )

describe('the Content-Security-Policy', () => {
  it('has one source: the page carries no meta copy that would be enforced on top of the header', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8')
    expect(html).not.toMatch(/http-equiv=["']?content-security-policy/i)
  })

  it('allows only the app itself', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      // WebSockets to any host (the office's team server, chosen by the writer); no http(s) fetch elsewhere
      'connect-src': "'self' ws: wss:",
      'worker-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    })
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/)
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY)
  })

  it('relaxes only script-src (Vite’s inline preamble) and connect-src (its WebSocket) for the dev server', () => {
    const dev = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }))
    const built = directives(CONTENT_SECURITY_POLICY)
    expect(dev['script-src']).toBe("'self' 'unsafe-inline'")
    expect(dev['connect-src']).toBe("'self' ws: wss: ws://localhost:5173")
    expect({ ...dev, 'script-src': built['script-src'], 'connect-src': built['connect-src'] }).toEqual(built)
    expect(directives(contentSecurityPolicy({ devServerUrl: 'https://127.0.0.1:8443' }))['connect-src']).toBe("'self' ws: wss: wss://127.0.0.1:8443")
    expect(() => contentSecurityPolicy({ devServerUrl: 'file:///etc' })).toThrow(/http/)
  })
})
