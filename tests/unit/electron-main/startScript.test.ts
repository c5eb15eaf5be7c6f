import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain .mjs script without type declarations
import { electronBinary, electronUnavailableReason, fallbackLine } from '../../../scripts/start.mjs'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function fakeApp(withBinary: boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-start-'))
  made.push(root)
  const pkg = path.join(root, 'node_modules', 'electron')
  fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true })
  fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron')
  if (withBinary) fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '')
  return root
}

describe('scripts/start.mjs', () => {
  it('finds the Electron binary without require("electron") (which would try to download it)', () => {
    const root = fakeApp(true)
    expect(electronBinary(root, {})).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'))
    expect(electronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(path.join('/opt/electron', 'electron'))
  })

  it('says why Electron cannot run', () => {
    const missing = fakeApp(false)
    expect(electronUnavailableReason(missing, { DISPLAY: ':0' }, 'linux')).toMatch(/no Electron binary/)
    fs.rmSync(path.join(missing, 'node_modules', 'electron', 'path.txt'))
    expect(electronUnavailableReason(missing, { DISPLAY: ':0' }, 'linux')).toMatch(/no Electron binary/)

    const present = fakeApp(true)
    expect(electronUnavailableReason(present, {}, 'linux')).toMatch(/no display/)
    expect(electronUnavailableReason(present, { DISPLAY: ':0' }, 'linux')).toBeUndefined()
    expect(electronUnavailableReason(present, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined()
    expect(electronUnavailableReason(present, {}, 'win32')).toBeUndefined()
  })

  it('prints one line in Chinese and English', () => {
    const line = fallbackLine('没有显示器', 'no display')
    expect(line).toBe('稿台：没有显示器，改为启动浏览器版 / Electron unavailable (no display); starting the browser shell instead')
    expect(line).not.toContain('\n')
  })
})
