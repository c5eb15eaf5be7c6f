/**
 * The DOCX as Word users get it: pagination properties Word applies (keep with next,
 * keep lines, widow control, repeated header rows, rows that never split), the 落款 by GB/T 9704
 * §7.3.5 with the seal anchored in the 署名's paragraph, run-in headings joined by Word's style
 * separator, figures as tagged content controls, LibreOffice's rendering of a 落款 at a page foot,
 * and the round trip: importing our own DOCX gives back the same document.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { renderExport } from '../../electron/services/output'
import { buildDocx } from '../../electron/services/output/docx'
import { importFile } from '../../electron/services/import/store'
import { AssetStore, inspectImage } from '../../electron/services/assets/store'
import { normalizeDocument } from '../../shared/document/lexicalState'
import type { Block, SummaryDocument } from '../../shared/document/model'
import { CHAR_PITCH_PT, LINE_PITCH_PT } from '../../shared/output/layout'
import { prepareOutput } from '../../shared/output/prepare'
import { printHtml } from '../../shared/output/printHtml'
import { loadTemplate, TEMPLATE_IDS } from '../../shared/templates'
import { sampleDocument } from '../helpers/documents'
import { libreOfficePdf, lines, pdfWords, PT_TO_MM, savePngs, type Line } from '../helpers/outputPdf'
import { longSummary, manyFigures, richSample } from '../helpers/outputDocs'
import { sealPng, TINY_JPEG } from '../helpers/png'
import { imagePages, redInkBox } from '../helpers/sealInk'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const CH_MM = CHAR_PITCH_PT * PT_TO_MM
const LINE_MM = LINE_PITCH_PT * PT_TO_MM
const RIGHT_EDGE_MM = 210 - 26

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string')
}
const paragraphs = (xml: string) => xml.match(/<w:p>.*?<\/w:p>/gs) ?? []

const png = sealPng()
const info = inspectImage(png)
const SEAL = new Map([['seal', { data: new Uint8Array(png), mime: info.mime, width: info.width, height: info.height }]])

/** A body of `lines` full lines (paragraphs of three lines and one shorter), all CJK so every renderer breaks the same. */
function footDocument(bodyLines: number, sealed: boolean, organization = '枫桥街道办事处'): SummaryDocument {
  const src = '街道坚持党建引领把网格化管理延伸到每一栋楼每一户居民做到小事不出网格大事不出社区围绕群众关心的停车难加装电梯等问题逐项建立台账明确责任人和完成时限按月调度推进'
  let k = 0
  const para = (n: number): Block => {
    let t = ''
    while ([...t].length < 26 + 28 * (n - 1) - 1) t += src[k++ % src.length]
    return { type: 'paragraph', children: [{ type: 'text', text: `${t}。` }] }
  }
  const blocks: Block[] = []
  for (let left = bodyLines; left > 0; left -= 3) blocks.push(para(Math.min(3, left)))
  return { version: 1, title: '街道工作总结', blocks, figures: [], signature: { organization, date: '2025-12-28', dateStyle: 'arabic', ...(sealed ? { sealAssetId: 'seal' } : {}) } }
}

