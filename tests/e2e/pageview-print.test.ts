/**
 * The page view shows the page as it will print: the 落款 (署名, 成文日期, seal) at the end of the last
 * page where the print preview puts it, moving to a new page with body lines when it no longer
 * fits; a table continued on a page shows its header row again there. Looked at and checked in
 * screenshots: test-results/pageview-print-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import jpeg from 'jpeg-js'
import type { FrameLocator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import type { Block, SummaryDocument } from '../../shared/document/model'
import { bodyTableAcrossPages, linesParagraph, tableAcrossPages } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { sealPng } from '../helpers/png'
import { ROOT, toolbarClick } from '../helpers/shell'

const e2e = useE2E()
const MM = 96 / 25.4
const SHOTS = path.join(ROOT, 'test-results')

/** A paragraph of exactly `n` lines (2 characters indent, 28 a line). */
const para = (n: number, seed: number): Block => linesParagraph(n, seed, '社区坚持把服务送到居民家门口网格员每周走访独居老人登记需求及时转办做到件件有回音事事有着落')

/** A community centre's summary of these paragraphs, sealed. */
const sealedSummary = (blocks: Block[]): SummaryDocument => ({
  version: 1,
  title: '2025年度社区服务工作总结',
  blocks,
  figures: [],
  signature: { organization: '某某街道社区服务中心', date: '2025-12-20', dateStyle: 'arabic', sealAssetId: 'SEAL' },
})

async function library(docs: SummaryDocument[]): Promise<string> {
  const dataDir = e2e.tempDir()
  const services = createServices({ dataDir })
  const sealId = (await callApi(services.handlers, 'assets.add', { kind: 'seal', name: '公章.png', dataBase64: sealPng(480).toString('base64') })).id
  for (const d of docs) {
    const model = d.signature?.sealAssetId === 'SEAL' ? { ...d, signature: { ...d.signature, sealAssetId: sealId } } : d
    await callApi(services.handlers, 'documents.create', { title: model.title, model })
  }
  services.close()
  return dataDir
}

async function openDocument(dataDir: string, title: string): Promise<Page> {
  const { page } = await e2e.openApp(dataDir)
  await page.locator('.doc-open', { hasText: title }).first().click()
  await page.locator('.document-body .dd-paragraph').first().waitFor()
  return page
}

interface Box { left: number; top: number; width: number; height: number }

/** The 落款's parts in mm from their sheet's top-left, in the page view or in the preview's frame. */
function signatureBoxes(scope: Element, sheet: Element): Record<'org' | 'date' | 'seal', Box> {
  const s = sheet.getBoundingClientRect()
  const k = 210 / s.width
  const box = (sel: string): Box => {
    const r = scope.querySelector(sel)!.getBoundingClientRect()
    return { left: (r.left - s.left) * k, top: (r.top - s.top) * k, width: r.width * k, height: r.height * k }
  }
  return { org: box('.sig .org span, .sig .org'), date: box('.sig .date'), seal: box('.sig .seal') }
}

/** The editor's 落款 positions on the sheet it is drawn on, and that sheet's number. */
async function editorSignature(page: Page): Promise<{ sheet: number; boxes: Record<'org' | 'date' | 'seal', Box> }> {
  return page.evaluate(() => {
    const sig = document.querySelector('[data-testid=pv-signature][data-placed=true]')
    if (!sig?.querySelector('.seal')) return { sheet: 0, boxes: {} as Record<'org' | 'date' | 'seal', Box> }
    const seal = sig.querySelector('.seal')!.getBoundingClientRect()
    // laid out: the block sits under the last line of the text, never on the first line of a sheet
    const lastText = document.querySelector('.document-body')!.lastElementChild!.getBoundingClientRect()
    if (seal.top < lastText.bottom - 4) return { sheet: -1, boxes: {} as Record<'org' | 'date' | 'seal', Box> }
    const sheets = [...document.querySelectorAll('.pv-sheet')]
    const i = sheets.findIndex((s) => {
      const r = s.getBoundingClientRect()
      return seal.top >= r.top && seal.bottom <= r.bottom
    })
    const s = sheets[i]!.getBoundingClientRect()
    const k = 210 / s.width
    const box = (sel: string) => {
      const r = sig.querySelector(sel)!.getBoundingClientRect()
      return { left: (r.left - s.left) * k, top: (r.top - s.top) * k, width: r.width * k, height: r.height * k }
    }
    return { sheet: i + 1, boxes: { org: box('.sig .org span, .sig .org'), date: box('.sig .date'), seal: box('.sig .seal') } }
  })
}

