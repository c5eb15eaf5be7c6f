import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useE2E } from '../helpers/e2e'

const e2e = useE2E()

async function openApp(): Promise<Page> {
  const { page } = await e2e.openApp()
  await page.locator('[data-testid=template-button]').waitFor()
  return page
}

describe('templates', () => {
  it('starts a new document from the annual template with its skeleton and unfilled fields', async () => {
    const page = await openApp()
    await page.click('[data-testid=template-button]')
    await page.click('[data-template=annual]')
    await page.locator('.dd-title').waitFor()
    const outline = await page.locator('.outline li[data-key] .outline-jump').allInnerTexts()
    expect(outline.filter((h) => /^[一二三四]、/.test(h))).toEqual(['一、基本情况', '二、主要工作及成效', '三、存在的问题', '四、下一步工作打算'])
    expect(await page.locator('.dd-figure').count()).toBeGreaterThan(5)
    expect(await page.locator('.dd-figure').first().innerText()).toMatch(/^〔.+〕$/)
    await page.screenshot({ path: 'test-results/template-annual.png' })
  })
})

/** A new document of a title and one paragraph, with a 整理 command chosen from the toolbar. */
async function cleanupOf(title: string, paragraph: string, command: string): Promise<Page> {
  const page = await e2e.newDocument(title)
  await page.keyboard.insertText(paragraph)
  await page.click('[data-testid=cleanup-button]')
  await page.click(`text=${command}`)
  return page
}

describe('cleanup', () => {
  it('the 整理 menu closes on Esc and on a click back in the text, the mouse never leaving it', async () => {
    const page = await e2e.newDocument('菜单')
    await page.keyboard.insertText('今年以来,我们开展活动。')
    const menu = page.locator('.menu-anchor:has([data-testid=cleanup-button]) [role=menu]')
    const button = page.locator('[data-testid=cleanup-button]')
    await button.click()
    await menu.waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => menu.count()).toBe(0)
    await button.click()
    await menu.waitFor()
    // mousedown in the text far from the menu, with no mouse movement over the menu first
    const box = (await page.locator('.document-body .dd-paragraph').first().boundingBox())!
    await page.mouse.move(box.x + 10, box.y + box.height / 2, { steps: 1 })
    await page.mouse.down()
    await page.mouse.up()
    await expect.poll(() => menu.count()).toBe(0)
    expect(await button.getAttribute('aria-expanded')).toBe('false')
  })

  it('previews half-width punctuation fixes and applies them as one undo step', async () => {
    const page = await cleanupOf('标点', '今年以来,我们开展活动(共12场);投入资金1,000元.', '半角标点改为全角')
    await expect.poll(() => page.locator('[data-testid=cleanup-changes] li').count()).toBeGreaterThan(0)
    await page.click('button:has-text("全部应用")')
    await expect.poll(() => page.locator('.dd-paragraph').first().innerText()).toBe('今年以来，我们开展活动（共12场）；投入资金1,000元.')
    await page.locator('.document-body').click()
    await page.keyboard.press('Control+Z')
    await expect.poll(() => page.locator('.dd-paragraph').first().innerText()).toBe('今年以来,我们开展活动(共12场);投入资金1,000元.')
  })

  it('converts Traditional to Simplified', async () => {
    const page = await cleanupOf('工作總結', '全年組織學習會議，學習氛圍濃厚。', '繁体转简体')
    await page.click('button:has-text("全部应用")')
    await expect.poll(() => page.locator('.dd-paragraph').first().innerText()).toBe('全年组织学习会议，学习氛围浓厚。')
    expect(await page.locator('.dd-title').innerText()).toBe('工作总结')
  })
  it('Esc closes the preview without changing anything and the keyboard goes back to the text', async () => {
    const page = await cleanupOf('标点', '全年开展活动,共12场', '半角标点改为全角')
    const preview = page.getByRole('dialog', { name: '半角标点改为全角' })
    await preview.locator('[data-testid=cleanup-changes]').waitFor()
    // the keyboard is in the preview at once (全部应用 is focused), so Esc reaches it
    expect(await page.evaluate(() => !!document.activeElement?.closest('.modal'))).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => preview.count()).toBe(0)
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.document-body'))).toBe(true)
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('。')
    await expect.poll(() => page.locator('.dd-paragraph').first().innerText()).toBe('全年开展活动,共12场。')
  })
})
