/** Plain-text views of the model: search text, character counts. */
import { figureFormatter } from '../figures/format'
import { countCharacters } from '../text'
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

// also importable from here, with the document's other plain-text views
export { countCharacters }

/** The 字数 of a document, as the status bar and the document list show it. */
export function documentCharacters(doc: SummaryDocument): number {
  return countCharacters(documentPlainText(doc, { signature: false }))
}

/**
 * The lines (title, headings, paragraphs, table rows) of `snapshot` that `current` does not have
 * word for word, in order: what a kept copy of the text holds that the document no longer does.
 * Empty lines do not count.
 */
export function linesMissing(snapshot: SummaryDocument, current: SummaryDocument): string[] {
  const have = new Set(documentPlainText(current).split('\n'))
  return documentPlainText(snapshot).split('\n').filter((line) => line.trim() !== '' && !have.has(line))
}
