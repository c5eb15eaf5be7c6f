/**
 * The connection of one open team document: its Y.Doc, kept in this browser by y-indexeddb (edits
 * made offline survive a closed window and are sent when the server is back) and synced with the
 * team server by the engine's own provider (@hocuspocus/provider). Nothing here knows Lexical
 * beyond the small adapter Lexical's CollaborationPlugin asks for (its `Provider`).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import type { Provider, ProviderAwareness, UserState } from '@lexical/yjs'
import * as decoding from 'lib0/decoding'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import type { TeamConnection } from '../../../shared/api/team'
import { parseTeamNotice, TEAM_INDEX, teamIndexEntrySchema, type TeamNotice } from '../../../shared/team/protocol'
import { coalesceUpdates, idleAfter, LOCAL_STORE_GATHER_MS, LOCAL_STORE_MAX_MS, type UpdateBatcher } from './localCopy'
import type { TeamSyncState } from './session'

export interface TeamDocConnection {
  doc: Y.Doc
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  /** what Lexical's CollaborationPlugin takes (its connect() starts everything) */
  lexicalProvider: Provider
  /** resolves when the browser's copy has been read into the doc */
  local: Promise<void>
  /** 离线 / 同步中 / 已同步, as shown (同步中 once a change has waited SYNCING_SHOWN_AFTER_MS) */
  syncState(): TeamSyncState
  onSyncState(listener: (state: TeamSyncState) => void): () => void
  onNotice(listener: (notice: TeamNotice) => void): () => void
  /**
   * Holds the server's messages while the writer composes with an IME (a remote change applied to
   * the text being composed would end the composition and leave its pinyin in the text); on
   * release they are applied in order. Held for at most HOLD_MAX_MS.
   */
  holdIncoming(held: boolean): void
  /** The writer typed (an input event in the editor): others' changes wait for the next frame (see DEFER_MAX_MS). */
  noteInput(): void
  /** who shared this document, per the team's list (undefined: not listed yet; null: unknown, e.g. offline) */
  sharedBy(timeoutMs?: number): Promise<string | undefined | null>
  destroy(): void
}

/** The name of the browser's copy of a team document (IndexedDB database). */
export const localCopyName = (serverUrl: string, teamName: string) => `draftdesk-team:${serverUrl}:${teamName}`

/** The longest an IME composition holds back the server's messages. */
export const HOLD_MAX_MS = 3000
/** Incoming messages wait for the next frame, or this long when no frame comes (a hidden window). */
export const FLUSH_MS = 50
/**
 * A frame in which the writer typed paints the writer's keystroke alone: others' changes waiting
 * for it are applied in the next frame instead, unless the oldest has waited this long already.
 */
export const DEFER_MAX_MS = 25
/** A change of the writer's not acknowledged by the server this long shows 同步中 (one keystroke's takes a few ms). */
export const SYNCING_SHOWN_AFTER_MS = 500
/** An input this recent was handled in the frame about to be drawn. */
const FRAME_MS = 16
/** The engine's message type of a document's changes (Hocuspocus `MessageType.Sync`). */
const SYNC_MESSAGE = 0

