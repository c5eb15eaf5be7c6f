/**
 * The packaging configuration per target, checked without packaging (which needs each platform's
 * Electron download): electron-builder.yml passes electron-builder's own schema; every target has
 * its arch list, fuses, signing and installer settings; `npm run dist -- --x64|--arm64|--universal`
 * prepares exactly the better-sqlite3 builds the packages take (by electron-builder's own macro
 * expansion of extraResources); the afterPack hook refuses a package with the wrong one.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { nativeTargetDir } from '../../../electron/main/nativeBinding'
import * as nativeTools from '../../../scripts/nativeModule'
// @ts-expect-error -- a plain .mjs script without type declarations
import { configArches, distPlan, loadBuilderConfig, STRICT_ENTITLEMENTS } from '../../../scripts/dist.mjs'
import { binaryFor, elf, macho } from '../../helpers/nativeBinaries'

const require = createRequire(import.meta.url)
const root = path.resolve('.')

interface TargetEntry {
  target: string
  arch: string[]
}
type BuilderConfig = Record<string, Record<string, unknown>> & {
  mac: { target: TargetEntry[]; [key: string]: unknown }
  win: { target: TargetEntry[]; [key: string]: unknown }
  linux: { target: TargetEntry[]; [key: string]: unknown }
  extraResources: { from: string; to: string; filter: string[] }[]
}
const config = loadBuilderConfig() as BuilderConfig

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema (every key name as app-builder-lib spells it)', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<unknown>
      validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    const loaded = await getConfig(root, path.join(root, 'electron-builder.yml'), null)
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined()
    // the check itself bites: a misspelt fuse is refused
    const wrong = { ...(loaded as object), electronFuses: { runAsNodes: false } }
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/)
  })

  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.afterPack).toBe('scripts/afterPack.cjs')
    expect(fs.existsSync(path.join(root, 'scripts', 'afterPack.cjs'))).toBe(true)
  })

  it('lists each target with its arches: macOS dmg arm64 + x64, Windows NSIS x64, Linux AppImage and deb x64', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }])
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ])
    expect(configArches(config, 'darwin')).toEqual(['arm64', 'x64'])
    expect(configArches(config, 'linux')).toEqual(['x64'])
  })

  it('signs macOS ad hoc by default, hardened, with entitlements, on macOS 13 or later', () => {
    expect(config.mac).toMatchObject({ identity: '-', hardenedRuntime: true, minimumSystemVersion: '13.0' })
    expect(config.mac).not.toHaveProperty('notarize')
    const adhoc = fs.readFileSync(path.join(root, config.mac.entitlements as string), 'utf8')
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
    expect(adhoc).toContain('com.apple.security.cs.allow-jit')
    // an ad-hoc signature has no team ID: without this, library validation refuses Electron's frameworks
    expect(adhoc).toContain('com.apple.security.cs.disable-library-validation')
    const strict = fs.readFileSync(path.join(root, STRICT_ENTITLEMENTS), 'utf8')
    expect(strict).toContain('com.apple.security.cs.allow-jit')
    expect(strict).not.toContain('disable-library-validation')
  })

  it('installs per user on Windows, in Chinese or English, refusing Windows before 10', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, installerLanguages: ['zh_CN', 'en_US'], multiLanguageInstaller: true })
    expect(config.win.requestedExecutionLevel).toBe('asInvoker')
    const include = fs.readFileSync(path.join(root, config.nsis!.include as string))
    expect([...include.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM: NSIS reads the Chinese right
    expect(include.toString('utf8')).toMatch(/!macro customInit[\s\S]*\$\{IfNot\} \$\{AtLeastWin10\}[\s\S]*Quit[\s\S]*!macroend/)
  })

  it('keeps Chromium’s sandbox on Linux: the deb’s own sandbox setup, no blanket --no-sandbox in the AppImage', () => {
    expect(config.appImage).toEqual({ executableArgs: [] })
    expect(config.deb).not.toHaveProperty('afterInstall')
    expect(config.linux).not.toHaveProperty('executableArgs')
  })
})

describe('better-sqlite3 per package', () => {
  const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as {
    expandMacro(pattern: string, arch: string | null, appInfo: object, extra: Record<string, string>): string
  }
  const packed = (os: string, arch: string) => path.resolve(root, expandMacro(config.extraResources[0]!.from, arch, {}, { os }))

  it('packs the .electron-native folder of the package’s own os and arch, as resources/native', () => {
    expect(config.extraResources).toEqual([{ from: '.electron-native/${os}-${arch}', to: 'native', filter: ['better_sqlite3.node'] }])
    expect(packed('mac', 'arm64')).toBe(nativeTargetDir(root, 'darwin', 'arm64'))
    expect(packed('mac', 'x64')).toBe(nativeTargetDir(root, 'darwin', 'x64'))
    expect(packed('win', 'x64')).toBe(nativeTargetDir(root, 'win32', 'x64'))
    expect(packed('linux', 'arm64')).toBe(nativeTargetDir(root, 'linux', 'arm64'))
    // and the Node build in node_modules never goes in
    expect(config.files).toContain('!**/node_modules/better-sqlite3/{deps,src,build,prebuilds,bin}/**')
  })

  it.each([
    [['--mac', '--x64'], [{ platform: 'darwin', arch: 'x64' }]],
    [['--mac', '--arm64'], [{ platform: 'darwin', arch: 'arm64' }]],
    [['--mac', '--universal'], [{ platform: 'darwin', arch: 'x64' }, { platform: 'darwin', arch: 'arm64' }]],
    [['--mac'], [{ platform: 'darwin', arch: 'arm64' }, { platform: 'darwin', arch: 'x64' }]],
    [['--win'], [{ platform: 'win32', arch: 'x64' }]],
    [['--win', '--arm64'], [{ platform: 'win32', arch: 'arm64' }]],
    [['--linux', '--x64', '--arm64'], [{ platform: 'linux', arch: 'x64' }, { platform: 'linux', arch: 'arm64' }]],
    [['--linux', 'deb'], [{ platform: 'linux', arch: 'x64' }]],
  ])('npm run dist -- %j prepares %j', (argv, targets) => {
    const plan = distPlan(argv, config, { hostPlatform: 'linux', env: {} })
    expect(plan.problems).toEqual([])
    expect(plan.targets).toEqual(targets)
    expect(plan.builderArgs).toEqual([...argv, '--publish', 'never'])
  })

  it('prepares this machine’s platform when none is named (an x64 Mac building for Apple silicon gets arm64)', () => {
    expect(distPlan(['--arm64'], config, { hostPlatform: 'darwin', env: {} }).targets).toEqual([{ platform: 'darwin', arch: 'arm64' }])
    expect(distPlan([], config, { hostPlatform: 'win32', env: {} }).targets).toEqual([{ platform: 'win32', arch: 'x64' }])
  })

  it.each([
    [['--win', '--ia32'], /no 32-bit Windows build/],
    [['--linux', '--armv7l'], /32-bit ARM/],
    [['--linux', '--universal'], /--universal is a macOS build/],
  ])('refuses %j before building anything', (argv, problem) => {
    expect(distPlan(argv, config, { hostPlatform: 'linux', env: {} }).problems.join('\n')).toMatch(problem)
  })

  it('afterPack accepts the right binary per package and stops the build on a wrong one', () => {
    const { checkPackage } = require('../../../scripts/afterPack.cjs') as {
      checkPackage(context: unknown, tools: unknown, arch: Record<number, string>, log?: (l: string) => void): { arches: string[] }
    }
    const Arch: Record<number, string> = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }
    const ARCH = { x64: 1, arm64: 3, universal: 4 } as const
    const pack = (platform: string, arch: keyof typeof ARCH, bytes: Buffer) => {
      const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-pack-'))
      made.push(appOutDir)
      fs.mkdirSync(path.join(appOutDir, 'resources', 'native'), { recursive: true })
      fs.writeFileSync(path.join(appOutDir, 'resources', 'native', 'better_sqlite3.node'), bytes)
      const context = { appOutDir, arch: ARCH[arch], electronPlatformName: platform, packager: { projectDir: root, getResourcesDir: (dir: string) => path.join(dir, 'resources') } }
      return () => checkPackage(context, nativeTools, Arch, () => undefined)
    }
    expect(pack('darwin', 'universal', binaryFor('darwin', 'universal', 150))().arches).toEqual(['x64', 'arm64'])
    expect(pack('darwin', 'arm64', macho('arm64', 150))().arches).toEqual(['arm64'])
    expect(pack('win32', 'x64', binaryFor('win32', 'x64', 150))().arches).toEqual(['x64'])
    expect(pack('darwin', 'universal', macho('arm64', 150))).toThrow(/not x64/)
    expect(pack('darwin', 'arm64', macho('x64', 150))).toThrow(/built for x64, not arm64/)
    expect(pack('linux', 'x64', elf('x64', 115))).toThrow(/module ABI 115, not Electron's 150/)
  })
})

describe('signing from the environment', () => {
  it('uses a Developer ID and the strict entitlements when one is named', () => {
    const plan = distPlan(['--mac'], config, { hostPlatform: 'darwin', env: { CSC_NAME: 'Developer ID Application: 稿台 (ABCDE12345)', CSC_LINK: '/k.p12' } })
    expect(plan.problems).toEqual([])
    expect(plan.builderArgs).toEqual([
      '--mac',
      '--publish',
      'never',
      '-c.mac.identity=Developer ID Application: 稿台 (ABCDE12345)',
      `-c.mac.entitlements=${STRICT_ENTITLEMENTS}`,
      `-c.mac.entitlementsInherit=${STRICT_ENTITLEMENTS}`,
    ])
    expect(distPlan(['--mac'], config, { hostPlatform: 'darwin', env: { DRAFTDESK_MAC_IDENTITY: 'X' } }).builderArgs).toContain('-c.mac.identity=X')
  })

  it('stays ad hoc otherwise, and refuses settings that cannot work together', () => {
    expect(distPlan(['--mac'], config, { hostPlatform: 'darwin', env: {} }).builderArgs).toEqual(['--mac', '--publish', 'never'])
    expect(distPlan(['--mac'], config, { hostPlatform: 'darwin', env: { CSC_LINK: '/k.p12' } }).problems.join()).toMatch(/CSC_NAME/)
    expect(distPlan(['--mac'], config, { hostPlatform: 'darwin', env: { APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' } }).problems.join()).toMatch(/cannot be notarized/)
    // a Windows certificate in CSC_LINK is no macOS problem
    expect(distPlan(['--win'], config, { hostPlatform: 'linux', env: { CSC_LINK: '/k.pfx' } }).problems).toEqual([])
    expect(distPlan(['--mac', '--publish', 'always'], config, { hostPlatform: 'darwin', env: {} }).builderArgs).toEqual(['--mac', '--publish', 'always'])
  })
})
