/**
 * 批注 in the DOCX, when the writer asks for them (output dialog: 导出批注): each thread of a team
 * document is a Word comment on exactly the words it was made on, its replies Word's threaded
 * replies (w15:paraIdParent in commentsExtended.xml: docx 9 writes them from `parentId`), a
 * resolved thread marked done (w15:done).
 *
 * The renderer sends each thread's place in the exported model (shared/api/output.ts,
 * ExportCommentPoint: a block and a character offset in the block's text as the output shows it).
 * Here the places become marks in the paragraphs the writer builds: `slot` names a paragraph's run
 * list (the title, a heading's title or run-in body, a table cell…), `offset` a character in it.
 * The runs are split at the marks and nothing else changes: the text, numbering, content controls
 * and run-in headings are the same with or without comments, so a DOCX with comments verifies
 * against its 定稿 like one without (verify reads the text and outline of word/document.xml; the
 * comments live in word/comments.xml).
 */
import type { ExportComment, ExportCommentPoint } from '../../../shared/api'
import type { OutputDocument } from '../../../shared/output/prepare'
import { runsText } from '../../../shared/output/prepare'

/** A comment boundary in a paragraph's run list. */
export interface CommentMark {
  offset: number
  kind: 'start' | 'end'
  /** the Word comment ids: the thread's first comment, then one per reply */
  ids: number[]
  /** the thread covers no character (start and end at the same place) */
  empty: boolean
}

/** A Word comment as docx's `comments.children` takes it. */
export interface WordComment {
  id: number
  author: string
  date: Date
  text: string
  parentId?: number
  resolved?: boolean
}

export interface PlacedComments {
  /** marks by slot (see slotKey), in writing order */
  marks: Map<string, CommentMark[]>
  comments: WordComment[]
  written: number
  skipped: number
}

export const slotKey = {
  title: 'title',
  subtitle: 'subtitle',
  paragraph: (index: number) => `p${index}`,
  headingTitle: (index: number) => `h${index}`,
  headingBody: (index: number) => `b${index}`,
  cell: (index: number, row: number, col: number) => `c${index}:${row}:${col}`,
}

/** The title as the DOCX writes it: its lines joined by "\n" (a line break in the paragraph). */
export const titleText = (out: OutputDocument): string => out.titleLines.join('\n')

/**
 * Where each place in the typed title is in the written title (lines trimmed, breaks added): a
 * start after a break we added (the next line), an end before it (the line it ends).
 */
function titleMap(title: string, written: string): { start: number[]; end: number[] } {
  const start: number[] = []
  const end: number[] = []
  let j = 0
  for (let i = 0; i < title.length; i++) {
    const ch = title[i]!
    end.push(j)
    // a break the writer did not type (a long title broken into lines) is passed over
    if (ch !== '\n') while (j < written.length && written[j] === '\n') j++
    start.push(j)
    if (written[j] === ch) j++
  }
  start.push(written.length)
  end.push(j)
  return { start, end }
}

interface Slot {
  key: string
  length: number
}

/** A block's text as slots in order, the way the DOCX writer lays it out. */
function slotsOf(out: OutputDocument, block: ExportCommentPoint['block']): { slots: Slot[]; map?: (offset: number, side: 'start' | 'end') => number } | null {
  if (block === 'title') {
    const written = titleText(out)
    const at = titleMap(out.title, written)
    return { slots: [{ key: slotKey.title, length: written.length }], map: (o, side) => at[side][Math.min(o, out.title.length)]! }
  }
  if (block === 'subtitle') return out.subtitle ? { slots: [{ key: slotKey.subtitle, length: out.subtitle.length }] } : null
  const b = out.blocks.find((x) => x.index === block)
  if (!b) return null
  switch (b.kind) {
    case 'paragraph':
      return { slots: [{ key: slotKey.paragraph(b.index), length: runsText(b.runs).length }] }
    case 'heading':
      return { slots: [{ key: slotKey.headingTitle(b.index), length: runsText(b.title).length }, ...(b.body ? [{ key: slotKey.headingBody(b.index), length: runsText(b.body).length }] : [])] }
    case 'table':
      if (!b.rows.length) return null
      return { slots: b.rows.flatMap((row, r) => row.map((cell, c) => ({ key: slotKey.cell(b.index, r, c), length: runsText(cell).length }))) }
    default:
      return null
  }
}

/**
 * A point as (slot, offset). A range's start at the end of one slot begins the next one, its end at
 * the start of one closes the one before: a comment never starts or ends across a paragraph mark
 * it does not cover.
 */
function locate(out: OutputDocument, point: ExportCommentPoint, side: 'start' | 'end'): { slot: string; offset: number; order: number[] } | null {
  const found = slotsOf(out, point.block)
  if (!found) return null
  let offset = found.map ? found.map(point.offset, side) : point.offset
  const total = found.slots.reduce((n, s) => n + s.length, 0)
  if (point.offset > (found.map ? out.title.length : total)) return null
  const blockOrder = point.block === 'title' ? -2 : point.block === 'subtitle' ? -1 : point.block
  for (let i = 0; i < found.slots.length; i++) {
    const s = found.slots[i]!
    const last = i === found.slots.length - 1
    if (side === 'start' ? offset < s.length || last : offset <= s.length || last) return { slot: s.key, offset: Math.min(offset, s.length), order: [blockOrder, i, Math.min(offset, s.length)] }
    offset -= s.length
  }
  return null
}

const before = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
  return false
}

/** The threads as Word comments and their marks; a thread whose place is not in this text is skipped. */
export function placeComments(out: OutputDocument, threads: readonly ExportComment[]): PlacedComments {
  const marks = new Map<string, CommentMark[]>()
  const comments: WordComment[] = []
  let skipped = 0
  const add = (slot: string, mark: CommentMark) => {
    const list = marks.get(slot) ?? []
    list.push(mark)
    marks.set(slot, list)
  }
  for (const t of threads) {
    const start = locate(out, t.anchor.start, 'start')
    const end = locate(out, t.anchor.end, 'end')
    if (!start || !end || before(end.order, start.order)) {
      skipped++
      continue
    }
    const id = comments.length
    comments.push({ id, author: t.author, date: new Date(t.date), text: t.text, ...(t.resolved ? { resolved: true } : {}) })
    for (const r of t.replies) comments.push({ id: comments.length, author: r.author, date: new Date(r.date), text: r.text, parentId: id, ...(t.resolved ? { resolved: true } : {}) })
    const ids = Array.from({ length: t.replies.length + 1 }, (_, k) => id + k)
    const empty = start.slot === end.slot && start.offset === end.offset
    add(start.slot, { offset: start.offset, kind: 'start', ids, empty })
    add(end.slot, { offset: end.offset, kind: 'end', ids, empty })
  }
  // at one place: ranges that end close before others open (adjacent comments do not overlap), and
  // a comment on no character opens before it closes
  const rank = (m: CommentMark) => (m.kind === 'end' ? (m.empty ? 2 : 0) : 1)
  for (const list of marks.values()) list.sort((a, b) => a.offset - b.offset || rank(a) - rank(b))
  return { marks, comments, written: threads.length - skipped, skipped }
}
