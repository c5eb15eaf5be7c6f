/**
 * The browser's copy of a team document (y-indexeddb), written once per idle moment instead of
 * once per change.
 *
 * y-indexeddb stores every update of the Y.Doc in an IndexedDB transaction of its own, at once:
 * with ten writers typing that is fifty transactions a second on the page's main thread (the
 * others' changes are stored too: the copy must hold them for offline work), plus one for every
 * keystroke of the writer's own — about a tenth of the page's script time while co-editing. Here
 * the updates are collected for LOCAL_STORE_GATHER_MS and then, in the next idle moment (at the
 * latest LOCAL_STORE_MAX_MS after the first of them), merged into one update (Y.mergeUpdates) and
 * stored in one transaction through
 * y-indexeddb's own store, so its compaction and its reading back are unchanged. Before the page
 * goes away (hidden, closed, reloaded) and when the document is closed, what is waiting is stored
 * at once.
 *
 * What the writer typed is on the server as soon as it is acknowledged, in the local library's copy
 * through autosave and the journal (docs/saving.md), and in this copy within LOCAL_STORE_MAX_MS
 * (plus the transaction's commit) — well within the second the team feature promises for it.
 */
import * as Y from 'yjs'

/** The latest an update waits before it is stored in the browser's copy. */
export const LOCAL_STORE_MAX_MS = 500
/**
 * How long updates are gathered before the store looks for an idle moment: a busy page is idle
 * between most frames, so an idle moment alone would still store nearly every change on its own.
 */
export const LOCAL_STORE_GATHER_MS = 250

export interface UpdateBatcher {
  /** Stores what is waiting now (when the store can take it). */
  flush(): void
  /** Stops listening; what is still waiting is stored first. */
  destroy(): void
}

/**
 * Collects the doc's updates (except those whose origin is `skipOrigin`: the copy's own reading
 * back) and hands them to `store` merged, once per `schedule` call. `store` answers false when it
 * cannot take them yet (the database not open): they stay and are offered again later.
 */
export function coalesceUpdates(
  doc: Y.Doc,
  skipOrigin: unknown,
  store: (update: Uint8Array) => boolean,
  schedule: (fn: () => void) => () => void,
): UpdateBatcher {
  let pending: Uint8Array[] = []
  let cancel: (() => void) | null = null
  const flush = () => {
    cancel?.()
    cancel = null
    if (!pending.length) return
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending)
    if (store(update)) pending = []
    else {
      pending = [update]
      cancel = schedule(flush)
    }
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === skipOrigin) return
    pending.push(update)
    if (!cancel) cancel = schedule(flush)
  }
  doc.on('update', onUpdate)
  return {
    flush,
    destroy: () => {
      flush()
      cancel?.()
      cancel = null
      doc.off('update', onUpdate)
    },
  }
}

/** Runs `fn` in the first idle moment after `gatherMs`, at the latest after `maxMs`; returns a cancel. */
export function idleAfter(gatherMs: number, maxMs: number): (fn: () => void) => () => void {
  return (fn) => {
    let idle: number | undefined
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: Math.max(1, maxMs - gatherMs) })
      else fn()
    }, gatherMs)
    return () => {
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
    }
  }
}
