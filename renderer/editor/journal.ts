/**
 * The unsaved-text journal: a copy, in the browser's own storage (IndexedDB), of every text the
 * back end has not yet confirmed, so that a crash of the page, of the back end or of the machine
 * loses at most the last fraction of a second of typing. Autosave writes an entry within a moment
 * of every change and removes it when the back end confirms the same text; opening the document
 * offers what is left (恢复未保存的内容).
 *
 * An entry is keyed by the library file's path, the document id and the page (session) that wrote
 * it: two windows on one document each keep their own. A page holds a Web Lock named after its
 * session for as long as it lives, so the entries of pages still open elsewhere are told from those
 * left behind by a page that is gone (closed, crashed, killed): only the latter are offered.
 *
 * IndexedDB belongs to the page's origin: the desktop app's app:// origin is fixed, the browser
 * shell's is 127.0.0.1 and its port (start it with --port to keep the journal across restarts).
 * Where IndexedDB cannot be had, every call quietly does nothing; a refusal is not remembered, so
 * storage that comes back (after a crash Chromium can refuse it for a moment) is used at the next call.
 */
import type { SummaryDocument } from '../../shared/document/model'

export interface JournalEntry {
  library: string
  documentId: string
  /** the page that wrote it */
  session: string
  model: SummaryDocument
  /** the version of the stored document this text was made from */
  baseVersion: number
  /** when the text was written here (ms since the epoch) */
  savedAt: number
  title: string
  characters: number
}

const DB_NAME = 'draftdesk-journal'
const STORE = 'unsaved'
const LOCK_PREFIX = 'draftdesk-session:'

/** This page's session: its entries, and the lock that says it is alive. */
export const SESSION = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`
try {
  // held until the page goes away (never released otherwise)
  void navigator.locks?.request(LOCK_PREFIX + SESSION, () => new Promise<never>(() => {})).catch(() => undefined)
} catch {
  // no Web Locks: every other session's entries count as left behind
}

let opening: Promise<IDBDatabase | null> | null = null

function database(): Promise<IDBDatabase | null> {
  opening ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1)
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { keyPath: ['library', 'documentId', 'session'] })
        store.createIndex('library', 'library')
        store.createIndex('document', ['library', 'documentId'])
      }
      request.onsuccess = () => {
        // closed by the browser (its storage cleared, say): opened again at the next call
        request.result.onclose = () => void (opening = null)
        resolve(request.result)
      }
      request.onerror = () => resolve(null)
      request.onblocked = () => resolve(null)
    } catch {
      resolve(null)
    }
  }).then((db) => {
    // a refusal is not kept: the storage may be there at the next write (after a crash Chromium can
    // refuse it for a moment), and a page that gave up at its first try would journal nothing
    if (!db) opening = null
    return db
  })
  return opening
}

/** One request in its own transaction, resolved when the transaction has committed. */
async function run<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await database()
  if (!db) return undefined
  return new Promise((resolve) => {
    let result: T | undefined
    try {
      const tx = db.transaction(STORE, mode, { durability: 'strict' })
      const request = make(tx.objectStore(STORE))
      request.onsuccess = () => void (result = request.result)
      tx.oncomplete = () => resolve(result)
      tx.onerror = () => resolve(undefined)
      tx.onabort = () => resolve(undefined)
    } catch {
      resolve(undefined)
    }
  })
}

// Requests are chained so that they land in the order they were asked for (a removal never
// overtakes the write before it, a read sees every write asked for before it).
let queue: Promise<unknown> = Promise.resolve()
function inOrder<T>(op: () => Promise<T>): Promise<T> {
  const next = queue.then(op, op)
  queue = next.catch(() => undefined)
  return next
}

/** The sessions of pages alive now (this one included). */
async function liveSessions(): Promise<Set<string>> {
  const live = new Set([SESSION])
  try {
    const state = await navigator.locks?.query()
    for (const lock of state?.held ?? []) if (lock.name?.startsWith(LOCK_PREFIX)) live.add(lock.name.slice(LOCK_PREFIX.length))
  } catch {
    // no Web Locks: only this page counts as alive
  }
  return live
}

/** Entries this page may offer: its own, and those of pages that are gone; the latest first. */
async function offerable(entries: JournalEntry[]): Promise<JournalEntry[]> {
  const live = await liveSessions()
  return entries.filter((e) => e.session === SESSION || !live.has(e.session)).sort((a, b) => b.savedAt - a.savedAt)
}

export const journal = {
  /** Writes this page's entry for a document (replacing its previous one). */
  put(entry: Omit<JournalEntry, 'session'>): Promise<void> {
    return inOrder(async () => void (await run('readwrite', (s) => s.put({ ...entry, session: SESSION }))))
  },
  /** Removes an entry: this page's by default. */
  remove(library: string, documentId: string, session: string = SESSION): Promise<void> {
    return inOrder(async () => void (await run('readwrite', (s) => s.delete([library, documentId, session]))))
  },
  /** What may be offered for one document, the latest first. */
  forDocument(library: string, documentId: string): Promise<JournalEntry[]> {
    return inOrder(async () => offerable(((await run('readonly', (s) => s.index('document').getAll([library, documentId]))) as JournalEntry[] | undefined) ?? []))
  },
  /** What may be offered in a library, the latest first. */
  forLibrary(library: string): Promise<JournalEntry[]> {
    return inOrder(async () => offerable(((await run('readonly', (s) => s.index('library').getAll(library))) as JournalEntry[] | undefined) ?? []))
  },
}
