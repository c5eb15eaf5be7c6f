/**
 * Writes a file so that a failure never leaves a half-written file at the target: temp file, fsync,
 * rename. A failure is an ApiError saying why (no folder, permission, a full disk…).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/api'


export async function writeFileAtomic(target: string, produce: Uint8Array | (() => Promise<Uint8Array>)): Promise<void> {
  const file = path.resolve(target)
  const dir = path.dirname(file)
  if (!fs.existsSync(dir)) throw new ApiError('write.noFolder', { dir })
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new ApiError('write.isFolder', { file })
  // the bytes are made first: a failure while making them never touches the disk
  const bytes = typeof produce === 'function' ? await produce() : produce
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = fs.openSync(temp, 'wx')
    let written = 0
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written)
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fd = undefined
    fs.renameSync(temp, file)
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd)
    fs.rmSync(temp, { force: true })
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM') throw new ApiError('write.permissionDenied', { file })
    if (code === 'ENOSPC') throw new ApiError('write.diskFull', { file })
    throw new ApiError('write.failed', { file, detail: err instanceof Error ? err.message : String(err) })
  }
}
