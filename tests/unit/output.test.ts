import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, fingerprintOf, shortFingerprint } from '../../shared/output/canonical'
import { messageText } from '../../shared/errors'
import { checkDocument, titleYear } from '../../shared/output/check'
import { formatDate } from '../../shared/output/dates'
import * as L from '../../shared/output/layout'
import { renderMarkdown, renderText } from '../../shared/output/plain'
import { breakTitle, prepareOutput } from '../../shared/output/prepare'
import { printHtml, SIG_RIGHT_PT } from '../../shared/output/printHtml'
import { sha256Hex } from '../../shared/output/sha256'
import { inspectImage } from '../../electron/services/assets/image'
import { readPdfFingerprint, withPdfInfo } from '../../electron/services/output/pdfInfo'
import { SummaryDocumentSchema, type SummaryDocument } from '../../shared/document/model'
import { sampleDocument } from '../helpers/documents'
import { sealPng, TINY_JPEG } from '../helpers/png'

describe('GB/T 9704 layout numbers', () => {
  it('computes the grid from the margins as Word stores them', () => {
    expect(L.MARGIN_TWIPS).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 })
    expect(L.TEXT_TWIPS).toEqual({ width: 8845, height: 12756 })
    expect(L.LINE_PITCH_TWIPS).toBe(579)
    expect(Math.floor(L.TEXT_TWIPS.height / L.LINE_PITCH_TWIPS)).toBe(22)
    expect(Math.floor(L.TEXT_TWIPS.height / (L.LINE_PITCH_TWIPS + 1))).toBe(21) // 580 would give 21 lines
    expect(L.CHAR_SPACE).toBe(-842)
    expect(Math.floor(L.TEXT_TWIPS.width / 20 / L.GRID_CHAR_PITCH_PT)).toBe(28)
    // the spacing actually used: 28 characters fit, 29 do not, in Word's and the browser's line
    expect(28 * L.CHAR_PITCH_PT).toBeLessThanOrEqual(L.mmToPt(156))
    expect(29 * L.CHAR_PITCH_PT).toBeGreaterThan(L.TEXT_TWIPS.width / 20)
    expect(L.TEXT_BLOCK_MM).toEqual({ width: 156, height: 225 })
    expect(22 * L.LINE_PITCH_PT).toBeLessThanOrEqual(L.mmToPt(225))
    expect(23 * L.LINE_PITCH_PT).toBeGreaterThan(L.mmToPt(225))
  })
})

describe('dates', () => {
  it('writes Arabic without zero padding, or Chinese numerals', () => {
    expect(formatDate('2021-12-02', 'arabic')).toBe('2021年12月2日')
    expect(formatDate('2021-12-02', 'chinese')).toBe('二〇二一年十二月二日')
    expect(formatDate('2005-09-16', 'chinese')).toBe('二〇〇五年九月十六日')
    expect(formatDate('2030-10-20', 'chinese')).toBe('二〇三〇年十月二十日')
  })

  it('a 落款 dated by month only prints the month, no day made up; the model takes it, 出稿检查 still sees a future month', () => {
    expect(formatDate('2025-12', 'arabic')).toBe('2025年12月')
    expect(formatDate('2025-12', 'chinese')).toBe('二〇二五年十二月')
    const doc: SummaryDocument = { ...sampleDocument(), title: '2025年工作总结', signature: { organization: '某某局', date: '2025-12', dateStyle: 'arabic' } }
    expect(SummaryDocumentSchema.safeParse(doc).success).toBe(true)
    expect(SummaryDocumentSchema.safeParse({ ...doc, signature: { ...doc.signature, date: '2025-1' } }).success).toBe(false)
    expect(renderText(prepareOutput(doc))).toMatch(/某某局\r\n2025年12月\s*$/)
    const kinds = (today: string) => checkDocument(doc, { today }).findings.map((f) => f.kind)
    expect(kinds('2026-01-10')).not.toContain('futureDate')
    expect(kinds('2025-11-30')).toContain('futureDate')
  })
})

