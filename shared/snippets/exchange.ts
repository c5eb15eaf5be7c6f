/**
 * Snippet files: JSON (lossless: marks, fields, times, use counts, source, uid, empty categories)
 * and CSV (title, category, tags, body — for spreadsheets; the body's fields are written `{{名称}}`
 * and its bold/italic/underline are not kept).
 *
 * Parsing never throws: every problem is reported with the line it is on, and the caller decides
 * whether anything is imported (see SnippetStore.importItems).
 *
 * JSON file:
 *   { "format": "draftdesk-snippets", "version": 1,
 *     "categories": ["开头", "工作措施/安全生产", …],          // paths, "/" between levels
 *     "snippets": [{ "uid", "title", "category": "工作措施/安全生产" | null, "tags": [],
 *                    "body": "plain text with {{fields}}" | [[inline, …], …],
 *                    "createdAt", "updatedAt", "useCount", "lastUsedAt", "source" }] }
 */
import { z } from 'zod'
import { TextInlineSchema } from '../document/model'
import { issueMessage, msg, type Message } from '../errors/message'
import { bodyFromText, bodyToText, normalizeBody, parseFieldRuns } from './fields'
import { csvHeaderProblem, type CsvColumns } from './csvColumns'
import { parseCsv, toCsv, unguardCell } from './csv'
import { parseJsonWithLines, JsonSyntaxError } from './jsonLines'
import { FieldInlineSchema, LIMITS, SnippetBodySchema, SnippetSourceSchema, type Category, type Snippet, type SnippetBody, type SnippetSource } from './model'
import { proposeTitle } from './propose'
import { sanitizeText } from './search'

export const SNIPPET_FILE_FORMAT = 'draftdesk-snippets'

/** One snippet read from a file, before it meets the library. */
export interface ImportItem {
  line: number
  uid?: string
  title: string
  /** category path ("工作措施/安全生产"), null for none */
  category: string | null
  tags: string[]
  body: SnippetBody
  createdAt?: number
  updatedAt?: number
  useCount?: number
  lastUsedAt?: number | null
  source?: SnippetSource | null
}

export interface ImportProblem {
  line: number
  problem: Message
}

const lineProblem = (line: number, problem: Message): ImportProblem => ({ line, problem })

export interface ParsedImport {
  format: 'json' | 'csv'
  items: ImportItem[]
  /** category paths named by the file (JSON keeps empty ones too) */
  categories: string[]
  problems: ImportProblem[]
}

/** "工作措施 / 安全生产" → "工作措施/安全生产"; empty → null. */
export function normalizeCategoryPath(path: string | null | undefined): string | null {
  if (!path) return null
  const parts = sanitizeText(path)
    .split(/[/／>]/)
    .map((p) => p.trim().slice(0, LIMITS.categoryName))
    .filter(Boolean)
  return parts.length ? parts.join('/') : null
}

/** Tags as a spreadsheet cell holds them: separated by ; ； 、 , ， or |. */
export function splitTags(cell: string): string[] {
  const tags: string[] = []
  for (const t of cell.split(/[;；、,，|]/)) {
    const tag = t.trim().slice(0, LIMITS.tag)
    if (tag && !tags.includes(tag)) tags.push(tag)
  }
  return tags.slice(0, LIMITS.tags)
}

const RichParagraphSchema = z.array(z.discriminatedUnion('type', [TextInlineSchema, FieldInlineSchema]))
const FileSnippetSchema = z.object({
  uid: z.string().min(1).max(64).optional(),
  title: z.string().max(LIMITS.title).optional(),
  category: z.string().max(400).nullable().optional(),
  tags: z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags).optional(),
  body: z.union([z.string().max(LIMITS.bodyCharacters), z.array(RichParagraphSchema).max(LIMITS.paragraphs)]),
  createdAt: z.number().finite().optional(),
  updatedAt: z.number().finite().optional(),
  useCount: z.number().int().nonnegative().optional(),
  lastUsedAt: z.number().finite().nullable().optional(),
  source: SnippetSourceSchema.nullable().optional(),
})
const FileSchema = z.object({
  format: z.literal(SNIPPET_FILE_FORMAT),
  version: z.literal(1),
  categories: z.array(z.string().max(400)).optional(),
  snippets: z.array(z.unknown()),
})

const issueOf = (error: z.ZodError): Message => issueMessage(error.issues[0])

function finishBody(raw: string | z.infer<typeof RichParagraphSchema>[]): SnippetBody {
  if (typeof raw === 'string') return bodyFromText(sanitizeText(raw))
  // rich paragraphs: text that spells {{名称}} becomes a field too (a hand-written file)
  return normalizeBody(raw.map((p) => parseFieldRuns(p.map((i) => (i.type === 'text' ? { ...i, text: sanitizeText(i.text) } : i)))))
}

