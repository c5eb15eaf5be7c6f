/**
 * Importing last year's summary as writers find it: a PDF as published (made by LibreOffice from
 * a Word file with a running header and "— N —" page numbers), a Word 97–2003 .doc, a .wps, an RTF file, a web
 * page saved from a browser, and the bad ones (a scan, a password, damaged files). Through the API
 * (the import worker) and the CLI. Every text is ours, written here.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messageText } from '../../shared/errors'
import type { Block, SummaryDocument } from '../../shared/document/model'
import { callApi } from '../../electron/services'
import { cli } from '../helpers/cli'
import { gb18030 } from '../helpers/encodings'
import { importError, importFixtures, importThroughApi, outline, text } from '../helpers/importing'
import { encryptedPdfFilter, imageOnlyPdf, officeDocx, sofficeConvert, type OfficeText } from '../helpers/officeFiles'
import { sealPng } from '../helpers/png'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const { writeFile, withServices } = importFixtures(tempDir)

const repeat = (n: number, s: string) => Array.from({ length: n }, () => s).join('')
const PARAGRAPHS = [
  repeat(5, '街道把居家养老服务作为民生实事来抓，在各社区设立助餐点，组织志愿者上门探访独居老人，') + '全年累计服务老人一万二千余人次。',
  repeat(8, '通过整合辖区医疗资源，家庭医生签约覆盖面逐步扩大，慢性病老人得到定期随访，') + '群众满意度明显提升。',
  // long enough to run over a page whatever the fonts: its lines are joined across the page break
  repeat(16, '同时，我们推动适老化改造进楼入户，为困难家庭加装扶手和防滑地垫，') + '有效减少了老人跌倒事故。',
  repeat(4, '来年将继续完善助餐网络，探索时间银行互助模式，') + '让更多老人在家门口享受便利服务。',
]
const TEXT: OfficeText = {
  title: '柳湾街道2025年度为老服务工作总结',
  header: '柳湾街道办事处文件',
  lines: [
    { text: '一、主要做法', heading: true },
    { text: PARAGRAPHS[0]! },
    { text: '二、取得成效', heading: true },
    { text: PARAGRAPHS[1]! },
    { text: PARAGRAPHS[2]! },
    { text: '三、下一步打算', heading: true },
    { text: PARAGRAPHS[3]! },
  ],
  signature: ['柳湾街道办事处', '2025年12月18日'],
}

const files: { dir: string; docx: string; pdf: string; doc: string; rtf: string; scan: string; encrypted: string } = { dir: '', docx: '', pdf: '', doc: '', rtf: '', scan: '', encrypted: '' }

beforeAll(async () => {
  // made once for the whole file (useTempDirs folders go after each test)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-sources-'))
  const profile = fs.mkdtempSync(path.join(dir, 'lo-'))
  files.dir = dir
  files.docx = path.join(dir, '柳湾街道.docx')
  fs.writeFileSync(files.docx, await officeDocx(TEXT))
  files.pdf = sofficeConvert(files.docx, 'pdf', dir, profile)
  files.doc = sofficeConvert(files.docx, 'doc', dir, profile)
  files.rtf = sofficeConvert(files.docx, 'rtf', dir, profile)
  const locked = path.join(dir, '加密', '柳湾街道.docx')
  fs.mkdirSync(path.dirname(locked))
  fs.copyFileSync(files.docx, locked)
  files.encrypted = sofficeConvert(locked, encryptedPdfFilter('mima2025'), path.dirname(locked), profile)
  files.scan = imageOnlyPdf(sealPng(600), dir)
}, 300_000)
afterAll(() => fs.rmSync(files.dir, { recursive: true, force: true }))

function copyAs(file: string, name: string): string {
  const to = path.join(tempDir(), name)
  fs.copyFileSync(file, to)
  return to
}
const paragraphs = (doc: SummaryDocument) => doc.blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph').map((b) => text(b.children))
const everything = (doc: SummaryDocument) => [doc.title, ...doc.blocks.map((b) => (b.type === 'heading' ? text(b.title) + text(b.body) : b.type === 'paragraph' ? text(b.children) : ''))].join('\n')

/** What every reader must give for TEXT: title, headings, each paragraph whole, signature, no header. */
function expectTheSummary(doc: SummaryDocument): void {
  expect(doc.title).toBe(TEXT.title)
  expect(outline(doc)).toEqual(['1 主要做法', '1 取得成效', '1 下一步打算'])
  expect(paragraphs(doc)).toEqual(PARAGRAPHS)
  expect(doc.signature).toMatchObject({ organization: '柳湾街道办事处', date: '2025-12-18' })
  expect(everything(doc)).not.toContain(TEXT.header)
}

