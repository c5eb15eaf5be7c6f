/**
 * The SummaryDocument model: the one format DraftDesk stores, exports and prints from the CLI.
 * Versioned and validated with zod at every boundary (IPC, HTTP, SQLite, files).
 * Heading numbers are never part of it: they are derived from heading levels (see numbering.ts).
 */
import { z } from 'zod'

export const MODEL_VERSION = 1 as const

export const TextInlineSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string(),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  underline: z.literal(true).optional(),
})
export type TextInline = z.infer<typeof TextInlineSchema>

export const FigureRefInlineSchema = z.strictObject({
  type: z.literal('figure'),
  figureId: z.string().min(1),
})
export type FigureRefInline = z.infer<typeof FigureRefInlineSchema>

export const InlineSchema = z.discriminatedUnion('type', [TextInlineSchema, FigureRefInlineSchema])
export type Inline = z.infer<typeof InlineSchema>

export const HeadingLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
export type HeadingLevel = z.infer<typeof HeadingLevelSchema>

export const HeadingBlockSchema = z.strictObject({
  type: z.literal('heading'),
  level: HeadingLevelSchema,
  title: z.array(InlineSchema),
  /** Present when the heading runs in: its body text shares the heading's paragraph. */
  body: z.array(InlineSchema).optional(),
})
export const ParagraphBlockSchema = z.strictObject({
  type: z.literal('paragraph'),
  children: z.array(InlineSchema),
})
export const TableBlockSchema = z.strictObject({
  type: z.literal('table'),
  /** rows → cells → inline content of the cell */
  rows: z.array(z.array(z.array(InlineSchema))),
})
export const FigureTableBlockSchema = z.strictObject({ type: z.literal('figureTable') })
export const PageBreakBlockSchema = z.strictObject({ type: z.literal('pageBreak') })

export const BlockSchema = z.discriminatedUnion('type', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  TableBlockSchema,
  FigureTableBlockSchema,
  PageBreakBlockSchema,
])
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>
export type TableBlock = z.infer<typeof TableBlockSchema>
export type Block = z.infer<typeof BlockSchema>

export const QUALIFIERS = ['余', '多', '近', '约', '以上'] as const
export const FigureSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  /** null = unfilled (an imported "xx", a new field) */
  value: z.union([z.number().finite(), z.string(), z.null()]),
  unit: z.string().optional(),
  qualifier: z.enum(QUALIFIERS).optional(),
  /** arabic 1000 · grouped 1,000 · chinese 九 · wan 1.2万 / 3亿 (万/亿 scaling) */
  style: z.enum(['arabic', 'grouped', 'chinese', 'wan']).optional(),
  formula: z.string().optional(),
  lastYear: z.number().finite().optional(),
  note: z.string().optional(),
  /** the placeholder text it came from, e.g. "xx" */
  original: z.string().optional(),
})
export type Figure = z.infer<typeof FigureSchema>

/** ISO calendar date, yyyy-mm-dd */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be yyyy-mm-dd')

/**
 * The 落款's date: an ISO day, or an ISO month (yyyy-mm) for a 落款 dated by month only ("2025年12月"),
 * printed as written: the writer never gave a day, so none is made up.
 */
export const SignatureDateSchema = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'date must be yyyy-mm-dd or yyyy-mm')

export const SignatureSchema = z.strictObject({
  organization: z.string(),
  date: SignatureDateSchema.optional(),
  dateStyle: z.enum(['arabic', 'chinese']),
  sealAssetId: z.string().optional(),
  signatureAssetId: z.string().optional(),
})
export type Signature = z.infer<typeof SignatureSchema>

/**
 * How the writer's heading numbers look where GB/T 9704 leaves a common variant: "(一)" with
 * half-width brackets at level 2, "1、" or "1．" at level 3, "(1)" at level 4. Absent (or a level
 * absent) = the GB/T form 一、 （一） 1. （1）. Imported text sets it from what the writer typed, so
 * the derived numbers are the typed ones. Long reports number their top levels in words: level 1
 * 第一章 or 第一部分, level 2 第一节 (printed with a full-width space before the heading text).
 * Added without a version bump: an optional field, every earlier document reads as GB/T.
 */
export const LEVEL1_MARKERS = ['一、', '第一章', '第一部分'] as const
export const LEVEL2_MARKERS = ['（一）', '(一)', '第一节'] as const
export const LEVEL3_MARKERS = ['1.', '1、', '1．'] as const
/** ⑴ counts to ⒇ in one character; from 21 on it prints (21). */
export const LEVEL4_MARKERS = ['（1）', '(1)', '⑴', '1)', '1）'] as const
export const NumberingStyleSchema = z.strictObject({
  level1: z.enum(LEVEL1_MARKERS).optional(),
  level2: z.enum(LEVEL2_MARKERS).optional(),
  level3: z.enum(LEVEL3_MARKERS).optional(),
  level4: z.enum(LEVEL4_MARKERS).optional(),
})
export type NumberingStyle = z.infer<typeof NumberingStyleSchema>

export const SummaryDocumentSchema = z.strictObject({
  version: z.literal(MODEL_VERSION),
  title: z.string(),
  subtitle: z.string().optional(),
  blocks: z.array(BlockSchema),
  figures: z.array(FigureSchema),
  signature: SignatureSchema.optional(),
  /** heading number variants; absent = GB/T 9704 (see NumberingStyleSchema) */
  numbering: NumberingStyleSchema.optional(),
})
export type SummaryDocument = z.infer<typeof SummaryDocumentSchema>

export function emptyDocument(title = ''): SummaryDocument {
  return { version: MODEL_VERSION, title, blocks: [{ type: 'paragraph', children: [] }], figures: [] }
}

/** Human-readable one-line summary of why a value is not a valid document. */
export function describeSchemaError(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'invalid document'
  const where = first.path.length ? first.path.join('.') : '(root)'
  return `${where}: ${first.message}`
}
