/**
 * The figure table as a spreadsheet: the rows written to .xlsx/CSV, CSV itself (pure), and the
 * import plan (update existing figures by name, create new ones) that the writer previews before
 * anything changes. The .xlsx container is read and written by the service (exceljs); it hands
 * this module plain rows of cells.
 *
 * Columns, matched by header (Chinese or English, in any order; case and spaces ignored):
 *   名称 name (required) · 数值 value · 单位 unit · 修饰词 qualifier (余 多 近 约 以上) ·
 *   样式 style (阿拉伯数字 千分位 中文数字 万亿) · 公式 formula · 去年 lastYear · 备注 note
 * Written but not read back: 显示 (the formatted text), 使用次数 (uses), 同比.
 * Other columns are ignored and named in the preview; a sheet without 名称 is refused.
 */
import { QUALIFIERS, type Figure } from '../document/model'
import { msg, type Message } from '../errors/message'
import { checkFormula, checkName, parseLastYear, parseValueInput, patchFigure, wantsNumber } from './edit'
import { figureFormatter } from './format'
import { formulaReferences, isComputed, NameSet } from './formula'
import { guardCsvCell, unguardCsvCell } from '../text/csvCell'
import { figureFieldText, figureRows, isFigureTextField } from './row'

export type Cell = string | number | boolean | null | undefined

export type FieldKey = 'name' | 'value' | 'unit' | 'qualifier' | 'style' | 'formula' | 'lastYear' | 'note'

export const SHEET_COLUMNS: { key: FieldKey | 'display' | 'uses' | 'comparison'; header: string }[] = [
  { key: 'name', header: '名称' },
  { key: 'value', header: '数值' },
  { key: 'unit', header: '单位' },
  { key: 'qualifier', header: '修饰词' },
  { key: 'style', header: '样式' },
  { key: 'formula', header: '公式' },
  { key: 'lastYear', header: '去年' },
  { key: 'note', header: '备注' },
  { key: 'display', header: '显示' },
  { key: 'comparison', header: '同比' },
  { key: 'uses', header: '使用次数' },
]

const HEADER_ALIASES: Record<string, FieldKey | 'ignore'> = {
  名称: 'name', 数据名称: 'name', 项目: 'name', 指标: 'name', name: 'name',
  数值: 'value', 值: 'value', 数据: 'value', 本年: 'value', 今年: 'value', value: 'value',
  单位: 'unit', unit: 'unit',
  修饰词: 'qualifier', 修饰: 'qualifier', 限定词: 'qualifier', qualifier: 'qualifier',
  样式: 'style', 显示样式: 'style', 数字样式: 'style', style: 'style',
  公式: 'formula', formula: 'formula',
  去年: 'lastYear', 上年: 'lastYear', 去年数值: 'lastYear', 上年数值: 'lastYear', 上年同期: 'lastYear', lastyear: 'lastYear',
  备注: 'note', 说明: 'note', 来源: 'note', note: 'note',
  显示: 'ignore', 显示文字: 'ignore', 使用次数: 'ignore', 同比: 'ignore', 序号: 'ignore', display: 'ignore', uses: 'ignore', comparison: 'ignore',
}

export const STYLE_LABELS: Record<NonNullable<Figure['style']>, string> = { arabic: '阿拉伯数字', grouped: '千分位', chinese: '中文数字', wan: '万亿' }
const STYLE_BY_LABEL: Record<string, NonNullable<Figure['style']>> = {
  阿拉伯数字: 'arabic', 数字: 'arabic', arabic: 'arabic', 千分位: 'grouped', grouped: 'grouped',
  中文数字: 'chinese', 中文: 'chinese', 汉字: 'chinese', chinese: 'chinese', 万亿: 'wan', '万/亿': 'wan', 万: 'wan', wan: 'wan',
}

