/**
 * Output end to end through the services (real SQLite, real docx package, real Chromium, real
 * mammoth, LibreOffice and poppler, which `npm test` installs first): DOCX structure, page geometry
 * of our PDF and of LibreOffice's rendering of our DOCX, 定稿 and verify, atomic writes, bad input.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { exportToFile, renderExport, verifyFile, FinalStore, type PdfPrinter } from '../../electron/services/output'
import { runCli } from '../../electron/cli'
import { LINES_PER_PAGE, CHARS_PER_LINE } from '../../shared/output/layout'
import { sampleDocument } from '../helpers/documents'
import { inkBands, libreOfficePdf, lineChars, lines, mode, pdfPages, pdfWords, savePngs, type PageBox } from '../helpers/outputPdf'
import { longSummary, manyFigures, richSample } from '../helpers/outputDocs'
import { sealPng, TINY_JPEG } from '../helpers/png'
import { useTempDirs } from '../helpers/tempDir'
import { AssetStore } from '../../electron/services/assets/store'

const tempDir = useTempDirs()

function setup() {
  const dir = tempDir()
  const services = createServices({ dataDir: dir })
  return { dir, services, h: services.handlers }
}

async function docxXml(bytes: Uint8Array, part: string): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(part)!.async('string'))
}

/**
 * The standard's geometry on a rendered PDF: A4 within 1 mm, a full body page of 22 lines of 28
 * characters, text block edges within 1 mm of the margins, page numbers "— N —" 7 mm under the text
 * block, odd pages right and even pages left, one 4号 character in.
 */
function checkGeometry(pdf: string, label: string, bodyPage: number) {
  const pages = pdfWords(pdf)
  expect(pages.length).toBeGreaterThan(bodyPage)
  for (const p of pages.slice(0, 4)) {
    expect(Math.abs(p.width - 210), `${label}: page width`).toBeLessThan(1)
    expect(Math.abs(p.height - 297), `${label}: page height`).toBeLessThan(1)
  }
  const page: PageBox = pages[bodyPage - 1]!
  const body = lines(page, 30, 262 + 2)
  expect(body.length, `${label}: lines on full page ${bodyPage}`).toBe(LINES_PER_PAGE)
  const counts = body.map(lineChars)
  expect(mode(counts), `${label}: characters on a full line (${counts.join(',')})`).toBe(CHARS_PER_LINE)
  expect(Math.max(...counts), `${label}: no line longer than 28`).toBeLessThanOrEqual(CHARS_PER_LINE)
  // left and right edges of the text block
  const left = Math.min(...body.map((l) => l.xMin))
  const right = Math.max(...body.filter((l) => lineChars(l) === CHARS_PER_LINE).map((l) => l.xMax))
  expect(Math.abs(left - 28), `${label}: left margin ${left.toFixed(2)} mm`).toBeLessThan(1)
  expect(Math.abs(right - 184), `${label}: right edge ${right.toFixed(2)} mm`).toBeLessThan(1)
  // top and bottom from the ink: 22 bands, the first centred in the first grid line below 37 mm
  const bands = inkBands(pdf, bodyPage).filter((b) => b.top > 30 && b.bottom < 262 + 2)
  expect(bands.length, `${label}: ink lines`).toBe(LINES_PER_PAGE)
  const pitch = ((bands[bands.length - 1]!.top + bands[bands.length - 1]!.bottom) / 2 - (bands[0]!.top + bands[0]!.bottom) / 2) / (LINES_PER_PAGE - 1)
  const top = (bands[0]!.top + bands[0]!.bottom) / 2 - pitch / 2
  expect(Math.abs(pitch - 10.21), `${label}: line pitch ${pitch.toFixed(2)} mm`).toBeLessThan(0.2)
  expect(Math.abs(top - 37), `${label}: top margin ${top.toFixed(2)} mm`).toBeLessThan(1)
  expect(top + LINES_PER_PAGE * pitch, `${label}: text block ends above the bottom margin`).toBeLessThanOrEqual(262 + 1)
  // page numbers
  for (const [n, p] of pages.slice(0, 4).entries()) {
    const number = n + 1
    const foot = p.words.filter((w) => (w.yMin + w.yMax) / 2 > 263 && (w.yMin + w.yMax) / 2 < 280)
    const dashes = foot.filter((w) => w.text.includes('—'))
    const digits = foot.find((w) => w.text.replace(/[—\s]/g, '') === String(number))
    expect(digits, `${label}: page number ${number}`).toBeTruthy()
    const xMin = Math.min(...dashes.map((w) => w.xMin))
    const xMax = Math.max(...dashes.map((w) => w.xMax))
    const centre = (Math.min(...dashes.map((w) => w.yMin)) + Math.max(...dashes.map((w) => w.yMax))) / 2
    if (number % 2) expect(Math.abs(xMax - (184 - 4.94)), `${label}: odd page ${number} number right, one character in (${xMax.toFixed(2)})`).toBeLessThan(1.2)
    else expect(Math.abs(xMin - (28 + 4.94)), `${label}: even page ${number} number left, one character in (${xMin.toFixed(2)})`).toBeLessThan(1.2)
    expect(Math.abs(centre - (262 + 7)), `${label}: page number 7 mm below the text block (${centre.toFixed(2)})`).toBeLessThan(2)
  }
}

