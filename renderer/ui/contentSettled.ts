import type { LexicalEditor } from 'lexical'

/**
 * Calls `fn` once the document's content has not changed for `ms` after a change (an update that
 * only moves the selection is not one). Returns the unregister, which also drops a pending call.
 */
export function registerContentSettled(editor: LexicalEditor, fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(fn, ms)
  })
  return () => {
    unregister()
    if (timer) clearTimeout(timer)
  }
}
