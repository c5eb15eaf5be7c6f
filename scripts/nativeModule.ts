/**
 * better-sqlite3 for Electron's ABI, per platform and architecture: fetched as a prebuilt binary
 * (prebuild-install, through @electron/rebuild) or compiled from source, in a temporary copy of the
 * module — never in node_modules, whose Node copy the tests and the CLI load. Each result is
 * checked before anything uses it: the file's own header must name the target's format (ELF,
 * Mach-O, PE) and CPU, its registration symbol must carry Electron's module ABI, and where this
 * machine can run it, Electron (as Node) must load it. Any failure is an error that says what was
 * wanted and what was found; nothing falls back quietly.
 *
 * electron/main/nativeBinding.ts says where the results go and where the app finds them. A build
 * tool, not app code: scripts/build.mjs bundles it to dist/tools/native.cjs, which
 * scripts/start.mjs (this machine's target), scripts/dist.mjs (every target being packaged) and
 * scripts/afterPack.cjs (the packaged copy) use. Never packaged.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { devNativeBindingPath, NATIVE_DIR, NATIVE_FILE, nativeTargetDir } from '../electron/main/nativeBinding'

const STAMP_FILE = 'better_sqlite3.json'
export const DEFAULT_NATIVE_TIMEOUT_MS = 10 * 60_000

export class NativeModuleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NativeModuleError'
  }
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

/**
 * Electron's NODE_MODULE_VERSION, as the installed electron package states it (its abi_version
 * file; 150 for Electron 45). A native module built for any other number will not load.
 */
export function electronModuleAbi(appRoot: string): number {
  const file = path.join(appRoot, 'node_modules', 'electron', 'abi_version')
  const abi = Number(fs.readFileSync(file, 'utf8').trim())
  if (!Number.isInteger(abi) || abi <= 0) throw new NativeModuleError(`${file} does not hold a module ABI number`)
  return abi
}

// ---------------------------------------------------------------------------------------------
// What a .node file is: its format, CPU(s) and module ABI, read from the bytes.

export type BinaryFormat = 'elf' | 'macho' | 'pe' | 'unknown'
export interface BinaryInfo {
  format: BinaryFormat
  /** Node's arch names: x64, arm64, ia32, arm; more than one for a universal (fat) Mach-O */
  arches: string[]
  /** the NODE_MODULE_VERSION in its node_register_module_v<N> symbol, when there is one */
  abi?: number
}

const ELF_MACHINES: Record<number, string> = { 3: 'ia32', 40: 'arm', 62: 'x64', 183: 'arm64', 243: 'riscv64' }
const MACHO_CPUS: Record<number, string> = { 7: 'ia32', 0x01000007: 'x64', 12: 'arm', 0x0100000c: 'arm64' }
const PE_MACHINES: Record<number, string> = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64', 0x1c4: 'arm' }

/** The platform a binary format belongs to. */
export const FORMAT_OF_PLATFORM: Record<string, BinaryFormat> = { linux: 'elf', darwin: 'macho', win32: 'pe' }

export function inspectNativeBinary(bytes: Uint8Array): BinaryInfo {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const abis = new Set([...buf.toString('latin1').matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])))
  const withAbi = (info: Omit<BinaryInfo, 'abi'>): BinaryInfo => (abis.size === 1 ? { ...info, abi: [...abis][0]! } : info)
  const arch = (table: Record<number, string>, value: number) => table[value] ?? `unknown(0x${value.toString(16)})`

  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const little = buf[5] === 1
    const machine = little ? buf.readUInt16LE(18) : buf.readUInt16BE(18)
    return withAbi({ format: 'elf', arches: [arch(ELF_MACHINES, machine)] })
  }
  if (buf.length >= 8 && (buf.readUInt32LE(0) === 0xfeedfacf || buf.readUInt32LE(0) === 0xfeedface)) {
    return withAbi({ format: 'macho', arches: [arch(MACHO_CPUS, buf.readInt32LE(4))] })
  }
  if (buf.length >= 8 && (buf.readUInt32BE(0) === 0xcafebabe || buf.readUInt32BE(0) === 0xcafebabf)) {
    const entrySize = buf.readUInt32BE(0) === 0xcafebabf ? 32 : 20
    const count = buf.readUInt32BE(4)
    // a Java class file starts with the same magic; a fat binary has a handful of slices
    if (count > 0 && count < 16 && buf.length >= 8 + count * entrySize) {
      const arches = Array.from({ length: count }, (_, i) => arch(MACHO_CPUS, buf.readInt32BE(8 + i * entrySize)))
      return withAbi({ format: 'macho', arches })
    }
  }
  if (buf.length >= 0x40 && buf.readUInt16LE(0) === 0x5a4d) {
    const pe = buf.readUInt32LE(0x3c)
    if (pe + 6 <= buf.length && buf.readUInt32BE(pe) === 0x50450000) {
      return withAbi({ format: 'pe', arches: [arch(PE_MACHINES, buf.readUInt16LE(pe + 4))] })
    }
  }
  return withAbi({ format: 'unknown', arches: [] })
}

