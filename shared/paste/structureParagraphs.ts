/**
 * Headings in pasted paragraphs that kept their formatting (from Word, WPS, web pages): a
 * paragraph that opens with a heading marker becomes a heading of the level its marker kind has in
 * this paste (the recognizer's level map), its marker dropped (numbers are derived), run-in text
 * split off as the heading's body — all without losing bold, italic or underline.
 */
import type { Block, Inline } from '../document/model'
import { inlineText } from '../document/text'
import { shapeHeading } from '../recognizer/headings'
import { levelMap, matchMarker, type MarkerKind } from '../recognizer/markers'
import { leadingBlanks, sliceInlines } from './inlines'

export interface StructuredParagraphs {
  blocks: Block[]
  headings: number
}

export function structureParagraphs(paragraphs: readonly Inline[][]): StructuredParagraphs {
  const texts = paragraphs.map((p) => inlineText(p))
  const matches = texts.map((t) => matchMarker(t.slice(leadingBlanks(t))))
  const kinds: MarkerKind[] = []
  for (const m of matches) if (m) kinds.push(m.kind)
  const levels = levelMap(kinds)
  let headings = 0
  const blocks = paragraphs.map((inlines, i): Block => {
    const match = matches[i]
    const text = texts[i]!
    const shape = match ? shapeHeading(match.rest) : null
    if (!match || !shape || !shape.title) return { type: 'paragraph', children: [...inlines] }
    headings++
    // where the heading sentence starts: after the blanks, the marker and the blanks after it
    const afterMarker = leadingBlanks(text) + match.marker.length
    const titleStart = afterMarker + leadingBlanks(text.slice(afterMarker))
    const titleEnd = titleStart + shape.title.length
    const title = sliceInlines(inlines, titleStart, titleEnd)
    const level = levels.get(match.kind) ?? 1
    if (shape.body === undefined) return { type: 'heading', level, title }
    const bodyStart = titleEnd + leadingBlanks(text.slice(titleEnd))
    return { type: 'heading', level, title, body: sliceInlines(inlines, bodyStart) }
  })
  return { blocks, headings }
}
