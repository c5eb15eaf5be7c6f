/**
 * Between snippets and documents. Inserting: a snippet body → paragraph blocks of the document
 * model, each field bound to the document's figure of that name. Saving a selection: blocks →
 * snippet body, each figure reference becoming a field named after its figure.
 */
import type { Block, Figure, Inline } from '../document/model'
import { normalizeBody, parseFieldRuns } from './fields'
import type { SnippetBody, SnippetInline } from './model'

/** `figureFor(name)` returns the id of the figure of that name (creating it when missing). */
export function snippetToBlocks(body: SnippetBody, figureFor: (name: string) => string): Block[] {
  return body.map((paragraph) => ({
    type: 'paragraph',
    children: paragraph.map((i): Inline => (i.type === 'field' ? { type: 'figure', figureId: figureFor(i.name) } : i)),
  }))
}

function inlinesToSnippet(inlines: readonly Inline[], figures: ReadonlyMap<string, Figure>): SnippetInline[] {
  const out: SnippetInline[] = []
  for (const i of inlines) {
    if (i.type === 'text') out.push(i)
    else {
      const f = figures.get(i.figureId)
      if (f?.name) out.push({ type: 'field', name: f.name.slice(0, 30) })
      else if (f && f.value !== null) out.push({ type: 'text', text: `${String(f.value)}${f.unit ?? ''}` })
    }
  }
  return parseFieldRuns(out)
}

/** Blocks (a selection, a harvested paragraph) → snippet body. Headings keep their words; tables give one paragraph per row. */
export function blocksToSnippetBody(blocks: readonly Block[], figures: readonly Figure[]): SnippetBody {
  const byId = new Map(figures.map((f) => [f.id, f]))
  const paragraphs: SnippetInline[][] = []
  for (const b of blocks) {
    if (b.type === 'paragraph') paragraphs.push(inlinesToSnippet(b.children, byId))
    else if (b.type === 'heading') paragraphs.push(inlinesToSnippet([...b.title, ...(b.body ?? [])], byId))
    else if (b.type === 'table')
      for (const row of b.rows) paragraphs.push(inlinesToSnippet(row.flatMap((c, i) => (i > 0 ? [{ type: 'text' as const, text: '\t' }, ...c] : c)), byId))
  }
  // line breaks inside a paragraph become paragraph breaks (a snippet paragraph has none)
  return normalizeBody(paragraphs.flatMap(splitLines))
}

function splitLines(p: SnippetInline[]): SnippetInline[][] {
  const out: SnippetInline[][] = [[]]
  for (const i of p) {
    if (i.type !== 'text' || !i.text.includes('\n')) {
      out[out.length - 1]!.push(i)
      continue
    }
    i.text.split('\n').forEach((piece, k) => {
      if (k > 0) out.push([])
      if (piece) out[out.length - 1]!.push({ ...i, text: piece })
    })
  }
  return out
}