describe('DOCX', () => {
  it('has GB/T 9704 page setup, styles, real numbering, fonts by name only, and reads back with mammoth', async () => {
    const { services, h } = setup()
    const seal = await callApi(h, 'assets.add', { kind: 'seal', name: '公章.png', dataBase64: sealPng().toString('base64') })
    const doc = await callApi(h, 'documents.create', { title: '', model: richSample(seal.id) })
    const r = await callApi(h, 'export.render', { id: doc.id, format: 'docx' })
    const bytes = new Uint8Array(Buffer.from(r.dataBase64, 'base64'))
    expect(r.fileName).toBe('2025年度安全生产工作总结.docx')

    const document = await docxXml(bytes, 'word/document.xml')
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"')
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(document).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>')
    expect(document).toContain('w:type="even"') // odd/even footers
    expect(document).toContain('<wp:anchor') // the seal floats over the signature
    const styles = await docxXml(bytes, 'word/styles.xml')
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:name w:val="Heading 1"\/>.*?<w:numPr>.*?<w:outlineLvl w:val="0"\/>.*?w:eastAsia="黑体"/s)
    expect(styles).toMatch(/w:styleId="Heading2".*?w:eastAsia="楷体_GB2312"/s)
    expect(styles).toMatch(/w:styleId="Normal".*?w:line="579" w:lineRule="exact".*?w:eastAsia="仿宋_GB2312".*?<w:sz w:val="32"\/>/s)
    expect(styles).toMatch(/w:styleId="Title".*?w:eastAsia="方正小标宋简体".*?<w:sz w:val="44"\/>/s)
    const numbering = await docxXml(bytes, 'word/numbering.xml')
    expect(numbering).toMatch(/<w:numFmt w:val="chineseCounting"\/><w:pStyle w:val="Heading1"\/><w:suff w:val="nothing"\/><w:lvlText w:val="%1、"\/>/)
    expect(numbering).toContain('<w:lvlText w:val="（%2）"/>')
    expect(numbering).toContain('<w:lvlText w:val="%3."/>')
    expect(numbering).toContain('<w:lvlText w:val="（%4）"/>')
    // no w:lvlRestart: each level restarts after any higher level (ECMA-376 §17.9.10), so a level-3
    // heading right under a level-1 one prints "1." and restarts under the next level-1 heading
    expect(numbering).not.toContain('lvlRestart')
    const footers = (await docxXml(bytes, 'word/footer1.xml')) + (await docxXml(bytes, 'word/footer2.xml'))
    expect(footers).toContain('PAGE')
    expect(footers).toContain('w:jc w:val="right"')
    expect(footers).toContain('w:jc w:val="left"')
    expect(footers).toMatch(/w:eastAsia="宋体".*?<w:sz w:val="28"\/>/s)
    expect(await docxXml(bytes, 'word/settings.xml')).toContain('evenAndOddHeaders')
    const fonts = await docxXml(bytes, 'word/fontTable.xml')
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>')
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>')
    expect(fonts).not.toMatch(/embed/i)
    const zip = await JSZip.loadAsync(bytes)
    expect(Object.keys(zip.files).filter((f) => /\.(odttf|ttf|otf)$/i.test(f))).toEqual([])

    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value
    expect(html).toContain('<h1>主要工作</h1>')
    // run-in heading: the heading sentence as a heading (joined to its body by a style separator), figure resolved
    expect(html).toContain('<h2><strong>健全责任体系。</strong></h2><p>与各村签订责任书36份，做到横向到边、纵向到底。</p>')
    expect(html).toContain('<h3>开展专项检查</h3>')
    expect(html).toContain('<h4>重点行业</h4>')
    expect(html).toMatch(/<table>.*检查企业.*120家.*<\/table>/s)
    expect(html).toContain('附表：数据表')
    expect(html).toMatch(/<td><p>责任书份数<\/p><\/td><td><p>36份<\/p><\/td>/)
    // the seal floats in the 署名's own paragraph
    expect(html).toMatch(/<p><img [^>]*alt="印章"[^>]*\/>某某镇应急管理办公室<\/p><p>2025年12月20日<\/p>/)
    services.close()
  })

  it('writes the date in Chinese numerals when chosen', async () => {
    const model = { ...sampleDocument(), signature: { organization: '某某局', date: '2021-12-02', dateStyle: 'chinese' as const } }
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await renderExport({ model }, 'docx')) })).value
    expect(text).toContain('二〇二一年十二月二日')
    const arabic = new TextDecoder().decode(await renderExport({ model: { ...model, signature: { ...model.signature, dateStyle: 'arabic' } } }, 'txt'))
    expect(arabic).toContain('2021年12月2日')
  })
})

