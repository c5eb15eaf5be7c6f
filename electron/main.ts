/**
 * The Electron main process: wiring only. Everything with a decision in it lives in electron/main/
 * as plain functions with tests; the lines here are the ones that need the Electron binary.
 */
import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron'
import { createServices, type Services } from './services/index'
import { resolveDataDir } from './services/dataDir'
import { COMMAND_CHANNEL, type AppCommand } from './main/commands'
import { registerApiHandlers } from './main/ipc'
import { openLibraryInteractive } from './main/library'
import { electronOutputHooks, PRINT_WINDOW_OPTIONS } from './main/print'
import { menuTemplate } from './main/menu'
import { nativeBindingPath } from './main/nativeBinding'
import { denyPermissionCheck, denyPermissionRequest, guardNavigation, isAppUrl, type AppRoot } from './main/navigation'
import { APP_TITLE, CONTENT_SECURITY_POLICY, devContentSecurityPolicy, mainWindowOptions, withContentSecurityPolicy } from './main/windowOptions'
import { loadWindowState, saveWindowState } from './main/windowState'

// The same folder the CLI and the browser shell use by default (defaultUserDataDir in dataDir.ts),
// whatever productName says; set before the single-instance lock, which lives there.
app.setPath('userData', path.join(app.getPath('appData'), 'DraftDesk'))

const devServerUrl = app.isPackaged ? undefined : process.env.DRAFTDESK_DEV_SERVER_URL || undefined
const appRoot: AppRoot = { rendererDir: path.join(__dirname, '..', 'renderer'), devServerUrl }
const preloadPath = path.join(__dirname, 'preload.cjs')
const openExternal = (url: string) => shell.openExternal(url)

let mainWindow: BrowserWindow | null = null
let services: Services | null = null

function sendCommand(command: AppCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow
  target?.webContents.send(COMMAND_CHANNEL, command)
}

function electronNativeBinding(): string | undefined {
  const file = nativeBindingPath({
    appRoot: app.getAppPath(),
    electronVersion: process.versions.electron,
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  })
  if (fs.existsSync(file)) return file
  // a diagnostic for whoever runs the app from a terminal; the writer sees the library state instead
  console.warn(`DraftDesk: no Electron build of better-sqlite3 at ${file}; the library may not open`)
  return undefined
}

function workAreas() {
  const primary = screen.getPrimaryDisplay()
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
}

function createMainWindow(dataDir: string): BrowserWindow {
  const state = loadWindowState(dataDir, workAreas())
  const win = new BrowserWindow(mainWindowOptions(state, preloadPath))
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize()
    win.show()
  })
  win.on('close', () => {
    try {
      saveWindowState(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (error) {
      console.warn(`DraftDesk: could not save the window state: ${String(error)}`)
    }
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(path.join(appRoot.rendererDir, 'index.html'))
  return win
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: '关于稿台',
    message: APP_TITLE,
    detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    buttons: ['确定'],
  }
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
}

async function chooseLibraryFile(): Promise<string | undefined> {
  const options = {
    title: '打开库',
    buttonLabel: '打开',
    filters: [
      { name: '稿台库 (*.sqlite)', extensions: ['sqlite'] },
      { name: '所有文件', extensions: ['*'] },
    ],
    properties: ['openFile' as const],
  }
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
  return result.canceled ? undefined : result.filePaths[0]
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, appRoot, openExternal))

  void app.whenReady().then(() => {
    const dataDir = resolveDataDir({ fallback: app.getPath('userData') })
    const nativeBinding = electronNativeBinding()
    // PDF and printing through Chromium's own printing (hidden window with the print view)
    const output = electronOutputHooks(() => new BrowserWindow(PRINT_WINDOW_OPTIONS))
    const running = createServices({ dataDir, output, ...(nativeBinding ? { nativeBinding } : {}) })
    services = running

    const policy = devServerUrl ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
    })
    session.defaultSession.setPermissionRequestHandler(denyPermissionRequest)
    session.defaultSession.setPermissionCheckHandler(denyPermissionCheck)

    registerApiHandlers(ipcMain, running, (frameUrl) => isAppUrl(frameUrl, appRoot))

    const actions = {
      send: sendCommand,
      showAbout,
      openLibrary: () =>
        void openLibraryInteractive({
          chooseFile: chooseLibraryFile,
          dispatch: (method, input) => running.dispatch(method, input),
          send: sendCommand,
          showError: (title, message) => dialog.showErrorBox(title, message),
        }),
    }
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, process.platform)))

    mainWindow = createMainWindow(dataDir)
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createMainWindow(dataDir)
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => {
    services?.close()
    services = null
  })
}
