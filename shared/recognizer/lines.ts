/**
 * Lines: newline normalization, and joining hard-wrapped lines back into paragraphs.
 *
 * Text copied from PDFs or plain-text mails arrives broken at a fixed width, mid-sentence and even
 * mid-number ("8月2\n3日"). Such text is recognized by its line-length distribution: most of its
 * lines have (nearly) the same display width W, and almost none is longer. A line is then joined
 * with the next when
 *   - it is "full": at least W − WRAP_TOLERANCE columns wide (indentation included — the page
 *     wrapped it by width), and
 *   - it does not end with a line terminal (。！？；：…”』）etc.), and
 *   - the next line is non-blank, not indented more than this one (a new indented paragraph),
 *     and does not start a block: a heading marker, a collection marker ("第二篇"), a date line;
 *     and this line is not a date or collection-label line itself.
 * A line holding only a heading marker ("一、") is always joined with the text on the next line.
 * Text without such a width cluster (one paragraph per line, as pasted from the web) is never joined.
 */
import { LINE_TERMINALS, displayWidth, indentWidth, isAsciiLetter, trimEnd, trimLine } from './chars'

/** How many columns short of the wrap width a wrapped line may be (a CJK character that did not fit). */
export const WRAP_TOLERANCE = 4
/** Narrowest wrap width considered (12 CJK characters). */
const MIN_WRAP_WIDTH = 24
/** Widest wrap width considered. */
const MAX_WRAP_WIDTH = 400

export interface NormalizedText {
  lines: string[]
  /** control characters dropped (NUL, BEL, ESC …) */
  controlRemoved: number
}

/**
 * Split into lines: CRLF, CR, U+2028/2029, NEL, vertical tab and form feed all end a line.
 * C0/C1 control characters other than tab, the BOM and zero-width spaces are dropped — they are not
 * the writer's wording. Trailing blanks are trimmed; indentation is kept (the wrap rule reads it).
 */
export function splitLines(text: string): NormalizedText {
  let controlRemoved = 0
  const cleaned = text
    .replace(/\r\n?|[\u2028\u2029\u0085\v\f]/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\u200b\ufffe\uffff]/g, () => {
      controlRemoved++
      return ''
    })
  return { lines: cleaned.split('\n').map(trimEnd), controlRemoved }
}

/**
 * The wrap width of hard-wrapped text, or null when the text is not hard-wrapped.
 * The "full" lines are those in the 4-column window [W−3, W] holding the most non-blank lines, W
 * being the widest line in it. W counts as a wrap width when
 *   - the window holds at least a quarter of the non-blank lines (and at least 3),
 *   - at most a tenth of the lines are wider than W + WRAP_TOLERANCE (wrapping caps the width), and
 *   - at least half of the full lines are open: followed by a non-blank line and not ending with a
 *     line terminal — a wrapped line continues; a column of short headings or web buttons does not.
 */
export function estimateWrapWidth(lines: readonly string[]): number | null {
  const counts = new Array<number>(MAX_WRAP_WIDTH + 1).fill(0)
  const widths: number[] = []
  for (const line of lines) {
    const w = line.trim() ? displayWidth(line) : 0
    widths.push(w)
    if (w) counts[Math.min(w, MAX_WRAP_WIDTH)]!++
  }
  const total = widths.filter((w) => w > 0).length
  if (total < 3) return null
  let top = -1
  let bestCount = 0
  let window = 0
  for (let w = 0; w < MAX_WRAP_WIDTH; w++) {
    window += counts[w]!
    if (w >= 4) window -= counts[w - 4]!
    if (w >= MIN_WRAP_WIDTH && window > bestCount) { top = w; bestCount = window }
  }
  if (top < 0 || bestCount < 3 || bestCount < total * 0.25) return null
  let width = top
  while (counts[width] === 0) width--
  if (width < MIN_WRAP_WIDTH) return null
  let wider = 0
  let open = 0
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!
    if (w > width + WRAP_TOLERANCE) wider++
    else if (w >= width - 3 && w <= width && (widths[i + 1] ?? 0) > 0) {
      const line = trimEnd(lines[i]!)
      if (!LINE_TERMINALS.has(line[line.length - 1]!)) open++
    }
  }
  return wider <= total * 0.1 && open * 2 >= bestCount ? width : null
}

export interface JoinedLines {
  /** logical lines, trimmed, non-blank */
  lines: string[]
  /** how many line breaks were removed */
  joined: number
}

export interface JoinRules {
  /** true when a trimmed line starts a block of its own (heading marker, collection marker, date) */
  startsBlock(trimmed: string): boolean
  /** true when a trimmed line is a heading marker with nothing after it */
  isBareMarker(trimmed: string): boolean
  /** true when a trimmed line is complete on its own (a date, a collection label) and must not be joined onward */
  standsAlone(trimmed: string): boolean
}

export function joinWrappedLines(lines: readonly string[], rules: JoinRules): JoinedLines {
  const width = estimateWrapWidth(lines)
  const out: string[] = []
  let joined = 0
  // the paragraph being built, as pieces (joined once at its end: reading characters of a string
  // grown by += would flatten it on every line, which is quadratic on long paragraphs)
  let parts: string[] = []
  let prevRaw = ''
  const flush = () => {
    if (parts.length) out.push(parts.join(''))
    parts = []
  }
  for (const raw of lines) {
    const trimmed = trimLine(raw)
    if (!trimmed) {
      flush()
      continue
    }
    const last = parts[parts.length - 1]
    if (last !== undefined && shouldJoin(prevRaw, last, parts.length === 1, raw, trimmed, width, rules)) {
      parts.push(separator(last, trimmed), trimmed)
      joined++
    } else {
      flush()
      parts.push(trimmed)
    }
    prevRaw = raw
  }
  flush()
  return { lines: out, joined }
}

/** `last` is the previous physical line (trimmed); `alone` when it is not yet joined to anything. */
function shouldJoin(prevRaw: string, last: string, alone: boolean, nextRaw: string, next: string, width: number | null, rules: JoinRules): boolean {
  if (alone && rules.isBareMarker(last)) return !rules.startsBlock(next)
  if (width === null) return false
  if (LINE_TERMINALS.has(last[last.length - 1]!)) return false
  if (displayWidth(prevRaw) < width - WRAP_TOLERANCE) return false
  if (indentWidth(nextRaw) > indentWidth(prevRaw)) return false
  if ((alone && last.length <= 80 && rules.standsAlone(last)) || rules.startsBlock(next)) return false
  return true
}

/** Lines are joined without a space, except between two Latin letters (a space the wrap swallowed). */
function separator(left: string, right: string): string {
  return isAsciiLetter(left.charCodeAt(left.length - 1)) && isAsciiLetter(right.charCodeAt(0)) ? ' ' : ''
}