describe('a PDF as published', () => {
  it('reads the headings and joins every paragraph’s lines, across the page break too; the running header and page numbers are gone', () =>
    withServices(async (services) => {
      const { documents, report } = await importThroughApi(services, files.pdf)
      expectTheSummary(documents[0]!)
      expect(everything(documents[0]!)).not.toMatch(/—\s*\d\s*—/)
      expect(report.format).toBe('pdf')
      expect(report.linesJoined).toBeGreaterThan(20)
      expect(report.warnings.map((w) => w.code)).toContain('import.pdfFurniture')
      expect(report.warnings.map((w) => messageText(w)).join()).toMatch(/去掉了页眉、页脚和页码 \d+ 行/)
      // the first PDF builds the worker's code with PDF.js in it
    }), 90_000)

  it('prints the outline from the CLI', async () => {
    const { code, out } = await cli(['import', files.pdf, '--data-dir', tempDir()])
    expect(code).toBe(0)
    expect(out).toContain(`《${TEXT.title}》`)
    expect(out).toMatch(/一、主要做法[\s\S]*二、取得成效[\s\S]*三、下一步打算/)
    expect(out).toMatch(/导入：柳湾街道\.pdf — PDF/)
  })

  it('reads a PDF whose Chinese font is not embedded (STSong-Light, UniGB-UCS2-H: PDF.js’s character maps)', () =>
    withServices(async (services) => {
      const file = writeFile('东坡区.pdf', cidFontPdf(['东坡区2025年工作总结', '一、主要工作', '全年完成道路硬化十二公里。']))
      const { documents } = await importThroughApi(services, file)
      expect(documents[0]!.title).toBe('东坡区2025年工作总结')
      expect(outline(documents[0]!)).toEqual(['1 主要工作'])
      expect(paragraphs(documents[0]!)).toEqual(['全年完成道路硬化十二公里。'])
    }))

  it('refuses a scanned PDF (only images): nothing can be read, in words a writer understands', () =>
    withServices(async (services) => {
      const error = await importError(services, files.scan)
      expect(error.code).toBe('import.pdfScanned')
      expect(messageText(error)).toMatch(/^这个 PDF 只有图片（扫描件，共 1 页），没有可读取的文字/)
      expect(messageText(error, 'en')).toMatch(/^this PDF holds only images/)
      expect(await callApi(services.handlers, 'documents.list', {})).toEqual([])
    }))

  it('refuses a PDF that needs a password', () =>
    withServices(async (services) => {
      const error = await importError(services, files.encrypted)
      expect(error.code).toBe('import.pdfEncrypted')
      expect(messageText(error)).toMatch(/设有打开密码/)
      const viaCli = await cli(['import', files.encrypted, '--data-dir', services.dataDir, '--lang', 'en'])
      expect(viaCli.code).toBe(1)
      expect(viaCli.err).toMatch(/needs a password/)
    }))
})

