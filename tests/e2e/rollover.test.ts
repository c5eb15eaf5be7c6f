/**
 * 新年度底稿 end to end: a 2024 summary rolled over from the document list, the preview, 创建, and
 * the new document open with the 数据表 showing the unfilled figures and last year's values.
 */
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import type { SummaryDocument } from '../../shared/document/model'
import { useE2E } from '../helpers/e2e'
import { waitSaved } from '../helpers/shell'

const e2e = useE2E()

const summary: SummaryDocument = {
  version: 1,
  title: '2024年度宣传工作总结',
  blocks: [
    { type: 'paragraph', children: [{ type: 'text', text: '2024年召开会议' }, { type: 'figure', figureId: 'm' }, { type: 'text', text: '，发放资料' }, { type: 'figure', figureId: 'p' }, { type: 'text', text: '。' }] },
    { type: 'heading', level: 1, title: [{ type: 'text', text: '2025年工作打算' }] },
  ],
  figures: [
    { id: 'm', name: '会议次数', value: 12, unit: '次', lastYear: 10 },
    { id: 'p', name: '发放资料', value: 1000, qualifier: '余', unit: '份' },
  ],
  signature: { organization: '宣传部', date: '2024-12-30', dateStyle: 'arabic' },
}

describe('新年度底稿', () => {
  it('previews the changes, creates the 2025 draft and opens it with the figures to refill', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    await callApi(services.handlers, 'documents.create', { title: summary.title, model: summary })
    services.close()
    const { page } = await e2e.openApp(dataDir)

    const item = page.locator('.doc-list li', { hasText: '2024年度宣传工作总结' })
    await item.hover()
    await item.locator('button[title="新年度底稿…"]').click()
    const dialog = page.locator('.rollover-dialog')
    await expect.poll(() => dialog.locator('[data-testid=rollover-years] li').count()).toBe(3)
    expect(await dialog.innerText()).toContain('2024年 → 2025年')
    expect(await dialog.locator('[data-testid=rollover-title]').innerText()).toContain('2025年度宣传工作总结')
    expect(await dialog.locator('[data-testid=rollover-years]').innerText()).toContain('2026')
    expect(await dialog.locator('[data-testid=rollover-figures] li').allInnerTexts()).toEqual(['会议次数 上年 12', '发放资料 上年 1000'])
    await dialog.locator('[data-testid=rollover-create]').click()

    await expect.poll(() => page.locator('.dd-title').innerText()).toBe('2025年度宣传工作总结')
    await expect.poll(() => page.locator('.doc-title').allInnerTexts()).toContain('2025年度宣传工作总结')
    expect(await page.locator('.document-body .dd-figure').allInnerTexts()).toEqual(['〔会议次数〕', '〔发放资料〕'])
    expect(await page.locator('.document-body').textContent()).toContain('2026年工作打算')

    // the 数据表 is open: unfilled values, last year's values beside them
    const grid = page.locator('[data-testid=figure-grid]')
    await grid.waitFor()
    const row = (name: string) => page.locator('.figure-grid tr', { has: page.locator('td.col-name', { hasText: name }) })
    expect(await row('会议次数').locator('td.col-value').innerText()).toBe('未填写')
    expect(await row('会议次数').locator('td.col-lastYear').innerText()).toContain('12')
    expect(await row('发放资料').locator('td.col-lastYear').innerText()).toContain('1000')

    // fill one: the text follows and 同比 appears
    await row('会议次数').locator('td.col-value').click()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText('15')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.document-body .dd-figure').allInnerTexts()).toEqual(['15次', '〔发放资料〕'])
    await expect.poll(() => row('会议次数').locator('td.col-comparison').innerText()).toContain('25%')
    await waitSaved(page)
  })
})