describe('DOCX pagination and the 落款', () => {
  it('headings keep with the next paragraph and stay whole, tables repeat the header and never split a row, body text has widow control', async () => {
    const bytes = await renderExport({ model: richSample() }, 'docx')
    const styles = await part(bytes, 'word/styles.xml')
    for (const level of [1, 2, 3, 4]) expect(styles).toMatch(new RegExp(`w:styleId="Heading${level}".*?<w:keepNext/><w:keepLines/>.*?</w:style>`, 's'))
    const xml = await part(bytes, 'word/document.xml')
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!
    expect(tables).toHaveLength(2) // the table and the 附表
    for (const t of tables) {
      const rows = t.match(/<w:tr>.*?<\/w:tr>/gs)!
      expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true)
      expect(rows[0]).toContain('<w:tblHeader/>')
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false)
    }
    // a longer table: the header and the first row keep with the next row, later rows do not
    const long = sampleDocument()
    long.blocks.push({ type: 'table', rows: Array.from({ length: 5 }, (_, r) => [[{ type: 'text' as const, text: `第${r}行` }], [{ type: 'text' as const, text: String(r) }]]) }, { type: 'paragraph', children: [{ type: 'text', text: '表后正文。' }] })
    const rows = (await part(await renderExport({ model: long }, 'docx'), 'word/document.xml')).match(/<w:tr>.*?<\/w:tr>/gs)!
    expect(rows.map((r) => r.includes('<w:keepNext/>'))).toEqual([true, true, false, false, false])
    const body = paragraphs(xml).filter((p) => p.includes('<w:pStyle w:val="Normal"/>'))
    expect(body.length).toBeGreaterThan(2)
    expect(body.every((p) => p.includes('<w:widowControl/>'))).toBe(true)
  })

  it('the DOCX repeats the same header rows the print view repeats: the 附表\'s, a table\'s first row when more follow, none for a one-row table', async () => {
    const cell = (text: string) => [{ type: 'text' as const, text }]
    const rowsOf = (n: number) => Array.from({ length: n }, (_, r) => [cell(`第${r}行`), cell(String(r))])
    const model: SummaryDocument = {
      ...sampleDocument(),
      blocks: [
        { type: 'paragraph', children: [{ type: 'text', text: '表前正文。' }] },
        { type: 'table', rows: rowsOf(1) },
        { type: 'table', rows: rowsOf(2) },
        { type: 'table', rows: rowsOf(6) },
        { type: 'figureTable' },
      ],
    }
    const xml = await part(await renderExport({ model }, 'docx'), 'word/document.xml')
    const docxHeads = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!.map((t) => t.match(/<w:tr>.*?<\/w:tr>/gs)!.filter((r) => r.includes('<w:tblHeader/>')).length)
    const html = printHtml(prepareOutput(model))
    const printHeads = html.match(/<table.*?<\/table>/gs)!.map((t) => (/<thead>(.*?)<\/thead>/s.exec(t)?.[1] ?? '').match(/<tr>/g)?.length ?? 0)
    expect(docxHeads).toEqual([0, 1, 1, 1])
    expect(printHeads).toEqual(docxHeads)
  })

  it('a run-in heading is a heading paragraph joined to its body by a style separator (specVanish)', async () => {
    const xml = await part(await renderExport({ model: sampleDocument() }, 'docx'), 'word/document.xml')
    const ps = paragraphs(xml)
    const at = ps.findIndex((p) => p.includes('健全责任体系。'))
    expect(ps[at]).toContain('<w:pStyle w:val="Heading2"/>')
    expect(ps[at]).toMatch(/<w:pPr>.*<w:rPr><w:vanish\/><w:specVanish\/><\/w:rPr><\/w:pPr>/)
    expect(ps[at]).not.toContain('与各村签订') // the navigation pane shows the heading sentence only
    expect(ps[at + 1]).toContain('与各村签订责任书')
    expect(ps[at + 1]).toContain('<w:pStyle w:val="RunInBody"/>')
  })

  it('figures are content controls tagged with the figure, an unfilled one showing 〔名称〕', async () => {
    const model = sampleDocument()
    model.figures.push({ id: 'f2', name: '会议次数', value: null, unit: '次' })
    model.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '全年召开会议' }, { type: 'figure', figureId: 'f2' }, { type: 'text', text: '。' }] })
    const xml = await part(await renderExport({ model }, 'docx'), 'word/document.xml')
    expect(xml).toMatch(/<w:sdt><w:sdtPr><w:alias w:val="数据：会议次数"\/><w:tag w:val="dd-figure:f2"\/><w:id w:val="\d+"\/><w:text\/><\/w:sdtPr><w:sdtContent><w:r>.*?<w:t xml:space="preserve">〔会议次数〕<\/w:t><\/w:r><\/w:sdtContent><\/w:sdt>/)
    expect(xml).toMatch(/<w:tag w:val="dd-figure:f1"\/>.*?<w:t xml:space="preserve">36份<\/w:t><\/w:r><\/w:sdtContent><\/w:sdt>/)
    expect(xml).not.toMatch(/[\uE000-\uE002]/)
  })

  it('sealed: date 右空四字, 署名 centred over it, the seal in the 署名 paragraph; the block and the last body paragraph keep together', async () => {
    const model = footDocument(8, true)
    const xml = await part(await buildDocx(prepareOutput(model), { assets: SEAL, model }), 'word/document.xml')
    const ps = paragraphs(xml)
    const name = ps.findIndex((p) => p.includes('枫桥街道办事处'))
    const date = ps.findIndex((p) => p.includes('2025年12月28日'))
    expect(date).toBe(name + 1)
    // the seal floats in the 署名's own paragraph, up from it to half a line under the body
    expect(ps[name]).toMatch(/<wp:anchor .*<wp:positionV relativeFrom="paragraph"><wp:posOffset>-\d+<\/wp:posOffset>.*<wp:docPr [^>]*name="印章"/s)
    expect(ps.filter((p) => p.includes('<wp:anchor'))).toHaveLength(1)
    // the date: right indent 4 characters to the ink (the last character's −0.4 pt spacing)
    expect(ps[date]).toContain(`w:right="${Math.round(4 * CHAR_PITCH_PT * 20 - 8)}"`)
    expect(ps[name]).toContain('<w:jc w:val="center"/>')
    // keep chain: last body paragraph → blank lines → 署名 → date
    const lastBody = name - 3
    expect(ps[lastBody]).toContain('<w:keepNext/>')
    expect(ps[lastBody]).toContain('<w:keepLines/>')
    for (const p of ps.slice(lastBody + 1, date)) expect(p).toMatch(/<w:keepNext\/><w:keepLines\/>/)
    expect(ps[date]).toContain('<w:keepLines/>')
  })

  it('unsealed: 署名 右空二字, the date two characters right of its first character, or 右空二字 when longer', async () => {
    const long = footDocument(4, false, '枫桥街道办事处党政综合办公室')
    const ps = paragraphs(await part(await buildDocx(prepareOutput(long), { model: long }), 'word/document.xml'))
    const name = ps.findIndex((p) => p.includes('党政综合办公室'))
    expect(ps[name]).toContain(`w:right="${Math.round(2 * CHAR_PITCH_PT * 20 - 8)}"`)
    const nameStart = 8845 / 20 - 2 * CHAR_PITCH_PT - 14 * CHAR_PITCH_PT
    expect(ps[name + 1]).toContain(`w:left="${Math.round((nameStart + 2 * CHAR_PITCH_PT) * 20)}"`)
    expect(ps[name - 1]).toMatch(/w:val="Blank".*<w:keepNext\/>/s)
    const short = footDocument(4, false, '某局')
    const ps2 = paragraphs(await part(await buildDocx(prepareOutput(short), { model: short }), 'word/document.xml'))
    const date = ps2.findIndex((p) => p.includes('2025年12月28日'))
    expect(ps2[date]).toContain(`w:right="${Math.round(2 * CHAR_PITCH_PT * 20 - 8)}"`)
    expect(ps2[date]).not.toContain('w:left="1')
  })
})

