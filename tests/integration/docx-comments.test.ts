/**
 * 批注 as Word comments in the DOCX (issue 13 item 6, docs/output.md *批注*): each thread on exactly
 * its words (commentRangeStart/End), its author, text and date, replies as Word's threaded replies,
 * a resolved thread marked done; the text, numbering, figures and run-in headings as without
 * comments, so the file still verifies against its 定稿 and imports back as the same document;
 * places the text no longer has are skipped and counted; LibreOffice reads the comments.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { FinalStore, renderExport, verifyFile } from '../../electron/services/output'
import { docxStructure } from '../../electron/services/output/verifyDocx'
import { importFile } from '../../electron/services/import/store'
import { stopIdleWorkers } from '../../electron/services/worker/run'
import { EXPORT_COMMENTS_MAX, type ExportComment } from '../../shared/api'
import { normalizeDocument } from '../../shared/document/lexicalState'
import type { SummaryDocument } from '../../shared/document/model'
import { sampleDocument } from '../helpers/documents'
import { sofficeConvert } from '../helpers/officeFiles'
import { richSample } from '../helpers/outputDocs'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
afterAll(() => stopIdleWorkers())

const at = (block: ExportComment['anchor']['start']['block'], offset: number) => ({ block, offset })
function thread(id: string, start: { block: number | 'title' | 'subtitle'; offset: number }, end: typeof start, extra: Partial<ExportComment> = {}): ExportComment {
  return { id, anchor: { start, end }, author: '李主任', date: '2026-11-30T08:00:00.000Z', text: `意见${id}`, resolved: false, replies: [], ...extra }
}

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes)
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? null
  return { document: (await read('word/document.xml'))!, comments: await read('word/comments.xml'), extended: await read('word/commentsExtended.xml'), types: (await read('[Content_Types].xml'))! }
}

/** The text a comment covers in document.xml: the w:t between its range start and end (across paragraphs). */
function covered(xml: string, id: number): string {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`)
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`)
  expect(start, `comment ${id} starts`).toBeGreaterThanOrEqual(0)
  expect(end, `comment ${id} ends after it starts`).toBeGreaterThan(start)
  return [...xml.slice(start, end).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<\/w:p>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '</w:p>' ? '¶' : m[1])).join('')
}

/** Each paragraph's text in document.xml, in order (figures' markers resolved, comments' marks ignored). */
const paragraphTexts = (xml: string) => (xml.match(/<w:p(?=[ >])(?:(?!<\/w:p>).)*<\/w:p>/gs) ?? []).map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))

async function exportWith(model: SummaryDocument, comments: ExportComment[]) {
  let counts: { written: number; skipped: number } | null = null
  const bytes = await renderExport({ model }, 'docx', { comments, onComments: (c) => (counts = c) })
  return { bytes, counts: counts as { written: number; skipped: number } | null, ...(await parts(bytes)) }
}

