/**
 * 出稿 in the browser shell: the pre-export check with jump-to, 落款 with a seal, 定稿, DOCX download,
 * and the print preview's real pages (looked at: test-results/output-*.png).
 */
import fs from 'node:fs'
import path from 'node:path'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { useE2E } from '../helpers/e2e'
import { longSummary } from '../helpers/outputDocs'
import { sealPng } from '../helpers/png'
import { pdfPages } from '../helpers/outputPdf'
import { exportToFile } from '../../electron/services/output'
import { chromiumPrinter } from '../../electron/services/output/pdf'
import { toolbarClick, waitSaved } from '../helpers/shell'

const e2e = useE2E()

describe('出稿 in the app', () => {
  it('checks, signs and seals, freezes and exports a Word file', async () => {
    const page = await e2e.newDocument('2025年度安全生产工作总结')
    await page.keyboard.insertText('全年召开专题会议x次,覆盖全镇。')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('第二段正文。')
    await waitSaved(page)

    await toolbarClick(page, '[data-testid=open-output]')
    const dialog = page.locator('[data-testid=output-dialog]')
    await dialog.waitFor()
    const kinds = await dialog.locator('.findings li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
    expect(kinds).toEqual(expect.arrayContaining(['placeholder', 'halfWidthPunctuation', 'missingSignature', 'missingDate']))
    // a finding jumps to its paragraph
    await dialog.locator('.findings li[data-kind=placeholder] [data-testid=finding-jump]').click()
    await expect.poll(() => page.locator('[data-testid=output-dialog]').count()).toBe(0)
    await expect.poll(() => page.locator('.document-body .dd-flash').innerText()).toContain('专题会议')

    // 落款 with a seal
    await toolbarClick(page, '[data-testid=open-output]')
    await page.fill('[data-testid=sig-organization]', '某某镇应急管理办公室')
    await page.fill('[data-testid=sig-date]', '2025-12-20')
    await page.setInputFiles('[data-testid=seal-upload]', { name: '公章.png', mimeType: 'image/png', buffer: sealPng() })
    await expect.poll(() => page.locator('[data-testid=output-message]').innerText(), { timeout: 15_000 }).toContain('公章.png')
    // a file that is not an image is refused, clearly
    await page.setInputFiles('[data-testid=seal-upload]', { name: 'seal.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') })
    await expect.poll(() => page.locator('[data-testid=output-message]').innerText(), { timeout: 15_000 }).toContain('PNG 或 JPEG')
    await expect.poll(() => page.locator('.findings li[data-kind=missingSignature]').count()).toBe(0)

    // 定稿
    await page.fill('[data-testid=final-author]', '张三')
    await page.click('[data-testid=final-create]')
    // the placeholder left is asked about first
    await page.click('[data-testid=blocking-confirm] [data-testid=confirm-anyway]')
    await expect.poll(() => page.locator('[data-testid=final-state]').innerText()).toContain('当前文本就是定稿「报送稿」')

    // export Word (the download carries the 定稿 name)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-docx]')])
    expect(download.suggestedFilename()).toBe('2025年度安全生产工作总结（报送稿）.docx')
    const file = path.join(e2e.tempDir(), 'out.docx')
    await download.saveAs(file)
    const text = (await mammoth.extractRawText({ path: file })).value
    expect(text).toContain('全年召开专题会议')
    expect(text).toContain('某某镇应急管理办公室')
    expect(text).toContain('2025年12月20日')
    await page.screenshot({ path: 'test-results/output-dialog.png' })

    // the print preview of the sealed 定稿
    await page.click('[data-testid=export-print]')
    const preview = page.locator('[data-testid=print-preview]')
    await preview.waitFor()
    await expect.poll(() => page.locator('[data-testid=preview-pages]').getAttribute('data-done')).toBe('true')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    expect(await frame.locator('.page').count()).toBe(1)
    expect(await frame.locator('.page .seal').count()).toBe(1)
    // GB/T 9704 has no 定稿 mark on the page: none unless the writer asks for it in the dialog
    expect(await frame.locator('.page .fm').count()).toBe(0)
    await page.screenshot({ path: 'test-results/output-preview-sealed.png' })
    await page.click('[data-testid=preview-close]')
    await toolbarClick(page, '[data-testid=open-output]')
    await page.check('[data-testid=export-print-mark]')
    await page.click('[data-testid=export-print]')
    await expect.poll(() => page.locator('[data-testid=preview-pages]').getAttribute('data-done')).toBe('true')
    expect(await frame.locator('.page .fm').innerText()).toMatch(/^定稿 [0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4} · 报送稿$/)
  })

  it('shows a 100-page summary as real pages, page 1 at once, and names the substitute fonts', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    await callApi(services.handlers, 'documents.create', { title: '', model: longSummary(65_000) })
    services.close()
    const { page } = await e2e.openApp(dataDir)
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    // what the preview's bar said, and how many pages were on screen, each time the bar changed
    await page.evaluate(() => {
      const seen: { done: string | null; text: string; pages: number }[] = []
      ;(window as unknown as { previewBar: typeof seen }).previewBar = seen
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid=preview-pages]')
        if (!bar) return
        const frame = document.querySelector<HTMLIFrameElement>('[data-testid=preview-frame]')
        const state = { done: bar.getAttribute('data-done'), text: bar.textContent ?? '', pages: frame?.contentDocument?.querySelectorAll('.page').length ?? 0 }
        const last = seen[seen.length - 1]
        if (!last || last.done !== state.done || last.text !== state.text || last.pages !== state.pages) seen.push(state)
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await toolbarClick(page, '[data-testid=open-preview]')
    await page.locator('[data-testid=print-preview]').waitFor()
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('.page').first().waitFor()
    await expect.poll(() => page.locator('[data-testid=preview-pages]').getAttribute('data-done'), { timeout: 30_000 }).toBe('true')
    const pages = await frame.locator('.page').count()
    // page 1 at once: it was on screen, the bar saying the rest was still being laid out, before the
    // last page was; then the bar gives the count of the pages shown
    const bar = await page.evaluate(() => (window as unknown as { previewBar: { done: string | null; text: string; pages: number }[] }).previewBar)
    const early = bar.find((s) => s.done === 'false' && s.pages >= 1)
    expect(early, JSON.stringify(bar.slice(0, 5))).toBeDefined()
    expect(early!.pages).toBeLessThan(pages)
    expect(early!.text).toMatch(/^正在排版… \d+ 页$/)
    expect(await page.locator('[data-testid=preview-pages]').innerText()).toBe(`共 ${pages} 页`)
    // the same pages as the PDF printed from the same print view
    const pdfFile = path.join(dataDir, 'long.pdf')
    await exportToFile({ model: longSummary(65_000) }, 'pdf', pdfFile, { printer: () => chromiumPrinter() })
    expect(pages, 'the preview has the PDF\'s pages').toBe(pdfPages(pdfFile))
    // a full page: 22 lines on the grid (the area's text ends within the text block)
    const linesOnPage3 = await frame.locator('.page').nth(2).evaluate((p) => {
      const area = p.querySelector('.area')!
      const top = area.getBoundingClientRect().top
      const ys = new Set<number>()
      const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT)
      const range = document.createRange()
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        for (let i = 0; i < (n as Text).length; i++) {
          range.setStart(n, i)
          range.setEnd(n, i + 1)
          const r = range.getBoundingClientRect()
          if (r.height) ys.add(Math.floor((r.top + r.height / 2 - top) / ((28.95 * 4) / 3)))
        }
      return ys.size
    })
    expect(linesOnPage3).toBe(22)
    expect(await frame.locator('.page.even .pn').first().innerText()).toBe('— 2 —')
    await expect.poll(() => page.locator('[data-testid=font-note]').innerText()).toMatch(/仿宋_GB2312 → |标准字体齐全/)
    await frame.locator('.page').nth(2).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/output-preview-long.png' })
    fs.mkdirSync('test-results', { recursive: true })
  }, 90_000)
})
