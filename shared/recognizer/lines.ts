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
 *     and does not start a block: a heading marker, a collection marker ("第二篇"), a date line.
 * A line holding only a heading marker ("一、") is always joined with the text on the next line.
 * Text without such a width cluster (one paragraph per line, as pasted from the web) is never joined.
 */
import { LINE_TERMINALS, displayWidth, indentWidth, isAsciiLetter, trimEnd, trimLine } from './chars'

/** How many columns short of the wrap width a wrapped line may be (a CJK character that did not fit). */
export const WRAP_TOLERANCE = 4
/** Narrowest wrap width considered (10 CJK characters). */
const MIN_WRAP_WIDTH = 20
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
 * W is the top of the 4-column window [W−3, W] holding the most non-blank lines (ties: the wider).
 * It counts as a wrap width when that window holds at least a quarter of the lines (and ≥ 3) and at
 * most a tenth of the lines are wider than W + WRAP_TOLERANCE.
 */
export function estimateWrapWidth(lines: readonly string[]): number | null {
  const counts = new Array<number>(MAX_WRAP_WIDTH + 1).fill(0)
  const widths: number[] = []
  for (const line of lines) {
    if (!line.trim()) continue
    const w = displayWidth(line)
    widths.push(w)
    counts[Math.min(w, MAX_WRAP_WIDTH)]!++
  }
  const total = widths.length
  if (total < 3) return null
  let best = -1
  let bestCount = 0
  let window = 0
  for (let w = 0; w < MAX_WRAP_WIDTH; w++) {
    window += counts[w]!
    if (w >= 4) window -= counts[w - 4]!
    if (w >= MIN_WRAP_WIDTH && window >= bestCount) { best = w; bestCount = window }
  }
  if (best < 0 || bestCount < 3 || bestCount < total * 0.25) return null
  let wider = 0
  for (const w of widths) if (w > best + WRAP_TOLERANCE) wider++
  return wider <= total * 0.1 ? best : null
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
  /** true when a trimmed line is complete on its own (a date line) and must not be joined onward */
  standsAlone(trimmed: string): boolean
}

export function joinWrappedLines(lines: readonly string[], rules: JoinRules): JoinedLines {
  const width = estimateWrapWidth(lines)
  const out: string[] = []
  let joined = 0
  let current: string | null = null
  let prevRaw = ''
  for (const raw of lines) {
    const trimmed = trimLine(raw)
    if (!trimmed) {
      if (current !== null) out.push(current)
      current = null
      continue
    }
    if (current !== null && shouldJoin(prevRaw, current, raw, trimmed, width, rules)) {
      current = current + separator(current, trimmed) + trimmed
      joined++
    } else {
      if (current !== null) out.push(current)
      current = trimmed
    }
    prevRaw = raw
  }
  if (current !== null) out.push(current)
  return { lines: out, joined }
}

function shouldJoin(prevRaw: string, current: string, nextRaw: string, next: string, width: number | null, rules: JoinRules): boolean {
  if (rules.isBareMarker(current)) return !rules.startsBlock(next)
  if (width === null) return false
  if (LINE_TERMINALS.has(current[current.length - 1]!)) return false
  if (displayWidth(prevRaw) < width - WRAP_TOLERANCE) return false
  if (indentWidth(nextRaw) > indentWidth(prevRaw)) return false
  if (rules.standsAlone(current) || rules.startsBlock(next)) return false
  return true
}

/** Lines are joined without a space, except between two Latin letters (a space the wrap swallowed). */
function separator(left: string, right: string): string {
  return isAsciiLetter(left.charCodeAt(left.length - 1)) && isAsciiLetter(right.charCodeAt(0)) ? ' ' : ''
}
