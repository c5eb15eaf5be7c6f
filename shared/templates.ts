/**
 * Document templates (模板): the skeleton of a work summary, written by us, to start a new document
 * from. Each is a SummaryDocument in resources/templates/<id>.json — title, an opening paragraph
 * ending "……总结如下：", the four standard level-1 sections (基本情况 / 主要工作及成效 / 存在的问题 /
 * 下一步工作打算) with run-in level-2 headings, and unfilled figures (`value: null`) where the
 * writer's numbers and names go. The signature has an empty organization and no date.
 *
 * Loading: `loadTemplate(id)` imports the JSON lazily with a dynamic `import(…, { with: { type:
 * 'json' } })`. That one line works everywhere the code runs: Vite bundles it for the renderer (a
 * small chunk per template), esbuild inlines it into the Node bundles, vitest and tsx resolve it
 * directly, and TypeScript types it through `resolveJsonModule`. The JSON is validated with
 * SummaryDocumentSchema on every load, and each call returns a fresh copy the caller may change.
 * Tools that would rather read the files themselves (fs) find them at `templateFile(id)` from
 * the repository root, and validate with `parseTemplate`.
 */
import { describeSchemaError, SummaryDocumentSchema, type SummaryDocument } from './document/model'

export const TEMPLATE_IDS = ['annual', 'half-year', 'special', 'civilization'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export interface TemplateInfo {
  id: TemplateId
  /** shown in the new-document picker */
  name: string
  description: string
}

export const TEMPLATES: readonly TemplateInfo[] = [
  { id: 'annual', name: '年度工作总结', description: '单位全年工作的总结：基本情况、主要工作及成效、存在的问题、下一步工作打算。' },
  { id: 'half-year', name: '半年工作总结', description: '上半年工作进展与下半年安排，突出“时间过半、任务过半”的完成情况。' },
  { id: 'special', name: '专项工作总结', description: '某项专项工作或专项整治的总结：部署、宣传、排查整改和长效机制。' },
  { id: 'civilization', name: '创建工作总结', description: '文明城市等创建活动的总结：创建机制、宣传氛围、环境整治和文明风尚。' },
]

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}

/** The template's file, relative to the repository root (and to the app's resources folder). */
export function templateFile(id: TemplateId): string {
  return `resources/templates/${id}.json`
}

interface JsonModule { default: unknown }

const LOADERS: Record<TemplateId, () => Promise<JsonModule>> = {
  annual: () => import('../resources/templates/annual.json', { with: { type: 'json' } }),
  'half-year': () => import('../resources/templates/half-year.json', { with: { type: 'json' } }),
  special: () => import('../resources/templates/special.json', { with: { type: 'json' } }),
  civilization: () => import('../resources/templates/civilization.json', { with: { type: 'json' } }),
}

export class TemplateError extends Error {
  constructor(readonly templateId: string, message: string) {
    super(`template ${templateId}: ${message}`)
    this.name = 'TemplateError'
  }
}

/**
 * Validates a template's JSON: a SummaryDocument whose figure references all name a figure of its
 * own. Returns a new object (zod copies), so the caller may change it freely.
 */
export function parseTemplate(id: string, raw: unknown): SummaryDocument {
  const parsed = SummaryDocumentSchema.safeParse(raw)
  if (!parsed.success) throw new TemplateError(id, describeSchemaError(parsed.error))
  const doc = parsed.data
  const figureIds = new Set(doc.figures.map((f) => f.id))
  for (const ref of figureReferences(doc)) {
    if (!figureIds.has(ref)) throw new TemplateError(id, `figure reference "${ref}" has no figure`)
  }
  return doc
}

/** The template as a new document (a fresh copy on every call). */
export async function loadTemplate(id: TemplateId): Promise<SummaryDocument> {
  const loader = LOADERS[id]
  if (!loader) throw new TemplateError(String(id), 'unknown template')
  const module = await loader()
  return parseTemplate(id, module.default)
}

/** Every figure id the document's text refers to, in reading order (repeats included). */
export function figureReferences(doc: SummaryDocument): string[] {
  const refs: string[] = []
  const scan = (inlines: readonly { type: string; figureId?: string }[]) => {
    for (const i of inlines) if (i.type === 'figure' && i.figureId) refs.push(i.figureId)
  }
  for (const b of doc.blocks) {
    if (b.type === 'heading') { scan(b.title); if (b.body) scan(b.body) }
    else if (b.type === 'paragraph') scan(b.children)
    else if (b.type === 'table') for (const row of b.rows) for (const cell of row) scan(cell)
  }
  return refs
}