/** Lines of body text (their middles, mm from the sheet's top) on sheet `n` of the page view. */
function bodyLinesOnSheet(page: Page, n: number): Promise<number[]> {
  return page.evaluate((n) => {
    const s = document.querySelector(`.pv-sheet[data-page="${n}"]`)!.getBoundingClientRect()
    const k = 210 / s.width
    const tops = new Set<number>()
    const range = document.createRange()
    const walker = document.createTreeWalker(document.querySelector('.document-body')!, NodeFilter.SHOW_TEXT)
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      range.selectNodeContents(t)
      for (const r of range.getClientRects()) {
        const mid = r.top + r.height / 2
        if (r.height && mid > s.top && mid < s.bottom) tops.add(Math.round((mid - s.top) * k))
      }
    }
    return [...tops].sort((a, b) => a - b)
  }, n)
}

/** Opens the print preview and waits until every page is laid out; its frame. */
async function openPreview(page: Page): Promise<FrameLocator> {
  await toolbarClick(page, '[data-testid=open-preview]')
  await page.locator('[data-testid=print-preview]').waitFor()
  await expect.poll(() => page.locator('[data-testid=preview-pages]').getAttribute('data-done'), { timeout: 60_000 }).toBe('true')
  return page.frameLocator('[data-testid=preview-frame]')
}

interface RepeatedHead {
  page: number
  text: string | undefined
  /** mm from the sheet's top edge */
  top: number
  bottom: number
  /** the second cell of the table row drawn just under the header on that sheet */
  first: string
}

/**
 * The page view's repeated header rows: each one's sheet, words and place, and the row under it
 * (`rows`: the table's rows; `probe`: the cell whose text box tells where a row starts).
 */
function repeatedHeads(page: Page, rows: string, probe: number): Promise<RepeatedHead[]> {
  return page.locator('.pv-head').evaluateAll(
    (els, { rows, probe }) =>
      els.map((h) => {
        const n = Number(h.getAttribute('data-page'))
        const s = document.querySelector(`.pv-sheet[data-page="${n}"]`)!.getBoundingClientRect()
        const r = h.getBoundingClientRect()
        const below = ([...document.querySelectorAll(rows)] as HTMLTableRowElement[]).find((row) => {
          const t = document.createRange()
          t.selectNodeContents(row.cells[probe]!)
          const c = t.getBoundingClientRect()
          return c.top > r.bottom - 1 && c.top < s.bottom
        })
        return { page: n, text: h.textContent?.replace(/\s/g, ''), top: (r.top - s.top) / (s.width / 210), bottom: (r.bottom - s.top) / (s.width / 210), first: below?.cells[1]?.textContent ?? '' }
      }),
    { rows, probe },
  )
}

/** Dark pixels inside a header's band of a sheet's screenshot: its words and borders drawn. */
function darkIn(shot: { at(xMm: number, yMm: number): [number, number, number] }, head: RepeatedHead): number {
  let dark = 0
  for (let x = 30; x < 180; x += 0.5) for (let y = head.top + 1; y < head.bottom - 1; y += 0.5) if (shot.at(x, y)[0] < 90) dark++
  return dark
}

