/**
 * The printed pages: the preview is the PDF page for page (both built by print/pages.ts), the
 * signature block placed by GB/T 9704-2012 §7.3.5 and never alone on a page, headings never last on
 * a page, table headers repeated. Measured in the PDF with pdftotext -bbox and the rendered ink;
 * looked at: test-results/pages-*.png.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { callApi, createServices } from '../../electron/services'
import type { Block, SummaryDocument } from '../../shared/document/model'
import { CSS_CHAR_PITCH_PT, LINE_PITCH_PT, MARGIN_MM, PAGE_MM, TEXT_BLOCK_MM } from '../../shared/output/layout'
import { bodyTableAcrossPages, linesParagraph, longDocument, tableAcrossPages } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { lines, pdfPages, pdfWords, PT_TO_MM, savePngs, type Line } from '../helpers/outputPdf'
import { sealPng } from '../helpers/png'
import { toolbarClick } from '../helpers/shell'

const e2e = useE2E()

const CHAR_MM = CSS_CHAR_PITCH_PT * PT_TO_MM
const LINE_MM = LINE_PITCH_PT * PT_TO_MM
const RIGHT_EDGE_MM = PAGE_MM.width - MARGIN_MM.right
const TEXT_TOP = MARGIN_MM.top - 2
const TEXT_BOTTOM = MARGIN_MM.top + TEXT_BLOCK_MM.height + 2

/** A paragraph of exactly `n` lines (2 characters indent, 28 a line). */
const para = (n: number, seed: number): Block => linesParagraph(n, seed)

/** Title, blank line, then 19 lines of body: the signature block (5 lines sealed, 3 unsealed) cannot follow on page 1. */
function footDocument(organization: string, sealAssetId?: string): SummaryDocument {
  return {
    version: 1,
    title: '2025年度安全生产工作总结',
    blocks: [para(5, 0), para(5, 7), para(5, 13), para(4, 21)],
    figures: [],
    signature: { organization, date: '2025-12-20', dateStyle: 'arabic', ...(sealAssetId ? { sealAssetId } : {}) },
  }
}

/** A library holding `docs` (a seal image when asked: signature.sealAssetId 'SEAL' stands for it), and its PDF export; close before opening the app on it. */
async function library(docs: SummaryDocument[], seal = false): Promise<{ dataDir: string; ids: string[]; pdf(id: string, name: string): Promise<string>; close(): void }> {
  const dataDir = e2e.tempDir()
  const services = createServices({ dataDir })
  const sealId = seal ? (await callApi(services.handlers, 'assets.add', { kind: 'seal', name: '公章.png', dataBase64: sealPng(480).toString('base64') })).id : null
  const ids: string[] = []
  for (const d of docs) {
    const model = sealId && d.signature && d.signature.sealAssetId === 'SEAL' ? { ...d, signature: { ...d.signature, sealAssetId: sealId } } : d
    ids.push((await callApi(services.handlers, 'documents.create', { title: model.title, model })).id)
  }
  const pdf = async (id: string, name: string) => {
    const r = await callApi(services.handlers, 'export.render', { id, format: 'pdf' })
    const file = path.join(dataDir, `${name}.pdf`)
    fs.writeFileSync(file, Buffer.from(r.dataBase64, 'base64'))
    return file
  }
  return { dataDir, ids, pdf, close: () => services.close() }
}

/** The pages an image is drawn on (pdfimages -list). */
function imagePages(pdf: string): number[] {
  const out = execFileSync('pdfimages', ['-list', pdf]).toString().split('\n').slice(2)
  return out.filter((l) => /\bimage\b/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]))
}

