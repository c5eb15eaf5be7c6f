/**
 * A text run's marks (bold, italic, underline): the document's inlines and the snippets' read,
 * compare and merge them alike.
 */
import type { TextInline } from './model'

export type Marks = Pick<TextInline, 'bold' | 'italic' | 'underline'>

/** The marks that are set, and only those (`{ bold: true }`, never `bold: false`). */
export function marksOf(t: Marks): Marks {
  const marks: Marks = {}
  if (t.bold) marks.bold = true
  if (t.italic) marks.italic = true
  if (t.underline) marks.underline = true
  return marks
}

/** Whether two runs look the same: an unset mark and `false` are alike. */
function sameMarks(a: Marks, b: Marks): boolean {
  return !a.bold === !b.bold && !a.italic === !b.italic && !a.underline === !b.underline
}

const isText = (inline: { type: string }): inline is TextInline => inline.type === 'text'

/** Appends text to a run list, merging into the last run when the marks agree. */
export function appendText<I extends { type: string }>(out: (I | TextInline)[], text: string, marks: Marks): void {
  const last = out[out.length - 1]
  if (last && isText(last) && sameMarks(last, marks)) out[out.length - 1] = { ...last, text: last.text + text }
  else out.push({ type: 'text', text, ...marks })
}
