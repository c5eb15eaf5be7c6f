/**
 * 出稿 asks before it freezes or exports a mistake: blocking findings (a placeholder left, an
 * unfilled figure) shown again with 仍然定稿 / 仍然导出 and 返回修改; the findings named by their
 * section's heading; the 署名 field typed through an IME; dates written 2025年12月20日 in a browser
 * whose locale is English.
 */
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import type { SummaryDocument } from '../../shared/document/model'
import { useE2E } from '../helpers/e2e'
import { sampleDocument } from '../helpers/documents'
import { toolbarClick, typeWithIme } from '../helpers/shell'

const e2e = useE2E()

/** sampleDocument with a placeholder left under 二、存在的问题 and an unfilled figure under 一、 */
function unfinished(): SummaryDocument {
  const model = sampleDocument('2025年度安全生产工作总结')
  model.blocks.splice(2, 0, { type: 'paragraph', children: [{ type: 'text', text: '全年检查' }, { type: 'figure', figureId: 'f2' }, { type: 'text', text: '，消除隐患。' }] })
  model.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '全年召开专题会议x次，研究部署重点任务。' }] })
  model.figures.push({ id: 'f2', name: '检查企业数', value: null, unit: '家' })
  // a warning in the opening, before both
  model.blocks[0] = { type: 'paragraph', children: [{ type: 'text', text: '一年来,我办层层压实责任。' }] }
  return model
}

async function openWith(models: SummaryDocument[], opts: { locale?: string } = {}) {
  const dataDir = e2e.tempDir()
  const services = createServices({ dataDir })
  for (const model of models) await callApi(services.handlers, 'documents.create', { title: '', model })
  services.close()
  if (!opts.locale) return (await e2e.openApp(dataDir)).page
  const shell = await e2e.startShell(dataDir)
  const page = await e2e.browser().newPage({ viewport: { width: 1400, height: 900 }, locale: opts.locale })
  await page.goto(shell.url)
  await page.locator('.app').waitFor()
  return page
}

describe('出稿 asks before freezing or exporting mistakes', () => {
  it('定稿 and export show the blocking findings: 返回修改 goes to the place, 仍然定稿 / 仍然导出 go ahead', async () => {
    const page = await openWith([unfinished()])
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await toolbarClick(page, '[data-testid=open-output]')
    const dialog = page.locator('[data-testid=output-dialog]')
    await dialog.waitFor()
    // findings named by their section's heading, not a block number
    await expect.poll(() => dialog.locator('.findings li[data-kind=placeholder] [data-testid=finding-where]').innerText()).toBe('二、存在的问题')
    expect(await dialog.locator('.findings li[data-kind=unfilledFigure] [data-testid=finding-where]').innerText()).toBe('一、主要工作')
    expect(await dialog.locator('[data-testid=finding-where]').allInnerTexts()).not.toContain(expect.stringMatching(/§/))
    // what blocks 出稿 first, in document order; then the warning, though it comes before them in the text
    expect(await dialog.locator('.findings li').evaluateAll((els) => els.map((e) => `${e.className} ${e.querySelector('[data-testid=finding-where]')?.textContent}`))).toEqual([
      'error 一、主要工作',
      'error 二、存在的问题',
      'warning 开头',
    ])

    // 定稿 asks; 返回修改 closes the dialog on the first blocking finding
    await page.fill('[data-testid=final-author]', '张三')
    await page.click('[data-testid=final-create]')
    const ask = page.locator('[data-testid=blocking-confirm]')
    await ask.waitFor()
    expect(await ask.innerText()).toContain('定稿后会原样留在定稿里')
    expect(await ask.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')).sort())).toEqual(['placeholder', 'unfilledFigure'])
    expect(await ask.locator('[data-testid=confirm-anyway]').innerText()).toBe('仍然定稿')
    await page.screenshot({ path: 'test-results/output-ask-final.png' })
    await ask.locator('[data-testid=confirm-back]').click()
    await expect.poll(() => page.locator('[data-testid=output-dialog]').count()).toBe(0)
    await expect.poll(() => page.locator('.document-body .dd-flash').innerText()).toContain('全年检查')
    expect(await page.locator('[data-testid=output-dialog]').count()).toBe(0)

    // asked again, 仍然定稿 freezes
    await toolbarClick(page, '[data-testid=open-output]')
    await page.fill('[data-testid=final-author]', '张三')
    await page.click('[data-testid=final-create]')
    await page.click('[data-testid=blocking-confirm] [data-testid=confirm-anyway]')
    await expect.poll(() => page.locator('[data-testid=final-state]').innerText()).toContain('当前文本就是定稿「报送稿」')
    expect(await page.locator('[data-testid=blocking-confirm]').count()).toBe(0)

    // exporting the 定稿 just made asks nothing more (it was asked about); the current text asks again
    const [finalDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-txt]')])
    expect(finalDownload.suggestedFilename()).toMatch(/（报送稿）\.txt$/)
    // Esc answers 返回修改 without closing the dialog; 仍然导出 downloads
    await page.selectOption('[data-testid=export-version]', 'current')
    await page.click('[data-testid=export-txt]')
    await ask.waitFor()
    expect(await ask.locator('[data-testid=confirm-anyway]').innerText()).toBe('仍然导出')
    await page.keyboard.press('Escape')
    await expect.poll(() => ask.count()).toBe(0)
    expect(await dialog.count()).toBe(1)
    await page.click('[data-testid=export-txt]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=blocking-confirm] [data-testid=confirm-anyway]')])
    expect(download.suggestedFilename()).toMatch(/\.txt$/)
  })

  it('a document without errors exports at once (warnings are not asked about)', async () => {
    const clean = sampleDocument('2025年度安全生产工作总结')
    clean.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '半角标点,只是提醒。' }] })
    const page = await openWith([clean])
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await toolbarClick(page, '[data-testid=open-output]')
    await page.locator('.findings li[data-kind=halfWidthPunctuation]').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-txt]')])
    expect(download.suggestedFilename()).toMatch(/\.txt$/)
    expect(await page.locator('[data-testid=blocking-confirm]').count()).toBe(0)
  })
})

