/**
 * Backups of the 文稿库 (docs/storage.md): the list, a backup now, restoring one, and salvaging a
 * damaged library. A backup is named by its id from the list, never by a path: the renderer cannot
 * point the back end at an arbitrary file.
 */
import { z } from 'zod'
import { MessageSchema } from '../errors/message'
import { Empty, type Contract } from './common'
import { LibraryInfoSchema } from './library'

/** A backup's id: its file name in the backups folder (letters, digits, - and .; no path). */
export const BackupIdSchema = z.string().regex(/^[\w.-]{1,200}\.sqlite$/, 'input.invalid')

export const BackupKindSchema = z.enum(['daily', 'quit', 'manual', 'migration', 'restore'])
export type BackupKind = z.infer<typeof BackupKindSchema>

export const BackupSummarySchema = z.strictObject({
  id: BackupIdSchema,
  /** when it was taken (ms since 1970) */
  createdAt: z.number(),
  /** why: the first quiet moment of a day, closing the app, 立即备份, before a migration, before a restore */
  kind: BackupKindSchema,
  bytes: z.number(),
  documents: z.number(),
  snippets: z.number(),
  /** why it could not be restored (not a library, newer schema…), when it is so */
  problem: MessageSchema.optional(),
})
export type BackupSummary = z.infer<typeof BackupSummarySchema>

export const BackupListSchema = z.strictObject({
  /** the backups folder beside the library */
  folder: z.string(),
  /** newest first */
  backups: z.array(BackupSummarySchema),
  /** the last automatic backup failed, and why (until one succeeds) */
  lastError: MessageSchema.optional(),
})

export const RestoreResultSchema = z.strictObject({
  library: LibraryInfoSchema,
  restored: BackupSummarySchema,
  /** the backup of the library as it was just before (null when it could not be opened: then it was moved aside) */
  safety: BackupSummarySchema.nullable(),
  /** where a library that could not be opened (damaged, foreign, newer) was moved, unchanged, to make room */
  keptAside: z.string().nullable(),
})

export const SalvageResultSchema = z.strictObject({
  library: LibraryInfoSchema,
  /** the new library file holding what was read */
  path: z.string(),
  documents: z.number(),
  /** of those, documents rebuilt from their newest revision */
  rebuilt: z.number(),
  revisions: z.number(),
  snippets: z.number(),
  /** records found but unreadable */
  lost: z.number(),
})

export const backupsContract = {
  'backups.list': { input: Empty, output: BackupListSchema },
  /** 立即备份 */
  'backups.create': { input: Empty, output: BackupSummarySchema },
  /**
   * Replace the library with a backup: the backup is checked first (a library, intact, not from a
   * newer version), the current library is backed up (or, when damaged, moved aside), then swapped.
   * Without an id: the newest backup that passes the checks.
   */
  'backups.restore': { input: z.strictObject({ id: BackupIdSchema.optional() }), output: RestoreResultSchema },
  /** A library that cannot be opened: every readable document and snippet into a new library beside it. */
  'library.salvage': { input: Empty, output: SalvageResultSchema },
} as const satisfies Contract
