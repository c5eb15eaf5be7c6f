/**
 * From a marker line to a heading: where the heading sentence ends (run-in headings), when a
 * numbered line is really a body paragraph, and which numbers were skipped.
 */
import { CLOSERS, SENTENCE_ENDS } from './chars'
import type { MarkerMatch } from './markers'

/**
 * The longest heading sentence we accept (characters). A marker line whose first sentence runs
 * longer than this, and that is itself longer, is a numbered body paragraph ("1、今年以来……" over
 * several clauses without a full stop), not a heading: it stays a paragraph, marker and all.
 */
export const MAX_HEADING_CHARS = 120

export interface HeadingShape {
  title: string
  /** run-in body text, when the line continues after the heading sentence */
  body?: string
}

/**
 * Split a marker line's text into the heading sentence and its run-in body.
 *
 * The heading sentence ends at the first 。 ！ or ？ (full-width), together with any closing
 * quotes/brackets right after it. The heading runs in only if text follows. The same rule holds at
 * every level: a level-1 line that carries a full sentence and then more text is run-in as well.
 * Returns null when the line is too long to be a heading (see MAX_HEADING_CHARS).
 */
export function shapeHeading(rest: string): HeadingShape | null {
  const limit = Math.min(rest.length, MAX_HEADING_CHARS + 1)
  let end = -1
  for (let i = 0; i < limit; i++) {
    if (SENTENCE_ENDS.has(rest[i]!)) { end = i + 1; break }
  }
  if (end < 0) return rest.length <= MAX_HEADING_CHARS ? { title: rest } : null
  while (end < rest.length && (CLOSERS.has(rest[end]!) || SENTENCE_ENDS.has(rest[end]!))) end++
  const title = rest.slice(0, end)
  const body = rest.slice(end).replace(/^[ \t\u3000]+/, '')
  return body ? { title, body } : { title }
}

export interface NumberingGap {
  level: number
  /** the number of the previous heading at this level (0 = none yet under its parent) */
  after: number
  /** the number the writer wrote */
  found: number
}

/**
 * Follows the writer's numbers per level. A heading resets every deeper level, so "(一)" restarts
 * under each "一、". Anything but "previous + 1" is recorded: skips ("(七)" then "(九)"), repeats and
 * a first sub-heading that is not 1.
 */
export class NumberingTracker {
  private readonly last = [0, 0, 0, 0]
  readonly gaps: NumberingGap[] = []

  see(level: 1 | 2 | 3 | 4, marker: MarkerMatch): void {
    const after = this.last[level - 1]!
    if (marker.number !== after + 1) this.gaps.push({ level, after, found: marker.number })
    this.last[level - 1] = marker.number
    for (let i = level; i < 4; i++) this.last[i] = 0
  }
}
