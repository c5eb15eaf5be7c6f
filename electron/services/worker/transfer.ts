/** The buffers in a message that can be handed over (transferred) rather than copied. */
export function transferables(value: unknown, depth = 0): ArrayBuffer[] {
  if (value instanceof Uint8Array) {
    // only a view over a whole ArrayBuffer of its own: a slice of Node's shared pool must be copied
    return value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? [value.buffer] : []
  }
  if (depth >= 3 || !value || typeof value !== 'object' || Array.isArray(value)) return []
  return [...new Set(Object.values(value).flatMap((v) => transferables(v, depth + 1)))]
}
