import { $getNodeByKey, $getRoot, type LexicalEditor, type LexicalNode } from 'lexical'
import { $isSectionHeadingNode } from '../structure'

/**
 * A section is a heading and every block under it, up to the next heading of the same or a
 * higher level (a smaller level number). Moving a section moves all of it, in one update (one
 * undo step); numbering follows by itself because it is derived.
 */
export function $sectionNodes(headingKey: string): LexicalNode[] {
  const heading = $getNodeByKey(headingKey)
  if (!$isSectionHeadingNode(heading)) return []
  const level = heading.getLevel()
  const nodes: LexicalNode[] = [heading]
  for (let next = heading.getNextSibling(); next; next = next.getNextSibling()) {
    if ($isSectionHeadingNode(next) && next.getLevel() <= level) break
    nodes.push(next)
  }
  return nodes
}

/**
 * Moves the section of `headingKey` so that it starts right before `beforeKey` (a top-level
 * block), or to the end of the document when `beforeKey` is null. Returns false (and changes
 * nothing) for a move into the section itself.
 */
export function moveSection(editor: LexicalEditor, headingKey: string, beforeKey: string | null): boolean {
  let moved = false
  editor.update(() => {
    const nodes = $sectionNodes(headingKey)
    if (nodes.length === 0) return
    const keys = new Set(nodes.map((n) => n.getKey()))
    if (beforeKey !== null && keys.has(beforeKey)) return
    const anchor = beforeKey === null ? null : $getNodeByKey(beforeKey)
    if (beforeKey !== null && !anchor) return
    // no-op when the section already sits right before the target
    if (anchor && nodes[nodes.length - 1]!.getNextSibling()?.is(anchor)) return
    for (const node of nodes) {
      if (anchor) anchor.insertBefore(node)
      else $getRoot().append(node)
    }
    moved = true
  })
  return moved
}