/** A screenshot of sheet `n` (JPEG, saved to look at) decoded to pixels, 1 px = 1 CSS px. */
async function shootSheet(page: Page, n: number, name: string): Promise<{ at(xMm: number, yMm: number): [number, number, number]; redBox(): Box | null }> {
  // a window tall enough for a whole sheet, the sheet's top at the top of the page area
  await page.setViewportSize({ width: 1400, height: 1500 })
  await page.locator(`.pv-sheet[data-page="${n}"]`).evaluate((s) => s.scrollIntoView({ block: 'start' }))
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const box = (await page.locator(`.pv-sheet[data-page="${n}"]`).boundingBox())!
  const area = (await page.locator('.page-scroll').boundingBox())!
  const clip = { x: box.x, y: Math.max(area.y, box.y), width: box.width, height: Math.min(box.y + box.height, area.y + area.height) - Math.max(area.y, box.y) }
  const buf = await page.screenshot({ type: 'jpeg', quality: 92, clip })
  fs.mkdirSync(SHOTS, { recursive: true })
  // a PNG to look at; the JPEG's pixels are what the test reads
  await page.screenshot({ type: 'png', path: path.join(SHOTS, `pageview-print-${name}.png`), clip })
  const img = jpeg.decode(buf, { useTArray: true })
  const k = box.width / 210 // px per mm
  const offset = clip.y - box.y
  const px = (x: number, y: number): [number, number, number] => {
    const i = (y * img.width + x) * 4
    return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!]
  }
  return {
    at: (xMm, yMm) => px(Math.round(xMm * k), Math.round(yMm * k - offset)),
    redBox() {
      let b: { l: number; t: number; r: number; btm: number } | null = null
      for (let y = 0; y < img.height; y++)
        for (let x = 0; x < img.width; x++) {
          const [r, g, bl] = px(x, y)
          if (r > 150 && g < 110 && bl < 110) {
            b ??= { l: x, t: y, r: x, btm: y }
            b.l = Math.min(b.l, x); b.r = Math.max(b.r, x); b.btm = y
          }
        }
      return b && { left: b.l / k, top: (b.t + offset) / k, width: (b.r - b.l + 1) / k, height: (b.btm - b.t + 1) / k }
    },
  }
}

