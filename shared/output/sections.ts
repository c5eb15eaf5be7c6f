/**
 * The section a block belongs to, named as the writer sees it: its heading's number and words,
 * "二、主要做法" or "（一）健全责任体系。". The 出稿检查 list says where a finding is with it
 * instead of a block number the writer never sees.
 */
import type { SummaryDocument } from '../document/model'
import { HeadingCounter } from '../document/numbering'
import { inlineText } from '../document/text'

/** Heading words longer than this are cut with "…". */
export const SECTION_NAME_MAX = 16

/**
 * For each block of `doc.blocks`, the name of the section it is in: a heading names itself, any
 * other block the nearest heading before it; null before the first heading (the opening).
 */
export function sectionNames(doc: SummaryDocument): (string | null)[] {
  const counter = new HeadingCounter(doc.numbering)
  let current: string | null = null
  return doc.blocks.map((b) => {
    if (b.type === 'heading') {
      const words = inlineText(b.title).trim()
      current = `${counter.next(b.level)}${words.length > SECTION_NAME_MAX ? `${words.slice(0, SECTION_NAME_MAX)}…` : words}`
    }
    return current
  })
}
