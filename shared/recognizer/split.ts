/**
 * Splitting a file that holds several summaries into one segment per summary.
 *
 * A summary starts at
 *   1. a piece label line: "第一篇:…", "第1篇：…", "篇二", "【篇三】", "…工作总结 篇四", "…总结篇5"; or,
 *      when the file has no piece labels,
 *   2. a repeat of the first title as a standalone line followed by more text, or
 *   3. a summary-like title ("…工作总结") right after a date line (the previous summary's signature).
 * What comes before the first summary (the page's collection heading, "…【经典6篇】") is dropped
 * when it is nothing but one title-like line or collection headers (its title is then the title of
 * a piece that has none of its own); otherwise it is kept as a document of its own — text is never
 * dropped silently. Identical titles of the pieces are told apart by distinctTitles.
 */
import { msg, type Message } from '../errors/message'
import { chineseCount } from '../text'
import { squash } from './chars'
import { isCollectionHeader, matchPiece, stripCollectionLabel } from './collection'
import { parseDateLine } from './signature'
import { isSummaryTitle, isTitleLike } from './title'

/** The heading of a table of contents. */
const TOC_HEADER = /^(?:目录|目錄|文章目录|文章目錄|本文目录(?:一览)?|本文目錄(?:一覽)?)[:：]?$/

export interface SplitResult {
  segments: string[][]
  warnings: Message[]
  /** the collection heading's title ("学校工作总结" from "学校工作总结【经典6篇】"), '' when there is none */
  collectionTitle: string
  /**
   * the file clearly holds several summaries: two or more piece labels, or the first title repeated
   * (not merely a summary-like line after a date)
   */
  clear: boolean
}

/** Split logical lines (trimmed, non-blank) into summaries. */
export function splitDocuments(lines: readonly string[]): SplitResult {
  const starts: number[] = []
  lines.forEach((line, i) => {
    if (matchPiece(line)) starts.push(i)
  })
  const byLabels = starts.length > 0
  let clear = starts.length >= 2
  if (starts.length === 0) {
    const first = lines[0]
    const title = first !== undefined && isTitleLike(first) ? squash(stripCollectionLabel(first)) : ''
    for (let i = 1; i < lines.length - 1; i++) {
      const line = lines[i]!
      const repeatsTitle = title !== '' && line.length <= 80 && squash(stripCollectionLabel(line)) === title
      const afterSignature = isSummaryTitle(line) && parseDateLine(lines[i - 1]!) !== null
      if ((repeatsTitle || afterSignature) && !isTitleRepeatRightAfterTitle(lines, i)) {
        starts.push(i)
        if (repeatsTitle) clear = true
      }
    }
  }
  if (starts.length === 0) return { segments: lines.length ? [lines.slice()] : [], warnings: [], collectionTitle: '', clear: false }
  // a table of contents: label lines one after another before the first piece with text
  if (byLabels) {
    while (starts.length > 1 && starts[1] === starts[0]! + 1) starts.shift()
    clear = starts.length >= 2
  }

  const segments: string[][] = []
  const warnings: Message[] = []
  let collectionTitle = ''
  const first = starts[0]!
  if (first > 0) {
    const preamble = lines.slice(0, first)
    // a collection heading, or a title, and a table of contents ("目录", "篇一：…", "篇二：…")
    const contents = (line: string) => isCollectionHeader(line) || matchPiece(line) !== null || TOC_HEADER.test(line)
    const droppable =
      preamble.every(contents) || (isTitleLike(preamble[0]!) && preamble.slice(1).every(contents))
    if (droppable) {
      warnings.push(msg('import.collectionHeadingDropped', { heading: preamble.slice(0, 8).join(' / ') }))
      if (!matchPiece(preamble[0]!) && !TOC_HEADER.test(preamble[0]!)) collectionTitle = stripCollectionLabel(preamble[0]!)
    } else segments.push(preamble)
  }
  starts.forEach((start, k) => segments.push(lines.slice(start, starts[k + 1] ?? lines.length)))
  return { segments, warnings, collectionTitle, clear: clear && segments.length >= 2 }
}

/**
 * Tell identical titles apart: the second "学校工作总结" becomes "学校工作总结（二）", the third
 * "…（三）"; the first and every title that is unique stay as they are.
 */
export function distinctTitles(titles: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return titles.map((title) => {
    if (!title) return title
    const key = squash(title)
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    return n === 1 ? title : `${title}（${chineseCount(n)}）`
  })
}

/** Line i repeats the line just before it (a title printed twice), which is not a new summary. */
function isTitleRepeatRightAfterTitle(lines: readonly string[], i: number): boolean {
  return squash(stripCollectionLabel(lines[i - 1]!)) === squash(stripCollectionLabel(lines[i]!))
}
