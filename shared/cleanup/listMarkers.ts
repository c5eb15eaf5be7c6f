/**
 * List markers "1、" → "1." (序号"1、"改"1.").
 *
 * GB/T 9704-2012 numbers the third level "1." with a full stop; writers type "1、" and
 * "１、". The recognizer already turns markers into headings where they are headings; this rule is
 * for lists the writer kept as body text.
 *
 *  - Only at the start of a paragraph, heading title or table cell, and at the start of a line
 *    inside one (after a line break "\n"): a list kept in one paragraph has one item per line.
 *    Never in a run-in body, the title or the subtitle, and never mid-line.
 *  - The marker is one or two digits, ASCII or full-width, followed by "、" or "．" (full-width full
 *    stop). Full-width digits become ASCII: "１２、" → "12.". Indentation before it stays.
 *  - Not when a digit follows the mark: "1、2号楼均已完工" is an enumeration, not a marker, and
 *    "１．５万元" is a number.
 *  - Spaces right after the marker go: "1、 加强学习" → "1.加强学习" (the standard sets nothing
 *    between "1." and the text).
 */
import { toHalfWidth } from '../text'
import { applyEdits, type TextEdit } from './edits'

const MARKER_RE = /^([ \t\u3000\u00a0]*)([0-9０-９]{1,2})[、．](?![ \t\u3000\u00a0]*[0-9０-９])[ \t\u3000\u00a0]*/

/** Edits turning "1、" at the start of each line of `text` into "1.". */
export function listMarkerEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = []
  let lineStart = 0
  while (lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart)
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)
    const m = MARKER_RE.exec(line)
    if (m) {
      const indent = m[1]!.length
      const start = lineStart + indent
      const end = lineStart + m[0].length
      const digits = toHalfWidth(m[2]!)
      // a line holding nothing but the marker is not a list item yet; leave it to the writer
      if (end < lineStart + line.length) edits.push({ start, end, text: `${digits}.` })
    }
    if (lineEnd < 0) break
    lineStart = lineEnd + 1
  }
  return edits
}

/** `text` with its line-start "1、" markers turned into "1.". */
export function listMarkerToDot(text: string): string {
  return applyEdits(text, listMarkerEdits(text))
}
