/**
 * The team server: Hocuspocus 3 (the Yjs collaboration engine) behind our own HTTP(S) server, with
 *   - members and rights checked on every document connection (onAuthenticate: the token's SHA-256
 *     against the members table; 只读 and 审阅 connections are read-only for the content),
 *   - every update a client sends checked and appended durably to the store *before* the engine
 *     applies and acknowledges it (beforeHandleMessage), so an acknowledged change survives kill -9,
 *   - the engine's database extension folding that log into a snapshot on its debounced store,
 *   - the engine's Redis extension when several processes serve the same documents,
 *   - a size limit on WebSocket messages, and a JSON-line log of what it refused.
 * Node only: no Electron.
 */
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { Database } from '@hocuspocus/extension-database'
import { Redis } from '@hocuspocus/extension-redis'
import { Hocuspocus, type Connection, type Extension } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import { reviewerMayApply } from '../../shared/team/proposals'
import { accessFor, teamDocumentNameSchema, TEAM_ROLE_LABELS, TEAM_SNIPPET_PROPOSALS, type TeamNotice, type TeamRefusal, type TeamRole } from '../../shared/team/protocol'
import { redisSettings, teamServerConfigSchema, type TeamServerConfig, type TeamServerInput } from './config'
import { openTeamLog, type TeamLog } from './log'
import { openPostgresStore } from './store/postgres'
import { openSqliteStore } from './store/sqlite'
import type { TeamStore } from './store/types'
import { hashToken } from './tokens'

export interface RunningTeamServer {
  port: number
  /** ws:// or wss:// address clients connect to (loopback when listening on every interface) */
  url: string
  config: TeamServerConfig
  store: TeamStore
  hocuspocus: Hocuspocus
  /** Stop: close connections, store every open document, close the store. */
  close(): Promise<void>
}

/** A refusal the engine passes on to the client: `reason` is the code (shared/team/protocol). */
class Refusal extends Error {
  constructor(
    readonly reason: TeamRefusal,
    /** WebSocket-style close code for a refused message */
    readonly code = 4400,
  ) {
    // no message: the engine prints errors that have one, and a refusal is already in our log
    super('')
  }
}

interface MemberContext {
  member?: { id: number; name: string; role: TeamRole }
}

// y-protocols/sync message types inside a Hocuspocus Sync message
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
// Hocuspocus message types (Sync, SyncReply)
const MESSAGE_SYNC = 0
const MESSAGE_SYNC_REPLY = 4

/** The Yjs update a client message carries, if any; throws when the framing is broken. */
export function updateOf(message: Uint8Array): { step: 'step2' | 'update'; update: Uint8Array } | null {
  const d = decoding.createDecoder(message)
  decoding.readVarString(d)
  const type = decoding.readVarUint(d)
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null
  const syncType = decoding.readVarUint(d)
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null
  return { step: syncType === SYNC_STEP_2 ? 'step2' : 'update', update: decoding.readVarUint8Array(d) }
}

