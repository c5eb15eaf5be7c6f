/**
 * Formatted sources (.docx, .md) through the plain-text recognizer, keeping what the text alone
 * cannot carry: bold/italic/underline, heading levels given by a Word style or "#", tables and
 * page breaks.
 *
 * A source is a list of lines made of runs (text + marks), blank lines, tables and page breaks.
 * Its text goes through `recognize` exactly like a .txt file, so titles, "一、" markers, run-in
 * headings, placeholders and signatures are found the same way. Then each block the recognizer made
 * is found again in the source: the recognizer never rewrites the writer's wording (it only drops
 * heading numbers, blanks, line breaks and whole lines such as the title or junk), so a block's
 * text, blanks removed and placeholders read as the token they came from, is a contiguous stretch
 * of the source's text with blanks removed. Searching forward from the previous block's end finds
 * it; the characters there give the block its marks, and the source line it starts on gives its
 * heading style. A block not found (none expected) keeps the recognizer's plain output.
 *
 * Heading levels with styles (Word "Heading 1–4" / "标题 1–4", Markdown "#"–"####"):
 *   - When the first line of the file is a heading and no other heading is as shallow, it is the
 *     title line (the recognizer then takes it as the title), not a level.
 *   - The shallowest remaining depth becomes level 1 ("##" sections under a "#" title are level 1);
 *     deeper ones follow, capped at level 4.
 *   - A styled line is a heading at its style's level, numbered or not ("一、" in its text is
 *     dropped like any heading number; a run-in body is kept).
 *   - In a document with styled headings, a numbered line without a style (a "（一）" the writer
 *     typed) takes the level its kind of number has among the styled headings; a kind no styled
 *     heading uses takes its GB/T rank, as in plain text ("二、" typed after a styled 一级标题 is
 *     its sibling, a "1." under it stays level 3 and prints "1.").
 *   - A document without styled headings keeps the recognizer's levels.
 */
import type { Block, Figure, HeadingLevel, Inline, SummaryDocument } from '../../../shared/document/model'
import { matchMarker, recognize, type MarkerKind, type RecognizeOptions, type RecognizeResult } from '../../../shared/recognizer'

export const BOLD = 1
export const ITALIC = 2
export const UNDERLINE = 4

export interface RichRun {
  text: string
  /** BOLD | ITALIC | UNDERLINE */
  marks: number
}

export type RichItem =
  /**
   * one line of text (no line breaks inside); `depth` 1–9 when a heading style or "#" marks it;
   * `runIn`: the line is a heading paragraph joined to its body (Word's style separator), this text
   * being the heading's
   */
  | { kind: 'line'; runs: RichRun[]; depth?: number; runIn?: string }
  | { kind: 'blank' }
  | { kind: 'table'; rows: Inline[][][] }
  | { kind: 'pageBreak' }

/** Characters the alignment ignores: blanks, and what the recognizer drops as control characters. */
function skipped(c: number): boolean {
  return (
    c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0xfffe || c === 0xffff
  )
}

/** How far past the previous block the alignment looks for the next one (normalized characters). */
const SEARCH_WINDOW = 100_000

interface Located {
  /** index of the source item the block starts in */
  item: number
  /** the source line's marker kind, when the recognizer made the block a numbered heading */
  kind?: MarkerKind
}

export function recognizeRich(items: readonly RichItem[], opts: RecognizeOptions): RecognizeResult {
  const levels = styleLevels(items)

  // the text the recognizer reads, and per non-skipped character: its marks and its source item
  const parts: string[] = []
  let norm = ''
  let size = 0
  for (const item of items) if (item.kind === 'line') for (const run of item.runs) size += run.text.length
  const marks = new Uint8Array(size)
  const itemOf = new Int32Array(size)
  let n = 0
  items.forEach((item, index) => {
    if (item.kind !== 'line') return void parts.push('')
    let line = ''
    for (const run of item.runs) {
      const text = run.text.replace(/[\r\n\u2028\u2029\u0085\v\f]/g, ' ')
      line += text
      for (let i = 0; i < text.length; i++) {
        if (skipped(text.charCodeAt(i))) continue
        norm += text[i]
        marks[n] = run.marks
        itemOf[n++] = index
      }
    }
    parts.push(line)
  })
  // blank lines around styled lines keep the recognizer from joining them with their neighbours
  const text = items.map((item, i) => (levels.has(i) ? `\n${parts[i]}\n` : parts[i])).join('\n')
  const result = recognize(text, opts)

  const located = new Map<Block, Located>()
  let from = 0
  for (const doc of result.documents) {
    const figures = new Map(doc.figures.map((f) => [f.id, f]))
    doc.blocks = doc.blocks.map((block) => {
      if (block.type !== 'heading' && block.type !== 'paragraph') return block
      const inlines = block.type === 'heading' ? [...block.title, ...(block.body ?? [])] : block.children
      const needle = squash(inlines, figures)
      if (!needle) return block
      // the next block starts close by: only removed lines (title, junk, signature) lie between
      const at = norm.slice(0, from + SEARCH_WINDOW + needle.length).indexOf(needle, from)
      if (at < 0) return block
      from = at + needle.length
      const marked = applyMarks(block, figures, marks, at)
      const item = itemOf[at]!
      const source = items[item]
      const kind = marked.type === 'heading' && source?.kind === 'line' ? matchMarker(lineText(source).trim())?.kind : undefined
      located.set(marked, kind ? { item, kind } : { item })
      return marked
    })
  }
  applyStyleLevels(result.documents, located, levels)
  splitRunIns(result.documents, located, items)
  placeAnchors(result.documents, located, items)

  let headings = 0
  let runIn = 0
  for (const doc of result.documents)
    for (const b of doc.blocks)
      if (b.type === 'heading') {
        headings++
        if (b.body) runIn++
      }
  result.report.headings = headings
  result.report.runInHeadings = runIn
  return result
}

