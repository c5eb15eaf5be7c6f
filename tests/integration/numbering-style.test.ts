/**
 * The writer's numbering style through the back end: a summary whose third level says "1、"
 * keeps "1、" from the CLI import to the exported text and DOCX (Word's numbering definitions),
 * our DOCX imports back with the style, and verify compares the numbering formats of that style.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { FinalStore, renderExport, verifyFile } from '../../electron/services/output'
import { importFile } from '../../electron/services/import/store'
import { stopIdleWorkers } from '../../electron/services/worker/run'
import { headingNumbersOf } from '../../shared/document/numbering'
import { cli } from '../helpers/cli'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

// our own words: a short summary numbered 一、 then 1、 (no （一）), as many writers number it
const TEXT = [
  '社区服务中心2025年工作总结',
  '一、主要工作',
  '1、办好民生实事。全年完成改造项目6个，居民满意度明显提升。',
  '2、做实网格服务。划分网格12个，每月走访一遍。',
  '二、下步打算',
  '1、补齐服务短板。重点解决停车难问题。',
].join('\n')

async function numberingXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/numbering.xml')!.async('string')
}

describe('numbering style through import and export', () => {
  it('CLI import → export keeps "1、" as the writer typed it', async () => {
    const dir = tempDir()
    const file = path.join(dir, '总结.txt')
    fs.writeFileSync(file, TEXT)
    const imported = await cli(['import', file, '--save', '--data-dir', dir])
    expect(imported.code).toBe(0)
    // the import's own outline shows the typed numbers
    expect(imported.out + imported.err).toContain('1、办好民生实事')
    const services = createServices({ dataDir: dir })
    const [doc] = await callApi(services.handlers, 'documents.list', {})
    const record = await callApi(services.handlers, 'documents.get', { id: doc!.id })
    services.close()
    expect(record.model.numbering).toEqual({ level3: '1、' })
    const target = path.join(dir, 'out.txt')
    expect((await cli(['export', doc!.id, '--txt', target, '--data-dir', dir, '--today', '2026-01-10'])).code).toBe(0)
    const out = fs.readFileSync(target, 'utf8')
    expect(out).toContain('1、办好民生实事')
    expect(out).toContain('2、做实网格服务')
    expect(out).not.toMatch(/^\s*1\.办好/m)
  }, 60_000)

  it('the DOCX numbers level 3 "%3、" and imports back with the style; without a style it stays "%3."', async () => {
    const model = (await importFile({ name: '总结.txt', bytes: new TextEncoder().encode(TEXT) })).documents[0]!
    expect(model.numbering).toEqual({ level3: '1、' })
    const bytes = await renderExport({ model }, 'docx')
    const xml = await numberingXml(bytes)
    expect(xml).toContain('<w:lvlText w:val="%3、"/>')
    expect(xml).not.toContain('<w:lvlText w:val="%3."/>')
    const back = (await importFile({ name: '导出.docx', bytes })).documents[0]!
    expect(back.numbering).toEqual({ level3: '1、' })
    expect(headingNumbersOf(back.blocks, back.numbering)).toEqual(['一、', '1、', '2、', '二、', '1、'])

    const plain = { ...model }
    delete plain.numbering
    const standard = await numberingXml(await renderExport({ model: plain }, 'docx'))
    expect(standard).toContain('<w:lvlText w:val="%3."/>')
    expect(standard).toContain('<w:lvlText w:val="（%2）"/>')
  }, 60_000)

  it('a fourth level written ⑴ is Word’s decimalEnclosedParen in the DOCX and comes back as ⑴', async () => {
    const text = ['街道2025年工作总结', '一、主要做法', '1、加强领导。', '⑴领导重视。书记每月听取汇报。', '⑵健全机制。每季度调度一次。'].join('\n')
    const model = (await importFile({ name: '街道.txt', bytes: new TextEncoder().encode(text) })).documents[0]!
    expect(model.numbering).toEqual({ level3: '1、', level4: '⑴' })
    const bytes = await renderExport({ model }, 'docx')
    const xml = await numberingXml(bytes)
    expect(xml).toMatch(/<w:lvl w:ilvl="3"><w:start w:val="1"\/><w:numFmt w:val="decimalEnclosedParen"\/>(?:(?!<\/w:lvl>).)*<w:lvlText w:val="%4"\/>/)
    const back = (await importFile({ name: '导出.docx', bytes })).documents[0]!
    expect(headingNumbersOf(back.blocks, back.numbering)).toEqual(['一、', '1、', '⑴', '⑵'])
    expect(new TextDecoder().decode(await renderExport({ model }, 'txt'))).toMatch(/⑵健全机制/)
  }, 60_000)

  it('chapters and sections (第一章, 第一节) are Word level texts "第%1章　" and "第%2节　", and come back as they were', async () => {
    const text = ['评估报告', '第一章　总体情况', '全市国土面积1.2万平方公里。', '第一节 人口与用地', '常住人口增长3.1%。', '第二章 存在问题', '用地效率不高。'].join('\n')
    const model = (await importFile({ name: '评估.txt', bytes: new TextEncoder().encode(text) })).documents[0]!
    const bytes = await renderExport({ model }, 'docx')
    const xml = await numberingXml(bytes)
    expect(xml).toContain('<w:lvlText w:val="第%1章\u3000"/>')
    expect(xml).toContain('<w:lvlText w:val="第%2节\u3000"/>')
    const back = (await importFile({ name: '导出.docx', bytes })).documents[0]!
    expect(headingNumbersOf(back.blocks, back.numbering)).toEqual(['第一章\u3000', '第一节\u3000', '第二章\u3000'])
  }, 60_000)

  it('verify: our DOCX in the 1、 style matches its 定稿; its "%3、" turned into "%3." is refused', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    try {
      const model = (await importFile({ name: '总结.txt', bytes: new TextEncoder().encode(TEXT) })).documents[0]!
      const doc = await callApi(services.handlers, 'documents.create', { title: '', model })
      await callApi(services.handlers, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
      const docx = Buffer.from((await callApi(services.handlers, 'export.render', { id: doc.id, format: 'docx' })).dataBase64, 'base64')
      const finals = new FinalStore(services.library.database(), services.library.documents())
      expect((await verifyFile(docx, finals)).status).toBe('match')
      const zip = await JSZip.loadAsync(docx)
      const xml = await zip.file('word/numbering.xml')!.async('string')
      zip.file('word/numbering.xml', xml.replace('<w:lvlText w:val="%3、"/>', '<w:lvlText w:val="%3."/>'))
      const tampered = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
      const result = await verifyFile(tampered, finals)
      expect(result.status).toBe('modified')
      expect(result.note.code).toBe('verify.modifiedNumbering')
    } finally {
      services.close()
      await stopIdleWorkers()
    }
  }, 60_000)
})
