/**
 * From a marker line to a heading: where the heading sentence ends (run-in headings), when a
 * numbered line is really a body paragraph, and which numbers were skipped.
 */
import { isHan } from '../text'
import { CLOSERS, SENTENCE_ENDS, isAsciiDigit, isAsciiLetter } from './chars'
import type { MarkerMatch } from './markers'

/**
 * The longest heading sentence taken whole (characters). A marker line whose first sentence runs
 * longer than this is cut at the end of its first clause group instead (see shapeHeading).
 */
export const MAX_HEADING_CHARS = 120

/** A line without a sentence end longer than this is a heading plus body, cut after a clause group. */
const LONG_LINE_CHARS = 60
/** The longest clause group taken as the heading of such a line. */
const CLAUSE_GROUP_CHARS = 40
/** The longest heading before a colon or a blank that ends it. */
const LABEL_CHARS = 30
/** A colon or a blank ends the heading only when at least this much body text follows. */
const LABEL_BODY_CHARS = 10

export interface HeadingShape {
  /** the heading sentence; never empty for a line with text after its marker */
  title: string
  /** run-in body text, when the line continues after the heading sentence */
  body?: string
}

const CLAUSE_MARKS = new Set([...'，,；;'])
const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\u3000' || ch === '\t'

/** A half-width "." or "!" ends a sentence after Chinese text, unless a Latin letter or digit follows. */
function halfWidthEnd(rest: string, i: number): boolean {
  const ch = rest[i]
  if (ch !== '.' && ch !== '!') return false
  const before = rest.charCodeAt(i - 1)
  const after = rest.charCodeAt(i + 1)
  return (isHan(before) || CLOSERS.has(rest[i - 1] ?? '')) && !(after >= 0x30 && after <= 0x39) && !isAsciiLetter(after)
}

/**
 * Split a marker line's text (after the marker) into the heading sentence and its run-in body.
 * Where the heading ends, by what real lines show, whichever comes first:
 *   - a sentence end 。！？ (full-width; a half-width "." or "!" after Chinese text), with any closing
 *     quotes/brackets right after it; "；" at the very end of the line (a list item) counts too;
 *   - a colon after a short label ("宣传发动：为了……"), when body text follows it;
 *   - a blank (space, full-width space, tab) after a short label, before body text
 *     ("加强组织领导\u3000全年召开……").
 * A first sentence longer than MAX_HEADING_CHARS, or a line longer than LONG_LINE_CHARS with no
 * sentence end, is cut after its first clause group ("…，…，" up to CLAUSE_GROUP_CHARS). A line
 * that offers no place to cut is a heading with its whole text. The title is never empty unless
 * `rest` is. Half-width "?" never ends anything (a character lost in copying); "；" and "：" inside a
 * short line do not either ("计生工作：全年出生人口稳定" is one heading).
 */
export function shapeHeading(rest: string): HeadingShape {
  const n = rest.length
  let end = -1
  for (let i = 0; i < n && i <= MAX_HEADING_CHARS; i++) {
    const ch = rest[i]!
    if (SENTENCE_ENDS.has(ch) || halfWidthEnd(rest, i)) {
      end = i + 1
      while (end < n && (CLOSERS.has(rest[end]!) || SENTENCE_ENDS.has(rest[end]!))) end++
      break
    }
    if (i >= 2 && i <= LABEL_CHARS && (ch === '：' || ch === ':') && !isAsciiDigit(rest.charCodeAt(i - 1)) && bodyFollows(rest, i + 1)) {
      end = i + 1
      break
    }
    if (i >= 2 && i <= LABEL_CHARS && isBlank(ch) && labelBeforeBlank(rest, i) && bodyFollows(rest, i)) {
      end = i
      break
    }
  }
  if (end < 0) {
    const last = rest[n - 1]
    const complete = last === '；' || last === ';'
    if (n <= (complete ? MAX_HEADING_CHARS : LONG_LINE_CHARS)) return { title: rest }
    end = clauseGroupEnd(rest)
    if (end < 0) return { title: rest }
  }
  let bodyFrom = end
  while (bodyFrom < n && isBlank(rest[bodyFrom])) bodyFrom++
  const title = rest.slice(0, end)
  return bodyFrom < n ? { title, body: rest.slice(bodyFrom) } : { title }
}

/** At least LABEL_BODY_CHARS characters of text after position `from` (blanks skipped). */
function bodyFollows(rest: string, from: number): boolean {
  let i = from
  while (i < rest.length && isBlank(rest[i])) i++
  if (i >= rest.length || CLOSERS.has(rest[i]!)) return false
  return rest.length - i >= LABEL_BODY_CHARS
}

/** A blank at i separates a label from body text: Chinese on both sides (not a space between Latin words or numbers). */
function labelBeforeBlank(rest: string, i: number): boolean {
  const before = rest.charCodeAt(i - 1)
  let j = i
  while (j < rest.length && isBlank(rest[j])) j++
  const after = rest.charCodeAt(j)
  return (isHan(before) || CLOSERS.has(rest[i - 1]!)) && (isHan(after) || rest[j] === '“' || rest[j] === '《')
}

/**
 * Where the first clause group of a long line ends: after the last clause mark (，,；;) at or before
 * CLAUSE_GROUP_CHARS, or after the first one up to MAX_HEADING_CHARS; -1 when there is none.
 */
function clauseGroupEnd(rest: string): number {
  let last = -1
  const limit = Math.min(rest.length - 1, MAX_HEADING_CHARS)
  for (let i = 1; i < limit; i++) {
    if (!CLAUSE_MARKS.has(rest[i]!)) continue
    if (i + 1 <= CLAUSE_GROUP_CHARS || last < 0) last = i + 1
    if (i + 1 >= CLAUSE_GROUP_CHARS) break
  }
  return last
}

