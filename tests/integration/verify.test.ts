/**
 * `verify` means it: a file that matches a 定稿 shows what the 定稿 says, as a reader sees it.
 * PDF: the text of every page in order, heading numbers included, read with pdf.js in a worker
 * thread, whatever the page breaks; DOCX: the text and the outline (heading levels, numbering
 * formats). Real SQLite, real Chromium printing, files edited the way an editing tool would.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, createServices, type Services } from '../../electron/services'
import { chromiumPrinter, FinalStore, renderExport, verifyFile, type PdfPrinter, type VerifyResult } from '../../electron/services/output'
import { stopIdleWorkers } from '../../electron/services/worker/run'
import { runCli } from '../../electron/cli'
import { messageText } from '../../shared/errors'
import { richSample } from '../helpers/outputDocs'
import { sealPng } from '../helpers/png'
import { inflated, pageTextStream, rewriteStream } from '../helpers/pdfEdit'
import { readPdfFingerprint } from '../../electron/services/output/pdfInfo'
import { pdfPages } from '../helpers/outputPdf'
import { useTempDirs } from '../helpers/tempDir'
import { AssetStore } from '../../electron/services/assets/store'
import type { FinalSummary } from '../../shared/api'
import type { SummaryDocument } from '../../shared/document/model'

const tempDir = useTempDirs()
const zh = (r: VerifyResult) => messageText(r.note, 'zh-CN')

/** One library with a sealed 定稿, its PDF and DOCX, shared by the tests (printing is slow). */
let dir: string
let services: Services
let finals: FinalStore
let final: FinalSummary
let model: SummaryDocument
let pdf: Buffer
let docx: Buffer
let printer: PdfPrinter

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'draftdesk-verify-'))
  services = createServices({ dataDir: dir })
  const h = services.handlers
  const seal = await callApi(h, 'assets.add', { kind: 'seal', name: '公章.png', dataBase64: sealPng(200).toString('base64') })
  const doc = await callApi(h, 'documents.create', { title: '', model: richSample(seal.id) })
  final = await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
  model = (await callApi(h, 'finals.get', { revisionId: final.revisionId })).model
  printer = chromiumPrinter({ keepAlive: true })
  pdf = Buffer.from((await callApi(h, 'export.render', { id: doc.id, format: 'pdf' })).dataBase64, 'base64')
  docx = Buffer.from((await callApi(h, 'export.render', { id: doc.id, format: 'docx' })).dataBase64, 'base64')
  finals = new FinalStore(services.library.database(), services.library.documents())
}, 120_000)

afterAll(async () => {
  services.close()
  await printer.close?.()
  await stopIdleWorkers()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Page 1 with the 4th glyph of its first marked content (the title's "2025") swapped for the 2nd ("0"). */
function titleTo2020(file: Buffer): Buffer {
  const stream = pageTextStream(file, 1)
  const content = inflated(file, stream)
  expect(content).toContain('/MCID 0 ')
  const shows = /<([0-9A-Fa-f]+)> Tj/g
  shows.lastIndex = content.indexOf('/MCID 0 ')
  const glyphs = [shows.exec(content)!, shows.exec(content)!, shows.exec(content)!, shows.exec(content)!]
  const fourth = glyphs[3]!
  return rewriteStream(file, stream, `${content.slice(0, fourth.index)}<${glyphs[1]![1]}> Tj${content.slice(fourth.index + fourth[0].length)}`)
}

describe('verify a PDF by what its pages show', () => {
  it('the exported PDF matches; the fingerprint is in the document information and the XMP metadata', async () => {
    const result = await verifyFile(pdf, finals)
    expect(result.status).toBe('match')
    expect(zh(result)).toContain('与定稿「报送稿」（张三，')
    expect(pdf.toString('latin1')).toContain(`/DraftDeskFingerprint (${final.fingerprint})`)
    // and in the XMP metadata that PDF readers show as document properties
    expect(execFileSync('pdfinfo', ['-meta', writeTemp(pdf)]).toString()).toContain(`<draftdesk:Fingerprint>${final.fingerprint}</draftdesk:Fingerprint>`)
  }, 60_000)

  it('a page-1 content stream rewritten in place (the title made "2020…") is refused, naming the page', async () => {
    const tampered = titleTo2020(pdf)
    // still a sound PDF whose last update is ours: only the page content tells
    const file = path.join(tempDir(), 'tampered.pdf')
    fs.writeFileSync(file, tampered)
    expect(pdfPages(file)).toBe(pdfPages(writeTemp(pdf)))
    expect(readPdfFingerprint(tampered)).toEqual({ fingerprint: final.fingerprint, lastUpdateIsOurs: true })
    const result = await verifyFile(tampered, finals)
    expect(result.status).toBe('modified')
    expect(result.note.code).toBe('verify.modifiedPdfText')
    expect(zh(result)).toContain('但 PDF 第 1 页的文字与定稿不同')
    expect(result.difference?.page).toBe(1)
    expect(result.difference?.expected).toContain('2025年度')
    expect(result.difference?.found).toContain('2020年度')
  }, 60_000)

  it('the seal taken off the page is refused', async () => {
    const stream = pageTextStream(pdf, 1)
    const content = inflated(pdf, stream)
    expect(content.match(/\/\w+ Do/g)).toHaveLength(1)
    const result = await verifyFile(rewriteStream(pdf, stream, content.replace(/\/\w+ Do/, '')), finals)
    expect(result.status).toBe('modified')
    expect(zh(result)).toContain('PDF 中的图片与定稿不符：应有 1 张（印章、签名），文件中有 0 张')
  }, 60_000)

  it('something appended after export is still refused (our update must stay the last)', async () => {
    const appended = Buffer.concat([pdf, Buffer.from('\n1 0 obj\n<<>>\nendobj\nstartxref\n0\n%%EOF\n')])
    const result = await verifyFile(appended, finals)
    expect(result.status).toBe('modified')
    expect(result.note.code).toBe('verify.modifiedPdf')
  }, 60_000)

  it('a PDF printed again from the same 定稿 matches, also with its page breaks elsewhere', async () => {
    const source = { model, final }
    const again = Buffer.from(await renderExport(source, 'pdf', { printer: () => printer, assets: assetStore() }))
    expect(again.equals(pdf)).toBe(false)
    expect((await verifyFile(again, finals)).status).toBe('match')
    // the same text in a looser layout: more pages, the lines broken elsewhere
    const loose: PdfPrinter = { print: (html) => printer.print(html.replace('</style>', '.dd-doc { line-height: 44pt !important; }</style>')) }
    const relaid = Buffer.from(await renderExport(source, 'pdf', { printer: () => loose, assets: assetStore() }))
    expect(pdfPages(writeTemp(relaid))).toBeGreaterThan(pdfPages(writeTemp(pdf)))
    expect((await verifyFile(relaid, finals)).status).toBe('match')
  }, 120_000)

  it('a file that is not a readable PDF, or too large, gets a clear answer and the worker goes on', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x41)])
    const result = await verifyFile(broken, finals)
    expect(result.status).toBe('unsupported')
    expect(zh(result)).toMatch(/^文件不是可读的 PDF（.+）$/)
    const huge = Buffer.alloc(101 * 1024 * 1024, 0x20)
    huge.write('%PDF-1.4\n')
    await expect(verifyFile(huge, finals)).rejects.toMatchObject({ code: 'verify.tooLarge' })
    expect((await verifyFile(pdf, finals)).status).toBe('match')
  }, 60_000)
})

