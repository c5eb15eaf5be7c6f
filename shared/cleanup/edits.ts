/** Text edits: what a cleanup rule returns for one string, and how to apply them to a string. */

/** Replace text[start, end) with `text`. The range is never empty. */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/** Edits sorted by position, with no-ops and empty ranges dropped; overlapping edits are a bug. */
export function normalizeEdits(source: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .filter((e) => e.end > e.start && source.slice(e.start, e.end) !== e.text)
    .sort((a, b) => a.start - b.start)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) throw new Error(`cleanup: overlapping edits at ${sorted[i]!.start}`)
  }
  for (const e of sorted) {
    if (e.start < 0 || e.end > source.length) throw new Error(`cleanup: edit out of range ${e.start}–${e.end}`)
  }
  return sorted
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let out = ''
  let cursor = 0
  for (const e of normalizeEdits(source, edits)) {
    out += source.slice(cursor, e.start) + e.text
    cursor = e.end
  }
  return out + source.slice(cursor)
}

/**
 * Edits from comparing a string with its converted form (for converters that hand back a whole
 * string, such as OpenCC). Same length: one edit per run of differing code units, widened so that
 * no edit splits a surrogate pair. Different length: one edit from the first to the last
 * difference.
 */
export function diffEdits(before: string, after: string, offset = 0): TextEdit[] {
  if (before === after) return []
  if (before.length !== after.length) {
    let head = 0
    while (head < before.length && head < after.length && before[head] === after[head]) head++
    let tail = 0
    while (
      tail < before.length - head &&
      tail < after.length - head &&
      before[before.length - 1 - tail] === after[after.length - 1 - tail]
    ) tail++
    head = widenStart(before, head)
    return [{ start: offset + head, end: offset + before.length - tail, text: after.slice(head, after.length - tail) }]
  }
  const edits: TextEdit[] = []
  let i = 0
  while (i < before.length) {
    if (before[i] === after[i]) { i++; continue }
    let start = widenStart(before, i)
    let end = i + 1
    while (end < before.length && before[end] !== after[end]) end++
    if (end < before.length && isLowSurrogate(before.charCodeAt(end))) end++
    const last = edits[edits.length - 1]
    if (last && last.end === offset + start) { start = last.start - offset; edits.pop() }
    edits.push({ start: offset + start, end: offset + end, text: after.slice(start, end) })
    i = end
  }
  return edits
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

function widenStart(s: string, i: number): number {
  return i > 0 && isLowSurrogate(s.charCodeAt(i)) ? i - 1 : i
}
