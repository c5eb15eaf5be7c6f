/**
 * A result already serialized as JSON (UTF-8 chunks), typed by the value it stands for. A worker
 * serializes a large result (an imported document, the rows of a spreadsheet) so the main thread
 * never walks it: the browser shell writes the chunks to the response as they are, and only a
 * caller that needs the value (IPC, the CLI, tests) parses it.
 */
export class RawJson<T = unknown> {
  /** the type of the value; never set */
  declare readonly __value?: T

  constructor(readonly chunks: readonly Uint8Array[]) {}

  static of<T>(value: T): RawJson<T> {
    return new RawJson<T>([Buffer.from(JSON.stringify(value), 'utf8')])
  }

  get byteLength(): number {
    return this.chunks.reduce((n, c) => n + c.byteLength, 0)
  }

  parse(): T {
    const text = this.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('utf8')).join('')
    return JSON.parse(text) as T
  }

  /** The same object with more (small) fields; the large chunks are not copied. */
  with<E extends object>(extra: E): RawJson<T & E> {
    const fields = JSON.stringify(extra).slice(1, -1)
    if (!fields) return this as unknown as RawJson<T & E>
    const last = this.chunks[this.chunks.length - 1]!
    // the object's closing brace is the last byte of the last chunk
    const head = [...this.chunks.slice(0, -1), last.subarray(0, last.byteLength - 1)]
    const empty = this.byteLength === 2
    return new RawJson<T & E>([...head, Buffer.from(`${empty ? '' : ','}${fields}}`, 'utf8')])
  }
}
