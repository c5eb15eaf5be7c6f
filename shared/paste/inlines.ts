/** Slicing inline content by text offset, keeping each piece's marks. Figures count as no text. */
import type { Inline } from '../document/model'

export function inlineLength(inlines: readonly Inline[]): number {
  let n = 0
  for (const i of inlines) if (i.type === 'text') n += i.text.length
  return n
}

/** The inlines covering text offsets [start, end). A figure at the cut goes with the later piece. */
export function sliceInlines(inlines: readonly Inline[], start: number, end = Infinity): Inline[] {
  const out: Inline[] = []
  let pos = 0
  for (const inline of inlines) {
    if (inline.type !== 'text') {
      if (pos >= start && pos < end) out.push(inline)
      continue
    }
    const from = Math.max(start, pos)
    const to = Math.min(end, pos + inline.text.length)
    if (to > from) out.push({ ...inline, text: inline.text.slice(from - pos, to - pos) })
    pos += inline.text.length
  }
  return out
}

/** Leading blanks (half-, full-width, tabs) of the inline text. */
export function leadingBlanks(text: string): number {
  return /^[ \t\u3000\u00a0]*/.exec(text)?.[0].length ?? 0
}
