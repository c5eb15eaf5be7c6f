/**
 * Character classes and line helpers shared by the recognizer's matchers (Han, CJK and numerals
 * are in shared/text). Everything here works on single UTF-16 code units, so the callers stay
 * linear-time.
 */

export function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/**
 * Display width as a Chinese page lays text out: Han characters, full-width punctuation and the
 * dashes/quotes/ellipsis of Chinese typesetting take two columns, ASCII takes one. Hard-wrapped
 * text is wrapped by width, not by character count, so line lengths are compared in these units.
 */
export function displayWidth(line: string): number {
  let width = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff) continue // low surrogate: counted with its high half
    if (c >= 0x2e80 || (c >= 0x2010 && c <= 0x2027)) width += 2
    else width += 1
  }
  return width
}

/** Leading indentation (spaces, tabs, ideographic spaces) in display columns. */
export function indentWidth(line: string): number {
  let width = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === ' ' || c === '\u00a0') width += 1
    else if (c === '\t') width += 4
    else if (c === '\u3000') width += 2
    else break
  }
  return width
}

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0

/** Strip indentation and trailing blanks; spaces inside the line are the writer's and stay. */
export function trimLine(line: string): string {
  let start = 0
  while (start < line.length && isBlank(line.charCodeAt(start))) start++
  let end = line.length
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--
  return start === 0 && end === line.length ? line : line.slice(start, end)
}

/** Strip trailing blanks only (loops, not a /\s+$/ regex, which is quadratic on long blank runs). */
export function trimEnd(line: string): string {
  let end = line.length
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--
  return end === line.length ? line : line.slice(0, end)
}

/** Whitespace-free form, for comparing lines (e.g. a title repeated with different spacing). */
export function squash(line: string): string {
  return line.replace(/[\s\u3000]+/g, '')
}

/**
 * Punctuation after which a line is complete: a hard-wrapped line never ends here, so a line
 * ending in one of these is never joined with the next.
 */
export const LINE_TERMINALS = new Set([...'。！？；：…”’』」）】!?;:)'])

/**
 * Where the sentence of a run-in heading ends: 。 ！ ？ (full-width only). Half-width "?" stands
 * for a character lost in copying, so it does not end anything; "；" and "：" rarely end a heading
 * sentence and often sit inside one, so they do not either.
 */
export const SENTENCE_ENDS = new Set([...'。！？'])

/** Closing marks that belong to the sentence they follow ("……到位。”"). */
export const CLOSERS = new Set([...'”’』」）)'])

/** Punctuation that makes a line a sentence rather than a label, title or name. */
export const SENTENCE_PUNCTUATION = /[。！？，；：,;:!]/
