import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builderOs, devNativeBindingPath, nativeBindingPath, packagedNativeBindingPath } from '../../../electron/main/nativeBinding'
import {
  electronModuleAbi,
  ensureElectronNativeModule,
  inspectNativeBinary,
  installedElectronVersion,
  nativeBinaryProblem,
  rebuildCause,
  verifyNativeBinary,
  verifyPackagedNative,
} from '../../../scripts/nativeModule'
import { binaryFor, elf, fatMacho, macho, pe } from '../../helpers/nativeBinaries'
import { useTempDirs } from '../../helpers/tempDir'

const root = path.resolve('/opt/app')
const tempDir = useTempDirs()

describe('native binding location', () => {
  it('is under .electron-native/<os>-<arch>, electron-builder’s names, in development', () => {
    expect(devNativeBindingPath(root, 'linux', 'x64')).toBe(path.join(root, '.electron-native', 'linux-x64', 'better_sqlite3.node'))
    expect(devNativeBindingPath(root, 'darwin', 'arm64')).toBe(path.join(root, '.electron-native', 'mac-arm64', 'better_sqlite3.node'))
    expect(devNativeBindingPath(root, 'win32', 'x64')).toBe(path.join(root, '.electron-native', 'win-x64', 'better_sqlite3.node'))
    expect(nativeBindingPath({ appRoot: root, packaged: false, resourcesPath: '/r', platform: 'linux', arch: 'arm64' })).toBe(
      path.join(root, '.electron-native', 'linux-arm64', 'better_sqlite3.node'),
    )
    expect(() => builderOs('freebsd')).toThrow(/not built for freebsd/)
  })

  it('is resources/native/better_sqlite3.node when packaged', () => {
    const resources = path.resolve('/opt/DraftDesk/resources')
    expect(nativeBindingPath({ appRoot: path.join(resources, 'app.asar'), packaged: true, resourcesPath: resources, platform: 'linux', arch: 'x64' })).toBe(
      path.join(resources, 'native', 'better_sqlite3.node'),
    )
    expect(packagedNativeBindingPath(resources)).toBe(path.join(resources, 'native', 'better_sqlite3.node'))
  })

  it('reads the installed Electron version and its module ABI (150 for Electron 45), as node-abi knows it', () => {
    const version = installedElectronVersion(process.cwd())
    expect(version).toMatch(/^45\.\d+\.\d+/)
    expect(electronModuleAbi(process.cwd())).toBe(150)
    const registry = JSON.parse(fs.readFileSync('node_modules/node-abi/abi_registry.json', 'utf8')) as { runtime: string; target: string; abi: string }[]
    const known = registry.find((e) => e.runtime === 'electron' && e.target.split('.')[0] === version.split('.')[0])
    if (known) expect(Number(known.abi)).toBe(150)
  })
})

