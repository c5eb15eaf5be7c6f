/** Writes a file so that a failure never leaves a half-written file at the target: temp file, fsync, rename. */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export class WriteError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WriteError'
  }
}

export async function writeFileAtomic(target: string, produce: Uint8Array | (() => Promise<Uint8Array>)): Promise<void> {
  const file = path.resolve(target)
  const dir = path.dirname(file)
  if (!fs.existsSync(dir)) throw new WriteError(`文件夹不存在 / no such folder: ${dir}`)
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new WriteError(`目标是文件夹 / the target is a folder: ${file}`)
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
    const why = code === 'EACCES' || code === 'EPERM' ? '没有写入权限 / permission denied' : code === 'ENOSPC' ? '磁盘已满 / the disk is full' : err instanceof Error ? err.message : String(err)
    throw new WriteError(`无法写入 ${file}：${why}`)
  }
}
