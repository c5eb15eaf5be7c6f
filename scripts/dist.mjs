#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: the installers. Builds, then gets better-sqlite3 for
// Electron's ABI for every platform and arch being packaged (a prebuilt download or a compile, see
// scripts/nativeModule.ts) and checks each, then runs electron-builder with electron-builder.yml,
// whose afterPack hook checks the packed copy again. Any failure stops it with a message; nothing
// falls back. Signing settings come from the environment (docs/release.md).
//
//   npm run dist                      this machine's platform, the arches electron-builder.yml lists
//   npm run dist -- --arm64           one arch (also --x64); --universal: one macOS app for both
//   npm run dist -- --win --x64       another platform: only possible where a prebuilt binary exists
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, nativeTools, root } from './build.mjs'
import { electronBinary, MIN_NODE_FOR_ELECTRON, nodeSupportsElectron } from './start.mjs'

const PLATFORM_FLAGS = { '--mac': 'darwin', '-m': 'darwin', '-o': 'darwin', '--macos': 'darwin', '--win': 'win32', '-w': 'win32', '--windows': 'win32', '--linux': 'linux', '-l': 'linux' }
const CONFIG_KEY = { darwin: 'mac', win32: 'win', linux: 'linux' }
const ARCH_FLAGS = ['--x64', '--arm64', '--universal', '--ia32', '--armv7l']
export const STRICT_ENTITLEMENTS = 'resources/mac/entitlements.mac.plist'

/** electron-builder.yml, parsed with the YAML reader electron-builder itself uses. */
export function loadBuilderConfig(file = path.join(root, 'electron-builder.yml')) {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))
  return fromBuilder('js-yaml').load(fs.readFileSync(file, 'utf8'))
}

/** The arches electron-builder.yml lists for a platform's targets. */
export function configArches(config, platform) {
  const targets = config[CONFIG_KEY[platform]]?.target ?? []
  const arches = new Set()
  for (const target of Array.isArray(targets) ? targets : [targets]) {
    for (const arch of (typeof target === 'object' && target.arch) || []) arches.add(arch)
  }
  return [...arches]
}

const hasAll = (env, names) => names.every((name) => env[name])
export const notarizeCredentials = (env) =>
  hasAll(env, ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) || hasAll(env, ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) || hasAll(env, ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'])

/**
 * What `npm run dist <argv>` does: the native targets to prepare ({ platform, arch }), the
 * electron-builder arguments, and the problems that stop it before anything is built.
 */
export function distPlan(argv, config, { hostPlatform = process.platform, env = process.env } = {}) {
  const problems = []
  const platforms = [...new Set(argv.filter((a) => PLATFORM_FLAGS[a]).map((a) => PLATFORM_FLAGS[a]))]
  if (!platforms.length) platforms.push(hostPlatform)
  const arches = [...new Set(argv.filter((a) => ARCH_FLAGS.includes(a)).map((a) => a.slice(2)))]
  if (arches.includes('ia32')) problems.push('--ia32: Electron 44 and later have no 32-bit Windows build; DraftDesk needs 64-bit Windows 10 or later')
  if (arches.includes('armv7l')) problems.push('--armv7l: DraftDesk is not built for 32-bit ARM')

  const targets = []
  for (const platform of platforms) {
    if (!CONFIG_KEY[platform]) {
      problems.push(`DraftDesk is not packaged for ${platform}`)
      continue
    }
    if (arches.includes('universal') && platform !== 'darwin') problems.push(`--universal is a macOS build; ${platform} takes --x64 or --arm64`)
    const wanted = arches.length ? arches.flatMap((a) => (a === 'universal' ? ['x64', 'arm64'] : [a])) : configArches(config, platform)
    for (const arch of new Set(wanted)) if (arch === 'x64' || arch === 'arm64') targets.push({ platform, arch })
  }

  const signing = []
  if (platforms.includes('darwin')) {
    const identity = env.DRAFTDESK_MAC_IDENTITY || env.CSC_NAME
    if (identity) {
      signing.push(`-c.mac.identity=${identity}`, `-c.mac.entitlements=${STRICT_ENTITLEMENTS}`, `-c.mac.entitlementsInherit=${STRICT_ENTITLEMENTS}`)
    } else if (env.CSC_LINK) {
      problems.push('CSC_LINK is set but no identity: name the certificate in CSC_NAME (e.g. "Developer ID Application: 某某 (TEAMID)"), or unset CSC_LINK for an ad-hoc signature')
    } else if (notarizeCredentials(env)) {
      problems.push('Apple notarization credentials are set but no Developer ID: an ad-hoc signed app cannot be notarized; set CSC_NAME (and CSC_LINK) or unset the APPLE_* variables')
    }
  }
  const publish = argv.some((a) => a === '--publish' || a === '-p' || a.startsWith('--publish='))
  return { targets, builderArgs: [...argv, ...(publish ? [] : ['--publish', 'never']), ...signing], problems }
}

function fail(message) {
  console.error(`稿台：打包失败 / npm run dist failed: ${message}`)
  process.exit(1)
}

async function main() {
  const argv = process.argv.slice(2)
  if (!nodeSupportsElectron()) fail(`Node ${process.versions.node} is older than ${MIN_NODE_FOR_ELECTRON}, which Electron 45, its installer and @electron/rebuild need`)
  const plan = distPlan(argv, loadBuilderConfig())
  if (plan.problems.length) fail(plan.problems.join('\n  '))

  await build()
  const tools = nativeTools()
  const binary = electronBinary()
  for (const target of plan.targets) {
    try {
      const file = await tools.ensureElectronNativeModule({ appRoot: root, ...target, electronBinary: binary })
      console.log(`dist: better-sqlite3 ${target.platform}-${target.arch}: ${path.relative(root, file)}`)
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error))
    }
  }

  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js')
  console.log(`dist: electron-builder ${plan.builderArgs.join(' ')}`)
  const child = spawn(process.execPath, [cli, ...plan.builderArgs], { cwd: root, stdio: 'inherit' })
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => fail(error instanceof Error ? error.message : String(error)))
}