describe('the output dialog’s fields', () => {
  it('署名 typed through an IME gives the characters chosen, not the pinyin as well', async () => {
    const page = await openWith([sampleDocument('2025年度工作总结')])
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await toolbarClick(page, '[data-testid=open-output]')
    const field = page.locator('[data-testid=sig-organization]')
    await field.fill('')
    await field.click()
    await typeWithIme(page, 'qingshanzhen', '青山镇')
    await typeWithIme(page, 'renmin', '人民政府')
    await expect.poll(() => field.inputValue()).toBe('青山镇人民政府')
    // the document has it: the missing-signature finding is gone, and it is there when the dialog opens again
    await page.keyboard.press('Tab')
    await page.keyboard.press('Escape')
    await toolbarClick(page, '[data-testid=open-output]')
    await expect.poll(() => page.locator('[data-testid=sig-organization]').inputValue()).toBe('青山镇人民政府')
  })

  it('dates read 2025年12月20日 in a browser whose locale is English: 成文日期, 定稿 times, the document list', async () => {
    const page = await openWith([sampleDocument('2025年度工作总结')], { locale: 'en-US' })
    expect(await page.evaluate(() => navigator.language)).toBe('en-US')
    await expect.poll(() => page.locator('.doc-open .doc-meta').first().innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await toolbarClick(page, '[data-testid=open-output]')
    const date = page.locator('[data-testid=sig-date]')
    expect(await date.inputValue()).toBe('2025年12月20日')
    // typed in the form a writer knows, stored as the day it names, shown back in the one form
    await date.fill('2025.12.2')
    await page.keyboard.press('Tab')
    await expect.poll(() => date.inputValue()).toBe('2025年12月2日')
    await date.fill('2025年12月21日')
    await page.keyboard.press('Tab')
    await page.fill('[data-testid=final-author]', '张三')
    await page.click('[data-testid=final-create]')
    await expect.poll(() => page.locator('[data-testid=finals] li').first().innerText()).toMatch(/张三 · \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} · /)
    await page.keyboard.press('Escape')
    await toolbarClick(page, '[data-testid=open-output]')
    expect(await page.locator('[data-testid=sig-date]').inputValue()).toBe('2025年12月21日')
  })
})

