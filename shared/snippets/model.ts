/**
 * The snippet (素材) model: what the library stores, the API carries and the JSON exchange
 * format writes. A snippet's body is the document model's inline content, one inline list per
 * paragraph, where a field (`{{单位名称}}`) is a named placeholder that becomes a figure reference
 * in the document it is inserted into (see toBlocks.ts).
 */
import { z } from 'zod'
import { TextInlineSchema } from '../document/model'

/** Longest field name, snippet title, tag; most tags, paragraphs and characters of one body. */
export const LIMITS = {
  fieldName: 30,
  title: 200,
  tag: 30,
  tags: 20,
  paragraphs: 200,
  bodyCharacters: 20_000,
  categoryName: 40,
} as const

export const FieldInlineSchema = z.strictObject({
  type: z.literal('field'),
  name: z.string().min(1).max(LIMITS.fieldName),
})
export type FieldInline = z.infer<typeof FieldInlineSchema>

export const SnippetInlineSchema = z.discriminatedUnion('type', [TextInlineSchema, FieldInlineSchema])
export type SnippetInline = z.infer<typeof SnippetInlineSchema>

/** Paragraphs → inline content. */
export const SnippetBodySchema = z
  .array(z.array(SnippetInlineSchema))
  .max(LIMITS.paragraphs)
  .refine((body) => body.reduce((n, p) => n + p.reduce((m, i) => m + (i.type === 'text' ? i.text.length : i.name.length + 4), 0), 0) <= LIMITS.bodyCharacters, {
    message: 'snippets.bodyTooLong',
    params: { limit: LIMITS.bodyCharacters },
  })
export type SnippetBody = z.infer<typeof SnippetBodySchema>

/** Where a snippet came from: a document of the library, or a file (harvest, save from selection). */
export const SnippetSourceSchema = z.strictObject({
  documentId: z.string().max(64).optional(),
  title: z.string().max(300),
})
export type SnippetSource = z.infer<typeof SnippetSourceSchema>

const TagSchema = z.string().trim().min(1).max(LIMITS.tag)
export const SnippetTagsSchema = z.array(TagSchema).max(LIMITS.tags)

export const SnippetSchema = z.strictObject({
  id: z.number().int().positive(),
  /** stable across export and import: how duplicates and the starter set are recognised */
  uid: z.string().min(1).max(64),
  title: z.string().max(LIMITS.title),
  categoryId: z.number().int().positive().nullable(),
  tags: SnippetTagsSchema,
  body: SnippetBodySchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  useCount: z.number().int().nonnegative(),
  lastUsedAt: z.number().nullable(),
  source: SnippetSourceSchema.nullable(),
  /** a snippet of the team's 素材库 (mirrored from the team server; shared/team/snippets.ts) */
  team: z
    .strictObject({
      /** its key in the team's map */
      id: z.string().max(64),
      /** who last wrote it */
      by: z.string().max(100),
      /** its category as a path of names (categories are each writer's own) */
      category: z.string(),
    })
    .optional(),
})
export type Snippet = z.infer<typeof SnippetSchema>

/**
 * Local ids of team snippets start above this (migration 0007): one number names a snippet of
 * either library in the panel, the picker, a drag and snippets.use / snippets.get.
 */
export const TEAM_SNIPPET_ID_BASE = 2 ** 40
export const isTeamSnippetId = (id: number): boolean => id > TEAM_SNIPPET_ID_BASE

/** What the writer sets when creating or editing a snippet. */
export const SnippetDraftSchema = z.strictObject({
  title: z.string().trim().max(LIMITS.title),
  categoryId: z.number().int().positive().nullable(),
  tags: SnippetTagsSchema,
  body: SnippetBodySchema,
  source: SnippetSourceSchema.nullable().optional(),
})
export type SnippetDraft = z.infer<typeof SnippetDraftSchema>

export const CategorySchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1).max(LIMITS.categoryName),
  parentId: z.number().int().positive().nullable(),
  position: z.number().int(),
  /** snippets filed directly under this category */
  count: z.number().int().nonnegative(),
})
export type Category = z.infer<typeof CategorySchema>

/**
 * The categories a new library starts with, in this order: the parts of a 工作总结 in the order it
 * is written (opening, the leaders' attention, publicity, measures, results, problems, next steps,
 * closing), so the panel lists them as the writer goes through the summary.
 */
export const DEFAULT_CATEGORIES = ['开头', '领导重视', '宣传发动', '工作措施', '工作成效', '存在问题', '下步打算', '结尾'] as const

/** One search result: the snippet, and where the query matched (for ranking and highlighting). */
export const SnippetHitSchema = SnippetSchema.extend({
  matched: z.enum(['title', 'tags', 'body', 'none']),
  /** which 素材库 it is from: the writer's own, or the team's (shown with a 团队 mark) */
  library: z.enum(['personal', 'team']),
})
export type SnippetHit = z.infer<typeof SnippetHitSchema>