export interface NativeTarget {
  /** Node's platform name: linux, darwin, win32 */
  platform: string
  /** x64, arm64; 'universal' (macOS only) means both, in one fat file */
  arch: string
}

/** What is wrong with a binary for a target and ABI, or undefined when it fits. */
export function nativeBinaryProblem(info: BinaryInfo, target: NativeTarget, abi: number): string | undefined {
  const format = FORMAT_OF_PLATFORM[target.platform]
  if (!format) return `DraftDesk is not built for ${target.platform}`
  const found = `${info.format}${info.arches.length ? ` ${info.arches.join('+')}` : ''}`
  if (info.format !== format) return `it is ${found === 'unknown' ? 'not a native library' : `a ${found} file`}, not ${format} as ${target.platform} needs`
  const wanted = target.arch === 'universal' ? ['arm64', 'x64'] : [target.arch]
  const missing = wanted.filter((a) => !info.arches.includes(a))
  if (missing.length) return `it is built for ${info.arches.join('+') || 'no known CPU'}, not ${missing.join('+')}`
  if (info.abi === undefined) return 'it has no node_register_module_v<N> symbol, so its module ABI cannot be told'
  if (info.abi !== abi) return `it is built for module ABI ${info.abi}, not Electron's ${abi}`
  return undefined
}

/** Throws a NativeModuleError naming the file, the target and the mismatch, unless the file fits. */
export function verifyNativeBinary(file: string, target: NativeTarget, abi: number): BinaryInfo {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    throw new NativeModuleError(`better-sqlite3 for ${target.platform}-${target.arch} is missing: ${file} (${error instanceof Error ? error.message : String(error)})`)
  }
  const info = inspectNativeBinary(bytes)
  const problem = nativeBinaryProblem(info, target, abi)
  if (problem) throw new NativeModuleError(`${file} is not better-sqlite3 for ${target.platform}-${target.arch} under Electron's ABI ${abi}: ${problem}`)
  return info
}

/**
 * Loads the binding in Electron itself, run as Node (ELECTRON_RUN_AS_NODE), which checks the ABI
 * as the app will. Only meaningful for this machine's own target, with the Electron binary there.
 */
