/**
 * Heading numbers as GB/T 9704-2012 §7.3.3 prescribes: 一、 → (一) → 1. → (1).
 * Brackets are full-width. Numbers are derived from the sequence of heading levels, never stored.
 * A document may carry a numbering style (model.ts NumberingStyle): the common variants writers
 * type ("1、", "(1)", …) for a level; without one every number is the GB/T form.
 */
import { chineseCount } from '../text'
import type { Block, HeadingLevel, NumberingStyle } from './model'

// also importable from here, where the heading numbers are
export { chineseCount }

/** The style with GB/T entries dropped: absent when it is all GB/T (so saved JSON stays as before). */
export function normalizeNumberingStyle(style: NumberingStyle | undefined): NumberingStyle | undefined {
  if (!style) return undefined
  const out: NumberingStyle = {}
  if (style.level1 && style.level1 !== '一、') out.level1 = style.level1
  if (style.level2 && style.level2 !== '（一）') out.level2 = style.level2
  if (style.level3 && style.level3 !== '1.') out.level3 = style.level3
  if (style.level4 && style.level4 !== '（1）') out.level4 = style.level4
  return Object.keys(out).length ? out : undefined
}

export function sameNumberingStyle(a: NumberingStyle | undefined, b: NumberingStyle | undefined): boolean {
  const x = normalizeNumberingStyle(a), y = normalizeNumberingStyle(b)
  return x?.level1 === y?.level1 && x?.level2 === y?.level2 && x?.level3 === y?.level3 && x?.level4 === y?.level4
}

export function headingMarker(level: HeadingLevel, n: number, style?: NumberingStyle): string {
  switch (level) {
    // 第一章/第一部分/第一节 are words: a full-width space parts them from the heading text
    case 1: return style?.level1 === '第一章' ? `第${chineseCount(n)}章\u3000` : style?.level1 === '第一部分' ? `第${chineseCount(n)}部分\u3000` : `${chineseCount(n)}、`
    case 2: return style?.level2 === '(一)' ? `(${chineseCount(n)})` : style?.level2 === '第一节' ? `第${chineseCount(n)}节\u3000` : `（${chineseCount(n)}）`
    case 3: return style?.level3 === '1、' ? `${n}、` : style?.level3 === '1．' ? `${n}．` : `${n}.`
    case 4:
      if (style?.level4 === '(1)') return `(${n})`
      // ⑴…⒇ exist for 1–20 only (U+2474…U+2487); later numbers take the half brackets it stands for
      if (style?.level4 === '⑴') return n >= 1 && n <= 20 ? String.fromCharCode(0x2473 + n) : `(${n})`
      if (style?.level4 === '1)') return `${n})`
      if (style?.level4 === '1）') return `${n}）`
      return `（${n}）`
  }
}

/**
 * Running counters over a sequence of headings. A heading at level L increments counter L and
 * resets every deeper level, so "(一)" restarts under each "一、".
 */
export class HeadingCounter {
  private readonly counts = [0, 0, 0, 0]
  constructor(private readonly style?: NumberingStyle) {}
  next(level: HeadingLevel): string {
    this.counts[level - 1]! += 1
    for (let i = level; i < 4; i++) this.counts[i] = 0
    return headingMarker(level, this.counts[level - 1]!, this.style)
  }
}

/** Numbers for the headings of a list of blocks, in order (one entry per heading block). */
export function numberHeadings(levels: readonly HeadingLevel[], style?: NumberingStyle): string[] {
  const counter = new HeadingCounter(style)
  return levels.map((level) => counter.next(level))
}

export function headingNumbersOf(blocks: readonly Block[], style?: NumberingStyle): string[] {
  return numberHeadings(blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : [])), style)
}
