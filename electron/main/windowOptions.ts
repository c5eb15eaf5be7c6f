/**
 * The main window's options, as plain values tests can read. Security settings follow Electron's
 * checklist: an isolated, sandboxed renderer without Node.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

export const APP_TITLE = 'DraftDesk 稿台'
export const MAIN_WINDOW_NAME = 'main'
export const DEFAULT_WINDOW_WIDTH = 1280
export const DEFAULT_WINDOW_HEIGHT = 860
export const MIN_WINDOW_WIDTH = 800
export const MIN_WINDOW_HEIGHT = 560

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    // Electron (44+) keeps the window's bounds and maximized/full-screen state itself, per window
    // name, and puts a window saved on a display that is gone back onto one that is there; the
    // size below is the first launch's.
    name: MAIN_WINDOW_NAME,
    windowStatePersistence: { bounds: true, displayMode: true },
    width: DEFAULT_WINDOW_WIDTH,
    height: DEFAULT_WINDOW_HEIGHT,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: APP_TITLE,
    // shown on 'ready-to-show' (or after a time limit, see startup.ts), so the user never sees an
    // empty white frame
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  }
}

export type ResponseHeaders = Record<string, string | string[]>

/**
 * Returns the response headers with the given Content-Security-Policy in place of any the response
 * carried (header names compare case-insensitively). For session.webRequest.onHeadersReceived,
 * which main.ts installs only for the dev server (the app:// protocol sets its own header).
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    result[name] = Array.isArray(value) ? value : [value]
  }
  result['Content-Security-Policy'] = [policy]
  return result
}
