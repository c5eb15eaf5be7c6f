/**
 * better-sqlite3 compiled for Electron's ABI. node_modules keeps the Node copy, which the tests and
 * the CLI load; the Electron copy lives apart and is handed to better-sqlite3 as `nativeBinding`:
 *
 *   development  <app root>/.electron-native/<electron version>/better_sqlite3.node
 *   packaged     <resources>/app.asar.unpacked/.electron-native/<electron version>/better_sqlite3.node
 *
 * ensureElectronNativeModule() (run by scripts/start.mjs and `npm run dist`) builds it with
 * @electron/rebuild in a temporary copy of the module, never in node_modules.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const NATIVE_DIR = '.electron-native'
export const NATIVE_FILE = 'better_sqlite3.node'
const STAMP_FILE = 'better_sqlite3.json'
export const DEFAULT_NATIVE_TIMEOUT_MS = 10 * 60_000

export function devNativeBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, NATIVE_DIR, electronVersion, NATIVE_FILE)
}

export function packagedNativeBindingPath(resourcesPath: string, electronVersion: string): string {
  return path.join(resourcesPath, 'app.asar.unpacked', NATIVE_DIR, electronVersion, NATIVE_FILE)
}

/** Where the Electron-ABI binding is for this run (main.ts: app.getAppPath(), app.isPackaged, …). */
export function nativeBindingPath(opts: { appRoot: string; electronVersion: string; packaged: boolean; resourcesPath?: string }): string {
  return opts.packaged && opts.resourcesPath
    ? packagedNativeBindingPath(opts.resourcesPath, opts.electronVersion)
    : devNativeBindingPath(opts.appRoot, opts.electronVersion)
}

function readVersion(packageJson: string): string {
  const parsed: unknown = JSON.parse(fs.readFileSync(packageJson, 'utf8'))
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined
  if (typeof version !== 'string') throw new Error(`${packageJson} has no version`)
  return version
}

/** The installed electron package's version (node_modules/electron/package.json). */
export function installedElectronVersion(appRoot: string): string {
  return readVersion(path.join(appRoot, 'node_modules', 'electron', 'package.json'))
}

interface Stamp {
  electron: string
  betterSqlite3: string
  platform: string
  arch: string
}

function stampMatches(file: string, want: Stamp): boolean {
  try {
    const have = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Stamp>
    return have.electron === want.electron && have.betterSqlite3 === want.betterSqlite3 && have.platform === want.platform && have.arch === want.arch
  } catch {
    return false
  }
}

export class NativeModuleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NativeModuleError'
  }
}

export interface EnsureNativeOptions {
  appRoot: string
  /** default: the installed electron package's version */
  electronVersion?: string
  /** rebuild even if an up-to-date copy exists */
  force?: boolean
  /** give up (and kill the build) after this long; default 10 minutes or DRAFTDESK_NATIVE_TIMEOUT_MS */
  timeoutMs?: number
  log?: (line: string) => void
}

/**
 * Makes sure the Electron-ABI better-sqlite3 binding exists; returns its path. Builds it when
 * missing or stale (another Electron or better-sqlite3 version). Needs Electron's headers (or a
 * prebuilt binary) from the network and a C++ toolchain: offline it fails with a NativeModuleError
 * that says so, after at most timeoutMs.
 */