/** Rows (mm from the top) and columns holding red ink on a page: the seal. */
function redInk(pdf: string, page: number, dpi = 100): { top: number; bottom: number; left: number; right: number } | null {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 * 1024 * 1024 })
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))!
  const [w, h] = [Number(header[1]), Number(header[2])]
  const data = ppm.subarray(header[0].length)
  let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3
      if (data[i]! > 150 && data[i + 1]! < 110 && data[i + 2]! < 110) {
        top = Math.min(top, y); bottom = Math.max(bottom, y); left = Math.min(left, x); right = Math.max(right, x)
      }
    }
  const mm = 25.4 / dpi
  return top === Infinity ? null : { top: top * mm, bottom: (bottom + 1) * mm, left: left * mm, right: (right + 1) * mm }
}

const textLines = (pdf: string) => pdfWords(pdf).map((p) => lines(p, TEXT_TOP, TEXT_BOTTOM))
const flat = (s: string) => s.replace(/\s/g, '')

/** The preview's pages: for each, its first and last line of text (characters grouped by their line). */
async function previewPages(page: Page): Promise<{ first: string; last: string; forced: boolean }[]> {
  const frame = page.frameLocator('[data-testid=preview-frame]')
  return frame.locator('.pages').evaluate((pages) => {
    const lineOf = (area: Element, fromEnd: boolean): string => {
      const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT)
      const chars: { node: Text; i: number }[] = []
      for (let n = walker.nextNode(); n; n = walker.nextNode()) for (let i = 0; i < (n as Text).length; i++) chars.push({ node: n as Text, i })
      const range = document.createRange()
      const top = (c: { node: Text; i: number }) => {
        range.setStart(c.node, c.i)
        range.setEnd(c.node, c.i + 1)
        const r = range.getBoundingClientRect()
        return r.height ? Math.round(r.top + r.height / 2) : null
      }
      const order = fromEnd ? [...chars].reverse() : chars
      let y: number | null = null
      let out = ''
      for (const c of order) {
        const t = top(c)
        if (t === null) continue
        if (y === null) y = t
        else if (Math.abs(t - y) > 12) break
        out = fromEnd ? c.node.data[c.i] + out : out + c.node.data[c.i]
      }
      return out.replace(/\s/g, '')
    }
    return Array.from(pages.querySelectorAll('.page')).map((p) => {
      const area = p.querySelector('.area')!
      return { first: lineOf(area, false), last: lineOf(area, true), forced: p.getAttribute('data-forced') === 'true' }
    })
  })
}

async function openPreview(dataDir: string, title: string): Promise<Page> {
  const { page } = await e2e.openApp(dataDir)
  await page.locator('.doc-open', { hasText: title }).first().click()
  await page.locator('.document-body').waitFor()
  await toolbarClick(page, '[data-testid=open-preview]')
  await page.locator('[data-testid=print-preview]').waitFor()
  await expect.poll(() => page.locator('[data-testid=preview-pages]').getAttribute('data-done'), { timeout: 60_000 }).toBe('true')
  return page
}

