import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { devNativeBindingPath, nativeBindingPath } from '../../../electron/main/nativeBinding'
import { ensureElectronNativeModule, installedElectronVersion, rebuildCause } from '../../../scripts/nativeModule'

const root = path.resolve('/opt/app')

describe('native binding location', () => {
  it('is under .electron-native/<version> in development', () => {
    expect(devNativeBindingPath(root, '45.4.1')).toBe(path.join(root, '.electron-native', '45.4.1', 'better_sqlite3.node'))
    expect(nativeBindingPath({ appRoot: root, electronVersion: '45.4.1', packaged: false, resourcesPath: '/r' })).toBe(
      path.join(root, '.electron-native', '45.4.1', 'better_sqlite3.node'),
    )
  })

  it('is inside app.asar.unpacked when packaged', () => {
    const resources = path.resolve('/opt/DraftDesk/resources')
    expect(nativeBindingPath({ appRoot: path.join(resources, 'app.asar'), electronVersion: '45.4.1', packaged: true, resourcesPath: resources })).toBe(
      path.join(resources, 'app.asar.unpacked', '.electron-native', '45.4.1', 'better_sqlite3.node'),
    )
  })

  it('reads the installed Electron version', () => {
    expect(installedElectronVersion(process.cwd())).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe('ensureElectronNativeModule', () => {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('returns an up-to-date copy without building', async () => {
    const appRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-native-'))
    made.push(appRoot)
    fs.mkdirSync(path.join(appRoot, 'node_modules', 'better-sqlite3'), { recursive: true })
    fs.writeFileSync(path.join(appRoot, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.6.2' }))
    const target = devNativeBindingPath(appRoot, '45.4.1')
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, 'binary')
    fs.writeFileSync(
      path.join(path.dirname(target), 'better_sqlite3.json'),
      JSON.stringify({ electron: '45.4.1', betterSqlite3: '12.6.2', platform: process.platform, arch: process.arch }),
    )
    const lines: string[] = []
    expect(await ensureElectronNativeModule({ appRoot, electronVersion: '45.4.1', log: (l) => lines.push(l) })).toBe(target)
    expect(lines).toEqual([])
  })

  it('fails with a clear message, cleans up, and keeps node_modules as it was', async () => {
    // an app root without @electron/rebuild: the build cannot even start
    const appRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-native-'))
    made.push(appRoot)
    const moduleDir = path.join(appRoot, 'node_modules', 'better-sqlite3')
    fs.mkdirSync(path.join(moduleDir, 'build', 'Release'), { recursive: true })
    fs.writeFileSync(path.join(moduleDir, 'package.json'), JSON.stringify({ version: '12.6.2' }))
    fs.writeFileSync(path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'node copy')
    await expect(ensureElectronNativeModule({ appRoot, electronVersion: '45.4.1', timeoutMs: 20_000, log: () => undefined })).rejects.toThrow(
      /could not build better-sqlite3 for Electron 45\.4\.1/,
    )
    expect(fs.readFileSync(path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node copy')
    expect(fs.readdirSync(path.join(appRoot, '.electron-native')).filter((n) => n.startsWith('.build-'))).toEqual([])
    expect(fs.existsSync(devNativeBindingPath(appRoot, '45.4.1'))).toBe(false)
  })
})

describe('rebuildCause', () => {
  it('names a network failure', () => {
    expect(rebuildCause('Error: This is most likely not a problem with node-gyp or the package itself and\nis related to network connectivity.')).toMatch(/no network/)
    expect(rebuildCause('x\nError: getaddrinfo ENOTFOUND electronjs.org\n')).toBe('Error: getaddrinfo ENOTFOUND electronjs.org')
  })

  it('falls back to gyp errors', () => {
    expect(rebuildCause('gyp info ok\ngyp ERR! stack Error: not found: make\ngyp ERR! not ok')).toBe('gyp ERR! stack Error: not found: make')
    expect(rebuildCause('all fine')).toBeUndefined()
  })
})
