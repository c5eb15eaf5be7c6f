/**
 * The app:// protocol: the renderer is served from app://draftdesk/… rather than file://, so the
 * page has a real origin of its own ('self' in the CSP means the app and nothing else on disk), no
 * file:// privileges are needed, and every response carries the Content-Security-Policy.
 *
 * main.ts registers the scheme as privileged before `ready` and hands appProtocolResponse to
 * protocol.handle; everything here is plain Node (Response is a global in Node and in Electron's
 * main process), so tests can drive it.
 */
import fs from 'node:fs'
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'draftdesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * For protocol.registerSchemesAsPrivileged: a standard, secure scheme (relative URLs, an origin,
 * a secure context) whose pages may use fetch. No bypassCSP, no service workers, no CORS for
 * other origins.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * The file under rendererDir an app:// URL names, or null when the URL is not the app's or tries
 * to leave the folder: another host, `..` (the URL parser already folds plain and %2e ones; an
 * encoded separator, a drive letter or a NUL byte in a segment is refused outright) or a path that
 * would resolve outside rendererDir.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST || parsed.username || parsed.password || parsed.port) return null
  const segments: string[] = []
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null
    segments.push(segment)
  }
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, ...(segments.length ? segments : ['index.html']))
  const relative = path.relative(root, file)
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null
  return file
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** The response to one app:// request (protocol.handle's handler, with rendererDir and the policy bound). */
export async function appProtocolResponse(rendererDir: string, request: { url: string; method?: string }, policy: string): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') return new Response('method not allowed', { status: 405 })
  const file = resolveAppFile(rendererDir, request.url)
  if (!file) return new Response('forbidden', { status: 403 })
  let body: Buffer
  try {
    body = await fs.promises.readFile(file)
  } catch {
    return new Response('not found', { status: 404 })
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  })
}
