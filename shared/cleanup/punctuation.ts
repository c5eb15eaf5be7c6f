/**
 * Half-width punctuation in Chinese text → full-width (半角标点改全角).
 *
 * Text copied from web pages and PDFs arrives with ASCII , : ; ( ) ! ? " inside Chinese
 * sentences. This rule converts them and leaves everything else alone. "Chinese" below means the
 * nearest letter-like character (Han, Latin letter or digit), looked for on the same line, skipping
 * spaces, punctuation and symbols; a figure reference counts as Chinese.
 *
 *  1. , : ; ! → ，：；！ when the nearest letter-like character before OR after the mark is Chinese
 *     ("工作,下一步" · "Word,以及" · "时间:2025年"). Never when the characters immediately on both
 *     sides are Latin letters or digits: numbers, times, ratios and Latin words keep theirs
 *     ("1,000" · "10:30" · "3:1" · "a,b"). Between two Latin words nothing changes
 *     ("e.g. Word, Excel" inside a Chinese sentence keeps its comma).
 *  2. ? → ？ only when the text before it is Chinese AND it ends something: it is followed (after
 *     spaces) by the end of the line, a closing quote or bracket, or another ?/!. A "?" between two
 *     Chinese characters usually stands for a character lost in copying, so it is
 *     left for the writer to see.
 *  3. ( ) → （） as a pair, matched per line with nesting, when the content holds Chinese or the
 *     text before the "(" or after the ")" is Chinese ("(一)" · "各村(居)" · "软件(Word)的").
 *     A half-width bracket matched with a full-width one ("（一)") is made full-width. Unmatched
 *     brackets are left alone.
 *  4. "…" → “…” as a pair: straight quotes are paired in order per line; a pair is converted when
 *     its content or its surroundings are Chinese. A straight quote matched with a curly one
 *     (“创新" · "创新”) becomes the missing curly half under the same condition. Single quotes (')
 *     are never touched (they are apostrophes too often).
 *  5. Ellipses: a run of dots, "…" and "。。。" (three or more "。" in a row) that is three or
 *     more characters long or holds a "…" — "..." · "......" · "…" · "………" · "。。。" — becomes
 *     "……" when the text before is Chinese and the text after is Chinese or nothing (end of
 *     line). "Loading..." and "1...5" stay, and so do "." and ".." (too ambiguous) and a single
 *     "。" after an ellipsis ("……。").
 *  6. URLs and e-mail addresses are never touched ("http://a.cn/x?a=1,b=2" · "ab@c.cn").
 *  7. Spaces (and tabs, ideographic spaces) touching a converted mark are removed: a full-width
 *     mark carries its own spacing ("Word, 以及" → "Word，以及", "参加 (含志愿者) 人员" →
 *     "参加（含志愿者）人员"). Line breaks are never removed, nor spaces that separate the mark from
 *     a dot or ellipsis character (removing them would make a new ellipsis run).
 *
 * Properties (tested): idempotent; characters other than the targeted marks and the spaces next
 * to a converted mark are never changed; text without Chinese is never changed.
 */
import { isAlnumCode, isBlankCode, wordClass, type WordClass } from './chars'
import { applyEdits, type TextEdit } from './edits'

