/**
 * The SummaryDocument ⇄ Lexical editor-state conversion, on serialized JSON only.
 *
 * Pure TypeScript: this file never imports lexical. It writes the JSON that the editor's node
 * classes (renderer/features/structure and renderer/features/figures) read and write, and reads back whatever the editor exports.
 *
 * Representation (top level of the root, in order):
 *   dd-title (plain text) · dd-subtitle (only when the model has one) · one node per block:
 *   paragraph → `paragraph`; heading → `dd-heading` {level}, its children the title inlines followed,
 *   for a run-in heading, by one inline `dd-runin` element holding the body; table →
 *   `table`/`tablerow`/`tablecell`, each cell one `paragraph`; figureTable → `dd-figuretable`;
 *   pageBreak → `dd-pagebreak`. The document's numbering style (model `numbering`), when it has
 *   one, is NodeState on the root: `root.$['dd-numbering']` (undone, saved and synced in team mode
 *   with the text, like the figure table's `dd-figures`). Text inlines are `text` nodes (format bits bold 1, italic 2,
 *   underline 8), figure inlines `dd-figure` {figureId}.
 *
 * Decisions where the editor cannot hold what the model can (see normalizeDocument):
 *   - '\n' in model text is a `linebreak` node in the editor, and a `linebreak` reads back as '\n'.
 *     A line break carries no formatting of its own, so a '\n' takes the marks of the text run
 *     before it (plain at the start of a run list or after a figure).
 *   - A run-in body that is empty is no run-in body: `dd-runin` cannot be empty in the editor
 *     (Lexical removes an empty one), so `body: []` becomes a standalone heading.
 *   - Tables are rectangular (short rows padded with empty cells, as the table plugin does) and a
 *     table without cells is dropped (Lexical's table nodes cannot be empty). An empty cell is a
 *     cell holding one empty paragraph. Several paragraphs in one cell read back joined by '\n';
 *     merged cells read back unmerged, their content in the top-left cell.
 */
import {
  type Block,
  type Figure,
  type HeadingLevel,
  type Inline,
  type NumberingStyle,
  type Signature,
  type SummaryDocument,
  MODEL_VERSION,
  NumberingStyleSchema,
  SummaryDocumentSchema,
} from './model'
import { normalizeNumberingStyle } from './numbering'
import { appendText, marksOf, type Marks } from './marks'
import { inlineText } from './text'

/** The node types of DraftDesk's own editor nodes; the node classes take their names from here. */
export const NODE_TYPES = {
  title: 'dd-title',
  subtitle: 'dd-subtitle',
  heading: 'dd-heading',
  runIn: 'dd-runin',
  figure: 'dd-figure',
  pageBreak: 'dd-pagebreak',
  figureTable: 'dd-figuretable',
} as const

/** Lexical's text format bits (TextNode `format`); the model keeps only these three. */
export const FORMAT_BOLD = 1
export const FORMAT_ITALIC = 2
export const FORMAT_UNDERLINE = 8

// ---------------------------------------------------------------------------------------------
// Serialized Lexical JSON, as far as this conversion writes it. Lexical exports more fields on
// some nodes; the reader below does not depend on these types and tolerates anything.

interface SerializedElementBase<T extends string, C> {
  type: T
  version: 1
  children: C[]
  direction: null
  format: ''
  indent: 0
}

export interface SerializedTextNode {
  type: 'text'
  version: 1
  text: string
  format: number
  detail: 0
  mode: 'normal'
  style: ''
}
export interface SerializedLineBreakNode { type: 'linebreak'; version: 1 }
export interface SerializedFigureRefNode { type: typeof NODE_TYPES.figure; version: 1; figureId: string }
export type SerializedTextLike = SerializedTextNode | SerializedLineBreakNode
export type SerializedRunInNode = SerializedElementBase<typeof NODE_TYPES.runIn, SerializedTextLike | SerializedFigureRefNode>
export type SerializedInlineNode = SerializedTextLike | SerializedFigureRefNode | SerializedRunInNode

