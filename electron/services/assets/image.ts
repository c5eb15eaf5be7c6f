/** What an uploaded seal or signature image is: PNG or JPEG (by magic bytes), and its size in pixels. */

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
}

export class ImageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImageError'
  }
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v)

/** A name for what the bytes look like, for a clear refusal. */
function describe(b: Uint8Array): string {
  const ascii = Buffer.from(b.subarray(0, 16)).toString('latin1')
  if (ascii.startsWith('GIF8')) return 'GIF 图片'
  if (ascii.startsWith('BM')) return 'BMP 图片'
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'WebP 图片'
  if (ascii.startsWith('%PDF')) return 'PDF 文件'
  if (ascii.slice(4, 12).startsWith('ftyphei') || ascii.slice(4, 12).startsWith('ftypmif')) return 'HEIC 照片'
  if (/^\s*<(\?xml|svg)/i.test(ascii)) return 'SVG 或 XML 文件'
  if (ascii.startsWith('PK')) return 'ZIP/Office 文件'
  if (b.length === 0) return '空文件'
  return '未知格式的文件'
}

function pngInfo(b: Uint8Array): ImageInfo {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  if (b.length < 33 || Buffer.from(b.subarray(12, 16)).toString('latin1') !== 'IHDR') throw new ImageError('PNG 文件已损坏（缺少 IHDR）/ the PNG file is damaged')
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
  throw new ImageError('JPEG 文件已损坏（找不到图像尺寸）/ the JPEG file is damaged')
}

/** PNG or JPEG, checked by content (not by file name); anything else is refused with a clear message. */
export function inspectImage(bytes: Uint8Array): ImageInfo {
  let info: ImageInfo
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) info = pngInfo(bytes)
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) info = jpegInfo(bytes)
  else throw new ImageError(`印章和签名只能用 PNG 或 JPEG 图片，这个文件是${describe(bytes)} / seal and signature images must be PNG or JPEG`)
  if (!info.width || !info.height || info.width > 20000 || info.height > 20000) throw new ImageError(`图片尺寸不对（${info.width}×${info.height}）/ implausible image size`)
  return info
}
