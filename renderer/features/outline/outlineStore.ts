/**
 * The outline's data (the headings with their numbers, each heading's own 字数) outside the editor's
 * React state: held there, every change re-rendered the whole editor (toolbar, page, panels) when
 * only the outline shows it. The plugins that derive it write here; only OutlinePanel reads it.
 */
import { useSyncExternalStore } from 'react'
import type { OutlineEntry } from '../structure/HeadingNumbersPlugin'

export interface OutlineData {
  entries: OutlineEntry[]
  /** characters from each heading up to the next heading of any level, by heading key */
  ownCounts: ReadonlyMap<string, number>
}

export interface OutlineStore {
  get(): OutlineData
  setEntries(entries: OutlineEntry[]): void
  setOwnCounts(counts: ReadonlyMap<string, number>): void
  subscribe(listener: () => void): () => void
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false
  for (const [k, v] of a) if (b.get(k) !== v) return false
  return true
}

export function createOutlineStore(): OutlineStore {
  let value: OutlineData = { entries: [], ownCounts: new Map() }
  const listeners = new Set<() => void>()
  const set = (next: OutlineData) => {
    value = next
    for (const l of listeners) l()
  }
  return {
    get: () => value,
    setEntries: (entries) => {
      if (entries !== value.entries) set({ ...value, entries })
    },
    // the counts are worked out afresh after every pause in typing: unchanged ones re-render nothing
    setOwnCounts: (ownCounts) => {
      if (!sameCounts(ownCounts, value.ownCounts)) set({ ...value, ownCounts })
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export function useOutlineData(store: OutlineStore): OutlineData {
  return useSyncExternalStore(store.subscribe, store.get)
}
