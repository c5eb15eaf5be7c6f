/**
 * What the app derives from the text (the outline and its numbers and counts, 字数, the toolbar's
 * state) is worked out off the keystroke path; it must still be right a moment after typing stops,
 * and stay right after a save re-renders the window around the editor.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { callApi, createServices } from '../../electron/services'
import type { RunningTeamServer } from '../../electron/team/server'
import type { SummaryDocument } from '../../shared/document/model'
import { waitSaved } from '../helpers/shell'
import { outlineEntries, pasteInto, useE2E } from '../helpers/e2e'
import type { TeamClient } from '../helpers/team'
import { sharedTeamDocument } from '../helpers/teamApp'

const e2e = useE2E()
const open: { servers: RunningTeamServer[]; clients: TeamClient[] } = { servers: [], clients: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.destroy()
  for (const s of open.servers.splice(0)) await s.close()
})
const TIMEOUT = { timeout: 15_000 }

const total = async (page: Page) => Number((await page.locator('[data-testid=char-count]').innerText()).replace(/\D/g, ''))
const sectionCount = (page: Page, title: string) => page.locator(`.outline li:has-text("${title}") .outline-count`).innerText()
const blockKind = (page: Page) => page.locator('.toolbar select').first().inputValue()
/** the headings as the page shows them, in document order: derived number (data-number) and text */
const pageHeadings = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.document-body .dd-heading')].map((h) => `${h.dataset.number ?? ''}${h.textContent ?? ''}`))

/** the outline lists the page's headings, in the page's order, with the numbers the page shows */
const outlineMatchesPage = async (page: Page) => {
  const [listed, shown] = [await outlineEntries(page), await pageHeadings(page)]
  return listed.length === shown.length && listed.every((e, i) => shown[i]!.startsWith(e))
}