/** The lines of the page holding the 署名, with that page's number. */
function signaturePage(pdf: string, name: string): { page: number; lines: Line[] } {
  const pages = pdfWords(pdf)
  const page = pages.findIndex((p) => lines(p).some((l) => l.text.includes(name)))
  expect(page, `${name} printed`).toBeGreaterThanOrEqual(0)
  return { page: page + 1, lines: lines(pages[page]!, 30, 262 + 2) }
}

describe('LibreOffice renders a 落款 that falls at a page foot', () => {
  it('sealed: the seal whole on the page with the 署名, the date and body text, pressing on both', async () => {
    const dir = tempDir()
    // 18 body lines leave 2 free lines on page 1: the 落款 (4 lines) carries the last paragraph over
    const model = footDocument(18, true)
    const file = path.join(dir, 'sealed.docx')
    fs.writeFileSync(file, await buildDocx(prepareOutput(model), { assets: SEAL, model }))
    const pdf = libreOfficePdf(file, dir)
    savePngs(pdf, 'docx-seal-foot')
    const { page, lines: ls } = signaturePage(pdf, '枫桥街道办事处')
    expect(imagePages(pdf)).toEqual([page])
    const nameAt = ls.findIndex((l) => l.text.includes('枫桥街道办事处'))
    const name = ls[nameAt]!
    const date = ls[nameAt + 1]!
    expect(date.text.replace(/\s/g, '')).toBe('2025年12月28日')
    const bodyAbove = ls.slice(0, nameAt).filter((l) => [...l.text].length >= 10)
    expect(bodyAbove.length, 'body text on the 落款 page').toBeGreaterThanOrEqual(2)
    const seal = redInkBox(pdf, page)!
    expect(seal).not.toBeNull()
    const lastBody = bodyAbove[bodyAbove.length - 1]!
    const gap = seal.top - (lastBody.y + LINE_MM / 2)
    expect(gap, `seal top ${gap.toFixed(2)} mm under the last body line`).toBeLessThanOrEqual(LINE_MM)
    expect(gap).toBeGreaterThan(-LINE_MM / 2)
    expect(seal.bottom, 'seal within the text block').toBeLessThan(262)
    // pressing on both: name and date inside the seal's height, below its centre
    const centreY = (seal.top + seal.bottom) / 2
    expect(name.y).toBeGreaterThan(seal.top)
    expect(date.y).toBeLessThan(seal.bottom)
    expect((name.y + date.y) / 2).toBeGreaterThan(centreY)
    // date 右空四字; 署名 and seal share one centre
    expect(Math.abs(RIGHT_EDGE_MM - date.xMax - 4 * CH_MM), `date ${(RIGHT_EDGE_MM - date.xMax).toFixed(2)} mm from the right`).toBeLessThan(1)
    expect(Math.abs((name.xMin + name.xMax) / 2 - (seal.left + seal.right) / 2), 'seal centred on the 署名').toBeLessThan(1)
  }, 120_000)

  it('unsealed: 署名 右空二字 one line under the body, the date under it two characters right, with body text on the page', async () => {
    const dir = tempDir()
    // 20 body lines fill page 1: the 落款 (3 lines) carries the last paragraph (2 lines) over
    const model = footDocument(20, false, '枫桥街道办事处党政综合办公室')
    const file = path.join(dir, 'unsealed.docx')
    fs.writeFileSync(file, await buildDocx(prepareOutput(model), { model }))
    const pdf = libreOfficePdf(file, dir)
    savePngs(pdf, 'docx-unsealed-foot')
    const { lines: ls } = signaturePage(pdf, '党政综合办公室')
    const nameAt = ls.findIndex((l) => l.text.includes('党政综合办公室'))
    const name = ls[nameAt]!
    const date = ls[nameAt + 1]!
    const bodyAbove = ls.slice(0, nameAt)
    expect(bodyAbove.length, 'body text on the 落款 page').toBeGreaterThanOrEqual(2)
    expect(Math.abs(name.y - bodyAbove[bodyAbove.length - 1]!.y - 2 * LINE_MM)).toBeLessThan(1)
    expect(Math.abs(date.y - name.y - LINE_MM)).toBeLessThan(1)
    expect(Math.abs(RIGHT_EDGE_MM - name.xMax - 2 * CH_MM), `署名 ${(RIGHT_EDGE_MM - name.xMax).toFixed(2)} mm from the right`).toBeLessThan(1)
    expect(Math.abs(date.xMin - name.xMin - 2 * CH_MM), 'date two characters right of the 署名').toBeLessThan(1)
  }, 120_000)
})

