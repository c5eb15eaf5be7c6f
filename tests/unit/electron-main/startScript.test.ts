/**
 * scripts/start.mjs: the three ways `npm start` goes (the binary is there; it is missing and
 * Electron's installer fetches it; the installer fails offline → the browser shell), with the
 * installer and the native build stood in for, plus the real installer runner against fake
 * installers (one that works, one offline, one that hangs).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  electronBinary,
  fallbackLine,
  hasElectronBinary,
  installFailureReason,
  linuxSandboxProblem,
  nodeSupportsElectron,
  planStart,
  runElectronInstaller,
  // @ts-expect-error -- a plain .mjs script without type declarations
} from '../../../scripts/start.mjs'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** An app root whose electron package has (or lacks) its binary, with an install.js of our choosing. */
function fakeApp(withBinary: boolean, installer = 'process.exit(1)'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-start-'))
  made.push(root)
  const pkg = path.join(root, 'node_modules', 'electron')
  fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true })
  fs.writeFileSync(path.join(pkg, 'install.js'), installer)
  if (withBinary) {
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron')
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '')
  }
  return root
}

/** What Electron's installer does when it works: the binary, and path.txt naming it. */
const WORKING_INSTALLER = `
const fs = require('fs'), path = require('path')
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true })
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '')
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')
`
const OFFLINE_INSTALLER = `console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1)`

const base = { env: { DISPLAY: ':0' }, platform: 'linux', nodeVersion: '22.12.0' }
const deps = (over: Record<string, unknown> = {}) => ({
  installElectron: vi.fn(async () => ({ ok: false, reason: 'not expected' })),
  ensureNative: vi.fn(async () => '/native.node'),
  sandboxProblem: vi.fn(() => undefined),
  ...over,
})

describe('npm start: the three paths', () => {
  it('binary present: runs Electron on the app, without the installer', async () => {
    const appRoot = fakeApp(true)
    const d = deps()
    const plan = await planStart({ ...base, appRoot, args: ['--data-dir', '/d'] }, d)
    expect(plan).toEqual({ kind: 'electron', binary: path.join(appRoot, 'node_modules', 'electron', 'dist', 'electron'), args: [appRoot, '--data-dir', '/d'], notes: [] })
    expect(d.installElectron).not.toHaveBeenCalled()
    expect(d.ensureNative).toHaveBeenCalledWith(plan.binary)
  })

  it('binary missing: runs Electron’s installer, then Electron', async () => {
    const appRoot = fakeApp(false, WORKING_INSTALLER)
    const d = deps({ installElectron: vi.fn(() => runElectronInstaller({ appRoot, env: process.env, timeoutMs: 20_000, log: () => undefined })) })
    const plan = await planStart({ ...base, appRoot }, d)
    expect(d.installElectron).toHaveBeenCalledTimes(1)
    expect(plan).toMatchObject({ kind: 'electron', binary: path.join(appRoot, 'node_modules', 'electron', 'dist', 'electron') })
  })

  it('installer fails offline: the browser shell, saying why in one line', async () => {
    const appRoot = fakeApp(false, OFFLINE_INSTALLER)
    const d = deps({ installElectron: vi.fn(() => runElectronInstaller({ appRoot, env: process.env, timeoutMs: 20_000, log: () => undefined })) })
    const plan = await planStart({ ...base, appRoot, args: ['--port', '4000'] }, d)
    expect(plan.kind).toBe('browser')
    expect(plan.args).toEqual(['--port', '4000'])
    expect(plan.line).toMatch(/^稿台：无法下载 Electron（离线？），改为启动浏览器版 \/ Electron unavailable \(its download failed: offline\? RequestError: getaddrinfo ENOTFOUND github\.com\)/)
    expect(plan.line).not.toContain('\n')
    expect(d.ensureNative).not.toHaveBeenCalled()
  })
})