describe('what a .node file is', () => {
  it('reads format, CPU and module ABI from the real Node build in node_modules', () => {
    const node = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    const info = inspectNativeBinary(fs.readFileSync(node))
    const format = { linux: 'elf', darwin: 'macho', win32: 'pe' }[process.platform as 'linux']
    expect(info).toEqual({ format, arches: [process.arch], abi: Number(process.versions.modules) })
  })

  it('reads ELF, Mach-O (thin and universal) and PE headers', () => {
    expect(inspectNativeBinary(elf('arm64', 150))).toEqual({ format: 'elf', arches: ['arm64'], abi: 150 })
    expect(inspectNativeBinary(macho('x64', 150))).toEqual({ format: 'macho', arches: ['x64'], abi: 150 })
    expect(inspectNativeBinary(fatMacho(['x64', 'arm64'], 150))).toEqual({ format: 'macho', arches: ['x64', 'arm64'], abi: 150 })
    expect(inspectNativeBinary(pe('arm64', 150))).toEqual({ format: 'pe', arches: ['arm64'], abi: 150 })
    expect(inspectNativeBinary(pe('ia32'))).toEqual({ format: 'pe', arches: ['ia32'] })
    expect(inspectNativeBinary(Buffer.from('<!doctype html>'))).toEqual({ format: 'unknown', arches: [] })
  })

  it.each([
    [{ platform: 'linux', arch: 'x64' }, elf('x64', 150), undefined],
    [{ platform: 'linux', arch: 'arm64' }, elf('x64', 150), /built for x64, not arm64/],
    [{ platform: 'linux', arch: 'x64' }, elf('x64', 115), /module ABI 115, not Electron's 150/],
    [{ platform: 'linux', arch: 'x64' }, elf('x64'), /no node_register_module_v/],
    [{ platform: 'darwin', arch: 'arm64' }, macho('arm64', 150), undefined],
    [{ platform: 'darwin', arch: 'arm64' }, macho('x64', 150), /built for x64, not arm64/],
    [{ platform: 'darwin', arch: 'universal' }, fatMacho(['x64', 'arm64'], 150), undefined],
    [{ platform: 'darwin', arch: 'universal' }, macho('arm64', 150), /not x64/],
    [{ platform: 'darwin', arch: 'x64' }, elf('x64', 150), /elf x64 file, not macho/],
    [{ platform: 'win32', arch: 'x64' }, pe('x64', 150), undefined],
    [{ platform: 'win32', arch: 'x64' }, pe('ia32', 150), /built for ia32, not x64/],
    [{ platform: 'win32', arch: 'x64' }, Buffer.from('junk'), /not a native library/],
  ])('%o: %s', (target, bytes, problem) => {
    const found = nativeBinaryProblem(inspectNativeBinary(bytes), target, 150)
    if (problem) expect(found).toMatch(problem)
    else expect(found).toBeUndefined()
  })

  it('refuses node_modules’ own build for Electron, naming file, target and mismatch', () => {
    const node = path.resolve('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    expect(() => verifyNativeBinary(node, { platform: process.platform, arch: process.arch }, 150)).toThrow(
      new RegExp(`better_sqlite3\\.node is not better-sqlite3 for ${process.platform}-${process.arch} under Electron's ABI 150: .*module ABI ${process.versions.modules}`),
    )
  })

  it('checks the packaged copy (afterPack), a universal one too', () => {
    const resources = tempDir()
    fs.mkdirSync(path.join(resources, 'native'))
    fs.writeFileSync(path.join(resources, 'native', 'better_sqlite3.node'), fatMacho(['x64', 'arm64'], 150))
    expect(verifyPackagedNative(resources, { platform: 'darwin', arch: 'universal' }, 150).arches).toEqual(['x64', 'arm64'])
    expect(() => verifyPackagedNative(resources, { platform: 'win32', arch: 'x64' }, 150)).toThrow(/not pe/)
    expect(() => verifyPackagedNative(tempDir(), { platform: 'linux', arch: 'x64' }, 150)).toThrow(/missing/)
  })
})

describe('ensureElectronNativeModule', () => {
  function fakeAppRoot(): string {
    // an app root without @electron/rebuild: a build cannot even start
    const appRoot = tempDir()
    const moduleDir = path.join(appRoot, 'node_modules', 'better-sqlite3')
    fs.mkdirSync(path.join(moduleDir, 'build', 'Release'), { recursive: true })
    fs.writeFileSync(path.join(moduleDir, 'package.json'), JSON.stringify({ version: '12.11.1' }))
    fs.writeFileSync(path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'node copy')
    return appRoot
  }
  const place = (appRoot: string, platform: string, arch: string, bytes: Buffer, abi = 150) => {
    const target = devNativeBindingPath(appRoot, platform, arch)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, bytes)
    fs.writeFileSync(path.join(path.dirname(target), 'better_sqlite3.json'), JSON.stringify({ electron: '45.4.1', abi, betterSqlite3: '12.11.1', platform, arch }))
    return target
  }

  it('returns an up-to-date copy that fits without building, for any target', async () => {
    const appRoot = fakeAppRoot()
    for (const [platform, arch] of [['linux', 'x64'], ['darwin', 'arm64'], ['win32', 'x64']] as const) {
      const target = place(appRoot, platform, arch, binaryFor(platform, arch, 150))
      const lines: string[] = []
      expect(await ensureElectronNativeModule({ appRoot, platform, arch, electronVersion: '45.4.1', abi: 150, log: (l) => lines.push(l) })).toBe(target)
      expect(lines).toEqual([])
    }
  })

  it('never takes a stamped copy that does not fit: it fetches again, and says so when that fails', async () => {
    const appRoot = fakeAppRoot()
    place(appRoot, 'linux', 'arm64', elf('x64', 150)) // the wrong CPU under the right name
    const lines: string[] = []
    await expect(ensureElectronNativeModule({ appRoot, platform: 'linux', arch: 'arm64', electronVersion: '45.4.1', abi: 150, timeoutMs: 20_000, log: (l) => lines.push(l) })).rejects.toThrow(
      /could not build better-sqlite3 for Electron 45\.4\.1 \(linux-arm64\)/,
    )
    expect(lines[0]).toMatch(/built for x64, not arm64/)
  })

  it('fails with a clear message, cleans up, and keeps node_modules as it was', async () => {
    const appRoot = fakeAppRoot()
    const moduleDir = path.join(appRoot, 'node_modules', 'better-sqlite3')
    await expect(ensureElectronNativeModule({ appRoot, platform: 'win32', arch: 'arm64', electronVersion: '45.4.1', abi: 150, timeoutMs: 20_000, log: () => undefined })).rejects.toThrow(
      /could not build better-sqlite3 for Electron 45\.4\.1 \(win32-arm64\).*can only be downloaded here/,
    )
    expect(fs.readFileSync(path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node copy')
    expect(fs.readdirSync(path.join(appRoot, '.electron-native')).filter((n) => n.startsWith('.build-'))).toEqual([])
    expect(fs.existsSync(devNativeBindingPath(appRoot, 'win32', 'arm64'))).toBe(false)
    await expect(ensureElectronNativeModule({ appRoot, platform: 'darwin', arch: 'universal', electronVersion: '45.4.1', abi: 150 })).rejects.toThrow(/ask for each/)
  })
})

describe('rebuildCause', () => {
  it('names a network failure', () => {
    expect(rebuildCause('Error: This is most likely not a problem with node-gyp or the package itself and\nis related to network connectivity.')).toMatch(/no network/)
    expect(rebuildCause('x\nError: getaddrinfo ENOTFOUND electronjs.org\n')).toBe('Error: getaddrinfo ENOTFOUND electronjs.org')
    expect(rebuildCause('Error: node-gyp does not support cross-compiling native modules from source.')).toMatch(/cross-compiling/)
  })

  it('falls back to gyp errors', () => {
    expect(rebuildCause('gyp info ok\ngyp ERR! stack Error: not found: make\ngyp ERR! not ok')).toBe('gyp ERR! stack Error: not found: make')
    expect(rebuildCause('all fine')).toBeUndefined()
  })
})
