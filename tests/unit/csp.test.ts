import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

it('the renderer page carries the same policy as the response headers (less frame-ancestors, which meta ignores)', () => {
  const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8')
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
  const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ')
  expect(meta).toBe(expected)
})
