/**
 * Lines: newline normalization, and joining hard-wrapped lines back into paragraphs.
 *
 * Text copied from PDFs, plain-text mails and old web pages arrives broken at a fixed width,
 * mid-sentence and even mid-number ("8月2\n3日") or mid-character (a "\uFFFD" where a GBK byte
 * wrap cut a character in two). The width may be counted in characters, in display columns
 * (full-width = 2) or in bytes (GBK: 2 per Han character, like columns; UTF-8: 3), and lines may be
 * ragged by several columns (a wrap that keeps punctuation off a line start). Such text is
 * recognized by its line-length distribution (estimateWrap): in one of these measures most of its
 * lines reach (nearly) the same width W, and almost none is wider. A line is then joined with the
 * next when
 *   - it is "full": at least W − tolerance wide (indentation included — the page wrapped it by
 *     width), or it ends in a broken character;
 *   - it does not end with a line terminal (。！？；：…”』）etc.) — unless the text marks its
 *     paragraphs otherwise (indented first lines or blank lines between paragraphs), where a full
 *     line ending in "。" is no paragraph end either;
 *   - the next line is non-blank, not indented more than this one (a new indented paragraph),
 *     and does not start a block: a heading marker, a collection marker ("第二篇"), a date line;
 *     and this line is not a date or collection-label line itself.
 * A line holding only a heading marker ("一、") is always joined with the text on the next line.
 * Text without such a width cluster (one paragraph per line, as pasted from the web) is never joined,
 * so short lines — headings, list items, the signature, dates — stay lines.
 */
import { isHan } from '../text'
import { LINE_TERMINALS, SENTENCE_PUNCTUATION, displayWidth, indentWidth, isAsciiDigit, isAsciiLetter, trimEnd, trimLine } from './chars'
import { tableRows } from './table'

/** How many columns short of the wrap width a wrapped line may be at least (a CJK character that did not fit). */
export const WRAP_TOLERANCE = 4
/** Narrowest wrap width considered, in columns (12 CJK characters). */
const MIN_WRAP_WIDTH = 24
/** Widest wrap width considered, in columns. */
const MAX_WRAP_WIDTH = 400
/** How ragged a wrap may be, in columns (±5 around the target width). */
const RAGGED = 10

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

/** A full line ending in one of these may still continue, in text that marks its paragraphs. */
const SENTENCE_CLOSE = new Set([...'。！？”'])

/** How a wrap width is counted. */
export type WrapMeasure = 'columns' | 'chars' | 'utf8'

/** Units per column-scale unit: characters count 1 where columns count 2 (Han), UTF-8 bytes 3. */
const SCALE: Record<WrapMeasure, number> = { columns: 1, chars: 0.5, utf8: 1.5 }

/** The width of a raw line (indentation included) in one measure. */
export function measureLine(line: string, measure: WrapMeasure): number {
  if (measure === 'columns') return displayWidth(line)
  let n = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff) continue // low surrogate: counted with its high half
    if (measure === 'chars') n += 1
    else n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3
  }
  return n
}

export interface WrapEstimate {
  measure: WrapMeasure
  /** the wrap width W, in that measure */
  width: number
  /** a line at least W − tolerance wide is full */
  tolerance: number
  /** paragraphs are marked by indented first lines or blank lines, so a full line ending in "。" is no paragraph end */
  marked: boolean
}

/** A line ends in a broken character: a "\uFFFD" or half of a surrogate pair. */
export function endsBroken(line: string): boolean {
  const c = line.charCodeAt(line.length - 1)
  return c === 0xfffd || (c >= 0xd800 && c <= 0xdbff)
}

/**
 * The wrap of hard-wrapped text, or null when the text is not hard-wrapped. In each measure
 * (columns, characters, UTF-8 bytes) the "full" lines are those in the window [W−R, W] holding the
 * most non-blank lines, W being the widest line in it and R the raggedness allowed (10 columns).
 * W counts as a wrap width when
 *   - the window holds at least a quarter of the non-blank lines (and at least 3) — or, in a short
 *     text with only a few wrapped lines, it is the widest lines' window and every line in it is open,
 *   - at most a tenth of the lines are wider than W + 4 columns (wrapping caps the width), and
 *   - at least half of the full lines are open: followed by a non-blank line that starts no block
 *     (heading marker, date …) and not ending with a line terminal, the first line (a title) never
 *     counting — a wrapped line continues; a column of short headings or web buttons does not.
 * Of the measures that qualify, the one whose window holds most lines wins (ties: columns). The
 * tolerance is how far below W the window's lines reach (the tenth shortest), at least 4 columns.
 */
