/**
 * Tables pasted as text: rows whose cells are separated by tabs (copied from Word, WPS or a
 * spreadsheet) or aligned with runs of spaces (copied from a PDF or a plain-text mail).
 *
 *   指标	单位	完成数          项目        人数      金额（万元）
 *   地区生产总值	亿元	86.3        城乡低保    2315      1386.4
 *
 * A row on its own proves nothing ("加强组织领导\t街道成立…" is a run-in heading with a tab), so only
 * a run of at least two consecutive rows is a table, and at least two of its rows have the same
 * number of cells. Space-aligned rows need three cells each, separated by two blanks or more
 * (one blank, or one full-width space, separates a label from its text in body lines), and carry no
 * sentence end. A table's lines are never joined by the reflow, never removed as junk (a header row
 * of short words looks like a site menu), and become one table block.
 */
import { trimLine } from './chars'

/** The longest cell of a space-aligned row (characters): longer is body text with wide spaces. */
const MAX_SPACED_CELL = 24
/** The longest row taken as a table row at all. */
const MAX_ROW = 200

const TAB_SPLIT = /[ \u3000]*\t+[ \u3000]*/
const SPACE_SPLIT = /(?: {2,}|\u3000{2,}|[ \u3000]{3,}|\t+)/

/** The cells of a trimmed line that may be a table row, or null. */
export function tableCells(trimmed: string): string[] | null {
  if (!trimmed || trimmed.length > MAX_ROW) return null
  if (trimmed.includes('\t')) {
    const cells = trimmed.split(TAB_SPLIT)
    return cells.length >= 2 && cells.every((c) => c.length > 0) ? cells : null
  }
  if (/[。！？]/.test(trimmed)) return null
  const cells = trimmed.split(SPACE_SPLIT)
  return cells.length >= 3 && cells.every((c) => c.length > 0 && c.length <= MAX_SPACED_CELL) ? cells : null
}

/**
 * For each line (raw or trimmed), the cells when it belongs to a run of table rows (see above),
 * else null. Blank lines end a run.
 */
export function tableRows(lines: readonly string[]): (string[] | null)[] {
  const cells = lines.map((line) => tableCells(trimLine(line)))
  const out = new Array<string[] | null>(lines.length).fill(null)
  let i = 0
  while (i < lines.length) {
    if (!cells[i]) { i++; continue }
    let j = i
    while (j < lines.length && cells[j]) j++
    if (j - i >= 2 && sameWidthPair(cells.slice(i, j) as string[][])) for (let k = i; k < j; k++) out[k] = cells[k]!
    i = j
  }
  return out
}

/** At least two rows with the same number of cells. */
function sameWidthPair(rows: readonly string[][]): boolean {
  const seen = new Set<number>()
  for (const row of rows) {
    if (seen.has(row.length)) return true
    seen.add(row.length)
  }
  return false
}