export type SerializedTitleNode = SerializedElementBase<typeof NODE_TYPES.title, SerializedTextLike>
export type SerializedSubtitleNode = SerializedElementBase<typeof NODE_TYPES.subtitle, SerializedTextLike>
export interface SerializedParagraphNode extends SerializedElementBase<'paragraph', SerializedInlineNode> {
  textFormat: number
  textStyle: ''
}
export interface SerializedSectionHeadingNode extends SerializedElementBase<typeof NODE_TYPES.heading, SerializedInlineNode> {
  level: HeadingLevel
}
export interface SerializedTableCellNode extends SerializedElementBase<'tablecell', SerializedParagraphNode> {
  backgroundColor: null
  colSpan: 1
  headerState: 0
  rowSpan: 1
}
export type SerializedTableRowNode = SerializedElementBase<'tablerow', SerializedTableCellNode>
export type SerializedTableNode = SerializedElementBase<'table', SerializedTableRowNode>
export interface SerializedPageBreakNode { type: typeof NODE_TYPES.pageBreak; version: 1 }
export interface SerializedFigureTableNode { type: typeof NODE_TYPES.figureTable; version: 1 }

export type SerializedBlockNode =
  | SerializedTitleNode
  | SerializedSubtitleNode
  | SerializedParagraphNode
  | SerializedSectionHeadingNode
  | SerializedTableNode
  | SerializedPageBreakNode
  | SerializedFigureTableNode
export type SerializedRootNode = SerializedElementBase<'root', SerializedBlockNode> & { $?: Record<string, unknown> }

/** Root NodeState key of the numbering style (renderer/features/structure/numberingState.ts reads it). */
export const NUMBERING_STATE_KEY = 'dd-numbering'
export interface SerializedState { root: SerializedRootNode }

// ---------------------------------------------------------------------------------------------
// Inline normalization, shared by both directions so that they agree.

/**
 * The canonical form of an inline list: adjacent text with identical marks merged, empty text
 * dropped, and every '\n' given the marks of the text before it (a line break has no formatting
 * in the editor, see the file comment). Two lists that show the same are equal after this.
 */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const inline of inlines) {
    if (inline.type === 'figure') {
      out.push({ type: 'figure', figureId: inline.figureId })
      continue
    }
    // "ab\n\ncd" → "ab", "\n", "\n", "cd"
    for (const piece of inline.text.split(/(\n)/)) {
      if (piece === '') continue
      const last = out[out.length - 1]
      const marks = piece !== '\n' ? marksOf(inline) : last?.type === 'text' ? marksOf(last) : {}
      appendText(out, piece, marks)
    }
  }
  return out
}

/** Pads short rows with empty cells; a table with no cell at all becomes null. */
function rectangular(rows: readonly (readonly Inline[])[][]): Inline[][][] | null {
  const width = Math.max(0, ...rows.map((row) => row.length))
  if (width === 0) return null
  return rows.map((row) => Array.from({ length: width }, (_, c) => normalizeInlines(row[c] ?? [])))
}

/** A heading block in normal form: an empty run-in body is no body (see the file comment). */
function heading(level: HeadingLevel, title: readonly Inline[], body: readonly Inline[]): Block {
  const normalBody = normalizeInlines(body)
  const block: Block = { type: 'heading', level, title: normalizeInlines(title) }
  if (normalBody.length > 0) block.body = normalBody
  return block
}

function normalizeBlock(block: Block): Block | null {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', children: normalizeInlines(block.children) }
    case 'heading':
      return heading(block.level, block.title, block.body ?? [])
    case 'table': {
      const rows = rectangular(block.rows)
      return rows ? { type: 'table', rows } : null
    }
    default:
      return { type: block.type }
  }
}

/**
 * The document as it comes back from the editor: inlines normalized, empty run-in bodies
 * dropped, tables made rectangular and empty tables dropped. For every valid document,
 * editorStateToModel(modelToEditorState(doc)) deep-equals normalizeDocument(doc).
 */
export function normalizeDocument(doc: SummaryDocument): SummaryDocument {
  const blocks = doc.blocks.map(normalizeBlock).filter((b): b is Block => b !== null)
  const out = withCarry({ title: doc.title, subtitle: doc.subtitle, blocks }, doc)
  const numbering = normalizeNumberingStyle(doc.numbering)
  if (numbering) out.numbering = numbering
  return out
}