export function estimateWrap(lines: readonly string[], startsBlock: (trimmed: string) => boolean = () => false): WrapEstimate | null {
  let best: WrapEstimate | null = null
  let bestCount = 0
  for (const measure of ['columns', 'chars', 'utf8'] as const) {
    const found = estimateIn(lines, measure, startsBlock)
    if (found && found.count > bestCount) {
      best = found.estimate
      bestCount = found.count
    }
  }
  return best
}

function estimateIn(lines: readonly string[], measure: WrapMeasure, startsBlock: (trimmed: string) => boolean): { estimate: WrapEstimate; count: number } | null {
  const scale = SCALE[measure]
  const max = Math.ceil(MAX_WRAP_WIDTH * scale)
  const ragged = Math.max(1, Math.round(RAGGED * scale))
  const counts = new Array<number>(max + 1).fill(0)
  const widths: number[] = []
  for (const line of lines) {
    const w = line.trim() ? measureLine(line, measure) : 0
    widths.push(w)
    if (w) counts[Math.min(w, max)]!++
  }
  const total = widths.filter((w) => w > 0).length
  if (total < 3) return null
  const first = widths.findIndex((w) => w > 0)
  let top = -1
  let bestCount = 0
  let window = 0
  for (let w = 0; w < max; w++) {
    window += counts[w]!
    if (w > ragged) window -= counts[w - ragged - 1]!
    if (w >= MIN_WRAP_WIDTH * scale && window > bestCount) { top = w; bestCount = window }
  }
  const judge = (top: number, count: number | null) => judgeWindow(lines, widths, counts, { measure, top, ragged, total, first, count }, startsBlock)
  if (top >= 0 && bestCount >= 3 && bestCount >= total * 0.25) {
    const found = judge(top, bestCount)
    if (found) return found
  }
  // A short text with only a few wrapped lines: the most crowded window is its short lines
  // (headings, the signature). Its widest lines then form the window, taken as wrapped only when
  // every one of them runs on into the next line: no paragraph ends mid-clause.
  const sorted = widths.filter((w) => w > 0).sort((a, b) => b - a)
  const widest = sorted[Math.floor(total * 0.1)]!
  return widest >= MIN_WRAP_WIDTH * scale ? judge(Math.min(widest, max), null) : null
}

interface WindowAt {
  measure: WrapMeasure
  /** the window's upper edge */
  top: number
  ragged: number
  /** non-blank lines */
  total: number
  /** the first non-blank line (a title) */
  first: number
  /** the lines in the crowded window [top − ragged, top]; null for the widest lines' window of a
   *  short text, where every full line must be open */
  count: number | null
}

function judgeWindow(lines: readonly string[], widths: readonly number[], counts: readonly number[], at: WindowAt, startsBlock: (trimmed: string) => boolean): { estimate: WrapEstimate; count: number } | null {
  const { measure, ragged, total, first } = at
  const scale = SCALE[measure]
  let width = at.top
  while (counts[width] === 0) width--
  if (width < MIN_WRAP_WIDTH * scale) return null
  // the window's lines, shortest first: the tolerance reaches down to the tenth shortest
  const inWindow: number[] = []
  let wider = 0
  let open = 0
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!
    if (w > width + WRAP_TOLERANCE * scale) wider++
    else if (w >= width - ragged && w <= width) {
      inWindow.push(w)
      const line = trimEnd(lines[i]!)
      // open: text runs on into the next line — not the first line (a title), not into a heading or a date
      if (i > first && (widths[i + 1] ?? 0) > 0 && !LINE_TERMINALS.has(line[line.length - 1]!) && !startsBlock(trimLine(lines[i + 1]!))) open++
    }
  }
  const count = at.count ?? inWindow.length
  if (count < 3 || wider > total * 0.1 || open * 2 < count) return null
  if (at.count === null && open < count) return null
  inWindow.sort((a, b) => a - b)
  const low = inWindow[Math.floor(inWindow.length / 10)]!
  const tolerance = Math.max(Math.round(WRAP_TOLERANCE * scale), width - low + 1)
  return { estimate: { measure, width, tolerance, marked: paragraphsMarked(lines, widths, width - tolerance) }, count }
}

/**
 * Paragraphs are marked when the full lines that start a paragraph (after a short line or a blank
 * line) are mostly indented while full lines that continue one are not, or mostly come after a
 * blank line: then a full line ending in "。" is no paragraph end — the mark would follow.
 */
function paragraphsMarked(lines: readonly string[], widths: readonly number[], full: number): boolean {
  let starts = 0
  let indented = 0
  let afterBlank = 0
  let continued = 0
  let indentedAfterFull = 0
  for (let i = 1; i < lines.length; i++) {
    if (widths[i]! < full) continue
    const prev = widths[i - 1]!
    const isIndented = indentWidth(lines[i]!) >= 2
    if (prev < full) {
      starts++
      if (isIndented) indented++
      if (prev === 0) afterBlank++
    } else {
      continued++
      if (isIndented) indentedAfterFull++
    }
  }
  if (starts < 2) return false
  return (indented >= starts * 0.75 && indentedAfterFull <= continued * 0.25) || afterBlank >= starts * 0.75
}

