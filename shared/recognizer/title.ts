/**
 * Title and subtitle: the first meaningful line of a document, and a "——…" line under it.
 *
 * - Collection labels are stripped from the title ("第一篇:", "篇二", "…【经典6篇】"), and a bare
 *   label line ("【篇二】") before the title is dropped.
 * - The same title repeated on the next line (websites print it twice) is dropped.
 * - A title on two lines ("某某镇人民政府" / "关于2025年度…工作的总结": the second ends in 总结/报告/
 *   汇报, the first does not) is one title.
 * - A subtitle line starts with "——", "—", "--" or "－－"; the dash is a layout mark like a heading
 *   number, so the subtitle is stored without it (renderers and exporters put "——" back).
 * - The title is never a junk line: a head of junk-shaped lines (site banner, menu, breadcrumb,
 *   timestamp, "[推荐]…" — see junk.ts) is looked past; without `clean` those lines stay in the body.
 * - When the first line is a sentence, a heading or a date, the document has no title ('') and the
 *   line stays in the body.
 */
import { isHan } from '../text'
import { SENTENCE_PUNCTUATION, isAsciiLetter, squash } from './chars'
import { isCollectionHeader, matchPiece, stripCollectionLabel } from './collection'
import { junkKind } from './junk'
import { matchMarker } from './markers'
import { parseDateLine } from './signature'

/** How the title of a summary ends. */
const SUMMARY_END = /(?:总结|總結|报告|報告|汇报|匯報)$/

/** Longest line taken as a title (characters). */
export const MAX_TITLE_CHARS = 60

const SUBTITLE_DASH = /^(?:[—―]{1,2}|-{2}|－{2})[ \u3000]*/

/** Short, no sentence punctuation inside, not a heading, not a date, has a word in it. */
export function isTitleLike(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS || /[。！？]/.test(line)) return false
  if (/[，,；;：:、]$/.test(line)) return false
  if (matchMarker(line) || parseDateLine(line)) return false
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (isHan(c) || isAsciiLetter(c)) return true
  }
  return false
}

/** A title-like line that reads as the title of a summary ("…工作总结", "…情况汇报"). */
export function isSummaryTitle(line: string): boolean {
  return isTitleLike(line) && !SENTENCE_PUNCTUATION.test(line) && /(?:总结|總結|汇报|匯報|报告|報告)$/.test(stripCollectionLabel(line))
}

export interface TitleParts {
  title: string
  subtitle?: string
  /** the remaining lines */
  body: string[]
  /** a second copy of the title was dropped */
  repeatDropped: boolean
}

/** How many junk-shaped lines a title may sit under (site banner, menu, breadcrumb, timestamp …). */
const MAX_JUNK_HEAD = 20

export function extractTitle(lines: readonly string[]): TitleParts {
  let i = 0
  // the title is never a junk line: look past a head of them (they stay in the body when not cleaned)
  const head: string[] = []
  while (i < lines.length && head.length < MAX_JUNK_HEAD) {
    const line = lines[i]!
    if (matchPiece(line)?.title === '') i++
    else if (junkKind(line) !== null && !isCollectionHeader(line)) {
      head.push(line)
      i++
    } else break
  }
  if (head.length && !(i < lines.length && isTitleLike(lines[i]!))) {
    i = 0
    head.length = 0
    while (i < lines.length && matchPiece(lines[i]!)?.title === '') i++
  }
  let title = ''
  let repeatDropped = false
  if (i < lines.length && isTitleLike(lines[i]!)) {
    title = stripCollectionLabel(lines[i]!) || lines[i]!
    i++
    // a label line's title is the collection's; a summary title right under it is the piece's own
    // ("社区工作总结 篇三" / "东湖社区2025年平安建设工作总结")
    const own = lines[i]
    if (own !== undefined && matchPiece(lines[i - 1]!) && squash(stripCollectionLabel(own)) !== squash(title) && isSummaryTitle(own) && !matchPiece(own)) {
      title = stripCollectionLabel(own)
      i++
    }
    // a title on two lines: "某某镇人民政府" / "关于2025年度安全生产工作的总结"
    const next = lines[i]
    if (next !== undefined && next.length <= 40 && !SUMMARY_END.test(title) && isTitleLike(next) && SUMMARY_END.test(stripCollectionLabel(next)) && !matchPiece(next)) {
      title += stripCollectionLabel(next)
      i++
    }
    if (i < lines.length && squash(stripCollectionLabel(lines[i]!)) === squash(title)) {
      repeatDropped = true
      i++
    }
  }
  let subtitle: string | undefined
  if (title && i < lines.length && lines[i]!.length <= 80) {
    const dash = SUBTITLE_DASH.exec(lines[i]!)
    if (dash && dash[0].length < lines[i]!.length) {
      subtitle = lines[i]!.slice(dash[0].length)
      i++
    }
  }
  const parts: TitleParts = { title, body: [...head, ...lines.slice(i)], repeatDropped }
  if (subtitle !== undefined) parts.subtitle = subtitle
  return parts
}
