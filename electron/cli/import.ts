/** `import FILE`: a .txt/.md/.docx/.pdf/.doc/.wps/.rtf/.html file → document model(s), and the import report as short text (Chinese unless asked for English). */
import type { DocumentSummary, FileImportReport } from '../../shared/api'
import type { SummaryDocument } from '../../shared/document/model'
import { headingMarker } from '../../shared/document/numbering'
import { inlineText } from '../../shared/document/text'
import { formatMessage, isFindingCode, messageText, msg, type Lang } from '../../shared/errors'
import { LIST_SEPARATOR } from '../../shared/i18n/format'
import { fileArg, t, type Command, type CommandGroup } from './command'
import { IMPORT_LIMIT, readInputFile } from './files'

/** A junk kind ('meta', 'site' …) in the writer's words; an unknown one as it came. */
function junkKindWords(kind: string, lang: Lang): string {
  const code = `report.junk.${kind}`
  return isFindingCode(code) ? messageText({ code, params: {} }, lang) : kind
}

/** A few lines: what was read and found, skipped numbers, warnings, what was saved. */
export function formatImportReport(name: string, report: FileImportReport, saved: readonly DocumentSummary[] = [], lang: Lang = 'zh-CN'): string {
  const lines = [
    formatMessage('report.header', { name }, lang, { format: msg(`report.format.${report.format}`) }) + (report.encoding ? `, ${report.encoding}` : ''),
    '  ' +
      formatMessage(
        'report.counts',
        { documents: report.documents, headings: report.headings, runIn: report.runInHeadings, placeholders: report.placeholders, joined: report.linesJoined, junk: report.junkRemoved },
        lang,
      ),
  ]
  if (report.suggestSplit && report.documents < report.pieces.length) lines.push('  ' + formatMessage('report.suggestSplit', { count: report.pieces.length }, lang))
  if (report.pieces.length > 1)
    report.pieces.forEach((p, i) => lines.push('  ' + formatMessage('report.piece', { index: i + 1, title: p.title || messageText(msg('report.untitled'), lang), chars: p.chars }, lang)))
  const SHOWN_JUNK = 200
  for (const junk of report.junkLines.slice(0, SHOWN_JUNK))
    lines.push('  ' + formatMessage('report.removedLine', { line: junk.line, kind: junkKindWords(junk.kind, lang), text: junk.text.length > 60 ? `${junk.text.slice(0, 60)}…` : junk.text }, lang))
  if (report.junkLines.length > SHOWN_JUNK) lines.push('  ' + formatMessage('report.moreRemoved', { count: report.junkLines.length - SHOWN_JUNK }, lang))
  for (const gap of report.numberingGaps) lines.push('  ' + formatMessage('report.numberingGap', { typed: gap.typed, heading: gap.heading, now: gap.now }, lang))
  for (const warning of report.warnings) lines.push('  ' + formatMessage('report.note', {}, lang, { note: warning }))
  for (const s of saved) lines.push('  ' + formatMessage('report.saved', { id: s.id, title: s.title }, lang))
  return lines.join('\n')
}

/** The documents' titles and outlines (numbers derived from the levels), then the report. */
export function formatImportSummary(name: string, documents: readonly SummaryDocument[], report: FileImportReport, saved: readonly DocumentSummary[] = [], lang: Lang = 'zh-CN'): string {
  const lines: string[] = []
  documents.forEach((doc, i) => {
    if (documents.length > 1) lines.push(`— ${i + 1} —`)
    lines.push(`《${doc.title || messageText(msg('report.untitled'), lang)}》${doc.subtitle ? ` ——${doc.subtitle}` : ''}`)
    const counts = [0, 0, 0, 0]
    let paragraphs = 0
    let tables = 0
    for (const b of doc.blocks) {
      if (b.type === 'heading') {
        counts[b.level - 1]! += 1
        for (let k = b.level; k < 4; k++) counts[k] = 0
        const title = inlineText(b.title, new Map(doc.figures.map((f) => [f.id, { ...f, value: f.value ?? (f.original ?? '') }])))
        lines.push(`${'  '.repeat(b.level)}${headingMarker(b.level, counts[b.level - 1]!, doc.numbering)}${title}${b.body ? ' …' : ''}`)
      } else if (b.type === 'paragraph') paragraphs++
      else if (b.type === 'table') tables++
    }
    const signature = doc.signature ? `${doc.signature.organization}${doc.signature.date ? ` ${doc.signature.date}` : ''}` : ''
    lines.push(
      '  ' +
        formatMessage('report.documentCounts', { paragraphs, tables, figures: doc.figures.length }, lang) +
        (signature ? LIST_SEPARATOR[lang] + formatMessage('report.signature', { signature }, lang) : ''),
    )
  })
  lines.push(formatImportReport(name, report, saved, lang))
  return lines.join('\n')
}

const importFile: Command = {
  words: ['import'],
  args: 'FILE',
  summary: t(
    '.txt/.md/.docx/.pdf/.doc/.wps/.rtf/.html → 文档模型（加 --split 为 JSON 数组）；加 --json 时报告输出到 stderr',
    '.txt/.md/.docx/.pdf/.doc/.wps/.rtf/.html → document model(s) (a JSON array with --split); with --json the report goes to stderr',
  ),
  options: ['split', 'clean', 'save', 'json'],
  async run(ctx, args) {
    // a file over the limit is refused before it is read, as the app refuses it
    const file = readInputFile(fileArg(importFile, args), IMPORT_LIMIT)
    const { split, clean, save, json } = ctx.values
    const result = await ctx.call('documents.import', { name: file.name, dataBase64: file.base64(), split: split ?? false, clean: clean ?? false, save: save ?? false })
    if (json) {
      ctx.json(split ? result.documents : result.documents[0])
      ctx.note(formatImportReport(file.name, result.report, result.saved, ctx.lang))
    } else ctx.line(formatImportSummary(file.name, result.documents, result.report, result.saved, ctx.lang))
  },
}

export const importGroup: CommandGroup = {
  name: 'import',
  title: t('导入', 'import'),
  commands: [importFile],
}
