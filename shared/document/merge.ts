/** Bringing one document's content into another (import into an open document, pasted fragments). */
import type { Block, Inline, SummaryDocument } from './model'

/**
 * Gives the incoming document's figures ids not already taken, rewriting its references to
 * match, so that inserting it never links its text to the host document's figures by accident.
 */
export function withFreshFigureIds(doc: SummaryDocument, taken: ReadonlySet<string>): SummaryDocument {
  const rename = new Map<string, string>()
  let n = 0
  for (const f of doc.figures) {
    if (!taken.has(f.id)) continue
    let id: string
    do id = `${f.id}-${++n}`
    while (taken.has(id) || doc.figures.some((g) => g.id === id))
    rename.set(f.id, id)
  }
  if (rename.size === 0) return doc
  const inlines = (list: Inline[]): Inline[] => list.map((i) => (i.type === 'figure' && rename.has(i.figureId) ? { ...i, figureId: rename.get(i.figureId)! } : i))
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading':
        return b.body ? { ...b, title: inlines(b.title), body: inlines(b.body) } : { ...b, title: inlines(b.title) }
      case 'paragraph':
        return { ...b, children: inlines(b.children) }
      case 'table':
        return { ...b, rows: b.rows.map((r) => r.map(inlines)) }
      default:
        return b
    }
  }
  return { ...doc, blocks: doc.blocks.map(block), figures: doc.figures.map((f) => ({ ...f, id: rename.get(f.id) ?? f.id })) }
}