describe('the 主送 line', () => {
  const doc = (first: string): SummaryDocument => ({
    version: 1, title: '2025年工作总结', figures: [],
    blocks: [{ type: 'paragraph', children: [{ type: 'text', text: first }] }, { type: 'paragraph', children: [{ type: 'text', text: '今年以来，我局各项工作稳步推进。' }] }],
  })
  it('is set flush left with no indent in the print view and TXT; a lead-in ending in a colon and later lines are not', () => {
    const to = prepareOutput(doc('县人民政府：'))
    expect(to.blocks.map((b) => b.kind === 'paragraph' && !!b.addressee)).toEqual([true, false])
    expect(printHtml(to)).toContain('<p class="p to" data-b="0">县人民政府：</p>')
    expect(renderText(to)).toMatch(/\r\n县人民政府：\r\n\u3000\u3000今年以来/)
    expect(prepareOutput(doc('各科室、各单位:')).blocks[0]).toMatchObject({ addressee: true })
    for (const text of ['现将有关情况报告如下：', '今年以来，我局各项工作稳步推进：', '一年来的主要工作总结：'])
      expect(prepareOutput(doc(text)).blocks[0]).not.toHaveProperty('addressee')
    const second = doc('今年以来，我局各项工作稳步推进。')
    second.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '县人民政府：' }] })
    expect(prepareOutput(second).blocks[2]).not.toHaveProperty('addressee')
  })
})

describe('title lines', () => {
  it('keeps short titles whole and breaks long ones evenly at a natural place, upper line not shorter', () => {
    expect(breakTitle('2025年度工作总结')).toEqual(['2025年度工作总结'])
    const lines = breakTitle('某某镇应急管理办公室关于2025年度安全生产工作开展情况的总结报告')
    expect(lines.length).toBe(2)
    expect(lines.join('')).toBe('某某镇应急管理办公室关于2025年度安全生产工作开展情况的总结报告')
    expect([...lines[0]!].length).toBeGreaterThanOrEqual([...lines[1]!].length)
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(L.TITLE_CHARS_PER_LINE)
    expect(lines[0]!.endsWith('年')).toBe(false) // never 年 | 度
    expect(breakTitle('第一行\n第二行')).toEqual(['第一行', '第二行'])
  })
})

describe('canonical serialization and fingerprint', () => {
  it('sorts keys, normalizes to NFC, and hashes with SHA-256', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'e\u0301'], c: undefined })).toBe('{"a":[true,null,"é"],"b":1}')
    for (const s of ['', 'abc', '稿台'.repeat(100), 'x'.repeat(1000)]) expect(sha256Hex(new TextEncoder().encode(s))).toBe(createHash('sha256').update(s).digest('hex'))
    const doc = sampleDocument()
    const reverseKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v)
    const shuffled = reverseKeys(doc) as SummaryDocument
    expect(fingerprintOf(shuffled)).toBe(fingerprintOf(doc))
    const split: SummaryDocument = { ...doc, blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '一年' }, { type: 'text', text: '来' }] }] }
    const merged: SummaryDocument = { ...doc, blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '一年来' }] }] }
    expect(fingerprintOf(split)).toBe(fingerprintOf(merged)) // normal form
    expect(fingerprintOf({ ...doc, title: doc.title + '。' })).not.toBe(fingerprintOf(doc))
    expect(shortFingerprint('sha256:3f2a9c1e77b0' + '0'.repeat(52))).toBe('3f2a-9c1e-77b0')
  })
  it('is independent of key order for any JSON object (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse())
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj))
      }),
    )
  })
})

