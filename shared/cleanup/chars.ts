/**
 * Character classes the cleanup rules decide by. All of them look at one position of a string
 * (UTF-16), treating a surrogate pair as the one character it encodes.
 */
import { isHanCodePoint } from '../text'

/**
 * Stands for a figure reference inside the text the rules see (U+FFFC OBJECT REPLACEMENT
 * CHARACTER). Rules never replace it; around punctuation it counts as Chinese (a figure renders
 * a quantity such as "3次" in Chinese prose), around spaces as a number (see spaces.ts).
 */
export const FIGURE_MARK = '\ufffc'

/** What a character is, for the question "is the text around this mark Chinese?". */
export type WordClass = 'han' | 'latin' | 'digit'

export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i)
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const hi = s.charCodeAt(i - 1)
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000
  }
  return s.codePointAt(i) ?? c
}

export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)
}

/** ASCII or full-width letter or digit: a mark between two of these sits inside a number or a word. */
export function isAlnumCode(c: number): boolean {
  return (
    isDigitCode(c) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  )
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u

/**
 * The word class of the character at i, or null for spaces, punctuation and symbols (which the
 * context search skips). Kana and Hangul count as 'han': they are East Asian text too.
 */
export function wordClass(s: string, i: number): WordClass | null {
  const c = s.charCodeAt(i)
  if (c === 0xfffc) return 'han'
  if (isDigitCode(c)) return 'digit'
  if (c < 0x80) return isAlnumCode(c) ? 'latin' : null
  const cp = codePointAt(s, i)
  if (isHanCodePoint(cp)) return 'han'
  if (!LETTER_OR_NUMBER.test(String.fromCodePoint(cp))) return null
  return cp >= 0x2e80 && !(cp >= 0xff21 && cp <= 0xff5a) ? 'han' : 'latin'
}

/** The blanks the cleanup treats as spaces. Line breaks ('\n') are never among them. */
export function isBlankCode(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  )
}
