/**
 * Heading-marker matchers: does a line start with 一、 (一) 1. 1、 (1) — and which kind, which number?
 *
 * Each matcher is anchored at the line start and uses bounded quantifiers only (linear time).
 * What is deliberately NOT a marker:
 *   - lead-ins inside body text: 一是…  第一,…  其一,…  首先…  (no matcher accepts them)
 *   - numbers that merely start a sentence: 1.5万元  3.5%  3、4月份  2023年…  (an Arabic marker
 *     must be one or two digits followed by 、 or . and then NOT by another digit)
 *   - 一、二级… ("levels one and two"): a Chinese numeral marker followed by another numeral and
 *     级/类/等/、
 */
import { parseChineseCount, toHalfWidth } from '../text'

/** The five marker kinds met in practice. GB/T 9704 names four; "1、" is the common variant of "1.". */
export type MarkerKind = 'cn' | 'cnParen' | 'arDot' | 'arDun' | 'arParen'

/** GB/T 9704-2012 §7.3.3 order: 一、 → (一) → 1. → (1). "1、" ranks with "1.". */
export const MARKER_RANK: Record<MarkerKind, number> = { cn: 1, cnParen: 2, arDot: 3, arDun: 3, arParen: 4 }

export interface MarkerMatch {
  kind: MarkerKind
  /** the number the writer wrote (一 → 1, (九) → 9) */
  number: number
  /** the marker as written, e.g. "（一）" */
  marker: string
  /** the rest of the line after the marker and any blanks */
  rest: string
}

const CN = '[一二三四五六七八九十]{1,3}'
const DIGITS = '[0-9０-９]{1,2}'

const MATCHERS: readonly { kind: MarkerKind; re: RegExp }[] = [
  // 一、  一.  一．   (not 一、二级…)
  { kind: 'cn', re: new RegExp(`^(${CN})[、.．](?![一二三四五六七八九十]+(?:级|类|等|、))`) },
  // (一)  （一）  (一)、
  { kind: 'cnParen', re: new RegExp(`^[(（][ \\u3000]?(${CN})[ \\u3000]?[)）]、?`) },
  // (1)  （1）  (1)、
  { kind: 'arParen', re: new RegExp(`^[(（][ \\u3000]?(${DIGITS})[ \\u3000]?[)）]、?`) },
  // ⑴ … ⒇ (parenthesized digits as one character)
  { kind: 'arParen', re: /^([\u2474-\u2487])/ },
  // 1.  1．   (not 1.5万元, not 3.5%)
  { kind: 'arDot', re: new RegExp(`^(${DIGITS})[.．](?![0-9０-９])`) },
  // 1、   (not 3、4月份)
  { kind: 'arDun', re: new RegExp(`^(${DIGITS})、(?![0-9０-９])`) },
]

function numberOf(kind: MarkerKind, raw: string): number {
  if (kind === 'cn' || kind === 'cnParen') return parseChineseCount(raw)
  const code = raw.charCodeAt(0)
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1
  return Number(toHalfWidth(raw))
}

/** Match a heading marker at the start of a trimmed line. */
export function matchMarker(line: string): MarkerMatch | null {
  const first = line.charCodeAt(0)
  // cheap pre-filter: every marker starts with a bracket, a digit or a Chinese numeral
  if (!(first === 0x28 || first === 0xff08 || (first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19) ||
    (first >= 0x2474 && first <= 0x2487) || '一二三四五六七八九十'.includes(line[0] ?? ''))) return null
  for (const { kind, re } of MATCHERS) {
    const m = re.exec(line)
    if (!m) continue
    const number = numberOf(kind, m[1]!)
    if (!Number.isFinite(number) || number < 1) continue
    return { kind, number, marker: m[0], rest: line.slice(m[0].length).replace(/^[ \t\u3000]+/, '') }
  }
  return null
}

/**
 * Levels for the marker kinds used in one document.
 *
 * Kinds are taken in order of first appearance, then stably sorted by their GB/T rank; the i-th
 * kind gets level i+1 (capped at 4). So a document that uses 一、 and 1、 but no (一) gets
 * 一、 = 1 and 1、 = 2, the way its writer meant it; "1." and "1、" (same rank) are ordered by which
 * appeared first. Sorting by rank (rather than trusting first appearance alone) keeps a numbered
 * list in the opening paragraph ("1、…2、…" before "一、") from pushing every 一、 down a level.
 */
export function levelMap(kindsInOrder: readonly MarkerKind[]): Map<MarkerKind, 1 | 2 | 3 | 4> {
  const seen: MarkerKind[] = []
  for (const k of kindsInOrder) if (!seen.includes(k)) seen.push(k)
  const sorted = seen
    .map((kind, order) => ({ kind, order }))
    .sort((a, b) => MARKER_RANK[a.kind] - MARKER_RANK[b.kind] || a.order - b.order)
  const map = new Map<MarkerKind, 1 | 2 | 3 | 4>()
  sorted.forEach(({ kind }, i) => map.set(kind, Math.min(4, i + 1) as 1 | 2 | 3 | 4))
  return map
}
