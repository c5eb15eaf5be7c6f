/** The import report for a DOCX of ours (ownDocx.ts): nothing recognized, everything read back. */
import { ApiError, type FileImportReport } from '../../../shared/api'
import { describeSchemaError, SummaryDocumentSchema, type SummaryDocument } from '../../../shared/document/model'

export function ownImportResult(model: SummaryDocument): { documents: SummaryDocument[]; report: FileImportReport } {
  const parsed = SummaryDocumentSchema.safeParse(model)
  if (!parsed.success) throw new ApiError('import.schemaFailed', { index: 1, detail: describeSchemaError(parsed.error) })
  const headings = model.blocks.filter((b) => b.type === 'heading')
  const used = new Set<string>()
  const visit = (inlines: readonly { type: string; figureId?: string }[]) => inlines.forEach((i) => i.figureId && used.add(i.figureId))
  for (const b of model.blocks) {
    if (b.type === 'heading') visit([...b.title, ...(b.body ?? [])])
    else if (b.type === 'paragraph') visit(b.children)
    else if (b.type === 'table') b.rows.flat().forEach(visit)
  }
  const placeholders = model.figures.filter((f) => f.value === null && used.has(f.id)).length
  return {
    documents: [parsed.data],
    report: {
      format: 'docx',
      headings: headings.length,
      runInHeadings: headings.filter((h) => h.body).length,
      linesJoined: 0,
      placeholders,
      junkRemoved: 0,
      junkLines: [],
      documents: 1,
      suggestSplit: false,
      pieces: [],
      numberingGaps: [],
      warnings: [],
    },
  }
}
