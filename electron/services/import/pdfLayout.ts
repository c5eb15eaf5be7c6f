/**
 * A PDF's positioned text → the lines a writer sees, without the page furniture. Pure (no pdfjs
 * here: pdf.ts feeds it the text items pdfjs finds), so the rules are tested on plain data.
 *
 * Lines: items whose baselines lie within half a font size of each other form one line, read left
 * to right. Between two items the gap decides: Chinese on either side gets no space (a PDF places
 * each run of a justified Chinese line separately, and LibreOffice spaces Latin from Han by moving
 * glyphs, not by a space the writer typed); Latin on both sides gets a space when the gap is a
 * word gap; a gap of an em or more (a tab stop, two columns of a form) is one space anywhere.
 * Blank items are ignored: the gap, not pdfjs's guess, decides.
 *
 * Paragraphs: a gap wider than 1.4 times the usual line distance between two lines of a page (space
 * after a paragraph, an empty line) becomes a blank line, as a .txt marks paragraphs.
 *
 * Indentation: a line starting an em or more right of the page's left text edge gets that many
 * ideographic spaces (at most 4), so the recognizer's reflow sees indented first lines as it
 * does in a .txt, and joins the wrapped lines of a paragraph — across page breaks too, once the
 * page furniture between them is gone.
 *
 * Page furniture (removed, each reported as a `page` junk line by the caller):
 *   - page numbers: a line holding only a page number ("3", "— 3 —", "- 3 -", "第3页", "第 3 页 共 10 页",
 *     "3/10", "Page 3", "Page 3 of 10", "-3-") among the first or last two lines of a page;
 *   - running headers and footers: up to two lines at a page's top or bottom that stand apart from
 *     the body (further from it than 1.4 times the usual line distance), found at the same height
 *     on at least half the pages (and at least two) with the same text once digits are set aside
 *     ("第3页" and "第4页" match). Body lines never qualify, whatever they repeat; the title on page
 *     one sits lower than a running header and stays, even when the header repeats it;
 *   - a header by its look, so that a one-page document loses it too: at a page's top, apart from
 *     the body, in the top eighth of the page and in print smaller than four fifths of the body's.
 */

export interface PdfTextItem {
  text: string
  /** baseline start, in PDF units (y grows upwards) */
  x: number
  y: number
  width: number
  /** font size (the text matrix's vertical scale) */
  size: number
}

export interface PdfPage {
  items: PdfTextItem[]
  /** page width and height in PDF units */
  width: number
  height: number
}

export interface PdfLine {
  text: string
  x: number
  y: number
  /** right end of the last item */
  right: number
  size: number
}

const CJK = /[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/

/** Groups a page's items into lines, top to bottom, each read left to right. */
export function buildLines(items: readonly PdfTextItem[]): PdfLine[] {
  const usable = items.filter((i) => i.text.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y))
  // top to bottom, then left to right; rows are formed greedily by baseline distance
  usable.sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: PdfTextItem[][] = []
  let row: PdfTextItem[] = []
  let rowY = 0
  let rowSize = 0
  for (const item of usable) {
    const size = Math.max(1, item.size)
    if (row.length && Math.abs(rowY - item.y) <= Math.max(rowSize, size) * 0.5) {
      row.push(item)
      continue
    }
    if (row.length) rows.push(row)
    row = [item]
    rowY = item.y
    rowSize = size
  }
  if (row.length) rows.push(row)
  return rows.map(joinRow)
}

function joinRow(row: PdfTextItem[]): PdfLine {
  row.sort((a, b) => a.x - b.x)
  let text = ''
  let right = -Infinity
  let size = 0
  for (const item of row) {
    const piece = item.text.replace(/\s+/g, ' ')
    size = Math.max(size, item.size)
    if (text) {
      const gap = item.x - right
      const em = Math.max(1, item.size)
      const left = text[text.length - 1]!
      const first = piece.trimStart()[0] ?? ''
      const latin = !CJK.test(left) && !CJK.test(first) && left !== ' '
      if (gap >= em * 0.95 || (latin && gap > em * 0.15)) text = text.replace(/ +$/, '') + ' '
      text += text.endsWith(' ') ? piece.trimStart() : piece
    } else text = piece.trimStart()
    right = Math.max(right, item.x + item.width)
  }
  return { text: text.trimEnd(), x: row[0]!.x, y: row[0]!.y, right, size }
}

