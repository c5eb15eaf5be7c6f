/**
 * Find and replace, the pure part: matching a query against a list of texts and expanding a
 * replacement. No Lexical, no DOM: the plugin turns the document into "segments" (the text of a
 * block between boundaries such as figure references) and maps the offsets found here back onto
 * text nodes. Unit-tested in tests/unit/find-replace.test.ts.
 *
 * - A match never crosses from one text to the next (a block boundary or a figure reference).
 * - Plain queries match literally; "match case" off folds case (Chinese has none, so it only
 *   matters for Latin, Greek, Cyrillic…).
 * - "Whole word" applies to Western words only: a match may not start or end inside a run of
 *   letters/digits of a non-CJK script. Chinese has no spaces between words, so a CJK edge is
 *   always a word edge (查找 "Excel" with whole word finds 用Excel做表 but not Excels).
 * - Regular expressions use JavaScript syntax, with the `u` flag when the pattern allows it
 *   (so `.` takes a whole rare character such as 𠮷), otherwise without. `^` and `$` anchor at
 *   the start and end of each text. Zero-length matches are skipped.
 * - Guards: at most MATCH_LIMIT matches (the count then shows "10000+"), a time budget checked
 *   between matches, and patterns with nested unbounded repetition such as `(a+)+` are refused
 *   (they can take exponential time on one paragraph, which no budget can interrupt).
 */

export interface FindOptions {
  matchCase: boolean
  /** Western words only; see the file comment */
  wholeWord: boolean
  regex: boolean
}

/** A match in texts[text], UTF-16 offsets [start, end). */
export interface TextMatch {
  text: number
  start: number
  end: number
}

export const MATCH_LIMIT = 10_000
export const TIME_BUDGET_MS = 250

export type QueryError = { reason: 'invalid'; detail: string } | { reason: 'nested-quantifier' }

export type CompiledQuery = { ok: true; re: RegExp; regex: boolean } | ({ ok: false } & QueryError)

export interface FindResult {
  matches: TextMatch[]
  /** stopped at the match limit: there are more */
  capped: boolean
  /** stopped by the time budget: there may be more */
  timedOut: boolean
}

export type FindOutcome = { kind: 'empty' } | ({ kind: 'error' } & QueryError) | ({ kind: 'ok' } & FindResult)

const SYNTAX = /[.*+?^${}()|[\]\\]/g

export function escapeRegExp(text: string): string {
  return text.replace(SYNTAX, '\\$&')
}

/** Compiles the query; null for an empty query. Never throws. */
export function compileQuery(query: string, options: FindOptions): CompiledQuery | null {
  if (query === '') return null
  const flags = options.matchCase ? 'g' : 'gi'
  if (!options.regex) return { ok: true, re: new RegExp(escapeRegExp(query), `${flags}u`), regex: false }
  let firstError: unknown
  for (const f of [`${flags}u`, flags]) {
    try {
      const re = new RegExp(query, f)
      if (hasNestedQuantifier(query)) return { ok: false, reason: 'nested-quantifier' }
      return { ok: true, re, regex: true }
    } catch (err) {
      firstError ??= err
    }
  }
  return { ok: false, reason: 'invalid', detail: firstError instanceof Error ? firstError.message : String(firstError) }
}

/**
 * True when an unboundedly repeated group itself contains unbounded repetition — `(a+)+`,
 * `(?:\d*,)*`, `(.+)*` — the classic shape of catastrophic backtracking. A conservative, purely
 * syntactic check: it may refuse a pattern that would have been fine, never the other way round
 * for this shape (alternations like `(a|a)*` are not detected).
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [false] // per open group: does it contain an unbounded quantifier?
  const unboundedAt = (i: number): number => {
    // length of an unbounded quantifier starting at i (0 when there is none)
    const c = pattern[i]
    if (c === '*' || c === '+') return 1
    if (c === '{') {
      const m = /^\{\d+,\}/.exec(pattern.slice(i))
      if (m) return m[0].length
    }
    return 0
  }
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
    } else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++
    } else if (c === '(') {
      stack.push(false)
      if (pattern[i + 1] === '?') {
        // (?:  (?=  (?!  (?<=  (?<!  (?<name>
        i++
        if (pattern[i + 1] === '<' && pattern[i + 2] !== '=' && pattern[i + 2] !== '!') {
          const close = pattern.indexOf('>', i)
          if (close > 0) i = close
        } else i++
      }
    } else if (c === ')') {
      const inner = stack.pop() ?? false
      if (stack.length === 0) stack.push(false) // unbalanced: the RegExp constructor decides
      const outer = unboundedAt(i + 1) > 0
      if (inner && outer) return true
      if (inner || outer) stack[stack.length - 1] = true
    } else if (unboundedAt(i) > 0) {
      stack[stack.length - 1] = true
    }
  }
  return false
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u
const WORD = /[\p{L}\p{N}\p{M}_]/u

/** A character of a Western word (letters, digits, marks, underscore; not CJK). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD.test(ch) && !CJK.test(ch)
}

function charAt(text: string, i: number): string | undefined {
  if (i < 0 || i >= text.length) return undefined
  return String.fromCodePoint(text.codePointAt(i)!)
}

function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined
  const low = text.charCodeAt(i - 1)
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i)
  }
  return text[i - 1]
}

export function isWholeWord(text: string, start: number, end: number): boolean {
  if (isWordChar(charAt(text, start)) && isWordChar(charBefore(text, start))) return false
  if (isWordChar(charBefore(text, end)) && isWordChar(charAt(text, end))) return false
  return true
}

export interface FindLimits {
  limit?: number
  budgetMs?: number
  now?: () => number
}

/** Every match of a compiled query in texts, in order. */
export function findInTexts(texts: readonly string[], re: RegExp, wholeWord: boolean, limits: FindLimits = {}): FindResult {
  const limit = limits.limit ?? MATCH_LIMIT
  const budget = limits.budgetMs ?? TIME_BUDGET_MS
  const now = limits.now ?? (() => performance.now())
  const started = now()
  const global = re.global ? re : new RegExp(re.source, `${re.flags}g`)
  const unicode = global.unicode
  const matches: TextMatch[] = []
  let steps = 0
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!
    if (text === '') continue
    global.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = global.exec(text)) !== null) {
      const start = m.index
      const end = start + m[0].length
      if (end === start) {
        // zero-length: skip it, and step over a whole character so the search moves on
        const code = text.charCodeAt(start)
        global.lastIndex = start + (unicode && code >= 0xd800 && code <= 0xdbff ? 2 : 1)
      } else if (wholeWord && !isWholeWord(text, start, end)) {
        global.lastIndex = start + 1
      } else {
        if (matches.length >= limit) return { matches, capped: true, timedOut: false }
        matches.push({ text: t, start, end })
      }
      if (global.lastIndex > text.length) break
      if (++steps % 512 === 0 && now() - started > budget) return { matches, capped: false, timedOut: true }
    }
    if (now() - started > budget && t < texts.length - 1) return { matches, capped: false, timedOut: true }
  }
  return { matches, capped: false, timedOut: false }
}