const SIMPLE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！' }
/** What may follow a "?" that ends a sentence. */
const QUESTION_FOLLOWERS = new Set([...'"”’)）」』】》?!？！'])
/** Characters that make up ellipses. */
const DOTS = new Set([...'.。…'])
/** Runs of dots and ellipsis characters; "。" joins only as three or more in a row. */
const ELLIPSIS_RE = /(?:[.…]|。{3,})+/g
const URL_RE = /\b(?:(?:https?|ftp):\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g

/** The edits that convert `text`'s half-width punctuation (see the rules above). */
export function punctuationEdits(text: string): TextEdit[] {
  const n = text.length
  if (n === 0) return []
  const ctx = new Context(text)
  const marks: TextEdit[] = []

  // 1, 2: single marks
  for (let i = 0; i < n; i++) {
    const ch = text[i]!
    if (ctx.guarded[i]) continue
    const full = SIMPLE[ch]
    if (full !== undefined) {
      if (ctx.sandwiched(i)) continue
      if (ctx.before[i] === 'han' || ctx.after[i] === 'han') marks.push({ start: i, end: i + 1, text: full })
    } else if (ch === '?') {
      if (ctx.sandwiched(i) || ctx.before[i] !== 'han') continue
      const j = ctx.skipBlanks(i + 1)
      if (j >= n || text[j] === '\n' || QUESTION_FOLLOWERS.has(text[j]!)) marks.push({ start: i, end: i + 1, text: '？' })
    }
  }

  // 5: ellipses
  for (const m of text.matchAll(ELLIPSIS_RE)) {
    const run = m[0]
    if (run === '……' || (run.length < 3 && !run.includes('…'))) continue
    const start = m.index
    const end = start + run.length
    if (ctx.guarded[start]) continue
    const after = ctx.after[end - 1]
    if (ctx.before[start] === 'han' && (after === 'han' || after === null)) marks.push({ start, end, text: '……' })
  }

  // 3, 4: brackets and quotes, per line
  let lineStart = 0
  for (let i = 0; i <= n; i++) {
    if (i === n || text[i] === '\n') {
      brackets(ctx, lineStart, i, marks)
      quotes(ctx, lineStart, i, marks)
      lineStart = i + 1
    }
  }

  // 7: blanks touching a converted mark
  // (not when that would join dots to an ellipsis: "汉. …" must not become a new run ".……")
  const blanks = new Map<number, number>()
  for (const m of marks) {
    let a = m.start
    while (a > 0 && isBlankCode(text.charCodeAt(a - 1))) a--
    if (a < m.start && !DOTS.has(text[a - 1] ?? '')) blanks.set(a, m.start)
    const b = ctx.skipBlanks(m.end)
    if (b > m.end && !DOTS.has(text[b] ?? '')) blanks.set(m.end, b)
  }
  for (const [start, end] of blanks) marks.push({ start, end, text: '' })
  return marks.sort((x, y) => x.start - y.start)
}

/** `text` with its half-width punctuation converted (see the rules above). */
export function halfToFullPunctuation(text: string): string {
  return applyEdits(text, punctuationEdits(text))
}

/** Per-position facts about one string, computed once so the rules stay linear. */
class Context {
  /** nearest letter-like class strictly before / after each position on the same line (null: none) */
  readonly before: (WordClass | null)[]
  readonly after: (WordClass | null)[]
  /** inside a URL or e-mail address */
  readonly guarded: Uint8Array
  /** hanCount[i] = number of Chinese positions in text[0, i) */
  private readonly hanCount: Uint32Array

  constructor(readonly text: string) {
    const n = text.length
    const classes = Array.from({ length: n }, (_, i) => wordClass(text, i))
    this.before = new Array<WordClass | null>(n)
    this.after = new Array<WordClass | null>(n)
    let last: WordClass | null = null
    for (let i = 0; i < n; i++) {
      this.before[i] = last
      if (text[i] === '\n') last = null
      else if (classes[i] !== null) last = classes[i]!
    }
    last = null
    for (let i = n - 1; i >= 0; i--) {
      this.after[i] = last
      if (text[i] === '\n') last = null
      else if (classes[i] !== null) last = classes[i]!
    }
    this.hanCount = new Uint32Array(n + 1)
    for (let i = 0; i < n; i++) this.hanCount[i + 1] = this.hanCount[i]! + (classes[i] === 'han' ? 1 : 0)
    this.guarded = new Uint8Array(n)
    for (const re of [URL_RE, EMAIL_RE]) {
      for (const m of text.matchAll(re)) {
        const end = m.index + trimUrl(m[0]).length
        this.guarded.fill(1, m.index, end)
      }
    }
  }

  /** The characters right next to position i are both Latin letters or digits. */
  sandwiched(i: number): boolean {
    return i > 0 && i + 1 < this.text.length && isAlnumCode(this.text.charCodeAt(i - 1)) && isAlnumCode(this.text.charCodeAt(i + 1))
  }

  hasHan(start: number, end: number): boolean {
    return end > start && this.hanCount[end]! - this.hanCount[start]! > 0
  }

  /** Chinese inside (open, close) or around it. */
  chineseAround(open: number, close: number): boolean {
    return this.hasHan(open + 1, close) || this.before[open] === 'han' || this.after[close] === 'han'
  }

  skipBlanks(i: number): number {
    while (i < this.text.length && isBlankCode(this.text.charCodeAt(i))) i++
    return i
  }
}

/** Trailing punctuation is the sentence's, not the URL's; so is a ")" the URL did not open. */
function trimUrl(url: string): string {
  let end = url.length
  for (;;) {
    const ch = url[end - 1]
    if (ch === undefined) break
    if ('.,;:!?\'"'.includes(ch)) { end--; continue }
    if (ch === ')') {
      const body = url.slice(0, end)
      if ((body.match(/\(/g)?.length ?? 0) < (body.match(/\)/g)?.length ?? 0)) { end--; continue }
    }
    break
  }
  return url.slice(0, end)
}

function brackets(ctx: Context, from: number, to: number, out: TextEdit[]): void {
  const { text } = ctx
  const stack: { pos: number; full: boolean }[] = []
  for (let i = from; i < to; i++) {
    const ch = text[i]
    if (ch === '（' || (ch === '(' && !ctx.guarded[i])) {
      stack.push({ pos: i, full: ch === '（' })
    } else if (ch === '）' || (ch === ')' && !ctx.guarded[i])) {
      const open = stack.pop()
      if (!open) continue
      const full = ch === '）'
      if (open.full && !full) out.push({ start: i, end: i + 1, text: '）' })
      else if (!open.full && full) out.push({ start: open.pos, end: open.pos + 1, text: '（' })
      else if (!open.full && !full && ctx.chineseAround(open.pos, i)) {
        out.push({ start: open.pos, end: open.pos + 1, text: '（' }, { start: i, end: i + 1, text: '）' })
      }
    }
  }
}

function quotes(ctx: Context, from: number, to: number, out: TextEdit[]): void {
  const { text } = ctx
  let curlyOpen = -1
  let straightOpen = -1
  for (let i = from; i < to; i++) {
    const ch = text[i]
    if (ch === '“') {
      curlyOpen = i
      straightOpen = -1 // a curly quote opening abandons an unclosed straight one
    } else if (ch === '”') {
      if (straightOpen >= 0 && ctx.chineseAround(straightOpen, i)) out.push({ start: straightOpen, end: straightOpen + 1, text: '“' })
      straightOpen = -1
      curlyOpen = -1
    } else if (ch === '"' && !ctx.guarded[i]) {
      if (curlyOpen >= 0) {
        if (ctx.chineseAround(curlyOpen, i)) out.push({ start: i, end: i + 1, text: '”' })
        curlyOpen = -1
      } else if (straightOpen < 0) {
        straightOpen = i
      } else {
        if (ctx.chineseAround(straightOpen, i)) {
          out.push({ start: straightOpen, end: straightOpen + 1, text: '“' }, { start: i, end: i + 1, text: '”' })
        }
        straightOpen = -1
      }
    }
  }
}

