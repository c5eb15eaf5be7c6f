/**
 * The text a printed page shows, in reading order, as `verify` compares it: what the print view
 * (printHtml.ts) puts on the page for a prepared document — title lines, subtitle, each heading
 * with its number, run-in bodies, paragraphs, table cells row by row, the 附表 caption, header and
 * rows, the 署名 and 成文日期. Page numbers and page breaks are not part of it: a PDF printed again
 * with other page breaks says the same thing.
 */
import type { OutputDocument } from './prepare'
import { runsText } from './prepare'
import { tableHeaderRows } from './tables'

/**
 * Text as compared: no blanks (line breaks, letter spacing and justification differ between
 * printings), and the forms a PDF's font maps may give a CJK character folded to the character
 * itself (a Kangxi radical ⼀ U+2F00 for 一, a CJK compatibility ideograph for its unified one).
 */
export function foldPrinted(s: string): string {
  return s
    .replace(/[\s\u3000\u200b\u00ad\ufeff]+/g, '')
    .replace(/[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC'))
}

export interface PrintedText {
  /** the page text of the whole document, folded (foldPrinted) */
  text: string
  /** table header rows (folded) that a printing may repeat at the top of a page */
  repeatable: string[]
}

export function printedText(out: OutputDocument): PrintedText {
  const parts: string[] = [out.titleLines.join(''), out.subtitle ?? '']
  const repeatable: string[] = []
  for (const b of out.blocks) {
    if (b.kind === 'heading') parts.push(b.number + runsText(b.title) + (b.body ? runsText(b.body) : ''))
    else if (b.kind === 'paragraph') parts.push(runsText(b.runs))
    else if (b.kind === 'table') {
      parts.push(...b.rows.flat().map(runsText))
      const head = foldPrinted(b.rows.slice(0, tableHeaderRows(b.rows.length)).flat().map(runsText).join(''))
      if (head) repeatable.push(head)
    } else if (b.kind === 'figureTable') {
      parts.push(b.caption, ...b.header, ...b.rows.flat())
      const head = foldPrinted(b.header.join(''))
      if (head) repeatable.push(head)
    }
  }
  if (out.signature) parts.push(out.signature.organization, out.signature.date ?? '')
  return { text: foldPrinted(parts.join('')), repeatable }
}

/** Where a printed page's text first departs from what was expected there. */
export interface PrintedDifference {
  /** 1-based page */
  page: number
  expected: string
  found: string
}

const around = (expected: string, found: string, at: number) => {
  const from = Math.max(0, at - 10)
  return { expected: expected.slice(from, at + 20), found: found.slice(from, at + 20) }
}

const isCjk = (c: string) => /[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(c)

/** A printed page's text (folded) and, for each of its UTF-16 units, the font it is drawn in. */
export interface PrintedPage {
  text: string
  fonts: readonly string[]
}

/** A page from the pieces of text a PDF reader gives, each with its font. */
export function printedPage(items: readonly (readonly [string, string])[]): PrintedPage {
  let text = ''
  const fonts: string[] = []
  for (const [str, font] of items) {
    const folded = foldPrinted(str)
    text += folded
    for (let k = 0; k < folded.length; k++) fonts.push(font)
  }
  return { text, fonts }
}

/**
 * A PDF says which character each glyph stands for (its ToUnicode map), and when a font draws two
 * characters with one glyph, Chromium names the lower-numbered one: 民 comes back as the radical ⺠
 * (U+2EA0), 户 as 戶 (U+6236), although the reader sees 民 and 户. Such a stand-in is accepted when
 * it is consistent within its font: every occurrence of the character in that font comes back as
 * the same lower-numbered CJK character, which stands for nothing else (not even itself) in that
 * font. A glyph swapped for another of the font's glyphs breaks that and is caught.
 */
class StandIns {
  /** font + expected character → the one found for it (with the page it was first seen on) */
  readonly pairs = new Map<string, { expected: string; found: string; font: string; page: number }>()
  /** font + character, found as itself */
  readonly self = new Set<string>()

  /** `found` against `expected` from `at`: whether all of it agrees, else where it first does not. */
  match(expected: string, at: number, found: PrintedPage, from: number, page: number): { ok: boolean; at: number } {
    for (let k = from; k < found.text.length; k++) {
      const e = expected[at + k - from]
      const f = found.text[k]!
      const font = found.fonts[k] ?? ''
      if (e === undefined) return { ok: false, at: k }
      if (e === f) {
        this.self.add(`${font}\u0000${e}`)
        continue
      }
      const key = `${font}\u0000${e}`
      const known = this.pairs.get(key)
      if (known ? known.found !== f : !(isCjk(e) && isCjk(f) && f < e)) return { ok: false, at: k }
      if (!known) this.pairs.set(key, { expected: e, found: f, font, page })
    }
    return { ok: true, at: found.text.length }
  }

  copy(): StandIns {
    const c = new StandIns()
    for (const [k, v] of this.pairs) c.pairs.set(k, v)
    for (const k of this.self) c.self.add(k)
    return c
  }

  /** A stand-in that is not consistent over the whole text, if any. */
  inconsistent(): { expected: string; found: string; page: number } | null {
    const standsFor = new Map<string, string>()
    for (const [key, { expected, found, font, page }] of this.pairs) {
      const other = standsFor.get(`${font}\u0000${found}`)
      if (this.self.has(key) || this.self.has(`${font}\u0000${found}`) || (other !== undefined && other !== expected)) return { expected, found, page }
      standsFor.set(`${font}\u0000${found}`, expected)
    }
    return null
  }
}

/**
 * Compares the pages' text with the expected text, page after page, wherever the page breaks
 * fall: a page may begin with a repeated table header. Null when they agree.
 */
export function comparePrinted(expected: PrintedText, pages: readonly PrintedPage[]): PrintedDifference | null {
  let at = 0
  let standIns = new StandIns()
  for (const [i, page] of pages.entries()) {
    const plain = standIns.copy()
    const tried = plain.match(expected.text, at, page, 0, i + 1)
    if (tried.ok) {
      standIns = plain
      at += page.text.length
      continue
    }
    // a table header printed again at the top of the page
    let repeated = false
    for (const h of expected.repeatable) {
      if (!page.text.startsWith(h)) continue
      const after = standIns.copy()
      if (after.match(expected.text, at, page, h.length, i + 1).ok) {
        standIns = after
        at += page.text.length - h.length
        repeated = true
        break
      }
    }
    if (repeated) continue
    return { page: i + 1, ...around(expected.text.slice(at), page.text, tried.at) }
  }
  if (at < expected.text.length) return { page: Math.max(1, pages.length), ...around(expected.text.slice(at), '', 0) }
  const bad = standIns.inconsistent()
  return bad && { page: bad.page, expected: bad.expected, found: bad.found }
}