export function parseSnippetJson(text: string): ParsedImport {
  const result: ParsedImport = { format: 'json', items: [], categories: [], problems: [] }
  let parsed: { value: unknown; lineOf: WeakMap<object, number> }
  try {
    parsed = parseJsonWithLines(text)
  } catch (err) {
    if (err instanceof JsonSyntaxError) result.problems.push(lineProblem(err.line, msg('snippetFile.badJson', { line: err.line }, { reason: err.reason })))
    else throw err
    return result
  }
  const file = FileSchema.safeParse(parsed.value)
  if (!file.success) {
    result.problems.push(lineProblem(1, msg('snippetFile.notSnippetFile', { format: SNIPPET_FILE_FORMAT }, { reason: issueOf(file.error) })))
    return result
  }
  result.categories = (file.data.categories ?? []).map(normalizeCategoryPath).filter((p): p is string => p !== null)
  file.data.snippets.forEach((raw, index) => {
    const line = (typeof raw === 'object' && raw !== null ? parsed.lineOf.get(raw) : undefined) ?? 1
    const s = FileSnippetSchema.safeParse(raw)
    if (!s.success) {
      result.problems.push(lineProblem(line, msg('snippetFile.entryInvalid', { index: index + 1, line }, { reason: issueOf(s.error) })))
      return
    }
    const body = finishBody(s.data.body)
    const checked = SnippetBodySchema.safeParse(body)
    if (!checked.success || body.length === 0) {
      result.problems.push(
        lineProblem(line, body.length === 0 ? msg('snippetFile.entryEmpty', { index: index + 1, line }) : msg('snippetFile.entryInvalid', { index: index + 1, line }, { reason: issueOf(checked.error!) })),
      )
      return
    }
    const item: ImportItem = {
      line,
      title: sanitizeText(s.data.title ?? '').trim() || proposeTitle(bodyToText(body)),
      category: normalizeCategoryPath(s.data.category),
      tags: (s.data.tags ?? []).map((t) => sanitizeText(t).trim()).filter(Boolean),
      body,
    }
    if (s.data.uid) item.uid = s.data.uid
    if (s.data.createdAt !== undefined) item.createdAt = s.data.createdAt
    if (s.data.updatedAt !== undefined) item.updatedAt = s.data.updatedAt
    if (s.data.useCount !== undefined) item.useCount = s.data.useCount
    if (s.data.lastUsedAt !== undefined) item.lastUsedAt = s.data.lastUsedAt
    if (s.data.source !== undefined) item.source = s.data.source
    result.items.push(item)
  })
  return result
}

export function parseSnippetCsv(text: string): ParsedImport {
  const result: ParsedImport = { format: 'csv', items: [], categories: [], problems: [] }
  const { records, problems } = parseCsv(sanitizeText(text))
  result.problems.push(...problems.map((p) => lineProblem(p.line, p.problem)))
  const header = records[0]
  if (!header) {
    if (problems.length === 0) result.problems.push(lineProblem(1, msg('snippetFile.empty')))
    return result
  }
  const columns: CsvColumns | null = csvHeaderProblem(header.cells)
  if (!columns) {
    result.problems.push(lineProblem(header.line, msg('snippetFile.noBodyColumn')))
    return result
  }
  for (const r of records.slice(1)) {
    if (r.cells.length > header.cells.length) {
      result.problems.push(lineProblem(r.line, msg('snippetFile.tooManyCells', { line: r.line, cells: r.cells.length, columns: header.cells.length })))
      continue
    }
    const get = (i: number | undefined) => (i === undefined ? '' : unguardCell(r.cells[i] ?? '').trim())
    const body = bodyFromText(get(columns.body))
    if (body.length === 0) {
      result.problems.push(lineProblem(r.line, msg('snippetFile.rowEmpty', { line: r.line })))
      continue
    }
    const checked = SnippetBodySchema.safeParse(body)
    if (!checked.success) {
      result.problems.push(lineProblem(r.line, msg('snippetFile.rowInvalid', { line: r.line }, { reason: issueOf(checked.error) })))
      continue
    }
    const title = get(columns.title).slice(0, LIMITS.title)
    result.items.push({
      line: r.line,
      title: title || proposeTitle(bodyToText(body)),
      category: normalizeCategoryPath(get(columns.category)),
      tags: splitTags(get(columns.tags)),
      body,
    })
  }
  return result
}

/** By the file name's extension, or by a look at the content when there is none. */
export function parseSnippetFile(name: string, text: string): ParsedImport {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase()
  if (ext === 'json') return parseSnippetJson(text)
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return parseSnippetCsv(text)
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? parseSnippetJson(text) : parseSnippetCsv(text)
}

/** Paths of every category, parents before children, in tree order. */
export function categoryPaths(categories: readonly Category[]): Map<number, string> {
  const byId = new Map(categories.map((c) => [c.id, c]))
  const paths = new Map<number, string>()
  const pathOf = (c: Category, depth = 0): string => {
    const known = paths.get(c.id)
    if (known !== undefined) return known
    const parent = c.parentId !== null ? byId.get(c.parentId) : undefined
    const p = parent && depth < 32 ? `${pathOf(parent, depth + 1)}/${c.name}` : c.name
    paths.set(c.id, p)
    return p
  }
  for (const c of categories) pathOf(c)
  return paths
}

export function snippetsToJson(snippets: readonly Snippet[], categories: readonly Category[]): string {
  const paths = categoryPaths(categories)
  const ordered = [...categories].sort((a, b) => (paths.get(a.id)! < paths.get(b.id)! ? -1 : 1))
  const file = {
    format: SNIPPET_FILE_FORMAT,
    version: 1,
    categories: ordered.map((c) => paths.get(c.id)!),
    snippets: snippets.map((s) => ({
      uid: s.uid,
      title: s.title,
      category: s.categoryId !== null ? (paths.get(s.categoryId) ?? null) : null,
      tags: s.tags,
      body: s.body,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      useCount: s.useCount,
      lastUsedAt: s.lastUsedAt,
      source: s.source,
    })),
  }
  return JSON.stringify(file, null, 2) + '\n'
}

export function snippetsToCsv(snippets: readonly Snippet[], categories: readonly Category[]): string {
  const paths = categoryPaths(categories)
  return toCsv([
    ['title', 'category', 'tags', 'body'],
    ...snippets.map((s) => [s.title, s.categoryId !== null ? (paths.get(s.categoryId) ?? '') : '', s.tags.join(';'), bodyToText(s.body)]),
  ])
}
