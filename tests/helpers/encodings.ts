/** Encoders for test files in the legacy Chinese encodings (Node's TextEncoder writes only UTF-8). */

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i)

/** A double-byte encoder built from the decoder's own table (every pair decoded once, on first use). */
function doubleByteEncoder(label: string, leads: number[], trails: number[]): (text: string) => Uint8Array {
  let table: Map<string, number[]> | null = null
  const build = () => {
    const made = new Map<string, number[]>()
    const decoder = new TextDecoder(label)
    for (const lead of leads)
      for (const trail of trails) {
        const ch = decoder.decode(new Uint8Array([lead, trail]))
        if (ch.length === 1 && ch !== '\ufffd' && !made.has(ch)) made.set(ch, [lead, trail])
      }
    return made
  }
  return (text) => {
    table ??= build()
    const out: number[] = []
    for (const ch of text) {
      const code = ch.codePointAt(0)!
      if (code < 0x80) out.push(code)
      else {
        const bytes = table.get(ch)
        if (!bytes) throw new Error(`${label} cannot encode ${ch}`)
        out.push(...bytes)
      }
    }
    return new Uint8Array(out)
  }
}

/** GB18030's two-byte part: GBK. */
export const gb18030 = doubleByteEncoder('gb18030', range(0x81, 0xfe), [...range(0x40, 0x7e), ...range(0x80, 0xfe)])
export const big5 = doubleByteEncoder('big5', [...range(0xa1, 0xfe), ...range(0x81, 0xa0)], [...range(0x40, 0x7e), ...range(0xa1, 0xfe)])