describe('Word 97–2003 (.doc), WPS (.wps) and RTF', () => {
  // the files are made in beforeAll, so each case names its file by a function
  it.each([
    ['a .doc made by LibreOffice: the body only, no header or footer', 'doc', () => files.doc],
    ['a .wps that is a Word 97 file inside', 'wps', () => copyAs(files.doc, '柳湾街道.wps')],
    ['an RTF file made by LibreOffice: the body only', 'rtf', () => files.rtf],
  ] as const)('reads %s', (_, format, file) =>
    withServices(async (services) => {
      const { documents, report } = await importThroughApi(services, file())
      expectTheSummary(documents[0]!)
      expect(report.format).toBe(format)
    }),
  )

  it('says clearly when a .wps cannot be read', () =>
    withServices(async (services) => {
      const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251)
      for (const bytes of [garbage, Buffer.concat([fs.readFileSync(files.doc).subarray(0, 1536), Buffer.from(garbage)])]) {
        const error = await importError(services, writeFile('旧文件.wps', bytes))
        expect(error.code).toBe('import.wpsUnreadable')
        expect(messageText(error)).toBe('WPS 格式无法读取，请在 WPS 中另存为 .docx')
        expect(messageText(error, 'en')).toMatch(/save it as \.docx in WPS/)
      }
      const viaCli = await cli(['import', writeFile('坏.wps', garbage), '--data-dir', services.dataDir])
      expect(viaCli).toMatchObject({ code: 1, err: 'WPS 格式无法读取，请在 WPS 中另存为 .docx' })
    }))

  it('refuses a damaged .doc with a clear message', () =>
    withServices(async (services) => {
      const cut = fs.readFileSync(files.doc).subarray(0, 2048)
      const error = await importError(services, writeFile('半截.doc', cut))
      expect(error.code).toBe('import.docDamaged')
      expect(messageText(error)).toMatch(/^无法读取这个 Word 97–2003 文档（\.doc）：文件已损坏或不完整/)
    }))

  it('refuses a password-protected .doc (the Word header says encrypted)', () =>
    withServices(async (services) => {
      const bytes = Buffer.from(fs.readFileSync(files.doc))
      // the WordDocument stream starts a sector with 0xA5EC; its flags word at 0x0A holds fEncrypted (0x0100)
      let fib = 512
      while (fib < bytes.length && bytes.readUInt16LE(fib) !== 0xa5ec) fib += 512
      expect(fib).toBeLessThan(bytes.length)
      bytes.writeUInt16LE(bytes.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a)
      const error = await importError(services, writeFile('加密.doc', bytes))
      expect(error.code).toBe('import.docEncrypted')
      expect(messageText(error)).toMatch(/设有打开密码/)
    }))

  it('reads a ".doc" by what it is: a .docx, a web page or plain text renamed', () =>
    withServices(async (services) => {
      const asDocx = await importThroughApi(services, copyAs(files.docx, '其实是新版.doc'))
      expect(asDocx.report.format).toBe('docx')
      expectTheSummary(asDocx.documents[0]!)
      const page = `<html><head><meta charset="utf-8"><title>x</title></head><body><h1>${TEXT.title}</h1><p>一、主要做法</p><p>${PARAGRAPHS[0]}</p></body></html>`
      const asHtml = await importThroughApi(services, writeFile('网页.doc', page))
      expect(asHtml.report.format).toBe('html')
      expect(asHtml.documents[0]!.title).toBe(TEXT.title)
      const asText = await importThroughApi(services, writeFile('文本.doc', `${TEXT.title}\n一、主要做法\n${PARAGRAPHS[0]}\n`))
      expect(asText.report.format).toBe('txt')
      expect(outline(asText.documents[0]!)).toEqual(['1 主要做法'])
      const asPdf = await importThroughApi(services, copyAs(files.pdf, '其实是PDF.doc'))
      expect(asPdf.report.format).toBe('pdf')
      const asRtf = await importThroughApi(services, copyAs(files.rtf, '其实是RTF.doc'))
      expect(asRtf.report.format).toBe('rtf')
      expectTheSummary(asRtf.documents[0]!)
    }))
})

