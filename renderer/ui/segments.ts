/**
 * The document as a list of searchable text segments, and replacing a range of a segment in the
 * editor state: what find and replace runs on, and what the figure table's 查找数字 and 设为数据
 * read the text through.
 *
 * A segment is the text of one block (title, subtitle, paragraph, heading, table-cell paragraph)
 * between boundaries. Boundaries: the block's edges, a figure reference or any other inline
 * decorator, a line break, and the edges of a run-in heading's body (the heading's title and its
 * run-in text are searched separately). A segment is made of pieces: consecutive text nodes, each
 * with its own marks, so a match may span several of them (half bold, say).
 *
 * Replacement rule for a match spanning pieces: the new text takes the marks (format and style)
 * of the match's first character — it is written into that text node — and the rest of the
 * matched characters are deleted from the following nodes. This is what Word does.
 */
import {
  $createRangeSelection,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTabNode,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type NodeKey,
  type PointType,
  type TextNode,
} from 'lexical'
import { $isRunInBodyNode } from '../features/structure'

export interface Piece {
  key: NodeKey
  /** offset of the node's first character in the segment's text */
  start: number
  length: number
}

export interface Segment {
  text: string
  pieces: Piece[]
}

export interface SegmentIndex {
  segments: Segment[]
  /** text node key → [segment index, piece index] */
  byKey: Map<NodeKey, [number, number]>
}

/** A position in the segment list. */
export interface SegmentPosition {
  segment: number
  offset: number
}

/** Reads the document's segments (inside editor.read / update). */
export function $collectSegments(): SegmentIndex {
  const segments: Segment[] = []
  const byKey = new Map<NodeKey, [number, number]>()
  let parts: string[] = []
  let pieces: Piece[] = []
  let length = 0
  const flush = () => {
    if (pieces.length === 0) return
    const index = segments.length
    pieces.forEach((p, i) => byKey.set(p.key, [index, i]))
    segments.push({ text: parts.join(''), pieces })
    parts = []
    pieces = []
    length = 0
  }
  const visit = (node: LexicalNode): void => {
    if ($isTextNode(node)) {
      const text = node.getTextContent()
      if (text.length === 0) return
      pieces.push({ key: node.getKey(), start: length, length: text.length })
      parts.push(text)
      length += text.length
    } else if ($isElementNode(node)) {
      const boundary = !node.isInline() || $isRunInBodyNode(node)
      if (boundary) flush()
      for (let child = node.getFirstChild(); child !== null; child = child.getNextSibling()) visit(child)
      if (boundary) flush()
    } else {
      // figure references and other decorators, line breaks
      flush()
    }
  }
  visit($getRoot())
  flush()
  return { segments, byKey }
}

/** Where a selection point falls in the segments, or null when it is not inside any text. */
export function $positionOfPoint(index: SegmentIndex, point: PointType): SegmentPosition | null {
  const node = point.getNode()
  let text: TextNode | null = null
  let offset = 0
  if ($isTextNode(node)) {
    text = node
    offset = point.offset
  } else if ($isElementNode(node)) {
    const child = node.getChildAtIndex(point.offset)
    const after = child === null ? null : $isTextNode(child) ? child : $isElementNode(child) ? child.getFirstDescendant() : null
    if ($isTextNode(after)) text = after
    else {
      const before = point.offset > 0 ? node.getChildAtIndex(point.offset - 1) : null
      const last = $isElementNode(before) ? before.getLastDescendant() : before
      if ($isTextNode(last)) {
        text = last
        offset = last.getTextContentSize()
      } else if (child === null && node.getChildrenSize() === 0) {
        // an empty block: the position just before the next text in the document
        let next: LexicalNode | null = node
        while (next !== null && next.getNextSibling() === null) next = next.getParent()
        const first = next?.getNextSibling() ?? null
        const firstText = $isElementNode(first) ? first.getFirstDescendant() : first
        if ($isTextNode(firstText)) text = firstText
      }
    }
  }
  if (text === null) return null
  const at = index.byKey.get(text.getKey())
  if (!at) return null
  const piece = index.segments[at[0]]!.pieces[at[1]]!
  return { segment: at[0], offset: piece.start + Math.min(offset, piece.length) }
}

