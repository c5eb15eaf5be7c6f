/** Files named on the command line: read whole, after checking they exist and are not too large. */
import fs from 'node:fs'
import path from 'node:path'
import { CliError } from './print'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export interface InputFile {
  /** the file's name without its folder (what the API is told) */
  name: string
  bytes: Buffer
  base64(): string
}

/** Reads `file`; a missing file, or one over `maxBytes`, is refused before anything is read. */
export function readInputFile(file: string, maxBytes?: number): InputFile {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat?.isFile()) throw new CliError(`找不到文件 / no such file: ${file}`)
  if (maxBytes !== undefined && stat.size > maxBytes)
    throw new CliError(`文件太大（${mb(stat.size)}），不能超过 ${mb(maxBytes)} / the file is too large (${mb(stat.size)}; the limit is ${mb(maxBytes)}): ${file}`)
  const bytes = fs.readFileSync(file)
  return { name: path.basename(file), bytes, base64: () => bytes.toString('base64') }
}
