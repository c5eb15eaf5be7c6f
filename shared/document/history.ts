/**
 * What 版本记录 (history) shows of two versions of a document: their paragraphs as the writer reads
 * them (numbers worked out, figures as their text; shared/output/prepare.ts, the form every output
 * is made from) matched and marked by shared/text/diff.ts, and a version's time.
 */
import { prepareOutput, runsText } from '../output/prepare'
import { countCharacters } from '../text/count'
import { alignParagraphs, diffChars, type TextEdit } from '../text/diff'
import type { HeadingLevel, SummaryDocument } from './model'
import { displayDateTime } from '../i18n/dates'

export type ParagraphKind = 'title' | 'subtitle' | 'heading' | 'paragraph' | 'tableRow' | 'figureTable' | 'pageBreak' | 'signature'

export interface Paragraph {
  kind: ParagraphKind
  /** the text compared (a heading without its number, table cells joined by tabs) */
  text: string
  level?: HeadingLevel
  /** a heading's number, shown before the text and never compared: inserting a section renumbers
   * every later one, and that is not a change the writer made to those headings */
  number?: string
}

/** The document as a list of paragraphs, in reading order. */
export function documentParagraphs(doc: SummaryDocument): Paragraph[] {
  const out = prepareOutput(doc)
  const paragraphs: Paragraph[] = []
  if (out.title) paragraphs.push({ kind: 'title', text: out.title })
  if (out.subtitle) paragraphs.push({ kind: 'subtitle', text: out.subtitle })
  for (const b of out.blocks) {
    switch (b.kind) {
      case 'heading':
        paragraphs.push({ kind: 'heading', level: b.level, number: b.number, text: runsText(b.title) + (b.body ? runsText(b.body) : '') })
        break
      case 'paragraph':
        paragraphs.push({ kind: 'paragraph', text: runsText(b.runs) })
        break
      case 'table':
        for (const row of b.rows) paragraphs.push({ kind: 'tableRow', text: row.map(runsText).join('\t') })
        break
      case 'figureTable':
        paragraphs.push({ kind: 'figureTable', text: b.caption })
        for (const row of b.rows) paragraphs.push({ kind: 'tableRow', text: row.join('\t') })
        break
      case 'pageBreak':
        paragraphs.push({ kind: 'pageBreak', text: '' })
        break
    }
  }
  if (out.signature?.organization) paragraphs.push({ kind: 'signature', text: out.signature.organization })
  if (out.signature?.date) paragraphs.push({ kind: 'signature', text: out.signature.date })
  return paragraphs
}

export type ComparedParagraph =
  | { kind: 'equal'; paragraph: Paragraph }
  /** `paragraph` as it is in the newer version; `ops` turn the older text into the newer */
  | { kind: 'changed'; paragraph: Paragraph; before: Paragraph; ops: TextEdit[] }
  | { kind: 'deleted'; paragraph: Paragraph }
  | { kind: 'inserted'; paragraph: Paragraph }

export interface Comparison {
  paragraphs: ComparedParagraph[]
  /** 字数 inserted and deleted (counted as the status bar counts), and paragraphs touched */
  inserted: number
  deleted: number
  changed: number
}

/** A paragraph's key for the exact pass: its kind matters (a paragraph made a heading is a change). */
const keyOf = (p: Paragraph) => `${p.kind}${p.level ?? ''}\u0000${p.text}`

/** `older` against `newer`: what was inserted in newer is inserted, what newer no longer has is deleted. */
export function compareDocuments(older: SummaryDocument, newer: SummaryDocument): Comparison {
  const a = documentParagraphs(older)
  const b = documentParagraphs(newer)
  const keysA = a.map(keyOf)
  const keysB = b.map(keyOf)
  const changes = alignParagraphs(keysA, keysB)
  const paragraphs: ComparedParagraph[] = []
  let inserted = 0
  let deleted = 0
  let changed = 0
  const count = countCharacters
  for (const c of changes) {
    if (c.kind === 'equal') paragraphs.push({ kind: 'equal', paragraph: b[c.b]! })
    else if (c.kind === 'deleted') {
      paragraphs.push({ kind: 'deleted', paragraph: a[c.a]! })
      deleted += count(a[c.a]!.text)
      changed++
    } else if (c.kind === 'inserted') {
      paragraphs.push({ kind: 'inserted', paragraph: b[c.b]! })
      inserted += count(b[c.b]!.text)
      changed++
    } else {
      // paired on their keys (kind and text); the marks are made on the text alone
      const ops = diffChars(a[c.a]!.text, b[c.b]!.text)
      paragraphs.push({ kind: 'changed', paragraph: b[c.b]!, before: a[c.a]!, ops })
      for (const o of ops) {
        if (o.op === 'insert') inserted += count(o.text)
        else if (o.op === 'delete') deleted += count(o.text)
      }
      changed++
    }
  }
  return { paragraphs, inserted, deleted, changed }
}

/** A version's time as the list shows it, in local time whatever the browser's locale: 2025年12月31日 14:05. */
export function revisionTime(ms: number, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  return displayDateTime(ms, lang)
}
