/**
 * Page breaks in the page view on the longest document (the 65,000-character summary, over a
 * hundred pages): every page's lines inside its sheet's text block, the page number uncovered, and
 * the lines where the page model puts them — on the last page as on the first, so the small
 * roundings of the breaks never add up. And the caret, the IME and a selection across a break that
 * falls inside a paragraph.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { storeDocument } from '../bench/shell'
import { longSummary } from '../helpers/outputDocs'
import { useE2E } from '../helpers/e2e'
import { typeWithIme } from '../helpers/shell'

const e2e = useE2E()

/** Keeps the page model of the last repagination (PageView's event) where the tests can ask it. */
const KEEP_MODEL = `window.addEventListener('draftdesk:pageview', (e) => { window.__pvModel = e.detail })`

async function openSummary(): Promise<{ page: Page; pages: number }> {
  const dataDir = e2e.tempDir()
  await storeDocument(dataDir, longSummary(65_000))
  const { page } = await e2e.openApp(dataDir)
  await page.addInitScript(KEEP_MODEL)
  await page.reload()
  await page.locator('.doc-open').first().click()
  await page.locator('.document-body .dd-paragraph').first().waitFor()
  await expect.poll(() => page.locator('.pv-sheet').count(), { timeout: 30_000 }).toBeGreaterThan(100)
  // settled: the model in hand and the spacing no longer changing
  let last = ''
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => {
          const w = window as unknown as { __pvModel?: { pages: number } }
          const spacing = [...document.querySelectorAll<HTMLElement>('.document-body > [style]')].map((el) => el.getAttribute('style')).join('|')
          return w.__pvModel ? `${w.__pvModel.pages}:${spacing}` : ''
        })
        const same = now !== '' && now === last
        last = now
        return same
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true)
  return { page, pages: await page.locator('.pv-sheet').count() }
}

interface SheetCheck {
  /** the first and last line's text box, mm from the sheet's top */
  first: number
  last: number
  /** the page number's box touches a line */
  numberCovered: boolean
}

/** Page `n` (1-based) scrolled into view and read: where its lines are. */
function readSheet(page: Page, n: number): Promise<SheetCheck | null> {
  return page.evaluate((n) => {
    const sheet = document.querySelector(`.pv-sheet[data-page="${n}"]`)!
    sheet.scrollIntoView({ block: 'center' })
    const s = sheet.getBoundingClientRect()
    const mm = s.width / 210
    const rects: DOMRect[] = []
    const range = document.createRange()
    const walker = document.createTreeWalker(document.querySelector('.document-body')!, NodeFilter.SHOW_TEXT)
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      range.selectNodeContents(t)
      for (const r of range.getClientRects()) if (r.height > 0 && r.top + r.height / 2 >= s.top && r.top + r.height / 2 <= s.bottom) rects.push(r)
    }
    // the 落款 drawn on the last page is text too
    for (const el of document.querySelectorAll('[data-testid=pv-signature] .org, [data-testid=pv-signature] .date')) {
      const r = el.getBoundingClientRect()
      if (r.height > 0 && r.top >= s.top && r.bottom <= s.bottom) rects.push(r)
    }
    if (!rects.length) return null
    const num = sheet.querySelector('.pv-number')!.getBoundingClientRect()
    const numberCovered = rects.some((r) => r.left < num.right && num.left < r.right && r.top < num.bottom && num.top < r.bottom)
    return { first: (Math.min(...rects.map((r) => r.top)) - s.top) / mm, last: (Math.max(...rects.map((r) => r.bottom)) - s.top) / mm, numberCovered }
  }, n)
}

/**
 * Page `n`'s body lines as shown against the page model: for each line of a paragraph on that page,
 * its text box's top (mm from the sheet's top) less where the model puts its line box. The same
 * figure on every line of every page (the half-leading) when the screen is the model.
 */
function offsetsFromModel(page: Page, n: number): Promise<number[]> {
  return page.evaluate((n) => {
    interface PieceTop { block: number; piece: number; mm: number }
    const model = (window as unknown as { __pvModel: { pieceTops(p: number): PieceTop[] } }).__pvModel
    const sheet = document.querySelector(`.pv-sheet[data-page="${n}"]`)!
    sheet.scrollIntoView({ block: 'center' })
    const s = sheet.getBoundingClientRect()
    const mm = s.width / 210
    const blocks = document.querySelector('.document-body')!.children
    const lineTops = new Map<number, number[]>()
    const out: number[] = []
    for (const { block, piece, mm: at } of model.pieceTops(n - 1)) {
      const el = blocks[block]
      if (!el?.classList.contains('dd-paragraph')) continue
      let tops = lineTops.get(block)
      if (!tops) {
        const range = document.createRange()
        range.selectNodeContents(el)
        const all = [...range.getClientRects()].map((r) => r.top).sort((a, b) => a - b)
        tops = all.filter((t, k) => k === 0 || t - all[k - 1]! > 10)
        lineTops.set(block, tops)
      }
      const top = tops[piece]
      if (top !== undefined) out.push((top - s.top) / mm - at)
    }
    return out
  }, n)
}

