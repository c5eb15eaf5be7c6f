/**
 * What an uploaded seal or signature image is: PNG or JPEG (by magic bytes), and its size in
 * pixels — checked against the data, never taken from the header alone. Every window that shows the
 * image (the 落款 preview, the print view, the PDF) decodes it, so a header that claims 20000×20000
 * over a few bytes of data would cost gigabytes there.
 *
 *   size:  at most MAX_IMAGE_SIDE pixels a side and MAX_IMAGE_PIXELS in all.
 *   PNG:   the chunks are walked (lengths, CRCs, IHDR first, IEND last); the image data (IDAT) is
 *          inflated with its output capped at exactly what IHDR's width, height, colour type, bit
 *          depth and interlacing need, and must fill it (each row starting with a valid filter).
 *   JPEG:  the segments are walked to EOI or the end of the scan data (lengths, one frame header,
 *          its components); the frame's dimensions are read from SOF and checked before anything is
 *          decoded, the entropy-coded data must be large enough for that many blocks (each 8×8
 *          block costs at least one bit), and then the image is decoded (jpeg-js, strict, with its
 *          own resolution and memory caps): a damaged or cut-short file is refused.
 */
import zlib from 'node:zlib'
import jpeg from 'jpeg-js'
import { ApiError } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
}

/** Largest width or height accepted. */
export const MAX_IMAGE_SIDE = 4000
/** Most pixels accepted (16 megapixels). */
export const MAX_IMAGE_PIXELS = 16_000_000

/** An image refused as a seal or signature, with the reason the writer is told. */
export class ImageError extends ApiError {
  constructor(reason: Message) {
    super(reason)
    this.name = 'ImageError'
  }
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v)

/** What the bytes look like (a `fileKind.*` message), for a clear refusal. */
function describe(b: Uint8Array): Message {
  const ascii = Buffer.from(b.subarray(0, 16)).toString('latin1')
  if (ascii.startsWith('GIF8')) return msg('fileKind.gif')
  if (ascii.startsWith('BM')) return msg('fileKind.bmp')
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return msg('fileKind.webp')
  if (ascii.startsWith('%PDF')) return msg('fileKind.pdf')
  if (ascii.slice(4, 12).startsWith('ftyphei') || ascii.slice(4, 12).startsWith('ftypmif')) return msg('fileKind.heic')
  if (/^\s*<(\?xml|svg)/i.test(ascii)) return msg('fileKind.svg')
  if (ascii.startsWith('PK')) return msg('fileKind.zipOffice')
  if (b.length === 0) return msg('fileKind.empty')
  return msg('fileKind.unknown')
}

function checkSize(width: number, height: number): void {
  if (!width || !height) throw new ImageError(msg('image.badSize', { width, height }))
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    throw new ImageError(msg('image.tooLarge', { width, height, maxSide: MAX_IMAGE_SIDE, maxMegapixels: MAX_IMAGE_PIXELS / 1_000_000 }))
}

const corrupt = (format: 'PNG' | 'JPEG', detail: string) => new ImageError(msg('image.corrupt', { format, detail }))

// ---- PNG ------------------------------------------------------------------------------------

/** Channels per colour type, and the bit depths each allows. */
const PNG_COLOUR: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
}

/** Adam7: each pass's first column/row and step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

/** The rows of decoded data (each a filter byte + its bytes): their widths in bytes, in order. */
function pngRows(width: number, height: number, bitsPerPixel: number, interlaced: boolean): { count: number; bytes: number }[] {
  const rowBytes = (w: number) => Math.ceil((w * bitsPerPixel) / 8)
  if (!interlaced) return [{ count: height, bytes: rowBytes(width) }]
  const passes: { count: number; bytes: number }[] = []
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = Math.ceil((width - x0) / dx)
    const h = Math.ceil((height - y0) / dy)
    if (w > 0 && h > 0) passes.push({ count: h, bytes: rowBytes(w) })
  }
  return passes
}

function pngInfo(b: Uint8Array): ImageInfo {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  if (b.length < 33 || Buffer.from(b.subarray(12, 16)).toString('latin1') !== 'IHDR' || v.getUint32(8) !== 13) throw new ImageError(msg('image.pngDamaged'))
  const width = v.getUint32(16)
  const height = v.getUint32(20)
  checkSize(width, height)
  const depth = b[24]!
  const colourType = b[25]!
  const colour = PNG_COLOUR[colourType]
  if (!colour || !colour.depths.includes(depth)) throw corrupt('PNG', `colour type ${colourType}, bit depth ${depth}`)
  if (b[26] !== 0 || b[27] !== 0 || b[28]! > 1) throw corrupt('PNG', 'IHDR')
  const interlaced = b[28] === 1

  const idat: Uint8Array[] = []
  let palette = false
  let ended = false
  for (let at = 8; at < b.length; ) {
    if (at + 12 > b.length) throw corrupt('PNG', 'truncated')
    const length = v.getUint32(at)
    const type = Buffer.from(b.subarray(at + 4, at + 8)).toString('latin1')
    if (length > b.length - at - 12) throw corrupt('PNG', `${type} length`)
    const data = b.subarray(at + 8, at + 8 + length)
    if (zlib.crc32(data, zlib.crc32(b.subarray(at + 4, at + 8))) !== v.getUint32(at + 8 + length)) throw corrupt('PNG', `${type} CRC`)
    if (type === 'PLTE') palette = true
    else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') {
      ended = true
      break
    }
    at += 12 + length
  }
  if (!ended) throw corrupt('PNG', 'no IEND')
  if (idat.length === 0) throw corrupt('PNG', 'no IDAT')
  if (colourType === 3 && !palette) throw corrupt('PNG', 'no PLTE')

  const rows = pngRows(width, height, colour.channels * depth, interlaced)
  const expected = rows.reduce((n, r) => n + r.count * (1 + r.bytes), 0)
  let pixels: Buffer
  try {
    // capped while inflating: data for a larger image than IHDR claims stops here
    pixels = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected, finishFlush: zlib.constants.Z_SYNC_FLUSH })
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ImageError(msg('image.dataMismatch', { format: 'PNG' }))
    throw corrupt('PNG', 'IDAT')
  }
  if (pixels.length !== expected) throw new ImageError(msg('image.dataMismatch', { format: 'PNG' }))
  let at = 0
  for (const r of rows) {
    for (let y = 0; y < r.count; y++, at += 1 + r.bytes) if (pixels[at]! > 4) throw corrupt('PNG', 'filter')
  }
  return { mime: 'image/png', width, height }
}

