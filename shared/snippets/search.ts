/**
 * Search text for snippets: folding, query parsing, the gram tokens of the short-query index, and
 * the highlight ranges the panel paints. Pure: the store (electron/services/snippets) and the
 * renderer use the same functions, so what is found is what is highlighted.
 *
 * Folding is one UTF-16 unit for one, so an offset in folded text is the same offset in the
 * original: full-width ASCII (Ａ１，) → ASCII, the ideographic space → space, A–Z → a–z, and a lone
 * surrogate (broken text) → U+FFFD.
 */
import { toHalfWidth } from '../text'

/** Lone surrogates → U+FFFD; everything else unchanged (same length). */
export function sanitizeText(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

const NEEDS_FOLD = /[\uFF01-\uFF5E\u3000A-Z\uD800-\uDFFF]/

const FOLDED_CHAR = /[\uFF01-\uFF5E\u3000A-Z]/g
const SURROGATE = /[\uD800-\uDFFF]/
/** toHalfWidth and A–Z → a–z for one character (Ａ → a) */
const foldChar = (c: string): string => (c === '\u3000' ? ' ' : toHalfWidth(c).toLowerCase())

/**
 * The folded form search works on (same length as the input). Called for every row the panel
 * paints on each keystroke: Chinese text nearly always holds full-width punctuation, so only the
 * characters that fold are replaced, and the surrogate check runs only when there are surrogates.
 */
export function foldForSearch(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text
  const folded = text.replace(FOLDED_CHAR, foldChar)
  return SURROGATE.test(folded) ? sanitizeText(folded) : folded
}

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR'])

/**
 * The writer's query → folded search terms (ANDed). Whitespace separates terms. FTS syntax is never
 * interpreted: quotes around a term, a trailing `*`, a leading `^`, a `column:` prefix and
 * `NEAR(…)` are taken off as a person would mean them, and a lone AND / OR / NOT / NEAR between
 * other words is dropped. Everything else — brackets, colons inside Chinese text, emoji — is
 * searched literally.
 */
export function parseQuery(query: string): string[] {
  const raw = sanitizeText(query.slice(0, 200))
    .replace(/\bNEAR\(([^)]*)\)/g, (_, inner: string) => inner.replace(/,\s*\d+\s*$/, ''))
    .split(/[\s\u3000]+/)
    .filter(Boolean)
  const words = raw.filter((w) => !OPERATORS.has(w))
  const kept = words.length > 0 ? words : raw
  const terms: string[] = []
  for (const word of kept) {
    let w = word
    w = w.replace(/^[A-Za-z_]+:(?=.)/, '') // title:加强 → 加强
    w = w.replace(/^[\^"]+/, '').replace(/["*]+$/, '')
    w = foldForSearch(w)
    if (w && !terms.includes(w)) terms.push(w)
  }
  // a term inside a longer term adds nothing
  return terms.filter((t) => !terms.some((u) => u !== t && u.includes(t)))
}

/** Number of code points (what "1-, 2-, 3-character query" counts). */
export function codePointLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

const isSpace = (ch: string) => /\s/.test(ch)

/** A code point as a fixed-width base-36 token part (4 characters cover all of Unicode). */
function cpToken(ch: string): string {
  return ch.codePointAt(0)!.toString(36).padStart(4, '0')
}

/**
 * The tokens of the short-query index for folded text: every character (4-character token) and
 * every pair of adjacent characters (8-character token), each once, whitespace excluded. A one-
 * or two-character query is then one token lookup. With a prefix (a letter), the same grams under
 * another name: the title's and the tags' own, so a lookup can ask for "in the title".
 */
export function gramTokens(folded: string, prefix = ''): string {
  const seen = new Set<string>()
  let prev: string | null = null
  for (const ch of folded) {
    if (isSpace(ch)) {
      prev = null
      continue
    }
    const t = cpToken(ch)
    seen.add(prefix + t)
    if (prev !== null) seen.add(prefix + prev + t)
    prev = t
  }
  return [...seen].join(' ')
}

/** The short-query index token for a folded term of one or two characters (prefix: see gramTokens). */
export function gramTokenFor(term: string, prefix = ''): string {
  return prefix + [...term].map(cpToken).join('')
}

/** Prefixes of the title's and the tags' grams in the short-query index. */
export const TITLE_GRAM = 't'
export const TAG_GRAM = 'g'

/** A term as one FTS5 phrase: any FTS syntax in it is taken literally. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

/**
 * Where the terms occur in the text: sorted, merged [start, end) ranges (UTF-16 offsets into the
 * original text), for painting highlights.
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0 || text.length === 0) return []
  const folded = foldForSearch(text)
  const ranges: [number, number][] = []
  for (const term of terms) {
    if (!term) continue
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) ranges.push([at, at + term.length])
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** Splits text into plain and highlighted pieces (what the panel renders). */
export function highlightPieces(text: string, terms: readonly string[]): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = []
  let pos = 0
  for (const [a, b] of highlightRanges(text, terms)) {
    if (a > pos) pieces.push({ text: text.slice(pos, a), hit: false })
    pieces.push({ text: text.slice(a, b), hit: true })
    pos = b
  }
  if (pos < text.length) pieces.push({ text: text.slice(pos), hit: false })
  return pieces
}
