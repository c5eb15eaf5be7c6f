/**
 * The figure table through the CLI and the services: `figures list/set/import` on stored
 * documents, and spreadsheets (.xlsx through exceljs, CSV in UTF-8 and GB18030) both ways.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readSheet, writeSheet } from '../../electron/services/figures/store'
import type { SummaryDocument } from '../../shared/document/model'
import { planImport } from '../../shared/figures/sheet'
import { cli } from '../helpers/cli'
import { useTempDirs } from '../helpers/tempDir'
import { libraryWith } from '../helpers/documents'

const tempDir = useTempDirs()

const model: SummaryDocument = {
  version: 1,
  title: '宣传工作总结',
  blocks: [
    { type: 'paragraph', children: [{ type: 'text', text: '召开会议' }, { type: 'figure', figureId: 'm' }, { type: 'text', text: '，发放资料' }, { type: 'figure', figureId: 'p' }, { type: 'figure', figureId: 'p' }] },
  ],
  figures: [
    { id: 'm', name: '会议次数', value: null, unit: '次' },
    { id: 'p', name: '发放资料', value: 1000, qualifier: '余', unit: '份', lastYear: 800 },
    { id: 'r', name: '人均', value: null, formula: 'round(发放资料 / 会议次数, 1)' },
  ],
}

const libraryWithDocument = () => libraryWith(tempDir, model)

describe('figures CLI', () => {
  it('lists figures as JSON with what they show, their uses and errors', async () => {
    const { dir, id } = await libraryWithDocument()
    const { code, out } = await cli(['figures', 'list', id, '--json', '--data-dir', dir])
    expect(code).toBe(0)
    const items = JSON.parse(out)
    expect(items).toEqual([
      { figure: model.figures[0], text: '〔会议次数〕', unfilled: true, uses: 1 },
      { figure: model.figures[1], text: '1000余份', unfilled: false, uses: 2, comparison: '同比增长25%，增加200份' },
      { figure: model.figures[2], text: '〔人均〕', unfilled: true, uses: 0, problem: { code: 'formula.unfilled', params: { name: '会议次数' } } },
    ])
    const plain = await cli(['figures', 'list', id, '--data-dir', dir])
    expect(plain.out).toContain('发放资料\t1000余份\t2处')
  })

  it('sets values as the table reads them, with clear messages for bad input', async () => {
    const { dir, id } = await libraryWithDocument()
    expect(await cli(['figures', 'set', id, '会议次数', '十二', '--data-dir', dir])).toMatchObject({ code: 0, out: '已更新「会议次数」：十二次（正文1处）' })
    const list = JSON.parse((await cli(['figures', 'list', id, '--json', '--data-dir', dir])).out)
    expect(list[2]).toMatchObject({ text: '83.3', computed: 83.3 })
    expect(await cli(['figures', 'set', id, '会议次数', '很多', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('需要数字') })
    expect(await cli(['figures', 'set', id, '会议', '3', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('是不是：「会议次数」') })
    expect(await cli(['figures', 'set', id, '单位名称', '枫桥街道', '--create', '--data-dir', dir])).toMatchObject({ code: 0, out: expect.stringContaining('已新增「单位名称」：枫桥街道') })
    expect(await cli(['figures', 'set', id, '--data-dir', dir])).toMatchObject({ code: 2 })
    // the stored document is still valid and keeps the references
    const shown = JSON.parse((await cli(['show', id, '--json', '--data-dir', dir])).out) as SummaryDocument
    expect(shown.figures.find((f) => f.name === '会议次数')).toMatchObject({ value: 12, style: 'chinese' })
    expect(shown.blocks).toEqual(model.blocks)
  })

  it('imports a CSV (GB18030, as Excel on Chinese Windows saves it) and an .xlsx, previewing with --dry-run', async () => {
    const { dir, id } = await libraryWithDocument()
    const csv = path.join(dir, '数据.csv')
    // GB18030 bytes of "名称,数值\r\n会议次数,5\r\n新指标,7个\r\n"
    const gb = Buffer.from('c3fbb3c62ccafdd6b50d0abbe1d2e9b4cecafd2c350d0ad0c2d6b8b1ea2c37b8f60d0a', 'hex')
    fs.writeFileSync(csv, gb)
    const dry = await cli(['figures', 'import', id, csv, '--dry-run', '--data-dir', dir])
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('更新 「会议次数」：〔会议次数〕 → 5次')
    expect(dry.out).toContain('新增 「新指标」：7个')
    expect(dry.out).toContain('未保存')
    expect(JSON.parse((await cli(['figures', 'list', id, '--json', '--data-dir', dir])).out)[0].text).toBe('〔会议次数〕')

    const xlsx = path.join(dir, '数据.xlsx')
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('数据表')
    sheet.addRow(['名称', '数值', '备注'])
    sheet.addRow(['会议次数', 6, '办公室'])
    sheet.addRow(['发放资料', { formula: '1000+200', result: 1200 }, null])
    await book.xlsx.writeFile(xlsx)
    const done = await cli(['figures', 'import', id, xlsx, '--data-dir', dir])
    expect(done.code).toBe(0)
    expect(done.out).toContain('已导入')
    const list = JSON.parse((await cli(['figures', 'list', id, '--json', '--data-dir', dir])).out)
    expect(list.map((i: { text: string }) => i.text)).toEqual(['6次', '1200余份', '200'])
    expect(list[0].figure.note).toBe('办公室')

    // a sheet that cannot be imported says why, and changes nothing
    const bad = path.join(dir, 'bad.csv')
    fs.writeFileSync(bad, '项目名,值\n会议次数,9\n')
    expect(await cli(['figures', 'import', id, bad, '--data-dir', dir])).toMatchObject({ code: 1, out: expect.stringContaining('找不到“名称”列') })
    fs.writeFileSync(path.join(dir, 'old.xls'), 'x')
    expect(await cli(['figures', 'import', id, path.join(dir, 'old.xls'), '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('另存为') })
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), 'not a zip')
    expect(await cli(['figures', 'import', id, path.join(dir, 'fake.xlsx'), '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('不是有效的 .xlsx') })
  })

  it('writes .xlsx and CSV that read back to the same table', async () => {
    const uses = new Map([['p', 2]])
    const xlsx = await writeSheet(model.figures, uses, 'xlsx', '宣传/工作总结')
    expect(xlsx.fileName).toBe('宣传_工作总结-数据表.xlsx')
    const rowsX = await readSheet(xlsx.fileName, xlsx.bytes)
    expect(rowsX[2]).toEqual(['发放资料', 1000, '份', '余', null, null, 800, null, '1000余份', '同比增长25%，增加200份', 2])
    expect(planImport(model.figures, rowsX).changes.every((c) => c.kind === 'unchanged')).toBe(true)
    const csv = await writeSheet(model.figures, uses, 'csv', '宣传工作总结')
    expect(csv.bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    const rowsC = await readSheet(csv.fileName, csv.bytes)
    expect(planImport(model.figures, rowsC).changes.every((c) => c.kind === 'unchanged')).toBe(true)
  })
})
