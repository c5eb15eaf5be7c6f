/**
 * The browser shell: the same renderer and the same service code as the desktop app, over HTTP on
 * 127.0.0.1 only. It guards the writer's documents the way a local notebook server does:
 *
 *   - every request names this server in its Host header (no DNS rebinding);
 *   - pages and their files need the session token: once in the URL (`?token=`), then the HttpOnly
 *     SameSite cookie set with the page;
 *   - the API (POST /api/<method>) needs the token in the X-DraftDesk-Token header — never the
 *     cookie alone, which every page served from 127.0.0.1 (any port) would send along — and
 *     refuses requests another page makes: a foreign Origin, Sec-Fetch-Site cross-site or
 *     same-site, a body that is not Content-Type application/json (a form or a `text/plain` fetch
 *     needs no preflight);
 *   - request bodies are capped per method (413 as soon as Content-Length or the bytes received
 *     pass the cap), and at most MAX_LARGE_BODIES bodies over LARGE_BODY run at once (503);
 *   - a malformed URL is a 400, and a fault while answering one request is logged and answered
 *     with 500: the server keeps running.
 * Tokens are compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import {
  ASSET_MAX_BASE64,
  base64Length,
  IMPORT_MAX_BASE64,
  isApiMethod,
  SHEET_MAX_BASE64,
  SNIPPET_FILE_MAX_BYTES,
  type ApiMethod,
  type ApiResponse,
} from '../../shared/api'
import { formatMessage, msg, toLang, type Message } from '../../shared/errors'
import { createServices, type Services } from '../services'
import { RawJson } from '../services/worker/rawJson'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

export const TOKEN_HEADER = 'x-draftdesk-token'
const COOKIE = 'draftdesk_session'

const KB = 1024
const MB = 1024 * KB
/** Most API calls carry a few KB; a method not named below may send at most this. */
export const DEFAULT_BODY_CAP = 256 * KB
/** Methods that carry a file (base64 plus the rest of the input) or a whole document model. */
export const BODY_CAPS: Partial<Record<ApiMethod, number>> = {
  'documents.import': IMPORT_MAX_BASE64 + 64 * KB,
  'figures.import': SHEET_MAX_BASE64 + 64 * KB,
  'figures.readSheet': SHEET_MAX_BASE64 + 64 * KB,
  'snippets.import': base64Length(SNIPPET_FILE_MAX_BYTES) + 64 * KB,
  'snippets.harvest': 64 * MB,
  'assets.add': ASSET_MAX_BASE64 + 64 * KB,
  'documents.create': 128 * MB,
  'documents.save': 128 * MB,
  'figures.exportSheet': 32 * MB,
  'snippets.create': 1 * MB,
  'snippets.update': 1 * MB,
  'snippets.delete': 1 * MB,
  'snippets.teamSync': 64 * MB,
}
/** A body over this is "large": at most MAX_LARGE_BODIES of them are received at once. */
export const LARGE_BODY = 1 * MB
export const MAX_LARGE_BODIES = 2
/** What is read and dropped after a streamed body passed its cap, before the connection is cut. */
const DRAIN_BYTES = 16 * MB

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

export interface BrowserShell {
  url: string
  token: string
  port: number
  services: Services
  close(): Promise<void>
}

export function tokensEqual(a: string, b: string): boolean {
  // Hash first so the comparison takes the same time whatever the lengths.
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb) && a.length === b.length
}

function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === COOKIE) return v.join('=')
  }
  return undefined
}

/** The body cap of an API method (unknown names get the default: their call is refused anyway). */
export function bodyCap(method: string): number {
  return (isApiMethod(method) ? BODY_CAPS[method] : undefined) ?? DEFAULT_BODY_CAP
}

