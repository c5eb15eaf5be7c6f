/** Plain-text views of the model: search text, character counts. */
import type { Figure, Inline, SummaryDocument } from './model'

export function inlineText(inlines: readonly Inline[], figures?: ReadonlyMap<string, Figure>): string {
  let out = ''
  for (const i of inlines) {
    if (i.type === 'text') out += i.text
    else {
      const f = figures?.get(i.figureId)
      out += f && f.value !== null ? String(f.value) + (f.unit ?? '') : ''
    }
  }
  return out
}

/** The document's text, one line per block, for full-text search and previews. */
export function documentPlainText(doc: SummaryDocument): string {
  const figures = new Map(doc.figures.map((f) => [f.id, f]))
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
  if (doc.signature) lines.push(doc.signature.organization)
  return lines.join('\n')
}

/**
 * Character count the way Chinese writers (and Word's 字数) count: every Han character and every
 * full-width punctuation mark counts one; a run of Latin letters or digits counts as one word.
 * Whitespace does not count.
 */
export function countCharacters(text: string): number {
  let count = 0
  let inWord = false
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (/\s/u.test(ch)) { inWord = false; continue }
    const asciiWordChar = cp < 0x80 && /[A-Za-z0-9]/.test(ch)
    if (asciiWordChar) {
      if (!inWord) count++
      inWord = true
      continue
    }
    inWord = false
    count++
  }
  return count
}
