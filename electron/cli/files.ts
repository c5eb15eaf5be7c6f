/** Files named on the command line: read whole, after checking they exist and are not too large. */
import fs from 'node:fs'
import path from 'node:path'
import { ApiError, IMPORT_MAX_BYTES, SHEET_MAX_BYTES, SNIPPET_FILE_MAX_BYTES } from '../../shared/api'
import { msg, type Message } from '../../shared/errors'
import { t } from './options'
import { CliError } from './print'

const inMb = (bytes: number): number => bytes / 2 ** 20
const mb = (bytes: number): string => `${inMb(bytes).toFixed(1)} MB`

/**
 * How large a file a command takes, and the refusal of a larger one: the app's own, so that the
 * CLI and the app say the same thing about the same file.
 */
export interface SizeLimit {
  maxBytes: number
  refusal(size: number): Message
}

/** documents.import refuses the same way (electron/services/import). */
export const IMPORT_LIMIT: SizeLimit = { maxBytes: IMPORT_MAX_BYTES, refusal: (size) => msg('import.tooLarge', { size: mb(size), limit: mb(IMPORT_MAX_BYTES) }) }
/** figures.import (readSheet) refuses the same way. */
export const SHEET_LIMIT: SizeLimit = { maxBytes: SHEET_MAX_BYTES, refusal: () => msg('sheet.tooLarge', { limit: inMb(SHEET_MAX_BYTES) }) }
/** The API's base64 cap on snippet files says the same. */
export const SNIPPET_FILE_LIMIT: SizeLimit = { maxBytes: SNIPPET_FILE_MAX_BYTES, refusal: () => msg('input.fileTooLarge', { limit: Math.round(inMb(SNIPPET_FILE_MAX_BYTES) * 10) / 10 }) }

export interface InputFile {
  /** the file's name without its folder (what the API is told) */
  name: string
  bytes: Buffer
  base64(): string
}

/** Reads `file`; a missing file, or one over the limit, is refused before anything is read. */
export function readInputFile(file: string, limit?: SizeLimit): InputFile {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat?.isFile()) throw new CliError(t(`找不到文件：${file}`, `no such file: ${file}`))
  if (limit && stat.size > limit.maxBytes) throw new ApiError(limit.refusal(stat.size))
  const bytes = fs.readFileSync(file)
  return { name: path.basename(file), bytes, base64: () => bytes.toString('base64') }
}