function withCarry(
  text: { title: string; subtitle: string | undefined; blocks: Block[] },
  carry: { figures: Figure[]; signature?: Signature | undefined },
): SummaryDocument {
  const doc: SummaryDocument = { version: MODEL_VERSION, title: text.title, blocks: text.blocks, figures: carry.figures }
  if (text.subtitle !== undefined) doc.subtitle = text.subtitle
  if (carry.signature !== undefined) doc.signature = carry.signature
  return doc
}

// ---------------------------------------------------------------------------------------------
// Model → editor state

function element<T extends string, C>(type: T, children: C[]): SerializedElementBase<T, C> {
  return { type, version: 1, children, direction: null, format: '', indent: 0 }
}

function textNode(text: string, format: number): SerializedTextNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' }
}

function formatOf(t: Marks): number {
  return (t.bold ? FORMAT_BOLD : 0) | (t.italic ? FORMAT_ITALIC : 0) | (t.underline ? FORMAT_UNDERLINE : 0)
}

/** Text → text nodes, each '\n' a linebreak node (the editor's way of holding a line break). */
function textNodes(text: string, format: number): SerializedTextLike[] {
  return text
    .split(/(\n)/)
    .filter((piece) => piece !== '')
    .map((piece) => (piece === '\n' ? { type: 'linebreak', version: 1 } : textNode(piece, format)))
}

function inlineNodes(inlines: readonly Inline[]): (SerializedTextLike | SerializedFigureRefNode)[] {
  return normalizeInlines(inlines).flatMap((inline): (SerializedTextLike | SerializedFigureRefNode)[] =>
    inline.type === 'figure'
      ? [{ type: NODE_TYPES.figure, version: 1, figureId: inline.figureId }]
      : textNodes(inline.text, formatOf(inline)),
  )
}

function paragraphNode(inlines: readonly Inline[]): SerializedParagraphNode {
  const children = inlineNodes(inlines)
  // Lexical exports the first text node's format as the paragraph's textFormat; mirror it.
  const firstText = children.find((c): c is SerializedTextNode => c.type === 'text')
  return { ...element('paragraph', children), textFormat: firstText?.format ?? 0, textStyle: '' }
}

function headingNode(level: HeadingLevel, title: readonly Inline[], body: readonly Inline[] | undefined): SerializedSectionHeadingNode {
  const children: SerializedInlineNode[] = inlineNodes(title)
  const bodyNodes = inlineNodes(body ?? [])
  if (bodyNodes.length > 0) children.push(element(NODE_TYPES.runIn, bodyNodes))
  return { ...element(NODE_TYPES.heading, children), level }
}

function tableNode(rows: readonly Inline[][][]): SerializedTableNode | null {
  const grid = rectangular(rows)
  if (!grid) return null
  const cell = (inlines: Inline[]): SerializedTableCellNode => ({
    ...element('tablecell', [paragraphNode(inlines)]),
    backgroundColor: null,
    colSpan: 1,
    headerState: 0,
    rowSpan: 1,
  })
  return element('table', grid.map((row) => element('tablerow', row.map(cell))))
}

function blockNode(block: Block): SerializedBlockNode | null {
  switch (block.type) {
    case 'paragraph':
      return paragraphNode(block.children)
    case 'heading':
      return headingNode(block.level, block.title, block.body)
    case 'table':
      return tableNode(block.rows)
    case 'figureTable':
      return { type: NODE_TYPES.figureTable, version: 1 }
    case 'pageBreak':
      return { type: NODE_TYPES.pageBreak, version: 1 }
  }
}

export function modelToEditorState(doc: SummaryDocument): SerializedState {
  const children: SerializedBlockNode[] = [element(NODE_TYPES.title, textNodes(doc.title, 0))]
  if (doc.subtitle !== undefined) children.push(element(NODE_TYPES.subtitle, textNodes(doc.subtitle, 0)))
  for (const block of doc.blocks) {
    const node = blockNode(block)
    if (node) children.push(node)
  }
  const root: SerializedRootNode = element('root', children)
  if (doc.numbering) root.$ = { [NUMBERING_STATE_KEY]: doc.numbering }
  return { root }
}

