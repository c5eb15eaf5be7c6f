/**
 * Reading a zip package (.docx, .xlsx) without trusting it. A few hundred KB of deflate can claim
 * or produce gigabytes ("zip bomb"), so before anything is inflated every entry's declared size is
 * checked against a per-entry and a total cap, and while an entry inflates its output is capped at
 * the size it declared: an entry that inflates to more (a lying header) stops there and is refused,
 * as is one that inflates to less or fails its CRC. Nothing here hands the original bytes to
 * another zip reader: mammoth reads entries through `mammothFile` and exceljs gets a stored (not
 * compressed) copy of the checked entries (`storedCopy`).
 *
 * Not supported (refused): encryption, Zip64, compression other than stored and deflate,
 * multi-disk archives, the same name twice.
 */
import zlib from 'node:zlib'
import JSZip from 'jszip'
import { ApiError } from '../../../shared/api'
import { formatMb } from './errors'

/** Largest single entry, once inflated. */
export const ZIP_MAX_ENTRY_BYTES = 64 * 1024 * 1024
/** Largest package, all entries inflated. */
export const ZIP_MAX_TOTAL_BYTES = 128 * 1024 * 1024
/** Most entries in a package (a .docx holds a few dozen). */
export const ZIP_MAX_ENTRIES = 10_000

export interface ZipLimits {
  maxEntryBytes: number
  maxTotalBytes: number
  maxEntries: number
}

const DEFAULT_LIMITS: ZipLimits = { maxEntryBytes: ZIP_MAX_ENTRY_BYTES, maxTotalBytes: ZIP_MAX_TOTAL_BYTES, maxEntries: ZIP_MAX_ENTRIES }

interface Entry {
  name: string
  method: number
  crc: number
  compressedSize: number
  size: number
  /** where the compressed data starts */
  dataStart: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

const damaged = (detail: string) => new ApiError('zip.damaged', { detail })
const tooLarge = (limit: number) => new ApiError('zip.tooLarge', { limit: formatMb(limit) })

export class SafeZip {
  private readonly entries = new Map<string, Entry>()
  private inflated = 0

  constructor(private readonly bytes: Uint8Array, private readonly limits: ZipLimits = DEFAULT_LIMITS) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const eocd = findEndOfCentralDirectory(view)
    if (eocd < 0) throw damaged('no central directory')
    const disk = view.getUint16(eocd + 4, true)
    const cdDisk = view.getUint16(eocd + 6, true)
    const count = view.getUint16(eocd + 10, true)
    const cdSize = view.getUint32(eocd + 12, true)
    const cdOffset = view.getUint32(eocd + 16, true)
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ApiError('zip.unsupported', { method: 'Zip64' })
    if (disk !== 0 || cdDisk !== 0) throw new ApiError('zip.unsupported', { method: 'multi-disk' })
    if (count > limits.maxEntries) throw new ApiError('zip.tooManyEntries', { limit: limits.maxEntries })
    if (cdOffset + cdSize > eocd) throw damaged('central directory out of bounds')

    let declaredTotal = 0
    let at = cdOffset
    const decoder = new TextDecoder('utf-8')
    for (let i = 0; i < count; i++) {
      if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw damaged('central directory entry')
      const flags = view.getUint16(at + 8, true)
      const method = view.getUint16(at + 10, true)
      const crc = view.getUint32(at + 16, true)
      const compressedSize = view.getUint32(at + 20, true)
      const size = view.getUint32(at + 24, true)
      const nameLength = view.getUint16(at + 28, true)
      const extraLength = view.getUint16(at + 30, true)
      const commentLength = view.getUint16(at + 32, true)
      const localOffset = view.getUint32(at + 42, true)
      if (at + 46 + nameLength > eocd) throw damaged('central directory entry')
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
      at += 46 + nameLength + extraLength + commentLength

      if (flags & 0x0001) throw new ApiError('zip.encrypted')
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ApiError('zip.unsupported', { method: 'Zip64' })
      if (method !== 0 && method !== 8) throw new ApiError('zip.unsupported', { method: String(method) })
      if (method === 0 && compressedSize !== size) throw damaged('stored entry size')
      if (size > limits.maxEntryBytes) throw tooLarge(limits.maxEntryBytes)
      declaredTotal += size
      if (declaredTotal > limits.maxTotalBytes) throw tooLarge(limits.maxTotalBytes)
      if (this.entries.has(name)) throw damaged('duplicate entry')

      if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) throw damaged('local header')
      const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true)
      if (dataStart + compressedSize > cdOffset) throw damaged('entry out of bounds')
      this.entries.set(name, { name, method, crc, compressedSize, size, dataStart })
    }
  }

  names(): string[] {
    return [...this.entries.keys()]
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  /** An entry's bytes, inflated no further than the size it declared. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name)
    if (!entry) throw damaged('missing entry')
    const raw = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
    let out: Uint8Array
    if (entry.method === 0) out = raw
    else {
      try {
        // the cap applies while zlib inflates: a lying entry stops one byte past what it claimed
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) })
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new ApiError('zip.sizeMismatch', { name: name.slice(0, 100) })
        throw damaged('deflate data')
      }
    }
    if (out.length !== entry.size) throw new ApiError('zip.sizeMismatch', { name: name.slice(0, 100) })
    if (zlib.crc32(out) !== entry.crc) throw damaged('CRC')
    this.inflated += out.length
    if (this.inflated > this.limits.maxTotalBytes) throw tooLarge(this.limits.maxTotalBytes)
    return out
  }

  /**
   * The zip file object mammoth reads through (its `{ file }` input): entries are inflated only
   * when mammoth asks for them, with the caps above.
   */
  mammothFile() {
    return {
      exists: (name: string) => this.has(name),
      read: async (name: string, encoding?: string) => {
        const data = this.read(name)
        if (encoding === 'base64') return Buffer.from(data).toString('base64')
        if (encoding) return new TextDecoder(encoding).decode(data)
        return data
      },
      write: () => {
        throw new Error('read-only')
      },
      toArrayBuffer: () => {
        throw new Error('read-only')
      },
    }
  }

  /** Every file entry inflated (within the caps) into a new package that stores them uncompressed. */
  async storedCopy(): Promise<Buffer> {
    const copy = new JSZip()
    for (const name of this.names()) {
      if (name.endsWith('/')) continue
      copy.file(name, this.read(name), { binary: true, createFolders: false })
    }
    return copy.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
  }
}

/** The end-of-central-directory record: within the last 64 KB (its comment) of the file. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22
  const first = Math.max(0, last - 0xffff)
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD && i + 22 + view.getUint16(i + 20, true) <= view.byteLength) return i
  }
  return -1
}

/** True when the bytes start like a zip package. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)
}
