/**
 * The browser shell: the same renderer and the same service code as the desktop app, over HTTP on
 * 127.0.0.1 only. Every request must carry the session token (query `token` once, then the
 * HttpOnly cookie for files and the X-DraftDesk-Token header for API calls), compared in constant
 * time; the Host header must name this server (no DNS rebinding).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { ApiResponse } from '../../shared/api'
import { formatMessage, msg, toLang } from '../../shared/errors'
import { createServices, type Services } from '../services'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

export const TOKEN_HEADER = 'x-draftdesk-token'
const COOKIE = 'draftdesk_session'
const MAX_BODY_BYTES = 64 * 1024 * 1024

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

export async function startBrowserShell(opts: { dataDir: string; rendererDir: string; port?: number; token?: string }): Promise<BrowserShell> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const services = createServices({ dataDir: opts.dataDir, exclusive: true })
  const rendererDir = path.resolve(opts.rendererDir)
  let port = 0

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra })
    res.end(body)
  }
  const sendApi = (res: http.ServerResponse, status: number, body: ApiResponse) => send(res, status, JSON.stringify(body), CONTENT_TYPES['.json'])

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'wrong host')
    const url = new URL(req.url ?? '/', `http://${host}`)
    const presented = req.headers[TOKEN_HEADER] ?? url.searchParams.get('token') ?? cookieToken(req.headers.cookie)
    if (typeof presented !== 'string' || !tokensEqual(presented, token)) {
      if (url.pathname.startsWith('/api/')) return sendApi(res, 401, { ok: false, error: msg('request.noToken') })
      // a page, not the app: in the browser's language, as the app has not chosen one yet
      return send(res, 401, formatMessage('request.openWithToken', {}, toLang(req.headers['accept-language'])))
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendApi(res, 405, { ok: false, error: msg('request.postOnly') })
      const method = decodeURIComponent(url.pathname.slice('/api/'.length))
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY_BYTES) req.destroy()
        else chunks.push(chunk)
      })
      req.on('end', () => {
        let input: unknown
        try {
          const text = Buffer.concat(chunks).toString('utf8')
          input = text ? JSON.parse(text) : {}
        } catch {
          return sendApi(res, 400, { ok: false, error: msg('request.badJson') })
        }
        services.dispatch(method, input).then(
          (response) => sendApi(res, 200, response),
          (err: unknown) => sendApi(res, 500, { ok: false, error: msg('internal.unexpected', { method, detail: String(err) }) }),
        )
      })
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = path.resolve(rendererDir, relative)
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 403, 'forbidden')
    fs.readFile(file, (err, data) => {
      if (err) return send(res, 404, 'not found')
      const headers: http.OutgoingHttpHeaders = {}
      if (file.endsWith('.html')) {
        headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
        headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
      }
      send(res, 200, data, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', headers)
    })
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