describe('page view: the page as it will print', () => {
  it('draws the 落款 where the print preview puts it, and moves it to a new page with body lines when it no longer fits', async () => {
    // title, blank line, 15 body lines: the sealed block (two blank lines, 署名, date, the seal) fits on page 1
    const model = sealedSummary([para(5, 0), para(5, 7), para(3, 13), para(2, 21)])
    const page = await openDocument(await library([model]), model.title)
    await expect.poll(() => page.locator('[data-testid=pv-signature] .seal').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => editorSignature(page).then((s) => s.sheet), { timeout: 15_000 }).toBe(1)
    expect(await page.locator('.pv-sheet').count()).toBe(1)
    const onePage = await editorSignature(page)
    const shot1 = await shootSheet(page, 1, 'sealed-fits')
    // the seal's red ink is in the screenshot where the block is placed
    const red1 = shot1.redBox()!
    expect(red1, 'the seal is drawn').not.toBeNull()
    expect(Math.abs(red1.left + red1.width / 2 - (onePage.boxes.date.left + onePage.boxes.date.width / 2))).toBeLessThan(1.5)
    expect(red1.top).toBeGreaterThan(onePage.boxes.seal.top - 1)

    // six more lines of body: the block goes to page 2, with the last body lines
    const last = page.locator('.document-body .dd-paragraph').last()
    await last.click()
    await page.keyboard.press('End')
    await page.keyboard.insertText('居民反映的问题当天登记限时办结并回访满意度'.repeat(8))
    await expect.poll(() => editorSignature(page).then((s) => s.sheet), { timeout: 15_000 }).toBe(2)
    await expect.poll(() => page.locator('.pv-sheet').count(), { timeout: 15_000 }).toBe(2)
    const edited = await editorSignature(page)
    const linesOn2 = await bodyLinesOnSheet(page, 2)
    // never a 落款 page without body text: at least two lines came over, at the top of the text block
    expect(linesOn2.length, JSON.stringify(linesOn2)).toBeGreaterThanOrEqual(2)
    expect(linesOn2[0]!).toBeGreaterThan(37)
    expect(linesOn2[0]!).toBeLessThan(37 + 11)
    // the seal's top within one line of the last body line (GB/T 9704 §7.3.5.1)
    const lastLineFoot = linesOn2[linesOn2.length - 1]! + 10.2 / 2
    expect(edited.boxes.seal.top - lastLineFoot).toBeGreaterThan(-1.5)
    expect(edited.boxes.seal.top - lastLineFoot).toBeLessThan(10.3)
    const shot2 = await shootSheet(page, 2, 'sealed-moved')
    const red2 = shot2.redBox()!
    expect(red2).not.toBeNull()
    expect(Math.abs(red2.top - edited.boxes.seal.top)).toBeLessThan(2)

    // the print preview of the same text: the same page, the same places, within a few pixels
    const frame = await openPreview(page)
    expect(await frame.locator('.pages .page').count()).toBe(2)
    const inPreview = await frame.locator('.pages').evaluate((pages, fn) => {
      const boxes = new Function(`return (${fn})`)() as typeof signatureBoxes
      const sheet = pages.querySelector('.page[data-page="2"]')!
      return boxes(sheet, sheet)
    }, signatureBoxes.toString())
    const px = (mm: number) => mm * MM
    for (const part of ['org', 'date', 'seal'] as const) {
      const a = edited.boxes[part]
      const b = inPreview[part]
      expect(Math.abs(px(a.left - b.left)), `${part} left: page view ${a.left.toFixed(1)} mm, preview ${b.left.toFixed(1)} mm`).toBeLessThan(3)
      expect(Math.abs(px(a.top - b.top)), `${part} top: page view ${a.top.toFixed(1)} mm, preview ${b.top.toFixed(1)} mm`).toBeLessThan(3)
      expect(Math.abs(px(a.width - b.width)), `${part} width`).toBeLessThan(3)
    }
    await page.screenshot({ path: path.join(SHOTS, 'pageview-print-preview.png') })
  }, 120_000)

  it('closes up the page as the PDF does when the sealed 落款 would spill by a fraction of a line (§7.3.5.4)', async () => {
    // title, blank line, 16 body lines and the sealed block (the seal 4.1 lines): 22.1 lines
    const model = sealedSummary([para(6, 0), para(6, 7), para(4, 13)])
    const page = await openDocument(await library([model]), model.title)
    await expect.poll(() => page.locator('[data-testid=pv-signature] .seal').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => editorSignature(page).then((s) => s.sheet), { timeout: 15_000 }).toBe(1)
    expect(await page.locator('.pv-sheet').count()).toBe(1)
    const shot = await shootSheet(page, 1, 'closed-up')
    const sig = await editorSignature(page)
    // the seal whole inside the text block (37 + 225 mm), its top within a line of the last body line
    expect(sig.boxes.seal.top + sig.boxes.seal.height).toBeLessThanOrEqual(262 + 0.5)
    const body = await bodyLinesOnSheet(page, 1)
    const lastFoot = body[body.length - 1]! + 10.2 / 2
    expect(sig.boxes.seal.top - lastFoot, JSON.stringify({ sig, body })).toBeGreaterThan(-1.5)
    expect(sig.boxes.seal.top - lastFoot).toBeLessThan(10.3)
    const red = shot.redBox()!
    expect(red.top + red.height).toBeLessThanOrEqual(262 + 0.5)

    // the print preview: one page too, the block at the same place
    const frame = await openPreview(page)
    expect(await frame.locator('.pages .page').count()).toBe(1)
    expect(await frame.locator('.pages .page.tight').count()).toBe(1)
    const inPreview = await frame.locator('.pages').evaluate((pages, fn) => {
      const boxes = new Function(`return (${fn})`)() as typeof signatureBoxes
      const sheet = pages.querySelector('.page[data-page="1"]')!
      return boxes(sheet, sheet)
    }, signatureBoxes.toString())
    for (const part of ['org', 'date', 'seal'] as const) {
      expect(Math.abs((sig.boxes[part].top - inPreview[part].top) * MM), `${part} top: page view ${sig.boxes[part].top.toFixed(1)} mm, preview ${inPreview[part].top.toFixed(1)} mm`).toBeLessThan(4)
      expect(Math.abs((sig.boxes[part].left - inPreview[part].left) * MM), `${part} left`).toBeLessThan(3)
    }
  }, 120_000)

  it('repeats a continued table\'s header row at the top of the next page, as printed, never in the text', async () => {
    const model = tableAcrossPages(para)
    const page = await openDocument(await library([model]), model.title)
    await expect.poll(() => page.locator('.pv-head').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    // the first row of figures under the header: the row whose cells start just below it
    const heads = await repeatedHeads(page, '.document-body .dd-figuretable-grid tbody tr', 0)
    expect(heads.length).toBeGreaterThan(0)
    const n = heads[0]!.page
    const shot = await shootSheet(page, n, 'table-head')
    for (const h of heads) {
      expect(h.text).toBe('序号项目数值上年说明')
      // at the top of the page's text block (37 mm)
      expect(Math.abs(h.top - 37)).toBeLessThan(0.8)
      expect(h.first, JSON.stringify(heads)).toMatch(/^第\d+项指标$/)
    }
    // not part of the text: the editable table holds its header once
    expect(await page.locator('.document-body th', { hasText: '序号' }).count()).toBe(1)
    // seen in the screenshot: dark ink in the header band on the continuation page
    expect(darkIn(shot, heads[0]!), 'header text and borders drawn').toBeGreaterThan(40)

    // the print preview continues the table on the same page with the same row
    const frame = await openPreview(page)
    const previewFirst = await frame.locator(`.pages .page[data-page="${n}"] table.cont tbody tr`).first().locator('td').nth(1).innerText()
    expect(previewFirst).toBe(heads[0]!.first)
    expect(await frame.locator('.pages .page').count()).toBe(await page.locator('.pv-sheet').count())
  }, 120_000)
  it('repeats the header row of a writer\'s own table too (not only the 附表\'s), where the PDF repeats it', async () => {
    const model = bodyTableAcrossPages(para)
    const page = await openDocument(await library([model]), model.title)
    await expect.poll(() => page.locator('.pv-head').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const heads = await repeatedHeads(page, '.document-body table tr', 1)
    expect(heads.length).toBeGreaterThan(0)
    for (const h of heads) {
      expect(h.text).toBe('序号工作事项完成情况')
      expect(Math.abs(h.top - 37)).toBeLessThan(0.8)
      expect(h.first, JSON.stringify(heads)).toMatch(/^第\d+件民生实事$/)
    }
    const shot = await shootSheet(page, heads[0]!.page, 'body-table-head')
    expect(darkIn(shot, heads[0]!), 'header text and borders drawn').toBeGreaterThan(40)
    // the editable table holds its header once
    expect(await page.locator('.document-body td', { hasText: '工作事项' }).count()).toBe(1)

    // the print preview continues the table on the same page with the same row, under the same header
    const frame = await openPreview(page)
    const cont = frame.locator(`.pages .page[data-page="${heads[0]!.page}"] table.cont`)
    expect((await cont.locator('thead').innerText()).replace(/\s/g, '')).toBe('序号工作事项完成情况')
    expect(await cont.locator('tbody tr').first().locator('td').nth(1).innerText()).toBe(heads[0]!.first)
    expect(await frame.locator('.pages .page').count()).toBe(await page.locator('.pv-sheet').count())
  }, 120_000)
  it('sets the body under the title and subtitle where the print preview does (one blank line under the subtitle)', async () => {
    const model = { ...sealedSummary([para(3, 1), para(3, 2)]), subtitle: '——某某街道社区服务中心' }
    const page = await openDocument(await library([model]), model.title)
    await page.locator('.pv-sheet').first().waitFor()
    const inEditor = await page.evaluate(() => {
      const sheet = document.querySelector('.pv-sheet')!.getBoundingClientRect()
      const k = 210 / sheet.width
      return (document.querySelector('.document-body .dd-paragraph')!.getBoundingClientRect().top - sheet.top) * k
    })
    const inPreview = await (await openPreview(page)).locator('.pages .page').first().evaluate((sheet) => {
      const s = sheet.getBoundingClientRect()
      return (sheet.querySelector('.p')!.getBoundingClientRect().top - s.top) * (210 / s.width)
    })
    expect(Math.abs(inEditor - inPreview), `first body line: page view ${inEditor.toFixed(1)} mm, preview ${inPreview.toFixed(1)} mm`).toBeLessThan(1)
  }, 120_000)
})