describe('PDF', () => {
  it('our PDF: A4, 22 lines × 28 characters, margins and page numbers as specified', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'long.pdf')
    await exportToFile({ model: longSummary(20_000) }, 'pdf', file, { printer: () => chromiumPrinterForTests() })
    checkGeometry(file, 'our PDF', 3)
    expect(savePngs(file, 'export-our-pdf').length).toBe(2)
  }, 60_000)

  it('LibreOffice renders our DOCX with the same geometry', async () => {
    const dir = tempDir()
    const docx = path.join(dir, 'long.docx')
    await exportToFile({ model: longSummary(20_000) }, 'docx', docx)
    const pdf = libreOfficePdf(docx, dir)
    checkGeometry(pdf, 'LibreOffice', 3)
    expect(savePngs(pdf, 'export-libreoffice-docx').length).toBe(2)
  }, 120_000)
})

import { chromiumPrinter } from '../../electron/services/output/pdf'
const chromiumPrinterForTests = () => chromiumPrinter()

describe('定稿 and verify', () => {
  it('freezes a named revision, marks DOCX and PDF, and verify tells a match from a change', async () => {
    const { dir, services, h } = setup()
    const doc = await callApi(h, 'documents.create', { title: '', model: sampleDocument() })
    const final = await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    expect(final.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(final.short).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/)
    expect((await callApi(h, 'finals.create', { id: doc.id, name: '再次', author: '张三' })).revisionId).toBe(final.revisionId) // same text: same 定稿
    const listed = await callApi(h, 'finals.list', { id: doc.id })
    expect(listed.lastAuthor).toBe('张三')
    expect(listed.currentFingerprint).toBe(final.fingerprint)

    const docx = await callApi(h, 'export.render', { id: doc.id, format: 'docx' })
    expect(docx.final?.revisionId).toBe(final.revisionId)
    const docxBytes = Buffer.from(docx.dataBase64, 'base64')
    expect(await docxXml(docxBytes, 'docProps/custom.xml')).toContain(final.fingerprint)
    expect(await docxXml(docxBytes, 'docProps/core.xml')).toContain(final.short)
    const pdf = await callApi(h, 'export.render', { id: doc.id, format: 'pdf' })
    const pdfBytes = Buffer.from(pdf.dataBase64, 'base64')
    expect(pdfBytes.toString('latin1')).toContain(`/DraftDeskFingerprint (${final.fingerprint})`)
    const pdfFile = path.join(dir, 'final.pdf')
    fs.writeFileSync(pdfFile, pdfBytes)
    // GB/T 9704 has no mark on the page: the footer carries it only when the writer asks
    expect(pdfWords(pdfFile)[0]!.words.map((w) => w.text).join(' ')).not.toContain(final.short)
    const marked = await callApi(h, 'export.render', { id: doc.id, format: 'pdf', printMark: true })
    fs.writeFileSync(path.join(dir, 'marked.pdf'), Buffer.from(marked.dataBase64, 'base64'))
    expect(pdfWords(path.join(dir, 'marked.pdf'))[0]!.words.map((w) => w.text).join(' ')).toContain(final.short)

    // later edits never alter the 定稿; the current text becomes a draft
    const edited = sampleDocument()
    edited.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '定稿后补充的一句话。' }] })
    await callApi(h, 'documents.save', { id: doc.id, model: edited, baseVersion: doc.version })
    const frozen = await callApi(h, 'finals.get', { revisionId: final.revisionId })
    expect(JSON.stringify(frozen.model)).not.toContain('定稿后补充')
    expect((await callApi(h, 'export.render', { id: doc.id, format: 'docx' })).final).toBeNull()
    expect((await callApi(h, 'export.render', { id: doc.id, format: 'docx', revisionId: final.revisionId })).final?.name).toBe('报送稿')
    const db = services.library.database()
    expect(() => db.prepare("UPDATE revisions SET model_json = '{}' WHERE id = ?").run(final.revisionId)).toThrow(/定稿不可修改/)

    const finals = new FinalStore(db, services.library.documents())
    expect((await verifyFile(docxBytes, finals)).status).toBe('match')
    expect((await verifyFile(pdfBytes, finals)).status).toBe('match')
    // a DOCX edited after export
    const zip = await JSZip.loadAsync(docxBytes)
    zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).replace('层层压实责任', '层层落实责任'))
    const changed = await verifyFile(await zip.generateAsync({ type: 'uint8array' }), finals)
    expect(changed.status).toBe('modified')
    expect(changed.difference?.found).toContain('落实')
    // a PDF with something appended after export
    expect((await verifyFile(Buffer.concat([pdfBytes, Buffer.from('\n1 0 obj\n<<>>\nendobj\nstartxref\n0\n%%EOF\n')]), finals)).status).toBe('modified')
    // files without a fingerprint, or from another library
    expect((await verifyFile(await renderExport({ model: sampleDocument() }, 'docx'), finals)).status).toBe('no-fingerprint')
    const other = setup()
    expect((await verifyFile(docxBytes, new FinalStore(other.services.library.database(), other.services.library.documents()))).status).toBe('unknown-fingerprint')
    other.services.close()

    // the CLI
    const out: string[] = []
    const io = { log: (s: string) => out.push(s), error: (s: string) => out.push(s) }
    const docxFile = path.join(dir, 'final.docx')
    fs.writeFileSync(docxFile, docxBytes)
    services.close()
    expect(await runCli(['verify', docxFile, '--data-dir', dir], io)).toBe(0)
    expect(out.join('\n')).toContain('报送稿')
    expect(await runCli(['verify', path.join(dir, 'final.pdf'), '--data-dir', dir, '--json'], io)).toBe(0)
  }, 60_000)
})