// ---- JPEG -----------------------------------------------------------------------------------

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc

function jpegInfo(b: Uint8Array): ImageInfo {
  let frame: { width: number; height: number } | null = null
  let scans = 0
  let entropyBytes = 0
  let i = 2
  for (;;) {
    // a file cut short after its scan data gets past the walk; decoding it (below) refuses it
    if (i >= b.length && scans > 0) break
    if (i >= b.length) throw corrupt('JPEG', 'no image data')
    if (b[i] !== 0xff) throw corrupt('JPEG', `no marker at ${i}`)
    // markers may be preceded by fill bytes (0xFF)
    while (b[i] === 0xff) i++
    if (i >= b.length) throw corrupt('JPEG', 'truncated')
    const marker = b[i++]!
    if (marker === 0xd9) break
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue
    if (marker === 0xd8 || marker === 0x00) throw corrupt('JPEG', `marker ${marker.toString(16)}`)
    if (i + 2 > b.length) throw corrupt('JPEG', 'truncated')
    const length = (b[i]! << 8) | b[i + 1]!
    if (length < 2 || i + length > b.length) throw corrupt('JPEG', `segment ${marker.toString(16)} length`)
    const seg = b.subarray(i + 2, i + length)
    i += length
    if (isSof(marker)) {
      if (frame) throw corrupt('JPEG', 'two frames')
      if (seg.length < 6) throw corrupt('JPEG', 'SOF')
      const height = (seg[1]! << 8) | seg[2]!
      const width = (seg[3]! << 8) | seg[4]!
      const components = seg[5]!
      if (components < 1 || components > 4 || seg.length !== 6 + 3 * components) throw corrupt('JPEG', 'SOF components')
      checkSize(width, height)
      frame = { width, height }
    } else if (marker === 0xda) {
      if (!frame) throw corrupt('JPEG', 'scan before frame')
      scans++
      // entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart
      const start = i
      while (i < b.length) {
        if (b[i] === 0xff && i + 1 < b.length) {
          const next = b[i + 1]!
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
            i += 2
            continue
          }
          if (next !== 0xff) break
        }
        i++
      }
      entropyBytes += i - start
    }
  }
  if (!frame) throw new ImageError(msg('image.jpegDamaged'))
  if (scans === 0) throw corrupt('JPEG', 'no scan')
  // every 8×8 block of the first component is coded with at least one bit (a little slack for a
  // file cut short)
  const blocks = Math.ceil(frame.width / 8) * Math.ceil(frame.height / 8)
  if (entropyBytes * 8 + 64 < blocks) throw new ImageError(msg('image.dataMismatch', { format: 'JPEG' }))
  decodeJpeg(b, frame)
  return { mime: 'image/jpeg', width: frame.width, height: frame.height }
}

/** Memory jpeg-js may take for one image: a 16-megapixel colour image needs about 150 MB. */
export const JPEG_DECODE_MB = 192

/** Decodes the whole image (the pixels are dropped): what a window showing it would do. */
function decodeJpeg(b: Uint8Array, frame: { width: number; height: number }): void {
  let decoded: { width: number; height: number }
  try {
    decoded = jpeg.decode(b, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false, maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000, maxMemoryUsageInMB: JPEG_DECODE_MB })
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(detail))
      throw new ImageError(msg('image.tooLarge', { width: frame.width, height: frame.height, maxSide: MAX_IMAGE_SIDE, maxMegapixels: MAX_IMAGE_PIXELS / 1_000_000 }))
    throw corrupt('JPEG', detail.slice(0, 120))
  }
  if (decoded.width !== frame.width || decoded.height !== frame.height) throw new ImageError(msg('image.dataMismatch', { format: 'JPEG' }))
}

/** PNG or JPEG, checked by content (not by file name); anything else is refused with a clear message. */
export function inspectImage(bytes: Uint8Array): ImageInfo {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngInfo(bytes)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegInfo(bytes)
  throw new ImageError(msg('image.notPngOrJpeg', {}, { kind: describe(bytes) }))
}
