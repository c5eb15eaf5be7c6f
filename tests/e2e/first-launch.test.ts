import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { typeWithIme, waitSaved } from '../helpers/shell'
import { useE2E } from '../helpers/e2e'

const e2e = useE2E()

/** The app on a fresh (empty) library at a laptop's size, as on the first launch. */
async function firstLaunch(): Promise<Page> {
  const { page } = await e2e.openApp()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.locator('[data-testid=welcome]').waitFor()
  return page
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null)
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.modal'))

// Our own words: a made-up street office's summary from last year.
const LAST_YEAR = ['南湖街道2025年度平安建设工作总结', '', '一、主要工作', '（一）排查隐患。全年走访商户xx家。', '二、下一步打算', '继续抓好平安建设。'].join('\n')

describe('first launch', () => {
  it('an empty library shows the three ways to start, each one a button', async () => {
    const page = await firstLaunch()
    const welcome = page.locator('[data-testid=welcome]')
    expect(await welcome.locator('h1').innerText()).toBe('开始写第一篇总结')
    expect(await welcome.locator('button strong').allInnerTexts()).toEqual(['导入去年的总结…', '从模板开始', '新建空白文稿'])
    // the whole choice is on screen at 1366×768
    const box = (await welcome.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(768)
    await page.screenshot({ path: 'test-results/first-launch-welcome.png' })
  })

  it('新建空白文稿 puts the caret in the title: IME typing lands there without a click', async () => {
    const page = await firstLaunch()
    await page.click('[data-testid=welcome-new]')
    await page.locator('.dd-title').waitFor()
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.document-body')), { timeout: 15_000 }).toBe(true)
    await typeWithIme(page, 'nianduzongjie', '年度总结')
    await expect.poll(() => page.locator('.dd-title').innerText()).toBe('年度总结')
    // the welcome is gone once the library holds a document
    expect(await page.locator('[data-testid=welcome]').count()).toBe(0)
  })

  it('从模板开始: the keyboard goes into the picker, Tab stays inside it, Esc closes it and returns to the button', async () => {
    const page = await firstLaunch()
    await page.click('[data-testid=welcome-template]')
    const picker = page.getByRole('dialog', { name: '从模板新建' })
    await picker.waitFor()
    expect(await focusInDialog(page)).toBe(true)
    // more Tabs than the picker has controls: the keyboard never reaches the page behind it
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      expect(await focusInDialog(page)).toBe(true)
    }
    await page.keyboard.press('Shift+Tab')
    expect(await focusInDialog(page)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => picker.count()).toBe(0)
    expect(await focused(page)).toBe('welcome-template')
    // and Enter on a template (keyboard only) makes the document, with the caret in it
    await page.keyboard.press('Enter')
    await picker.waitFor()
    await page.keyboard.press('Enter')
    await page.locator('.dd-title').waitFor()
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.document-body')), { timeout: 15_000 }).toBe(true)
  })

  it('导入去年的总结: Esc closes the import preview; importing opens the document with the keyboard in it', async () => {
    const page = await firstLaunch()
    const file = path.join(e2e.tempDir(), '去年的总结.txt')
    fs.writeFileSync(file, LAST_YEAR)
    const chooser = page.waitForEvent('filechooser')
    await page.click('[data-testid=welcome-import]')
    await (await chooser).setFiles(file)
    const dialog = page.getByRole('dialog', { name: '导入' })
    await dialog.locator('[data-testid=import-report]').waitFor({ timeout: 15_000 })
    expect(await focusInDialog(page)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await page.locator('.doc-list .doc-open').count()).toBe(0)

    const again = page.waitForEvent('filechooser')
    await page.click('[data-testid=welcome-import]')
    await (await again).setFiles(file)
    await dialog.locator('[data-testid=import-report]').waitFor({ timeout: 15_000 })
    await dialog.getByRole('button', { name: /导入为新文稿/ }).click()
    await expect.poll(() => page.locator('.dd-title').innerText(), { timeout: 15_000 }).toBe('南湖街道2025年度平安建设工作总结')
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.document-body')), { timeout: 15_000 }).toBe(true)
  })
  it('in English nothing is cut off or left in Chinese: the list buttons, the welcome, the empty title line', async () => {
    const page = await firstLaunch()
    await page.locator('select.language').selectOption('en')
    await expect.poll(() => page.locator('[data-testid=welcome] h1').innerText()).toBe('Start your first summary')
    // each of 新建文稿 / 模板 / 导入… shows its whole English label inside the 260px list
    const list = (await page.locator('.doc-list').boundingBox())!
    for (const button of await page.locator('.doc-list-head .row-buttons button').all()) {
      const fits = await button.evaluate((b) => b.scrollWidth <= b.clientWidth && b.getClientRects().length === 1)
      const box = (await button.boundingBox())!
      expect(fits, await button.innerText()).toBe(true)
      expect(box.x + box.width).toBeLessThanOrEqual(list.x + list.width)
    }
    await page.click('[data-testid=welcome-new]')
    await page.locator('.dd-title').waitFor()
    const placeholder = await page.locator('.dd-title').evaluate((el) => getComputedStyle(el, '::before').content)
    expect(placeholder).toBe('"Title"')
    await page.screenshot({ path: 'test-results/first-launch-english.png' })
  })

  it('a library whose only document is in the 回收站 says so and opens the 回收站, besides the three starts', async () => {
    const page = await e2e.newDocument('2025年度后勤保障工作总结')
    await waitSaved(page)
    const doc = page.locator('.doc-list li', { hasText: '2025年度后勤保障工作总结' })
    await doc.hover()
    await doc.locator('button[title=删除]').click()
    const welcome = page.locator('[data-testid=welcome]')
    await welcome.waitFor()
    // not "还是空的": the writer's work is not gone
    await expect.poll(() => welcome.locator('h1').innerText(), { timeout: 15_000 }).toBe('文稿都在回收站里')
    const lead = await page.locator('[data-testid=welcome-lead]').innerText()
    expect(lead).toContain('回收站里有 1 篇文稿')
    expect(lead).not.toContain('还是空的')
    expect(await welcome.locator('.welcome-choices button strong').allInnerTexts()).toEqual(['导入去年的总结…', '从模板开始', '新建空白文稿'])
    await page.screenshot({ path: 'test-results/first-launch-welcome-trash.png' })

    await page.click('[data-testid=welcome-trash]')
    const trashed = page.locator('.doc-list li', { hasText: '2025年度后勤保障工作总结' })
    await trashed.waitFor()
    await trashed.getByRole('button', { name: '恢复' }).click()
    await page.getByRole('button', { name: /返回文稿/ }).click()
    await expect.poll(() => page.locator('.doc-list .doc-title').allInnerTexts()).toEqual(['2025年度后勤保障工作总结'])
    expect(await welcome.count()).toBe(0)
  })
})
