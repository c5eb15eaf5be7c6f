/**
 * Spreadsheet files for the figure table: .xlsx through exceljs, .csv through the pure CSV code
 * in shared/figures/sheet.ts (decoded like imported text: UTF-8 with or without BOM, UTF-16,
 * GB18030 — the encoding Excel on a Chinese Windows saves CSV in).
 */
import ExcelJS from 'exceljs'
import { ApiError, SHEET_MAX_BYTES } from '../../../shared/api'
import type { Figure } from '../../../shared/document/model'
import { figuresToRows, parseCsv, toCsv, type Cell } from '../../../shared/figures/sheet'
import { decodeText } from '../import/decode'
import { looksLikeZip, SafeZip } from '../import/zip'

export type SheetFormat = 'xlsx' | 'csv'

export function sheetFormatOf(name: string): SheetFormat {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? ''
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx'
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv'
  if (ext === 'xls' || ext === 'et' || ext === 'wps') throw new ApiError('sheet.oldFormat')
  throw ext ? new ApiError('sheet.unsupportedExt', { ext }) : new ApiError('sheet.noExt')
}

/** An exceljs cell value → a plain cell (formulas give their result, rich text its words). */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('result' in value) return plainCell((value as { result?: ExcelJS.CellValue }).result ?? null)
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')
    if ('text' in value) return String((value as { text: unknown }).text)
    if ('error' in value) return null
  }
  return String(value as unknown as string)
}

/** The rows of a sheet file: the sheet named 数据表 if there is one, else the first. */
export async function readSheet(name: string, bytes: Uint8Array): Promise<Cell[][]> {
  if (bytes.length > SHEET_MAX_BYTES) throw new ApiError('sheet.tooLarge', { limit: SHEET_MAX_BYTES / 1024 / 1024 })
  if (bytes.length === 0) throw new ApiError('sheet.empty')
  const format = sheetFormatOf(name)
  if (format === 'csv') {
    const { text } = decodeText(bytes)
    return parseCsv(text)
  }
  if (!looksLikeZip(bytes)) throw new ApiError('sheet.notXlsx')
  // exceljs inflates what it is given: it gets a stored copy of the entries SafeZip checked and capped
  let stored: Buffer
  try {
    stored = await new SafeZip(bytes).storedCopy()
  } catch (err) {
    throw err instanceof ApiError && err.code === 'zip.damaged' ? new ApiError('sheet.notXlsx') : err
  }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(stored as unknown as ArrayBuffer)
  } catch {
    throw new ApiError('sheet.notXlsx')
  }
  const sheet = workbook.worksheets.find((w) => w.name.trim() === '数据表') ?? workbook.worksheets[0]
  if (!sheet) throw new ApiError('sheet.noWorksheet')
  const rows: Cell[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plainCell(cell.value)
    })
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null)
  })
  return Array.from(rows, (r) => r ?? [])
}

/** The figure table as a file. */
export async function writeSheet(figures: readonly Figure[], uses: ReadonlyMap<string, number>, format: SheetFormat, title: string): Promise<{ fileName: string; mime: string; bytes: Uint8Array }> {
  const rows = figuresToRows(figures, uses)
  const base = `${(title.trim() || '文稿').replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 60)}-数据表`
  if (format === 'csv') {
    const text = '\uFEFF' + toCsv(rows)
    return { fileName: `${base}.csv`, mime: 'text/csv', bytes: new TextEncoder().encode(text) }
  }
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'DraftDesk 稿台'
  const sheet = workbook.addWorksheet('数据表', { views: [{ state: 'frozen', ySplit: 1 }] })
  for (const row of rows) sheet.addRow(row.map((c) => (c === undefined || c === '' ? null : c)))
  sheet.getRow(1).font = { bold: true }
  const widths = [22, 12, 8, 8, 12, 28, 12, 12, 28, 16, 22, 10]
  sheet.columns.forEach((col, i) => {
    col.width = widths[i] ?? 12
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: new Uint8Array(buffer as ArrayBuffer) }
}
