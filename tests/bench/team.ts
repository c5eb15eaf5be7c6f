/**
 * The team server under load, as a separate process (as an office runs it), SQLite store:
 *
 *   team_server_memory_per_60k_document   resident and heap memory the server needs for each open
 *       60,000-character summary (longDocument, laid out as @lexical/yjs lays out a document: a
 *       root Y.XmlText holding one Y.XmlText per block), measured after a GC with 10 open.
 *   team_server_cpu_<n>_clients_<layout>  the server's CPU (% of one core) while n writers each
 *       type 5 characters a second — 10 per document (n = 10…100), or all in one document (25, 50) —
 *       and the time from a keystroke to the server's acknowledgement (the update is on disk by then).
 *
 * The typing clients are light: each speaks the engine's wire format over `ws`, sends the updates
 * of its own Y.Doc and does not apply what it receives, so the machine's cores go to the server,
 * which does the real work (check, durable append, apply, broadcast to every other writer).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { SummaryDocument } from '../../shared/document/model'
import { countCharacters, documentPlainText } from '../../shared/document/text'
import { longDocument } from '../helpers/documents'
import { addMember, spawnTeamServer, waitFor } from '../helpers/team'
import { quantile } from './stats'

interface Health {
  documents: number
  connections: number
  rss: number
  heapUsed: number
  cpuMicros: number
}

async function health(url: string, gc = false): Promise<Health> {
  const res = await fetch(`${url.replace(/^ws/, 'http')}/health${gc ? '?gc=1' : ''}`)
  return (await res.json()) as Health
}

/** The summary as a Yjs document: one Y.XmlText per block inside the root, as @lexical/yjs binds it. */
function seed(root: Y.XmlText, model: SummaryDocument) {
  let at = 0
  for (const block of model.blocks) {
    const text = block.type === 'heading' ? block.title.map((r) => ('text' in r ? r.text : '')).join('') : block.type === 'paragraph' ? block.children.map((r) => ('text' in r ? r.text : '')).join('') : ''
    const element = new Y.XmlText()
    element.setAttribute('__type', block.type === 'heading' ? 'dd-heading' : 'dd-paragraph')
    root.insertEmbed(at++, element)
    element.insert(0, text)
  }
}

const MB = 1024 * 1024
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

async function benchMemory(url: string, token: string) {
  const model = longDocument()
  const characters = countCharacters(documentPlainText(model))
  const open = 10
  await new Promise((r) => setTimeout(r, 500))
  const before = await health(url, true)
  const clients: { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket }[] = []
  for (let i = 0; i < open; i++) {
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
    const doc = new Y.Doc()
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: `memory-${i}`, document: doc, token })
    provider.attach()
    await waitFor(() => provider.isSynced, 30_000, 'the first sync')
    seed(doc.get('root', Y.XmlText), model)
    await waitFor(() => provider.unsyncedChanges === 0, 30_000, 'the seed to be acknowledged')
    clients.push({ provider, socket })
  }
  await new Promise((r) => setTimeout(r, 1000))
  const after = await health(url, true)
  console.log(
    JSON.stringify({
      name: 'team_server_memory_per_60k_document',
      unit: 'MB',
      rssPerDocument: round((after.rss - before.rss) / open / MB),
      heapPerDocument: round((after.heapUsed - before.heapUsed) / open / MB),
      documents: after.documents,
      note: `${characters} characters, ${model.blocks.length} blocks; ${open} open documents, each with one connected writer; after a GC`,
    }),
  )
  for (const c of clients) {
    c.provider.destroy()
    c.socket.destroy()
  }
}

/** A writer that types: its own Y.Doc's updates sent over the engine's protocol; acknowledgements timed. */
class Typist {
  private ws: WebSocket
  private doc = new Y.Doc()
  private sentAt: number[] = []
  readonly latencies: number[] = []
  sent = 0
  ready: Promise<void>