// ---------------------------------------------------------------------------------------------
// Editor state → model. The input is untrusted JSON from the editor (or a file), so it is read
// structurally: unknown fields are ignored, unknown nodes degrade to their text.

type JsonNode = Record<string, unknown> & { type: string }

function asNode(value: unknown): JsonNode | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const type = (value as Record<string, unknown>).type
  return typeof type === 'string' ? (value as JsonNode) : null
}

function childrenOf(node: JsonNode): JsonNode[] {
  const children = node.children
  if (!Array.isArray(children)) return []
  return children.map(asNode).filter((c): c is JsonNode => c !== null)
}

function marksFromFormat(format: unknown): Marks {
  const bits = typeof format === 'number' ? format : 0
  return marksOf({
    bold: bits & FORMAT_BOLD ? true : undefined,
    italic: bits & FORMAT_ITALIC ? true : undefined,
    underline: bits & FORMAT_UNDERLINE ? true : undefined,
  })
}

/** A leaf that carries text: `text`, `tab`, and any other TextNode subclass (hashtag, code…). */
function isTextLeaf(node: JsonNode): boolean {
  return typeof node.text === 'string' && !Array.isArray(node.children)
}

/**
 * The inlines inside a node, in document order. Inline elements the model lacks (links, marks…)
 * are flattened into their text; unknown leaves without text (other decorators) are skipped.
 */
function collectInlines(nodes: readonly JsonNode[], out: Inline[]): Inline[] {
  for (const node of nodes) {
    if (isTextLeaf(node)) out.push({ type: 'text', text: node.text as string, ...marksFromFormat(node.format) })
    else if (node.type === 'linebreak') out.push({ type: 'text', text: '\n' })
    else if (node.type === NODE_TYPES.figure) pushFigure(node, out)
    else collectInlines(childrenOf(node), out)
  }
  return out
}

function pushFigure(node: JsonNode, out: Inline[]): void {
  if (typeof node.figureId === 'string' && node.figureId !== '') out.push({ type: 'figure', figureId: node.figureId })
}

function inlinesOf(nodes: readonly JsonNode[]): Inline[] {
  return normalizeInlines(collectInlines(nodes, []))
}

function headingLevel(value: unknown): HeadingLevel {
  return value === 2 || value === 3 || value === 4 ? value : 1
}

/**
 * A dd-heading: the title is everything before the first dd-runin, the body everything from it
 * on (so text the editor left after the run-in element is kept, as body).
 */
function headingBlock(node: JsonNode): Block {
  const children = childrenOf(node)
  const runIn = children.findIndex((c) => c.type === NODE_TYPES.runIn)
  const split = runIn < 0 ? children.length : runIn
  return heading(headingLevel(node.level), collectInlines(children.slice(0, split), []), collectInlines(children.slice(split), []))
}

/** A cell's inlines: its block children joined by '\n' (a cell holds one run list in the model). */
function cellInlines(cell: JsonNode): Inline[] {
  if (cell.type !== 'tablecell') return inlinesOf([cell])
  const out: Inline[] = []
  childrenOf(cell).forEach((block, i) => {
    if (i > 0) out.push({ type: 'text', text: '\n' })
    collectInlines([block], out)
  })
  return normalizeInlines(out)
}

function spanOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? value : 1
}

/**
 * The table's cells laid out on a grid. A merged cell (colSpan/rowSpan) is unmerged: its content
 * stays in the top-left position and the positions it covered become empty cells. Anything that
 * is not a row or a cell where one belongs is read as one, so its words stay.
 */
function tableBlock(table: JsonNode): Block | null {
  const rows = childrenOf(table)
  const grid: Inline[][][] = rows.map(() => [])
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row.type === 'tablerow' ? childrenOf(row) : [row]) {
      while (grid[r]![c] !== undefined) c++
      const rowSpan = Math.min(spanOf(cell.rowSpan), rows.length - r)
      const colSpan = spanOf(cell.colSpan)
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cellInlines(cell) : []
      }
      c += colSpan
    }
  })
  // Holes left by spans in sparse rows become empty cells.
  const dense = grid.map((row) => Array.from(row, (cell) => cell ?? []))
  const shaped = rectangular(dense)
  return shaped ? { type: 'table', rows: shaped } : null
}

