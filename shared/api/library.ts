/**
 * The 文稿库 (document library): the one SQLite file holding the documents, their revisions and
 * 定稿, the 素材库 (snippets) and the seal and signature images. Which file is open, and opening
 * another — chosen by the writer in the desktop app's own file dialog: no method takes a path
 * from the page.
 */
import { z } from 'zod'
import { MessageSchema } from '../errors/message'
import { Empty, type Contract } from './common'

export const LibraryInfoSchema = z.discriminatedUnion('state', [
  // readOnly: the file or its folder cannot be written; saves are refused with storage.readOnly
  z.strictObject({ state: z.literal('open'), path: z.string(), documents: z.number(), readOnly: z.literal(true).optional() }),
  z.strictObject({ state: z.literal('unavailable'), path: z.string(), problem: MessageSchema }),
])
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>

export const libraryContract = {
  'library.info': { input: Empty, output: LibraryInfoSchema },
  /**
   * Open another 文稿库 file (`create`: a new one, never overwriting a file), chosen in the desktop
   * app's file dialog, shown by the main process. null: the dialog was cancelled. A file that does
   * not open is refused and the open library stays open. The browser shell has no dialog: it
   * refuses (library.noDialog) and serves the library of its --data-dir.
   */
  'library.choose': {
    input: z.strictObject({ create: z.boolean() }),
    output: LibraryInfoSchema.nullable(),
  },
} as const satisfies Contract