describe('npm start: when Electron cannot be had', () => {
  it('checks Node’s version before trying Electron or its installer', async () => {
    const d = deps()
    const plan = await planStart({ ...base, appRoot: fakeApp(false), nodeVersion: '20.20.0' }, d)
    expect(plan).toMatchObject({ kind: 'browser' })
    expect(plan.line).toContain('Node 20.20.0 is older than the 22.12.0 Electron 45 needs')
    expect(d.installElectron).not.toHaveBeenCalled()
    expect(nodeSupportsElectron('20.19.0')).toBe(false)
    expect(nodeSupportsElectron('22.11.9')).toBe(false)
    expect(nodeSupportsElectron('22.12.0')).toBe(true)
    expect(nodeSupportsElectron('v24.1.0')).toBe(true)
  })

  it('falls back without a display (Linux), but not on Windows or macOS', async () => {
    const appRoot = fakeApp(true)
    expect((await planStart({ ...base, appRoot, env: {} }, deps())).line).toMatch(/没有显示器/)
    expect((await planStart({ ...base, appRoot, env: { WAYLAND_DISPLAY: 'wayland-0' } }, deps())).kind).toBe('electron')
    expect((await planStart({ ...base, appRoot, env: {}, platform: 'win32' }, deps())).kind).toBe('electron')
  })

  it('falls back, saying why, when no Electron build of better-sqlite3 can be had', async () => {
    const d = deps({ ensureNative: vi.fn(async () => Promise.reject(new Error('could not build better-sqlite3 for Electron 45.4.1 (linux-x64): exit code 1\nmore'))) })
    const plan = await planStart({ ...base, appRoot: fakeApp(true) }, d)
    expect(plan.line).toBe(fallbackLine('无法为 Electron 准备 better-sqlite3', 'could not build better-sqlite3 for Electron 45.4.1 (linux-x64): exit code 1'))
  })

  it('starts the browser shell when asked to', async () => {
    const plan = await planStart({ ...base, appRoot: fakeApp(true), args: ['--browser', '--data-dir', 'x'] }, deps())
    expect(plan).toMatchObject({ kind: 'browser', args: ['--data-dir', 'x'] })
  })
})

describe('the Linux sandbox helper', () => {
  const binary = '/app/node_modules/electron/dist/electron'
  const stat = (uid: number, mode: number) => () => ({ uid, mode })

  it('is fine root-owned 4755, or unused where user namespaces work, or absent', () => {
    expect(linuxSandboxProblem(binary, { stat: stat(0, 0o104755), namespaces: () => false })).toBeUndefined()
    expect(linuxSandboxProblem(binary, { stat: stat(1000, 0o100755), namespaces: () => true })).toBeUndefined()
    expect(linuxSandboxProblem(binary, { stat: () => { throw new Error('ENOENT') }, namespaces: () => false })).toBeUndefined()
    expect(linuxSandboxProblem(binary, { platform: 'darwin', stat: stat(1000, 0o755), namespaces: () => false })).toBeUndefined()
  })

  it('otherwise says how to fix it, and Electron starts with --no-sandbox, labelled development only', async () => {
    const lines = linuxSandboxProblem(binary, { stat: stat(1000, 0o100755), namespaces: () => false })
    expect(lines.join('\n')).toContain(`sudo chown root:root '/app/node_modules/electron/dist/chrome-sandbox' && sudo chmod 4755 '/app/node_modules/electron/dist/chrome-sandbox'`)
    expect(lines.join('\n')).toMatch(/AppArmor/)
    expect(lines.join('\n')).toMatch(/--no-sandbox: DEVELOPMENT ONLY/)
    const plan = await planStart({ ...base, appRoot: fakeApp(true), args: ['--data-dir', 'd'] }, deps({ sandboxProblem: () => lines }))
    expect(plan.args.slice(1)).toEqual(['--no-sandbox', '--data-dir', 'd'])
    expect(plan.notes).toBe(lines)
  })
})

describe('the installer runner', () => {
  it('finds the binary without require("electron") (which would run the installer with no time limit)', () => {
    const root = fakeApp(true)
    expect(electronBinary(root, {})).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'))
    expect(electronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(path.join('/opt/electron', 'electron'))
    expect(hasElectronBinary(fakeApp(false), {})).toBe(false)
  })

  it('gives up on an installer that hangs, within its time limit', async () => {
    const appRoot = fakeApp(false, 'setInterval(() => {}, 1000)')
    const started = Date.now()
    const result = await runElectronInstaller({ appRoot, env: process.env, timeoutMs: 500, log: () => undefined })
    expect(result).toEqual({ ok: false, reason: 'the download took longer than 1 s (slow or no network?)' })
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('reports a missing installer, and picks the telling line of a failure', async () => {
    const appRoot = fakeApp(false)
    fs.rmSync(path.join(appRoot, 'node_modules', 'electron', 'install.js'))
    expect(await runElectronInstaller({ appRoot, env: process.env, log: () => undefined })).toMatchObject({ ok: false, reason: expect.stringMatching(/install\.js is missing/) })
    expect(installFailureReason('progress 10%\nError: checksum mismatch\n')).toBe('Error: checksum mismatch')
    expect(installFailureReason('')).toMatch(/without saying why/)
  })
})