const lineText = (item: Extract<RichItem, { kind: 'line' }>) => item.runs.map((r) => r.text).join('')

/** The depth → level rule (see the header); returns the level of every styled line by item index. */
function styleLevels(items: readonly RichItem[]): Map<number, HeadingLevel> {
  const styled: { index: number; depth: number }[] = []
  items.forEach((item, index) => {
    if (item.kind === 'line' && item.depth !== undefined && lineText(item).trim()) styled.push({ index, depth: item.depth })
  })
  const levels = new Map<number, HeadingLevel>()
  if (styled.length === 0) return levels
  const firstContent = items.findIndex((item) => item.kind === 'table' || (item.kind === 'line' && lineText(item).trim() !== ''))
  const first = styled[0]!
  if (first.index === firstContent && styled.every((s, i) => i === 0 || s.depth > first.depth)) styled.shift()
  if (styled.length === 0) return levels
  const top = Math.min(...styled.map((s) => s.depth))
  for (const s of styled) levels.set(s.index, Math.min(4, s.depth - top + 1) as HeadingLevel)
  return levels
}

function applyStyleLevels(documents: SummaryDocument[], located: Map<Block, Located>, levels: Map<number, HeadingLevel>): void {
  if (levels.size === 0) return
  for (const doc of documents) {
    const styledOf = (block: Block): HeadingLevel | undefined => {
      const at = located.get(block)
      return at ? levels.get(at.item) : undefined
    }
    if (!doc.blocks.some((b) => styledOf(b) !== undefined)) continue
    // kinds of number the styled headings use
    const kindLevel = new Map<MarkerKind, HeadingLevel>()
    for (const b of doc.blocks) {
      const at = located.get(b)
      if (!at?.kind) continue
      const level = styledOf(b)
      if (level !== undefined && !kindLevel.has(at.kind)) kindLevel.set(at.kind, level)
    }
    doc.blocks = doc.blocks.map((block) => {
      const level = styledOf(block)
      if (level !== undefined) {
        if (block.type === 'heading') block.level = level
        else if (block.type === 'paragraph') {
          const heading: Block = { type: 'heading', level, title: block.children }
          located.set(heading, located.get(block)!)
          return heading
        }
        return block
      }
      const kind = located.get(block)?.kind
      if (block.type === 'heading' && kind) {
        // A typed "二、" after a styled heading 1 continues that heading's sequence (Word's own
        // automatic numbers are not in the file), and a typed "1." under it stays "1.": a kind no
        // styled heading uses keeps the recognizer's level (its GB/T rank).
        if (kindLevel.has(kind)) block.level = kindLevel.get(kind)!
      }
      return block
    })
  }
}

/** A heading from a line joined by a style separator: its title up to the joined heading's text, the rest its body. */
function splitRunIns(documents: SummaryDocument[], located: Map<Block, Located>, items: readonly RichItem[]): void {
  for (const doc of documents)
    for (const block of doc.blocks) {
      const at = located.get(block)
      const item = at ? items[at.item] : undefined
      if (block.type !== 'heading' || block.body || item?.kind !== 'line' || !item.runIn) continue
      const head = item.runIn.trim()
      const title = block.title.map((i) => (i.type === 'text' ? i.text : '\u0000')).join('')
      const cut = title.indexOf(head) >= 0 ? title.indexOf(head) + head.length : -1
      if (cut <= 0 || cut >= title.length) continue
      const before: Inline[] = []
      const after: Inline[] = []
      let k = 0
      for (const i of block.title) {
        const len = i.type === 'text' ? i.text.length : 1
        if (k + len <= cut) before.push(i)
        else if (k >= cut) after.push(i)
        else if (i.type === 'text') {
          before.push({ ...i, text: i.text.slice(0, cut - k) })
          after.push({ ...i, text: i.text.slice(cut - k) })
        }
        k += len
      }
      block.title = before
      block.body = after
    }
}

