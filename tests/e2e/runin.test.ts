import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { typeWithIme } from '../helpers/shell'
import { outlineEntries, pasteInto, useE2E } from '../helpers/e2e'

const e2e = useE2E()

const freshDocument = () => e2e.newDocument('同段测试')

const paste = pasteInto

const heading2 = (page: Page) => page.locator('.dd-heading-2')
const runIn = (page: Page) => page.locator('.dd-heading-2 .dd-runin')

describe('run-in headings from typing and pasting', () => {
  it('types a marker, a heading sentence and body: one run-in heading titled by the sentence', async () => {
    const page = await freshDocument()
    await page.keyboard.type('（一）')
    await expect.poll(() => heading2(page).count()).toBe(1)
    await page.keyboard.type('加强组织领导。成立工作专班……')
    await expect.poll(() => runIn(page).count()).toBe(1)
    expect(await runIn(page).innerText()).toBe('成立工作专班……')
    await expect.poll(() => outlineEntries(page)).toEqual(['（一）加强组织领导。'])
    expect(await page.locator('.dd-heading').count()).toBe(1)
    expect(await page.locator('.dd-paragraph').count()).toBe(0)
  })

  it('undoes the split with one Ctrl+Z, and keeps it undone while typing on', async () => {
    const page = await freshDocument()
    await page.keyboard.type('（一）')
    await expect.poll(() => heading2(page).count()).toBe(1)
    await page.keyboard.type('健全制度。每')
    await expect.poll(() => runIn(page).count()).toBe(1)
    await page.keyboard.press('Control+Z')
    await expect.poll(() => runIn(page).count()).toBe(0)
    expect(await heading2(page).innerText()).toBe('健全制度。每')
    await page.keyboard.type('月')
    await expect.poll(() => heading2(page).innerText()).toBe('健全制度。每月')
    expect(await runIn(page).count()).toBe(0)
  })

  it('splits when the body is committed through the IME', async () => {
    const page = await freshDocument()
    await page.keyboard.type('（二）')
    await expect.poll(() => heading2(page).count()).toBe(1)
    await typeWithIme(page, 'qianghuadudao', '强化督导。')
    expect(await runIn(page).count()).toBe(0)
    await typeWithIme(page, 'meiyue', '每月通报进度')
    await expect.poll(() => runIn(page).count()).toBe(1)
    expect(await runIn(page).innerText()).toBe('每月通报进度')
    await expect.poll(() => outlineEntries(page)).toEqual(['（一）强化督导。'])
  })

  it('makes a marker typed before a whole paragraph a run-in heading', async () => {
    const page = await freshDocument()
    await page.keyboard.insertText('落实安全责任。全年开展检查十二次。')
    await page.keyboard.press('Home')
    await page.keyboard.type('（一）')
    await expect.poll(() => runIn(page).count()).toBe(1)
    expect(await runIn(page).innerText()).toBe('全年开展检查十二次。')
    await expect.poll(() => outlineEntries(page)).toEqual(['（一）落实安全责任。'])
  })

  it('pastes plain text and Word HTML with a marker paragraph as run-in headings', async () => {
    const page = await freshDocument()
    await paste(page, { 'text/plain': '（一）抓安全、守底线。全年开展隐患排查，整改到位。' })
    await expect.poll(() => runIn(page).count()).toBe(1)
    expect(await runIn(page).innerText()).toBe('全年开展隐患排查，整改到位。')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+0')
    await paste(page, {
      'text/html': '<html><body><p class=MsoNormal><span style="font-family:楷体">（二）强基础、补短板。</span>新建便民服务点<b>三个</b>。<o:p></o:p></p></body></html>',
      'text/plain': '（二）强基础、补短板。新建便民服务点三个。',
    })
    await expect.poll(() => runIn(page).count()).toBe(2)
    expect(await runIn(page).nth(1).innerText()).toBe('新建便民服务点三个。')
    await expect.poll(() => outlineEntries(page)).toEqual(['（一）抓安全、守底线。', '（二）强基础、补短板。'])
  })

  it('与正文同段 splits a standalone heading holding several sentences', async () => {
    const page = await freshDocument()
    await page.keyboard.insertText('压实工作责任。逐级签订责任书。')
    await page.keyboard.press('Control+2')
    await expect.poll(() => heading2(page).count()).toBe(1)
    expect(await runIn(page).count()).toBe(0) // a level set by key leaves the text as it stands
    await page.click('button:has-text("与正文同段")')
    await expect.poll(() => runIn(page).count()).toBe(1)
    expect(await runIn(page).innerText()).toBe('逐级签订责任书。')
    await expect.poll(() => outlineEntries(page)).toEqual(['（一）压实工作责任。'])
    await page.keyboard.press('Control+Z')
    await expect.poll(() => runIn(page).count()).toBe(0)
    expect(await heading2(page).innerText()).toBe('压实工作责任。逐级签订责任书。')
  })
})
