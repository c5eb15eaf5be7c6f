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

/**
 * Asks for the 素材 tab beside the page (after saving a snippet, or 插入素材 from the context
 * menu); with `focus`, the keyboard goes to its search box, where Enter inserts at the caret.
 */
export const SHOW_SNIPPETS_EVENT = 'draftdesk:show-snippets'

export function showSnippets(opts: { focus?: boolean } = {}): void {
  window.dispatchEvent(new CustomEvent(SHOW_SNIPPETS_EVENT, { detail: opts }))
}