/** The table as spreadsheet rows: header first, then one row per figure. */
export function figuresToRows(figures: readonly Figure[], uses: ReadonlyMap<string, number> = new Map()): Cell[][] {
  const rows: Cell[][] = [SHEET_COLUMNS.map((c) => c.header)]
  for (const row of figureRows(figures, uses)) {
    const f = row.figure
    rows.push(
      SHEET_COLUMNS.map((c): Cell => {
        if (isFigureTextField(c.key)) return figureFieldText(f, c.key)
        switch (c.key) {
          case 'value':
            return row.value ?? ''
          case 'style':
            return f.style ? STYLE_LABELS[f.style] : ''
          case 'lastYear':
            return f.lastYear ?? ''
          case 'display':
            return row.shown
          case 'comparison':
            // the sheet's 同比 goes with its 数值 column, which is empty when the formula fails
            return row.result?.ok ? row.comparison : ''
          case 'uses':
            return row.uses
        }
      }),
    )
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

/**
 * Rows → CSV text with CRLF line ends; the caller adds a BOM so that Excel reads it as UTF-8. Text
 * that a spreadsheet would run as a formula gets a leading ' (shared/text/csvCell.ts); numbers are
 * written as they are (-3 is a number, not a formula).
 */
export function toCsv(rows: readonly Cell[][]): string {
  const cell = (v: Cell): string => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? guardCsvCell(v) : String(v)
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/**
 * CSV text → rows of strings. Comma, semicolon or tab separated (whichever the header uses). A
 * cell toCsv guarded against formulas ('=…) is read back as it was.
 */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '')
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const counts = [',', '\t', ';', '，'].map((d) => [d, firstLine.split(d).length - 1] as const)
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best), [',', 0] as readonly [string, number])[0]
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
      i++
    } else if (ch === delimiter) {
      row.push(field)
      field = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += ch
      i++
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.map(unguardCsvCell))
}

// ---------------------------------------------------------------------------------------------
// Import plan

export interface SheetProblem {
  /** 1-based row in the sheet (the header is row 1); 0 for the sheet as a whole */
  row: number
  severity: 'error' | 'warning'
  message: Message
}

export interface PlannedChange {
  kind: 'update' | 'create' | 'unchanged'
  row: number
  name: string
  figureId?: string
  before?: Figure
  /** the figure after the import (id '' for a new one until applied) */
  after: Figure
  /** the fields that change, for the preview */
  fields: FieldKey[]
}

export interface ImportPlan {
  changes: PlannedChange[]
  problems: SheetProblem[]
  /** headers not understood (ignored) */
  ignoredColumns: string[]
  /** the sheet cannot be imported at all, and why */
  fatal?: Message
}

const normHeader = (h: Cell): string => String(h ?? '').trim().replace(/\s+/g, '').replace(/[（(].*[)）]$/, '').toLowerCase()
const cellText = (v: Cell): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v).trim())

/**
 * The changes a sheet would make to the table. Rows are matched to figures by name; a row whose
 * value (or any field) is bad is skipped with a message, and the figure keeps what it had.
 */
