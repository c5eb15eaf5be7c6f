/**
 * Heading numbers as GB/T 9704-2012 §7.3.3 prescribes: 一、 → (一) → 1. → (1).
 * Brackets are full-width. Numbers are derived from the sequence of heading levels, never stored.
 */
import { chineseCount } from '../text'
import type { Block, HeadingLevel } from './model'

// also importable from here, where the heading numbers are
export { chineseCount }

export function headingMarker(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1: return `${chineseCount(n)}、`
    case 2: return `（${chineseCount(n)}）`
    case 3: return `${n}.`
    case 4: return `（${n}）`
  }
}

/**
 * Running counters over a sequence of headings. A heading at level L increments counter L and
 * resets every deeper level, so "(一)" restarts under each "一、".
 */
export class HeadingCounter {
  private readonly counts = [0, 0, 0, 0]
  next(level: HeadingLevel): string {
    this.counts[level - 1]! += 1
    for (let i = level; i < 4; i++) this.counts[i] = 0
    return headingMarker(level, this.counts[level - 1]!)
  }
}

/** Numbers for the headings of a list of blocks, in order (one entry per heading block). */
export function numberHeadings(levels: readonly HeadingLevel[]): string[] {
  const counter = new HeadingCounter()
  return levels.map((level) => counter.next(level))
}

export function headingNumbersOf(blocks: readonly Block[]): string[] {
  return numberHeadings(blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : [])))
}
