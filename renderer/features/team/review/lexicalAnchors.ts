/**
 * Lexical points ⇄ Yjs relative positions in the open team document, for 批注 and 分工.
 *
 * The co-editing binding (@lexical/yjs v1) keeps the Lexical tree and the Yjs tree the same
 * shape: the i-th child of a Lexical element is the i-th embed of its Y.XmlText, and a text
 * node's characters follow its embed (shared/team/anchors.ts explains the layout). So a point is
 * mapped by walking both trees by child number — what @lexical/yjs's own cursors compute through
 * the binding's node map (SyncCursors.ts: createRelativePosition / createAbsolutePosition), done
 * here from the Y.Doc alone, because the collaboration plugin keeps its binding to itself. Where
 * the two trees disagree (a remote change not yet applied to the editor) nothing is returned and
 * the caller tries again after the next update.
 *
 * Call inside editor.read()/update() (the `$` functions).
 */
import { $createRangeSelection, $getNodeByKey, $getRoot, $isElementNode, $isRootNode, $isTextNode, type ElementNode, type LexicalNode, type TextNode } from 'lexical'
import * as Y from 'yjs'
import { childPath, childSpans, elementAnchor, elementKey, resolveElement, resolvePosition, spanPoint, toRelativeJson, typeAtPath, type RelativePositionJson } from '../../../../shared/team/anchors'

export interface LexicalPoint {
  key: string
  offset: number
  type: 'text' | 'element'
}

/** The root of the text in a team document: @lexical/yjs's XmlText "root". */
export const contentRoot = (doc: Y.Doc): Y.XmlText => doc.get('root', Y.XmlText)

/** A node's child numbers from the root, or null when it is not attached. */
function $pathOf(node: LexicalNode): number[] | null {
  const path: number[] = []
  let current = node
  while (!$isRootNode(current)) {
    const parent = current.getParent()
    if (!parent) return null
    path.unshift(current.getIndexWithinParent())
    current = parent
  }
  return path
}

/** The Y.XmlText of a Lexical element, when both trees agree on its place and its children. */
export function $elementType(doc: Y.Doc, element: ElementNode): Y.XmlText | null {
  const path = $pathOf(element)
  if (!path) return null
  const xml = typeAtPath(contentRoot(doc), path)
  if (!xml || childSpans(xml).length !== element.getChildrenSize()) return null
  return xml
}

/** The element at a Y.XmlText's place, when both trees agree. */
function $elementAt(root: Y.XmlText, xml: Y.XmlText): ElementNode | null {
  const path = childPath(root, xml)
  if (!path) return null
  let element: ElementNode = $getRoot()
  for (const i of path) {
    const child = element.getChildAtIndex(i)
    if (!$isElementNode(child)) return null
    element = child
  }
  return element
}

/** A Lexical point as a relative position: assoc 0 sticks to the character after it, -1 to the one before. */
export function $pointToRelative(doc: Y.Doc, point: LexicalPoint, assoc: 0 | -1): RelativePositionJson | null {
  const node = $getNodeByKey(point.key)
  if (!node) return null
  if (point.type === 'text') {
    const parent = node.getParent()
    if (!$isTextNode(node) || !parent) return null
    const xml = $elementType(doc, parent)
    const span = xml && childSpans(xml)[node.getIndexWithinParent()]
    if (!xml || !span) return null
    return toRelativeJson(Y.createRelativePositionFromTypeIndex(xml, span.start + 1 + Math.min(point.offset, span.text), assoc))
  }
  if (!$isElementNode(node)) return null
  const xml = $elementType(doc, node)
  if (!xml) return null
  const spans = childSpans(xml)
  const index = point.offset < spans.length ? spans[point.offset]!.start : xml.length
  return toRelativeJson(Y.createRelativePositionFromTypeIndex(xml, index, assoc))
}

/**
 * Where a relative position is in the editor now. `bias` picks the side at a boundary between two
 * children: a range's start wants the right one, its end the left one. Null when its text is gone
 * or the editor has not caught up with the Y.Doc yet.
 */
export function $relativeToPoint(doc: Y.Doc, json: RelativePositionJson, bias: 'left' | 'right'): LexicalPoint | null {
  const at = resolvePosition(doc, json)
  if (!at || !(at.type instanceof Y.XmlText)) return null
  const element = $elementAt(contentRoot(doc), at.type)
  if (!element) return null
  const spans = childSpans(at.type)
  if (spans.length !== element.getChildrenSize()) return null
  const p = spanPoint(spans, at.index, bias)
  if (p.inText) {
    const child = element.getChildAtIndex(p.child)
    if ($isTextNode(child)) return { key: child.getKey(), offset: Math.min(p.offset, child.getTextContentSize()), type: 'text' }
  }
  return { key: element.getKey(), offset: Math.min(p.child, element.getChildrenSize()), type: 'element' }
}

