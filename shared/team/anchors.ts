/**
 * Anchors into a team document's text, for 批注 and 分工: Yjs relative positions (they name the
 * character they stick to, not a number, so they follow the text as others edit before or inside
 * it), stored as their JSON in the `#comments` companion document, and the Yjs side of mapping
 * them to the editor.
 *
 * The text's layout is @lexical/yjs's (v1 binding, XmlText "root"): every Lexical element is a
 * Y.XmlText; inside it each child is one embed — a Y.Map for a text node (its properties) followed
 * by the text node's characters, a Y.XmlText for an element, a Y.XmlElement for a decorator, a
 * Y.Map for a line break. So the i-th Lexical child of an element is the i-th embed of its
 * XmlText, and a text point (child i, offset o) is the index `embed i + 1 + o` — the same index
 * @lexical/yjs's own cursors use (SyncCursors.ts, createRelativePosition). The renderer walks the
 * Lexical side (renderer/features/team/review/lexicalAnchors.ts); this file walks the Yjs side.
 *
 * Pure: yjs and zod only. Reads Yjs's item list (`_start`, `right`, `_item`), which the yjs
 * typings expose and @lexical/yjs reads too.
 */
import * as Y from 'yjs'
import { z } from 'zod'

/**
 * Any Yjs shared type. The typings give each type its own event type, and no one event type
 * accepts them all; only the tree (items, parents) is read here, never events.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type YType = Y.AbstractType<any>

const idSchema = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() })

/** Y.relativePositionToJSON's shape, as it comes back from another client (checked, never trusted). */
export const relativePositionJsonSchema = z
  .object({
    type: idSchema.optional(),
    tname: z.string().max(100).optional(),
    item: idSchema.optional(),
    assoc: z.number().int().optional(),
  })
  .refine((p) => p.type !== undefined || p.tname !== undefined || p.item !== undefined, 'a relative position names a type or an item')
export type RelativePositionJson = z.infer<typeof relativePositionJsonSchema>

/** Plain JSON (Yjs's ID objects copied into plain objects), ready for a Y.Map. */
export function toRelativeJson(pos: Y.RelativePosition): RelativePositionJson {
  const json: RelativePositionJson = {}
  if (pos.type) json.type = { client: pos.type.client, clock: pos.type.clock }
  if (pos.tname) json.tname = pos.tname
  if (pos.item) json.item = { client: pos.item.client, clock: pos.item.clock }
  json.assoc = pos.assoc
  return json
}
export const fromRelativeJson = (json: RelativePositionJson): Y.RelativePosition => Y.createRelativePositionFromJSON(json)

/** A type still in the document: neither it nor any type around it deleted. */
export function isLive(type: YType): boolean {
  for (let item = type._item; item; item = (item.parent as YType)._item) if (item.deleted) return false
  return true
}

/** Where a relative position is now, or null when its text (or the element around it) is gone. */
export function resolvePosition(doc: Y.Doc, json: RelativePositionJson): { type: YType; index: number } | null {
  let abs: Y.AbsolutePosition | null
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(fromRelativeJson(json), doc)
  } catch {
    return null
  }
  if (!abs || !isLive(abs.type)) return null
  return { type: abs.type, index: abs.index }
}

/** One child of an element's XmlText: where its embed sits, and the characters after it (a text node's). */
export interface ChildSpan {
  /** index of the child's embed in the element's XmlText */
  start: number
  /** characters of text following the embed (a text node's text; 0 for any other child) */
  text: number
  /** the embedded value: Y.XmlText for an element, Y.Map for a text node or line break, … */
  embed: unknown
}

/** The children of an element, in order, as the binding lays them out (see the top of this file). */
export function childSpans(xml: Y.XmlText): ChildSpan[] {
  const spans: ChildSpan[] = []
  let index = 0
  for (let item = xml._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue
    const content = item.content
    if (content instanceof Y.ContentString) {
      const last = spans[spans.length - 1]
      if (last) last.text += item.length
      index += item.length
      continue
    }
    // an embed: a type (element, text node's map, decorator, line break) or a plain embed
    for (const value of content.getContent()) {
      spans.push({ start: index, text: 0, embed: value })
      index += 1
    }
  }
  return spans
}

