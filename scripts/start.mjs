#!/usr/bin/env node
// `npm start [-- args]`: builds, then runs the desktop app in Electron, or, where Electron cannot
// run (no binary in this offline install, no display, no Electron build of better-sqlite3), the
// browser shell, which prints its URL with the session token. Arguments (--data-dir DIR, …) are
// passed through to either. `--browser` asks for the browser shell directly.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build, nativeTools, root } from './build.mjs'

/**
 * The Electron binary, without `require('electron')`: that call tries to download a missing binary
 * (and hangs or throws offline). Same lookup as node_modules/electron/index.js otherwise.
 */
export function electronBinary(appRoot = root, env = process.env) {
  const pkg = path.join(appRoot, 'node_modules', 'electron')
  const pathFile = path.join(pkg, 'path.txt')
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : ''
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
  return executable ? path.join(pkg, 'dist', executable) : undefined
}

/** Why Electron cannot run here, or undefined when it can. */
export function electronUnavailableReason(appRoot = root, env = process.env, platform = process.platform) {
  const binary = electronBinary(appRoot, env)
  if (!binary) return 'no Electron binary in node_modules/electron, its download never ran'
  if (!fs.existsSync(binary)) return `no Electron binary at ${path.relative(appRoot, binary)}`
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no display (DISPLAY and WAYLAND_DISPLAY are unset)'
  return undefined
}

export const fallbackLine = (zh, en) => `稿台：${zh}，改为启动浏览器版 / Electron unavailable (${en}); starting the browser shell instead`

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
    console.error('稿台：浏览器版尚未构建 / dist/electron/serve.cjs is missing (electron/server/serve.ts not written yet?)')
    process.exit(1)
  }
  run(process.execPath, [serve, ...args])
}

async function main() {
  const args = process.argv.slice(2)
  const wantBrowser = args.includes('--browser')
  const passThrough = args.filter((a) => a !== '--browser')

  await build()

  if (wantBrowser) return startBrowserShell(passThrough, '稿台：启动浏览器版 / starting the browser shell (--browser)')
  const unavailable = electronUnavailableReason()
  if (unavailable) {
    const zh = unavailable.startsWith('no display') ? '没有显示器' : '未找到 Electron 程序（离线安装）'
    return startBrowserShell(passThrough, fallbackLine(zh, unavailable))
  }

  try {
    await nativeTools().ensureElectronNativeModule({ appRoot: root })
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    return startBrowserShell(passThrough, fallbackLine('无法为 Electron 编译 better-sqlite3', 'no Electron build of better-sqlite3, see above'))
  }

  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  run(electronBinary(), [root, ...passThrough], env)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'start.mjs')) {
  main().catch((error) => {
    console.error(`稿台：启动失败 / start failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