const assetStore = () => new AssetStore(services.library.database())

function writeTemp(bytes: Buffer): string {
  const file = path.join(tempDir(), `f${Math.random().toString(36).slice(2)}.pdf`)
  fs.writeFileSync(file, bytes)
  return file
}

/** The DOCX with one part changed. */
async function docxWith(part: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  const xml = await zip.file(part)!.async('string')
  const changed = change(xml)
  expect(changed).not.toBe(xml)
  zip.file(part, changed)
  return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
}

describe('verify a DOCX by its text and its outline', () => {
  it('the exported DOCX matches, and so does the same package zipped again', async () => {
    expect((await verifyFile(docx, finals)).status).toBe('match')
    const rezipped = await JSZip.loadAsync(docx)
    expect((await verifyFile(Buffer.from(await rezipped.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })), finals)).status).toBe('match')
  }, 60_000)

  it('a heading numbering format changed in numbering.xml ("%1、" → "第%1章、") is refused', async () => {
    const tampered = await docxWith('word/numbering.xml', (xml) => xml.replace('<w:lvlText w:val="%1、"/>', '<w:lvlText w:val="第%1章、"/>'))
    const result = await verifyFile(tampered, finals)
    expect(result.status).toBe('modified')
    expect(result.note.code).toBe('verify.modifiedNumbering')
    expect(zh(result)).toContain('但第 1 级标题的编号格式已被改动')
  }, 60_000)

  it('a Heading 2 made a Heading 3 is refused, naming the heading', async () => {
    const tampered = await docxWith('word/document.xml', (xml) => xml.replace('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Heading3"/>'))
    const result = await verifyFile(tampered, finals)
    expect(result.status).toBe('modified')
    expect(result.note.code).toBe('verify.modifiedHeadings')
    expect(zh(result)).toContain('但标题的层级或编号已被改动（“健全责任体系。')
  }, 60_000)

  it('the level-4 numbering format changed ("（%4）" → "%4)") is refused too', async () => {
    const tampered = await docxWith('word/numbering.xml', (xml) => xml.replace('<w:lvlText w:val="（%4）"/>', '<w:lvlText w:val="%4)"/>'))
    const result = await verifyFile(tampered, finals)
    expect(result.status).toBe('modified')
    expect(result.note.code).toBe('verify.modifiedNumbering')
  }, 60_000)
})

describe('the CLI', () => {
  it('verify FILE: 0 for a match, 1 and the reason for a changed PDF', async () => {
    const file = writeTemp(pdf)
    const tampered = writeTemp(titleTo2020(pdf))
    const out: string[] = []
    const io = { log: (s: string) => out.push(s), error: (s: string) => out.push(s) }
    services.close()
    try {
      expect(await runCli(['verify', file, '--data-dir', dir], io)).toBe(0)
      expect(out.join('\n')).toContain('✓ 与定稿「报送稿」')
      out.length = 0
      expect(await runCli(['verify', tampered, '--data-dir', dir], io)).toBe(1)
      expect(out.join('\n')).toContain('✗ 指纹属于定稿「报送稿」')
      expect(out.join('\n')).toContain('2020年度')
    } finally {
      services = createServices({ dataDir: dir })
      finals = new FinalStore(services.library.database(), services.library.documents())
    }
  }, 60_000)
})
