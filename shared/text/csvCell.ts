/**
 * CSV cells a spreadsheet would run as a formula. Excel, WPS and LibreOffice read a cell that
 * begins with = + - @ (or a tab or line break before one) as a formula: `=HYPERLINK(…)` in an
 * exported 素材库 or 数据表 would be a live link, `@SUM(…)` a calculation. Every CSV we write puts
 * a ' before such a cell (shown as text, the ' hidden), and every CSV we read takes it off again.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/
const GUARDED = /^'[=+\-@\t\r\n]/

/** The cell as written to a CSV file: a leading ' when it would otherwise start a formula. */
export function guardCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** The cell as read from a CSV file we wrote: guardCsvCell undone. */
export function unguardCsvCell(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value
}
