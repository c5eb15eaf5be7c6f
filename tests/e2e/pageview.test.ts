import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { storeDocument } from '../bench/shell'
import { longDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { ROOT, toolbarClick, typeWithIme } from '../helpers/shell'

const e2e = useE2E()
const MM = 96 / 25.4

async function openLong(viewport = { width: 1400, height: 900 }): Promise<Page> {
  const dataDir = e2e.tempDir()
  await storeDocument(dataDir, longDocument(20_000, 40))
  const { page } = await e2e.openApp(dataDir)
  await page.setViewportSize(viewport)
  await page.locator('.doc-open').first().click()
  await page.locator('.document-body .dd-paragraph').first().waitFor()
  await expect.poll(() => page.locator('.pv-sheet').count(), { timeout: 15_000 }).toBeGreaterThan(20)
  return page
}

/** The text at the top of page `n`'s text block, as the writer sees it there (10 characters). */
function textAtPageTop(page: Page, n: number): Promise<string> {
  return page.evaluate(([n, mm]) => {
    const sheet = document.querySelector(`.pv-sheet[data-page="${n}"]`)!
    sheet.scrollIntoView()
    const zoom = Number(document.querySelector('.page')!.getAttribute('data-zoom')) / 100
    const r = sheet.getBoundingClientRect()
    // the middle of the first line: 37 mm down, half a line (28.95 pt) lower, 60 mm in
    const pos = document.caretPositionFromPoint(r.left + 60 * mm * zoom, r.top + (37 * mm + 19) * zoom)
    if (!pos || pos.offsetNode.nodeType !== Node.TEXT_NODE) return ''
    const block = pos.offsetNode.parentElement!.closest('.document-body > *')!
    const text = block.textContent ?? ''
    const range = document.createRange()
    range.setStart(block, 0)
    range.setEnd(pos.offsetNode, pos.offset)
    const at = range.toString().length
    // back to where the line starts: the page's top line starts at a character whose left edge is the line's start
    return text.slice(Math.max(0, at - 3), at + 7)
  }, [n, MM] as const)
}

/**
 * The sheets (the first `count`, or all) whose first line is not at the top of the text block
 * (37 mm, within a line), that have a line in the bottom margin, or none, as `page: first/last` in mm.
 */
function misplacedLines(page: Page, count?: number): Promise<string[]> {
  return page.evaluate((count) => {
    const root = document.querySelector('.document-body')!
    const zoom = Number(document.querySelector('.page')!.getAttribute('data-zoom')) / 100
    const sheets = [...document.querySelectorAll('.pv-sheet')].slice(0, count ?? undefined).map((s) => s.getBoundingClientRect())
    const mm = (96 / 25.4) * zoom
    const tops: number[] = []
    const range = document.createRange()
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      range.selectNodeContents(n)
      for (const r of range.getClientRects()) tops.push(r.top + r.height / 2)
    }
    const line = (28.95 * 96) / 72 * zoom
    return sheets.flatMap((s, p) => {
      const mine = tops.filter((t) => t >= s.top && t <= s.bottom)
      // every sheet holds text (a line not found would pass unchecked)
      if (!mine.length) return [`${p + 1}: empty`]
      const first = (Math.min(...mine) - s.top) / mm
      const last = (Math.max(...mine) - s.top) / mm
      const ok = (p === 0 || (first > 37 && first < 37 + (line + 4) / mm)) && last < 297 - 35
      return ok ? [] : [`${p + 1}: ${first.toFixed(1)}/${last.toFixed(1)}`]
    })
  }, count ?? null)
}

const zoomShown = (page: Page) => page.locator('[data-testid=zoom-select]').getAttribute('data-zoom').then(Number)