/** Whether a message from the server carries changes of the document (sync step 2 or an update). */
function isSyncMessage(data: unknown): boolean {
  if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return false
  try {
    const decoder = decoding.createDecoder(data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    decoding.readVarString(decoder) // the document's name
    return decoding.readVarUint(decoder) === SYNC_MESSAGE
  } catch {
    return false
  }
}

export function connectTeamDoc(connection: TeamConnection, teamName: string): TeamDocConnection {
  const doc = new Y.Doc()
  // reconnects quickly after a short drop, then backs off (the engine's own retry)
  const socket = new HocuspocusProviderWebsocket({ url: connection.serverUrl, autoConnect: false, delay: 250, minDelay: 250, factor: 1.5, maxDelay: 5000 })
  const notices = new Set<(notice: TeamNotice) => void>()
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: teamName,
    document: doc,
    token: connection.token,
    onStateless: ({ payload }) => {
      const notice = parseTeamNotice(payload)
      if (notice) for (const l of notices) l(notice)
    },
  })
  // ---- incoming messages: applied once a frame, and held during an IME composition ------------------
  // Ten writers typing send fifty changes a second: applied as they come, each is an editor update
  // of its own (listeners, reconciliation, a layout). Applied together just before the next frame
  // (or after FLUSH_MS when no frame comes, in a hidden window), they make one update and one
  // layout, and are on screen in the same frame they would have reached anyway. In a frame where
  // the writer has just typed they wait one frame more (at most DEFER_MAX_MS after the first of
  // them came), so that the writer's keystroke is not drawn late behind the others' changes.
  type Incoming = Parameters<HocuspocusProvider['onMessage']>[0]
  const receive = provider.onMessage.bind(provider)
  const queued: Incoming[] = []
  let holding = false
  let holdTimer: ReturnType<typeof setTimeout> | undefined
  let frame: number | undefined
  let flushTimer: ReturnType<typeof setTimeout> | undefined
  let firstQueuedAt = 0
  let inputAt = -Infinity
  const flush = () => {
    if (frame !== undefined) cancelAnimationFrame(frame)
    clearTimeout(flushTimer)
    frame = flushTimer = undefined
    if (holding || destroyed) return
    // The changes among them are applied in one Yjs transaction (the engine's origin, as it applies
    // each): one 'update' for the browser's copy and the acknowledgement bookkeeping, and one pass
    // of the binding's observer into Lexical, instead of one per message. Carets and the engine's
    // other messages are handled in order between them, outside any transaction, as they come.
    const events = queued.splice(0)
    const sync = events.map((event) => isSyncMessage(event.data))
    for (let i = 0; i < events.length; ) {
      if (!sync[i]) {
        receive(events[i++]!)
        continue
      }
      let end = i
      while (end < events.length && sync[end]) end++
      const run = events.slice(i, end)
      i = end
      if (run.length === 1) receive(run[0]!)
      else doc.transact(() => run.forEach((event) => receive(event)), provider)
    }
  }
  const onFrame = () => {
    frame = undefined
    const now = performance.now()
    if (now - inputAt < FRAME_MS && now - firstQueuedAt < DEFER_MAX_MS && !holding && !destroyed) {
      frame = requestAnimationFrame(onFrame)
      return
    }
    flush()
  }
  const schedule = () => {
    if (holding || frame !== undefined) return
    firstQueuedAt = performance.now()
    frame = requestAnimationFrame(onFrame)
    flushTimer = setTimeout(flush, FLUSH_MS)
  }
  // the socket hands each message to the provider of its document by calling this
  provider.onMessage = (event: Incoming) => {
    queued.push(event)
    schedule()
  }
  const holdIncoming = (hold: boolean) => {
    if (hold === holding) return
    holding = hold
    clearTimeout(holdTimer)
    if (hold) holdTimer = setTimeout(() => holdIncoming(false), HOLD_MAX_MS)
    else if (queued.length) schedule()
  }

  let persistence: IndexeddbPersistence | null = null
  let localStore: UpdateBatcher | null = null
  // the page going away (closed, reloaded, hidden) stores what is waiting for the browser's copy
  const storeNow = () => localStore?.flush()
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') storeNow()
  }
  let resolveLocal: () => void = () => undefined
  const local = new Promise<void>((resolve) => (resolveLocal = resolve))
  let started = false
  let destroyed = false

  /** Reads the browser's copy first, then connects: what was typed offline goes out with the first sync. */
  const start = () => {
    if (started || destroyed) return
    started = true
    try {
      const copy = new IndexeddbPersistence(localCopyName(connection.serverUrl, teamName), doc)
      persistence = copy
      // its own per-change store is replaced by one per idle moment (localCopy.ts)
      doc.off('update', copy._storeUpdate)
      localStore = coalesceUpdates(
        doc,
        copy,
        (update) => {
          if (!copy.db) return false
          copy._storeUpdate(update, null)
          return true
        },
        idleAfter(LOCAL_STORE_GATHER_MS, LOCAL_STORE_MAX_MS),
      )
      window.addEventListener('pagehide', storeNow)
      document.addEventListener('visibilitychange', onVisibility)
      void copy.whenSynced.then(() => resolveLocal(), () => resolveLocal())
    } catch {
      resolveLocal() // no IndexedDB (a private window): the server's copy alone
    }
    void local.then(() => {
      if (destroyed) return
      provider.attach()
      void socket.connect()
    })
  }

  // ---- 离线 / 同步中 / 已同步 --------------------------------------------------------------------
  const stateListeners = new Set<(state: TeamSyncState) => void>()
  let socketStatus: WebSocketStatus = WebSocketStatus.Disconnected
  const syncState = (): TeamSyncState => {
    if (socketStatus !== WebSocketStatus.Connected) return 'offline'
    return provider.isSynced && provider.unsyncedChanges === 0 ? 'synced' : 'syncing'
  }
  // Each keystroke is a change waiting for the server's acknowledgement for a few milliseconds:
  // shown as it is, the status would blink 同步中/已同步 with every key and re-render the status bar
  // twice per keystroke, inside the keystroke's own event. From 已同步, 同步中 is shown only when a
  // change has waited SYNCING_SHOWN_AFTER_MS; 离线 and 已同步 are shown at once.
  let last = syncState()
  let syncingTimer: ReturnType<typeof setTimeout> | undefined
  const show = (next: TeamSyncState) => {
    if (next === last) return
    last = next
    for (const l of stateListeners) l(next)
  }
  const emitState = () => {
    const next = syncState()
    if (next === 'syncing' && last === 'synced') {
      syncingTimer ??= setTimeout(() => {
        syncingTimer = undefined
        if (!destroyed) show(syncState())
      }, SYNCING_SHOWN_AFTER_MS)
      return
    }
    clearTimeout(syncingTimer)
    syncingTimer = undefined
    show(next)
  }
  provider.on('status', ({ status }: { status: WebSocketStatus }) => {
    socketStatus = status
    emitState()
  })
  provider.on('synced', emitState)
  provider.on('unsyncedChanges', emitState)

  // ---- the awareness Lexical sees: only the clients with a caret to draw ----------------------------
  // Lexical's binding redraws others' carets on every change of the text and of the awareness (the
  // writer's own caret moving with each keystroke), and for each other client it first measures the
  // page (a forced layout of the whole document) before it looks whether that client has a caret at
  // all. A client without one (a reader, a writer whose editor is not focused, a Node client) is
  // left out of what it is shown: nothing to draw for it, and no layout forced for it.
  const awareness = provider.awareness!
  const hasCaret = (state: Record<string, unknown>) => state.focusing === true && state.anchorPos != null && state.focusPos != null
  const lexicalAwareness: ProviderAwareness = {
    getLocalState: () => awareness.getLocalState() as UserState | null,
    getStates: () => {
      const shown = new Map<number, UserState>()
      for (const [clientId, state] of awareness.getStates()) if (clientId === awareness.clientID || hasCaret(state)) shown.set(clientId, state as UserState)
      return shown
    },
    on: (type, cb) => void awareness.on(type, cb),
    off: (type, cb) => void awareness.off(type, cb),
    setLocalState: (state) => awareness.setLocalState(state),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
  }

  // ---- Lexical's Provider: 'sync' (bool) and 'status' ({status}) events, connect/disconnect ---------
  const wrapped = new Map<unknown, (arg: never) => void>()
  const eventOf = (type: string) => (type === 'sync' ? 'synced' : type)
  const lexicalProvider: Provider = {
    awareness: lexicalAwareness,
    // connect() returns nothing: the plugin then disconnects synchronously on unmount (StrictMode safe)
    connect: () => void start(),
    // the connection belongs to the open document: it ends when the editor closes (destroy)
    disconnect: () => undefined,
    on: ((type: string, cb: (arg: unknown) => void) => {
      if (type !== 'sync' && type !== 'status') return // 'update', 'reload': never emitted by this engine
      const fn = type === 'sync' ? ({ state }: { state: boolean }) => cb(state) : cb
      wrapped.set(cb, fn as (arg: never) => void)
      provider.on(eventOf(type), fn)
    }) as Provider['on'],
    off: ((type: string, cb: (arg: unknown) => void) => {
      const fn = wrapped.get(cb)
      if (!fn) return
      wrapped.delete(cb)
      provider.off(eventOf(type), fn)
    }) as Provider['off'],
  }

  const sharedBy = async (timeoutMs = 5000): Promise<string | undefined | null> => {
    // the team's list, read over the same connection
    const index = new HocuspocusProvider({ websocketProvider: socket, name: TEAM_INDEX, token: connection.token })
    index.attach()
    try {
      const synced = await new Promise<boolean>((resolve) => {
        if (index.isSynced) return resolve(true)
        const timer = setTimeout(() => resolve(false), timeoutMs)
        index.on('synced', () => {
          clearTimeout(timer)
          resolve(true)
        })
      })
      if (!synced) return null
      const entry = teamIndexEntrySchema.safeParse(index.document.getMap('documents').get(teamName))
      return entry.success ? entry.data.sharedBy : undefined
    } finally {
      index.destroy()
    }
  }

  return {
    doc,
    provider,
    socket,
    lexicalProvider,
    local,
    syncState: () => last,
    onSyncState: (listener) => {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    onNotice: (listener) => {
      notices.add(listener)
      return () => notices.delete(listener)
    },
    sharedBy,
    holdIncoming,
    noteInput: () => void (inputAt = performance.now()),
    destroy: () => {
      if (destroyed) return
      destroyed = true
      clearTimeout(syncingTimer)
      resolveLocal()
      provider.destroy()
      socket.destroy()
      window.removeEventListener('pagehide', storeNow)
      document.removeEventListener('visibilitychange', onVisibility)
      localStore?.destroy()
      void persistence?.destroy()
      doc.destroy()
    },
  }
}
