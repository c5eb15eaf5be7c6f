/**
 * Import (.txt/.md/.docx) through the API (`documents.import`) and the CLI (`import FILE`), with real
 * files written to temp folders: encodings, formatting, tables, bad input, size limits, saving.
 * Every fixture text is written here, in our own words.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { IMPORT_MAX_BASE64, IMPORT_MAX_BYTES } from '../../shared/api'
import { messageText } from '../../shared/errors'
import { SummaryDocumentSchema, type Block, type SummaryDocument } from '../../shared/document/model'
import { callApi, createServices } from '../../electron/services'
import { importFile } from '../../electron/services/import/store'
import { cli } from '../helpers/cli'
import { big5, gb18030 } from '../helpers/encodings'
import { importError, importFixtures, importThroughApi, outline, text } from '../helpers/importing'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const { writeFile, withServices } = importFixtures(tempDir)

// ---------------------------------------------------------------------------------------------
// fixtures (our own words)

const TOWN = [
  '松林镇2025年度平安建设工作总结',
  '——松林镇综治中心',
  '',
  '今年以来，我镇以创建“平安松林”为目标，扎实推进矛盾纠纷排查化解。现将全年工作总结如下：',
  '一、主要工作',
  '（一）健全工作机制。镇党委召开平安建设专题会议4次，与12个村（社区）签订责任书。',
  '（二）开展矛盾排查。组织网格员入户走访xx户，化解矛盾纠纷56起。',
  '1.加强重点人员服务管理。',
  '2.推进“雪亮工程”建设。',
  '二、存在的问题',
  '部分村调解员业务能力不足，一是培训不够系统，二是激励措施不多。',
  '三、下一步打算',
  '深化网格化服务管理，力争群众安全感达到98%以上。',
  '',
  '松林镇综治中心',
  '2025年12月26日',
  '',
].join('\n')

/** Traditional characters, for Big5. */
const TRADITIONAL = '竹園里2025年度社區工作總結\n\n一年來，本里推動環境清潔與長者關懷。現將工作總結如下：\n一、主要工作\n（一）加強社區巡守。全年巡守120次。\n二、檢討與展望\n竹園里辦公處\n2025年12月20日\n'

const THREE_COMMUNITIES = [
  '第一篇：东湖社区2025年工作总结',
  '一、主要工作',
  '社区全年开展志愿服务活动20场，服务居民600余人次。',
  '东湖社区居委会',
  '2025年12月10日',
  '第二篇：西岭社区2025年工作总结',
  '一、主要工作',
  '社区完成老旧小区加装电梯3部。',
  '西岭社区居委会',
  '2025年12月12日',
  '第三篇：南苑社区2025年工作总结',
  '一、主要工作',
  '社区新建口袋公园1处。',
  '南苑社区居委会',
  '2025年12月15日',
  '',
].join('\n')

const MARKDOWN = `# 河湾社区2025年度工作总结

今年以来，社区围绕**为民服务**中心任务开展工作。现将有关情况总结如下：

## 一、基本情况

**（一）强化组织建设。**社区召开党员大会x次，发展*入党积极分子*3名。

- 开展<u>环境整治</u>行动，清理杂物20余吨
- 走访**镇属困难家庭

| 项目 | 数量 |
| --- | --- |
| 宣传单 | **300** 份 |

## 二、存在问题

志愿服务覆盖面还不够广。

撰写人：____

河湾社区居委会
2025年12月20日
`

// ---------------------------------------------------------------------------------------------
// encoders for the test files (Node's TextEncoder only writes UTF-8; GB18030 and Big5 in tests/helpers/encodings.ts)

const utf8 = (text: string) => new TextEncoder().encode(text)
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'))
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16())
const concat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]))

