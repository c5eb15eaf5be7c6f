/**
 * The main window's options and the Content-Security-Policy, as plain values tests can read.
 * Security settings follow Electron's checklist: an isolated, sandboxed renderer without Node.
 */
import type { BrowserWindowConstructorOptions } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, type WindowState } from './windowState'

export const APP_TITLE = 'DraftDesk 稿台'

export function mainWindowOptions(state: WindowState, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: APP_TITLE,
    // shown on 'ready-to-show', so the user never sees an empty white frame
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

export { CONTENT_SECURITY_POLICY }

export type ResponseHeaders = Record<string, string | string[]>

/**
 * Returns the response headers with our Content-Security-Policy in place of any the response
 * carried (header names compare case-insensitively). For session.webRequest.onHeadersReceived.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined, policy = CONTENT_SECURITY_POLICY): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    result[name] = Array.isArray(value) ? value : [value]
  }
  result['Content-Security-Policy'] = [policy]
  return result
}

/**
 * The policy while the renderer comes from Vite's dev server (development only): Vite's React
 * preamble is an inline script and hot reload talks over a WebSocket to the dev server.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl)
  const ws = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}`
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  )
}
