/** The 素材库 (snippet library): search, edit, categories, import/export, harvest. */
import { z } from 'zod'
import { CategorySchema, LIMITS, SnippetBodySchema, SnippetDraftSchema, SnippetHitSchema, SnippetSchema } from '../snippets/model'
import { Base64, DocumentIdSchema, Ok, type Contract } from './common'
import { MessageSchema } from '../errors/message'

const SnippetIdSchema = z.number().int().positive()
const CategoryIdSchema = z.number().int().positive()

/** Largest snippet file (import) or harvested file, in bytes. */
export const SNIPPET_FILE_MAX_BYTES = 20 * 1024 * 1024
const SnippetFileSchema = Base64(SNIPPET_FILE_MAX_BYTES)

export const SnippetSearchResultSchema = z.strictObject({
  hits: z.array(SnippetHitSchema),
  total: z.number().int().nonnegative(),
  more: z.boolean(),
})
export type SnippetSearchResult = z.infer<typeof SnippetSearchResultSchema>

/** A problem of one line of an imported file. */
const LineProblemSchema = z.strictObject({ line: z.number().int().positive(), problem: MessageSchema })

export const SnippetImportReportSchema = z.strictObject({
  format: z.enum(['json', 'csv']),
  /** snippets read without a problem */
  valid: z.number().int().nonnegative(),
  problems: z.array(LineProblemSchema),
  /** `existing`: the title of the snippet it repeats, in the library or (inFile) earlier in the file */
  duplicates: z.array(z.strictObject({ line: z.number().int(), title: z.string(), existing: z.string(), inFile: z.boolean() })),
  committed: z.boolean(),
  imported: z.number().int().nonnegative(),
  skippedDuplicates: z.number().int().nonnegative(),
  categoriesCreated: z.number().int().nonnegative(),
})
export type SnippetImportReport = z.infer<typeof SnippetImportReportSchema>

export const HarvestGroupSchema = z.strictObject({
  key: z.string(),
  title: z.string(),
  category: z.string(),
  body: SnippetBodySchema,
  text: z.string(),
  documents: z.number().int().nonnegative(),
  members: z.array(z.strictObject({ source: z.number().int().nonnegative(), text: z.string() })),
  /** a snippet with the same words is already in the 素材库 */
  inLibrary: z.boolean(),
})
export type HarvestGroupResult = z.infer<typeof HarvestGroupSchema>

export const snippetsContract = {
  /** Search as you type: every term matches (title, tags or body), best first; '' lists the most used. */
  'snippets.search': {
    input: z.strictObject({
      query: z.string().max(200),
      categoryId: CategoryIdSchema.nullable().optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output: SnippetSearchResultSchema,
  },
  'snippets.get': { input: z.strictObject({ id: SnippetIdSchema }), output: SnippetSchema },
  'snippets.create': { input: SnippetDraftSchema, output: SnippetSchema },
  'snippets.update': { input: z.strictObject({ id: SnippetIdSchema, draft: SnippetDraftSchema }), output: SnippetSchema },
  'snippets.delete': { input: z.strictObject({ ids: z.array(SnippetIdSchema).min(1).max(10_000) }), output: z.strictObject({ deleted: z.number().int() }) },
  /** The writer inserted it: one more use, last used now (ranks it higher). */
  'snippets.use': { input: z.strictObject({ id: SnippetIdSchema }), output: z.strictObject({ useCount: z.number().int(), lastUsedAt: z.number() }) },
  'snippets.categories': { input: z.strictObject({}), output: z.array(CategorySchema) },
  'snippets.category.create': {
    input: z.strictObject({ name: z.string().max(LIMITS.categoryName), parentId: CategoryIdSchema.nullable() }),
    output: CategorySchema,
  },
  'snippets.category.rename': { input: z.strictObject({ id: CategoryIdSchema, name: z.string().max(LIMITS.categoryName) }), output: CategorySchema },
  'snippets.category.move': {
    input: z.strictObject({ id: CategoryIdSchema, parentId: CategoryIdSchema.nullable(), beforeId: CategoryIdSchema.nullable().optional() }),
    output: z.array(CategorySchema),
  },
  /** Its snippets (and those of its subcategories) move up to its parent. */
  'snippets.category.delete': { input: z.strictObject({ id: CategoryIdSchema }), output: Ok },
  /**
   * A .json or .csv snippet file. Without `commit` it is only read and checked (problems by line,
   * duplicates). With `commit` it is imported in one transaction — refused while it has problems,
   * unless `acceptInvalid` (the writer confirmed importing the rows without problems).
   */
  'snippets.import': {
    input: z.strictObject({
      name: z.string().min(1).max(260),
      dataBase64: SnippetFileSchema,
      commit: z.boolean(),
      skipDuplicates: z.boolean().optional(),
      acceptInvalid: z.boolean().optional(),
    }),
    output: SnippetImportReportSchema,
  },
  'snippets.export': {
    input: z.strictObject({ format: z.enum(['json', 'csv']), categoryId: CategoryIdSchema.nullable().optional() }),
    output: z.strictObject({ name: z.string(), text: z.string(), count: z.number().int() }),
  },
  /** 收集素材: stock paragraphs from documents of the 文稿库 and from files, near-duplicates grouped. */
  'snippets.harvest': {
    input: z.strictObject({
      documentIds: z.array(DocumentIdSchema).max(2000),
      files: z.array(z.strictObject({ name: z.string().min(1).max(260), dataBase64: SnippetFileSchema })).max(200),
    }),
    output: z.strictObject({
      sources: z.array(z.strictObject({ title: z.string(), documentId: z.string().optional() })),
      paragraphs: z.number().int(),
      groups: z.array(HarvestGroupSchema),
      /** sources that could not be read, and why */
      problems: z.array(MessageSchema),
    }),
  },
  /**
   * The team's 素材库 as the renderer's connection to the team server sees it: entries written and
   * keys removed (full: the batch is the whole map; what is not in it goes). Each entry is checked
   * here (a malformed one is skipped and counted); the local mirror is searched with the personal
   * snippets.
   */
  'snippets.teamSync': {
    input: z.strictObject({
      upserts: z.array(z.strictObject({ id: z.string().max(200), entry: z.unknown() })).max(100_000),
      removals: z.array(z.string().max(200)).max(100_000),
      full: z.boolean().optional(),
    }),
    output: z.strictObject({ upserted: z.number().int(), removed: z.number().int(), skipped: z.number().int(), total: z.number().int() }),
  },
  /** Puts back the starter snippets the writer removed. */
  'snippets.restoreStarter': { input: z.strictObject({}), output: z.strictObject({ added: z.number().int() }) },
} as const satisfies Contract