describe('the 主送 line at the top', () => {
  it('imported from text, it is printed flush left with no indent, the body under it indented two characters (DOCX through LibreOffice)', async () => {
    const dir = tempDir()
    const text = ['城东街道2025年工作总结', '区人民政府：', '今年以来，街道围绕年初目标，扎实推进各项工作，现将有关情况报告如下。', '一、主要工作', '全年新增就业岗位320个。', '城东街道办事处', '2025年12月30日'].join('\n')
    const model = (await importFile({ name: '城东.txt', bytes: new TextEncoder().encode(text) })).documents[0]!
    expect(model.blocks[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '区人民政府：' }] })
    const bytes = await renderExport({ model }, 'docx')
    const to = paragraphs(await part(bytes, 'word/document.xml')).find((p) => p.includes('区人民政府：'))!
    expect(to).toMatch(/<w:ind w:left="0" w:firstLine="0"\/>/)
    const file = path.join(dir, 'addressee.docx')
    fs.writeFileSync(file, bytes)
    const pdf = libreOfficePdf(file, dir)
    const ls = lines(pdfWords(pdf)[0]!)
    const addressee = ls.find((l) => l.text.includes('区人民政府'))!
    const body = ls.find((l) => l.text.includes('今年以来'))!
    expect(Math.abs(addressee.xMin - 28), `主送 ${addressee.xMin.toFixed(2)} mm from the page edge`).toBeLessThan(0.8)
    expect(Math.abs(body.xMin - 28 - 2 * CH_MM)).toBeLessThan(0.8)
  }, 120_000)
})

