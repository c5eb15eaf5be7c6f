/**
 * CSV as spreadsheets write it (RFC 4180): quoted cells may hold commas, quotes ("") and line
 * breaks; a UTF-8 BOM is skipped. Every record knows the line it starts on, so a problem is reported
 * where the writer can find it. Tab-separated text (copied out of a spreadsheet) is read too.
 */
import { msg, type Message } from '../errors/message'
import { guardCsvCell, unguardCsvCell } from '../text/csvCell'

export interface CsvRecord {
  /** 1-based line where the record starts */
  line: number
  cells: string[]
}

export interface CsvProblem {
  line: number
  problem: Message
}

export function parseCsv(input: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const firstLine = text.slice(0, text.search(/\r|\n|$/))
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  const records: CsvRecord[] = []
  const problems: CsvProblem[] = []
  let line = 1
  let i = 0
  const n = text.length
  while (i < n) {
    const start = line
    const cells: string[] = []
    let cell = ''
    let atEnd = false
    for (;;) {
      if (text[i] === '"') {
        // quoted cell
        const quoteLine = line
        i++
        let closed = false
        while (i < n) {
          const ch = text[i]!
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"'
              i += 2
              continue
            }
            i++
            closed = true
            break
          }
          if (ch === '\r' && text[i + 1] === '\n') {
            cell += '\n'
            i += 2
            line++
            continue
          }
          if (ch === '\n' || ch === '\r') line++
          cell += ch === '\r' ? '\n' : ch
          i++
        }
        if (!closed) {
          problems.push({ line: quoteLine, problem: msg('snippetFile.unclosedQuote') })
          return { records, problems }
        }
        if (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          problems.push({ line, problem: msg('snippetFile.afterQuote') })
          // skip to the end of this line and go on with the next record
          while (i < n && text[i] !== '\n' && text[i] !== '\r') i++
        }
      } else {
        while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') cell += text[i++]
      }
      cells.push(cell)
      cell = ''
      if (i >= n) {
        atEnd = true
        break
      }
      if (text[i] === sep) {
        i++
        continue
      }
      // line break ends the record
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2
      else i++
      line++
      break
    }
    // blank lines are not records
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells })
    if (atEnd) break
  }
  return { records, problems }
}

/** A cell as written: a formula-like cell gets a leading ' (see shared/text/csvCell.ts), then quoting. */
function cell(value: string): string {
  const safe = guardCsvCell(value)
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Reverses the formula guard of `toCsv`. */
export const unguardCell = unguardCsvCell

/** Rows → CSV text with a BOM (so spreadsheet programs read it as UTF-8) and CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