/** Whether a Yjs update parses completely (structs and delete set). */
function wellFormed(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

const remoteOf = (request: http.IncomingMessage): string => {
  const forwarded = request.headers['x-forwarded-for']
  const direct = request.socket.remoteAddress ?? ''
  return typeof forwarded === 'string' && forwarded ? `${direct} (for ${forwarded})` : direct
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

export async function startTeamServer(input: TeamServerInput): Promise<RunningTeamServer> {
  const config = teamServerConfigSchema.parse(input)
  const log = openTeamLog(config.dataDir)
  const tls = config.cert && config.key ? { cert: fs.readFileSync(config.cert), key: fs.readFileSync(config.key) } : null
  const store = config.database ? await openPostgresStore(config.database) : openSqliteStore(config.dataDir)
  const redis = config.redis ? redisExtension(config) : null
  // documents are opened only once Redis answers: a subscription made before ioredis is ready
  // fails its ready check, and that process would never hear the others
  if (redis) await redisReady(redis).catch(async (err: unknown) => {
    await store.close()
    throw err
  })
  const hocuspocus = new Hocuspocus({
    name: config.name ?? null,
    quiet: true,
    debounce: config.debounceMs,
    maxDebounce: config.maxDebounceMs,
    extensions: [...(redis ? [redis] : []), rightsExtension(store, log), persistence(store, log)],
  })

  const onRequest = (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.url === '/health' || request.url === '/health?gc=1') {
      // for a load balancer's health check, and the benchmark's memory and CPU figures (the
      // benchmark starts node with --expose-gc so that ?gc=1 can collect before measuring)
      const gc = (globalThis as { gc?: () => void }).gc
      if (request.url.endsWith('gc=1') && gc) gc()
      const memory = process.memoryUsage()
      const cpu = process.cpuUsage()
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ ok: true, documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount(), rss: memory.rss, heapUsed: memory.heapUsed, cpuMicros: cpu.user + cpu.system }))
      return
    }
    if (request.method === 'GET' && (request.url === '/whoami' || request.url === '/members')) {
      void answerMember(request, response, request.url === '/members')
      return
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    response.end('DraftDesk team server: connect with the app (团队 > 加入团队)\n')
  }
  // The app's join dialog asks who a join code belongs to (/whoami) before it keeps the code, and
  // the 分工 picker lists the team (/members). Both need a valid code, sent as a bearer token.
  const answerMember = async (request: http.IncomingMessage, response: http.ServerResponse, all: boolean) => {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      response.end(JSON.stringify(body))
    }
    try {
      const header = request.headers.authorization ?? ''
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
      const member = token ? await store.memberByTokenHash(hashToken(token)) : null
      if (!member) {
        log.write({ event: 'refused-token', remote: remoteOf(request), detail: request.url ?? '' })
        json(401, { code: 'team.badToken' })
        return
      }
      if (!all) json(200, { name: member.name, role: member.role })
      else json(200, (await store.listMembers()).map(({ name, role }) => ({ name, role })))
    } catch (err) {
      log.write({ event: 'store-failed', detail: err instanceof Error ? err.message : String(err) })
      json(500, { code: 'internal' })
    }
  }
  const httpServer = tls ? https.createServer(tls, onRequest) : http.createServer(onRequest)
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  const requests = new WeakMap<WebSocket, http.IncomingMessage>()
  httpServer.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      requests.set(ws, request)
      ws.on('error', (err: Error & { code?: string }) => {
        if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') log.write({ event: 'too-large', remote: remoteOf(request), detail: `limit ${megabytes(config.maxMessageBytes)}` })
        else log.write({ event: 'socket-error', remote: remoteOf(request), detail: err.code ?? err.message })
      })
      hocuspocus.handleConnection(ws, request)
    })
  })

  // A client that does not read what it is sent (stalled, or far too slow) would make the server
  // buffer every other writer's keystrokes for it without bound: cut it off; its provider
  // reconnects and catches up with one sync, which is far smaller than the backlog.
  const slowClients = setInterval(() => {
    for (const ws of wss.clients) {
      if (ws.bufferedAmount > config.maxBufferedBytes) {
        const request = requests.get(ws)
        log.write({ event: 'slow-client', remote: request ? remoteOf(request) : undefined, detail: `${megabytes(ws.bufferedAmount)} waiting to be sent` })
        ws.terminate()
      }
    }
  }, 1000)
  slowClients.unref()

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(config.port, config.host, () => resolve())
    })
  } catch (err) {
    // the port is taken (or not ours): let go of what was opened, say why
    clearInterval(slowClients)
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
    await store.close()
    throw err
  }
  const port = (httpServer.address() as AddressInfo).port
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  log.write({ event: 'started', detail: `port ${port}, ${store.kind}${tls ? ', TLS' : ''}${config.redis ? ', Redis' : ''}${config.name ? `, ${config.name}` : ''}` })

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      clearInterval(slowClients)
      wss.close()
      httpServer.close()
      // no more input; then store what waits for the debounce (and what the engine began storing
      // as the last connections closed) before the store closes
      hocuspocus.closeConnections()
      for (const ws of wss.clients) ws.terminate()
      const names = () => [...hocuspocus.documents.keys()]
      await Promise.all(names().map((name) => hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`)))
      const busy = () => names().some((name) => hocuspocus.debouncer.isDebounced(`onStoreDocument-${name}`) || hocuspocus.debouncer.isCurrentlyExecuting(`onStoreDocument-${name}`))
      for (const start = Date.now(); busy() && Date.now() - start < 10_000; ) await new Promise((r) => setTimeout(r, 20))
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
      await store.close()
      log.write({ event: 'stopped', detail: `port ${port}` })
    })())

  return { port, url: `${tls ? 'wss' : 'ws'}://${host.includes(':') ? `[${host}]` : host}:${port}`, config, store, hocuspocus, close }
}

function redisExtension(config: TeamServerConfig): Redis {
  const settings = redisSettings(config.redis!)
  return new Redis({ ...settings, prefix: 'draftdesk-team', ...(config.name ? { identifier: `${config.name}-${process.pid}` } : {}) })
}

async function redisReady(redis: Redis, timeout = 15_000): Promise<void> {
  const ready = (client: Redis['pub']) =>
    client.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`Redis does not answer (${timeout / 1000} s)`)), timeout)
          client.once('ready', () => {
            clearTimeout(timer)
            resolve()
          })
        })
  try {
    await Promise.all([ready(redis.pub), ready(redis.sub)])
  } catch (err) {
    await redis.onDestroy()
    throw err
  }
}