/** The node and offset of a segment offset; at a piece boundary, `end` picks the earlier piece. */
export function pointInSegment(segment: Segment, offset: number, end: boolean): { key: NodeKey; offset: number } | null {
  const { pieces } = segment
  let lo = 0
  let hi = pieces.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const p = pieces[mid]!
    if (offset < p.start || (end && offset === p.start && mid > 0)) hi = mid - 1
    else if (offset > p.start + p.length || (!end && offset === p.start + p.length && mid < pieces.length - 1)) lo = mid + 1
    else return { key: p.key, offset: offset - p.start }
  }
  return null
}

/** Selects [start, end) of a segment in the editor (inside editor.update). */
export function $selectInSegment(segment: Segment, start: number, end: number): boolean {
  const anchor = pointInSegment(segment, start, false)
  const focus = pointInSegment(segment, end, true)
  if (!anchor || !focus || !$getNodeByKey(anchor.key) || !$getNodeByKey(focus.key)) return false
  const selection = $createRangeSelection()
  selection.anchor.set(anchor.key, anchor.offset, 'text')
  selection.focus.set(focus.key, focus.offset, 'text')
  $setSelection(selection)
  return true
}

/**
 * Replaces [start, end) of a segment with text (inside editor.update), by the rule in the file
 * comment. Returns the point just after the new text, or null when the segment no longer matches
 * the editor state. Replace several ranges of one segment from the last to the first, so the
 * offsets of the earlier ones stay valid.
 */
export function $replaceInSegment(segment: Segment, start: number, end: number, text: string): { key: NodeKey; offset: number } | null {
  const covered = segment.pieces.filter((p) => p.start < end && p.start + p.length > start)
  if (covered.length === 0) return null
  const nodes: TextNode[] = []
  for (const p of covered) {
    const node = $getNodeByKey(p.key)
    if (!$isTextNode(node) || node.getTextContentSize() !== p.length) return null
    nodes.push(node)
  }
  let result: { key: NodeKey; offset: number } | null = null
  covered.forEach((p, i) => {
    const node = nodes[i]!
    const from = Math.max(start, p.start) - p.start
    const to = Math.min(end, p.start + p.length) - p.start
    if (i === 0) {
      if ($isTabNode(node) || node.isToken() || node.isSegmented()) {
        // cannot be edited in place: put the new text, with the same marks, before it
        const before = node.getTextContent().slice(0, from)
        const after = node.getTextContent().slice(to)
        const replacement = $createTextNode(before + text).setFormat(node.getFormat()).setStyle(node.getStyle())
        node.insertBefore(replacement)
        if (after) node.insertBefore($createTextNode(after).setFormat(node.getFormat()).setStyle(node.getStyle()))
        node.remove()
        result = { key: replacement.getKey(), offset: before.length + text.length }
      } else {
        node.spliceText(from, to - from, text, false)
        result = { key: node.getKey(), offset: from + text.length }
      }
    } else if (from === 0 && to === p.length) {
      node.remove()
    } else {
      const rest = node.getTextContent().slice(to)
      if ($isTabNode(node) || node.isToken() || node.isSegmented()) node.replace($createTextNode(rest).setFormat(node.getFormat()).setStyle(node.getStyle()))
      else node.spliceText(0, to, '', false)
    }
  })
  return result
}

/** Collapses the selection at a point returned by $replaceInSegment (inside editor.update). */
export function $collapseAt(point: { key: NodeKey; offset: number }): void {
  const node = $getNodeByKey(point.key)
  if (!$isTextNode(node) || !node.isAttached()) return
  const offset = Math.min(point.offset, node.getTextContentSize())
  node.select(offset, offset)
}
