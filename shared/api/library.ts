/**
 * The 文稿库 (document library): the one SQLite file holding the documents, their revisions and
 * 定稿, the 素材库 (snippets) and the seal and signature images. Which file is open, and opening
 * another.
 */
import { z } from 'zod'
import { MessageSchema } from '../errors/message'
import { Empty, type Contract } from './common'

export const LibraryInfoSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('open'), path: z.string(), documents: z.number() }),
  z.strictObject({ state: z.literal('unavailable'), path: z.string(), problem: MessageSchema }),
])
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>

export const libraryContract = {
  'library.info': { input: Empty, output: LibraryInfoSchema },
  /** Open another 文稿库 file, or create a fresh one at path (never overwriting a file). */
  'library.open': {
    input: z.strictObject({ path: z.string().min(1), create: z.boolean() }),
    output: LibraryInfoSchema,
  },
} as const satisfies Contract
