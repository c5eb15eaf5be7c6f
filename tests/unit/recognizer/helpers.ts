/** Shared helpers for the recognizer tests: fixtures, schema checks, text views of the output. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { SummaryDocumentSchema, describeSchemaError, type Block, type Inline, type SummaryDocument } from '../../../shared/document/model'
import { recognize, type RecognizeOptions, type RecognizeResult } from '../../../shared/recognizer'

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/recognizer/${name}`, import.meta.url)), 'utf8')
}

/** Every document must pass the model's schema. */
export function expectValid(result: RecognizeResult): void {
  for (const doc of result.documents) {
    const parsed = SummaryDocumentSchema.safeParse(doc)
    expect(parsed.success, parsed.success ? '' : describeSchemaError(parsed.error)).toBe(true)
    const ids = doc.figures.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const b of doc.blocks) {
      for (const inl of inlinesOf(b)) if (inl.type === 'figure') expect(ids).toContain(inl.figureId)
    }
  }
  expect(result.report.documents).toBe(result.documents.length)
}

export function run(text: string, opts: RecognizeOptions = {}): RecognizeResult {
  const result = recognize(text, opts)
  expectValid(result)
  return result
}

export function only(text: string, opts: RecognizeOptions = {}): SummaryDocument {
  const { documents } = run(text, opts)
  expect(documents).toHaveLength(1)
  return documents[0]!
}

function inlinesOf(b: Block): Inline[] {
  if (b.type === 'heading') return [...b.title, ...(b.body ?? [])]
  if (b.type === 'paragraph') return b.children
  return []
}

/** Inline text with each unfilled figure shown as the placeholder it came from. */
export function plain(inlines: readonly Inline[], doc: SummaryDocument): string {
  return inlines
    .map((i) => (i.type === 'text' ? i.text : (doc.figures.find((f) => f.id === i.figureId)?.original ?? '?')))
    .join('')
}

export interface Line {
  kind: 'h1' | 'h2' | 'h3' | 'h4' | 'p'
  title: string
  body?: string
}

/** The blocks as a writer reads them: heading level + title (+ run-in body), or paragraph text. */
export function outline(doc: SummaryDocument): Line[] {
  return doc.blocks.flatMap((b): Line[] => {
    if (b.type === 'heading') {
      const line: Line = { kind: `h${b.level}`, title: plain(b.title, doc) }
      if (b.body) line.body = plain(b.body, doc)
      return [line]
    }
    if (b.type === 'paragraph') return [{ kind: 'p', title: plain(b.children, doc) }]
    return []
  })
}

export const headings = (doc: SummaryDocument) => outline(doc).filter((l) => l.kind !== 'p')
export const paragraphs = (doc: SummaryDocument) => outline(doc).filter((l) => l.kind === 'p').map((l) => l.title)

/** All the words of a document in reading order, without any whitespace. */
export function wording(doc: SummaryDocument): string {
  const parts = [doc.title, doc.subtitle ?? '']
  for (const l of outline(doc)) parts.push(l.title, l.body ?? '')
  parts.push(doc.signature?.organization ?? '')
  return squash(parts.join(''))
}

export const squash = (s: string) => s.replace(/[\s\u3000]+/g, '')
