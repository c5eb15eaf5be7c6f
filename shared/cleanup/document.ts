/**
 * Runs a text rule over every text of a SummaryDocument and reports what it changed.
 *
 * Texts visited, in reading order: the title, the subtitle, each block (a heading's title, then its
 * run-in body; a paragraph; a table's cells row by row), and the signature's organization name.
 * Figures (the figure table) are never touched.
 *
 * A block's inline list is handed to the rule as one string: the text of adjacent text inlines
 * joined, each figure reference standing as FIGURE_MARK (which no edit may cover). So a rule sees
 * "会议,\uFFFC次" whole even when the comma and the figure sit in differently marked inlines,
 * and a change may span inlines. Marks are kept this way:
 *  - an edit whose replacement is as long as what it replaces (，for , — 发 for 發) is applied
 *    character by character, each character keeping the marks of the inline it was in;
 *  - any other edit ("..." → "……", removed spaces) puts its replacement in the inline where the
 *    replaced range starts, with that inline's marks, and removes the rest of the range from the
 *    inlines it covers.
 * A text inline that the edits empty is dropped (the normal form has no empty text inlines).
 */
import type { Figure, Inline, SummaryDocument } from '../document/model'
import { FIGURE_MARK } from './chars'
import { normalizeEdits, type TextEdit } from './edits'

/** Which text of the document a change is in. */
export type CleanupTarget =
  | { kind: 'title' }
  | { kind: 'subtitle' }
  | { kind: 'headingTitle'; blockIndex: number }
  | { kind: 'headingBody'; blockIndex: number }
  | { kind: 'paragraph'; blockIndex: number }
  | { kind: 'tableCell'; blockIndex: number; row: number; cell: number }
  | { kind: 'signature' }

/** A path into the SummaryDocument JSON, e.g. ['blocks', 3, 'children', 1] or ['title']. */
export type ModelPath = readonly (string | number)[]

export interface CleanupChange {
  target: CleanupTarget
  /** index in doc.blocks; null for the title, subtitle and signature */
  blockIndex: number | null
  /**
   * Where the change starts: the path of the text inline (['blocks', 3, 'children', 1]) or, for
   * the title, subtitle and signature, of the string (['title'], ['signature', 'organization']).
   */
  path: ModelPath
  /** offset (UTF-16) of the change in that inline's text or that string */
  offset: number
  /** the text replaced, as it was (may run on into the following text inlines) */
  removed: string
  /** what replaces it */
  inserted: string
  /** up to `contextChars` characters either side, on the same line; figures shown by value or ［name］ */
  contextBefore: string
  contextAfter: string
  /** contextBefore + removed + contextAfter, and the same with inserted: a preview line */
  before: string
  after: string
}

/** A cleanup rule: the edits for one text, knowing which text it is. */
export type TextRule = (text: string, target: CleanupTarget) => TextEdit[]

export interface RuleRun {
  changes: CleanupChange[]
  /** the document with every change applied; `doc` itself when nothing changed */
  result: SummaryDocument
}

export const DEFAULT_CONTEXT_CHARS = 12
/** Edits this close (no line break or figure between) are shown as one change. */
const MERGE_GAP = 2

export function runRule(doc: SummaryDocument, rule: TextRule, contextChars = DEFAULT_CONTEXT_CHARS): RuleRun {
  const figures = new Map(doc.figures.map((f) => [f.id, f]))
  const changes: CleanupChange[] = []
  const walker = new Walker(rule, figures, changes, contextChars)
  let changed = false
  const result: SummaryDocument = { ...doc }

  const title = walker.string(doc.title, { kind: 'title' }, ['title'])
  if (title !== doc.title) { result.title = title; changed = true }
  if (doc.subtitle !== undefined) {
    const subtitle = walker.string(doc.subtitle, { kind: 'subtitle' }, ['subtitle'])
    if (subtitle !== doc.subtitle) { result.subtitle = subtitle; changed = true }
  }

  const blocks = doc.blocks.map((block, b) => {
    switch (block.type) {
      case 'heading': {
        const title = walker.inlines(block.title, { kind: 'headingTitle', blockIndex: b }, ['blocks', b, 'title'])
        const body = block.body && walker.inlines(block.body, { kind: 'headingBody', blockIndex: b }, ['blocks', b, 'body'])
        if (title === block.title && body === block.body) return block
        return body === undefined ? { ...block, title } : { ...block, title, body }
      }
      case 'paragraph': {
        const children = walker.inlines(block.children, { kind: 'paragraph', blockIndex: b }, ['blocks', b, 'children'])
        return children === block.children ? block : { ...block, children }
      }
      case 'table': {
        let touched = false
        const rows = block.rows.map((row, r) => {
          const cells = row.map((cell, c) => walker.inlines(cell, { kind: 'tableCell', blockIndex: b, row: r, cell: c }, ['blocks', b, 'rows', r, c]))
          if (cells.every((cell, c) => cell === row[c])) return row
          touched = true
          return cells
        })
        return touched ? { ...block, rows } : block
      }
      default:
        return block
    }
  })
  if (blocks.some((block, b) => block !== doc.blocks[b])) { result.blocks = blocks; changed = true }

  if (doc.signature) {
    const organization = walker.string(doc.signature.organization, { kind: 'signature' }, ['signature', 'organization'])
    if (organization !== doc.signature.organization) { result.signature = { ...doc.signature, organization }; changed = true }
  }
  return { changes, result: changed ? result : doc }
}