describe('the printed pages', () => {
  it('places the signature block by GB/T 9704 §7.3.5 at a page foot, sealed and unsealed, with body text, in PDF and preview alike', async () => {
    const sealed = footDocument('某某镇应急管理办公室', 'SEAL')
    const unsealed = { ...footDocument('安监办'), title: '2025年度消防工作总结' }
    const longName = { ...footDocument('某某县应急管理局安全生产监督管理办公室'), title: '2025年度应急管理工作总结' }
    const lib = await library([sealed, unsealed, longName], true)

    // sealed (§7.3.5.1)
    const sealedPdf = await lib.pdf(lib.ids[0]!, 'sealed')
    const pagesS = textLines(sealedPdf)
    expect(pagesS.length).toBe(2)
    const p2 = pagesS[1]!
    const org = p2.find((l) => flat(l.text) === '某某镇应急管理办公室')!
    const date = p2.find((l) => flat(l.text) === '2025年12月20日')!
    expect(org && date, JSON.stringify(p2)).toBeTruthy()
    const body = p2.filter((l) => l !== org && l !== date)
    // the last body lines came over with it: two of them (no widow), on the grid above
    expect(body.length).toBe(2)
    const lastBody = body[body.length - 1]!
    // the date 右空四字; the name centred over it
    expect(Math.abs(RIGHT_EDGE_MM - date.xMax - 4 * CHAR_MM), `date ends ${(RIGHT_EDGE_MM - date.xMax).toFixed(2)} mm from the right`).toBeLessThan(1)
    expect(Math.abs((org.xMin + org.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(1)
    expect(date.y - org.y).toBeCloseTo(LINE_MM, 0)
    // the seal: drawn once, on the page of the signature, whole, centred over the date, pressing on
    // the name and the date, its top within one line of the last body line
    expect([...new Set(imagePages(sealedPdf))]).toEqual([2])
    const seal = redInk(sealedPdf, 2)!
    expect(seal).not.toBeNull()
    expect(seal.bottom).toBeLessThan(MARGIN_MM.top + TEXT_BLOCK_MM.height + 1)
    expect(Math.abs((seal.left + seal.right) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(1)
    const lastBodyBottom = lastBody.y + LINE_MM / 2
    expect(seal.top - lastBodyBottom, `seal top ${seal.top.toFixed(1)}, body ends ${lastBodyBottom.toFixed(1)}`).toBeGreaterThanOrEqual(-1)
    expect(seal.top - lastBodyBottom).toBeLessThanOrEqual(LINE_MM)
    expect(seal.top).toBeLessThan(org.y)
    expect(seal.bottom).toBeGreaterThan(date.y)
    // name and date below the seal's centre (居印章中心偏下)
    expect(org.y).toBeGreaterThan((seal.top + seal.bottom) / 2 - 1)
    savePngs(sealedPdf, 'pages-sealed', 1, 2)

    // unsealed (§7.3.5.2): 署名 右空二字 one line below the body, the date a line below, 2 characters right
    const unsealedPdf = await lib.pdf(lib.ids[1]!, 'unsealed')
    const pagesU = textLines(unsealedPdf)
    const last = pagesU[pagesU.length - 1]!
    const uOrg = last.find((l) => flat(l.text) === '安监办')!
    const uDate = last.find((l) => flat(l.text) === '2025年12月20日')!
    expect(uOrg && uDate, JSON.stringify(last)).toBeTruthy()
    const uBody = last.filter((l) => l !== uOrg && l !== uDate)
    expect(uBody.length).toBeGreaterThanOrEqual(2)
    // the date is longer than the name: the date 右空二字, the name moved left so the date's first
    // character stays 2 characters right of the name's
    expect(Math.abs(RIGHT_EDGE_MM - uDate.xMax - 2 * CHAR_MM), `date ends ${(RIGHT_EDGE_MM - uDate.xMax).toFixed(2)} mm from the right`).toBeLessThan(1)
    expect(Math.abs(uDate.xMin - uOrg.xMin - 2 * CHAR_MM)).toBeLessThan(1)
    expect(uOrg.y - uBody[uBody.length - 1]!.y).toBeCloseTo(2 * LINE_MM, 0)
    expect(uDate.y - uOrg.y).toBeCloseTo(LINE_MM, 0)
    savePngs(unsealedPdf, 'pages-unsealed', pagesU.length, pagesU.length)
    // a name longer than the date: the name 右空二字, the date's first character 2 characters right of the name's
    const longPdf = await lib.pdf(lib.ids[2]!, 'unsealed-long')
    const lastL = textLines(longPdf).at(-1)!
    const lOrg = lastL.find((l) => flat(l.text) === '某某县应急管理局安全生产监督管理办公室')!
    const lDate = lastL.find((l) => flat(l.text) === '2025年12月20日')!
    expect(lOrg && lDate, JSON.stringify(lastL)).toBeTruthy()
    expect(Math.abs(RIGHT_EDGE_MM - lOrg.xMax - 2 * CHAR_MM), `name ends ${(RIGHT_EDGE_MM - lOrg.xMax).toFixed(2)} mm from the right`).toBeLessThan(1)
    expect(Math.abs(lDate.xMin - lOrg.xMin - 2 * CHAR_MM)).toBeLessThan(1)

    // the preview: the same pages, the seal on page 2 with the body lines
    lib.close()
    const page = await openPreview(lib.dataDir, sealed.title)
    const preview = await previewPages(page)
    expect(preview.length).toBe(2)
    const pdfFirstLast = pagesS.map((p) => ({ first: flat(p[0]!.text), last: flat(p[p.length - 1]!.text) }))
    expect(preview.map(({ first, last }) => ({ first, last }))).toEqual(pdfFirstLast)
    const frame = page.frameLocator('[data-testid=preview-frame]')
    expect(await frame.locator('.page').nth(1).locator('.seal').count()).toBe(1)
    // no 定稿 mark unless asked
    expect(await frame.locator('.fm').count()).toBe(0)
    await frame.locator('.page').nth(1).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/pages-preview-sealed.png' })
  }, 120_000)

  it('a long document: the preview is the PDF page for page, and no page ends with a heading', async () => {
    const model = longDocument(70_000, 140)
    const lib = await library([model])
    const pdf = await lib.pdf(lib.ids[0]!, 'long')
    const pdfLines = textLines(pdf)
    expect(pdfLines.length).toBe(pdfPages(pdf))
    expect(pdfLines.length).toBeGreaterThan(100)
    // no page ends with a heading (every heading here is "第N项重点工作推进情况")
    const stranded = pdfLines.flatMap((p, i) => (i < pdfLines.length - 1 && /重点工作推进情况$/.test(flat(p[p.length - 1]?.text ?? '')) ? [i + 1] : []))
    expect(stranded, `pages ending with a heading: ${stranded.join(', ')}`).toEqual([])

    lib.close()
    const page = await openPreview(lib.dataDir, model.title)
    const preview = await previewPages(page)
    expect(preview.length).toBe(pdfLines.length)
    const fromPdf = pdfLines.map((p: Line[]) => ({ first: flat(p[0]!.text), last: flat(p[p.length - 1]!.text) }))
    const mismatches = preview.flatMap((p, i) => (p.first !== fromPdf[i]!.first || p.last !== fromPdf[i]!.last ? [{ page: i + 1, preview: p, pdf: fromPdf[i] }] : []))
    expect(mismatches.slice(0, 3)).toEqual([])
    expect(preview.some((p) => p.forced)).toBe(false)
  }, 180_000)

  it('a table split across pages repeats its header row and never leaves the header with one row', async () => {
    const model = tableAcrossPages(para)
    const lib = await library([model])
    const pdf = await lib.pdf(lib.ids[0]!, 'table')
    const pages = textLines(pdf)
    const headerText = (p: Line[]) => p.findIndex((l) => /^序号项目/.test(flat(l.text)))
    const tablePages = pages.flatMap((p, i) => (p.some((l) => /第\d+项指标/.test(l.text)) ? [i] : []))
    expect(tablePages.length).toBeGreaterThan(1)
    for (const i of tablePages) {
      const p = pages[i]!
      const h = headerText(p)
      expect(h, `page ${i + 1} has the header row`).toBeGreaterThanOrEqual(0)
      // at least two rows under the header on every page of the table
      expect(p.slice(h + 1).filter((l) => /第\d+项指标/.test(l.text)).length, `rows on page ${i + 1}`).toBeGreaterThanOrEqual(2)
    }
    savePngs(pdf, 'pages-table', tablePages[0]! + 1, tablePages[1]! + 1)
    lib.close()
  }, 120_000)

  it('a writer\'s own table (not the 附表) split across pages repeats its header row, in the PDF and the preview alike', async () => {
    const model = bodyTableAcrossPages(para)
    const lib = await library([model])
    const pdf = await lib.pdf(lib.ids[0]!, 'body-table')
    const pages = textLines(pdf)
    const isRow = (l: Line) => /第\d+件民生实事/.test(l.text)
    const tablePages = pages.flatMap((p, i) => (p.some(isRow) ? [i] : []))
    expect(tablePages.length).toBeGreaterThan(1)
    for (const i of tablePages) {
      const p = pages[i]!
      const h = p.findIndex((l) => flat(l.text) === '序号工作事项完成情况')
      expect(h, `page ${i + 1} has the header row`).toBeGreaterThanOrEqual(0)
      // on a continuation page the header comes first, at the top of the text block
      if (i > tablePages[0]!) {
        expect(h, `page ${i + 1}: the header first`).toBe(0)
        expect(p[0]!.y - MARGIN_MM.top, `page ${i + 1}: header ${p[0]!.y.toFixed(1)} mm from the top`).toBeGreaterThan(0)
        expect(p[0]!.y - MARGIN_MM.top, `page ${i + 1}: header ${p[0]!.y.toFixed(1)} mm from the top`).toBeLessThan(LINE_MM)
      }
      // never the header and one row at a page foot: at least two rows under it on every page
      expect(p.slice(h + 1).filter(isRow).length, `rows on page ${i + 1}`).toBeGreaterThanOrEqual(2)
    }
    // every row printed once (the header once per page)
    const printed = pages.flat().filter(isRow).map((l) => /第(\d+)件/.exec(l.text)![1])
    expect(printed).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)))
    const headers = pages.flat().filter((l) => flat(l.text) === '序号工作事项完成情况').length
    expect(headers).toBe(tablePages.length)
    savePngs(pdf, 'pages-body-table', tablePages[0]! + 1, tablePages[1]! + 1)

    // the preview is the same pages: its continuation starts with the header row, then the same row
    lib.close()
    const page = await openPreview(lib.dataDir, model.title)
    const preview = await previewPages(page)
    expect(preview.map((p) => p.first)).toEqual(pages.map((p) => flat(p[0]!.text)))
    const frame = page.frameLocator('[data-testid=preview-frame]')
    const cont = frame.locator(`.pages .page[data-page="${tablePages[1]! + 1}"] table.cont`)
    expect(await cont.locator('thead tr').innerText()).toMatch(/序号\s*工作事项\s*完成情况/)
  }, 120_000)

  it('says which pages had to bend the rules: the CLI on stderr, the preview in its bar', async () => {
    // a title far taller than a page cannot be kept with the text that follows
    const model: SummaryDocument = { version: 1, title: '关于'.repeat(238) + '的总结', blocks: [para(3, 2)], figures: [] }
    const lib = await library([model])
    lib.close()
    const json = path.join(lib.dataDir, 'tall.json')
    fs.writeFileSync(json, JSON.stringify(model))
    const said: string[] = []
    const code = await runCli(['export', json, '--pdf', path.join(lib.dataDir, 'tall.pdf'), '--data-dir', lib.dataDir], { log: () => {}, error: (s: string) => said.push(s) })
    expect(code).toBe(0)
    expect(said.join('\n')).toMatch(/第 1 页排不下/)
    const page = await openPreview(lib.dataDir, '关于关于')
    await expect.poll(() => page.locator('[data-testid=preview-forced]').getAttribute('data-pages')).toBe('1')
    expect(await page.locator('[data-testid=preview-forced]').innerText()).toMatch(/第 1 页排不下/)
    // and the dialog's PDF export says so beside the file it saved
    await page.click('[data-testid=preview-close]')
    await toolbarClick(page, '[data-testid=open-output]')
    await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-pdf]')])
    await expect.poll(() => page.locator('[data-testid=output-message]').innerText(), { timeout: 15_000 }).toMatch(/第 1 页排不下/)
  }, 120_000)
})