/** A tiny but complete 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

async function styledDocx(): Promise<Buffer> {
  const cell = (children: TextRun[]) => new TableCell({ children: [new Paragraph({ children })] })
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('青禾镇2025年度农村人居环境整治工作总结')] }),
          new Paragraph({ children: [new TextRun('今年以来，我镇坚持'), new TextRun({ text: '因村施策', bold: true }), new TextRun('，现将有关情况总结如下：')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('主要工作')] }),
          new Paragraph({
            children: [
              new TextRun({ text: '（一）强化组织保障。', bold: true }),
              new TextRun('镇党委召开专题会议6次，'),
              new TextRun({ text: '明确责任分工', underline: {} }),
              new TextRun('，'),
              new TextRun({ text: '逐村建立台账', italics: true }),
              new TextRun('。'),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('（二）推进垃圾分类')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell([new TextRun('项目')]), cell([new TextRun('数量')])] }),
              new TableRow({ children: [cell([new TextRun({ text: '清运垃圾', bold: true })]), cell([new TextRun('320吨')])] }),
            ],
          }),
          new Paragraph({ children: [new TextRun('全镇xx个行政村完成分类设施建设。'), new PageBreak()] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('存在的问题')] }),
          new Paragraph('1.部分村民分类意识不强。'),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('青禾镇人民政府')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2025年12月18日')] }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** The way most writers make Word files: no heading styles, numbers typed, bold run-in headings. */
