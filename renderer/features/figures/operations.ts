/**
 * The figure operations on the editor state ($-functions: call inside editor.update). Each one the
 * UI runs is one update tagged history-push, so one Ctrl+Z undoes it whole: the figure table and
 * the text it touched together.
 */
import {
  $createRangeSelection,
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type NodeKey,
  type PointType,
  type RangeSelection,
} from 'lexical'
import type { Figure } from '../../../shared/document/model'
import { freeName } from '../../../shared/figures/edit'
import { newFigureId } from '../../../shared/figures/id'
import { parseSelection, quantityToFigure, type Quantity, type ScanGroup } from '../../../shared/figures/scan'
import { $createFigureRefNode, $isFigureRefNode, type FigureRefNode } from './FigureRefNode'
import { $isSubtitleNode } from '../structure/SubtitleNode'
import { $isTitleNode } from '../structure/TitleNode'
import type { SegmentIndex } from '../../ui/segments'
import { $figureRefsInOrder, $getFigures, $setFigures, formatterFor } from './state'

/** Adds a figure (id assigned here) and returns its id. */
export function $addFigure(fields: Omit<Figure, 'id'>): string {
  const figures = $getFigures()
  const id = newFigureId(new Set(figures.map((f) => f.id)))
  $setFigures([...figures, { ...fields, id }])
  return id
}

/** The id of the figure named `name`, creating an unfilled one when there is none. */
export function $ensureFigure(name: string, init: Partial<Omit<Figure, 'id' | 'name'>> = {}): string {
  const existing = $getFigures().find((f) => f.name === name)
  if (existing) return existing.id
  return $addFigure({ value: null, ...init, name })
}

/** A reference node already showing its figure's text. */
export function $createRef(figureId: string): FigureRefNode {
  const shown = formatterFor($getFigures())(figureId)
  return $createFigureRefNode(figureId, shown.text, shown.unfilled)
}

// ---------------------------------------------------------------------------------------------
// 设为数据

export type SelectionQuantity =
  | { ok: true; text: string; quantity: Quantity; leading: number; trailing: number; context: string }
  | { ok: false; reason: 'noSelection' | 'notNumber' | 'mixed' | 'inTitle' }

/** The title and subtitle are plain strings in the model: no references there. */
export function $inTitle(node: LexicalNode): boolean {
  const top = node.getTopLevelElement()
  return $isTitleNode(top) || $isSubtitleNode(top)
}

/** What the current selection holds, for the 设为数据 dialog (inside a read). */
export function $selectionQuantity(): SelectionQuantity {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return { ok: false, reason: 'noSelection' }
  const nodes = selection.getNodes()
  if (nodes.some((n) => !$isTextNode(n))) return { ok: false, reason: 'mixed' }
  if (nodes.some($inTitle)) return { ok: false, reason: 'inTitle' }
  const text = selection.getTextContent()
  const parsed = parseSelection(text)
  if (!parsed) return { ok: false, reason: 'notNumber' }
  // the words before the selection, for a suggested name
  const [start] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus]
  const startNode = start.getNode()
  let before = $isTextNode(startNode) ? startNode.getTextContent().slice(0, start.offset) : ''
  for (let n: LexicalNode | null = startNode.getPreviousSibling(); n && $isTextNode(n) && before.length < 20; n = n.getPreviousSibling()) before = n.getTextContent() + before
  return { ok: true, text, quantity: parsed.quantity, leading: parsed.leading.length, trailing: parsed.trailing.length, context: before + parsed.leading }
}

/** Moves a point `delta` characters through the text nodes that follow (or precede) it. */
function $movePoint(point: PointType, delta: number): void {
  let node = point.getNode()
  let offset = point.offset + delta
  if (!$isTextNode(node)) return
  while (offset > node.getTextContentSize()) {
    const next: LexicalNode | null = node.getNextSibling()
    if (!$isTextNode(next)) break
    offset -= node.getTextContentSize()
    node = next
  }
  while (offset < 0) {
    const prev: LexicalNode | null = node.getPreviousSibling()
    if (!$isTextNode(prev)) break
    node = prev
    offset += node.getTextContentSize()
  }
  point.set(node.getKey(), Math.max(0, Math.min(offset, node.getTextContentSize())), 'text')
}

/**
 * Turns the selected quantity into a reference to a new figure (or to `existingId`); the words
 * selected around the quantity stay as text. Returns the figure's id, or null when the selection
 * no longer holds a quantity.
 */
