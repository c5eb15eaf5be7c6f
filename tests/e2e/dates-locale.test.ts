/**
 * Every date and time the app shows reads 2025年12月31日 (14:05) in a browser whose locale is
 * English, where toLocaleString would give 12/31/2025: the document list, 版本记录, 备份, the 定稿
 * list. (批注 times: team-review.test.ts; 成文日期: output-ask.test.ts.)
 */
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { sampleDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { toolbarClick } from '../helpers/shell'

const e2e = useE2E()
const DATE_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}(:\d{2})?$/

describe('dates in an English browser', () => {
  it('read 2025年12月31日 14:05 in the list, 版本记录, 备份 and 定稿', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    const doc = await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument('2025年度工作总结') })
    await callApi(services.handlers, 'documents.snapshot', { id: doc.id, reason: 'manual' })
    await callApi(services.handlers, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    services.close()
    const shell = await e2e.startShell(dataDir)
    const page = await e2e.browser().newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' })
    await page.goto(shell.url)
    await page.locator('.app').waitFor()
    // the browser's own formatting is English here: what the app shows is its own
    expect(await page.evaluate(() => new Date(2025, 11, 31).toLocaleDateString())).toBe('12/31/2025')

    await expect.poll(() => page.locator('.doc-open .doc-meta').first().innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()

    await page.click('[data-testid=open-history]')
    const times = page.locator('[data-testid=revision-item] .rev-time')
    await times.first().waitFor()
    for (const text of await times.allInnerTexts()) expect(text).toMatch(DATE_TIME)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid=revision-item]').count()).toBe(0)

    await toolbarClick(page, '[data-testid=open-output]')
    await expect.poll(() => page.locator('[data-testid=finals] li').first().innerText()).toMatch(/张三 · \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} · /)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid=output-dialog]').count()).toBe(0)

    await page.click('[data-testid=backups-button]')
    await page.click('[data-testid=backup-now]')
    const backupTime = page.locator('[data-testid=backups-dialog] tbody tr td').first()
    await backupTime.waitFor({ timeout: 15_000 })
    expect(await backupTime.innerText()).toMatch(DATE_TIME)
    expect(await page.locator('[data-testid=backups-dialog]').innerText()).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/)
  })
})