function blockIndexOf(target: CleanupTarget): number | null {
  return 'blockIndex' in target ? target.blockIndex : null
}

export function figureDisplay(figure: Figure | undefined): string {
  if (!figure) return '［?］'
  return figure.value === null ? `［${figure.name || '待填'}］` : String(figure.value) + (figure.unit ?? '')
}

class Walker {
  constructor(
    private readonly rule: TextRule,
    private readonly figures: ReadonlyMap<string, Figure>,
    private readonly changes: CleanupChange[],
    private readonly contextChars: number,
  ) {}

  /** A plain string (title, subtitle, organization): the rule's result, and its changes recorded. */
  string(text: string, target: CleanupTarget, path: ModelPath): string {
    const inline: Inline = { type: 'text', text }
    const [out] = this.inlines([inline], target, path, true)
    return out?.type === 'text' ? out.text : ''
  }

  /** An inline list: the same array when nothing changed, else a new one. */
  inlines(inlines: Inline[], target: CleanupTarget, path: ModelPath, plain = false): Inline[] {
    // the joined text, and for every position the index of the inline it belongs to
    let text = ''
    const starts: number[] = []
    for (const inline of inlines) {
      starts.push(text.length)
      text += inline.type === 'text' ? inline.text : FIGURE_MARK
    }
    if (!text) return inlines
    const owner = new Int32Array(text.length)
    inlines.forEach((inline, k) => owner.fill(k, starts[k]!, starts[k]! + (inline.type === 'text' ? inline.text.length : 1)))

    const edits = normalizeEdits(text, this.rule(text, target))
    if (edits.length === 0) return inlines
    for (const e of edits) {
      for (let p = e.start; p < e.end; p++) {
        if (inlines[owner[p]!]!.type !== 'text') throw new Error(`cleanup: an edit covers a figure reference at ${p}`)
      }
    }

    const pieces = inlines.map(() => '')
    const put = (k: number, s: string) => { pieces[k] = pieces[k]! + s }
    const copy = (from: number, to: number) => {
      for (let p = from; p < to;) {
        const k = owner[p]!
        const inline = inlines[k]!
        const end = Math.min(to, starts[k]! + (inline.type === 'text' ? inline.text.length : 1))
        if (inline.type === 'text') put(k, text.slice(p, end))
        p = end
      }
    }
    let cursor = 0
    for (const e of edits) {
      copy(cursor, e.start)
      if (e.text.length === e.end - e.start) {
        for (let j = 0; j < e.text.length; j++) put(owner[e.start + j]!, e.text[j]!)
      } else {
        put(owner[e.start]!, e.text)
      }
      cursor = e.end
    }
    copy(cursor, text.length)

    this.record(text, edits, inlines, starts, owner, target, path, plain)

    const out: Inline[] = []
    inlines.forEach((inline, k) => {
      if (inline.type !== 'text' || pieces[k] === inline.text) out.push(inline)
      else if (pieces[k] !== '') out.push({ ...inline, text: pieces[k]! })
    })
    return out
  }

  private record(
    text: string,
    edits: readonly TextEdit[],
    inlines: readonly Inline[],
    starts: readonly number[],
    owner: Int32Array,
    target: CleanupTarget,
    path: ModelPath,
    plain: boolean,
  ): void {
    const render = (from: number, to: number): string => {
      let out = ''
      for (let p = from; p < to; p++) {
        const inline = inlines[owner[p]!]!
        out += inline.type === 'figure' ? figureDisplay(this.figures.get(inline.figureId)) : text[p]
      }
      return out
    }
    let i = 0
    while (i < edits.length) {
      const first = edits[i]!
      let inserted = first.text
      let end = first.end
      let j = i + 1
      while (j < edits.length) {
        const next = edits[j]!
        const gap = text.slice(end, next.start)
        if (gap.length > MERGE_GAP || gap.includes('\n') || gap.includes(FIGURE_MARK)) break
        inserted += gap + next.text
        end = next.end
        j++
      }
      const start = first.start
      const lineStart = text.lastIndexOf('\n', start - 1) + 1
      const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end)
      const contextBefore = render(Math.max(lineStart, start - this.contextChars), start)
      const contextAfter = render(end, Math.min(lineEnd, end + this.contextChars))
      const removed = text.slice(start, end)
      const k = owner[start]!
      this.changes.push({
        target,
        blockIndex: blockIndexOf(target),
        path: plain ? path : [...path, k],
        offset: start - starts[k]!,
        removed,
        inserted,
        contextBefore,
        contextAfter,
        before: contextBefore + removed + contextAfter,
        after: contextBefore + inserted + contextAfter,
      })
      i = j
    }
  }
}