describe('LibreOffice paginates a long DOCX by the rules', () => {
  it('no page ends with a heading; a long table repeats its header on every page and never leaves the header and one row at a foot', async () => {
    const dir = tempDir()
    const model = longSummary(16_000)
    const rows = [[[{ type: 'text' as const, text: '项目名称' }], [{ type: 'text' as const, text: '完成数量' }]], ...Array.from({ length: 70 }, (_, r) => [[{ type: 'text' as const, text: `第${r + 1}行项目` }], [{ type: 'text' as const, text: String(r + 1) }]])]
    model.blocks.splice(12, 0, { type: 'table', rows })
    const file = path.join(dir, 'long.docx')
    fs.writeFileSync(file, await renderExport({ model }, 'docx'))
    const pdf = libreOfficePdf(file, dir)
    const pages = pdfWords(pdf)
    expect(pages.length).toBeGreaterThan(20)
    const heading = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/
    let tablePages = 0
    for (const [n, page] of pages.entries()) {
      const ls = lines(page, 30, 262 + 2)
      if (n < pages.length - 1) expect(ls[ls.length - 1]?.text.replace(/\s/g, ''), `page ${n + 1} ends with a heading`).not.toMatch(heading)
      const tableRows = ls.filter((l) => /第\d+行项目/.test(l.text.replace(/\s/g, '')))
      if (tableRows.length === 0) continue
      tablePages++
      const header = ls.findIndex((l) => l.text.replace(/\s/g, '').startsWith('项目名称'))
      expect(header, `page ${n + 1}: the header row`).toBeGreaterThanOrEqual(0)
      expect(ls[header]!.y).toBeLessThan(tableRows[0]!.y)
      expect(tableRows.length, `page ${n + 1}: more than the header and one row`).toBeGreaterThan(1)
    }
    expect(tablePages).toBeGreaterThan(1)
  }, 180_000)
})