/** The index of a child type (an element's XmlText) among its parent's content, or -1. */
export function indexInParent(type: YType): number {
  const own = type._item
  if (!own) return -1
  const parent = own.parent as YType | null
  if (!parent) return -1
  let index = 0
  for (let item = parent._start; item; item = item.right) {
    if (item === own) return item.deleted ? -1 : index
    if (!item.deleted && item.countable) index += item.length
  }
  return -1
}

/**
 * The element path of a type under `root`: for each level, the child number (not the Yjs index)
 * of the element that holds the next one — what a Lexical node's path from the root is.
 * Null when the type is not (or no longer) under root.
 */
export function childPath(root: Y.XmlText, type: YType): number[] | null {
  const path: number[] = []
  let current: YType = type
  while (current !== root) {
    const item = current._item
    if (!item || item.deleted) return null
    const parent = item.parent
    if (!(parent instanceof Y.XmlText)) return null
    const spans = childSpans(parent)
    const child = spans.findIndex((s) => s.embed === current)
    if (child < 0) return null
    path.unshift(child)
    current = parent
  }
  return path
}

/** The element's XmlText at a child path under root (the inverse of childPath), or null. */
export function typeAtPath(root: Y.XmlText, path: readonly number[]): Y.XmlText | null {
  let current: Y.XmlText = root
  for (const child of path) {
    const embed = childSpans(current)[child]?.embed
    if (!(embed instanceof Y.XmlText)) return null
    current = embed
  }
  return current
}

/**
 * A Yjs index inside an element as a child point: `child` is the child number and `offset` the
 * character inside it when it is a text child. `bias` decides an index between two children: the
 * end of the left text ('left', what a range's end wants) or the start of the right one ('right').
 */
export function spanPoint(spans: readonly ChildSpan[], index: number, bias: 'left' | 'right'): { child: number; offset: number; inText: boolean } {
  if (spans.length === 0) return { child: 0, offset: 0, inText: false }
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!
    const end = s.start + 1 + s.text
    if (index < s.start) return { child: i, offset: 0, inText: false }
    if (index === s.start) {
      const prev = spans[i - 1]
      if (bias === 'left' && prev && prev.text > 0) return { child: i - 1, offset: prev.text, inText: true }
      return s.text > 0 || isTextMap(s.embed) ? { child: i, offset: 0, inText: true } : { child: i, offset: 0, inText: false }
    }
    if (index < end || (index === end && i === spans.length - 1 && s.text > 0)) return { child: i, offset: Math.min(index - s.start - 1, s.text), inText: true }
  }
  const last = spans[spans.length - 1]!
  return last.text > 0 ? { child: spans.length - 1, offset: last.text, inText: true } : { child: spans.length, offset: 0, inText: false }
}

/** A text node's map (not a line break's): @lexical/yjs stores the node type as `__type`. */
function isTextMap(embed: unknown): boolean {
  return embed instanceof Y.Map && embed.get('__type') !== 'linebreak' && embed.get('__type') !== undefined
}

/**
 * Relative positions of a range: the start sticks to the first character (assoc 0: text typed
 * before it stays out), the end to the last one (assoc -1: text typed right after it stays out);
 * text typed inside grows the range.
 */
export function rangeAnchor(startType: YType, startIndex: number, endType: YType, endIndex: number): { start: RelativePositionJson; end: RelativePositionJson } {
  return {
    start: toRelativeJson(Y.createRelativePositionFromTypeIndex(startType, startIndex, 0)),
    end: toRelativeJson(Y.createRelativePositionFromTypeIndex(endType, endIndex, -1)),
  }
}

/**
 * A relative position naming an element itself (not a place in its text): it resolves to that
 * element as long as it exists, whatever is typed inside it, and to nothing once it is deleted.
 * 分工 anchors a section to its heading this way.
 */
export function elementAnchor(xml: Y.XmlText): RelativePositionJson {
  return toRelativeJson(Y.createRelativePositionFromTypeIndex(xml, xml.length, 0))
}

/** The element an elementAnchor names, while it is in the document. */
export function resolveElement(doc: Y.Doc, json: RelativePositionJson): Y.XmlText | null {
  const at = resolvePosition(doc, json)
  return at && at.type instanceof Y.XmlText ? at.type : null
}

/** A stable key for an element: its Yjs item id (the same on every client). */
export function elementKey(xml: Y.XmlText): string | null {
  const id = xml._item?.id
  return id ? `${id.client}:${id.clock}` : null
}
