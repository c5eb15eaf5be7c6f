/** What an uploaded seal or signature image is: PNG or JPEG (by magic bytes), and its size in pixels. */
import { ApiError } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
}

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

function pngInfo(b: Uint8Array): ImageInfo {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  if (b.length < 33 || Buffer.from(b.subarray(12, 16)).toString('latin1') !== 'IHDR') throw new ImageError(msg('image.pngDamaged'))
  return { mime: 'image/png', width: v.getUint32(16), height: v.getUint32(20) }
}

function jpegInfo(b: Uint8Array): ImageInfo {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++
      continue
    }
    const marker = b[i + 1]!
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      i += marker === 0xff ? 1 : 2
      continue
    }
    const len = (b[i + 2]! << 8) | b[i + 3]!
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { mime: 'image/jpeg', height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! }
    i += 2 + len
  }
  throw new ImageError(msg('image.jpegDamaged'))
}

/** PNG or JPEG, checked by content (not by file name); anything else is refused with a clear message. */
export function inspectImage(bytes: Uint8Array): ImageInfo {
  let info: ImageInfo
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) info = pngInfo(bytes)
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) info = jpegInfo(bytes)
  else throw new ImageError(msg('image.notPngOrJpeg', {}, { kind: describe(bytes) }))
  if (!info.width || !info.height || info.width > 20000 || info.height > 20000) throw new ImageError(msg('image.badSize', { width: info.width, height: info.height }))
  return info
}
