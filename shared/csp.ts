/**
 * The Content-Security-Policy of the renderer: the one source for both shells. Electron sends it
 * with every page of the app:// protocol (and on the dev server's responses), the browser shell as
 * an HTTP header. renderer/index.html carries no copy of its own: a meta policy is enforced on top
 * of the header, so a second copy could only ever make the two disagree (as it did in dev-server
 * mode, where it blocked Vite's inline React preamble).
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  // ws:/wss: to any host: the writer chooses their office's team server (团队 > 加入团队)
  ['connect-src', "'self' ws: wss:"],
  // the find bar's matcher runs in a Web Worker, a script of the app's own (no blob: or data: workers)
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
]

export interface PolicyOptions {
  /**
   * Vite's dev server (development only, DRAFTDESK_DEV_SERVER_URL). Its React plugin injects an
   * inline module script (the Fast Refresh preamble) and its client talks to the server over a
   * WebSocket, so — and only then — script-src gains 'unsafe-inline' and connect-src the server's
   * ws:/wss: origin.
   */
  devServerUrl?: string | undefined
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const extra: Record<string, string> = {}
  if (options.devServerUrl) {
    const server = new URL(options.devServerUrl)
    if (server.protocol !== 'http:' && server.protocol !== 'https:') throw new Error(`the dev server must be http(s): ${options.devServerUrl}`)
    extra['script-src'] = "'unsafe-inline'"
    extra['connect-src'] = `${server.protocol === 'https:' ? 'wss' : 'ws'}://${server.host}`
  }
  return DIRECTIVES.map(([name, value]) => `${name} ${extra[name] ? `${value} ${extra[name]}` : value}`).join('; ')
}

/** The policy of the built app (both shells). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()
