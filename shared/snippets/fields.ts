/**
 * Fields in snippet text: `{{单位名称}}` is a field named 单位名称. A name is 1–30 characters with
 * no brace and no line break, trimmed; anything else — an unclosed `{{`, `{{}}`, a stray `}}` — is
 * literal text and is kept as typed, never dropped.
 */
import { appendText, marksOf } from '../document/marks'
import type { TextInline } from '../document/model'
import { LIMITS, type FieldInline, type SnippetBody, type SnippetInline } from './model'

const FIELD = /\{\{([^{}\n]+)\}\}/g

/** A valid field name, or null when the text between the braces cannot be one. */
export function fieldName(raw: string): string | null {
  const name = raw.trim()
  return name.length >= 1 && name.length <= LIMITS.fieldName ? name : null
}

/** Where the fields are in a string: [start, end, name] for each `{{name}}`. */
export function findFields(text: string): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = []
  for (const m of text.matchAll(FIELD)) {
    const name = fieldName(m[1]!)
    if (name !== null) out.push({ start: m.index, end: m.index + m[0].length, name })
  }
  return out
}

/**
 * One paragraph's text runs (with their marks) → snippet inlines, fields parsed. A field may span
 * runs ("{{单位" bold, "名称}}" plain): it is found in the joined text, and the runs around it keep
 * their marks.
 */
export function parseFieldRuns(runs: readonly (TextInline | SnippetInline)[]): SnippetInline[] {
  // Existing fields stay fields; text between them is parsed.
  const out: SnippetInline[] = []
  let pending: TextInline[] = []
  const flush = () => {
    if (pending.length) out.push(...parseTextRuns(pending))
    pending = []
  }
  for (const r of runs) {
    if (r.type === 'field') {
      flush()
      out.push({ type: 'field', name: r.name })
    } else pending.push(r)
  }
  flush()
  return normalizeInlines(out)
}

function parseTextRuns(runs: readonly TextInline[]): SnippetInline[] {
  const joined = runs.map((r) => r.text).join('')
  const fields = findFields(joined)
  if (fields.length === 0) return runs.map((r) => ({ type: 'text', text: r.text, ...marksOf(r) }))
  // the mark of every character position: the run it falls in
  const starts: number[] = []
  let at = 0
  for (const r of runs) {
    starts.push(at)
    at += r.text.length
  }
  const out: SnippetInline[] = []
  const emitText = (from: number, to: number) => {
    for (let i = 0; i < runs.length; i++) {
      const s = starts[i]!
      const e = s + runs[i]!.text.length
      const a = Math.max(from, s)
      const b = Math.min(to, e)
      if (a < b) out.push({ type: 'text', text: joined.slice(a, b), ...marksOf(runs[i]!) })
    }
  }
  let pos = 0
  for (const f of fields) {
    emitText(pos, f.start)
    out.push({ type: 'field', name: f.name })
    pos = f.end
  }
  emitText(pos, joined.length)
  return out
}

/** Adjacent text with the same marks merged; empty text dropped. */
export function normalizeInlines(inlines: readonly SnippetInline[]): SnippetInline[] {
  const out: SnippetInline[] = []
  for (const i of inlines) {
    if (i.type === 'field') {
      out.push({ type: 'field', name: i.name })
      continue
    }
    if (i.text !== '') appendText(out, i.text, marksOf(i))
  }
  return out
}

/** A body in normal form: inlines normalized, empty paragraphs dropped. */
export function normalizeBody(body: readonly (readonly SnippetInline[])[]): SnippetBody {
  return body.map((p) => normalizeInlines(p)).filter((p) => p.length > 0)
}

/** Plain text (one paragraph a line, fields written `{{名称}}`) → body. Blank lines are dropped. */
export function bodyFromText(text: string): SnippetBody {
  return normalizeBody(
    text
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, ''))
      .filter((line) => line.length > 0)
      .map((line) => parseFieldRuns([{ type: 'text', text: line }])),
  )
}

/** The body as plain text: paragraphs on their own lines, fields as `{{名称}}` (marks dropped). */
export function bodyToText(body: SnippetBody, field: (f: FieldInline) => string = (f) => `{{${f.name}}}`): string {
  return body.map((p) => p.map((i) => (i.type === 'text' ? i.text : field(i))).join('')).join('\n')
}

/** The names of the body's fields, each once, in order of first use. */
export function bodyFieldNames(body: SnippetBody): string[] {
  const names: string[] = []
  for (const p of body) for (const i of p) if (i.type === 'field' && !names.includes(i.name)) names.push(i.name)
  return names
}

/** True when the body uses bold, italic or underline anywhere (CSV cannot hold that). */
export function bodyHasMarks(body: SnippetBody): boolean {
  return body.some((p) => p.some((i) => i.type === 'text' && (i.bold || i.italic || i.underline)))
}

/** Characters of the body, fields counted by their name. */
export function bodyLength(body: SnippetBody): number {
  return body.reduce((n, p) => n + p.reduce((m, i) => m + (i.type === 'text' ? i.text.length : i.name.length), 0), 0)
}
