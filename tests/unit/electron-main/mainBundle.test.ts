/**
 * The main-process bundle as scripts/build.mjs builds it, loaded under Node with `electron` mapped
 * to a stub that records every call (the Electron binary cannot run here). Everything else is
 * real: the services open a real 文稿库 in a temp folder, IPC calls go through to them.
 */
import fs from 'node:fs'
import Module, { builtinModules, createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import * as esbuild from 'esbuild'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { API_METHODS, ipcChannel, type ApiResponse } from '../../../shared/api'
// @ts-expect-error -- a plain .mjs script without type declarations
import { nodeBundleOptions } from '../../../scripts/build.mjs'

type Listener = (...args: unknown[]) => unknown

class Emitter {
  listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener)
  }
  emit(event: string, ...args: unknown[]) {
    return (this.listeners.get(event) ?? []).map((l) => l(...args))
  }
  events() {
    return [...this.listeners.keys()].sort()
  }
}

interface StubOptions {
  lock?: boolean
  failAt?: string
  messageBoxResponse?: number
}

function stubElectron(appData: string, options: StubOptions = {}) {
  const calls: { api: string; args: unknown[] }[] = []
  const record =
    (api: string, result?: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      calls.push({ api, args })
      if (options.failAt === api) throw new Error(`${api} failed in the stub`)
      return result?.(...args)
    }
  let ready!: () => void
  const readyPromise = new Promise<void>((resolve) => (ready = resolve))
  const paths: Record<string, string> = { appData, documents: path.join(appData, 'Documents'), userData: path.join(appData, 'Electron') }

  class WebContents extends Emitter {
    send = record('webContents.send')
    reload = record('webContents.reload')
    setWindowOpenHandler = record('webContents.setWindowOpenHandler')
  }
  class BrowserWindow extends Emitter {
    static windows: BrowserWindow[] = []
    static getFocusedWindow = () => null
    webContents = new WebContents()
    shown = 0
    loaded: string | undefined
    constructor(readonly options: Record<string, unknown>) {
      super()
      calls.push({ api: 'new BrowserWindow', args: [options] })
      if (options.failAt === 'new BrowserWindow') throw new Error('no window')
      BrowserWindow.windows.push(this)
    }
    loadURL(url: string) {
      this.loaded = url
      return Promise.resolve()
    }
    show() {
      this.shown++
    }
    isVisible() {
      return this.shown > 0
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    focus() {}
    restore() {}
  }
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const ipcHandlers = new Map<string, Listener>()
  const session = Object.assign(new Emitter(), {
    setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
    webRequest: { onHeadersReceived: record('session.webRequest.onHeadersReceived') },
  })
  const electron = {
    app: Object.assign(new Emitter(), {
      isPackaged: false,
      commandLine: { hasSwitch: () => false },
      setPath: record('app.setPath', (name, value) => (paths[name as string] = value as string)),
      getPath: (name: string) => paths[name] ?? path.join(appData, name),
      getAppPath: () => path.resolve('.'),
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: record('app.requestSingleInstanceLock', () => options.lock ?? true),
      whenReady: () => readyPromise,
      quit: record('app.quit'),
      exit: record('app.exit'),
      setAppUserModelId: record('app.setAppUserModelId'),
    }),
    BrowserWindow,
    dialog: {
      showErrorBox: record('dialog.showErrorBox'),
      showMessageBox: record('dialog.showMessageBox', async () => ({ response: options.messageBoxResponse ?? 0 })),
      showOpenDialog: record('dialog.showOpenDialog', async () => ({ canceled: true, filePaths: [] })),
    },
    ipcMain: { handle: record('ipcMain.handle', (channel, handler) => ipcHandlers.set(channel as string, handler as Listener)) },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: record('Menu.setApplicationMenu'),
    },
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: record('protocol.handle', (scheme, handler) => protocolHandlers.set(scheme as string, handler as (r: Request) => Promise<Response>)),
    },
    session: { defaultSession: session },
    shell: { openExternal: record('shell.openExternal') },
  }
  const called = (api: string) => calls.filter((c) => c.api === api)
  return { electron, calls, called, ready, BrowserWindow, protocolHandlers, ipcHandlers, session }
}

