import * as Y from 'yjs'

/**
 * One Yjs state from a snapshot and updates, in a fresh document (so deleted text is garbage
 * collected as the live document does). An update that does not apply — a log row written by a
 * broken client before the server refused it — is skipped, never allowed to stop the document
 * from loading; `skipped` counts them.
 */
export function foldUpdates(parts: readonly (Uint8Array | null | undefined)[]): { state: Uint8Array; skipped: number } {
  const doc = new Y.Doc({ gc: true })
  let skipped = 0
  for (const part of parts) {
    if (!part || part.length === 0) continue
    try {
      Y.applyUpdate(doc, part)
    } catch {
      skipped++
    }
  }
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { state, skipped }
}