export interface NumberingGap {
  level: number
  /** the number of the previous heading at this level (0 = none yet under its parent) */
  after: number
  /** the number the writer wrote */
  found: number
  /** the marker as the writer typed it ("四、", "(九)") */
  typed: string
  /** the start of the heading's title, so the writer can find it */
  heading: string
  /** the number the heading prints now: numbers follow the levels, so the gap is closed */
  now: string
}

/** A gap as the tracker sees it; the recognizer adds the heading and the number it prints. */
export type TrackedGap = Pick<NumberingGap, 'level' | 'after' | 'found' | 'typed'> & { block: number }

/**
 * Follows the writer's numbers per level. A heading resets every deeper level, so "(一)" restarts
 * under each "一、". Anything but "previous + 1" is recorded: skips ("(七)" then "(九)"), repeats and
 * a first sub-heading that is not 1.
 */
export class NumberingTracker {
  private readonly last = [0, 0, 0, 0]
  readonly gaps: TrackedGap[] = []

  /** `block`: the index of the heading's block in the document */
  see(level: 1 | 2 | 3 | 4, marker: MarkerMatch, block: number): void {
    const after = this.last[level - 1]!
    if (marker.number !== after + 1) this.gaps.push({ level, after, found: marker.number, typed: marker.marker.replace(/[ \u3000]+$/, ''), block })
    this.last[level - 1] = marker.number
    for (let i = level; i < 4; i++) this.last[i] = 0
  }

  /** A heading without a number (a part heading): it takes a place at its level and restarts the deeper ones. */
  unnumbered(level: 1 | 2 | 3 | 4): void {
    this.last[level - 1]! += 1
    for (let i = level; i < 4; i++) this.last[i] = 0
  }
}

/** How a part heading ends: the words writers close "存在的问题", "下一步工作打算", "2025年工作思路" with. */
const PART_END = /(?:计划|計劃|打算|思路|安排|设想|設想|目标|目標|任务|任務|重点|重點|要点|要點|措施|举措|舉措|问题|問題|不足|差距|短板|困难|困難|教训|教訓|体会|體會|经验|經驗|做法|成绩|成績|成效|成果|进展|進展|亮点|亮點|特色|情况|情況|回顾|回顧|展望|方向|建议|建議|对策|對策|启示|啟示|收获|收穫|原因|分析|规划|規劃|部署|思考|工作)$/
/** Not a part heading: salutations, lead-ins, titles, ending remarks. */
const NOT_PART = /如下|现将|现就|领导|同志|同事|各位|大家|朋友|总结$|報告$|报告$|汇报$|匯報$|特此/
/** The longest part heading (characters, without a closing colon). */
const MAX_PART_CHARS = 20

/**
 * A part heading without a number: a short line that closes a part of a summary and opens the
 * next ("存在的问题", "下一步工作打算", "20xx年工作计划:", "二〇二五年工作思路") — at most 20
 * characters, no sentence punctuation but a closing colon, ending in a word such parts end with
 * (计划, 打算, 思路, 问题, 不足, 做法, 成效, 体会, 展望 …), not a salutation or a lead-in ("现将…如下：").
 * The caller checks the rest (not a heading marker, date, organization, junk or collection label).
 */
export function isPartHeadingText(line: string): boolean {
  const text = line.replace(/[ \u3000]*[:：]$/, '')
  if (text.length < 2 || text.length > MAX_PART_CHARS) return false
  if (/[，。；！？,;!?、：:“”"（）()《》【】[\]]/.test(text) || NOT_PART.test(text)) return false
  return PART_END.test(text)
}

/** A numbered line this long or shorter, without a clause comma, reads as a title even with a full stop ("强化督查。"). */
const SHORT_SENTENCE_CHARS = 15

/**
 * A numbered line that is a whole sentence, not a title: it closes with a sentence end (。！？；,
 * closing quotes after it) and is longer than a short title or carries a clause comma
 * ("1.加强培训，确保人人过关。"); or it runs past LONG_LINE_CHARS with clause commas and no end at all.
 * "强化督查。", "大力寻辟财源渠道，积极推进财税工作" (no sentence end) are title-shaped.
 */
export function isSentenceLine(rest: string): boolean {
  const text = rest.replace(/[”’」』）)】]+$/, '')
  const hasClause = /[，,]/.test(text)
  if (/[。！？；;!]$/.test(text)) return hasClause || text.length > SHORT_SENTENCE_CHARS
  return hasClause && text.length > LONG_LINE_CHARS
}

/** A title cut at a clause mark ("…的道德风尚，" + body): the heading came from a long sentence. */
export function endsInClauseMark(title: string): boolean {
  return CLAUSE_MARKS.has(title[title.length - 1] ?? '')
}

/**
 * A whole-sentence numbered line longer than LONG_LINE_CHARS with no body under it, among sibling
 * headings that have bodies: it runs in, cut after its first clause group like a long line without
 * a sentence end, so no heading is left empty. Null when it has no place to cut.
 */
export function runInLongSentence(rest: string): HeadingShape | null {
  if (rest.length <= LONG_LINE_CHARS || !isSentenceLine(rest)) return null
  const end = clauseGroupEnd(rest)
  if (end < 0) return null
  let bodyFrom = end
  while (bodyFrom < rest.length && isBlank(rest[bodyFrom])) bodyFrom++
  if (rest.length - bodyFrom < LABEL_BODY_CHARS) return null
  return { title: rest.slice(0, end), body: rest.slice(bodyFrom) }
}
