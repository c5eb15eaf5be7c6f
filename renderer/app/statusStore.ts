/**
 * The editor's status (save state, 字数) outside React state of the App: it changes on the first
 * keystroke or figure change after every save, and held in App it re-rendered the whole window
 * (document list, panels, outline) in the frame that shows the change. Only the status bar reads it.
 */
import { useSyncExternalStore, type Dispatch, type SetStateAction } from 'react'
import type { EditorStatus } from '../editor/SummaryEditor'

export interface StatusStore {
  get(): EditorStatus
  set: Dispatch<SetStateAction<EditorStatus>>
  subscribe(listener: () => void): () => void
}

export function createStatusStore(initial: EditorStatus): StatusStore {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set: (next) => {
      const v = typeof next === 'function' ? next(value) : next
      if (v === value || (v.save === value.save && v.characters === value.characters && v.error === value.error && v.team === value.team)) return
      value = v
      for (const l of listeners) l()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export function useEditorStatus(store: StatusStore): EditorStatus {
  return useSyncExternalStore(store.subscribe, store.get)
}