/** Compile and search in one go. */
export function findMatches(texts: readonly string[], query: string, options: FindOptions, limits?: FindLimits): FindOutcome {
  const compiled = compileQuery(query, options)
  if (compiled === null) return { kind: 'empty' }
  if (!compiled.ok) return compiled.reason === 'invalid' ? { kind: 'error', reason: 'invalid', detail: compiled.detail } : { kind: 'error', reason: 'nested-quantifier' }
  return { kind: 'ok', ...findInTexts(texts, compiled.re, options.wholeWord, limits) }
}

/**
 * The replacement for matches of a compiled query. A plain query's replacement is taken
 * literally; a regular expression's expands like String.prototype.replace: $& the match, $1…$99
 * groups, $<name> named groups, $` and $' the text before and after (within this text), $$ a
 * dollar sign. `text` is the whole text the match was found in.
 */
export function makeReplacer(compiled: { re: RegExp; regex: boolean }, template: string): (text: string, match: { start: number; end: number }) => string {
  if (!compiled.regex || !template.includes('$')) return () => template
  const sticky = new RegExp(compiled.re.source, compiled.re.flags.replace('g', '') + 'y')
  return (text, match) => {
    sticky.lastIndex = match.start
    const m = sticky.exec(text)
    if (!m || m.index + m[0].length !== match.end) return template // the text changed under us
    return expandReplacement(template, m, text)
  }
}

/** GetSubstitution (ECMA-262 §22.1.3.19.1) for an exec result over subject. */
export function expandReplacement(template: string, m: RegExpExecArray, subject: string): string {
  if (!template.includes('$')) return template
  const position = m.index
  const matched = m[0]
  const groupCount = m.length - 1
  let out = ''
  for (let i = 0; i < template.length; i++) {
    const c = template[i]
    if (c !== '$' || i === template.length - 1) {
      out += c
      continue
    }
    const next = template[i + 1]!
    if (next === '$') {
      out += '$'
      i++
    } else if (next === '&') {
      out += matched
      i++
    } else if (next === '`') {
      out += subject.slice(0, position)
      i++
    } else if (next === "'") {
      out += subject.slice(position + matched.length)
      i++
    } else if (next >= '0' && next <= '9') {
      const two = template.slice(i + 1, i + 3)
      const twoDigits = /^\d\d$/.test(two) ? Number(two) : NaN
      const one = Number(next)
      if (twoDigits >= 1 && twoDigits <= groupCount) {
        out += m[twoDigits] ?? ''
        i += 2
      } else if (one >= 1 && one <= groupCount) {
        out += m[one] ?? ''
        i++
      } else {
        out += '$'
      }
    } else if (next === '<' && m.groups) {
      const close = template.indexOf('>', i + 2)
      if (close < 0) {
        out += '$'
        continue
      }
      out += m.groups[template.slice(i + 2, close)] ?? ''
      i = close
    } else {
      out += '$'
    }
  }
  return out
}

/** How many matches start before (text, offset): matches are sorted by text, then start. */
function matchesBefore(matches: readonly TextMatch[], text: number, offset: number): number {
  let lo = 0
  let hi = matches.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const m = matches[mid]!
    if (m.text < text || (m.text === text && m.start < offset)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first match at or after (text, offset), or 0 (wrapping) when there is none. */
export function firstMatchFrom(matches: readonly TextMatch[], text: number, offset: number): number {
  const i = matchesBefore(matches, text, offset)
  return i < matches.length ? i : 0
}

/** Index of the last match that starts before (text, offset), or the last match (wrapping). */
export function lastMatchBefore(matches: readonly TextMatch[], text: number, offset: number): number {
  const i = matchesBefore(matches, text, offset)
  return i > 0 ? i - 1 : matches.length - 1
}
