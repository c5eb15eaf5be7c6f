/**
 * Find and replace, the DOM part: painting matches with the CSS Custom Highlight API
 * (`CSS.highlights`), which styles DOM Ranges without touching the document or Lexical's DOM.
 * Where the API is missing nothing is painted; the count, navigation (which selects the current
 * match) and replacement still work. Styles: `::highlight(dd-find-match)` and
 * `::highlight(dd-find-current)` in find-replace.css.
 */
import type { LexicalEditor, NodeKey } from 'lexical'
import type { TextMatch } from './matching'
import { pointInSegment, type Segment } from '../../ui/segments'

export const HIGHLIGHT_ALL = 'dd-find-match'
export const HIGHLIGHT_CURRENT = 'dd-find-current'

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

type TextCache = Map<NodeKey, Text | null>

function domText(editor: LexicalEditor, key: NodeKey, cache?: TextCache): Text | null {
  const cached = cache?.get(key)
  if (cached !== undefined) return cached
  let node: Node | null = editor.getElementByKey(key)
  while (node !== null && node.nodeType !== Node.TEXT_NODE) node = node.firstChild
  const text = node as Text | null
  cache?.set(key, text)
  return text
}

/** A DOM Range over a match, or null when the DOM does not (yet) show it. */
export function matchRange(editor: LexicalEditor, segment: Segment | undefined, match: TextMatch, cache?: TextCache): Range | null {
  if (!segment) return null
  const a = pointInSegment(segment, match.start, false)
  const f = pointInSegment(segment, match.end, true)
  if (!a || !f) return null
  const start = domText(editor, a.key, cache)
  const end = domText(editor, f.key, cache)
  if (!start || !end || a.offset > start.length || f.offset > end.length) return null
  const range = document.createRange()
  range.setStart(start, a.offset)
  range.setEnd(end, f.offset)
  return range
}

/** Paints every match, and the current one distinctly. */
export function paintMatches(editor: LexicalEditor, segments: readonly Segment[], matches: readonly TextMatch[], current: number): void {
  if (!highlightsSupported()) return
  const cache: TextCache = new Map()
  const all = new Highlight()
  for (const m of matches) {
    const range = matchRange(editor, segments[m.text], m, cache)
    if (range) all.add(range)
  }
  CSS.highlights.set(HIGHLIGHT_ALL, all)
  paintCurrent(editor, segments, matches[current])
}

export function paintCurrent(editor: LexicalEditor, segments: readonly Segment[], match: TextMatch | undefined): void {
  if (!highlightsSupported()) return
  const range = match ? matchRange(editor, segments[match.text], match) : null
  if (!range) {
    CSS.highlights.delete(HIGHLIGHT_CURRENT)
    return
  }
  const current = new Highlight(range)
  current.priority = 1
  CSS.highlights.set(HIGHLIGHT_CURRENT, current)
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return
  CSS.highlights.delete(HIGHLIGHT_ALL)
  CSS.highlights.delete(HIGHLIGHT_CURRENT)
}

function scrollParent(element: Element): Element | null {
  for (let el: Element | null = element.parentElement; el !== null; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el)
    if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) return el
  }
  return document.scrollingElement
}

/** Scrolls the nearest scrolling ancestor of the editor so the range sits in the middle, if it is out of view. */
export function scrollRangeIntoView(range: Range, root: HTMLElement): void {
  const rect = range.getBoundingClientRect()
  if (rect.width === 0 && rect.height === 0) return
  const container = scrollParent(root)
  if (!container) return
  const box = container === document.scrollingElement ? { top: 0, bottom: window.innerHeight, left: 0, right: window.innerWidth } : container.getBoundingClientRect()
  const margin = 40
  const vertical = rect.top < box.top + margin || rect.bottom > box.bottom - margin
  const horizontal = rect.left < box.left || rect.right > box.right
  if (vertical) container.scrollTop += (rect.top + rect.bottom) / 2 - (box.top + box.bottom) / 2
  if (horizontal) container.scrollLeft += (rect.left + rect.right) / 2 - (box.left + box.right) / 2
}