describe('出稿检查', () => {
  const base = (): SummaryDocument => ({ ...sampleDocument(), signature: { organization: '某某镇应急管理办公室', date: '2025-12-20', dateStyle: 'arabic' } })
  const kinds = (doc: SummaryDocument, today = '2026-01-05') => checkDocument(doc, { today }).findings.map((f) => f.kind)

  it('finds nothing in a clean document', () => {
    expect(checkDocument(base(), { today: '2026-01-05' }).findings).toEqual([])
  })
  it('unfilled figures and placeholders, with their block', () => {
    const doc = base()
    doc.figures = [{ id: 'f1', name: '责任书份数', value: null }]
    doc.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '全年召开会议xx次，发放____份。' }] })
    const result = checkDocument(doc, { today: '2026-01-05' })
    expect(result.findings.find((f) => f.kind === 'unfilledFigure')).toMatchObject({ location: { part: 'block', block: 2 }, severity: 'error' })
    expect(result.findings.find((f) => f.kind === 'placeholder')).toMatchObject({ location: { part: 'block', block: doc.blocks.length - 1, offset: 6 }, count: 2 })
  })
  it('figure references to deleted figures', () => {
    const doc = base()
    doc.figures = []
    expect(kinds(doc)).toContain('figureError')
  })
  it('numbering: skipped levels, typed numbers, gaps in typed lists', () => {
    const doc = base()
    doc.blocks = [
      { type: 'heading', level: 1, title: [{ type: 'text', text: '主要工作' }] },
      { type: 'heading', level: 3, title: [{ type: 'text', text: '跳级的标题' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '内容。' }] },
      { type: 'heading', level: 1, title: [{ type: 'text', text: '二、手写编号' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '（七）第七项。' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '（九）第九项。' }] },
    ]
    const r = checkDocument(doc, { today: '2026-01-05' }).findings
    expect(r.find((f) => f.kind === 'skippedLevel')?.location.block).toBe(1)
    expect(r.find((f) => f.kind === 'typedNumber')?.location.block).toBe(3)
    const gap = r.find((f) => f.kind === 'numberingGap')!
    expect(gap).toMatchObject({ location: { block: 5 }, problem: { code: 'check.numberingGap' } })
    expect(messageText(gap.problem)).toContain('缺少第 8 项')
  })
  it('half-width punctuation in Chinese, not in numbers', () => {
    const doc = base()
    doc.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '投入资金1,000万元,完成率(按计划)达到95%。时间10:30。' }] })
    const f = checkDocument(doc, { today: '2026-01-05' }).findings.filter((x) => x.kind === 'halfWidthPunctuation')
    expect(f).toHaveLength(1)
    expect(f[0]!.count).toBe(3) // "," after 万元 and the ( ) pair; not 1,000 or 10:30
  })
  it('empty sections and empty headings', () => {
    const doc = base()
    doc.blocks = [
      { type: 'heading', level: 1, title: [{ type: 'text', text: '主要工作' }] },
      { type: 'heading', level: 1, title: [{ type: 'text', text: '存在问题' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '有内容。' }] },
      { type: 'heading', level: 1, title: [] },
    ]
    const r = checkDocument(doc, { today: '2026-01-05' }).findings
    expect(r.filter((f) => f.kind === 'emptySection').map((f) => f.location.block)).toEqual([0, 3])
    expect(r.find((f) => f.kind === 'emptyHeading')?.location.block).toBe(3)
  })
  it('signature and date: missing, later than today, contradicting the title year', () => {
    const doc = base()
    delete doc.signature
    expect(kinds(doc)).toEqual(expect.arrayContaining(['missingSignature', 'missingDate']))
    expect(kinds(base(), '2025-12-01')).toContain('futureDate')
    const wrongYear = base()
    wrongYear.signature!.date = '2023-12-20'
    expect(kinds(wrongYear)).toContain('yearMismatch')
    const nextJanuary = base()
    nextJanuary.signature!.date = '2026-01-03'
    expect(kinds(nextJanuary)).not.toContain('yearMismatch')
    expect(titleYear('二〇二五年度工作总结')).toBe(2025)
  })
  it('an empty document is one finding', () => {
    expect(kinds({ version: 1, title: '', blocks: [{ type: 'paragraph', children: [] }], figures: [] })).toEqual(['emptyDocument'])
  })
})

