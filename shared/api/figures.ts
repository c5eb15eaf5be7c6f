/**
 * The figure table (数据表): listing and setting figures of a stored document (the CLI), reading and
 * writing spreadsheets (the panel's import and export; the .xlsx container is handled by the
 * service).
 */
import { z } from 'zod'
import { FigureSchema } from '../document/model'
import { MessageSchema } from '../errors/message'
import { Base64, base64Length, DocumentIdSchema, type Contract } from './common'

/** Largest spreadsheet accepted for import (bytes), and its base64 length. */
export const SHEET_MAX_BYTES = 5 * 1024 * 1024
export const SHEET_MAX_BASE64 = base64Length(SHEET_MAX_BYTES)
const SheetFileSchema = Base64(SHEET_MAX_BYTES)

/** A figure as `figures list` prints it: the stored figure plus what it shows and how often. */
export const FigureListItemSchema = z.strictObject({
  figure: FigureSchema,
  /** the text references show ("1000余份", "〔会议次数〕") */
  text: z.string(),
  unfilled: z.boolean(),
  /** the computed value of a formula figure */
  computed: z.union([z.number(), z.string(), z.null()]).optional(),
  /** why the figure shows its marker (its formula fails…) */
  problem: MessageSchema.optional(),
  uses: z.number().int().nonnegative(),
  /** 同比: "同比增长12.5%，增加3个" */
  comparison: z.string().optional(),
})
export type FigureListItem = z.infer<typeof FigureListItemSchema>

const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const figuresContract = {
  'figures.list': {
    input: z.strictObject({ id: DocumentIdSchema }),
    output: z.array(FigureListItemSchema),
  },
  /** Sets a figure's value the way the table does ("300余份", "九", "" to clear); `create` adds a missing one. */
  'figures.set': {
    input: z.strictObject({ id: DocumentIdSchema, name: z.string().min(1).max(100), value: z.string().max(200), create: z.boolean().optional() }),
    output: z.strictObject({ item: FigureListItemSchema, created: z.boolean() }),
  },
  /** A .xlsx or .csv → the import plan (preview lines); with `apply`, the plan is stored. */
  'figures.import': {
    input: z.strictObject({ id: DocumentIdSchema, name: z.string().min(1).max(260), dataBase64: SheetFileSchema, apply: z.boolean() }),
    output: z.strictObject({
      /** the preview, one message per line */
      messages: z.array(MessageSchema),
      applied: z.boolean(),
      update: z.number().int(),
      create: z.number().int(),
      skipped: z.number().int(),
      /** why the sheet cannot be imported at all */
      fatal: MessageSchema.optional(),
    }),
  },
  /** The rows of a spreadsheet file (first sheet), for the panel's import preview. */
  'figures.readSheet': {
    input: z.strictObject({ name: z.string().min(1).max(260), dataBase64: SheetFileSchema }),
    output: z.strictObject({ rows: z.array(z.array(CellSchema)) }),
  },
  /** The figure table as a .xlsx or .csv file. */
  'figures.exportSheet': {
    input: z.strictObject({
      figures: z.array(FigureSchema),
      uses: z.record(z.string(), z.number()).optional(),
      format: z.enum(['xlsx', 'csv']),
      title: z.string().max(500),
    }),
    output: z.strictObject({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
} as const satisfies Contract
