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
import type { HeadingLevel, NumberingStyle } from '../document/model'
import { normalizeNumberingStyle } from '../document/numbering'
import { parseChineseCount, toHalfWidth } from '../text'

/**
 * The five marker kinds met in practice. GB/T 9704 names four; "1、" is the common variant of "1.",
 * and "1）"/"1)" (a half bracket) of "(1)".
 */
export type MarkerKind = 'cn' | 'cnParen' | 'arDot' | 'arDun' | 'arParen' | 'chapter' | 'section'

/** GB/T 9704-2012 §7.3.3 order: 一、 → (一) → 1. → (1). "1、" ranks with "1.". */
export const MARKER_RANK: Record<MarkerKind, number> = { cn: 1, cnParen: 2, arDot: 3, arDun: 3, arParen: 4, chapter: 1, section: 2 }

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
  // 1)  1）   (a half bracket: the common web form of (1); not 1)2) or 1）% …)
  { kind: 'arParen', re: new RegExp(`^(${DIGITS})[)）](?![0-9０-９%％)）])`) },
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
 * 第一章 / 第一部分 (kind 'chapter', level 1) and 第一节 (kind 'section', level 2): the numbers long
 * reports give their top levels in words, followed by a blank, a colon or 、 and the heading text.
 * Only the importer asks (a paragraph the writer types starting "第一章" stays a paragraph), and
 * only where the document does not also number that level 一、 or （一）: there they are part lines
 * of the text (recognize.ts). Not 第一，/第一是 (lead-ins), not 第一章节.
 */
export function matchWordMarker(line: string): MarkerMatch | null {
  if (line[0] !== '第') return null
  const m = /^第([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})(章|部分|节|節)(?![节節])(?:[ \t\u3000]+|[：:、．.][ \t\u3000]*)?/.exec(line)
  if (!m) return null
  const raw = m[1]!
  const number = /[0-9０-９]/.test(raw) ? Number(toHalfWidth(raw)) : parseChineseCount(raw)
  if (!Number.isFinite(number) || number < 1) return null
  const rest = line.slice(m[0].length)
  // "第一章" must be followed by its heading text, and a 节 heading is a label, not a sentence run on
  if (!rest || /^[，,。]/.test(rest)) return null
  return { kind: m[2] === '节' || m[2] === '節' ? 'section' : 'chapter', number, marker: m[0], rest }
}

/** A marker in reading order, for levelMap: its kind and, when known, the number written. */
export type MarkerSeen = MarkerKind | { kind: MarkerKind; number?: number }

/**
 * Levels for the marker kinds used in one document: the kind's GB/T rank, whatever is skipped.
 *
 * 一、 is level 1, (一) level 2, 1. and 1、 level 3, (1) level 4 — also when a document skips a
 * rank ("一、" then "1、" with no "(一)"): the derived numbers (numbering.ts) then print exactly what
 * the writer typed, "1." restarting under each "一、". Closing the gap is the writer's choice (整理 →
 * 规范层级, shared/cleanup/levels.ts), never the importer's.
 *
 * One exception keeps a third Arabic level: when a document uses both "1." and "1、", no "(1)",
 * and one of them only ever appears inside sections of the other, each run restarting at 1 (a
 * "1、" list under every "1." heading), the inner kind is level 4.
 */
export function levelMap(markersInOrder: readonly MarkerSeen[]): Map<MarkerKind, 1 | 2 | 3 | 4> {
  const map = new Map<MarkerKind, 1 | 2 | 3 | 4>()
  for (const m of markersInOrder) {
    const kind = typeof m === 'string' ? m : m.kind
    if (!map.has(kind)) map.set(kind, MARKER_RANK[kind] as 1 | 2 | 3 | 4)
  }
  if (map.has('arDot') && map.has('arDun') && !map.has('arParen')) {
    const inner = innerArabicKind(markersInOrder)
    if (inner) map.set(inner, 4)
  }
  return map
}

/** The Arabic kind ("1." or "1、") nested under the other, if one strictly is (see levelMap). */
function innerArabicKind(markers: readonly MarkerSeen[]): MarkerKind | null {
  for (const [outer, inner] of [['arDot', 'arDun'], ['arDun', 'arDot']] as const) {
    let open = false // an outer heading opened the current section
    let runStart = true // the next inner marker is the first of its run
    let ok = true
    let seen = false
    for (const m of markers) {
      const kind = typeof m === 'string' ? m : m.kind
      const number = typeof m === 'string' ? undefined : m.number
      if (kind === outer) { open = true; runStart = true } else if (MARKER_RANK[kind] < 3) { open = false; runStart = true } else if (kind === inner) {
        if (!open || number === undefined || (runStart && number !== 1)) { ok = false; break }
        runStart = false
        seen = true
      }
    }
    if (ok && seen) return inner
  }
  return null
}

/** The style variant a marker as written stands for at its level, or null when it has none of ours. */
export function variantOf(level: HeadingLevel, m: MarkerMatch): string | null {
  const halfBrackets = /^\(.*\)、?$/.test(m.marker)
  if (level === 1 && m.kind === 'chapter') return m.marker.includes('部分') ? '第一部分' : '第一章'
  if (level === 2 && m.kind === 'section') return '第一节'
  if (level === 2 && m.kind === 'cnParen') return halfBrackets ? '(一)' : '（一）'
  if (level === 3 && m.kind === 'arDun') return '1、'
  if (level === 3 && m.kind === 'arDot') return m.marker.endsWith('．') ? '1．' : '1.'
  if (level === 4 && m.kind === 'arParen' && /^[(（]/.test(m.marker)) return halfBrackets ? '(1)' : '（1）'
  if (level === 4 && m.kind === 'arParen' && /^[\u2474-\u2487]/.test(m.marker)) return '⑴'
  if (level === 4 && m.kind === 'arParen') return m.marker.includes('）') ? '1）' : '1)'
  return null
}

/**
 * The numbering style of the writer's headings: per level, the variant most of that level's
 * markers use ("1、" over "1." when most third-level items say 1、), so that the derived numbers
 * (numbering.ts) are the ones typed. A tie keeps GB/T's form; all-GB/T gives undefined.
 */
export function numberingStyleOf(headings: readonly { level: HeadingLevel; marker: MarkerMatch }[]): NumberingStyle | undefined {
  const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()]
  for (const { level, marker } of headings) {
    const v = variantOf(level, marker)
    if (v) counts[level - 1]!.set(v, (counts[level - 1]!.get(v) ?? 0) + 1)
  }
  const pick = <T extends string>(level: HeadingLevel, standard: T, variants: readonly T[]): T => {
    const c = counts[level - 1]!
    let best = standard
    for (const v of variants) if ((c.get(v) ?? 0) > (c.get(best) ?? 0)) best = v
    return best
  }
  return normalizeNumberingStyle({
    level1: pick(1, '一、', ['第一章', '第一部分'] as const),
    level2: pick(2, '（一）', ['(一)', '第一节'] as const),
    level3: pick(3, '1.', ['1、', '1．'] as const),
    level4: pick(4, '（1）', ['(1)', '⑴', '1)', '1）'] as const),
  })
}