export function planImport(figures: readonly Figure[], sheet: readonly Cell[][]): ImportPlan {
  const plan: ImportPlan = { changes: [], problems: [], ignoredColumns: [] }
  const headerIndex = sheet.findIndex((r) => r.some((c) => cellText(c) !== ''))
  if (headerIndex < 0) return { ...plan, fatal: msg('sheet.emptyTable') }
  const header = sheet[headerIndex]!
  const columns = new Map<FieldKey, number>()
  header.forEach((h, i) => {
    const raw = cellText(h)
    if (raw === '') return
    const key = HEADER_ALIASES[normHeader(h)]
    if (key === undefined) plan.ignoredColumns.push(raw)
    else if (key !== 'ignore') {
      if (columns.has(key)) plan.problems.push({ row: headerIndex + 1, severity: 'warning', message: msg('sheet.duplicateColumn', { column: raw }) })
      else columns.set(key, i)
    }
  })
  if (!columns.has('name')) {
    const found = header.map(cellText).filter(Boolean).join('、').slice(0, 80)
    return { ...plan, fatal: found ? msg('sheet.noNameColumn', { header: found }) : msg('sheet.noNameColumnBlank') }
  }
  if (columns.size === 1) return { ...plan, fatal: msg('sheet.noDataColumns') }
  if (plan.ignoredColumns.length) plan.problems.push({ row: headerIndex + 1, severity: 'warning', message: msg('sheet.ignoredColumns', { columns: plan.ignoredColumns.join('、') }) })

  // The table as the rows so far leave it, kept so that each row costs the same however long the
  // sheet: figures by name and by id, the names for formulas, and which names formulas use.
  const working = [...figures]
  const at = new Map<string, number>()
  const byName = new Map<string, Figure>()
  working.forEach((f, i) => {
    at.set(f.id, i)
    if (!byName.has(f.name)) byName.set(f.name, f)
  })
  const names = new NameSet(working.map((f) => f.name))
  /** name → the names of the computed figures whose formulas use it */
  const usedBy = new Map<string, Set<string>>()
  const noteUses = (f: Figure) => {
    if (!isComputed(f)) return
    for (const ref of formulaReferences(f.formula!, names)) {
      let users = usedBy.get(ref)
      if (!users) usedBy.set(ref, (users = new Set()))
      users.add(f.name)
    }
  }
  working.forEach(noteUses)
  const seen = new Map<string, number>()
  for (let r = headerIndex + 1; r < sheet.length; r++) {
    const rowNo = r + 1
    const cells = sheet[r]!
    const get = (k: FieldKey): Cell => {
      const i = columns.get(k)
      return i === undefined ? undefined : cells[i]
    }
    if (cells.every((c) => cellText(c) === '')) continue
    const name = cellText(get('name'))
    if (name === '') {
      plan.problems.push({ row: rowNo, severity: 'error', message: msg('sheet.rowWithoutName', { row: rowNo }) })
      continue
    }
    const dup = seen.get(name)
    if (dup !== undefined) {
      plan.problems.push({ row: rowNo, severity: 'error', message: msg('sheet.duplicateName', { row: rowNo, name, first: dup }) })
      continue
    }
    seen.set(name, rowNo)
    const existing = byName.get(name)
    let draft: Figure = existing ?? { id: '', name, value: null }
    if (!existing) {
      // the name is not taken (byName): only its form is checked
      const checked = checkName(name, [])
      if (!checked.ok) {
        plan.problems.push({ row: rowNo, severity: 'error', message: msg('sheet.rowInvalid', { row: rowNo }, { reason: checked.message }) })
        continue
      }
    }
    const fields: FieldKey[] = []
    const errors: Message[] = []
    const set = (key: FieldKey, patch: Partial<Figure>) => {
      const next = patchFigure([draft], draft.id, patch)[0]!
      if (JSON.stringify(next) !== JSON.stringify(draft)) {
        draft = next
        fields.push(key)
      }
    }
    // text fields first: the unit decides whether the value must be a number
    for (const key of ['unit', 'note'] as const) {
      if (columns.has(key)) set(key, { [key]: cellText(get(key)) || undefined })
    }
    if (columns.has('qualifier')) {
      const q = cellText(get('qualifier'))
      if (q === '' || (QUALIFIERS as readonly string[]).includes(q)) set('qualifier', { qualifier: (q || undefined) as Figure['qualifier'] })
      else errors.push(msg('sheet.badQualifier', { value: q, allowed: QUALIFIERS.join('、') }))
    }
    if (columns.has('style')) {
      const s = cellText(get('style'))
      const style = s === '' ? undefined : STYLE_BY_LABEL[s.toLowerCase()]
      if (s !== '' && !style) errors.push(msg('sheet.badStyle', { value: s }))
      else set('style', { style })
    }
    if (columns.has('formula')) {
      const checked = checkFormula(cellText(get('formula')), names)
      if (checked.ok) set('formula', { formula: checked.value })
      else errors.push(checked.message)
    }
    if (columns.has('lastYear')) {
      const v = get('lastYear')
      const checked = typeof v === 'number' ? ({ ok: true, value: v } as const) : parseLastYear(cellText(v))
      if (checked.ok) set('lastYear', { lastYear: checked.value })
      else errors.push(checked.message)
    }
    if (columns.has('value') && !isComputed(draft)) {
      const v = get('value')
      if (typeof v === 'number') {
        if (!Number.isFinite(v) || Math.abs(v) > 1e15) errors.push(msg('figures.valueTooLarge', { value: String(v) }))
        else set('value', { value: v })
      } else {
        const text = cellText(v)
        // the export writes the unit-less number; a cell that repeats the unit or qualifier is fine too
        const usedByOthers = [...(usedBy.get(draft.name) ?? [])].some((user) => user !== draft.name)
        const checked = parseValueInput(text, draft, [], { wantsNumber: wantsNumber(draft) || usedByOthers })
        if (checked.ok) {
          const patch = { ...checked.value }
          // the sheet's own unit/qualifier columns win over what the value cell implies
          if (columns.has('unit')) delete patch.unit
          if (columns.has('qualifier')) delete patch.qualifier
          if (columns.has('style')) delete patch.style
          set('value', patch)
        } else errors.push(checked.message)
      }
    }
    if (errors.length) {
      plan.problems.push({ row: rowNo, severity: 'error', message: msg('sheet.rowNotImported', { row: rowNo, name }, { reasons: errors }) })
      continue
    }
    if (existing) {
      plan.changes.push({ kind: fields.length ? 'update' : 'unchanged', row: rowNo, name, figureId: existing.id, before: existing, after: draft, fields })
      working[at.get(existing.id)!] = draft
      byName.set(name, draft)
    } else {
      plan.changes.push({ kind: 'create', row: rowNo, name, after: draft, fields })
      working.push(draft)
      byName.set(name, draft)
      names.add(name)
    }
    noteUses(draft)
  }
  if (plan.changes.length === 0 && !plan.problems.some((p) => p.severity === 'error')) plan.problems.push({ row: 0, severity: 'warning', message: msg('sheet.noRows') })
  return plan
}