export function loadInElectron(electronBinary: string, file: string, timeoutMs = 60_000): void {
  const result = spawnSync(electronBinary, ['-e', `require(${JSON.stringify(file)})`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: timeoutMs,
    windowsHide: true,
  })
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? (result.stderr || result.stdout || `exit code ${result.status}`).trim().split(/\r?\n/).slice(0, 3).join(' ')
    throw new NativeModuleError(`Electron could not load ${file}: ${why}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Getting one: prebuilt or compiled, per target.

interface Stamp {
  electron: string
  abi: number
  betterSqlite3: string
  platform: string
  arch: string
}

function stampMatches(file: string, want: Stamp): boolean {
  try {
    const have = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Stamp>
    return (Object.keys(want) as (keyof Stamp)[]).every((key) => have[key] === want[key])
  } catch {
    return false
  }
}

export interface EnsureNativeOptions {
  appRoot: string
  /** default: this machine's */
  platform?: string
  /** default: this machine's; one architecture per call (a universal build asks for x64 and arm64) */
  arch?: string
  /** default: the installed electron package's version */
  electronVersion?: string
  /** default: the installed electron package's abi_version */
  abi?: number
  /** rebuild even if an up-to-date copy exists */
  force?: boolean
  /** give up (and kill the build) after this long; default 10 minutes or DRAFTDESK_NATIVE_TIMEOUT_MS */
  timeoutMs?: number
  /** the Electron binary, to load the result in when the target is this machine's */
  electronBinary?: string
  log?: (line: string) => void
}

/**
 * Makes sure the Electron-ABI better-sqlite3 binding for one target exists and fits; returns its
 * path. Fetches or builds it when missing or stale (another Electron, better-sqlite3 or target).
 * Needs the network (a prebuilt binary, or Electron's headers to compile against) and, to compile,
 * a C++ toolchain; another platform's binary can only be fetched, never compiled here. Fails with
 * a NativeModuleError that says which, after at most timeoutMs.
 */
export async function ensureElectronNativeModule(opts: EnsureNativeOptions): Promise<string> {
  const appRoot = path.resolve(opts.appRoot)
  const log = opts.log ?? ((line: string) => console.log(line))
  const target: NativeTarget = { platform: opts.platform ?? process.platform, arch: opts.arch ?? process.arch }
  if (target.arch === 'universal') throw new NativeModuleError('a universal macOS build needs the x64 and arm64 bindings: ask for each')
  const electronVersion = opts.electronVersion ?? installedElectronVersion(appRoot)
  const abi = opts.abi ?? electronModuleAbi(appRoot)
  const moduleDir = path.join(appRoot, 'node_modules', 'better-sqlite3')
  const stamp: Stamp = { electron: electronVersion, abi, betterSqlite3: readVersion(path.join(moduleDir, 'package.json')), ...target }
  const file = devNativeBindingPath(appRoot, target.platform, target.arch)
  const stampFile = path.join(path.dirname(file), STAMP_FILE)
  const isHost = target.platform === process.platform && target.arch === process.arch
  const loadCheck = (candidate: string) => {
    if (isHost && opts.electronBinary && fs.existsSync(opts.electronBinary)) loadInElectron(opts.electronBinary, candidate)
  }

  if (!opts.force && fs.existsSync(file) && stampMatches(stampFile, stamp)) {
    try {
      verifyNativeBinary(file, target, abi)
      loadCheck(file)
      return file
    } catch (error) {
      log(`稿台：${path.relative(appRoot, file)} 不可用，重新获取 / unusable, fetching again: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  const envTimeout = Number(process.env.DRAFTDESK_NATIVE_TIMEOUT_MS)
  const timeoutMs = opts.timeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : DEFAULT_NATIVE_TIMEOUT_MS)
  const label = `${target.platform}-${target.arch}`

  // A throwaway project holding a copy of better-sqlite3 (without its Node build). It sits under
  // .electron-native so that prebuild-install and node-gyp still resolve from the app's node_modules.
  const buildRoot = path.join(appRoot, NATIVE_DIR, `.build-${process.pid}-${Date.now()}`)
  const buildModule = path.join(buildRoot, 'node_modules', 'better-sqlite3')
  log(`稿台：正在获取 Electron ${electronVersion}（ABI ${abi}）${label} 版 better-sqlite3 / fetching or building better-sqlite3 for Electron ${electronVersion} (ABI ${abi}), ${label}…`)
  try {
    fs.mkdirSync(path.dirname(buildModule), { recursive: true })
    fs.writeFileSync(
      path.join(buildRoot, 'package.json'),
      JSON.stringify({ name: 'draftdesk-native-build', private: true, dependencies: { 'better-sqlite3': stamp.betterSqlite3 } }),
    )
    fs.cpSync(moduleDir, buildModule, {
      recursive: true,
      filter: (src) => !['build', 'prebuilds', 'bin'].includes(path.relative(moduleDir, src).split(path.sep)[0]!),
    })

    const logFile = path.join(appRoot, NATIVE_DIR, `rebuild-${electronVersion}-${label}.log`)
    await runRebuild({ appRoot, buildRoot, electronVersion, target, timeoutMs, logFile })

    const built = path.join(buildModule, 'build', 'Release', NATIVE_FILE)
    if (!fs.existsSync(built)) throw new NativeModuleError(`@electron/rebuild finished but ${built} is missing`)
    verifyNativeBinary(built, target, abi)
    loadCheck(built)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    fs.copyFileSync(built, temp)
    fs.renameSync(temp, file)
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n')
    log(`稿台：已生成 / ready: ${path.relative(appRoot, file)}`)
    return file
  } finally {
    fs.rmSync(buildRoot, { recursive: true, force: true })
  }
}

