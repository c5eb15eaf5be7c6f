/**
 * The Electron main process: wiring only. Everything with a decision in it lives in electron/main/
 * as plain functions with tests; the lines here are the ones that need the Electron binary
 * (tests/unit/electron-main/mainBundle.test.ts runs this bundle against a recording stub of it).
 */
import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MessageBoxOptions } from 'electron'
import { contentSecurityPolicy } from '../shared/csp'
import { createServices, type Services } from './services/index'
import { resolveDataDir } from './services/dataDir'
import { COMMAND_CHANNEL, type AppCommand } from './main/commands'
import { dialogFolder, rememberDialogFolder } from './main/dialogFolders'
import { registerApiHandlers } from './main/ipc'
import { openLibraryInteractive } from './main/library'
import { menuTemplate } from './main/menu'
import { nativeBindingPath } from './main/nativeBinding'
import { guardNavigation, isAppUrl, permissionCheckHandler, permissionRequestHandler, type AppRoot } from './main/navigation'
import { electronOutputHooks, PRINT_WINDOW_OPTIONS, printPreviewWindowOptions } from './main/print'
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolResponse } from './main/protocol'
import { createLog, offerReload, rendererGoneMessage, runStep, showWhenReady, startupFailureMessage, type RecoveryDeps } from './main/startup'
import { APP_TITLE, mainWindowOptions, withContentSecurityPolicy } from './main/windowOptions'

// The same folder the CLI and the browser shell use by default (defaultUserDataDir in dataDir.ts),
// whatever productName says; set before the single-instance lock and the log, which live there.
app.setPath('userData', path.join(app.getPath('appData'), 'DraftDesk'))
const userData = app.getPath('userData')
const log = createLog(userData, undefined, app.isPackaged ? undefined : (line) => console.log(line))

// Privileged schemes can only be registered before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

const devServerUrl = app.isPackaged ? undefined : process.env.DRAFTDESK_DEV_SERVER_URL || undefined
const appRoot: AppRoot = { devServerUrl }
const rendererDir = path.join(__dirname, '..', 'renderer')
const preloadPath = path.join(__dirname, 'preload.cjs')
const openExternal = (url: string) => shell.openExternal(url)

let mainWindow: BrowserWindow | null = null
let services: Services | null = null
let dataDir: string | null = null
let started = false
let quitting = false

/** A start-up that failed: say what and where the log is, then leave (releasing the single-instance lock). */
function failStartup(error: unknown): void {
  log.error('start-up failed', error)
  const { title, content } = startupFailureMessage(error, log.file)
  try {
    dialog.showErrorBox(title, content)
  } catch {
    // no dialog possible (no display): the log has it
  }
  app.exit(1)
}

process.on('uncaughtException', (error) => {
  if (!started || !mainWindow) return failStartup(error)
  log.error('uncaught exception', error)
  // both languages, as start-up's boxes (electron/main/startup.ts): the page's language is not known here
  dialog.showErrorBox('稿台出错 / DraftDesk error', `${error.message}\n\n日志 / log: ${log.file}`)
})
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason))

function sendCommand(command: AppCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow
  target?.webContents.send(COMMAND_CHANNEL, command)
}

function messageBox(options: MessageBoxOptions) {
  return mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)
}

function electronNativeBinding(): string | undefined {
  const file = nativeBindingPath({ appRoot: app.getAppPath(), packaged: app.isPackaged, resourcesPath: process.resourcesPath, platform: process.platform, arch: process.arch })
  if (fs.existsSync(file)) return file
  if (app.isPackaged) throw new Error(`better-sqlite3 for this Electron is missing from the package: ${file}`)
  log.info(`no Electron build of better-sqlite3 at ${file} (npm start builds it); trying node_modules' copy`)
  return undefined
}

function recovery(win: BrowserWindow): RecoveryDeps {
  return {
    showWindow: () => {
      if (!win.isDestroyed()) win.show()
    },
    ask: async (message, detail, buttons) =>
      (await dialog.showMessageBox(win, { type: 'error', title: APP_TITLE, message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true })).response,
    reload: () => {
      if (!win.isDestroyed()) win.webContents.reload()
    },
    quit: () => app.quit(),
    log,
  }
}

function openMainWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath))
  mainWindow = win
  showWhenReady(win, undefined, () => log.info('the page had not painted in time; showing the window anyway'))
  // The page's beforeunload handler refuses to unload while typed text is not yet confirmed by the
  // back end; Electron then keeps the window open without a word, so ask here. preventDefault()
  // tells Electron to ignore the page's refusal and close.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: APP_TITLE,
      message: '还有未保存的内容',
      detail: '刚输入的文字还没有存进文稿库。仍然关闭的话，它们留在本机的暂存里，下次打开时会提示恢复。',
      buttons: ['仍然关闭', '留下'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    if (choice === 0) event.preventDefault()
  })
  win.webContents.on('render-process-gone', (_event, details) => {
    if (quitting || win.isDestroyed()) return
    const { what, detail } = rendererGoneMessage(details)
    void offerReload(recovery(win), what, detail)
  })
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced by another, not a failure
    if (!isMainFrame || code === -3 || quitting) return
    void offerReload(recovery(win), '稿台的页面无法加载 / the page could not be loaded', `${description} (${code})\n${url}`)
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  win.loadURL(devServerUrl ?? APP_INDEX_URL).catch((error: unknown) => log.error('loading the page', error))
  return win
}

