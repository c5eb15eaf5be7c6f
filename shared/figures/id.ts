/** Ids of new figures in the table. */

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz'
const ID_LENGTH = 7

/**
 * A new figure id: "f" and 7 base-36 characters ("fk3x09qa"), readable in the stored JSON and
 * unlikely to clash (36^7 ≈ 7.8×10^10) — and never one in `taken`. Crypto randomness through
 * globalThis.crypto (browsers and Node 20 both have it), so the editor and the service make ids
 * the same way without shared/ importing node:crypto.
 */
export function newFigureId(taken: ReadonlySet<string> = new Set()): string {
  const bytes = new Uint8Array(16)
  for (;;) {
    globalThis.crypto.getRandomValues(bytes)
    let id = 'f'
    for (const b of bytes) {
      if (b >= 252) continue // 252 = 7 × 36: the bytes above would favour the first characters
      id += BASE36[b % 36]
      if (id.length > ID_LENGTH) break
    }
    if (id.length > ID_LENGTH && !taken.has(id)) return id
  }
}