describe('page breaks in the page view', () => {
  // over a hundred pages, each scrolled into view and read: more than the default minute on a busy machine
  it('keeps every page of the 65,000-character summary inside its sheet, its number uncovered, the lines where the page model puts them', { timeout: 180_000 }, async () => {
    const { page, pages } = await openSummary()
    const numberTop = 297 - 35 + 7 - (20 * 25.4) / 72 / 2
    const wrong: string[] = []
    for (let n = 1; n <= pages; n++) {
      // scrolled into view, laid out for real (paragraphs off screen are held at their height)
      let check: SheetCheck | null = null
      await expect
        .poll(async () => (check = await readSheet(page, n)), { timeout: 15_000 })
        .not.toBeNull()
      const c = check as unknown as SheetCheck
      // the first line's box starts in the line at the top of the text block (37 mm), the last one
      // ends above its foot (297 − 35 mm), clear of the page number
      // (page 1 opens with the title, set larger than its line)
      if ((n > 1 && c.first < 37 - 0.3) || c.first > 37 + 10 || c.last > 262 + 0.3 || c.last > numberTop || c.numberCovered) wrong.push(`${n}: ${c.first.toFixed(2)}–${c.last.toFixed(2)}${c.numberCovered ? ' covers the number' : ''}`)
    }
    expect(wrong).toEqual([])

    // the lines of pages 1, 50 and the last where the model puts them, within a pixel
    const px = 25.4 / 96
    const first = await offsetsFromModel(page, 1)
    expect(first.length).toBeGreaterThan(10)
    const halfLeading = first[0]!
    for (const n of [1, 50, pages]) {
      const offsets = await offsetsFromModel(page, n)
      expect(offsets.length, `page ${n}`).toBeGreaterThan(5)
      const worst = Math.max(...offsets.map((o) => Math.abs(o - halfLeading)))
      expect(worst / px, `page ${n}: furthest line from the model, px`).toBeLessThan(1)
    }

    // at 150 % (a screen pixel is then 2/3 of a CSS one) the last pages are as right
    await page.locator('[data-testid=zoom-select]').selectOption('150')
    const lastPages = [pages - 2, pages - 1, pages]
    await expect
      .poll(
        async () => {
          const out: string[] = []
          for (const n of lastPages) {
            const c = await readSheet(page, n)
            if (!c || c.first < 37 - 0.3 || c.first > 37 + 10 || c.last > 262 + 0.3 || c.numberCovered) out.push(`${n}: ${c ? `${c.first.toFixed(2)}–${c.last.toFixed(2)}` : 'empty'}`)
          }
          return out
        },
        { timeout: 15_000 },
      )
      .toEqual([])
  })

  it('moves the caret, takes the IME and selects across a break inside a paragraph', { timeout: 120_000 }, async () => {
    const { page } = await openSummary()
    // a paragraph broken across pages 3 and 4 (or the first one split after them)
    const index = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.document-body > *')]
      const split = blocks.findIndex((el, i) => i > 20 && el.classList.contains('pv-split'))
      return split
    })
    expect(index).toBeGreaterThan(0)
    const paragraph = page.locator('.document-body > *').nth(index)
    await paragraph.scrollIntoViewIfNeeded()
    const line = Number(await paragraph.evaluate((el) => parseFloat((el as HTMLElement).style.getPropertyValue('--pv-at')) / ((28.95 * 25.4) / 72)))
    const splitAt = Math.round(line)
    expect(splitAt).toBeGreaterThanOrEqual(2)

    /** the caret's line in the paragraph (0-based) and the sheet it is on */
    const caret = () =>
      page.evaluate((i) => {
        const el = document.querySelector('.document-body')!.children[i]!
        const sel = getSelection()!
        const r = sel.getRangeAt(0).cloneRange()
        r.collapse(false)
        const box = r.getClientRects()[0] ?? r.getBoundingClientRect()
        const range = document.createRange()
        range.selectNodeContents(el)
        const all = [...range.getClientRects()].map((x) => x.top).sort((a, b) => a - b)
        const tops = all.filter((t, k) => k === 0 || t - all[k - 1]! > 10)
        const mid = box.top + box.height / 2
        const lineNo = tops.findIndex((t, k) => mid >= t - 2 && (k + 1 === tops.length || mid < tops[k + 1]! - 2))
        const sheet = [...document.querySelectorAll('.pv-sheet')].findIndex((s) => {
          const b = s.getBoundingClientRect()
          return mid >= b.top && mid <= b.bottom
        })
        return { line: lineNo, sheet: sheet + 1 }
      }, index)

    // the caret inside the last line before the break (a line's start is also the end of the line
    // above), then down across the break and back
    // placed where a click there puts it, measured and placed in one task: a repagination between
    // measuring and a mouse click (the page view settles after the scroll) would move the line
    const placeCaret = () =>
      page.evaluate(
        ([i, line]) => {
          const el = document.querySelector('.document-body')!.children[i]!
          const range = document.createRange()
          range.selectNodeContents(el)
          const all = [...range.getClientRects()].sort((a, b) => a.top - b.top)
          const tops = all.filter((r, k) => k === 0 || r.top - all[k - 1]!.top > 10)
          const r = tops[line - 1]
          if (!r) return
          const at = document.caretRangeFromPoint(r.left + 100, r.top + r.height / 2)
          if (!at) return
          const sel = getSelection()!
          sel.removeAllRanges()
          sel.addRange(at)
        },
        [index, splitAt] as const,
      )
    await paragraph.click({ position: { x: 100, y: 5 } }) // the editor has the focus
    await expect
      .poll(async () => {
        await placeCaret()
        return caret()
      }, { timeout: 15_000 })
      .toMatchObject({ line: splitAt - 1 })
    const before = (await caret()).sheet
    await page.keyboard.press('ArrowDown')
    await expect.poll(caret).toEqual({ line: splitAt, sheet: before + 1 })
    await page.keyboard.press('ArrowUp')
    await expect.poll(caret).toEqual({ line: splitAt - 1, sheet: before })

    // a selection from above the break to below it holds the text in between, in order
    const original = await paragraph.innerText()
    await page.keyboard.press('Shift+ArrowDown')
    await page.keyboard.press('Shift+ArrowDown')
    const selected = await page.evaluate(() => getSelection()!.toString())
    expect(selected.length).toBeGreaterThan(40)
    expect(original.replace(/\s/g, '')).toContain(selected.replace(/\s/g, ''))

    // Chinese through the IME on the first line of the next page: in the text where the caret is,
    // and the caret stays on that page
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowUp')
    await expect.poll(caret).toMatchObject({ line: splitAt, sheet: before + 1 })
    await typeWithIme(page, 'kuaye', '跨页输入')
    await expect.poll(() => paragraph.innerText()).toContain('跨页输入')
    expect((await paragraph.innerText()).replace(/\s/g, '')).toHaveLength(original.replace(/\s/g, '').length + 4)
    const at = await caret()
    expect(at.sheet).toBe(before + 1)
    expect([splitAt, splitAt + 1]).toContain(at.line)
  })

  it('moves the caret by lines and screens through pages whose breaks just moved, onto the line shown, and types there', { timeout: 120_000 }, async () => {
    const { page } = await openSummary()
    // five lines added on page 1 move every break after it; the paragraphs more than two screens
    // below hold their height unlaid (offscreen.ts) until the view or the caret comes near
    const first = page.locator('.document-body .dd-paragraph').first()
    await first.click()
    await page.keyboard.press('End')
    await page.evaluate(() => {
      const w = window as unknown as { __pvMoved: number }
      w.__pvMoved = 0
      window.addEventListener('draftdesk:pageview', (e) => {
        if ((e as CustomEvent<{ changed: boolean }>).detail.changed) w.__pvMoved++
      })
    })
    await page.keyboard.insertText('推进工作落实责任强化措施提升质效'.repeat(10).slice(0, 140))
    await expect.poll(() => page.evaluate(() => (window as unknown as { __pvMoved: number }).__pvMoved), { timeout: 15_000 }).toBeGreaterThan(0)

    /** where the caret is: its block, its offset in the block's text, and whether that is the character drawn under it */
    const caret = () =>
      page.evaluate(() => {
        const root = document.querySelector('.document-body')!
        const sel = getSelection()!
        let block: Node | null = sel.focusNode
        while (block && block.parentNode !== root) block = block.parentNode
        const index = [...root.children].indexOf(block as Element)
        const before = document.createRange()
        before.setStart(block!, 0)
        before.setEnd(sel.focusNode!, sel.focusOffset)
        const r = sel.getRangeAt(0).cloneRange()
        r.collapse(false)
        const box = r.getClientRects()[0] ?? r.getBoundingClientRect()
        // the text the browser draws at the caret's place is the caret's own
        const hit = document.caretRangeFromPoint(box.left + 1, box.top + box.height / 2)
        const drawn = !!hit && hit.startContainer === sel.focusNode && Math.abs(hit.startOffset - sel.focusOffset) <= 1
        const scroller = document.querySelector('[data-testid=page-scroll]')!.getBoundingClientRect()
        return { index, offset: before.toString().length, drawn, shown: box.top >= scroller.top && box.bottom <= scroller.bottom }
      })

    // the caret on the last line of a paragraph just above one that is held far down the document
    const target = await page.evaluate(() => {
      const blocks = [...document.querySelector('.document-body')!.children] as HTMLElement[]
      const held = blocks.findIndex((el, i) => i > 40 && el.style.contentVisibility === 'auto' && blocks[i - 1]!.classList.contains('dd-paragraph') && el.classList.contains('dd-paragraph'))
      if (held < 0) return null
      const above = blocks[held - 1]!
      const walker = document.createTreeWalker(above, NodeFilter.SHOW_TEXT)
      let last: Text | null = null
      for (let t = walker.nextNode(); t; t = walker.nextNode()) last = t as Text
      const sel = getSelection()!
      sel.removeAllRanges()
      const r = document.createRange()
      r.setStart(last!, Math.max(0, last!.length - 1))
      sel.addRange(r)
      return { held, text: blocks[held]!.textContent!.length }
    })
    expect(target).not.toBeNull()
    const { held } = target!
    // Lexical has taken the caret where it was put
    await expect.poll(async () => (await caret()).index, { timeout: 15_000 }).toBe(held - 1)
    await page.keyboard.press('ArrowDown')
    // the next line is the first line of the paragraph below, and the caret is drawn on it
    await expect.poll(caret, { timeout: 15_000 }).toMatchObject({ index: held, drawn: true, shown: true })
    const down = await caret()
    expect(down.offset).toBeLessThan(30) // one line holds 28 characters
    await page.keyboard.insertText('跨')
    await expect.poll(() => page.evaluate((i) => document.querySelector('.document-body')!.children[i]!.textContent!.indexOf('跨'), held), { timeout: 15_000 }).toBe(down.offset)

    // typed on into a new line and back: on every frame the paragraph below starts under its last line
    await page.evaluate((i) => {
      const w = window as unknown as { __overlaps: number; __watching: boolean }
      const block = document.querySelector('.document-body')!.children[i]!
      w.__overlaps = 0
      w.__watching = true
      const frame = () => {
        if (!w.__watching) return
        const range = document.createRange()
        range.selectNodeContents(block)
        const last = Math.max(...[...range.getClientRects()].map((r) => r.bottom))
        const next = block.nextElementSibling?.getBoundingClientRect().top ?? Infinity
        if (next < last - 1) w.__overlaps++
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    }, held)
    const lines = await page.evaluate((i) => document.querySelector('.document-body')!.children[i]!.getClientRects()[0]!.height, held)
    for (const ch of '推进工作落实责任强化措施提升质效推进工作落实责任强化措施提升质效') await page.keyboard.insertText(ch)
    await expect.poll(() => page.evaluate((i) => document.querySelector('.document-body')!.children[i]!.getClientRects()[0]!.height, held), { timeout: 15_000 }).toBeGreaterThan(lines)
    for (let k = 0; k < 32; k++) await page.keyboard.press('Backspace')
    await expect.poll(() => page.evaluate((i) => document.querySelector('.document-body')!.children[i]!.getClientRects()[0]!.height, held), { timeout: 15_000 }).toBe(lines)
    expect(await page.evaluate(() => {
      const w = window as unknown as { __overlaps: number; __watching: boolean }
      w.__watching = false
      return w.__overlaps
    })).toBe(0)

    // a screen down from there: the caret lands on a line shown on the screen, where typing goes
    await page.keyboard.press('PageDown')
    await expect.poll(caret, { timeout: 15_000 }).toMatchObject({ drawn: true, shown: true })
    const paged = await caret()
    expect(paged.index).toBeGreaterThan(held)
    await page.keyboard.insertText('页')
    await expect
      .poll(() => page.evaluate(({ index, offset }) => document.querySelector('.document-body')!.children[index]!.textContent!.slice(offset, offset + 1), paged), { timeout: 15_000 })
      .toBe('页')
  })
})