describe('CLI', () => {
  it('check --json and export --docx --pdf --txt --md', async () => {
    const { dir, services, h } = setup()
    const model = sampleDocument()
    model.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '共召开会议x次,覆盖群众。' }] })
    const doc = await callApi(h, 'documents.create', { title: '', model })
    services.close()
    const out: string[] = []
    const io = { log: (s: string) => out.push(s), error: (s: string) => out.push(s) }
    expect(await runCli(['check', doc.id, '--json', '--data-dir', dir, '--today', '2026-01-10'], io)).toBe(0)
    const result = JSON.parse(out.join('\n')) as { findings: { kind: string; location: { block?: number } }[] }
    expect(result.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['placeholder', 'halfWidthPunctuation']))
    expect(result.findings.find((f) => f.kind === 'placeholder')?.location.block).toBe(model.blocks.length - 1)
    out.length = 0
    const files = Object.fromEntries(['docx', 'pdf', 'txt', 'md'].map((f) => [f, path.join(dir, `out.${f}`)]))
    expect(await runCli(['export', doc.id, '--docx', files.docx!, '--pdf', files.pdf!, '--txt', files.txt!, '--md', files.md!, '--data-dir', dir], io)).toBe(0)
    for (const f of Object.values(files)) expect(fs.statSync(f).size).toBeGreaterThan(100)
    const txt = fs.readFileSync(files.txt!, 'utf8')
    expect(txt.startsWith('\uFEFF2025年度安全生产工作总结')).toBe(true)
    expect(txt).toContain('\u3000\u3000一、主要工作\r\n')
    expect(txt).toContain('\u3000\u3000（一）健全责任体系。与各村签订责任书36份')
    expect(txt).toContain('\u3000\u30001.开展专项检查')
    expect(txt).toContain('\u3000\u3000（1）重点行业')
    const md = fs.readFileSync(files.md!, 'utf8')
    expect(md).toContain('## 一、主要工作')
    expect(md).toContain('#### 1.开展专项检查')
    expect(md).toContain('##### （1）重点行业')
    expect(md).toContain('<strong>（一）健全责任体系。</strong>与各村签订责任书36份')
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  }, 60_000)
})

