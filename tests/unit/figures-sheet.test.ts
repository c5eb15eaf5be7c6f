import { describe, expect, it } from 'vitest'
import type { Figure } from '../../shared/document/model'
import { applyImport, describePlan, figuresToRows, parseCsv, planImport, summarizePlan, toCsv } from '../../shared/figures/sheet'
import { messageText } from '../../shared/errors'

const figures: Figure[] = [
  { id: 'a', name: '会议次数', value: 3, unit: '次' },
  { id: 'b', name: '发放宣传资料', value: 1000, qualifier: '余', unit: '份', lastYear: 800, note: '含"折页"' },
  { id: 'c', name: '调解率', value: null, unit: '%', formula: 'round(a / b, 1)' },
]

describe('CSV', () => {
  it('writes and reads back quotes, commas and line breaks', () => {
    const rows = [['名称', '备注'], ['a,b', '第一行\n第二行'], ['引号"', ' 空格 ']]
    expect(parseCsv(toCsv(rows))).toEqual(rows)
  })
  it('reads a BOM, CRLF, semicolons or tabs, and skips blank lines', () => {
    expect(parseCsv('\uFEFF名称;数值\r\n会议次数;5\r\n\r\n')).toEqual([['名称', '数值'], ['会议次数', '5']])
    expect(parseCsv('名称\t数值\n会议次数\t5')).toEqual([['名称', '数值'], ['会议次数', '5']])
  })
})

describe('spreadsheet import', () => {
  it('round-trips the exported table: nothing changes', () => {
    const rows = figuresToRows(figures, new Map([['a', 2]]))
    expect(rows[0]).toEqual(['名称', '数值', '单位', '修饰词', '样式', '公式', '去年', '备注', '显示', '同比', '使用次数'])
    expect(rows[2]).toEqual(['发放宣传资料', 1000, '份', '余', '', '', 800, '含"折页"', '1000余份', '同比增长25%，增加200份', 0])
    const plan = planImport(figures, parseCsv(toCsv(rows)))
    expect(plan.fatal).toBeUndefined()
    expect(plan.problems).toEqual([])
    expect(summarizePlan(plan)).toEqual({ update: 0, create: 0, unchanged: 3, skipped: 0 })
  })

  it('updates by name, creates new figures, and previews the change', () => {
    const plan = planImport(figures, [['名称', '数值', '单位'], ['会议次数', 5, '次'], ['新指标', '12', '个'], ['发放宣传资料', '1200余', '份']])
    expect(plan.changes.map((c) => [c.kind, c.name, c.fields])).toEqual([
      ['update', '会议次数', ['value']],
      ['create', '新指标', ['unit', 'value']],
      ['update', '发放宣传资料', ['value']],
    ])
    const next = applyImport(figures, plan, () => 'new1')
    expect(next.find((f) => f.name === '会议次数')).toEqual({ id: 'a', name: '会议次数', value: 5, unit: '次' })
    expect(next.find((f) => f.id === 'new1')).toEqual({ id: 'new1', name: '新指标', value: 12, unit: '个' })
    expect(next.find((f) => f.id === 'b')).toMatchObject({ value: 1200, qualifier: '余' })
    expect(describePlan(plan, figures).map((m) => messageText(m))).toEqual([
      '更新 「会议次数」：3次 → 5次（value）',
      '新增 「新指标」：12个',
      '更新 「发放宣传资料」：1000余份 → 1200余份（value）',
      '共：更新 2 项，新增 1 项，未变 0 项，跳过 0 行',
    ])
  })

  it('explains bad sheets and bad rows, and skips only the bad rows', () => {
    expect(planImport(figures, [['项', '值'], ['a', '1']]).fatal).toEqual({ code: 'sheet.noNameColumn', params: { header: '项、值' } })
    expect(messageText(planImport(figures, [['项', '值'], ['a', '1']]).fatal!)).toContain('找不到“名称”列')
    expect(planImport(figures, []).fatal).toEqual({ code: 'sheet.emptyTable', params: {} })
    expect(messageText(planImport(figures, []).fatal!)).toBe('表格是空的')
    expect(messageText(planImport(figures, [['名称'], ['a']]).fatal!)).toContain('没有可导入的列')
    const plan = planImport(figures, [
      ['名称', '数值', '颜色', '修饰词'],
      ['会议次数', '很多', '红', ''],
      ['会议次数', '4', '', ''],
      ['', '9', '', ''],
      ['发放宣传资料', '99999999999999999', '', ''],
      ['新的', '7', '', '大约'],
      ['调解率', '50', '', ''],
    ])
    expect(plan.ignoredColumns).toEqual(['颜色'])
    expect(plan.problems.map((p) => p.message.code)).toEqual(['sheet.ignoredColumns', 'sheet.rowNotImported', 'sheet.duplicateName', 'sheet.rowWithoutName', 'sheet.rowNotImported', 'sheet.rowNotImported'])
    expect(plan.problems.map((p) => messageText(p.message))).toEqual([
      '不认识的列已忽略：颜色',
      '第2行「会议次数」未导入：「会议次数」需要数字，例如 3、1000余、九 或 560.49；“很多”不是数字',
      '第3行的「会议次数」与第2行重名，已跳过第3行',
      '第4行没有名称，已跳过',
      '第5行「发放宣传资料」未导入：数值过大：99999999999999999（不能超过 10 的 15 次方）',
      '第6行「新的」未导入：修饰词“大约”无效（可用：余、多、近、约、以上）',
    ])
    // a computed figure keeps its formula: its value column is ignored
    expect(plan.changes).toEqual([expect.objectContaining({ kind: 'unchanged', name: '调解率' })])
  })
})
