/** "The snippet library changed" (a save, an edit, an import): open lists refresh. */
import { useSyncExternalStore } from 'react'

let version = 0
const listeners = new Set<() => void>()

export function snippetsChanged(): void {
  version++
  for (const l of listeners) l()
}

export function useSnippetsVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => version,
  )
}