function showAbout(): void {
  void messageBox({
    type: 'info',
    title: '关于稿台',
    message: APP_TITLE,
    detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}\n日志 / log: ${log.file}`,
    buttons: ['确定'],
  })
}

async function chooseLibraryFile(): Promise<string | undefined> {
  const options = {
    title: '打开库',
    buttonLabel: '打开',
    defaultPath: dialogFolder(userData, 'library', dataDir ?? userData),
    filters: [
      { name: '稿台库 (*.sqlite)', extensions: ['sqlite'] },
      { name: '所有文件', extensions: ['*'] },
    ],
    properties: ['openFile' as const],
  }
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
  const file = result.canceled ? undefined : result.filePaths[0]
  if (file) rememberDialogFolder(userData, 'library', file)
  return file
}

async function chooseNewLibraryFile(): Promise<string | undefined> {
  const options = {
    title: '新建库',
    buttonLabel: '新建',
    defaultPath: path.join(dialogFolder(userData, 'library', dataDir ?? userData), 'library.sqlite'),
    filters: [{ name: '稿台库 (*.sqlite)', extensions: ['sqlite'] }],
  }
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
  const file = result.canceled ? undefined : result.filePath
  if (file) rememberDialogFolder(userData, 'library', file)
  return file
}

async function start(): Promise<void> {
  log.info(`start: DraftDesk ${app.getVersion()}, Electron ${process.versions.electron}, ${process.platform}-${process.arch}${app.commandLine.hasSwitch('no-sandbox') ? ', WITHOUT the Chromium sandbox (--no-sandbox, development only)' : ''}`)
  if (process.platform === 'win32') app.setAppUserModelId('cn.draftdesk.app')

  const dir = await runStep(log, '数据文件夹 data folder', () => resolveDataDir({ fallback: userData }))
  dataDir = dir
  const nativeBinding = await runStep(log, 'better-sqlite3', electronNativeBinding)
  const output = electronOutputHooks({
    make: (purpose, title) =>
      new BrowserWindow(purpose === 'pdf' ? PRINT_WINDOW_OPTIONS : { ...printPreviewWindowOptions(title), ...(mainWindow && !mainWindow.isDestroyed() ? { parent: mainWindow } : {}) }),
    notify: (message) => {
      log.info(`print: ${message}`)
      void messageBox({ type: 'warning', title: '打印', message, buttons: ['确定'] })
    },
  })
  // the renderer's 打开库/新建库 asks for a file through these dialogs; no path comes from the page
  const library = { chooseFile: (create: boolean) => (create ? chooseNewLibraryFile() : chooseLibraryFile()) }
  const running = await runStep(log, '文稿库 services', () => createServices({ dataDir: dir, output, library, exclusive: true, ...(nativeBinding ? { nativeBinding } : {}) }))
  services = running

  await runStep(log, '会话 session', () => {
    const ses = session.defaultSession
    // only the clipboard, for the app's own page (粘贴 in the right-click menu); nothing else
    ses.setPermissionRequestHandler(permissionRequestHandler(appRoot))
    ses.setPermissionCheckHandler(permissionCheckHandler(appRoot))
    // app:// responses carry the policy themselves; the dev server's need it added
    if (devServerUrl) {
      const policy = contentSecurityPolicy({ devServerUrl })
      ses.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
        callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
      })
    }
    // exports are downloads of the page; their save dialog opens in the last export folder
    ses.on('will-download', (_event, item) => {
      item.setSaveDialogOptions({ title: '保存', defaultPath: path.join(dialogFolder(userData, 'export', app.getPath('documents')), item.getFilename()) })
      item.once('done', (_done, state) => {
        if (state === 'completed') rememberDialogFolder(userData, 'export', item.getSavePath())
      })
    })
  })

  await runStep(log, 'app:// 协议 protocol', () => {
    const policy = contentSecurityPolicy()
    protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request, policy))
  })

  await runStep(log, 'IPC', () => registerApiHandlers(ipcMain, running, (frameUrl) => isAppUrl(frameUrl, appRoot)))

  await runStep(log, '菜单 menu', () => {
    const actions = {
      send: sendCommand,
      showAbout,
      openLibrary: () =>
        void openLibraryInteractive({
          chooseFile: chooseLibraryFile,
          open: (file) => running.library.open(file, false),
          send: sendCommand,
          showError: (title, message) => dialog.showErrorBox(title, message),
        }).catch((error: unknown) => log.error('打开库 open library', error)),
    }
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, process.platform)))
  })

  await runStep(log, '主窗口 main window', openMainWindow)
  started = true
}

/** A window for a second launch or a Dock click; if it cannot be made, the app leaves rather than linger. */
function bringBackWindow(): void {
  if (!started) return // still starting: its window is on the way
  try {
    if (!mainWindow || mainWindow.isDestroyed()) {
      openMainWindow()
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  } catch (error) {
    failStartup(error)
  }
}

if (!app.requestSingleInstanceLock()) {
  log.info('another DraftDesk is running: handing over to it')
  app.quit()
} else {
  app.on('second-instance', bringBackWindow)
  app.on('activate', bringBackWindow)
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, appRoot, openExternal))

  app.whenReady().then(start).catch(failStartup)

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', () => {
    services?.close()
    services = null
  })
}
