/** Import results as short readable text, for the CLI (`import FILE`). */
import type { DocumentSummary, FileImportReport } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { headingMarker } from '../../../shared/document/numbering'
import { inlineText } from '../../../shared/document/text'

const FORMAT_NAMES: Record<FileImportReport['format'], string> = { txt: '纯文本 / text', md: 'Markdown', docx: 'Word' }

/** A few lines: what was read and found, skipped numbers, warnings, what was saved. */
export function formatImportReport(name: string, report: FileImportReport, saved: readonly DocumentSummary[] = []): string {
  const lines = [
    `导入 / import: ${name} — ${FORMAT_NAMES[report.format]}${report.encoding ? `, ${report.encoding}` : ''}`,
    `  ${report.documents} 篇 / document(s); ${report.headings} 个标题 / headings (${report.runInHeadings} 段首 / run-in); ` +
      `${report.placeholders} 处待填 / placeholders; ${report.linesJoined} 处断行合并 / lines joined; ${report.junkRemoved} 行网页杂项 / junk lines removed`,
  ]
  if (report.suggestSplit && report.documents < report.pieces.length)
    lines.push(`  建议 / suggestion: 文件里有 ${report.pieces.length} 篇，可用 --split 分开 / the file holds ${report.pieces.length} summaries: use --split`)
  if (report.pieces.length > 1)
    report.pieces.forEach((p, i) => lines.push(`  第 ${i + 1} 篇 / piece ${i + 1}: ${p.title || '（无标题 / untitled）'}（${p.chars} 字）`))
  for (const junk of report.junkLines.slice(0, 200))
    lines.push(`  去掉 / removed: 第 ${junk.line} 行 / line ${junk.line} (${junk.kind}): ${junk.text.length > 60 ? `${junk.text.slice(0, 60)}…` : junk.text}`)
  if (report.junkLines.length > 200) lines.push(`  … ${report.junkLines.length - 200} more`)
  for (const gap of report.numberingGaps)
    lines.push(`  编号不连续 / numbering gap: 第 ${gap.level} 级 / level ${gap.level}: ${gap.after || '（开头 / start）'} → ${gap.found}`)
  for (const warning of report.warnings) lines.push(`  提示 / note: ${warning}`)
  for (const s of saved) lines.push(`  已保存 / saved: ${s.id}\t${s.title}`)
  return lines.join('\n')
}

/** The documents' titles and outlines (numbers derived from the levels), then the report. */
export function formatImportSummary(name: string, documents: readonly SummaryDocument[], report: FileImportReport, saved: readonly DocumentSummary[] = []): string {
  const lines: string[] = []
  documents.forEach((doc, i) => {
    if (documents.length > 1) lines.push(`— ${i + 1} —`)
    lines.push(`《${doc.title || '（无标题 / untitled）'}》${doc.subtitle ? ` ——${doc.subtitle}` : ''}`)
    const counts = [0, 0, 0, 0]
    let paragraphs = 0
    let tables = 0
    for (const b of doc.blocks) {
      if (b.type === 'heading') {
        counts[b.level - 1]! += 1
        for (let k = b.level; k < 4; k++) counts[k] = 0
        const title = inlineText(b.title, new Map(doc.figures.map((f) => [f.id, { ...f, value: f.value ?? (f.original ?? '') }])))
        lines.push(`${'  '.repeat(b.level)}${headingMarker(b.level, counts[b.level - 1]!)}${title}${b.body ? ' …' : ''}`)
      } else if (b.type === 'paragraph') paragraphs++
      else if (b.type === 'table') tables++
    }
    lines.push(`  ${paragraphs} 段正文 / paragraphs, ${tables} 个表格 / tables, ${doc.figures.length} 个数据项 / figures` +
      (doc.signature ? `; 落款 / signature: ${doc.signature.organization}${doc.signature.date ? ` ${doc.signature.date}` : ''}` : ''))
  })
  lines.push(formatImportReport(name, report, saved))
  return lines.join('\n')
}