/** The wrap width of hard-wrapped text in display columns, or null (see estimateWrap). */
export function estimateWrapWidth(lines: readonly string[]): number | null {
  const wrap = estimateWrap(lines)
  return wrap ? Math.round(wrap.width / SCALE[wrap.measure]) : null
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
  // rows of a table pasted as text are lines of their own: left out of the wrap estimate (their
  // widths cluster like wrapped text), never joined to a neighbour
  const rows = tableRows(lines)
  const wrap = estimateWrap(rows.some(Boolean) ? lines.map((line, i) => (rows[i] ? '' : line)) : lines, rules.startsBlock)
  const out: string[] = []
  let joined = 0
  // the paragraph being built, as pieces (joined once at its end: reading characters of a string
  // grown by += would flatten it on every line, which is quadratic on long paragraphs)
  let parts: string[] = []
  let prevRaw = ''
  let prevRow = false
  const flush = () => {
    if (parts.length) out.push(parts.join(''))
    parts = []
  }
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    let trimmed = trimLine(raw)
    if (!trimmed) {
      flush()
      continue
    }
    const last = parts[parts.length - 1]
    const row = rows[i] !== null
    const tableEdge = row || prevRow
    prevRow = row
    if (last !== undefined && !tableEdge && shouldJoin(prevRaw, last, parts.length === 1, raw, trimmed, wrap, rules)) {
      // the two halves of a character a byte wrap cut in two are one lost character
      if (last.endsWith('\ufffd') && trimmed.startsWith('\ufffd')) trimmed = trimmed.slice(1)
      if (trimmed) parts.push(separator(last, trimmed), trimmed)
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
function shouldJoin(prevRaw: string, last: string, alone: boolean, nextRaw: string, next: string, wrap: WrapEstimate | null, rules: JoinRules): boolean {
  if (alone && rules.isBareMarker(last)) return !rules.startsBlock(next)
  // a heading line broken after a clause mark ("一、强化组织保障，" / "确保…"): no heading ends in a
  // comma, so the next line carries it on, wrapped text or not
  if (alone && CLAUSE_END.has(last[last.length - 1]!) && rules.startsBlock(last) && !rules.standsAlone(last) && !rules.startsBlock(next)) return true
  if (wrap === null) return false
  if ((alone && last.length <= 80 && rules.standsAlone(last)) || rules.startsBlock(next)) return false
  if (indentWidth(nextRaw) > indentWidth(prevRaw)) return false
  if (endsBroken(last)) return true
  const end = last[last.length - 1]!
  const width = measureLine(prevRaw, wrap.measure)
  if (width < wrap.width - wrap.tolerance) return cutMidClause(last, alone, width, wrap, rules)

  if (!LINE_TERMINALS.has(end)) return true
  // after a sentence end (or a "；" between items of one sentence), only in text that marks its
  // paragraphs otherwise, and never onto a short line without punctuation (a signature, a heading
  // without a number, "特此报告")
  if (!wrap.marked || !(SENTENCE_CLOSE.has(end) || end === '；' || end === ';')) return false
  return measureLine(nextRaw, wrap.measure) >= wrap.width - wrap.tolerance || SENTENCE_PUNCTUATION.test(next)
}

/** Clause marks a wrapped line may end with: the sentence goes on. */
const CLAUSE_END = new Set([...'，,、'])

/**
 * A line a little short of full that stops with no pause at all — a Han character, a digit, a
 * letter or a clause mark (，、) — was cut by the wrap: its digits, half-width punctuation and
 * curly quotes print narrower or wider than counted, so a full line can measure up to three
 * tolerances short (PDF text, LibreOffice and WPS layouts). A heading line qualifies only when it
 * ends in a clause mark (a heading without punctuation ends there).
 */
function cutMidClause(last: string, alone: boolean, width: number, wrap: WrapEstimate, rules: JoinRules): boolean {
  if (width < wrap.width - 3 * wrap.tolerance) return false
  const end = last[last.length - 1]!
  if (CLAUSE_END.has(end)) return true
  // a heading line stops without punctuation; a run-in one (a sentence end inside) is a paragraph
  if (LINE_TERMINALS.has(end) || (alone && rules.startsBlock(last) && !/[。！？]/.test(last))) return false
  const code = end.charCodeAt(0)
  return isHan(code) || isAsciiDigit(code) || isAsciiLetter(code)
}

/** Lines are joined without a space, except between two Latin letters (a space the wrap swallowed). */
function separator(left: string, right: string): string {
  return isAsciiLetter(left.charCodeAt(left.length - 1)) && isAsciiLetter(right.charCodeAt(0)) ? ' ' : ''
}