export function $makeFigureFromSelection(name: string, existingId?: string): string | null {
  const found = $selectionQuantity()
  const selection = $getSelection()
  if (!found.ok || !$isRangeSelection(selection)) return null
  const range = selection.clone()
  const backward = range.isBackward()
  const first = backward ? range.focus : range.anchor
  const last = backward ? range.anchor : range.focus
  $movePoint(first, found.leading)
  $movePoint(last, -found.trailing)
  const id = existingId ?? $addFigure({ name: freeName(name, $getFigures()), ...quantityToFigure(found.quantity) })
  const ref = $createRef(id)
  $setSelection(range)
  range.insertNodes([ref])
  ref.selectNext(0, 0)
  return id
}

// ---------------------------------------------------------------------------------------------
// 查找数字: link occurrences found in the segments

/** The range selection over [start, end) of a segment. */
function rangeIn(index: SegmentIndex, segment: number, start: number, end: number): RangeSelection | null {
  const seg = index.segments[segment]
  if (!seg) return null
  const at = (offset: number, isEnd: boolean): [NodeKey, number] | null => {
    for (const p of seg.pieces) {
      const inside = isEnd ? offset > p.start && offset <= p.start + p.length : offset >= p.start && offset < p.start + p.length
      if (inside) return [p.key, offset - p.start]
    }
    return null
  }
  const a = at(start, false)
  const b = at(end, true)
  if (!a || !b) return null
  const range = $createRangeSelection()
  range.anchor.set(a[0], a[1], 'text')
  range.focus.set(b[0], b[1], 'text')
  return range
}

export interface LinkRequest {
  group: ScanGroup
  /** the name for a new figure (ignored when linking to an existing one) */
  name: string
  /** link to this figure instead of creating one */
  figureId?: string
}

/**
 * Links every occurrence of the chosen groups: one figure per group (or the existing one), each
 * occurrence replaced by a reference. Occurrences are replaced from the end of the document back,
 * so the offsets of the ones still to do stay valid. Returns how many references were made.
 */
export function $linkGroups(index: SegmentIndex, requests: readonly LinkRequest[]): number {
  const idOf = new Map<ScanGroup, string>()
  let figures = [...$getFigures()]
  const taken = new Set(figures.map((f) => f.id))
  for (const r of requests) {
    if (r.figureId && figures.some((f) => f.id === r.figureId)) {
      idOf.set(r.group, r.figureId)
      continue
    }
    const id = newFigureId(taken)
    taken.add(id)
    const q = r.group.quantity
    const fields: Omit<Figure, 'id'> = q ? { name: freeName(r.name, figures), ...quantityToFigure(q) } : { name: freeName(r.name, figures), value: null, ...(r.group.token ? { original: r.group.token } : {}) }
    figures = [...figures, { ...fields, id }]
    idOf.set(r.group, id)
  }
  $setFigures(figures)
  const all = requests.flatMap((r) => r.group.occurrences.map((o) => ({ ...o, id: idOf.get(r.group)! })))
  all.sort((a, b) => b.segment - a.segment || b.start - a.start)
  let made = 0
  for (const o of all) {
    const range = rangeIn(index, o.segment, o.start, o.end)
    if (!range) continue
    // insertNodes works on the editor's selection: make this range it
    $setSelection(range)
    range.insertNodes([$createRef(o.id)])
    made++
  }
  $setSelection(null)
  return made
}

// ---------------------------------------------------------------------------------------------
// Deleting a figure

/** Removes a figure; its references become plain text showing what they showed, or go. */
export function $deleteFigure(figureId: string, uses: 'text' | 'remove'): void {
  for (const node of $figureRefsInOrder(figureId)) {
    if (uses === 'text') {
      const { text } = node.getDisplay()
      if (text) node.replace($createTextNode(text))
      else node.remove()
    } else node.remove()
  }
  $setFigures($getFigures().filter((f) => f.id !== figureId))
}

// ---------------------------------------------------------------------------------------------
// Stepping through uses

/** Selects the n-th reference (wrapping) of a figure; returns its key and how many there are. */
export function $selectUse(figureId: string, n: number): { key: NodeKey; index: number; count: number } | null {
  const refs = $figureRefsInOrder(figureId)
  if (refs.length === 0) return null
  const index = ((n % refs.length) + refs.length) % refs.length
  const node = refs[index]!
  const parent = node.getParentOrThrow()
  const at = node.getIndexWithinParent()
  const range = $createRangeSelection()
  range.anchor.set(parent.getKey(), at, 'element')
  range.focus.set(parent.getKey(), at + 1, 'element')
  $setSelection(range)
  return { key: node.getKey(), index, count: refs.length }
}

/** Whether the node is a reference of this figure (for callers holding a key). */
export function $isRefOf(key: NodeKey, figureId: string): boolean {
  const node = $getNodeByKey(key)
  return $isFigureRefNode(node) && node.getFigureId() === figureId
}