describe('TXT, Markdown and print HTML', () => {
  const out = prepareOutput(sampleDocument())
  it('render the numbering', () => {
    const txt = renderText(out)
    expect(txt).toContain('\u3000\u3000一、主要工作\r\n\u3000\u3000（一）健全责任体系。与各村签订责任书36份')
    expect(txt).toContain('（1）重点行业')
    const md = renderMarkdown(out)
    expect(md).toContain('## 一、主要工作')
    expect(md).toContain('*部分企业主体责任落实不到位。*'.replace('*部分', '<em>部分').replace('。*', '。</em>'))
  })
  it('print a skipped level with the number the writer typed: "1." under "一、", restarting under each', () => {
    const h = (level: 1 | 2 | 3 | 4, text: string) => ({ type: 'heading' as const, level, title: [{ type: 'text' as const, text }] })
    const skipped = prepareOutput({ ...sampleDocument(), blocks: [h(1, '甲'), h(3, '乙'), h(3, '丙'), h(1, '丁'), h(3, '戊'), h(4, '己')] })
    expect(skipped.blocks.map((b) => (b.kind === 'heading' ? b.number : ''))).toEqual(['一、', '1.', '2.', '二、', '1.', '（1）'])
    expect(renderText(skipped)).toContain('\u3000\u3000二、丁\r\n\u3000\u30001.戊\r\n\u3000\u3000（1）己')
    expect(renderMarkdown(skipped)).toContain('#### 1.乙')
    expect(printHtml(skipped)).toMatch(/<span class="ht">1\.乙<\/span>/)
  })
  it('print HTML: the flow at the text block width, one A4 box per page with its page number, the paginating script inline', () => {
    const html = printHtml(out)
    // every page box is one sheet: the sheet has no margin, the box places the text block and the number
    expect(html).toContain('@page { size: 210mm 297mm; margin: 0; }')
    expect(html).toContain('.page { position: relative; width: 210mm; height: 297mm; overflow: hidden;')
    expect(html).toContain('.page .area { position: absolute; left: 28mm; top: 37mm; width: 156mm; height: 225mm; }')
    expect(html).toMatch(/\.page\.odd \.pn \{ right: calc\(26mm \+ 14pt\); \}/)
    expect(html).toMatch(/\.page\.even \.pn \{ left: calc\(28mm \+ 14pt\); \}/)
    expect(html).toContain('line-height: 28.95pt')
    expect(html).toContain('<h2 class="h h1" data-b="1"><span class="ht">一、主要工作</span></h2>')
    expect(html).toContain('<p class="h h2 runin" data-b="2"><span class="ht f-heading2">（一）<b>健全责任体系。</b></span><span class="rb">与各村签订责任书36份')
    expect(html).not.toMatch(/<script/i)
    const escaped = printHtml(prepareOutput({ ...sampleDocument(), title: '<script>alert(1)</script>' }))
    expect(escaped).not.toContain('<script>alert')
    // the script the printers run, carried inline and unable to close its own tag early
    const withScript = printHtml(out, { script: 'var s = "</script><b>";' })
    expect(withScript).toContain('<script>var s = "<\\/script><b>";</script></body>')
  })

  it('print HTML: the signature block by GB/T 9704 §7.3.5 (sealed: date 4 characters in, the name centred over it)', () => {
    const pitch = 15.6
    expect(SIG_RIGHT_PT).toEqual({ unsealed: 2 * pitch, sealed: 4 * pitch })
    const html = printHtml(out)
    expect(html).toContain(`.dd-doc .sig { display: flex; justify-content: flex-end; padding-top: 28.95pt; padding-right: ${2 * pitch}pt;`)
    expect(html).toContain(`.dd-doc .sig.sealed { padding-top: 57.9pt; padding-right: ${4 * pitch}pt; }`)
    expect(html).toContain('<div class="sig" data-part="signature"><div class="box"><p class="org">某某镇应急管理办公室</p><p class="date">2025年12月20日</p></div></div>')
  })

  it('prints no 定稿 mark on the page unless asked', () => {
    const final = prepareOutput(sampleDocument(), { fingerprint: 'sha256:' + 'a'.repeat(64), short: 'aaaa-aaaa-aaaa', name: '报送稿', author: '张三', frozenAt: 0, revisionId: 1 })
    expect(printHtml(final)).not.toContain('data-mark')
    expect(printHtml(final, { printMark: true })).toContain('<main class="dd-doc" data-mark="定稿 aaaa-aaaa-aaaa · 报送稿">')
  })
})

describe('seal images and PDF info', () => {
  it('recognizes PNG and JPEG by content and refuses others clearly', () => {
    expect(inspectImage(sealPng(64))).toEqual({ mime: 'image/png', width: 64, height: 64 })
    expect(inspectImage(TINY_JPEG)).toEqual({ mime: 'image/jpeg', width: 1, height: 1 })
    expect(() => inspectImage(Buffer.from('GIF89a......'))).toThrow(/GIF/)
    expect(() => inspectImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toThrow(/SVG/)
    expect(() => inspectImage(Buffer.alloc(0))).toThrow(/空文件/)
  })
  it('writes the fingerprint as an incremental update and reads it back', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Title (A (nested) title) /Producer (x) >>\nendobj\n2 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000070 00000 n \ntrailer\n<< /Size 3 /Root 2 0 R /Info 1 0 R >>\nstartxref\n100\n%%EOF\n', 'latin1')
    const fp = 'sha256:' + 'c'.repeat(64)
    const out = withPdfInfo(pdf, { DraftDeskFingerprint: fp, Subject: '定稿' })
    const text = Buffer.from(out).toString('latin1')
    expect(text.startsWith(pdf.toString('latin1'))).toBe(true)
    expect(text).toContain('/Title (A (nested) title)')
    expect(text).toContain('/Prev 100')
    // the XMP metadata, named by the catalog written again
    expect(Buffer.from(out).toString('utf8')).toContain(`<draftdesk:Fingerprint>${fp}</draftdesk:Fingerprint>`)
    expect(text).toMatch(/2 0 obj\n<< \/Type \/Catalog \/Metadata 4 0 R >>\nendobj\n/)
    expect(text).toMatch(/xref\n0 1\n0000000000 65535 f \n2 1\n\d{10} 00000 n \n3 1\n\d{10} 00000 n \n4 1\n/)
    expect(readPdfFingerprint(out)).toEqual({ fingerprint: fp, lastUpdateIsOurs: true })
    expect(readPdfFingerprint(Buffer.concat([out, Buffer.from('xref\ntrailer\n<<>>\nstartxref\n1\n%%EOF\n')])).lastUpdateIsOurs).toBe(false)
  })
})