describe('批注 in the DOCX', () => {
  it('a thread is a Word comment on exactly its words, with its author, date and text; replies are threaded; a resolved thread is marked done', async () => {
    const model = sampleDocument()
    const { document, comments, extended, types, counts } = await exportWith(model, [
      thread('a', at(0, 3), at(0, 7), { replies: [{ author: '张三', date: '2026-11-30T09:30:00.000Z', text: '已补充\n见下文' }] }),
      thread('b', at(5, 4), at(5, 9), { resolved: true, text: '数字核实过了吗' }),
    ])
    expect(counts).toEqual({ written: 2, skipped: 0 })
    // thread a: its comment and its reply cover "，我办围" (characters 3–7 of the first paragraph)
    expect(covered(document, 0)).toBe('，我办围')
    expect(covered(document, 1)).toBe('，我办围')
    // thread b: "一百二十家", an underlined run of its own
    expect(covered(document, 2)).toBe('一百二十家')
    for (const id of [0, 1, 2]) expect(document).toContain(`<w:commentReference w:id="${id}"/>`)
    // the words keep their formatting where the runs were split
    expect(document).toMatch(/<w:commentRangeStart w:id="2"\/><w:r><w:rPr><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">一百二十家<\/w:t><\/w:r><w:commentRangeEnd w:id="2"\/>/)
    expect(comments).toMatch(/<w:comment w:id="0" w:initials="李" w:author="李主任" w:date="2026-11-30T08:00:00.000Z">.*意见a.*<\/w:comment>/s)
    expect(comments).toMatch(/<w:comment w:id="1"[^>]*w:author="张三" w:date="2026-11-30T09:30:00.000Z">.*已补充.*见下文.*<\/w:comment>/s)
    expect(comments).toMatch(/<w:comment w:id="2"[^>]*>.*数字核实过了吗.*<\/w:comment>/s)
    // the reply's parent is thread a's comment; thread b is done
    expect(extended).toContain('<w15:commentEx w15:paraId="00000002" w15:paraIdParent="00000001"/>')
    expect(extended).toMatch(/<w15:commentEx w15:paraId="00000003" w15:done="1"\/>/)
    expect(types).toContain('/word/comments.xml')
  })

  it('across a run-in heading and its body, in a table cell, on a figure, on the title broken into lines and on the subtitle', async () => {
    const model = richSample()
    model.title = '关于枫桥街道2025年度社会治理和平安建设工作情况的总结报告'
    const { document, counts } = await exportWith(model, [
      // block 2: title "健全责任体系。" (7) + body "与各村签订责任书36份，…": from "责任体系" into the body
      thread('h', at(2, 2), at(2, 12)),
      // block 2's body: "责任书" + the figure "36份" + "，": a start inside the figure's text moves before it
      thread('f', at(2, 12), at(2, 16)),
      // block 8: the table, cells row by row: 项目|数量|检查企业|120家 → "检查企业"
      thread('t', at(8, 4), at(8, 8)),
      // the title: "社会治理和" at the end of its first line (offsets in the title as typed; the DOCX breaks it into lines)
      thread('ti', at('title', 12), at('title', 17)),
      thread('s', at('subtitle', 2), at('subtitle', 5)),
    ])
    expect(counts).toEqual({ written: 5, skipped: 0 })
    expect(covered(document, 0)).toBe('责任体系。¶与各村签订')
    // the figure stays one content control, inside the comment
    expect(covered(document, 1)).toBe('责任书36份')
    expect(document).toMatch(/<w:commentRangeStart w:id="1"\/><w:r><w:t xml:space="preserve">责任书<\/w:t><\/w:r><w:sdt>.*?<w:tag w:val="dd-figure:f1"\/>.*?<w:t xml:space="preserve">36份<\/w:t><\/w:r><\/w:sdtContent><\/w:sdt><w:commentRangeEnd w:id="1"\/>/s)
    expect(covered(document, 2)).toBe('检查企业')
    expect(document).toMatch(/社会治理和<\/w:t><\/w:r><w:commentRangeEnd w:id="3"\/>.*?<w:br\/><w:t xml:space="preserve">平安建设/s)
    expect(covered(document, 3)).toBe('社会治理和')
    expect(covered(document, 4)).toBe('某某镇')
  })

  it('the text, numbering, figures and run-in headings are as without comments: same paragraphs, same outline, the same document imported back', async () => {
    const model = richSample()
    const plain = await renderExport({ model }, 'docx')
    const { bytes, document } = await exportWith(model, [thread('a', at(0, 0), at(0, 10)), thread('b', at(2, 0), at(2, 20)), thread('c', at(8, 0), at(8, 2)), thread('t', at('title', 0), at('title', 4))])
    expect(paragraphTexts(document)).toEqual(paragraphTexts((await parts(plain)).document))
    expect(docxStructure(bytes)).toEqual(docxStructure(plain))
    const back = await importFile({ name: '带批注.docx', bytes })
    expect(back.documents).toHaveLength(1)
    expect(normalizeDocument(back.documents[0]!)).toEqual(normalizeDocument(model))
  })

  it('a place the text no longer has is skipped and counted; the rest are written', async () => {
    const model = sampleDocument()
    const { document, comments, counts } = await exportWith(model, [
      thread('gone', at(40, 0), at(40, 3)), // no block 40
      thread('long', at(0, 3), at(0, 999)), // past the paragraph's end
      thread('back', at(5, 9), at(5, 4)), // ends before it starts
      thread('heading1', at(1, 0), at(1, 2)), // "主要"
      thread('pagebreak', at('subtitle', 0), at('subtitle', 99)),
    ])
    expect(counts).toEqual({ written: 1, skipped: 4 })
    expect(covered(document, 0)).toBe('主要')
    expect(comments?.match(/<w:comment /g)).toHaveLength(1)
  })

  it('without comments there is no comments part at all', async () => {
    const { comments, extended, document } = await exportWith(sampleDocument(), [])
    expect(comments).toBeNull()
    expect(extended).toBeNull()
    expect(document).not.toContain('commentRange')
  })

  it('through the API: a DOCX with comments of a 定稿 verifies against it; other formats carry none; too many comments are refused', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    try {
      const h = services.handlers
      const doc = await callApi(h, 'documents.create', { title: '', model: richSample() })
      const final = await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
      const comments = [thread('a', at(0, 3), at(0, 7), { replies: [{ author: '张三', date: '2026-11-30T09:30:00.000Z', text: '改了' }] }), thread('x', at(99, 0), at(99, 1))]
      const r = await callApi(h, 'export.render', { id: doc.id, format: 'docx', revisionId: final.revisionId, comments })
      expect(r.comments).toEqual({ written: 1, skipped: 1 })
      const bytes = Buffer.from(r.dataBase64, 'base64')
      expect((await parts(bytes)).comments).toContain('意见a')
      const verified = await verifyFile(bytes, new FinalStore(services.library.database(), services.library.documents()))
      expect(verified.status).toBe('match')
      expect(verified.final?.revisionId).toBe(final.revisionId)
      // the current text (equal to the 定稿) too
      const current = await callApi(h, 'export.render', { id: doc.id, format: 'docx', comments })
      expect((await verifyFile(Buffer.from(current.dataBase64, 'base64'), new FinalStore(services.library.database(), services.library.documents()))).status).toBe('match')
      // Markdown and text have no place for comments: the request is answered without them
      const md = await callApi(h, 'export.render', { id: doc.id, format: 'md', comments })
      expect(md.comments).toBeUndefined()
      expect(Buffer.from(md.dataBase64, 'base64').toString('utf8')).not.toContain('意见a')
      const many = Array.from({ length: EXPORT_COMMENTS_MAX + 1 }, (_, i) => thread(String(i), at(0, 0), at(0, 1)))
      await expect(callApi(h, 'export.render', { id: doc.id, format: 'docx', comments: many })).rejects.toThrow()
      await expect(callApi(h, 'export.render', { id: doc.id, format: 'docx', comments: [{ ...thread('d', at(0, 0), at(0, 1)), date: 'yesterday' }] })).rejects.toThrow()
      // each comment within bounds, all of them together too long
      const long = Array.from({ length: 401 }, (_, i) => thread(String(i), at(0, 0), at(0, 1), { text: '长'.repeat(5000) }))
      await expect(callApi(h, 'export.render', { id: doc.id, format: 'docx', comments: long })).rejects.toMatchObject({ code: 'export.commentsTooLong' })
    } finally {
      services.close()
    }
  }, 60_000)

  it('LibreOffice reads the comments on their words, with their authors and replies', async () => {
    const dir = tempDir()
    const { bytes } = await exportWith(sampleDocument(), [thread('a', at(0, 3), at(0, 7), { replies: [{ author: '张三', date: '2026-11-30T09:30:00.000Z', text: '已补充' }] })])
    const file = path.join(dir, '带批注.docx')
    fs.writeFileSync(file, bytes)
    const odt = sofficeConvert(file, 'odt', dir)
    const content = await (await JSZip.loadAsync(fs.readFileSync(odt))).file('content.xml')!.async('string')
    const annotations = content.match(/<office:annotation [^>]*>.*?<\/office:annotation>/gs) ?? []
    expect(annotations).toHaveLength(2)
    const first = annotations.find((a) => a.includes('<dc:creator>李主任</dc:creator>'))!
    expect(first.replace(/<[^>]+>/g, '')).toContain('意见a')
    expect(annotations.find((a) => a.includes('<dc:creator>张三</dc:creator>'))?.replace(/<[^>]+>/g, '')).toContain('已补充')
    // the thread's annotation spans "，我办围": it opens right after "一年来" and closes after "围"
    const name = /office:name="([^"]+)"/.exec(first)![1]
    const span = content.slice(content.indexOf(first) + first.length, content.indexOf(`<office:annotation-end office:name="${name}"/>`))
    expect(span.replace(/<office:annotation .*?<\/office:annotation>/gs, '').replace(/<[^>]+>/g, '')).toBe('，我办围')
  }, 180_000)
})