describe('page view', () => {
  it('shows the pages as they will print, numbered, and moves the breaks when page 1 grows', async () => {
    const page = await openLong()
    const pages = await page.locator('.pv-sheet').count()
    expect(await page.locator('.pv-sheet[data-page="1"] .pv-number').innerText()).toBe('— 1 —')
    expect(await page.locator(`.pv-sheet[data-page="${pages}"] .pv-number`).innerText()).toBe(`— ${pages} —`)
    // nothing of ours inside the editable text: only spacing on the blocks themselves
    expect(await page.locator('.document-body > * *[class*=pv-], .document-body [data-page], .document-body style').count()).toBe(0)

    // every page's first line sits at the top of its sheet's text block (37 mm), never in the margin
    expect(await misplacedLines(page, 8)).toEqual([])

    const before = await textAtPageTop(page, 3)
    expect(before.length).toBeGreaterThan(5)
    // three more lines on page 1 push the text down: page 3 now starts elsewhere
    await page.locator('.document-body .dd-paragraph').first().click()
    await page.keyboard.press('End')
    await page.keyboard.insertText('新增内容'.repeat(21))
    await expect.poll(() => textAtPageTop(page, 3), { timeout: 15_000 }).not.toBe(before)
    // on every page, down to the last: the paragraphs off screen while the breaks moved (held at
    // their height, not laid out) are where the pages put them once laid out
    await expect.poll(() => misplacedLines(page), { timeout: 15_000 }).toEqual([])
  })

  it('after edits, breaks where a fresh layout of the whole document puts them (it measures only what changed)', async () => {
    const page = await openLong()
    // the spacing on every block: which block, the padding above it or the split line and its push
    const spacing = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.document-body > *')].flatMap((el, i) => {
          const pad = parseFloat(el.style.paddingTop || el.style.marginTop) || 0
          const at = parseFloat(el.style.getPropertyValue('--pv-at')) || 0
          const h = parseFloat(el.style.getPropertyValue('--pv-h')) || 0
          return pad || h ? [{ i, pad, at, h }] : []
        }),
      )
    const settled = async () => {
      let last = ''
      await expect
        .poll(
          async () => {
            const now = JSON.stringify(await spacing())
            const same = now === last
            last = now
            return same
          },
          { timeout: 15_000, interval: 400 },
        )
        .toBe(true)
      return spacing()
    }
    const first = await settled()
    // a paragraph grows on page 1, one is added in the middle, and a heading loses its text
    await page.locator('.document-body .dd-paragraph').first().click()
    await page.keyboard.press('End')
    await page.keyboard.insertText('新增内容'.repeat(30))
    await page.locator('.document-body .dd-paragraph').nth(40).click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('另起一段的内容。'.repeat(12))
    await page.locator('.document-body .dd-heading').nth(3).click()
    await page.keyboard.press('End')
    for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace')
    const edited = await settled()
    expect(edited).not.toEqual(first)

    // page view off and on: every block measured afresh
    await page.click('[data-testid=toggle-pageview]')
    await expect.poll(() => page.locator('.pv-sheet').count()).toBe(0)
    await page.click('[data-testid=toggle-pageview]')
    await expect.poll(() => page.locator('.pv-sheet').count(), { timeout: 15_000 }).toBeGreaterThan(20)
    const fresh = await settled()
    expect(edited.map((s) => s.i)).toEqual(fresh.map((s) => s.i))
    edited.forEach((s, k) => {
      const f = fresh[k]!
      expect(Math.abs(s.pad - f.pad)).toBeLessThan(0.3)
      expect(Math.abs(s.at - f.at)).toBeLessThan(0.3)
      expect(Math.abs(s.h - f.h)).toBeLessThan(0.3)
    })
  })

  it('zooms with Ctrl+= / Ctrl+- / Ctrl+wheel and fits the page width, remembered', async () => {
    const page = await openLong()
    await page.locator('.document-body .dd-paragraph').first().click()
    expect(await zoomShown(page)).toBe(100)
    const width = () => page.locator('.pv-sheet').first().evaluate((s) => s.getBoundingClientRect().width)
    const at100 = await width()
    expect(at100).toBeCloseTo(210 * MM, 0)

    await page.keyboard.press('Control+Equal')
    await expect.poll(() => zoomShown(page)).toBe(110)
    expect(await width()).toBeCloseTo(at100 * 1.1, 0)
    await page.keyboard.press('Control+Minus')
    await page.keyboard.press('Control+Minus')
    await expect.poll(() => zoomShown(page)).toBe(90)
    // Ctrl+0 is still 正文; Ctrl+Shift+0 is 100 %
    await page.keyboard.press('Control+Shift+Digit0')
    await expect.poll(() => zoomShown(page)).toBe(100)

    const box = (await page.locator('.page-scroll').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, -120)
    await page.keyboard.up('Control')
    await expect.poll(() => zoomShown(page)).toBe(110)

    await page.locator('[data-testid=zoom-select]').selectOption('fit')
    const scrollWidth = await page.locator('.page-scroll').evaluate((s) => s.clientWidth)
    await expect.poll(width).toBeGreaterThan(scrollWidth - 60)
    expect(await width()).toBeLessThanOrEqual(scrollWidth)

    await page.locator('[data-testid=zoom-select]').selectOption('150')
    await page.reload()
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await expect.poll(() => zoomShown(page)).toBe(150)
    // 页面视图 off: one endless sheet, no page numbers
    await page.click('[data-testid=toggle-pageview]')
    await expect.poll(() => page.locator('.pv-sheet').count()).toBe(0)
    await page.reload()
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    expect(await page.locator('[data-testid=toggle-pageview]').getAttribute('aria-pressed')).toBe('false')
  })

  it('keeps Chinese typed through the IME with page view on, on a later page', async () => {
    const page = await openLong()
    const paragraph = page.locator('.document-body .dd-paragraph').nth(40)
    await paragraph.scrollIntoViewIfNeeded()
    await paragraph.click()
    await page.keyboard.press('End')
    await typeWithIme(page, 'fenye', '分页视图下输入')
    await typeWithIme(page, 'zhongwen', '中文不受影响')
    await expect.poll(() => paragraph.innerText()).toContain('分页视图下输入中文不受影响')
    expect(await page.locator('.pv-sheet').count()).toBeGreaterThan(20)
  })

  for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
    it(`fits a ${w}×${h} window: one toolbar row, nothing over the page`, async () => {
      const page = await openLong({ width: w, height: h })
      const rowHeight = async () => {
        const tops = await page.locator('.toolbar > *').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)))
        return new Set(tops).size
      }
      const toolbarHeight = () => page.locator('.toolbar').evaluate((t) => t.getBoundingClientRect().height)
      const overlaps = () =>
        page.evaluate(() => {
          const sheet = document.querySelector('.pv-sheet')!.getBoundingClientRect()
          const scroll = document.querySelector('.page-scroll')!.getBoundingClientRect()
          const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
          // the part of the sheet on screen
          const shown = new DOMRect(sheet.left, Math.max(sheet.top, scroll.top), sheet.width, Math.min(sheet.bottom, scroll.bottom) - Math.max(sheet.top, scroll.top))
          const others = ['.doc-list', '.side-panel', '.toolbar', '.status-bar', '[data-testid=figure-panel]']
            .flatMap((s) => [...document.querySelectorAll(s)])
            .filter((e) => (e as HTMLElement).offsetParent)
            .filter((e) => hit(e.getBoundingClientRect(), shown))
            .map((e) => e.className)
          // the sheet's width is all inside the scroll area (its right margin not under a panel)
          if (sheet.left < scroll.left - 0.5 || sheet.right > scroll.right + 0.5) others.push('page wider than its area')
          return others
        })
      const dir = path.join(ROOT, 'test-results')
      fs.mkdirSync(dir, { recursive: true })

      expect(await rowHeight()).toBe(1)
      const height = await toolbarHeight()
      expect(await overlaps()).toEqual([])
      await page.screenshot({ path: path.join(dir, `layout-${w}x${h}.png`) })
      // the caret in the title: the toolbar keeps its one row
      await page.locator('.dd-title').click()
      expect(await rowHeight()).toBe(1)
      expect(await toolbarHeight()).toBe(height)

      // 素材 (the wider panel) and the 数据表 open: the page still shows whole
      await page.click('[data-testid=tab-snippets]')
      await toolbarClick(page, '[data-testid=figure-panel-toggle]')
      await page.locator('[data-testid=figure-panel]').waitFor()
      await expect.poll(overlaps).toEqual([])
      await page.screenshot({ path: path.join(dir, `layout-${w}x${h}-panels.png`) })

      // the document list and the side panel fold away, and stay folded after a reload
      await page.click('[data-testid=toggle-doclist]')
      await page.click('[data-testid=toggle-sidepanel]')
      await expect.poll(() => page.locator('.doc-list').isVisible()).toBe(false)
      expect(await page.locator('.side-panel').isVisible()).toBe(false)
      await page.reload()
      await page.locator('.app').waitFor()
      expect(await page.locator('.doc-list').isVisible()).toBe(false)
    })
  }
})
