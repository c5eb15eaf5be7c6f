/**
 * GB/T 9704-2012 §7.3.5.4 in the PDF: a sealed 落款 that would spill over to a page of its own by a
 * fraction of a line closes up its page's lines (within the bound of SIGNATURE.tightestPitch)
 * instead, so the document ends on one page; one that needs more still carries body lines over.
 * Measured with pdftotext -bbox and the seal's red ink; looked at: test-results/tighten-*.png.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import type { Block, SummaryDocument } from '../../shared/document/model'
import { LINE_PITCH_PT, MARGIN_MM, SIGNATURE, TEXT_BLOCK_MM } from '../../shared/output/layout'
import { lines, PT_TO_MM, pdfWords, savePngs } from '../helpers/outputPdf'
import { sealPng } from '../helpers/png'
import { redInkBox } from '../helpers/sealInk'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const LINE_MM = LINE_PITCH_PT * PT_TO_MM
const TEXT_BOTTOM = MARGIN_MM.top + TEXT_BLOCK_MM.height

/** A paragraph of exactly `n` lines (2 characters indent, 28 a line). */
const para = (n: number, seed: number): Block => {
  const chars = '全镇坚持把安全生产摆在突出位置逐月排查隐患建立台账限期整改做到责任到人措施到位'
  let text = ''
  for (let i = 0; text.length < 26 + 28 * (n - 1) - 1; i++) text += chars[(i + seed) % chars.length]
  return { type: 'paragraph', children: [{ type: 'text', text: text + '。' }] }
}

/** Title, blank line and `body` lines of body, sealed. */
const sealedDoc = (body: number[], sealAssetId: string): SummaryDocument => ({
  version: 1,
  title: '2025年度安全生产工作总结',
  blocks: body.map((n, i) => para(n, i * 5)),
  figures: [],
  signature: { organization: '某某镇安全生产委员会办公室', date: '2025-12-22', dateStyle: 'arabic', sealAssetId },
})

const flat = (s: string) => s.replace(/\s/g, '')

describe('§7.3.5.4: the 落款 kept with the body by closing up the page', () => {
  it('ends on one page when the sealed block would spill by a fraction of a line; carries lines over when it needs more', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    try {
      const h = services.handlers
      const seal = await callApi(h, 'assets.add', { kind: 'seal', name: '公章.png', dataBase64: sealPng(480).toString('base64') })
      const pdfOf = async (model: SummaryDocument, name: string) => {
        const doc = await callApi(h, 'documents.create', { title: model.title, model })
        const r = await callApi(h, 'export.render', { id: doc.id, format: 'pdf' })
        const file = path.join(dir, `${name}.pdf`)
        fs.writeFileSync(file, Buffer.from(r.dataBase64, 'base64'))
        return file
      }

      // title, blank line, 16 lines of body (18 lines) and the sealed block (two blank lines, 署名,
      // date; the 42 mm seal reaches 4.1 lines down): 22.1 lines on a 22-line page
      const just = await pdfOf(sealedDoc([6, 6, 4], seal.id), 'tighten-just')
      const pages = pdfWords(just)
      expect(pages.length, 'one page').toBe(1)
      const onPage = lines(pages[0]!, MARGIN_MM.top - 2, TEXT_BOTTOM + 2)
      const org = onPage.find((l) => flat(l.text) === '某某镇安全生产委员会办公室')!
      const date = onPage.find((l) => flat(l.text) === '2025年12月22日')!
      expect(org && date, JSON.stringify(onPage)).toBeTruthy()
      const body = onPage.filter((l) => l.y < org.y - 1)
      // the title and the 16 body lines, closer together than the grid's 28.95 pt but within the bound
      expect(body.length).toBe(17)
      // (each line's place is rounded to the layout's units: the mean pitch, from the first body line to the last)
      const pitch = (body[body.length - 1]!.y - body[1]!.y) / (body.length - 2)
      expect(pitch).toBeLessThan(LINE_MM - 0.01)
      expect(pitch).toBeGreaterThanOrEqual(LINE_MM * SIGNATURE.tightestPitch - 0.02)
      // the 落款 itself keeps the standard's spacing: the date a whole line under the name
      expect(date.y - org.y).toBeCloseTo(LINE_MM, 0)
      // the seal whole, on this page, inside the text block, its top within a line of the last body line
      const ink = redInkBox(just, 1)!
      expect(ink).not.toBeNull()
      expect(ink.bottom).toBeLessThanOrEqual(TEXT_BOTTOM + 0.5)
      const lastFoot = body[body.length - 1]!.y + LINE_MM / 2
      expect(ink.top - lastFoot).toBeGreaterThan(-1)
      expect(ink.top - lastFoot).toBeLessThan(LINE_MM)
      const images = execFileSync('pdfimages', ['-list', just]).toString().split('\n').slice(2).filter((l) => /\bimage\b/.test(l))
      expect([...new Set(images.map((l) => Number(l.trim().split(/\s+/)[0])))]).toEqual([1])
      savePngs(just, 'tighten-just', 1, 1)

      // one line more of body: 23.1 lines would need the body's lines at 17.9/19 of the pitch, below
      // the bound — two lines go over with the block, as before
      const more = await pdfOf(sealedDoc([6, 6, 5], seal.id), 'tighten-more')
      const two = pdfWords(more)
      expect(two.length).toBe(2)
      const p2 = lines(two[1]!, MARGIN_MM.top - 2, TEXT_BOTTOM + 2)
      const bodyOn2 = p2.filter((l) => !['某某镇安全生产委员会办公室', '2025年12月22日'].includes(flat(l.text)))
      expect(bodyOn2.length).toBe(2)
      expect(bodyOn2[1]!.y - bodyOn2[0]!.y).toBeCloseTo(LINE_MM, 0)
    } finally {
      services.close()
    }
  }, 120_000)
})