async function plainDocx(): Promise<Buffer> {
  const p = (...runs: TextRun[]) => new Paragraph({ children: runs })
  const doc = new Document({
    sections: [
      {
        children: [
          p(new TextRun({ text: '石桥中学2025年安全工作总结', bold: true })),
          p(new TextRun('本年度，学校把师生安全放在首位。现将工作总结如下：')),
          p(new TextRun({ text: '一、完善安全制度', bold: true })),
          p(new TextRun({ text: '（一）落实值班制度。', bold: true }), new TextRun('全年安排教师值班365天。')),
          p(new TextRun({ text: '（二）开展应急演练。', bold: true }), new TextRun('组织疏散演练4次。')),
          p(new TextRun({ text: '二、加强安全教育', bold: true })),
          p(new TextRun('开设安全教育课'), new TextRun({ text: '每周一节', underline: {} }), new TextRun('。')),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

// ---------------------------------------------------------------------------------------------
// helpers

/** The package's first central-directory entry spoiled: its end is there, its inside is not sound. */
function breakCentralDirectory(docx: Buffer): Uint8Array {
  const out = new Uint8Array(docx)
  const at = Buffer.from(out).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
  out[at + 2] = 0x09
  return out
}
const headings = (doc: SummaryDocument) => doc.blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading')

// ---------------------------------------------------------------------------------------------

describe('importing plain text in the encodings writers’ files come in', () => {
  it('reads a UTF-8 summary into the document model: title, subtitle, levels, run-ins, placeholders, signature', () =>
    withServices(async (services) => {
      const { documents, report, saved } = await importThroughApi(services, writeFile('松林镇.txt', utf8(TOWN)))
      expect(saved).toEqual([])
      expect(documents).toHaveLength(1)
      const doc = SummaryDocumentSchema.parse(documents[0])
      expect(doc.title).toBe('松林镇2025年度平安建设工作总结')
      expect(doc.subtitle).toBe('松林镇综治中心')
      expect(outline(doc)).toEqual([
        '1 主要工作',
        '2 健全工作机制。',
        '2 开展矛盾排查。',
        '3 加强重点人员服务管理。',
        '3 推进“雪亮工程”建设。',
        '1 存在的问题',
        '1 下一步打算',
      ])
      expect(text(headings(doc)[2]!.body)).toBe('组织网格员入户走访{f1}户，化解矛盾纠纷56起。')
      expect(doc.figures).toEqual([expect.objectContaining({ id: 'f1', value: null, original: 'xx' })])
      expect(doc.signature).toEqual({ organization: '松林镇综治中心', date: '2025-12-26', dateStyle: 'arabic' })
      expect(report).toMatchObject({ format: 'txt', encoding: 'utf-8', documents: 1, headings: 7, runInHeadings: 2, placeholders: 1, numberingGaps: [] })
    }))

  it.each([
    ['UTF-8 with a BOM', 'utf-8-bom', concat([0xef, 0xbb, 0xbf], utf8(TOWN))],
    ['UTF-16LE with a BOM', 'utf-16le', concat([0xff, 0xfe], utf16le(TOWN))],
    ['UTF-16BE with a BOM', 'utf-16be', concat([0xfe, 0xff], utf16be(TOWN))],
    ['UTF-16LE without a BOM', 'utf-16le', utf16le(TOWN)],
    ['UTF-16BE without a BOM', 'utf-16be', utf16be(TOWN)],
    ['GB18030 (GBK)', 'gb18030', gb18030(TOWN)],
    ['UTF-8 with CRLF line ends', 'utf-8', utf8(TOWN.replace(/\n/g, '\r\n'))],
  ])('reads %s to the same document', (_label, encoding, bytes) =>
    withServices(async (services) => {
      const reference = (await importThroughApi(services, writeFile('ref.txt', utf8(TOWN)))).documents
      const { documents, report } = await importThroughApi(services, writeFile('总结.txt', bytes))
      expect(report.encoding).toBe(encoding)
      expect(documents).toEqual(reference)
    }))

  it('reads Big5 (Traditional characters) instead of taking it for GBK', () =>
    withServices(async (services) => {
      const { documents, report } = await importThroughApi(services, writeFile('竹園里.txt', big5(TRADITIONAL)))
      expect(report.encoding).toBe('big5')
      expect(documents[0]!.title).toBe('竹園里2025年度社區工作總結')
      expect(outline(documents[0]!)).toEqual(['1 主要工作', '2 加強社區巡守。', '1 檢討與展望'])
    }))

  it('keeps a file with a few invalid bytes, marks them with "\ufffd" and warns; refuses one that is mostly invalid', () =>
    withServices(async (services) => {
      const damaged = utf8(TOWN)
      const at = damaged.indexOf(0xe9) // inside a multi-byte character of the body
      damaged[at + 1] = 0xff
      const utf8Result = await importThroughApi(services, writeFile('damaged.txt', damaged))
      expect(utf8Result.report.encoding).toBe('utf-8')
      expect(JSON.stringify(utf8Result.documents)).toContain('\ufffd')
      expect(utf8Result.report.warnings).toEqual([{ code: 'import.damagedBytes', params: { count: 1, encoding: 'UTF-8' } }])
      expect(messageText(utf8Result.report.warnings[0]!)).toBe('文件含有 1 处无效字节（乱码），已按 UTF-8 读取并以“\ufffd”标出，请核对')

      const cut = gb18030(TOWN).subarray(0, gb18030(TOWN).length - 5) // cut inside a character
      const gbResult = await importThroughApi(services, writeFile('cut.txt', concat(cut, [0xc8])))
      expect(gbResult.report.encoding).toBe('gb18030')
      expect(gbResult.report.warnings.map((w) => messageText(w)).join()).toMatch(/无效字节/)

      const garbage = new Uint8Array(600).map((_, i) => (i % 2 ? 0x41 : 0xff))
      const error = await importError(services, writeFile('garbage.txt', garbage))
      expect(error.code).toBe('import.unreadable')
      expect(messageText(error)).toMatch(/^无法识别文件编码：.*（至少 \d+ 处无效字节）$/)
      expect(await callApi(services.handlers, 'documents.list', {})).toEqual([])
    }))
})

describe('importing Markdown and Word', () => {
  it('reads Markdown: "#" title, "##" sections as level 1, bold/italic/underline, lists, tables, "____" and "**镇" as blanks', () =>
    withServices(async (services) => {
      const { documents, report } = await importThroughApi(services, writeFile('河湾社区.md', utf8(MARKDOWN)))
      expect(report).toMatchObject({ format: 'md', encoding: 'utf-8' })
      const doc = SummaryDocumentSchema.parse(documents[0])
      expect(doc.title).toBe('河湾社区2025年度工作总结')
      expect(outline(doc)).toEqual(['1 基本情况', '2 强化组织建设。', '1 存在问题'])
      const opening = doc.blocks[0]!
      expect(opening).toEqual({
        type: 'paragraph',
        children: [
          { type: 'text', text: '今年以来，社区围绕' },
          { type: 'text', text: '为民服务', bold: true },
          { type: 'text', text: '中心任务开展工作。现将有关情况总结如下：' },
        ],
      })
      const runIn = headings(doc)[1]!
      expect(runIn.title).toEqual([{ type: 'text', text: '强化组织建设。', bold: true }])
      expect(runIn.body).toContainEqual({ type: 'text', text: '入党积极分子', italic: true })
      expect(runIn.body).toContainEqual({ type: 'figure', figureId: 'f1' })
      expect(doc.blocks).toContainEqual({
        type: 'paragraph',
        children: [{ type: 'text', text: '开展' }, { type: 'text', text: '环境整治', underline: true }, { type: 'text', text: '行动，清理杂物20余吨' }],
      })
      expect(doc.blocks).toContainEqual({
        type: 'table',
        rows: [
          [[{ type: 'text', text: '项目' }], [{ type: 'text', text: '数量' }]],
          [[{ type: 'text', text: '宣传单' }], [{ type: 'text', text: '300', bold: true }, { type: 'text', text: ' 份' }]],
        ],
      })
      // the table stays where it was: after the list, before "二、存在问题"
      const types = doc.blocks.map((b) => b.type)
      expect(types.indexOf('table')).toBe(doc.blocks.findIndex((b) => b.type === 'heading' && text(b.title) === '存在问题') - 1)
      expect(doc.figures.map((f) => f.original)).toEqual(['x', '**', '____'])
      expect(doc.signature).toMatchObject({ organization: '河湾社区居委会', date: '2025-12-20' })
    }))

  it('reads a Word file: heading styles as levels, typed numbers, bold/italic/underline, a table, a page break', () =>
    withServices(async (services) => {
      const { documents, report } = await importThroughApi(services, writeFile('青禾镇.docx', await styledDocx()))
      expect(report.format).toBe('docx')
      expect(report.encoding).toBeUndefined()
      const doc = SummaryDocumentSchema.parse(documents[0])
      expect(doc.title).toBe('青禾镇2025年度农村人居环境整治工作总结')
      // the typed "1." under a styled 一级标题 keeps its rank (level 3): it prints "1." as typed
      expect(outline(doc)).toEqual(['1 主要工作', '2 强化组织保障。', '2 推进垃圾分类', '1 存在的问题', '3 部分村民分类意识不强。'])
      expect(doc.blocks[0]).toEqual({
        type: 'paragraph',
        children: [{ type: 'text', text: '今年以来，我镇坚持' }, { type: 'text', text: '因村施策', bold: true }, { type: 'text', text: '，现将有关情况总结如下：' }],
      })
      expect(headings(doc)[1]).toEqual({
        type: 'heading',
        level: 2,
        title: [{ type: 'text', text: '强化组织保障。', bold: true }],
        body: [
          { type: 'text', text: '镇党委召开专题会议6次，' },
          { type: 'text', text: '明确责任分工', underline: true },
          { type: 'text', text: '，' },
          { type: 'text', text: '逐村建立台账', italic: true },
          { type: 'text', text: '。' },
        ],
      })
      const types = doc.blocks.map((b) => b.type)
      expect(types).toEqual(['paragraph', 'heading', 'heading', 'heading', 'table', 'paragraph', 'pageBreak', 'heading', 'heading'])
      expect(doc.blocks[4]).toEqual({
        type: 'table',
        rows: [
          [[{ type: 'text', text: '项目' }], [{ type: 'text', text: '数量' }]],
          [[{ type: 'text', text: '清运垃圾', bold: true }], [{ type: 'text', text: '320吨' }]],
        ],
      })
      expect(doc.figures).toEqual([expect.objectContaining({ original: 'xx', value: null })])
      expect(doc.signature).toMatchObject({ organization: '青禾镇人民政府', date: '2025-12-18' })
    }))

  it('reads a Word file without heading styles through the recognizer ("一、" typed in plain paragraphs)', () =>
    withServices(async (services) => {
      const { documents } = await importThroughApi(services, writeFile('石桥中学.docx', await plainDocx()))
      const doc = documents[0]!
      expect(doc.title).toBe('石桥中学2025年安全工作总结')
      expect(outline(doc)).toEqual(['1 完善安全制度', '2 落实值班制度。', '2 开展应急演练。', '1 加强安全教育'])
      expect(headings(doc)[0]!.title).toEqual([{ type: 'text', text: '完善安全制度', bold: true }])
      expect(headings(doc)[1]!.body).toEqual([{ type: 'text', text: '全年安排教师值班365天。' }])
      expect(doc.blocks[doc.blocks.length - 1]).toEqual({
        type: 'paragraph',
        children: [{ type: 'text', text: '开设安全教育课' }, { type: 'text', text: '每周一节', underline: true }, { type: 'text', text: '。' }],
      })
    }))
})

describe('bad input is refused with a clear message and nothing is imported', () => {
  // the code, and the Chinese and English words the app shows for it
  const cases: [string, string, () => Promise<Uint8Array | Buffer> | Uint8Array | Buffer, string, RegExp, RegExp][] = [
    ['a truncated .docx', '半截.docx', async () => (await styledDocx()).subarray(0, 1500), 'import.docxDamaged', /^无法读取这个 Word 文件：文件已损坏或不完整（文件不完整，可能没有下载或复制完）。可以在 Word 或 WPS 里打开它，另存为 \.docx 后再导入。$/, /^cannot read this Word file: it is damaged or incomplete \(the file is cut short/],
    ['a .docx whose package is broken inside', '坏包.docx', async () => breakCentralDirectory(await styledDocx()), 'import.docxDamaged', /^无法读取这个 Word 文件：文件已损坏或不完整（文件内部结构有误）。可以在 Word 或 WPS 里打开它，另存为 \.docx 后再导入。$/, /\(its inner structure is broken\)\. Open it in Word or WPS, save it again as \.docx/],
    ['a zip that is not a .docx', '压缩包.docx', () => zipSync({ 'readme.txt': strToU8('这是一份说明，不是 Word 文档。') }), 'import.zipWithoutWord', /没有 Word 文档内容/, /without a Word document/],
    ['a text file renamed .docx', '改名.docx', () => utf8(TOWN), 'import.notDocx', /不是 Word（\.docx）文件/, /not a Word \(\.docx\) file/],
    ['an old .doc renamed .docx', '旧版.docx', () => concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(504)), 'import.docOrEncrypted', /旧版 Word 文档（\.doc）/, /old-style Word document/],
    ['a PNG renamed .txt', '图片.txt', () => PNG, 'import.notText', /^这不是文本文件，而是PNG 图片，无法作为文本导入$/, /^this is not a text file but a PNG image/],
    ['a .docx renamed .txt', '文档.txt', async () => styledDocx(), 'import.notText', /ZIP 压缩包（可能是改了扩展名的 Word \.docx 文件）/, /ZIP archive/],
    ['binary data without a known signature', 'data.txt', () => new Uint8Array(4096).map((_, i) => (i * 7919) % 251), 'import.binary', /不是文本文件/, /not a text file/],
    ['an empty .txt', '空.txt', () => new Uint8Array(0), 'import.empty', /文件是空的/, /the file is empty/],
    ['a .txt holding only a BOM and blanks', '空白.txt', () => concat([0xef, 0xbb, 0xbf], utf8(' \n\u3000\n')), 'import.empty', /文件是空的/, /empty/],
    ['an empty .md', '空.md', () => new Uint8Array(0), 'import.empty', /文件是空的/, /empty/],
    ['an empty .docx', '空.docx', () => new Uint8Array(0), 'import.empty', /文件是空的/, /empty/],
    ['a .docx without text', '无字.docx', () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })), 'import.docxNoText', /没有文字/, /holds no text/],
    ['a .pdf that is only a PDF header', '总结.pdf', () => utf8('%PDF-1.7'), 'import.pdfDamaged', /^无法读取这个 PDF 文件：文件已损坏或不完整（文件不完整，可能没有下载或复制完）。如有原稿，请导入原来的 Word 文件。$/, /^cannot read this PDF file/],
    ['a .pdf that is no PDF at all', '网页.pdf', () => utf8('总结正文，不是 PDF。'.repeat(20)), 'import.pdfDamaged', /^无法读取这个 PDF 文件：文件已损坏或不完整（文件开头没有 PDF 标记）。如有原稿，请导入原来的 Word 文件。$/, /\(it does not begin with a PDF header\)\. If you have the original/],
    ['a .pages file', '总结.pages', () => utf8('x'), 'import.unsupportedExt', /^不支持导入 \.pages 文件：可以导入 \.txt、\.md、\.docx、\.doc、\.wps、\.rtf、\.pdf、\.html$/, /^\.pages files cannot be imported/],
  ]
  it.each(cases)('%s', (_label, name, make, code, message, english) =>
    withServices(async (services) => {
      const file = writeFile(name, await make())
      const error = await importError(services, file)
      expect(error.code).toBe(code)
      expect(messageText(error)).toMatch(message)
      expect(messageText(error, 'en')).toMatch(english)
      expect(await callApi(services.handlers, 'documents.list', {})).toEqual([])
      const viaCli = await cli(['import', file, '--save', '--json', '--data-dir', services.dataDir])
      expect(viaCli.code).toBe(1)
      expect(viaCli.out).toBe('')
      expect(viaCli.err).toMatch(message)
      expect(await callApi(services.handlers, 'documents.list', {})).toEqual([])
    }))

  it('refuses a 50 MB file at once, without reading it (CLI, importFile and the API’s base64 cap)', async () => {
    const dir = tempDir()
    const file = path.join(dir, '巨大.txt')
    fs.writeFileSync(file, '')
    fs.truncateSync(file, 50 * 1024 * 1024) // sparse: no 50 MB written
    let started = performance.now()
    const viaCli = await cli(['import', file, '--data-dir', dir])
    expect(performance.now() - started).toBeLessThan(1000)
    expect(viaCli).toMatchObject({ code: 1, err: '文件太大（50.0 MB），无法导入：导入的文件不能超过 20.0 MB' })
    expect(await cli(['import', file, '--data-dir', dir, '--lang', 'en'])).toMatchObject({ code: 1, err: 'the file is too large to import (50.0 MB); the limit is 20.0 MB' })

    started = performance.now()
    await expect(importFile({ name: '巨大.txt', bytes: new Uint8Array(50 * 1024 * 1024) })).rejects.toThrow(/文件太大/)
    expect(performance.now() - started).toBeLessThan(1000)

    const services = createServices({ dataDir: dir })
    try {
      const response = await services.dispatch('documents.import', { name: '巨大.txt', dataBase64: 'A'.repeat(IMPORT_MAX_BASE64 + 4) })
      expect(response).toEqual({ ok: false, error: { code: 'input.fileTooLarge', params: { limit: 20 } } })
      expect(!response.ok && messageText(response.error)).toBe('文件超过 20 MB，无法导入')
    } finally {
      services.close()
    }
    expect(IMPORT_MAX_BASE64).toBeGreaterThanOrEqual((IMPORT_MAX_BYTES / 3) * 4)
  })

  it('accepts a file right at the limit', async () => {
    const line = '全镇共开展文明实践活动120场，参与群众3000余人次。\n'
    const bytes = utf8(line.repeat(Math.floor(IMPORT_MAX_BYTES / utf8(line).length)))
    expect(bytes.length).toBeLessThanOrEqual(IMPORT_MAX_BYTES)
    const { report } = await importFile({ name: 'limit.txt', bytes })
    expect(report.encoding).toBe('utf-8')
  })

  it('refuses a name without a supported extension and data that is not base64', () =>
    withServices(async (services) => {
      const noExt = await services.dispatch('documents.import', { name: 'README', dataBase64: Buffer.from('一、概况').toString('base64') })
      expect(noExt).toEqual({ ok: false, error: { code: 'import.noExt', params: {} } })
      expect(!noExt.ok && messageText(noExt.error)).toMatch(/没有扩展名/)
      const notBase64 = await services.dispatch('documents.import', { name: 'a.txt', dataBase64: '这不是base64' })
      expect(notBase64).toEqual({ ok: false, error: { code: 'input.notBase64', params: {} } })
    }))
})

describe('saving imported documents', () => {
  it('with split and save creates every document in the library, each with an "import" revision', () =>
    withServices(async (services) => {
      const { documents, saved, report } = await importThroughApi(services, writeFile('三个社区.txt', utf8(THREE_COMMUNITIES)), { split: true, save: true })
      expect(report.documents).toBe(3)
      expect(documents.map((d) => d.title)).toEqual(['东湖社区2025年工作总结', '西岭社区2025年工作总结', '南苑社区2025年工作总结'])
      expect(saved.map((s) => s.title)).toEqual(documents.map((d) => d.title))
      const listed = await callApi(services.handlers, 'documents.list', {})
      expect(listed.map((d) => d.id).sort()).toEqual(saved.map((s) => s.id).sort())
      for (const [i, s] of saved.entries()) {
        expect((await callApi(services.handlers, 'documents.get', { id: s.id })).model).toEqual(documents[i])
        expect(await callApi(services.handlers, 'revisions.list', { id: s.id })).toEqual([expect.objectContaining({ reason: 'import' })])
      }
    }))

  it('suggests split for a collection, lists its pieces, and saves only the pieces chosen', () =>
    withServices(async (services) => {
      const file = writeFile('三个社区.txt', utf8(THREE_COMMUNITIES))
      const unsplit = await importThroughApi(services, file)
      expect(unsplit.documents).toHaveLength(1)
      expect(unsplit.report.suggestSplit).toBe(true)
      expect(unsplit.report.pieces.map((p) => p.title)).toEqual(['东湖社区2025年工作总结', '西岭社区2025年工作总结', '南苑社区2025年工作总结'])
      expect(unsplit.report.pieces.every((p) => p.chars > 20)).toBe(true)
      const { documents, saved } = await importThroughApi(services, file, { split: true, save: true, pieces: [0, 2] })
      expect(documents.map((d) => d.title)).toEqual(['东湖社区2025年工作总结', '南苑社区2025年工作总结'])
      expect(saved.map((d) => d.title)).toEqual(['东湖社区2025年工作总结', '南苑社区2025年工作总结'])
    }))

  it('saves nothing at all when storing one of several documents fails', () =>
    withServices(async (services) => {
      // the third insert fails (as a full disk would)
      services.library.database().exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.documents
        WHEN (SELECT count(*) FROM main.documents) >= 2 BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`)
      const response = await services.dispatch('documents.import', {
        name: '三个社区.txt',
        dataBase64: Buffer.from(THREE_COMMUNITIES).toString('base64'),
        split: true,
        save: true,
      })
      expect(response).toMatchObject({ ok: false, error: { code: 'internal.unexpected', params: { method: 'documents.import', detail: expect.stringContaining('disk full') } } })
      expect(await callApi(services.handlers, 'documents.list', {})).toEqual([])
    }))

  it('saves an untitled document under the file name, and returns the model as recognized', () =>
    withServices(async (services) => {
      const { documents, saved } = await importThroughApi(services, writeFile('会议记录.txt', utf8('一、会议议程\n传达上级文件精神。\n')), { save: true })
      expect(documents[0]!.title).toBe('')
      expect(saved.map((s) => s.title)).toEqual(['会议记录'])
    }))
})

describe('the import command', () => {
  it('prints the document model with --json and a short report on stderr', async () => {
    const dir = tempDir()
    const file = writeFile('松林镇.txt', gb18030(TOWN))
    const result = await cli(['import', file, '--json', '--data-dir', dir])
    expect(result.code).toBe(0)
    const model = SummaryDocumentSchema.parse(JSON.parse(result.out))
    expect(model.title).toBe('松林镇2025年度平安建设工作总结')
    expect(result.err).toMatch(/松林镇\.txt.*gb18030/)
    expect(result.err).toMatch(/7 个标题/)
    expect(await cli(['list', '--json', '--data-dir', dir])).toMatchObject({ out: '[]' })
  })

  it('prints a JSON array with --split, saves with --save into the library named by --data-dir', async () => {
    const dir = tempDir()
    const file = writeFile('三个社区.txt', utf8(THREE_COMMUNITIES))
    const result = await cli(['import', file, '--split', '--save', '--json', '--data-dir', dir])
    expect(result.code).toBe(0)
    const models = (JSON.parse(result.out) as unknown[]).map((m) => SummaryDocumentSchema.parse(m))
    expect(models).toHaveLength(3)
    expect(result.err.match(/已保存/g)).toHaveLength(3)
    const listed = JSON.parse((await cli(['list', '--json', '--data-dir', dir])).out) as { title: string }[]
    expect(listed.map((d) => d.title).sort()).toEqual(models.map((m) => m.title).sort())
  })

  it('prints a readable summary without --json, with the derived numbering', async () => {
    const dir = tempDir()
    const result = await cli(['import', writeFile('青禾镇.docx', await styledDocx()), '--data-dir', dir])
    expect(result.code).toBe(0)
    expect(result.out).toContain('《青禾镇2025年度农村人居环境整治工作总结》')
    expect(result.out).toContain('一、主要工作')
    expect(result.out).toContain('（二）推进垃圾分类')
    expect(result.out).toContain('1 个表格')
  })

  it('removes web junk with --clean', async () => {
    const dir = tempDir()
    const junky = `来源：网络整理\n${TOWN}\n免责声明：本文仅供参考，版权归原作者所有。\n`
    const plain = await cli(['import', writeFile('junk.txt', utf8(junky)), '--json', '--data-dir', dir])
    const cleaned = await cli(['import', writeFile('junk.txt', utf8(junky)), '--clean', '--json', '--data-dir', dir])
    expect(plain.out).toContain('免责声明')
    expect(cleaned.out).not.toContain('免责声明')
    expect(cleaned.err).toMatch(/2 行网页杂项/)
    expect(cleaned.err).toContain('去掉：第 1 行（发布信息）：来源：网络整理')
  })

  it('reports each removed line and keeps the ones the writer keeps', () =>
    withServices(async (services) => {
      const junky = `来源：网络整理\n${TOWN}\n免责声明：本文仅供参考，版权归原作者所有。\n`
      const file = writeFile('junk.txt', utf8(junky))
      const cleaned = await importThroughApi(services, file, { clean: true })
      const last = junky.split('\n').length - 1
      expect(cleaned.report.junkLines).toEqual([
        { line: 1, text: '来源：网络整理', kind: 'meta' },
        { line: last, text: '免责声明：本文仅供参考，版权归原作者所有。', kind: 'boilerplate' },
      ])
      const kept = await importThroughApi(services, file, { clean: true, keepLines: [1] })
      expect(kept.report.junkLines.map((j) => j.line)).toEqual([last])
      expect(JSON.stringify(kept.documents)).toContain('来源：网络整理')
      expect(kept.documents[0]!.title).toBe('松林镇2025年度平安建设工作总结')
    }))

  it('says what is wrong for a missing file and a missing argument', async () => {
    const dir = tempDir()
    expect(await cli(['import', path.join(dir, 'nope.txt'), '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('找不到文件') })
    expect(await cli(['import', '--data-dir', dir])).toMatchObject({ code: 2, err: expect.stringContaining('import 需要文件路径') })
  })
})
