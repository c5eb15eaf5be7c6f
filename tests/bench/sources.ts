/**
 * Importing last year's summary from a published PDF (100 pages) and from a Word 97–2003 .doc
 * (60,000 characters), at the service layer: through dispatch, with the import worker reading the
 * file. The files are made here from our own text by LibreOffice, as the tests make them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createServices } from '../../electron/services'
import { ApiError } from '../../shared/api'
import { officeDocx, sofficeConvert, type OfficeText } from '../helpers/officeFiles'
import { report, time } from './stats'

const SENTENCES = [
  '本年度我们围绕群众关心的实际问题，持续推进重点项目建设，各项任务按计划完成。',
  '通过建立周调度、月通报制度，及时协调解决推进中的困难，工作效率明显提高。',
  '组织业务培训和岗位练兵，干部职工的专业能力和服务意识得到进一步增强。',
  '坚持问题导向，对照年初目标逐项梳理，查找差距，明确整改措施和完成时限。',
]

/** A summary of about `chars` characters: parts, numbered sections, long paragraphs. */
function longText(chars: number): OfficeText {
  const lines: OfficeText['lines'] = []
  const cn = '一二三四五六七八九十'
  let size = 0
  for (let part = 0; size < chars; part++) {
    lines.push({ text: `${cn[part % 10]}、第${part + 1}方面工作`, heading: true })
    for (let s = 0; s < 4 && size < chars; s++) {
      const body = Array.from({ length: 6 }, (_, k) => SENTENCES[(part + s + k) % SENTENCES.length]).join('')
      lines.push({ text: `（${cn[s]}）第${s + 1}项具体工作。${body}` })
      size += body.length + 10
    }
  }
  return { title: '示范区2025年度工作总结', header: '示范区管理委员会', lines, signature: ['示范区管理委员会', '2025年12月30日'] }
}

async function benchFile(dataDir: string, file: string, name: string, runs: number, target: number, note: string): Promise<void> {
  const services = createServices({ dataDir })
  const input = { name: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') }
  const samples: number[] = []
  let found = ''
  try {
    for (let i = 0; i < runs; i++) {
      samples.push(
        await time(async () => {
          const res = await services.dispatch('documents.import', input)
          if (!res.ok) throw ApiError.from(res.error)
          const r = (res.result as { report: { headings: number; linesJoined: number } }).report
          found = `${r.headings} headings, ${r.linesJoined} lines joined`
        }),
      )
    }
  } finally {
    services.close()
  }
  // the first runs start the worker and load the reader
  report(name, samples.slice(2), { stat: 'median', max: target }, `${note}; ${found}; through dispatch (base64, zod, worker: read, recognizer, schema check)`)
}

export async function benchSources(dir: string): Promise<void> {
  // 100 pages at about 700 characters a page
  const pdfDocx = path.join(dir, '示范区百页.docx')
  fs.writeFileSync(pdfDocx, await officeDocx(longText(75_000)))
  const pdf = sofficeConvert(pdfDocx, 'pdf', dir)
  const pages = (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  await benchFile(dir, pdf, 'import_100page_pdf_service_ms', 10, 2000, `${pages} pages, ${Math.round(fs.statSync(pdf).size / 1024)} KB, header and page numbers on each`)

  const docDocx = path.join(dir, '示范区.docx')
  fs.writeFileSync(docDocx, await officeDocx(longText(60_000)))
  const doc = sofficeConvert(docDocx, 'doc', dir)
  await benchFile(dir, doc, 'import_60k_doc_service_ms', 20, 1000, `about 60,000 characters, ${Math.round(fs.statSync(doc).size / 1024)} KB`)
}