/** Tables and page breaks go before the first block that comes after them in the source. */
function placeAnchors(documents: SummaryDocument[], located: Map<Block, Located>, items: readonly RichItem[]): void {
  const anchors: { index: number; block: Block }[] = []
  items.forEach((item, index) => {
    if (item.kind === 'table' && item.rows.length) anchors.push({ index, block: { type: 'table', rows: item.rows } })
    else if (item.kind === 'pageBreak') anchors.push({ index, block: { type: 'pageBreak' } })
  })
  if (anchors.length === 0) return
  let next = 0
  for (const doc of documents) {
    const blocks: Block[] = []
    for (const block of doc.blocks) {
      const at = located.get(block)
      while (at && next < anchors.length && anchors[next]!.index < at.item) blocks.push(anchors[next++]!.block)
      blocks.push(block)
    }
    doc.blocks = blocks
  }
  const last = documents[documents.length - 1]
  if (last) while (next < anchors.length) last.blocks.push(anchors[next++]!.block)
  // the recognizer's empty paragraph in an otherwise empty document is not needed beside a table
  for (const doc of documents) {
    if (doc.blocks.length > 1)
      doc.blocks = doc.blocks.filter((b) => !(b.type === 'paragraph' && b.children.length === 0))
  }
}

/** A block's text as the alignment compares it: blanks dropped, placeholders as written. */
function squash(inlines: readonly Inline[], figures: ReadonlyMap<string, Figure>): string {
  let out = ''
  for (const inline of inlines) {
    const text = inline.type === 'text' ? inline.text : (figures.get(inline.figureId)?.original ?? '')
    for (let i = 0; i < text.length; i++) if (!skipped(text.charCodeAt(i))) out += text[i]
  }
  return out
}

function applyMarks(block: Extract<Block, { type: 'heading' | 'paragraph' }>, figures: ReadonlyMap<string, Figure>, marks: Uint8Array, start: number): Block {
  let k = start
  const mark = (inlines: readonly Inline[]): Inline[] => {
    const out: Inline[] = []
    for (const inline of inlines) {
      if (inline.type === 'figure') {
        const original = figures.get(inline.figureId)?.original ?? ''
        for (let i = 0; i < original.length; i++) if (!skipped(original.charCodeAt(i))) k++
        out.push(inline)
        continue
      }
      // per UTF-16 unit: the source's marks; blanks take their neighbour's
      const text = inline.text
      const per: number[] = new Array<number>(text.length).fill(-1)
      for (let i = 0; i < text.length; i++) if (!skipped(text.charCodeAt(i))) per[i] = marks[k++] ?? 0
      let last = per.find((m) => m >= 0) ?? 0
      for (let i = 0; i < per.length; i++) {
        if (per[i]! < 0) per[i] = last
        else last = per[i]!
      }
      let runStart = 0
      for (let i = 1; i <= text.length; i++) {
        if (i === text.length || per[i] !== per[runStart]) {
          out.push(textInline(text.slice(runStart, i), (per[runStart] ?? 0) | markBits(inline)))
          runStart = i
        }
      }
    }
    return out.filter((i) => i.type === 'figure' || i.text !== '')
  }
  if (block.type === 'paragraph') return { type: 'paragraph', children: mark(block.children) }
  const title = mark(block.title)
  const heading: Block = { type: 'heading', level: block.level, title }
  if (block.body) heading.body = mark(block.body)
  return heading
}

function markBits(inline: Extract<Inline, { type: 'text' }>): number {
  return (inline.bold ? BOLD : 0) | (inline.italic ? ITALIC : 0) | (inline.underline ? UNDERLINE : 0)
}

export function textInline(text: string, marks: number): Extract<Inline, { type: 'text' }> {
  const inline: Extract<Inline, { type: 'text' }> = { type: 'text', text }
  if (marks & BOLD) inline.bold = true
  if (marks & ITALIC) inline.italic = true
  if (marks & UNDERLINE) inline.underline = true
  return inline
}

/** Runs → inlines, merging neighbours with the same marks and dropping empty text. */
export function runsToInlines(runs: readonly RichRun[]): Inline[] {
  const merged: RichRun[] = []
  for (const run of runs) {
    if (!run.text) continue
    const prev = merged[merged.length - 1]
    if (prev && prev.marks === run.marks) prev.text += run.text
    else merged.push({ text: run.text, marks: run.marks })
  }
  return merged.map((r) => textInline(r.text, r.marks))
}
