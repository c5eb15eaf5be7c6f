/** A document as a writer checks an import: one short line per block, heading numbers as the editor derives them. */
import { headingNumbersOf } from '../../shared/document/numbering'
import type { Inline, SummaryDocument } from '../../shared/document/model'

const textOf = (inlines: readonly Inline[] | undefined, doc: SummaryDocument) =>
  (inlines ?? []).map((i) => (i.type === 'text' ? i.text : (doc.figures.find((f) => f.id === i.figureId)?.original ?? '?'))).join('')

/** Body text is cut to its first 14 characters (enough to tell paragraphs apart, short enough to read). */
const head = (s: string) => (s.length > 14 ? `${s.slice(0, 14)}…` : s)

/**
 *   title 青河县水利局2025年工作总结
 *   h2 （一）防汛抗旱体系更加牢固          a heading: level, derived number, title
 *   h3 1.山洪灾害监测。 ‖ 新建自动雨量站…   a run-in heading: its body after ‖
 *   p 全年修订县级防汛预案1部…             a paragraph
 *   table 指标|单位 / 地区生产总值|亿元     a table, rows separated by " / "
 *   signature 青河县水利局 2025-12-31
 */
export function auditOutline(doc: SummaryDocument): string[] {
  const numbers = headingNumbersOf(doc.blocks)
  let k = 0
  const out = [`title ${doc.title}`]
  if (doc.subtitle !== undefined) out.push(`subtitle ${doc.subtitle}`)
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push(`h${b.level} ${numbers[k++]}${textOf(b.title, doc)}${b.body ? ` ‖ ${head(textOf(b.body, doc))}` : ''}`)
    else if (b.type === 'paragraph') out.push(`p ${head(textOf(b.children, doc))}`)
    else if (b.type === 'table') out.push(`table ${b.rows.map((r) => r.map((c) => textOf(c, doc)).join('|')).join(' / ')}`)
    else out.push(b.type)
  }
  if (doc.signature) out.push(`signature ${[doc.signature.organization, doc.signature.date].filter(Boolean).join(' ')}`)
  return out
}