const heading = (level: 1 | 2, text: string) => ({ type: 'heading' as const, level, title: [{ type: 'text' as const, text }] })
const para = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] })
const model = (blocks: SummaryDocument['blocks']): SummaryDocument => ({ version: 1, title: '办公室年度工作总结', blocks, figures: [] })

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

  it('acts on a key pressed before the browser has told the editor the caret moved', async () => {
    const page = await e2e.newDocument('光标测试')
    await page.keyboard.type('一、')
    await page.keyboard.insertText('主要工作')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('推进十项任务')
    await page.keyboard.press('Enter')
    await page.keyboard.type('二、')
    await page.keyboard.insertText('存在问题')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作', '二、存在问题'])
    await page.locator('.dd-heading-1').first().click()
    await page.keyboard.press('End')
    await page.keyboard.insertText('情况')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作情况', '二、存在问题'])
    // the caret moved to the end of 二、 (as a click or Ctrl+End moves it) and Enter pressed in the
    // same task: Chromium's selectionchange comes after, as it does when keys come fast or the page is busy
    await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.document-body')!
      const text = [...root.querySelectorAll('.dd-heading-1')].at(-1)!.querySelector('[data-lexical-text]')!.firstChild as Text
      getSelection()!.collapse(text, text.length)
      root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }))
    })
    await page.keyboard.press('Control+2')
    await page.keyboard.insertText('整改措施')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作情况', '二、存在问题', '（一）整改措施'])
    expect(await pageHeadings(page)).toEqual(['一、主要工作情况', '二、存在问题', '（一）整改措施'])
  })

  it('goes to the very end with Ctrl+End in page view, and the outline keeps the document order', async () => {
    // five pages: the last heading is off screen, where the page view holds blocks unlaid
    const blocks: SummaryDocument['blocks'] = [heading(1, '主要工作')]
    for (let i = 0; i < 40; i++) blocks.push(para(`第${i + 1}段。${'推进工作落实责任强化措施提升质效'.repeat(4)}`))
    blocks.push(heading(1, '存在问题'))
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    await callApi(services.handlers, 'documents.create', { title: '办公室年度工作总结', model: model(blocks) })
    services.close()
    const { page } = await e2e.openApp(dataDir)
    await page.click('.doc-open')
    await page.locator('.document-body .dd-paragraph').first().waitFor()
    await expect.poll(() => page.locator('.page.paged').getAttribute('data-pages'), TIMEOUT).not.toBe('1')
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('.document-body > :last-child')?.style.contentVisibility), TIMEOUT).toBe('auto')
    await page.locator('.document-body .dd-paragraph').first().click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+2')
    await page.keyboard.insertText('整改措施')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作', '二、存在问题', '（一）整改措施'])
    expect(await pageHeadings(page)).toEqual(['一、主要工作', '二、存在问题', '（一）整改措施'])
    // the end is scrolled into view: the writer sees what they typed there
    const onScreen = async (selector: string) => {
      const box = await page.locator(selector).boundingBox()
      return box !== null && box.y >= 0 && box.y + box.height <= 900
    }
    await expect.poll(() => onScreen('.dd-heading-2')).toBe(true)
    // Ctrl+Home: the title's start
    await page.keyboard.press('Control+Home')
    await page.keyboard.insertText('某局')
    await expect.poll(() => page.locator('.dd-title').textContent()).toBe('某局办公室年度工作总结')
    await expect.poll(() => onScreen('.dd-title')).toBe(true)
  })

  it('keeps the outline, numbers and 字数 right through paste, undo, redo and replace all', async () => {
    const page = await e2e.newDocument('派生测试')
    await page.keyboard.insertText('开头')
    await expect.poll(() => total(page), TIMEOUT).toBe(6)
    await page.keyboard.press('Enter')
    await pasteInto(page, { 'text/plain': '一、基本情况\n全年召开会议。\n二、存在问题\n（一）短板。仍需补齐。' })
    await expect.poll(() => outlineEntries(page)).toEqual(['一、基本情况', '二、存在问题', '（一）短板。'])
    // a heading typed between the two pasted sections takes its place and renumbers the one after
    await page.locator('.dd-paragraph:has-text("全年召开会议")').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('一、')
    await page.keyboard.insertText('主要做法')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、基本情况', '二、主要做法', '三、存在问题', '（一）短板。'])
    expect(await pageHeadings(page)).toEqual(['一、基本情况', '二、主要做法', '三、存在问题', '（一）短板。仍需补齐。'])
    // 字数 settles once typing stops: the new section's own count shows it has
    await expect.poll(() => sectionCount(page, '主要做法'), TIMEOUT).toBe('4')
    const counted = await total(page)
    // undo, step by step, until the typed heading is gone: after each step the outline is the page's headings
    for (let step = 0; step < 4 && (await outlineEntries(page)).length > 3; step++) {
      const before = await outlineEntries(page)
      await page.keyboard.press('Control+Z')
      await expect.poll(() => outlineMatchesPage(page)).toBe(true)
      await expect.poll(async () => (await outlineEntries(page)).join('|')).not.toBe(before.join('|'))
    }
    await expect.poll(() => outlineEntries(page)).toEqual(['一、基本情况', '二、存在问题', '（一）短板。'])
    await expect.poll(() => total(page), TIMEOUT).toBeLessThan(counted)
    for (let step = 0; step < 4 && (await outlineEntries(page)).join('|') !== '一、基本情况|二、主要做法|三、存在问题|（一）短板。'; step++) {
      await page.keyboard.press('Control+Y')
      await expect.poll(() => outlineMatchesPage(page)).toBe(true)
    }
    await expect.poll(() => outlineEntries(page)).toEqual(['一、基本情况', '二、主要做法', '三、存在问题', '（一）短板。'])
    await expect.poll(() => total(page), TIMEOUT).toBe(counted)
    await expect.poll(() => sectionCount(page, '存在问题'), TIMEOUT).toBe('12')

    await page.keyboard.press('Control+H')
    await page.getByRole('textbox', { name: '查找', exact: true }).fill('情况')
    await page.getByRole('textbox', { name: '替换为', exact: true }).fill('总体概况')
    await page.getByRole('button', { name: '全部替换' }).click()
    await expect.poll(() => outlineEntries(page)).toEqual(['一、基本总体概况', '二、主要做法', '三、存在问题', '（一）短板。'])
    await expect.poll(() => sectionCount(page, '基本总体概况'), TIMEOUT).toBe('13')
    await expect.poll(() => total(page), TIMEOUT).toBe(counted + 2)
  })

  it('follows a team member’s edits: a heading added in the middle is listed in its place and numbered', async () => {
    const shared = model([heading(1, '主要工作'), para('推进十项任务'), heading(1, '存在问题'), para('短板仍在')])
    const team = await sharedTeamDocument(e2e, open, '甲', shared)
    const other = await team.openDocument(await team.prepare('乙', 'editor', model([para('乙自己的草稿')])))
    await expect.poll(() => outlineEntries(other), TIMEOUT).toEqual(['一、主要工作', '二、存在问题'])
    await other.locator('.dd-paragraph:has-text("推进十项任务")').click()
    await other.keyboard.press('End')
    await other.keyboard.press('Enter')
    await other.keyboard.press('Control+1')
    await other.keyboard.insertText('经验体会')
    await expect.poll(() => outlineEntries(other)).toEqual(['一、主要工作', '二、经验体会', '三、存在问题'])
    // the sharer's outline and heading numbers follow the remote change, in document order
    await expect.poll(() => outlineEntries(team.sharerPage), TIMEOUT).toEqual(['一、主要工作', '二、经验体会', '三、存在问题'])
    expect(await pageHeadings(team.sharerPage)).toEqual(['一、主要工作', '二、经验体会', '三、存在问题'])
    await expect.poll(() => sectionCount(team.sharerPage, '经验体会'), TIMEOUT).toBe('4')
    // and a heading the other writer deletes goes from the sharer's outline
    await other.locator('.dd-heading:has-text("主要工作")').click()
    await other.keyboard.press('Home')
    await other.keyboard.press('Shift+End')
    await other.keyboard.press('Backspace')
    await other.keyboard.press('Backspace')
    await expect.poll(() => outlineEntries(team.sharerPage), TIMEOUT).toEqual(['一、经验体会', '二、存在问题'])
  })
})
