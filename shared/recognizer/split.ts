/**
 * Splitting a file that holds several summaries into one segment per summary.
 *
 * A summary starts at
 *   1. a piece label line: "第一篇:…", "第1篇：…", "篇二", "【篇三】", "…工作总结 篇四", "…总结篇5"; or,
 *      when the file has no piece labels,
 *   2. a repeat of the first title as a standalone line followed by more text, or
 *   3. a summary-like title ("…工作总结") right after a date line (the previous summary's signature).
 * What comes before the first summary (the page's collection heading, "…【经典6篇】") is dropped
 * when it is nothing but one title-like line or collection headers; otherwise it is kept as a
 * document of its own — text is never dropped silently.
 */
import { msg, type Message } from '../errors/message'
import { squash } from './chars'
import { isCollectionHeader, matchPiece, stripCollectionLabel } from './collection'
import { parseDateLine } from './signature'
import { isSummaryTitle, isTitleLike } from './title'

export interface SplitResult {
  segments: string[][]
  warnings: Message[]
}

/** Split logical lines (trimmed, non-blank) into summaries. */
export function splitDocuments(lines: readonly string[]): SplitResult {
  const starts: number[] = []
  lines.forEach((line, i) => {
    if (matchPiece(line)) starts.push(i)
  })
  if (starts.length === 0) {
    const first = lines[0]
    const title = first !== undefined && isTitleLike(first) ? squash(stripCollectionLabel(first)) : ''
    for (let i = 1; i < lines.length - 1; i++) {
      const line = lines[i]!
      const repeatsTitle = title !== '' && line.length <= 80 && squash(stripCollectionLabel(line)) === title
      const afterSignature = isSummaryTitle(line) && parseDateLine(lines[i - 1]!) !== null
      if ((repeatsTitle || afterSignature) && !isTitleRepeatRightAfterTitle(lines, i)) starts.push(i)
    }
  }
  if (starts.length === 0) return { segments: lines.length ? [lines.slice()] : [], warnings: [] }

  const segments: string[][] = []
  const warnings: Message[] = []
  const first = starts[0]!
  if (first > 0) {
    const preamble = lines.slice(0, first)
    const droppable =
      preamble.every(isCollectionHeader) || (preamble.length === 1 && isTitleLike(preamble[0]!))
    if (droppable) warnings.push(msg('import.collectionHeadingDropped', { heading: preamble.join(' / ') }))
    else segments.push(preamble)
  }
  starts.forEach((start, k) => segments.push(lines.slice(start, starts[k + 1] ?? lines.length)))
  return { segments, warnings }
}

/** Line i repeats the line just before it (a title printed twice), which is not a new summary. */
function isTitleRepeatRightAfterTitle(lines: readonly string[], i: number): boolean {
  return squash(stripCollectionLabel(lines[i - 1]!)) === squash(stripCollectionLabel(lines[i]!))
}