/** A top-level block (a heading) as an anchor naming it, and its stable key. */
export function $blockAnchor(doc: Y.Doc, block: ElementNode): { anchor: RelativePositionJson; key: string } | null {
  const xml = $elementType(doc, block)
  const key = xml && elementKey(xml)
  return xml && key ? { anchor: elementAnchor(xml), key } : null
}

/** The Lexical key of the block an element anchor names, while it is in the document. */
export function $blockOfAnchor(doc: Y.Doc, anchor: RelativePositionJson): string | null {
  const xml = resolveElement(doc, anchor)
  const element = xml && $elementAt(contentRoot(doc), xml)
  return element ? element.getKey() : null
}

export interface TextRange {
  start: LexicalPoint
  end: LexicalPoint
}

/** The text between two points, as a selection of them would copy it. */
export function $textOf(range: TextRange): string {
  const selection = $createRangeSelection()
  selection.anchor.set(range.start.key, range.start.offset, range.start.type)
  selection.focus.set(range.end.key, range.end.offset, range.end.type)
  return selection.getTextContent()
}

/** Where `quote` is in a block's text (its text nodes in order), as points; null when not there once. */
function $findIn(blocks: readonly ElementNode[], quote: string): TextRange | null {
  let found: TextRange | null = null
  for (const block of blocks) {
    const nodes = block.getAllTextNodes()
    const text = nodes.map((n) => n.getTextContent()).join('')
    let at = text.indexOf(quote)
    while (at >= 0) {
      if (found) return null
      found = { start: pointAt(nodes, at, 'right'), end: pointAt(nodes, at + quote.length, 'left') }
      at = text.indexOf(quote, at + 1)
    }
  }
  return found
}

function pointAt(nodes: readonly TextNode[], offset: number, bias: 'left' | 'right'): LexicalPoint {
  let left = offset
  for (const node of nodes) {
    const size = node.getTextContentSize()
    if (left < size || (left === size && bias === 'left')) return { key: node.getKey(), offset: left, type: 'text' }
    left -= size
  }
  const last = nodes[nodes.length - 1]!
  return { key: last.getKey(), offset: last.getTextContentSize(), type: 'text' }
}

/**
 * Where a comment's phrase is now. The anchor decides, with one repair: @lexical/yjs re-creates
 * the characters of a text node that is split (part of a phrase made bold, say) or a block that is
 * moved, and a relative position on a re-created character falls back to where it was. So when
 * the anchored range no longer holds the quoted words but they are found exactly once — in the
 * block where the range starts, else in the whole document — that place is taken, and `repaired`
 * tells the caller to store a new anchor. Edits inside the phrase are kept as they are (the range
 * grows with them, as long as half the quoted characters are still in it); a phrase deleted
 * altogether gives null.
 */
export function $threadRange(doc: Y.Doc, anchor: { start: RelativePositionJson; end: RelativePositionJson }, quote: string): { range: TextRange; repaired: boolean } | null {
  const start = $relativeToPoint(doc, anchor.start, 'right')
  const end = $relativeToPoint(doc, anchor.end, 'left')
  const range = start && end ? { start, end } : null
  const text = range ? $textOf(range) : ''
  if (range && text !== '' && (quote === '' || text.includes(quote))) return { range, repaired: false }
  if (quote !== '') {
    const block = start ? $getNodeByKey(start.key)?.getTopLevelElement() : null
    const local = $isElementNode(block) ? $findIn([block], quote) : null
    const found = local ?? $findIn($getRoot().getChildren().filter($isElementNode), quote)
    if (found) return { range: found, repaired: true }
  }
  return range && text !== '' && (quote === '' || sharesWords(text, quote)) ? { range, repaired: false } : null
}

/**
 * Whether an edited phrase is still the quoted one: at least half of the quote's characters are
 * in it. A range fallen onto other words (its own characters deleted and re-created) is not.
 */
function sharesWords(text: string, quote: string): boolean {
  const bag = new Map<string, number>()
  for (const ch of text) bag.set(ch, (bag.get(ch) ?? 0) + 1)
  let shared = 0
  let total = 0
  for (const ch of quote) {
    total++
    const n = bag.get(ch) ?? 0
    if (n > 0) {
      shared++
      bag.set(ch, n - 1)
    }
  }
  return shared * 2 >= total
}

/** A range as the anchor a thread stores (see shared/team/anchors.ts, rangeAnchor). */
export function $rangeToAnchor(doc: Y.Doc, range: TextRange): { start: RelativePositionJson; end: RelativePositionJson } | null {
  const start = $pointToRelative(doc, range.start, 0)
  const end = $pointToRelative(doc, range.end, -1)
  return start && end ? { start, end } : null
}
