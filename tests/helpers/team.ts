/**
 * The team server in tests: members, Node clients (the engine's own provider + Yjs over `ws`),
 * server processes spawned as the office runs them, and Redis/PostgreSQL started in temp folders;
 * `useTeam()` closes what a test started once it ends.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterEach, type TestContext } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createServices, type Services } from '../../electron/services'
import { runTeamCli } from '../../electron/team/cli'
import { startTeamServer, type RunningTeamServer } from '../../electron/team/server'
import { parseTeamNotice, type TeamNotice } from '../../shared/team/protocol'

const ROOT = path.resolve(import.meta.dirname, '../..')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

/** `team-server user add NAME --role ROLE`: the printed join token. */
export async function addMember(dataDir: string, name: string, role: string, database?: string): Promise<string> {
  const lines: string[] = []
  const errors: string[] = []
  const { code } = await runTeamCli(['user', 'add', name, '--role', role, '--data-dir', dataDir, ...(database ? ['--database', database] : [])], { log: (s) => lines.push(s), error: (s) => errors.push(s) })
  if (code !== 0) throw new Error(`user add failed: ${errors.join('\n')}`)
  const token = lines.find((l) => l.startsWith('ddt_'))
  if (!token) throw new Error(`no token printed: ${lines.join('\n')}`)
  return token
}

export interface TeamClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  /** the document's text: the root Y.XmlText, as @lexical/yjs binds it */
  root: Y.XmlText
  text(): string
  notices: TeamNotice[]
  failures: string[]
  /** resolves when the server has acknowledged every local change (and the first sync is done) */
  acknowledged(timeout?: number): Promise<void>
  destroy(): void
}

/** A writer's client: a Y.Doc kept in sync with the server by the engine's provider. */
export function connectClient(url: string, name: string, token: string, opts: { doc?: Y.Doc; WebSocketPolyfill?: new (url: string) => WebSocket } = {}): TeamClient {
  const doc = opts.doc ?? new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: opts.WebSocketPolyfill ?? WebSocket, delay: 100, maxDelay: 500, factor: 1.5, minDelay: 50 })
  const notices: TeamNotice[] = []
  const failures: string[] = []
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onStateless: ({ payload }) => {
      const notice = parseTeamNotice(payload)
      if (notice) notices.push(notice)
    },
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
  })
  provider.attach()
  const root = doc.get('root', Y.XmlText)
  return {
    doc,
    provider,
    socket,
    root,
    text: () => root.toString(),
    notices,
    failures,
    acknowledged: (timeout = 10_000) => waitFor(() => provider.isSynced && provider.unsyncedChanges === 0, timeout, 'the server to acknowledge every change'),
    destroy() {
      provider.destroy()
      socket.destroy()
    },
  }
}

export async function waitFor(check: () => boolean, timeout = 10_000, what = 'a condition'): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A team server process, started as `npm run team-server` would start it. */
export interface ServerProcess {
  child: ChildProcess
  url: string
  output(): string
  kill(signal?: NodeJS.Signals): Promise<void>
}