/** The table after the plan: updates in place, new figures appended with ids from `newId`. */
export function applyImport(figures: readonly Figure[], plan: ImportPlan, newId: (taken: ReadonlySet<string>) => string): Figure[] {
  const out = [...figures]
  const taken = new Set(out.map((f) => f.id))
  const at = new Map<string, number>()
  out.forEach((f, i) => {
    if (!at.has(f.id)) at.set(f.id, i)
  })
  for (const c of plan.changes) {
    if (c.kind === 'update' && c.figureId) {
      const i = at.get(c.figureId)
      if (i !== undefined) out[i] = { ...c.after, id: c.figureId }
    } else if (c.kind === 'create') {
      const id = newId(taken)
      taken.add(id)
      out.push({ ...c.after, id })
    }
  }
  return out
}

/** A readable preview of a plan, one message per line: each change or problem, then the totals (the CLI prints this). */
export function describePlan(plan: ImportPlan, figures: readonly Figure[]): Message[] {
  if (plan.fatal) return [msg('sheet.planFatal', {}, { reason: plan.fatal })]
  const lines: Message[] = []
  const before = figureFormatter(figures)
  const after = figureFormatter(applyImport(figures, plan, (t) => `new${t.size}`))
  let n = figures.length
  for (const c of plan.changes) {
    if (c.kind === 'unchanged') continue
    if (c.kind === 'update') lines.push(msg('sheet.planUpdate', { name: c.name, before: before(c.figureId!).text, after: after(c.figureId!).text, fields: c.fields.join(', ') }))
    else lines.push(msg('sheet.planCreate', { name: c.name, after: after(`new${n++}`).text }))
  }
  for (const p of plan.problems) lines.push(msg(p.severity === 'error' ? 'sheet.planError' : 'sheet.planWarning', {}, { problem: p.message }))
  lines.push(msg('sheet.planTotals', summarizePlan(plan)))
  return lines
}

export function summarizePlan(plan: ImportPlan): { update: number; create: number; unchanged: number; skipped: number } {
  return {
    update: plan.changes.filter((c) => c.kind === 'update').length,
    create: plan.changes.filter((c) => c.kind === 'create').length,
    unchanged: plan.changes.filter((c) => c.kind === 'unchanged').length,
    skipped: plan.problems.filter((p) => p.severity === 'error' && p.row > 0).length,
  }
}