let buildDir: string
let bundle: string
const made: string[] = []
const savedEnv = { ...process.env }

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-main-bundle-'))
  bundle = path.join(buildDir, 'electron', 'main.cjs')
  await esbuild.build({ ...nodeBundleOptions, entryPoints: ['electron/main.ts'], outfile: bundle, sourcemap: false, logLevel: 'silent' })
  fs.mkdirSync(path.join(buildDir, 'renderer'))
  fs.writeFileSync(path.join(buildDir, 'renderer', 'index.html'), '<!doctype html><title>稿台</title>')
}, 60_000)
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }))
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  process.env = { ...savedEnv }
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const fromApp = createRequire(path.resolve('package.json'))
type Loader = (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown

/** Loads a fresh copy of the bundle with `electron` mapped to the stub; returns what it required. */
async function load(options: StubOptions = {}, env: Record<string, string> = {}) {
  const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-appdata-'))
  made.push(appData)
  Object.assign(process.env, env)
  const stub = stubElectron(appData, options)
  vi.spyOn(console, 'log').mockImplementation(() => undefined) // the log's echo in development
  const required = new Set<string>()
  const moduleWithLoad = Module as unknown as { _load: Loader }
  const original = moduleWithLoad._load
  const before = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') }
  moduleWithLoad._load = function (request, parent, isMain) {
    if (parent?.filename === bundle) required.add(request)
    if (request === 'electron') return stub.electron
    // the bundle sits in a temp folder: its external packages come from the app's node_modules
    if (parent?.filename === bundle && !request.startsWith('node:') && !builtinModules.includes(request)) {
      return original.call(this, fromApp.resolve(request), parent, isMain)
    }
    return original.call(this, request, parent, isMain)
  }
  try {
    const require = createRequire(import.meta.url)
    delete require.cache[bundle]
    require(bundle)
  } finally {
    moduleWithLoad._load = original
  }
  // the bundle's process-wide handlers must not outlive the test
  const added = {
    uncaught: process.listeners('uncaughtException').filter((l) => !before.uncaught.includes(l)),
    rejection: process.listeners('unhandledRejection').filter((l) => !before.rejection.includes(l)),
  }
  const cleanup = () => {
    for (const l of added.uncaught) process.removeListener('uncaughtException', l)
    for (const l of added.rejection) process.removeListener('unhandledRejection', l)
  }
  const startUp = async () => {
    stub.ready()
    await vi.waitFor(() => expect(stub.called('app.exit').length + stub.BrowserWindow.windows.length).toBeGreaterThan(0), { timeout: 10_000 })
  }
  return { ...stub, appData, required, cleanup, startUp }
}

describe('the main-process bundle against a recording electron stub', () => {
  it('requires only electron, better-sqlite3 and playwright-core besides Node’s own modules', async () => {
    const main = await load()
    main.cleanup()
    const foreign = [...main.required].filter((r) => !r.startsWith('node:') && !builtinModules.includes(r))
    expect(foreign).toContain('electron')
    expect(foreign.filter((r) => !['electron', 'better-sqlite3', 'playwright-core'].includes(r))).toEqual([])
  })

  it('registers the app:// scheme before ready and uses the DraftDesk user-data folder', async () => {
    const main = await load()
    main.cleanup()
    expect(main.called('protocol.registerSchemesAsPrivileged')[0]!.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ])
    expect(main.called('app.setPath')[0]!.args).toEqual(['userData', path.join(main.appData, 'DraftDesk')])
    expect(main.called('app.requestSingleInstanceLock')).toHaveLength(1)
    expect(main.BrowserWindow.windows).toHaveLength(0)
  })

  it('wires every API method, the protocol, the session, the menu and the window once ready', async () => {
    const main = await load()
    try {
      await main.startUp()
      expect(main.called('app.exit')).toEqual([])

      // one ipcMain.handle per method of the API contract, and they reach the real services
      expect([...main.ipcHandlers.keys()].sort()).toEqual(API_METHODS.map((m) => ipcChannel(m)).sort())
      const list = main.ipcHandlers.get(ipcChannel('documents.list'))!
      const own = (await list({ senderFrame: { url: 'app://draftdesk/index.html#/' } }, {})) as ApiResponse
      expect(own).toEqual({ ok: true, result: [] })
      const foreign = (await list({ senderFrame: { url: 'file:///etc/passwd' } }, {})) as ApiResponse
      expect(foreign).toMatchObject({ ok: false, error: { code: 'request.foreignFrame' } })
      expect(fs.existsSync(path.join(main.appData, 'DraftDesk', 'library.sqlite'))).toBe(true)

      // app:// serves the renderer with the policy, and refuses a way out
      const serve = main.protocolHandlers.get('app')!
      const page = await serve(new Request('app://draftdesk/index.html'))
      expect(page.status).toBe(200)
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self';")
      expect((await serve(new Request('app://draftdesk/..%2f..%2felectron%2fmain.cjs'))).status).toBe(403)

      // session: permissions refused but the clipboard for the app, exports' save dialog placed, no header rewriting without a dev server
      expect(main.called('session.setPermissionRequestHandler')).toHaveLength(1)
      expect(main.called('session.setPermissionCheckHandler')).toHaveLength(1)
      // the clipboard for app:// (粘贴 in the right-click menu reads it), refused to other origins; nothing else
      type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string; isMainFrame: boolean }) => void
      const onRequest = main.called('session.setPermissionRequestHandler')[0]!.args[0] as RequestHandler
      const granted = (permission: string, requestingUrl: string) => {
        let answer: boolean | undefined
        onRequest({}, permission, (g) => (answer = g), { requestingUrl, isMainFrame: true })
        return answer
      }
      expect(granted('clipboard-read', 'app://draftdesk/index.html')).toBe(true)
      expect(granted('clipboard-read', 'https://example.com/')).toBe(false)
      expect(granted('clipboard-read', 'file:///index.html')).toBe(false)
      expect(granted('media', 'app://draftdesk/index.html')).toBe(false)
      expect(granted('notifications', 'app://draftdesk/index.html')).toBe(false)
      const onCheck = main.called('session.setPermissionCheckHandler')[0]!.args[0] as (wc: unknown, permission: string, origin: string, details: object) => boolean
      expect(onCheck(null, 'clipboard-read', 'app://draftdesk', {})).toBe(true)
      expect(onCheck(null, 'clipboard-read', 'https://example.com', {})).toBe(false)
      expect(onCheck(null, 'geolocation', 'app://draftdesk', {})).toBe(false)
      expect(main.called('session.webRequest.onHeadersReceived')).toEqual([])
      expect(main.session.events()).toEqual(['will-download'])

      expect(main.called('Menu.setApplicationMenu')).toHaveLength(1)
      const template = (main.called('Menu.setApplicationMenu')[0]!.args[0] as { template: { label: string }[] }).template
      expect(template.map((m) => m.label)).toContain('编辑')

      // the window: sandboxed, persisted by name, loading app://, guarded, watched for crashes
      const [win] = main.BrowserWindow.windows
      expect(win!.options).toMatchObject({ name: 'main', windowStatePersistence: { bounds: true, displayMode: true }, show: false })
      expect((win!.options.webPreferences as Record<string, unknown>).preload).toBe(path.join(path.dirname(bundle), 'preload.cjs'))
      expect(win!.loaded).toBe('app://draftdesk/index.html')
      expect(win!.webContents.events()).toEqual(['did-fail-load', 'render-process-gone', 'will-prevent-unload'])
      expect(win!.events()).toEqual(['closed', 'ready-to-show'])
      win!.emit('ready-to-show')
      expect(win!.shown).toBe(1)

      const contents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() })
      main.electron.app.emit('web-contents-created', {}, contents)
      expect(contents.events()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'])

      // a renderer crash: the window is shown and 重新加载 offered; choosing it reloads
      win!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
      await vi.waitFor(() => expect(main.called('webContents.reload')).toHaveLength(1))
      const box = main.called('dialog.showMessageBox').at(-1)!.args[1] as { buttons: string[] }
      expect(box.buttons).toEqual(['重新加载', '退出稿台'])

      // and the log says how far it got
      const logText = fs.readFileSync(path.join(main.appData, 'DraftDesk', 'logs', 'main.log'), 'utf8')
      expect(logText).toContain('start: 主窗口 main window')
      expect(logText).toContain('reason: crashed')
    } finally {
      main.electron.app.emit('will-quit')
      main.cleanup()
    }
  })

  it('shows the window after a time limit when the page never paints', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const main = await load()
    try {
      main.ready()
      await vi.waitFor(() => expect(main.BrowserWindow.windows).toHaveLength(1), { timeout: 10_000, interval: 5 })
      const [win] = main.BrowserWindow.windows
      expect(win!.shown).toBe(0)
      vi.advanceTimersByTime(8_000)
      expect(win!.shown).toBe(1)
    } finally {
      main.electron.app.emit('will-quit')
      main.cleanup()
    }
  })

  it('reports a failed start-up step with the log path, then exits instead of lingering', async () => {
    const main = await load({ failAt: 'protocol.handle' })
    try {
      await main.startUp()
      const [box] = main.called('dialog.showErrorBox')
      expect(box!.args[0]).toMatch(/稿台无法启动/)
      expect(box!.args[1]).toMatch(/app:\/\/ 协议 protocol[\s\S]*protocol\.handle failed in the stub[\s\S]*logs.main\.log/)
      expect(main.called('app.exit')[0]!.args).toEqual([1])
      expect(main.BrowserWindow.windows).toHaveLength(0)
      expect(fs.readFileSync(path.join(main.appData, 'DraftDesk', 'logs', 'main.log'), 'utf8')).toContain('start-up failed')
    } finally {
      main.electron.app.emit('will-quit')
      main.cleanup()
    }
  })

  it('hands over to the running instance without starting when the lock is taken', async () => {
    const main = await load({ lock: false })
    main.cleanup()
    expect(main.called('app.quit')).toHaveLength(1)
    expect(main.electron.app.events()).toEqual([])
  })

  it('loads the dev server with the relaxed policy only in dev-server mode', async () => {
    const main = await load({}, { DRAFTDESK_DEV_SERVER_URL: 'http://localhost:5173' })
    try {
      await main.startUp()
      expect(main.BrowserWindow.windows[0]!.loaded).toBe('http://localhost:5173')
      const [call] = main.called('session.webRequest.onHeadersReceived')
      expect(call!.args[0]).toEqual({ urls: ['http://localhost:5173/*'] })
      const rewrite = call!.args[1] as (details: { responseHeaders: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void
      let headers: Record<string, string[]> = {}
      rewrite({ responseHeaders: { 'content-security-policy': ['x'] } }, (r) => (headers = r.responseHeaders))
      expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self' 'unsafe-inline'")
      expect(headers['Content-Security-Policy']![0]).toContain('ws://localhost:5173')
    } finally {
      main.electron.app.emit('will-quit')
      main.cleanup()
    }
  })
})