export async function spawnTeamServer(args: string[], nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'electron/team/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // 团队服务器已启动：ws://…（sqlite；…）, or `team server listening: ws://… (…)` with --lang en
  const started = /(?:已启动：|listening: )(wss?:\/\/[^\s（(]+)/
  await waitFor(() => started.test(output) || child.exitCode !== null, 20_000, 'the team server to start')
  const url = started.exec(output)?.[1]
  if (!url) throw new Error(`team server did not start:\n${output}`)
  return {
    child,
    url,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** A Debian program's path, or null when the package is not installed. */
export function debianProgram(candidates: string[]): string | null {
  return candidates.find((p) => fs.existsSync(p)) ?? null
}

/** redis-server on a free port with its data in a temp folder; null when redis-server is not installed. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> } | null> {
  const bin = debianProgram(['/usr/bin/redis-server', '/usr/local/bin/redis-server'])
  if (!bin) return null
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-redis-'))
  const port = await freePort()
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitForPort(port)
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM')
      await exited
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function waitForPort(port: number, timeout = 15_000) {
  const start = Date.now()
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() - start > timeout) throw new Error(`nothing listens on ${port}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * A PostgreSQL cluster of its own (initdb + pg_ctl from /usr/lib/postgresql/N/bin) in a temp folder,
 * on a free port, trust authentication on loopback. PostgreSQL refuses to run as root: as root the
 * cluster belongs to the `postgres` user (or `nobody`). Null when PostgreSQL is not installed.
 */
export async function startPostgres(): Promise<{ url: string; stop(): Promise<void> } | null> {
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : []
  const bin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((b) => fs.existsSync(path.join(b, 'pg_ctl')))
  if (!bin) return null
  const root = process.getuid?.() === 0
  const user = root ? (spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody') : null
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-pg-'))
  const data = path.join(dir, 'data')
  if (user) {
    fs.chmodSync(dir, 0o777)
  }
  const as = (cmd: string, args: string[]) => (user ? spawnSync('runuser', ['-u', user, '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' }))
  const init = as(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'draftdesk', '--no-sync', '-E', 'UTF8', '--locale', 'C'])
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`)
  const port = await freePort()
  const start = as(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, 'start'])
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}${fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8') : ''}`)
  return {
    url: `postgres://draftdesk@127.0.0.1:${port}/postgres`,
    async stop() {
      as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

type TeamServerOptions = Parameters<typeof startTeamServer>[0]

/**
 * What a test starts — in-process servers, server processes, clients, Redis, PostgreSQL — closed
 * after it, the last started first (clients before their server).
 */
export function useTeam(tempDir: () => string) {
  const cleanup: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close()
  })
  const kept = <T>(value: T, close: (value: T) => Promise<void> | void): T => {
    cleanup.push(() => close(value))
    return value
  }
  /** an in-process server on a free loopback port; the long debounce leaves storing to the log written before each acknowledgement */
  const server = async (dataDir: string, extra: Partial<TeamServerOptions> = {}): Promise<RunningTeamServer> =>
    kept(await startTeamServer({ dataDir, port: 0, host: '127.0.0.1', debounceMs: 30_000, maxDebounceMs: 60_000, ...extra }), (s) => s.close())
  const client = (url: string, doc: string, token: string, opts?: Parameters<typeof connectClient>[3]): TeamClient => kept(connectClient(url, doc, token, opts), (c) => c.destroy())
  return {
    server,
    /** a server process, as `npm run team-server` starts it */
    spawned: async (args: string[]): Promise<ServerProcess> => kept(await spawnTeamServer(args), (p) => p.kill()),
    client,
    /** a fresh data folder with one member, 张三 (编辑), and a server on it */
    async oneEditor(extra: Partial<TeamServerOptions> = {}) {
      const dir = tempDir()
      const token = await addMember(dir, '张三', '编辑')
      return { dir, token, s: await server(dir, extra) }
    },
    /** redis-server for this test, or the test skipped where it is not installed */
    async redis(ctx: TestContext) {
      const redis = await startRedis()
      if (!redis) ctx.skip('redis-server is not installed (Debian package redis-server; scripts/test-prerequisites.mjs installs it)')
      return kept(redis, (r) => r.stop())
    },
    /** a PostgreSQL cluster for this test, or the test skipped where it is not installed */
    async postgres(ctx: TestContext) {
      const pg = await startPostgres()
      if (!pg) ctx.skip('PostgreSQL is not installed (Debian package postgresql; scripts/test-prerequisites.mjs installs it)')
      return kept(pg, (p) => p.stop())
    },
    /**
     * A writer types `text` (acknowledged), then a member receives it and types `attempt` into it:
     * both clients, once the server has answered the member's change with a notice.
     */
    async memberTriesToEdit(url: string, tokens: { writer: string; member: string }, text: string, attempt: string) {
      const writer = client(url, '总结', tokens.writer)
      writer.root.insert(0, text)
      await writer.acknowledged()
      const member = client(url, '总结', tokens.member)
      await waitFor(() => member.text() === text, 10_000, 'the member to receive the text')
      member.root.insert(0, attempt)
      await waitFor(() => member.notices.length > 0, 10_000, 'the server’s notice on the member’s change')
      return { writer, member }
    },
  }
}

/**
 * A server with two members, 张三 (编辑) and 王五 (只读), and one app's back end (a library of its
 * own) to join it: what the app-side team tests start from. Everything is closed after the test
 * through `open`.
 */
export async function serverWithEditorAndReader(tempDir: () => string, open: { servers: RunningTeamServer[]; services: Services[] }) {
  const serverDir = tempDir()
  const server = await startTeamServer({ dataDir: serverDir, port: 0, host: '127.0.0.1' })
  open.servers.push(server)
  const editorCode = await addMember(serverDir, '张三', 'editor')
  const readerCode = await addMember(serverDir, '王五', 'reader')
  const services = createServices({ dataDir: tempDir() })
  open.services.push(services)
  return { server, serverDir, editorCode, readerCode, services }
}

/** What an app-side team test opens (servers, apps' back ends, Node clients), closed after each test. */
export function useTeamApp(): { servers: RunningTeamServer[]; services: Services[]; clients: TeamClient[] } {
  const open = { servers: [] as RunningTeamServer[], services: [] as Services[], clients: [] as TeamClient[] }
  afterEach(async () => {
    for (const c of open.clients.splice(0)) c.destroy()
    for (const s of open.services.splice(0)) s.close()
    for (const s of open.servers.splice(0)) await s.close()
  })
  return open
}