/** Every target's binding (npm run dist), each checked; the first failure stops it. */
export async function ensureNativeTargets(opts: Omit<EnsureNativeOptions, 'platform' | 'arch'> & { targets: NativeTarget[] }): Promise<string[]> {
  const files: string[] = []
  for (const target of opts.targets) files.push(await ensureElectronNativeModule({ ...opts, ...target }))
  return files
}

/**
 * Checks the binding inside a packaged app (afterPack): <resources>/native/better_sqlite3.node
 * must fit the package's platform and arch ('universal': a fat file with both).
 */
export function verifyPackagedNative(resourcesDir: string, target: NativeTarget, abi: number): BinaryInfo {
  return verifyNativeBinary(path.join(resourcesDir, 'native', NATIVE_FILE), target, abi)
}

export { nativeTargetDir }

/**
 * The child process running @electron/rebuild; killed (with its process group) on timeout. It is
 * a file, not `node -e`: @electron/rebuild forks node-gyp with the parent's execArgv. It tries
 * prebuild-install first (a download for exactly this platform, arch and Electron), then node-gyp;
 * compiling for another Linux CPU uses Electron's own clang and sysroot.
 */
const REBUILD_SCRIPT = `
const { rebuild } = await import('@electron/rebuild')
const o = JSON.parse(process.env.DRAFTDESK_REBUILD)
await rebuild({ buildPath: o.buildPath, electronVersion: o.electronVersion, platform: o.platform, arch: o.arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential', useElectronClang: o.useElectronClang })
`

function runRebuild(opts: { appRoot: string; buildRoot: string; electronVersion: string; target: NativeTarget; timeoutMs: number; logFile: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    // inside buildRoot, so that '@electron/rebuild' resolves from the app's node_modules
    const script = path.join(opts.buildRoot, 'rebuild.mjs')
    fs.writeFileSync(script, REBUILD_SCRIPT)
    const useElectronClang = opts.target.platform === 'linux' && process.platform === 'linux' && opts.target.arch !== process.arch
    const child = spawn(process.execPath, [script], {
      cwd: opts.appRoot,
      env: {
        ...process.env,
        DRAFTDESK_REBUILD: JSON.stringify({ buildPath: opts.buildRoot, electronVersion: opts.electronVersion, ...opts.target, useElectronClang }),
      },
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

    const label = `${opts.target.platform}-${opts.target.arch}`
    const explain = (why: string) => {
      let logNote = ''
      try {
        fs.writeFileSync(opts.logFile, output)
        logNote = ` Full log: ${opts.logFile}`
      } catch {
        // no log then
      }
      const cause = rebuildCause(output)
      const crossPlatform = opts.target.platform !== process.platform
      return new NativeModuleError(
        `无法获取 Electron ${opts.electronVersion} ${label} 版 better-sqlite3 / could not build better-sqlite3 for Electron ${opts.electronVersion} (${label}): ${why}` +
          (cause ? ` — ${cause}` : '') +
          (crossPlatform
            ? `. A ${opts.target.platform} binary can only be downloaded here (no prebuilt one was found); build this target on ${opts.target.platform}.`
            : '. This needs network access (a prebuilt binary, or Electron headers to compile against) and, to compile, Python and a C++ toolchain.') +
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
    lines.find((line) => /cross-compiling/i.test(line)) ??
    lines.find((line) => /^gyp ERR! (stack )?Error:/.test(line)) ??
    lines.find((line) => /^gyp ERR!/.test(line)) ??
    lines.find((line) => /^Error:/.test(line))
  return found?.slice(0, 300)
}