/** Who may connect, and what each connection may change. */
function rightsExtension(store: TeamStore, log: TeamLog): Extension {
  // a read-only client that keeps typing: one log line and one notice per connection a minute
  const lastViolation = new WeakMap<Connection, number>()
  const notify = (connection: Connection, notice: TeamNotice) => connection.sendStateless(JSON.stringify(notice))

  return {
    extensionName: 'draftdesk-rights',
    async onAuthenticate({ token, documentName, connectionConfig, request }) {
      if (!teamDocumentNameSchema.safeParse(documentName).success) {
        log.write({ event: 'bad-document-name', remote: remoteOf(request), detail: `${documentName.length} characters` })
        throw new Refusal('team.badDocumentName')
      }
      const member = token ? await store.memberByTokenHash(hashToken(token)) : null
      if (!member) {
        log.write({ event: 'refused-token', document: documentName, remote: remoteOf(request) })
        throw new Refusal('team.badToken')
      }
      connectionConfig.readOnly = accessFor(member.role, documentName) === 'read'
      return { member: { id: member.id, name: member.name, role: member.role } } satisfies MemberContext
    },

    async beforeHandleMessage({ connection, update: message, documentName, document, context, requestHeaders }) {
      let carried: ReturnType<typeof updateOf>
      try {
        carried = updateOf(message)
      } catch {
        carried = { step: 'update', update: new Uint8Array([0xff]) }
      }
      if (!carried) return
      const member = (context as MemberContext).member
      const who = { member: member?.name, role: member ? TEAM_ROLE_LABELS[member.role] : undefined, document: documentName }
      if (connection.readOnly) {
        // the engine refuses it (and tells the provider the change was not applied); we log it and
        // tell the member why. A read-only client's first sync carries nothing new: not a violation.
        let news = true
        try {
          news = carried.step === 'update' || !Y.snapshotContainsUpdate(Y.snapshot(document), carried.update)
        } catch {
          news = true
        }
        const last = lastViolation.get(connection) ?? 0
        if (news && Date.now() - last > 60_000) {
          lastViolation.set(connection, Date.now())
          log.write({ event: 'role-violation', ...who, remote: String(requestHeaders['x-forwarded-for'] ?? connection.request.socket.remoteAddress ?? '') })
          if (member) notify(connection, { kind: 'refused', code: 'team.readOnly', role: member.role })
        }
        return
      }
      if (!wellFormed(carried.update)) {
        log.write({ event: 'malformed-update', ...who, detail: `${carried.update.length} bytes` })
        notify(connection, { kind: 'refused', code: 'team.malformedUpdate' })
        // the engine closes this document's connection with our reason; the document is untouched
        throw new Refusal('team.malformedUpdate')
      }
      // nothing to keep: an empty update, or a first sync that brings nothing the server lacks
      if (carried.update.length <= 2) return
      if (carried.step === 'step2' && Y.snapshotContainsUpdate(Y.snapshot(document), carried.update)) return
      // a 审阅 member writes the proposals document, but only for themselves: proposing in their own
      // name, withdrawing or dismissing their own (shared/team/proposals.ts). Anything else is refused
      // like a damaged change: not stored, not applied, their connection to it closed.
      if (documentName === TEAM_SNIPPET_PROPOSALS && member?.role === 'reviewer' && !reviewerMayApply(document, carried.update, member.name)) {
        log.write({ event: 'role-violation', ...who, detail: 'not their own proposal' })
        notify(connection, { kind: 'refused', code: 'team.readOnly', role: member.role })
        throw new Refusal('team.readOnly')
      }
      // durable before the engine applies it and acknowledges it to the client
      await store.append(documentName, carried.update)
    },
  }
}

/** The engine's database extension over our store: load = snapshot + log, store = fold the log in. */
function persistence(store: TeamStore, log: TeamLog): Extension {
  return new Database({
    fetch: async ({ documentName }) => store.load(documentName),
    store: async ({ documentName, state }) => {
      try {
        await store.compact(documentName, state)
      } catch (err) {
        // the log still holds every acknowledged update: nothing is lost, the next store retries
        log.write({ event: 'store-failed', document: documentName, detail: err instanceof Error ? err.message : String(err) })
        throw err
      }
    },
  })
}