describe('Ctrl+P', () => {
  it('prints the document’s pages, never the app’s window: the preview first, Ctrl+P again prints its pages', async () => {
    const page = await openWith([sampleDocument('2025年度安全生产工作总结')])
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await page.click('.document-body')
    await page.keyboard.press('Control+P')
    await page.locator('[data-testid=print-preview]').waitFor()
    await expect.poll(() => page.locator('[data-testid=preview-pages]').getAttribute('data-done'), { timeout: 15_000 }).toBe('true')
    // Enter would print: the preview's 打印 button has the keyboard
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('preview-print')

    await page.keyboard.press('Control+P')
    const printed = page.locator('[data-testid=preview-frame][data-printed=true]')
    await printed.waitFor({ state: 'attached', timeout: 15_000 })
    // what went to the printer: the preview's own frame (its pages, the PDF's), no toolbar, list or panel
    const sent = await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('[data-testid=preview-frame]')!.contentDocument!
      return {
        text: doc.body.innerText,
        chrome: doc.querySelectorAll('button, .toolbar, .doc-list, .side-panel, .status-bar').length,
        pageRule: [...doc.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.startsWith('@page'))),
      }
    })
    expect(sent.text).toContain('2025年度安全生产工作总结')
    expect(sent.text).toContain('某某镇应急管理办公室')
    expect(sent.chrome).toBe(0)
    expect(sent.pageRule).toBe(true)
  })

  it('the browser printing the window itself prints the page of the document, not the app around it', async () => {
    const page = await openWith([sampleDocument('2025年度安全生产工作总结')])
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await page.emulateMedia({ media: 'print' })
    const shown = await page.evaluate(() => {
      const visible = (sel: string) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).visibility === 'visible' && e.getClientRects().length > 0)
      return { page: visible('.page-scroll .page .document-body'), list: visible('.doc-open'), status: visible('[data-testid=save-state]'), toolbar: visible('[data-testid=open-output]') }
    })
    expect(shown).toEqual({ page: true, list: false, status: false, toolbar: false })
    await page.screenshot({ path: 'test-results/output-window-print.png' })
  })

  it('at 1366×768 the dialog keeps its title and × in view while the writer scrolls to the export buttons; in English, no 定稿 left', async () => {
    const page = await openWith([unfinished()])
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await toolbarClick(page, '[data-testid=open-output]')
    const dialog = page.locator('[data-testid=output-dialog]')
    await dialog.locator('[data-testid=check-panel] .summary').waitFor({ timeout: 15_000 })
    await dialog.locator('[data-testid=export-pdf]').scrollIntoViewIfNeeded()
    const close = dialog.locator('header .close')
    const box = (await close.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    // nothing scrolled over it: the × is what a click there reaches
    expect(await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('header .close'), [box.x + box.width / 2, box.y + box.height / 2])).toBe(true)
    // the 页脚印定稿标记 box sits on its label's line
    const mark = page.locator('[data-testid=export-print-mark]')
    const markBox = (await mark.boundingBox())!
    const labelBox = (await mark.locator('xpath=..').boundingBox())!
    expect(markBox.height).toBeGreaterThan(labelBox.height / 2)
    await page.screenshot({ path: 'test-results/output-dialog-1366.png' })
    await close.click()
    await expect.poll(() => dialog.count()).toBe(0)

    // the keyboard goes into the dialog and stays there (Tab does not walk the page behind it);
    // Esc gives it back to the text, where typing goes on
    await page.locator('.document-body .dd-paragraph').first().click()
    await toolbarClick(page, '[data-testid=open-output]')
    await dialog.waitFor()
    const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=output-dialog]'))
    await expect.poll(inDialog).toBe(true)
    for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+Tab')
    expect(await inDialog()).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.document-body'))).toBe(true)

    await page.locator('select.language').selectOption('en')
    await toolbarClick(page, '[data-testid=open-output]')
    await dialog.locator('[data-testid=export-print-mark]').waitFor()
    expect(await dialog.locator('[data-testid=export-print-mark]').locator('xpath=..').innerText()).toBe('Print the final-version mark in the page footer (not required by the official format)')
  })
})