const formatSize = (bytes: number) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`)

export async function startBrowserShell(opts: { dataDir: string; rendererDir: string; port?: number; token?: string; log?: (line: string) => void }): Promise<BrowserShell> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const services = createServices({ dataDir: opts.dataDir, exclusive: true })
  const rendererDir = path.resolve(opts.rendererDir)
  const log = opts.log ?? ((line: string) => console.error(line))
  let port = 0
  let largeBodies = 0

  const headers = (type: string, extra: http.OutgoingHttpHeaders = {}): http.OutgoingHttpHeaders => ({
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // no other site may embed the app's files, and the token in the first URL never leaves in a Referer
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  })
  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: http.OutgoingHttpHeaders = {}) => {
    if (res.headersSent) return void res.end()
    res.writeHead(status, headers(type, extra))
    res.end(body)
  }
  const sendApi = (res: http.ServerResponse, status: number, body: ApiResponse) => {
    if (res.headersSent) return void res.end()
    if (body.ok && body.result instanceof RawJson) {
      // a result a worker serialized: its bytes go out as they are
      res.writeHead(status, headers(CONTENT_TYPES['.json']!))
      res.write('{"ok":true,"result":')
      for (const chunk of body.result.chunks) res.write(chunk)
      res.end('}')
      return
    }
    send(res, status, JSON.stringify(body), CONTENT_TYPES['.json'])
  }
  /** A listener that logs and answers 500 instead of throwing (an error thrown in a stream's event would end the process). */
  const guarded =
    <A extends unknown[]>(req: http.IncomingMessage, res: http.ServerResponse, fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args)
      } catch (err) {
        fault(req, res, err)
      }
    }
  const fault = (req: http.IncomingMessage, res: http.ServerResponse, err: unknown) => {
    log(`DraftDesk: ${req.method} ${String(req.url).slice(0, 200)} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    try {
      if (String(req.url).startsWith('/api/')) refuse(res, 500, msg('internal.unexpected', { method: '-', detail: String(err).slice(0, 200) }))
      else send(res, 500, 'internal error')
    } catch {
      res.destroy()
    }
  }
  const refuse = (res: http.ServerResponse, status: number, error: Message, extra: http.OutgoingHttpHeaders = {}) => {
    if (res.headersSent) return void res.end()
    res.writeHead(status, headers(CONTENT_TYPES['.json']!, extra))
    res.end(JSON.stringify({ ok: false, error } satisfies ApiResponse))
  }

  /** POST /api/<method>: checks, then the body (capped), then the services. */
  const api = (req: http.IncomingMessage, res: http.ServerResponse, host: string, encodedMethod: string) => {
    if (req.method !== 'POST') return refuse(res, 405, msg('request.postOnly'), { Allow: 'POST' })
    // a page of another origin (another port of 127.0.0.1 included) may send requests, never read answers
    const site = req.headers['sec-fetch-site']
    if (site === 'cross-site' || site === 'same-site') return refuse(res, 403, msg('request.crossSite'))
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${host}`) return refuse(res, 403, msg('request.badOrigin'))
    const presented = req.headers[TOKEN_HEADER]
    if (typeof presented !== 'string' || !tokensEqual(presented, token)) return refuse(res, 401, msg('request.noToken'))
    // only JSON: a form or a text/plain body is what another page can send without asking first
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/json') return refuse(res, 415, msg('request.notJson'))
    let method: string
    try {
      method = decodeURIComponent(encodedMethod)
    } catch {
      return refuse(res, 400, msg('request.badUrl'))
    }

    const cap = bodyCap(method)
    /**
     * Refused at once. Known from the headers: nothing more is read, the connection closes once the
     * answer is out. Found while the body streams in: the rest is read and dropped (up to
     * DRAIN_BYTES, then the connection is cut) so the client, still sending, gets to read the answer.
     */
    const refuseBody = (status: number, error: Message, streaming: boolean, extra: http.OutgoingHttpHeaders = {}) => {
      refuse(res, status, error, streaming ? extra : { ...extra, Connection: 'close' })
      if (!streaming) {
        res.once('finish', () => req.destroy())
        req.pause()
        return
      }
      let drained = 0
      req.removeAllListeners('data')
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length
        if (drained > DRAIN_BYTES) req.destroy()
      })
    }
    const tooLarge = (streaming: boolean) => refuseBody(413, msg('request.tooLarge', { limit: formatSize(cap) }), streaming)
    const busy = (streaming: boolean) => refuseBody(503, msg('request.busy'), streaming, { 'Retry-After': '2' })
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length'])
    if (declared !== null && !(declared <= cap)) return tooLarge(false)

    let holdsSlot = false
    const release = () => {
      if (holdsSlot) largeBodies--
      holdsSlot = false
    }
    const takeSlot = (): boolean => {
      if (holdsSlot) return true
      if (largeBodies >= MAX_LARGE_BODIES) return false
      largeBodies++
      holdsSlot = true
      return true
    }
    res.once('close', release)
    req.once('close', () => {
      if (!req.complete) release()
    })
    if (declared !== null && declared > LARGE_BODY && !takeSlot()) return busy(false)

    // with a Content-Length the body is copied into one buffer as it arrives (no large copy at the end)
    const whole = declared !== null ? Buffer.allocUnsafeSlow(declared) : null
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    req.on(
      'data',
      guarded(req, res, (chunk: Buffer) => {
        if (refused) return
        size += chunk.length
        if (size > cap || (whole && size > whole.length)) {
          refused = true
          chunks.length = 0
          release()
          return tooLarge(true)
        }
        if (size > LARGE_BODY && !takeSlot()) {
          refused = true
          chunks.length = 0
          return busy(true)
        }
        if (whole) chunk.copy(whole, size - chunk.length)
        else chunks.push(chunk)
      }),
    )
    req.on('error', () => release())
    req.on(
      'end',
      guarded(req, res, () => {
        if (refused) return
        const body = whole ? whole.subarray(0, size) : Buffer.concat(chunks)
        chunks.length = 0
        services
          .dispatchBody(method, body)
          .then((response) => {
            release()
            sendApi(res, 200, response)
          })
          .catch((err: unknown) => {
            release()
            fault(req, res, err)
          })
      }),
    )
  }

  /** Everything else: the app's files, GET or HEAD. */
  const files = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', undefined, { Allow: 'GET, HEAD' })
    let relative: string
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    } catch {
      return send(res, 400, 'bad request')
    }
    if (relative.includes('\0')) return send(res, 400, 'bad request')
    const file = path.resolve(rendererDir, relative)
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 403, 'forbidden')
    fs.readFile(
      file,
      guarded(req, res, (err: NodeJS.ErrnoException | null, data: Buffer) => {
        if (err) return send(res, 404, 'not found')
        const extra: http.OutgoingHttpHeaders = {}
        if (file.endsWith('.html')) {
          extra['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
          extra['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
        }
        send(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : data, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', extra)
      }),
    )
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'wrong host')
    const target = req.url ?? '/'
    let url: URL
    try {
      if (!target.startsWith('/') || target.startsWith('//')) throw new Error('not a path')
      url = new URL(target, `http://${host}`)
    } catch {
      return target.startsWith('/api/') ? refuse(res, 400, msg('request.badUrl')) : send(res, 400, 'bad request')
    }
    if (url.pathname.startsWith('/api/')) return api(req, res, host, url.pathname.slice('/api/'.length))

    const presented = url.searchParams.get('token') ?? cookieToken(req.headers.cookie)
    // a page, not the app: in the browser's language, as the app has not chosen one yet
    if (typeof presented !== 'string' || !tokensEqual(presented, token)) return send(res, 401, formatMessage('request.openWithToken', {}, toLang(req.headers['accept-language'])))
    files(req, res, url.pathname)
  }

  const server = http.createServer((req, res) => {
    // one request's fault never takes the server down
    guarded(req, res, handle)(req, res)
  })
  // a request Node cannot even parse (bad request line, oversized headers): 400, and the connection closed
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy()
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          services.close()
          resolve()
        })
      }),
  }
}
