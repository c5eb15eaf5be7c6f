/** A small PNG (a red seal-like ring) made in code, and JPEGs, for seal tests. */
import { deflateSync } from 'node:zlib'
import jpeg from 'jpeg-js'

function crc32(buf: Uint8Array): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  Buffer.from(data).copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

/** A transparent square PNG with a red ring and a red star-ish centre. */
export function sealPng(size = 240): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size)
  const c = size / 2
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c)
      const ring = d < c - 2 && d > c - 14
      const centre = d < c * 0.22
      const i = y * (size * 4 + 1) + 1 + x * 4
      if (ring || centre) raw.set([210, 20, 20, 230], i)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())])
}

/** A JPEG of `width`×`height` made with jpeg-js: a red ring on white, like a scanned seal. */
export function sealJpeg(width = 240, height = width, quality = 85): Buffer {
  const data = Buffer.alloc(width * height * 4, 255)
  const cx = width / 2
  const cy = height / 2
  const r = Math.min(cx, cy)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - cx, y - cy)
      if ((d < r - 2 && d > r - 14) || d < r * 0.22) data.set([210, 20, 20, 255], (y * width + x) * 4)
    }
  return jpeg.encode({ width, height, data }, quality).data
}

/** A valid 1×1 JPEG (made by jpeg-js, so every decoder reads it). */
export const TINY_JPEG = sealJpeg(1, 1)
