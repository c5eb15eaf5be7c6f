/**
 * Zip packages made byte by byte for the fault tests: an honest one whose part inflates to hundreds
 * of MB (a zip bomb), one whose header lies about that size, one that declares a 1 GB part. The
 * deflate data is made by streaming zlib, so no test holds the inflated bytes.
 */
import zlib from 'node:zlib'

export interface RawEntry {
  name: string
  /** deflate (raw) data, or stored bytes when `stored` */
  data: Buffer
  stored?: boolean
  crc: number
  /** the uncompressed size the headers declare */
  size: number
}

/** A real entry: `content` deflated, with its true size and CRC. */
export function entry(name: string, content: string | Buffer): RawEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return { name, data: zlib.deflateRawSync(bytes), crc: zlib.crc32(bytes), size: bytes.length }
}

/** `head`, then `fill` repeated until the content is `size` bytes long (less the tail), then `tail`, deflated in a stream. */
export async function bombEntry(name: string, size: number, parts: { head: string; fill: string; tail: string }): Promise<RawEntry> {
  const head = Buffer.from(parts.head)
  const tail = Buffer.from(parts.tail)
  const chunk = Buffer.alloc(1024 * 1024, parts.fill)
  const deflate = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const done = new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve)
    deflate.once('error', reject)
  })
  let crc = 0
  const write = (b: Buffer) =>
    new Promise<void>((resolve) => {
      crc = zlib.crc32(b, crc)
      if (deflate.write(b)) resolve()
      else deflate.once('drain', resolve)
    })
  await write(head)
  let left = size - head.length - tail.length
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
    await write(piece)
    left -= piece.length
  }
  await write(tail)
  deflate.end()
  await done
  return { name, data: Buffer.concat(out), crc, size }
}

/** The entries as a zip file (local headers, data, central directory, end record). */
export function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const method = e.stored ? 0 : 8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.size >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(e.crc >>> 0, 16)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.size >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += local.length + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** The parts every .docx has besides word/document.xml. */
export function docxParts(): RawEntry[] {
  return [
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  ]
}

export const DOCUMENT_XML = {
  head: '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
  fill: 'a',
  tail: '</w:t></w:r></w:p></w:body></w:document>',
}