describe('writes and bad input', () => {
  it('a failed export leaves nothing at the target (and keeps what was there)', async () => {
    const dir = tempDir()
    const failing: PdfPrinter = { print: () => Promise.reject(new Error('printer on fire')) }
    const target = path.join(dir, 'out.pdf')
    await expect(exportToFile({ model: sampleDocument() }, 'pdf', target, { printer: () => failing })).rejects.toThrow('printer on fire')
    expect(fs.existsSync(target)).toBe(false)
    fs.writeFileSync(target, 'old')
    await expect(exportToFile({ model: sampleDocument() }, 'pdf', target, { printer: () => failing })).rejects.toThrow()
    expect(fs.readFileSync(target, 'utf8')).toBe('old')
    await expect(exportToFile({ model: sampleDocument() }, 'docx', path.join(dir, 'no', 'such', 'x.docx'))).rejects.toThrow(/文件夹不存在/)
    expect(fs.readdirSync(dir)).toEqual(['out.pdf'])
    // a missing seal image: a clear message, no file
    const model = { ...sampleDocument(), signature: { organization: '某局', dateStyle: 'arabic' as const, sealAssetId: 'a000000000000000000000000' } }
    const { services } = setup()
    await expect(exportToFile({ model }, 'docx', path.join(dir, 'seal.docx'), { assets: new AssetStore(services.library.database()) })).rejects.toThrow(/印章图片已不在库中/)
    services.close()
    expect(fs.existsSync(path.join(dir, 'seal.docx'))).toBe(false)
  })

  it('refuses a seal that is not PNG or JPEG, accepts both', async () => {
    const { services, h } = setup()
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1')
    await expect(callApi(h, 'assets.add', { kind: 'seal', name: 'seal.png', dataBase64: gif.toString('base64') })).rejects.toThrow(/只能用 PNG 或 JPEG.*GIF/)
    await expect(callApi(h, 'assets.add', { kind: 'seal', name: 'x.png', dataBase64: Buffer.from('%PDF-1.4 hello').toString('base64') })).rejects.toThrow(/PDF 文件/)
    const png = await callApi(h, 'assets.add', { kind: 'seal', name: 'seal.png', dataBase64: sealPng(120).toString('base64') })
    expect(png).toMatchObject({ mime: 'image/png', width: 120, height: 120 })
    const jpg = await callApi(h, 'assets.add', { kind: 'signature', name: 'sign.jpg', dataBase64: TINY_JPEG.toString('base64') })
    expect(jpg).toMatchObject({ mime: 'image/jpeg', width: 1, height: 1 })
    expect((await callApi(h, 'assets.list', {})).length).toBe(2)
    services.close()
  })

  it('2,000 figures, characters the fonts lack: export succeeds with the text intact', async () => {
    const many = manyFigures(2000)
    const docx = await renderExport({ model: many }, 'docx')
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx) })).value
    expect(html.match(/<tr>/g)?.length).toBe(2001) // header + 2,000 rows
    expect(html).toContain('〔指标1〕') // unfilled figures stay visible
    expect(new TextDecoder().decode(await renderExport({ model: many }, 'txt'))).toContain('二〇二五年十二月一日')
    const odd = sampleDocument()
    odd.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '生僻字𠀀𪚥、emoji 😀、藏文 བོད་、控制符\u0007与零宽\u200b字符。' }] })
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await renderExport({ model: odd }, 'docx')) })).value
    expect(text).toContain('生僻字𠀀𪚥、emoji 😀、藏文 བོད་')
    const pdf = await renderExport({ model: odd }, 'pdf', { printer: () => chromiumPrinter() })
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
  }, 60_000)

  it('a 200-page document exports to DOCX and PDF', async () => {
    const dir = tempDir()
    const model = longSummary(125_000)
    const started = performance.now()
    await exportToFile({ model }, 'docx', path.join(dir, 'big.docx'))
    await exportToFile({ model }, 'pdf', path.join(dir, 'big.pdf'), { printer: () => chromiumPrinter() })
    const pages = pdfPages(path.join(dir, 'big.pdf'))
    expect(pages).toBeGreaterThanOrEqual(190)
    expect(performance.now() - started).toBeLessThan(30_000)
  }, 90_000)
})
