/** Plain-text views of the model: search text, character counts. */
import { figureFormatter } from '../figures/format'
import type { Figure, Inline, SummaryDocument } from './model'

/** Figures by id: a table (value and unit shown raw) or a formatter's output (its text shown). */
type FigureSource = { get(id: string): Figure | { text: string } | undefined }

export function inlineText(inlines: readonly Inline[], figures?: FigureSource): string {
  let out = ''
  for (const i of inlines) {
    if (i.type === 'text') out += i.text
    else {
      const f = figures?.get(i.figureId)
      if (!f) continue
      if ('text' in f) out += f.text
      else if (f.value !== null) out += String(f.value) + (f.unit ?? '')
    }
  }
  return out
}

/**
 * The document's text, one line per block, for full-text search and previews. The signature's
 * organization is included unless `signature: false` (the 字数 shown beside the editor counts
 * what the editor shows).
 */
export function documentPlainText(doc: SummaryDocument, opts: { signature?: boolean } = {}): string {
  // figures read as the writer sees them in the editor and the exports ("1000余份", "九个", "〔名称〕")
  const format = figureFormatter(doc.figures)
  const figures = { get: (id: string) => ({ text: format(id).text }) }
  const lines: string[] = [doc.title]
  if (doc.subtitle) lines.push(doc.subtitle)
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading':
        lines.push(inlineText(b.title, figures) + (b.body ? inlineText(b.body, figures) : ''))
        break
      case 'paragraph':
        lines.push(inlineText(b.children, figures))
        break
      case 'table':
        for (const row of b.rows) lines.push(row.map((c) => inlineText(c, figures)).join('\t'))
        break
      default:
        break
    }
  }
  if (doc.signature && opts.signature !== false) lines.push(doc.signature.organization)
  return lines.join('\n')
}

/** The 字数 of a document, as the status bar and the document list show it. */
export function documentCharacters(doc: SummaryDocument): number {
  return countCharacters(documentPlainText(doc, { signature: false }))
}

/**
 * Character count the way Chinese writers (and Word's 字数) count: every Han character and every
 * full-width or Chinese punctuation mark (，。“”……——) counts one; a run of other non-space
 * characters (a Latin word, a number such as 560 or 3.5%, "e.g.") counts one; whitespace none.
 */
export function countCharacters(text: string): number {
  let count = 0
  let inWord = false
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000 || cp === 0xa0) {
      inWord = false
    } else if (isEastAsianCounted(cp)) {
      count++
      inWord = false
    } else if (!inWord) {
      count++
      inWord = true
    }
  }
  return count
}

/** Han, kana, hangul, CJK and full-width punctuation, and the general punctuation Chinese text uses. */
function isEastAsianCounted(cp: number): boolean {
  return (
    (cp >= 0x2010 && cp <= 0x206f) || // — ‘ ’ “ ” … (general punctuation)
    (cp >= 0x2e80 && cp <= 0x9fff) || // CJK radicals, punctuation 。、《》, kana, Han
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms （），：；！？０-９
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  )
}