/** Elements that sit inside a line of text; every other element is taken to be a block. */
const INLINE_ELEMENT_TYPES = new Set(['link', 'autolink', 'mark', NODE_TYPES.runIn])

/**
 * A node the model has no block for (a list, a quote, a code block…): its text is kept as
 * paragraphs. Runs of inline children make one paragraph; element children that are not inline
 * content are treated as blocks in turn, so a list yields one paragraph per item.
 */
function fallbackBlocks(node: JsonNode): Block[] {
  if (isTextLeaf(node) || node.type === NODE_TYPES.figure) return [{ type: 'paragraph', children: inlinesOf([node]) }]
  const blocks: Block[] = []
  let run: JsonNode[] = []
  const flush = (): void => {
    if (run.length > 0) blocks.push({ type: 'paragraph', children: inlinesOf(run) })
    run = []
  }
  for (const child of childrenOf(node)) {
    const inline = !Array.isArray(child.children) || INLINE_ELEMENT_TYPES.has(child.type)
    if (inline) run.push(child)
    else {
      flush()
      blocks.push(...fallbackBlocks(child))
    }
  }
  flush()
  return blocks
}

/** The title and subtitle are strings: formatting goes, a figure reference becomes its value. */
function plainText(node: JsonNode, figures: ReadonlyMap<string, Figure>): string {
  return inlineText(inlinesOf(childrenOf(node)), figures)
}

function blocksOf(node: JsonNode): Block[] {
  switch (node.type) {
    case 'paragraph':
    case NODE_TYPES.title: // a second title or subtitle: its words stay, as a paragraph
    case NODE_TYPES.subtitle:
      return [{ type: 'paragraph', children: inlinesOf(childrenOf(node)) }]
    case NODE_TYPES.heading:
      return [headingBlock(node)]
    case 'table': {
      const table = tableBlock(node)
      return table ? [table] : []
    }
    case NODE_TYPES.figureTable:
      return [{ type: 'figureTable' }]
    case NODE_TYPES.pageBreak:
      return [{ type: 'pageBreak' }]
    default:
      return fallbackBlocks(node)
  }
}

/** The root's numbering style; anything unreadable there is GB/T (never a reason to lose the text). */
function numberingOfRoot(root: JsonNode): NumberingStyle | undefined {
  const state = root.$
  if (typeof state !== 'object' || state === null) return undefined
  const parsed = NumberingStyleSchema.safeParse((state as Record<string, unknown>)[NUMBERING_STATE_KEY])
  return parsed.success ? normalizeNumberingStyle(parsed.data) : undefined
}

/**
 * Accepts `{ root }` (what EditorState.toJSON() returns) or the root node itself. Anything else
 * is a caller's mistake and throws: reading it as an empty document could overwrite real work.
 */
function rootOf(state: unknown): JsonNode {
  const node = asNode(state) ?? (typeof state === 'object' && state !== null ? asNode((state as Record<string, unknown>).root) : null)
  if (!node || node.type !== 'root') throw new TypeError('editorStateToModel: not a serialized Lexical editor state')
  return node
}

export function editorStateToModel(state: unknown, carry: { figures: Figure[]; signature?: Signature }): SummaryDocument {
  const root = rootOf(state)
  const figures = new Map(carry.figures.map((f) => [f.id, f]))
  let title: string | undefined
  let subtitle: string | undefined
  const blocks: Block[] = []
  for (const node of childrenOf(root)) {
    if (node.type === NODE_TYPES.title && title === undefined) title = plainText(node, figures)
    else if (node.type === NODE_TYPES.subtitle && subtitle === undefined) subtitle = plainText(node, figures)
    else blocks.push(...blocksOf(node))
  }
  const doc = withCarry({ title: title ?? '', subtitle, blocks }, carry)
  const numbering = numberingOfRoot(root)
  if (numbering) doc.numbering = numbering
  return SummaryDocumentSchema.parse(doc)
}