describe('DOCX round trip', () => {
  const same = (a: SummaryDocument, b: SummaryDocument) => expect(normalizeDocument(b)).toEqual(normalizeDocument(a))
  const roundTrip = async (model: SummaryDocument, assets?: Parameters<typeof renderExport>[2]) => {
    const bytes = await renderExport({ model }, 'docx', assets)
    const back = await importFile({ name: '导出.docx', bytes })
    expect(back.documents).toHaveLength(1)
    return { back: back.documents[0]!, report: back.report, bytes }
  }

  it('every template comes back as it was: run-in headings, unfilled figures, empty 落款', async () => {
    for (const id of TEMPLATE_IDS) {
      const model = await loadTemplate(id)
      const { back, report } = await roundTrip(model)
      same(model, back)
      expect(report.runInHeadings).toBe(model.blocks.filter((b) => b.type === 'heading' && b.body).length)
    }
  })

  it('the test documents come back: multi-line title, subtitle, tables, 附表, marks, 落款 with seal, long text', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    const seal = await callApi(services.handlers, 'assets.add', { kind: 'seal', name: '公章.png', dataBase64: png.toString('base64') })
    const sign = await callApi(services.handlers, 'assets.add', { kind: 'signature', name: '签名.jpg', dataBase64: TINY_JPEG.toString('base64') })
    const rich = richSample(seal.id)
    rich.signature = { ...rich.signature!, signatureAssetId: sign.id }
    rich.title = '关于枫桥街道2025年度社会治理和平安建设工作情况的总结报告'
    const explicit = { ...sampleDocument('第一行标题\n第二行'), signature: { organization: '某局', date: '2021-12-02', dateStyle: 'chinese' as const } }
    const models = [sampleDocument(), explicit, longSummary(8000), manyFigures(60)]
    for (const model of models) same(model, (await roundTrip(model)).back)
    const { back, bytes } = await roundTrip(rich, { assets: new AssetStore(services.library.database()) })
    same(rich, back)
    expect(back.signature?.sealAssetId).toBe(seal.id)
    expect(back.signature?.signatureAssetId).toBe(sign.id)
    // through the API (the import worker), as the app imports a file
    const api = await callApi(services.handlers, 'documents.import', { name: '导出.docx', dataBase64: Buffer.from(bytes).toString('base64') })
    same(rich, api.documents[0]!)
    services.close()
  })

  it('the recognizer fixtures, imported and exported, import back the same', async () => {
    const dir = path.resolve('tests/fixtures/recognizer')
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const imported = await importFile({ name, bytes: fs.readFileSync(path.join(dir, name)) }, { today: '2026-01-10' })
      for (const model of imported.documents) same(model, (await roundTrip(model)).back)
    }
  })

  it('what a Word user changes comes back changed; a Word file of the writer’s own is still recognized as before', async () => {
    const model = sampleDocument()
    model.figures.push({ id: 'f2', name: '会议次数', value: null, unit: '次' }, { id: 'f3', name: '检查次数', value: null, unit: '次' })
    model.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '召开会议' }, { type: 'figure', figureId: 'f2' }, { type: 'text', text: '，检查' }, { type: 'figure', figureId: 'f3' }, { type: 'text', text: '。' }] })
    const { bytes } = await roundTrip(model)
    const zip = await JSZip.loadAsync(bytes)
    const xml = await zip.file('word/document.xml')!.async('string')
    zip.file(
      'word/document.xml',
      xml.replace('>36份<', '>40份<').replace('>〔会议次数〕<', '>12<').replace('>〔检查次数〕<', '>若干<').replace('>部分企业主体责任落实不到位。<', '>部分企业责任落实不到位。<'),
    )
    const edited = (await importFile({ name: 'x.docx', bytes: await zip.generateAsync({ type: 'uint8array' }) })).documents[0]!
    // numbers typed into a figure fill it; other text typed over it stays text
    expect(edited.figures.find((f) => f.id === 'f1')?.value).toBe(40)
    expect(edited.figures.find((f) => f.id === 'f2')?.value).toBe(12)
    expect(edited.figures.find((f) => f.id === 'f3')?.value).toBeNull()
    const last = edited.blocks[edited.blocks.length - 1]!
    expect(last.type === 'paragraph' && last.children).toEqual([{ type: 'text', text: '召开会议' }, { type: 'figure', figureId: 'f2' }, { type: 'text', text: '，检查若干。' }])
    expect(JSON.stringify(edited.blocks)).toContain('部分企业责任落实不到位')
    // without our model part the file is any Word file: mammoth and the recognizer (numbers typed in the text are read)
    zip.remove('customXml/item1.xml')
    const foreign = await importFile({ name: 'x.docx', bytes: await zip.generateAsync({ type: 'uint8array' }) })
    const read = foreign.documents[0]!
    expect(read.title).toBe('2025年度安全生产工作总结')
    expect(foreign.report.headings).toBeGreaterThan(0)
    // the style separator still joins the run-in heading to its body
    const runIn = read.blocks.find((b) => b.type === 'heading' && b.level === 2)
    expect(runIn).toMatchObject({ title: [{ type: 'text', text: '健全责任体系。', bold: true }], body: [{ type: 'text', text: '与各村签订责任书40份，做到横向到边、纵向到底。' }] })
  })
})