const PAGE_NUMBER = [
  /^[\s\-—–－~～·•]*\d{1,4}[\s\-—–－~～·•]*$/, // 3, — 3 —, - 3 -, -3-
  /^第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/, // 第3页, 第3页 共10页
  /^共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页$/, // 共10页 第3页
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 3/10
  /^(?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i, // Page 3, Page 3 of 10
  /^[\s\-—–－]*第?\s*[一二三四五六七八九十百〇零]{1,4}\s*页[\s\-—–－]*$/, // 第三页
]

/** A line holding only a page number, in the forms printed documents use. */
export function isPageNumber(text: string): boolean {
  const t = text.trim()
  return t.length > 0 && t.length <= 24 && PAGE_NUMBER.some((re) => re.test(t))
}

/** How many lines at each end of a page can be furniture. */
const EDGE = 2

export interface PageText {
  /** the text, one line per row, indentation as ideographic spaces, pages one after another */
  text: string
  /** the furniture removed, as it read */
  removed: string[]
  /** pages that have no text at all */
  emptyPages: number
}

/** Lines of every page, without page numbers and running headers/footers, as one text. */
export function pagesToText(pages: readonly PdfPage[]): PageText {
  const lines = pages.map((p) => buildLines(p.items))
  const drop = lines.map((ls) => new Array<boolean>(ls.length).fill(false))

  // the usual distance between lines (a header or footer stands further off the body)
  const steps: number[] = []
  for (const ls of lines) for (let i = 1; i < ls.length; i++) steps.push(ls[i - 1]!.y - ls[i]!.y)
  steps.sort((a, b) => a - b)
  const step = steps.length ? steps[Math.floor(steps.length / 2)]! : 0
  const apart = (a: PdfLine | undefined, b: PdfLine | undefined) => !a || !b || a.y - b.y > step * 1.4 + 1

  /** Indexes of the lines at a page's top and bottom that stand apart from the body. */
  const edges = (ls: readonly PdfLine[]) => {
    const at: number[] = []
    for (let k = 0; k < Math.min(EDGE, ls.length); k++)
      if (apart(ls[k], ls[k + 1])) {
        for (let i = 0; i <= k; i++) at.push(i)
        break
      }
    for (let k = ls.length - 1; k >= Math.max(0, ls.length - EDGE); k--)
      if (apart(ls[k - 1], ls[k])) {
        for (let i = k; i < ls.length; i++) if (!at.includes(i)) at.push(i)
        break
      }
    return at
  }
  /** The first and last lines, where a page number may sit even without a gap. */
  const ends = (ls: readonly PdfLine[]) => [...new Set([0, 1, ls.length - 2, ls.length - 1].filter((i) => i >= 0 && i < ls.length))]

  // running headers/footers: the same text (digits aside) at the same height on many pages
  const key = (l: PdfLine) => `${Math.round(l.y / 4)}|${l.text.replace(/\s+/g, '').replace(/\d+/g, '#')}`
  const seen = new Map<string, number>()
  const edgeLines = lines.map(edges)
  lines.forEach((ls, p) => {
    const keys = new Set(edgeLines[p]!.map((i) => key(ls[i]!)))
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1)
  })
  const withText = lines.filter((ls) => ls.length > 0).length
  const repeatedOften = Math.max(2, Math.ceil(withText / 2))
  // the body's font size: the size most lines have
  const sizes = lines.flat().map((l) => l.size).sort((a, b) => a - b)
  const bodySize = sizes.length ? sizes[Math.floor(sizes.length / 2)]! : 0
  /** A header by its look, on any page (a one-page document has nothing to repeat): small print in the top margin, apart from the body. */
  const smallTop = (l: PdfLine, i: number, page: PdfPage) => i < EDGE && l.size < bodySize * 0.8 && l.y > page.height * 0.88
  lines.forEach((ls, p) => {
    for (const i of edgeLines[p]!) {
      if ((withText >= 2 && (seen.get(key(ls[i]!)) ?? 0) >= repeatedOften) || smallTop(ls[i]!, i, pages[p]!)) drop[p]![i] = true
    }
    for (const i of ends(ls)) if (isPageNumber(ls[i]!.text)) drop[p]![i] = true
  })

  const out: string[] = []
  const removed: string[] = []
  lines.forEach((ls, p) => {
    const kept = ls.filter((_, i) => !drop[p]![i])
    ls.forEach((l, i) => drop[p]![i] && removed.push(l.text))
    // the page's left text edge: where its leftmost line starts
    const left = Math.min(...kept.map((l) => l.x))
    kept.forEach((l, i) => {
      // a paragraph's lines follow at the usual distance; a wider gap (space after a paragraph, an
      // empty line) ends one: a blank line, so the reflow knows a full line ending in "。" there
      // is a paragraph end and one elsewhere is not (rows of a table, spaced cells, are left as they are)
      const prev = kept[i - 1]
      if (prev && apart(prev, l) && !/ /.test(prev.text) && !/ /.test(l.text)) out.push('')
      const ems = Math.round((l.x - left) / Math.max(1, l.size))
      out.push((ems >= 1 ? '\u3000'.repeat(Math.min(4, ems)) : '') + l.text)
    })
  })
  return { text: out.join('\n'), removed, emptyPages: lines.filter((ls) => ls.length === 0).length }
}
