#!/usr/bin/env node
// `npm start [-- args]`: builds, then runs the desktop app in Electron. Since Electron 42 the
// electron package has no install step of its own: its binary comes from its installer
// (node_modules/electron/install.js), which this script runs, with a time limit, when the binary is
// missing. Only where Electron cannot run at all — Node older than Electron 45 needs, no display,
// the download failing (offline), no Electron build of better-sqlite3 to be had — does it start the
// browser shell instead, saying why in one line. Arguments (--data-dir DIR, …) are passed through to
// either. `--browser` asks for the browser shell directly.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build, nativeTools, root } from './build.mjs'

/** Electron 45, its installer (@electron/get) and @electron/rebuild declare Node >= 22.12. */
export const MIN_NODE_FOR_ELECTRON = '22.12.0'
export const DEFAULT_INSTALL_TIMEOUT_MS = 5 * 60_000

export function nodeSupportsElectron(version = process.versions.node) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number)
  const [needMajor, needMinor] = MIN_NODE_FOR_ELECTRON.split('.').map(Number)
  return major > needMajor || (major === needMajor && minor >= needMinor)
}

/**
 * The Electron binary, without `require('electron')`: that call runs the installer itself, with no
 * time limit. Same lookup as node_modules/electron/index.js otherwise.
 */
export function electronBinary(appRoot = root, env = process.env) {
  const pkg = path.join(appRoot, 'node_modules', 'electron')
  const pathFile = path.join(pkg, 'path.txt')
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : ''
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
  return executable ? path.join(pkg, 'dist', executable) : undefined
}

export function hasElectronBinary(appRoot = root, env = process.env) {
  const binary = electronBinary(appRoot, env)
  return Boolean(binary && fs.existsSync(binary))
}

export const fallbackLine = (zh, en) => `稿台：${zh}，改为启动浏览器版 / Electron unavailable (${en}); starting the browser shell instead`

/** The most telling line of a failed download. */
export function installFailureReason(output) {
  const lines = String(output).split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  const network = lines.find((line) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|socket hang up|proxy/i.test(line))
  if (network) return `offline? ${network.slice(0, 200)}`
  const error = lines.find((line) => /error/i.test(line)) ?? lines.at(-1)
  return error ? error.slice(0, 200) : 'the installer failed without saying why'
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js: downloads the binary for this
 * platform, checks it against the package's checksums, unpacks it) and kills it after timeoutMs.
 * It honours ELECTRON_MIRROR (e.g. https://npmmirror.com/mirrors/electron/) and the npm proxy
 * settings. Resolves { ok: true } or { ok: false, reason }.
 */
export function runElectronInstaller({ appRoot = root, env = process.env, timeoutMs, log = (line) => console.log(line) } = {}) {
  const fromEnv = Number(env.DRAFTDESK_ELECTRON_INSTALL_TIMEOUT_MS)
  const limit = timeoutMs ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_INSTALL_TIMEOUT_MS)
  const installer = path.join(appRoot, 'node_modules', 'electron', 'install.js')
  if (!fs.existsSync(installer)) return Promise.resolve({ ok: false, reason: 'node_modules/electron/install.js is missing (run npm install)' })
  log(`稿台：正在下载 Electron（最多等待 ${Math.round(limit / 1000)} 秒）/ downloading Electron (up to ${Math.round(limit / 1000)} s)…`)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: path.dirname(installer), env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    let output = ''
    const collect = (chunk) => {
      output = (output + chunk.toString('utf8')).slice(-100_000)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, limit)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ ok: false, reason: error.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (timedOut) resolve({ ok: false, reason: `the download took longer than ${Math.round(limit / 1000)} s (slow or no network?)` })
      else if (code === 0) resolve({ ok: true })
      else resolve({ ok: false, reason: installFailureReason(output) })
    })
  })
}

/** Whether unprivileged user namespaces work here (then Chromium's namespace sandbox needs no SUID helper). */
export function userNamespacesWork() {
  const probe = spawnSync('unshare', ['-Ur', 'true'], { stdio: 'ignore', timeout: 5000 })
  if (!probe.error) return probe.status === 0
  // no unshare: read the kernel's switches instead
  const read = (file) => {
    try {
      return fs.readFileSync(file, 'utf8').trim()
    } catch {
      return undefined
    }
  }
  return read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') !== '1' && read('/proc/sys/kernel/unprivileged_userns_clone') !== '0' && read('/proc/sys/user/max_user_namespaces') !== '0'
}