export async function ensureElectronNativeModule(opts: EnsureNativeOptions): Promise<string> {
  const appRoot = path.resolve(opts.appRoot)
  const log = opts.log ?? ((line: string) => console.log(line))
  const electronVersion = opts.electronVersion ?? installedElectronVersion(appRoot)
  const moduleDir = path.join(appRoot, 'node_modules', 'better-sqlite3')
  const stamp: Stamp = {
    electron: electronVersion,
    betterSqlite3: readVersion(path.join(moduleDir, 'package.json')),
    platform: process.platform,
    arch: process.arch,
  }
  const target = devNativeBindingPath(appRoot, electronVersion)
  const stampFile = path.join(path.dirname(target), STAMP_FILE)
  if (!opts.force && fs.existsSync(target) && stampMatches(stampFile, stamp)) return target

  const envTimeout = Number(process.env.DRAFTDESK_NATIVE_TIMEOUT_MS)
  const timeoutMs = opts.timeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : DEFAULT_NATIVE_TIMEOUT_MS)

  // A throwaway project holding a copy of better-sqlite3 (without its Node build). It sits under
  // .electron-native so that prebuild-install and friends still resolve from the app's node_modules.
  const buildRoot = path.join(appRoot, NATIVE_DIR, `.build-${process.pid}-${Date.now()}`)
  const buildModule = path.join(buildRoot, 'node_modules', 'better-sqlite3')
  // build diagnostics for the developer's terminal, not the writer's UI: plain English
  log(`DraftDesk: building better-sqlite3 for Electron ${electronVersion}…`)
  try {
    fs.mkdirSync(path.dirname(buildModule), { recursive: true })
    fs.writeFileSync(
      path.join(buildRoot, 'package.json'),
      JSON.stringify({ name: 'draftdesk-native-build', private: true, dependencies: { 'better-sqlite3': stamp.betterSqlite3 } }),
    )
    fs.cpSync(moduleDir, buildModule, {
      recursive: true,
      filter: (src) => path.relative(moduleDir, src).split(path.sep)[0] !== 'build',
    })

    const logFile = path.join(appRoot, NATIVE_DIR, `rebuild-${electronVersion}.log`)
    await runRebuild({ appRoot, buildRoot, electronVersion, timeoutMs, logFile })

    const built = path.join(buildModule, 'build', 'Release', NATIVE_FILE)
    if (!fs.existsSync(built)) throw new NativeModuleError(`@electron/rebuild finished but ${built} is missing`)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const temp = `${target}.${process.pid}.tmp`
    fs.copyFileSync(built, temp)
    fs.renameSync(temp, target)
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n')
    log(`DraftDesk: built ${path.relative(appRoot, target)}`)
    return target
  } finally {
    fs.rmSync(buildRoot, { recursive: true, force: true })
  }
}

/**
 * The child process running @electron/rebuild; killed (with its process group) on timeout. It is
 * a file, not `node -e`: @electron/rebuild forks node-gyp with the parent's execArgv.
 */
const REBUILD_SCRIPT = `
const { rebuild } = await import('@electron/rebuild')
const o = JSON.parse(process.env.DRAFTDESK_REBUILD)
await rebuild({ buildPath: o.buildPath, electronVersion: o.electronVersion, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' })
`

function runRebuild(opts: { appRoot: string; buildRoot: string; electronVersion: string; timeoutMs: number; logFile: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    // inside buildRoot, so that '@electron/rebuild' resolves from the app's node_modules
    const script = path.join(opts.buildRoot, 'rebuild.mjs')
    fs.writeFileSync(script, REBUILD_SCRIPT)
    const child = spawn(process.execPath, [script], {
      cwd: opts.appRoot,
      env: { ...process.env, DRAFTDESK_REBUILD: JSON.stringify({ buildPath: opts.buildRoot, electronVersion: opts.electronVersion }) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32', // its own process group, so a timeout also stops node-gyp and the compiler
      windowsHide: true,
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-1_000_000)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)

    let timedOut = false
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, signal)
        else child.kill(signal)
      } catch {
        // already gone
      }
    }
    // the build runs in its own process group, so Ctrl+C on the parent must stop it explicitly
    const onSignal = (signal: NodeJS.Signals) => {
      kill('SIGKILL')
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    const done = () => {
      clearTimeout(timer)
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
    }
    const timer = setTimeout(() => {
      timedOut = true
      kill('SIGTERM')
      setTimeout(() => kill('SIGKILL'), 5000).unref()
    }, opts.timeoutMs)

    const explain = (why: string) => {
      let logNote = ''
      try {
        fs.writeFileSync(opts.logFile, output)
        logNote = ` Full log: ${opts.logFile}`
      } catch {
        // no log then
      }
      const cause = rebuildCause(output)
      return new NativeModuleError(
        `could not build better-sqlite3 for Electron ${opts.electronVersion}: ${why}` +
          (cause ? ` — ${cause}` : '') +
          '. This needs network access (Electron headers or a prebuilt binary) and a C++ toolchain.' +
          logNote,
      )
    }
    child.on('error', (error) => {
      done()
      reject(explain(error.message))
    })
    child.on('close', (code, signal) => {
      done()
      if (timedOut) reject(explain(`timed out after ${(opts.timeoutMs / 1000).toFixed(opts.timeoutMs < 10_000 ? 1 : 0)} s`))
      else if (code === 0) resolve()
      else reject(explain(signal ? `killed by ${signal}` : `exit code ${code}`))
    })
  })
}

/** The most telling line of a failed rebuild's output (network errors first), if any. */
export function rebuildCause(output: string): string | undefined {
  if (/related to network connectivity/.test(output)) return 'node-gyp could not download the Electron headers (no network)'
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  const found =
    lines.find((line) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed|getaddrinfo/i.test(line)) ??
    lines.find((line) => /^gyp ERR! (stack )?Error:/.test(line)) ??
    lines.find((line) => /^gyp ERR!/.test(line)) ??
    lines.find((line) => /^Error:/.test(line))
  return found?.slice(0, 300)
}
