/**
 * Where the window may go: only the app's own page. Everything else is refused; http(s) links are
 * handed to the system browser instead. No new windows, no <webview>, no permissions but reading
 * the clipboard for the app's own page.
 */
import { APP_HOST, APP_SCHEME } from './protocol'

export interface AppRoot {
  /** Vite's dev server (development only), e.g. http://localhost:5173 */
  devServerUrl?: string | undefined
}

export type OpenExternal = (url: string) => void | Promise<void>

/**
 * True for the app's own page: app://draftdesk/index.html (or app://draftdesk/, with any query or
 * #hash), or a page on the dev server's origin when one is configured. False for everything else:
 * the app's other files, file://, data:, other hosts.
 */
export function isAppUrl(url: string, appRoot: AppRoot): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host.toLowerCase() === APP_HOST && !parsed.username && !parsed.password && !parsed.port && (parsed.pathname === '/' || parsed.pathname === '/index.html')
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

function openSafely(openExternal: OpenExternal, url: string): void {
  try {
    void Promise.resolve(openExternal(url)).catch(() => undefined)
  } catch {
    // no browser to hand the link to: the navigation is refused all the same
  }
}

/** For 'will-navigate' and 'will-redirect': stays on the app; opens web links externally. */
export function navigationHandler(appRoot: AppRoot, openExternal: OpenExternal) {
  return (event: PreventableEvent, url: string): void => {
    if (isAppUrl(url, appRoot)) return
    event.preventDefault()
    if (isExternalLink(url)) openSafely(openExternal, url)
  }
}

/** For webContents.setWindowOpenHandler: never a new window; web links go to the system browser. */
export function windowOpenHandler(openExternal: OpenExternal) {
  return (details: { url: string }): { action: 'deny' } => {
    if (isExternalLink(details.url)) openSafely(openExternal, details.url)
    return { action: 'deny' }
  }
}

/**
 * The one permission the app's own page is given: reading the clipboard, for 粘贴 in the editor's
 * right-click menu (navigator.clipboard.read). Ctrl+V and the menu bar's 粘贴 (a native paste) need
 * none. Every other permission (camera, notifications, …), and the clipboard for any other origin
 * or frame, is refused.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-read'])

/** True for the app's own origin: app://draftdesk, or the dev server's origin when one is configured. */
export function isAppOrigin(origin: string, appRoot: AppRoot): boolean {
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host.toLowerCase() === APP_HOST && !parsed.username && !parsed.password && !parsed.port
  if (appRoot.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    try {
      return parsed.origin === new URL(appRoot.devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/** What a permission request tells about who asks (Electron's PermissionRequest, in part). */
export interface PermissionRequestDetails {
  requestingUrl?: string
  isMainFrame?: boolean
}

/**
 * For session.setPermissionRequestHandler: `clipboard-read` for the app's own page in the main
 * frame; every other request refused.
 */
export function permissionRequestHandler(appRoot: AppRoot) {
  return (_webContents: unknown, permission: string, callback: (granted: boolean) => void, details?: PermissionRequestDetails): void => {
    const url = details?.requestingUrl
    callback(APP_PERMISSIONS.has(permission) && details?.isMainFrame !== false && !!url && isAppUrl(url, appRoot))
  }
}

/** For session.setPermissionCheckHandler: the same answer, asked by origin. */
export function permissionCheckHandler(appRoot: AppRoot) {
  return (_webContents: unknown, permission: string, requestingOrigin: string): boolean => APP_PERMISSIONS.has(permission) && isAppOrigin(requestingOrigin, appRoot)
}

/**
 * A subframe may also show a document the page wrote itself: the print preview fills its frames
 * with `srcdoc` (about:srcdoc), a fresh frame starts as about:blank. Both stay in the app's origin
 * and under its policy; they are never allowed for the main frame.
 */
export function isOwnSubframeUrl(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank'
}

/** 'will-frame-navigate' passes one details object that is also the event. */
export interface FrameNavigationEvent extends PreventableEvent {
  url: string
  isMainFrame: boolean
}

/** The parts of WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-frame-navigate', listener: (details: FrameNavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Installs all navigation guards on one webContents (main.ts: on 'web-contents-created').
 * 'will-navigate' covers only the main frame; 'will-frame-navigate' also fires for subframes and
 * is guarded the same way, but for the documents the page writes into its own frames (the print
 * preview's srcdoc).
 * A main-frame link raises both events, so a web link is handed to the browser once: the second
 * event for the same URL within a second only refuses the navigation.
 */
export function guardNavigation(contents: GuardedContents, appRoot: AppRoot, openExternal: OpenExternal, now: () => number = Date.now): void {
  let last: { url: string; at: number } | null = null
  const openOnce: OpenExternal = (url) => {
    const at = now()
    if (last && last.url === url && at - last.at < 1000) return
    last = { url, at }
    return openExternal(url)
  }
  const onNavigate = navigationHandler(appRoot, openOnce)
  contents.on('will-navigate', onNavigate)
  contents.on('will-redirect', onNavigate)
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && isOwnSubframeUrl(details.url)) return
    onNavigate(details, details.url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(windowOpenHandler(openOnce))
}
