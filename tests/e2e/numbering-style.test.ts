/**
 * The writer's numbering style in the editor: a summary numbered "一、" then "1、" imports with
 * "1、" in the text, the outline and the exported PDF; 序号样式 changes it and Ctrl+Z brings it back.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { outlineEntries, useE2E } from '../helpers/e2e'
import { toolbarClick } from '../helpers/shell'

const e2e = useE2E()

/** The numbering style of the one document in the library, as stored. */
async function storedNumbering(dataDir: string) {
  const services = createServices({ dataDir })
  try {
    const [summary] = await callApi(services.handlers, 'documents.list', {})
    return (await callApi(services.handlers, 'documents.get', { id: summary!.id })).model.numbering
  } finally {
    services.close()
  }
}

// our own words: a small office's summary, its items numbered 1、 under 一、
const TXT = [
  '档案室2025年工作总结',
  '一、主要工作',
  '1、完成档案整理。全年整理文书档案3000余件。',
  '2、推进数字化。扫描历史档案800卷。',
  '二、下步打算',
  '1、完善借阅制度。规范查阅流程。',
].join('\n')

describe('numbering style', () => {
  it('an import keeps "1、" in the editor, the outline and the PDF; 序号样式 changes it, Ctrl+Z restores it', async () => {
    const { page, dataDir } = await e2e.openApp()
    await page.locator('[data-testid=import-button]').waitFor()
    const file = path.join(e2e.tempDir(), '档案室总结.txt')
    fs.writeFileSync(file, TXT)
    await page.setInputFiles('[data-testid=import-input]', file)
    await expect.poll(() => page.locator('[data-testid=import-report]').innerText(), { timeout: 15_000 }).toContain('标题 5 个')
    await page.click('button:has-text("导入为新文稿")')
    await page.locator('.dd-title', { hasText: '档案室2025年工作总结' }).waitFor()
    const typed = ['一、主要工作', '1、完成档案整理。', '2、推进数字化。', '二、下步打算', '1、完善借阅制度。']
    await expect.poll(() => outlineEntries(page), { timeout: 15_000 }).toEqual(typed)
    // the number the editor shows before the heading (CSS ::before from data-number)
    await expect.poll(() => page.locator('.document-body [data-number]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.number))).toEqual(['一、', '1、', '2、', '二、', '1、'])

    // the exported PDF prints the numbers as typed
    await toolbarClick(page, '[data-testid=open-output]')
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=export-pdf]')])
    const pdf = path.join(e2e.tempDir(), 'out.pdf')
    await download.saveAs(pdf)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '')
    expect(text).toContain('1、完成档案整理')
    expect(text).toContain('2、推进数字化')
    expect(text).not.toMatch(/1\.完成档案整理/)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid=output-dialog]').count()).toBe(0)

    // 整理 → 序号样式: the GB/T "1." for level 3, at once everywhere
    await page.click('[data-testid=cleanup-button]')
    await page.click('[data-testid=numbering-style]')
    await page.selectOption('[data-testid=numbering-level3]', '1.')
    await page.screenshot({ path: path.resolve('test-results/numbering-style.png') })
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作', '1.完成档案整理。', '2.推进数字化。', '二、下步打算', '1.完善借阅制度。'])
    await page.click('[data-testid=numbering-done]')
    // one undo brings the writer's style back
    await page.locator('.document-body').click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => outlineEntries(page)).toEqual(typed)

    // the style is saved with the text
    await page.click('[data-testid=cleanup-button]')
    await page.click('[data-testid=numbering-style]')
    await page.selectOption('[data-testid=numbering-level3]', '1．')
    await page.click('[data-testid=numbering-done]')
    await expect.poll(() => outlineEntries(page)).toContain('2．推进数字化。')
    await expect.poll(() => storedNumbering(dataDir), { timeout: 15_000 }).toEqual({ level3: '1．' })
  }, 180_000)
})