/**
 * Linux only: can Chromium's sandbox start? It uses user namespaces where the kernel allows them;
 * where it does not (Ubuntu 23.10+ restricts them with AppArmor) it needs the SUID helper
 * chrome-sandbox next to the binary, owned by root with mode 4755 — which an npm install never
 * makes it, so Electron aborts ("The SUID sandbox helper binary was found, but is not configured
 * correctly"). Returns undefined when the sandbox can start, else the lines that say how to fix it.
 */
export function linuxSandboxProblem(binary, { platform = process.platform, stat = (file) => fs.statSync(file), namespaces = userNamespacesWork } = {}) {
  if (platform !== 'linux') return undefined
  const helper = path.join(path.dirname(binary), 'chrome-sandbox')
  let info
  try {
    info = stat(helper)
  } catch {
    return undefined
  }
  if (info.uid === 0 && (info.mode & 0o4755) === 0o4755) return undefined
  if (namespaces()) return undefined
  return [
    `稿台：Chromium 沙箱无法启动（${path.relative(root, helper)} 需属 root、权限 4755，且本机不允许非特权用户命名空间）/ the Chromium sandbox cannot start here.`,
    `  修复 / to fix:  sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}'`,
    `  或 / or allow user namespaces for this Electron with an AppArmor profile (README.md › Troubleshooting).`,
    `稿台：本次以 --no-sandbox 启动，仅供开发，切勿如此分发 / starting with --no-sandbox: DEVELOPMENT ONLY, never ship this.`,
  ]
}

/**
 * Decides how `npm start` runs: { kind: 'electron', binary, args, notes } or { kind: 'browser', line }.
 * Every step that needs the outside world comes in deps, so tests can stand in for it.
 */
export async function planStart({ args = [], appRoot = root, env = process.env, platform = process.platform, nodeVersion = process.versions.node } = {}, deps = {}) {
  const installElectron = deps.installElectron ?? (() => runElectronInstaller({ appRoot, env }))
  const ensureNative = deps.ensureNative ?? ((binary) => nativeTools().ensureElectronNativeModule({ appRoot, electronBinary: binary }))
  const sandboxProblem = deps.sandboxProblem ?? ((binary) => linuxSandboxProblem(binary, { platform }))
  const wantBrowser = args.includes('--browser')
  const passThrough = args.filter((a) => a !== '--browser')
  const browser = (line) => ({ kind: 'browser', line, args: passThrough })

  if (wantBrowser) return browser('稿台：启动浏览器版 / starting the browser shell (--browser)')
  if (!nodeSupportsElectron(nodeVersion)) {
    return browser(fallbackLine(`Node ${nodeVersion} 过旧，Electron 45 需要 Node ${MIN_NODE_FOR_ELECTRON} 或更高`, `Node ${nodeVersion} is older than the ${MIN_NODE_FOR_ELECTRON} Electron 45 needs`))
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return browser(fallbackLine('没有显示器', 'no display: DISPLAY and WAYLAND_DISPLAY are unset'))

  if (!hasElectronBinary(appRoot, env)) {
    const installed = await installElectron()
    if (!installed.ok) return browser(fallbackLine('无法下载 Electron（离线？）', `its download failed: ${installed.reason}`))
    if (!hasElectronBinary(appRoot, env)) return browser(fallbackLine('Electron 安装后仍未找到程序', 'the installer finished but no binary is there'))
  }
  const binary = electronBinary(appRoot, env)

  try {
    await ensureNative(binary)
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    return browser(fallbackLine('无法为 Electron 准备 better-sqlite3', message))
  }

  const notes = sandboxProblem(binary) ?? []
  return { kind: 'electron', binary, args: [appRoot, ...(notes.length ? ['--no-sandbox'] : []), ...passThrough], notes }
}

function run(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: 'inherit', env, cwd: root })
  const forward = (signal) => () => child.kill(signal)
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  child.on('error', (error) => {
    console.error(`稿台：无法启动 / could not start ${command}: ${error.message}`)
    process.exit(1)
  })
}

function startBrowserShell(args, line) {
  console.log(line)
  const serve = path.join(root, 'dist', 'electron', 'serve.cjs')
  if (!fs.existsSync(serve)) {
    console.error('稿台：浏览器版尚未构建 / dist/electron/serve.cjs is missing')
    process.exit(1)
  }
  run(process.execPath, [serve, ...args])
}

async function main() {
  await build()
  const plan = await planStart({ args: process.argv.slice(2) })
  if (plan.kind === 'browser') return startBrowserShell(plan.args, plan.line)
  for (const note of plan.notes) console.warn(note)
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  run(plan.binary, plan.args, env)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'start.mjs')) {
  main().catch((error) => {
    console.error(`稿台：启动失败 / start failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
