/** 新年度底稿 through the API and the CLI, in Chinese and with --lang en. */
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import type { SummaryDocument } from '../../shared/document/model'
import { cli } from '../helpers/cli'
import { useTempDirs } from '../helpers/tempDir'
import { libraryWith } from '../helpers/documents'

const tempDir = useTempDirs()

const model: SummaryDocument = {
  version: 1,
  title: '2024年度宣传工作总结',
  blocks: [
    { type: 'paragraph', children: [{ type: 'text', text: '2024年召开会议' }, { type: 'figure', figureId: 'm' }, { type: 'text', text: '，同比增长20%。' }] },
    { type: 'heading', level: 1, title: [{ type: 'text', text: '2025年工作打算' }] },
  ],
  figures: [
    { id: 'm', name: '会议次数', value: 12, unit: '次', lastYear: 10 },
    { id: 'u', name: '单位名称', value: '宣传部' },
  ],
  signature: { organization: '宣传部', date: '2024-12-30', dateStyle: 'arabic' },
}

const libraryWithDocument = () => libraryWith(tempDir, model)

describe('documents.rollover', () => {
  it('previews without storing, then creates the new year’s document and leaves the source alone', async () => {
    const { dir, id } = await libraryWithDocument()
    const services = createServices({ dataDir: dir })
    try {
      const preview = await callApi(services.handlers, 'documents.rollover', { id, apply: false })
      expect(preview.record).toBeNull()
      expect(preview.plan).toMatchObject({ fromYear: 2024, toYear: 2025, yearSource: 'signature', title: '2025年度宣传工作总结', clearsDate: true })
      expect((await callApi(services.handlers, 'documents.list', {})).length).toBe(1)

      const { plan, record } = await callApi(services.handlers, 'documents.rollover', { id, toYear: 2025, apply: true })
      expect(plan.years.map((c) => `${c.before}→${c.after}`)).toEqual(['2024→2025', '2024→2025', '2025→2026'])
      expect(record!.model.title).toBe('2025年度宣传工作总结')
      expect(record!.model.figures).toEqual([{ id: 'm', name: '会议次数', value: null, unit: '次', lastYear: 12 }, model.figures[1]])
      expect(record!.model.signature).toEqual({ organization: '宣传部', dateStyle: 'arabic' })
      expect((await callApi(services.handlers, 'documents.get', { id })).model).toEqual(model)
      await expect(callApi(services.handlers, 'documents.rollover', { id, toYear: 2023, apply: true })).rejects.toMatchObject({ code: 'documents.rolloverYear' })
    } finally {
      services.close()
    }
  })
})

describe('rollover CLI', () => {
  it('prints the changes and the new id in Chinese; --dry-run stores nothing', async () => {
    const { dir, id } = await libraryWithDocument()
    const dry = await cli(['rollover', id, '--year', '2025', '--dry-run', '--data-dir', dir])
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('年份改动 3 处')
    expect(dry.out).toContain('标题\t2024 → 2025')
    expect(dry.out).toContain('会议次数\t上年 12')
    expect(dry.out).toContain('未保存')
    const list = await cli(['list', '--json', '--data-dir', dir])
    expect(JSON.parse(list.out)).toHaveLength(1)

    const made = await cli(['rollover', id, '--data-dir', dir])
    expect(made.code).toBe(0)
    const newId = /已新建《2025年度宣传工作总结》：(\S+)/.exec(made.out)?.[1]
    expect(newId).toBeTruthy()
    const shown = await cli(['show', newId!, '--json', '--data-dir', dir])
    expect(JSON.parse(shown.out).figures[0]).toMatchObject({ value: null, lastYear: 12 })
  })

  it('speaks English with --lang en, prints JSON, and refuses a year that is not after the document’s', async () => {
    const { dir, id } = await libraryWithDocument()
    const en = await cli(['rollover', id, '--dry-run', '--lang', 'en', '--data-dir', dir])
    expect(en.out).toContain('3 year changes:')
    expect(en.out).toContain('1 figure to refill:')
    expect(en.out).toContain('(--dry-run: not saved)')
    const json = await cli(['rollover', id, '--json', '--data-dir', dir])
    const result = JSON.parse(json.out)
    expect(result.record.model.title).toBe('2025年度宣传工作总结')
    expect(result.plan.figures).toEqual([{ id: 'm', name: '会议次数', lastYear: 12, computed: false }])
    const early = await cli(['rollover', id, '--year', '2024', '--lang', 'en', '--data-dir', dir])
    expect(early.code).not.toBe(0)
    expect(early.err).toContain('must come after it, not 2024')
    const zh = await cli(['rollover', id, '--year', 'abc', '--data-dir', dir])
    expect(zh.code).not.toBe(0)
    expect(zh.err).toContain('--year 须是四位年份')
  })
})
