/**
 * Where the window may go: only the app's own page. Everything else is refused; http(s) links are
 * handed to the system browser instead. No new windows, no <webview>, no permissions.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface AppRoot {
  /** Absolute path of the built renderer (dist/renderer); its index.html is the app's page. */
  rendererDir: string
  /** Vite's dev server (development only), e.g. http://localhost:5173 */
  devServerUrl?: string | undefined
}

export type OpenExternal = (url: string) => void | Promise<void>

function samePath(a: string, b: string): boolean {
  const na = path.resolve(a)
  const nb = path.resolve(b)
  return process.platform === 'win32' || process.platform === 'darwin' ? na.toLowerCase() === nb.toLowerCase() : na === nb
}

/**
 * True for the app's own page: file://…/dist/renderer/index.html (any query or #hash), or a page
 * on the dev server's origin. False for everything else, other files in and out of dist/renderer
 * included.
 */
export function isAppUrl(url: string, appRoot: AppRoot): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') {
    if (parsed.host !== '' && parsed.host !== 'localhost') return false
    let file: string
    try {
      file = fileURLToPath(parsed)
    } catch {
      return false
    }
    return samePath(file, path.join(appRoot.rendererDir, 'index.html'))
  }
  if (appRoot.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    try {
      return parsed.origin === new URL(appRoot.devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

export interface PreventableEvent {
  preventDefault(): void
}

/** For 'will-navigate' and 'will-redirect': stays on the app; opens web links externally. */
export function navigationHandler(appRoot: AppRoot, openExternal: OpenExternal) {
  return (event: PreventableEvent, url: string): void => {
    if (isAppUrl(url, appRoot)) return
    event.preventDefault()
    if (isExternalLink(url)) void Promise.resolve(openExternal(url)).catch(() => undefined)
  }
}

/** For webContents.setWindowOpenHandler: never a new window; web links go to the system browser. */
export function windowOpenHandler(openExternal: OpenExternal) {
  return (details: { url: string }): { action: 'deny' } => {
    if (isExternalLink(details.url)) void Promise.resolve(openExternal(details.url)).catch(() => undefined)
    return { action: 'deny' }
  }
}

/** For session.setPermissionRequestHandler: every request (camera, notifications, …) is refused. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false)
}

/** For session.setPermissionCheckHandler. */
export function denyPermissionCheck(): boolean {
  return false
}

/** The parts of WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** Installs all navigation guards on one webContents (main.ts: on 'web-contents-created'). */
export function guardNavigation(contents: GuardedContents, appRoot: AppRoot, openExternal: OpenExternal): void {
  const onNavigate = navigationHandler(appRoot, openExternal)
  contents.on('will-navigate', onNavigate)
  contents.on('will-redirect', onNavigate)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(windowOpenHandler(openExternal))
}
