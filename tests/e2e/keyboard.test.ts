/**
 * A writer who works from the keyboard alone: the document list's own commands (重命名, 删除 …)
 * are reached with Tab, not only by hovering with the mouse.
 */
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { useE2E } from '../helpers/e2e'
import { sampleDocument } from '../helpers/documents'
import { typeWithIme } from '../helpers/shell'

const e2e = useE2E()

describe('keyboard only', () => {
  it('Tab from a document in the list reaches 重命名; the new title is typed through the IME and kept', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument('旧的标题') })
    services.close()
    const { page } = await e2e.openApp(dataDir)
    await page.setViewportSize({ width: 1366, height: 768 })
    const item = page.locator('.doc-list li', { hasText: '旧的标题' })
    await item.locator('.doc-open').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('重命名')
    await page.keyboard.press('Enter')
    const input = page.getByRole('textbox', { name: '新的标题' })
    await input.waitFor()
    await page.keyboard.press('Control+A')
    await typeWithIme(page, 'xindebiaoti', '新的标题')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.doc-list .doc-title').allInnerTexts()).toEqual(['新的标题'])
    await page.screenshot({ path: 'test-results/keyboard-rename.png' })
  })
})