describe('a web page saved from a browser', () => {
  // GBK, as many Chinese sites still serve their pages, and declared as such
  const PAGE = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${TEXT.title}_某某范文网</title><script>var ad = "<p>广告脚本</p>";</script><style>.a{}</style></head><body>
<div class="header"><a href="/">首页</a> | <a href="/zongjie">工作总结</a> | <a href="/login">登录</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">个人总结</a></li><li><a href="/b">述职报告</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zongjie">工作总结</a> &gt; 正文</div>
<div class="main"><div class="left">
<h1>${TEXT.title}</h1>
<div class="info">时间：2025-12-20 09:30 来源：某某范文网 阅读：2318次</div>
<div class="article">
<p><strong>一、主要做法</strong></p><p>${PARAGRAPHS[0]}</p>
<!-- 中部广告 --><div class="ad_box">【推荐】更多精品范文，点击下载</div>
<p><strong>二、取得成效</strong></p><p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p>
<p><strong>三、下一步打算</strong></p><p>${PARAGRAPHS[3]}</p>
<p style="text-align:right">柳湾街道办事处<br>2025年12月18日</p>
</div><div class="share">分享到：微信 微博 QQ</div></div>
<div class="sidebar"><h3>相关文章</h3><ul><li><a href="/1">社区养老服务工作汇报材料</a></li><li><a href="/2">老龄工作年度总结范文</a></li></ul></div></div>
<div class="footer">Copyright 2025 某某范文网 版权所有 备案号：示例ICP备00000000号</div>
<form action="/s"><input name="q"><button>搜索</button></form></body></html>`

  it('keeps the page’s main text, without menus, adverts, sidebars, footers or scripts; the declared GBK is honoured', () =>
    withServices(async (services) => {
      const file = writeFile('柳湾街道.html', gb18030(PAGE))
      const { documents, report } = await importThroughApi(services, file, { clean: true })
      expectTheSummary(documents[0]!)
      expect(report.format).toBe('html')
      expect(report.encoding).toBe('gb18030')
      expect(everything(documents[0]!)).not.toMatch(/首页|广告|推荐|分享|相关文章|版权|搜索|范文网/)
    }))

  it('is offered as .htm too, and the CLI prints the removed junk lines with their kind in words', async () => {
    const junky = ['来源：某某范文网  作者：佚名', TEXT.title, '一、主要做法', PARAGRAPHS[0], '本文由网友上传，转载请注明出处', '柳湾街道办事处', '2025年12月18日'].join('\n')
    const file = writeFile('柳湾街道.htm', `<html><body><article><pre>${junky}</pre></article></body></html>`)
    const zh = await cli(['import', file, '--clean', '--data-dir', tempDir()])
    expect(zh.code).toBe(0)
    expect(zh.out).toMatch(/去掉：第 \d+ 行（发布信息）：来源/)
    expect(zh.out).toMatch(/去掉：第 \d+ 行（声明）：本文由网友上传/)
    expect(zh.out).not.toMatch(/（meta）|（boilerplate）/)
    const en = await cli(['import', file, '--clean', '--data-dir', tempDir(), '--lang', 'en'])
    expect(en.out).toMatch(/removed: line \d+ \(publishing details\): 来源/)
  })
})

/**
 * A one-page PDF as older publishing tools write it: text in the standard Chinese font STSong-Light,
 * not embedded, its codes UCS-2 through the predefined CMap UniGB-UCS2-H. Offsets computed here.
 */
function cidFontPdf(lines: string[]): Buffer {
  const hex = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()
  const content = `BT /F1 16 Tf 72 760 Td 20 TL\n${lines.map((l) => `<${hex(l)}> Tj T*\n`).join('')}ET`
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>',
    '<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[6 0 R]>>',
    `<</Length ${Buffer.byteLength(content)}>>\nstream\n${content}\nendstream`,
    '<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 4>>/FontDescriptor 7 0 R/DW 1000>>',
    '<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[0 -200 1000 900]/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 880/StemV 80>>',
  ]
  let out = '%PDF-1.4\n'
  const offsets = objects.map((o, i) => {
    const at = Buffer.byteLength(out)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
    return at
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
