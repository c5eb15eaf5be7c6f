/**
 * What the app derives from the text (the outline and its numbers and counts, 字数, the toolbar's
 * state) is worked out off the keystroke path; it must still be right a moment after typing stops,
 * and stay right after a save re-renders the window around the editor.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { waitSaved } from '../helpers/shell'
import { outlineEntries, useE2E } from '../helpers/e2e'

const e2e = useE2E()

const total = async (page: Page) => Number((await page.locator('[data-testid=char-count]').innerText()).replace(/\D/g, ''))
const sectionCount = (page: Page, title: string) => page.locator(`.outline li:has-text("${title}") .outline-count`).innerText()
const blockKind = (page: Page) => page.locator('.toolbar select').first().inputValue()

describe('what follows the typing', () => {
  it('keeps the outline, its counts, 字数 and the toolbar right as the writer types, and after a save', async () => {
    const page = await e2e.newDocument('派生测试')
    await page.keyboard.insertText('今年完成任务')
    await expect.poll(() => blockKind(page)).toBe('paragraph')
    // 字数 counts the title's characters too
    await expect.poll(() => total(page), { timeout: 15_000 }).toBe(10)

    // a typed marker makes a heading: the outline shows it numbered, the toolbar shows its level
    await page.keyboard.press('Enter')
    await page.keyboard.type('一、')
    await page.keyboard.insertText('主要工作')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作'])
    await expect.poll(() => blockKind(page)).toBe('1')

    // body text under it: the section's count and 字数 follow once typing stops
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('推进十项任务')
    await expect.poll(() => blockKind(page)).toBe('paragraph')
    await expect.poll(() => sectionCount(page, '主要工作'), { timeout: 15_000 }).toBe('10')
    await expect.poll(() => total(page), { timeout: 15_000 }).toBe(20)

    // the mark buttons follow the format at the caret
    await page.keyboard.press('Control+B')
    await expect.poll(() => page.locator('.toolbar .mark-bold').getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.insertText('重点')
    await page.keyboard.press('Control+B')
    await expect.poll(() => page.locator('.toolbar .mark-bold').getAttribute('aria-pressed')).toBe('false')
    await expect.poll(() => sectionCount(page, '主要工作'), { timeout: 15_000 }).toBe('12')

    // a save updates the document list around the editor; the editor keeps following the text
    await waitSaved(page)
    await expect.poll(() => page.locator('.doc-list li.active .doc-meta').innerText(), { timeout: 15_000 }).toContain('22')
    await page.keyboard.press('Enter')
    await page.keyboard.type('二、')
    await page.keyboard.insertText('存在问题')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作', '二、存在问题'])
    await page.locator('.dd-heading-1').first().click()
    await page.keyboard.press('End')
    await page.keyboard.insertText('情况')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作情况', '二、存在问题'])
    await expect.poll(() => sectionCount(page, '主要工作情况'), { timeout: 15_000 }).toBe('14')
    await expect.poll(() => total(page), { timeout: 15_000 }).toBe(28)

    // a subsection: its heading folds away in the outline and comes back
    // the last block is the 二、 heading: Ctrl+End puts the caret at its end whatever moves on screen
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+2')
    await page.keyboard.insertText('整改措施')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作情况', '二、存在问题', '（一）整改措施'])
    await page.locator('.outline li:has-text("存在问题") .outline-fold').click()
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作情况', '二、存在问题'])
    await page.locator('.outline li:has-text("存在问题") .outline-fold').click()
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作情况', '二、存在问题', '（一）整改措施'])
  })
})