  constructor(url: string, private readonly name: string, token: string) {
    this.ws = new WebSocket(url)
    this.ready = new Promise((resolve, reject) => {
      this.ws.once('error', reject)
      this.ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data))
        decoding.readVarString(d)
        const type = decoding.readVarUint(d)
        if (type === 2 && decoding.readVarUint(d) === 2) resolve() // Auth / Authenticated
        if (type === 8) {
          // SyncStatus: the server has the update (on disk) and acknowledges it
          const at = this.sentAt.shift()
          if (at !== undefined) this.latencies.push(performance.now() - at)
        }
      })
      this.ws.once('open', () => this.send((e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, token))))
    })
    this.doc.on('update', (update: Uint8Array) => {
      this.sentAt.push(performance.now())
      this.sent++
      this.send((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)))
    })
  }

  private send(write: (e: encoding.Encoder) => void) {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, this.name)
    write(e)
    this.ws.send(encoding.toUint8Array(e))
  }

  type() {
    const root = this.doc.get('root', Y.XmlText)
    root.insert(root.length, '字')
  }

  close() {
    this.ws.close()
  }
}

async function benchCpu(url: string, token: string, clients: number, perDocument: number) {
  const typists: Typist[] = []
  for (let i = 0; i < clients; i++) typists.push(new Typist(url, `cpu-${clients}-${perDocument}-${Math.floor(i / perDocument)}`, token))
  await Promise.all(typists.map((t) => t.ready))
  const documents = Math.ceil(clients / perDocument)
  // 5 characters a second each, spread over the 200 ms
  const timers = typists.map((t, i) => {
    const start = setTimeout(() => (timers[i] = setInterval(() => t.type(), 200)), (i * 200) / clients)
    return start
  })
  await new Promise((r) => setTimeout(r, 1500))
  for (const t of typists) {
    t.latencies.length = 0
    t.sent = 0
  }
  // whether this process (the load generator, on the same cores) keeps up: its own event-loop delay
  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  const a = await health(url)
  const t0 = performance.now()
  const seconds = 5
  await new Promise((r) => setTimeout(r, seconds * 1000))
  const b = await health(url)
  const wall = performance.now() - t0
  for (const timer of timers) clearInterval(timer)
  lag.disable()
  const latencies = typists.flatMap((t) => t.latencies)
  const sent = typists.reduce((n, t) => n + t.sent, 0)
  console.log(
    JSON.stringify({
      name: `team_server_cpu_${clients}_clients_${perDocument >= clients ? 'one_document' : `${perDocument}_per_document`}`,
      unit: '%',
      cpuPercentOfOneCore: round(((b.cpuMicros - a.cpuMicros) / 1000 / wall) * 100),
      rssMB: round(b.rss / MB),
      updatesPerSecond: round((sent / wall) * 1000, 0),
      messagesOutPerSecond: round(clients * 5 * (Math.min(perDocument, clients) - 1), 0),
      ackMedianMs: round(quantile(latencies, 0.5), 2),
      ackP95Ms: round(quantile(latencies, 0.95), 2),
      acks: latencies.length,
      generatorLagP95Ms: round(lag.percentile(95) / 1e6, 1),
      note: `${clients} writers typing 5 characters a second in ${documents} document(s); server process, SQLite (synchronous=FULL, group commit); a generatorLag far above 10 ms means the load generator, not the server, set the latency`,
    }),
  )
  for (const t of typists) t.close()
  await new Promise((r) => setTimeout(r, 1500))
}

export async function benchTeam() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-bench-team-'))
  const token = await addMember(dir, '基准', '编辑')
  const server = await spawnTeamServer(['--data-dir', dir, '--port', '0', '--host', '127.0.0.1'], ['--expose-gc'])
  try {
    await benchMemory(server.url, token)
    // 10 writers to a summary, as an office of 100 would work: 1 to 10 documents
    for (const clients of [10, 25, 50, 100]) await benchCpu(server.url, token, clients, 10)
    // everyone in one document: every keystroke goes to every other writer. Beyond 50 writers
    // the load generator on this machine's shared cores cannot read the 49,500 messages a second
    // 100 writers would receive, and its backlog, not the server, would be measured.
    for (const clients of [25, 50]) await benchCpu(server.url, token, clients, clients)
  } finally {
    await server.kill('SIGTERM')
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  void benchTeam().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
}
