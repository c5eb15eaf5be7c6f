/**
 * The editor's right-click menu: 剪切/复制/粘贴 (paste through the async clipboard when the browser
 * allows it, a clear note when it does not), 加粗, 设为数据 on a number right-clicked, 存为素材
 * (covered in snippets.test.ts) and 插入素材.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useE2E } from '../helpers/e2e'

const e2e = useE2E()

const menu = (page: Page) => page.locator('[data-testid=editor-context-menu]')
const paragraph = (page: Page) => page.locator('.document-body .dd-paragraph').first()

/** The page position of the `index`-th character of the first paragraph's text. */
async function charPoint(page: Page, needle: string, index = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([needle, index]) => {
      const p = document.querySelector('.document-body .dd-paragraph')!
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(needle)
        if (at < 0) continue
        const r = document.createRange()
        r.setStart(n, at + index)
        r.setEnd(n, at + index + 1)
        const box = r.getBoundingClientRect()
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      }
      throw new Error(`no ${needle}`)
    },
    [needle, index] as const,
  )
}

describe('the editor’s context menu', () => {
  it('offers 设为数据 on a number right-clicked, 加粗 on a selection, and 插入素材', async () => {
    const page = await e2e.newDocument('右键菜单')
    await page.keyboard.insertText('全年检查企业136家，整改隐患。')
    // right-click on the 3 of 136: the number is selected and offered as a figure
    const at = await charPoint(page, '136', 1)
    await page.mouse.click(at.x, at.y, { button: 'right' })
    await menu(page).waitFor()
    expect(await page.locator('[data-testid=context-make-figure]').innerText()).toContain('设为数据（136）')
    expect(await menu(page).locator('[role=menuitem], [role=menuitemcheckbox]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('剪切'), expect.stringContaining('复制'), expect.stringContaining('粘贴'), expect.stringContaining('加粗'), expect.stringContaining('存为素材'), expect.stringContaining('插入素材')]),
    )
    await page.screenshot({ path: 'test-results/context-menu.png' })
    await page.click('[data-testid=context-make-figure]')
    await page.locator('[data-testid=make-figure-apply]').click()
    await expect.poll(() => page.locator('.document-body .dd-figure').count()).toBe(1)
    expect(await page.locator('.document-body .dd-figure').innerText()).toContain('136')

    // no number under the pointer: no 设为数据; 加粗 on the selection
    await paragraph(page).click({ clickCount: 3 })
    const word = await charPoint(page, '整改隐患')
    await page.mouse.click(word.x, word.y, { button: 'right' })
    await menu(page).waitFor()
    expect(await page.locator('[data-testid=context-make-figure]').count()).toBe(0)
    await page.click('[data-testid=context-bold]')
    await expect.poll(() => page.locator('.document-body strong').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('整改隐患')]))

    // 插入素材: the 素材 tab, its search box taking the keyboard
    await page.mouse.click(word.x, word.y, { button: 'right' })
    await page.click('[data-testid=context-insert-snippet]')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('snippet-search')
    expect(await page.locator('[data-testid=snippet-panel]').isVisible()).toBe(true)
  })

  it('复制 and 粘贴 through the clipboard when the browser allows it; a clear note when it does not', async () => {
    const page = await e2e.newDocument('剪贴板')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin })
    await page.keyboard.insertText('第一段文字。')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('第二段：')
    // copy 第一段文字 with the menu
    await paragraph(page).click({ clickCount: 3 })
    const first = await charPoint(page, '第一段')
    await page.mouse.click(first.x, first.y, { button: 'right' })
    await page.click('[data-testid=context-copy]')
    // paste at the end of the second paragraph with the menu
    const second = page.locator('.document-body .dd-paragraph').nth(1)
    await second.click()
    await page.keyboard.press('End')
    const box = (await second.boundingBox())!
    await page.mouse.click(box.x + box.width - 4, box.y + box.height / 2, { button: 'right' })
    await page.click('[data-testid=context-paste]')
    await expect.poll(() => second.innerText()).toContain('第二段：第一段文字。')

    // a browser that refuses: the menu says to press Ctrl+V
    await page.context().clearPermissions()
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'read', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) })
    })
    await page.mouse.click(box.x + box.width - 4, box.y + box.height / 2, { button: 'right' })
    await page.click('[data-testid=context-paste]')
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain('请按 Ctrl+V 粘贴')
  })
})
