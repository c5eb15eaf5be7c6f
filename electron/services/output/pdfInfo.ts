/**
 * The 定稿 fingerprint in a PDF's document information (Keywords and a DraftDeskFingerprint entry)
 * and in its XMP metadata (draftdesk:Fingerprint, with the title, author and keywords that PDF
 * readers' document properties show), written as a PDF incremental update: the printed bytes stay
 * as they are; a new Info object, an XMP stream, the catalog again (now naming the XMP), an xref
 * section and a trailer are appended. Reading it back also tells whether anything was appended
 * later (the file was changed after export).
 */
import { ApiError } from '../../../shared/api'

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')

export const PDF_FINGERPRINT_KEY = 'DraftDeskFingerprint'
/** The XMP namespace of the fingerprint (draftdesk:Fingerprint). */
export const XMP_NAMESPACE = 'https://draftdesk.cn/ns/1.0/'
export const XMP_PREFIX = 'draftdesk'

function pdfString(s: string): string {
  // ASCII as a literal string; anything else as UTF-16BE hex with a byte-order mark
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, '\\$&')})`
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

interface Trailer {
  size: number
  root: string
  info?: string
  id?: string
  startxref: number
}

function lastTrailer(text: string): Trailer | null {
  const sx = text.lastIndexOf('startxref')
  if (sx < 0) return null
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(sx))?.[1])
  const tr = text.lastIndexOf('trailer', sx)
  if (tr < 0 || !Number.isFinite(startxref)) return null
  const dict = text.slice(tr, sx)
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1])
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1]
  if (!size || !root) return null
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1]
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1]
  return { size, root, startxref, ...(info ? { info } : {}), ...(id ? { id } : {}) }
}

/** A PDF value starting at `i`: a literal string (balanced parentheses, escapes), a hex string, or a simple token. */
function valueAt(text: string, i: number): string {
  if (text[i] === '(') {
    let depth = 0
    for (let j = i; j < text.length; j++) {
      const c = text[j]
      if (c === '\\') j++
      else if (c === '(') depth++
      else if (c === ')' && --depth === 0) return text.slice(i, j + 1)
    }
    return text.slice(i)
  }
  if (text[i] === '<') return text.slice(i, text.indexOf('>', i) + 1)
  return /^[^/>\s]+(?:\s+\d+\s+R)?/.exec(text.slice(i))?.[0] ?? ''
}

/** The entries of the Info dictionary of object `ref` ("12 0 R") that we keep: title and dates. */
function infoEntries(text: string, ref: string | undefined): string {
  if (!ref) return ''
  const [num, gen] = ref.split(/\s+/)
  const re = new RegExp(`(?:^|[\\r\\n\\s>])${num} ${gen} obj`, 'g')
  let at = -1
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index
  if (at < 0) return ''
  const open = text.indexOf('<<', at)
  let kept = ''
  for (const key of ['Title', 'CreationDate', 'ModDate']) {
    const k = text.indexOf(`/${key}`, open)
    const end = text.indexOf('endobj', at)
    if (k < 0 || k > end) continue
    let v = k + key.length + 1
    while (/\s/.test(text[v] ?? '')) v++
    kept += ` /${key} ${valueAt(text, v)}`
  }
  return kept
}

/** The dictionary of the last definition of object `ref` ("12 0 R"), from "<<" to its ">>". */
function objectDict(text: string, ref: string): string | null {
  const [num, gen] = ref.split(/\s+/)
  const re = new RegExp(`(?:^|[\\r\\n\\s>])${num} ${gen} obj\\s*<<`, 'g')
  let at = -1
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index + m[0].length - 2
  if (at < 0) return null
  let depth = 0
  for (let i = at; i < text.length; i++) {
    const c = text[i]
    // a literal string may hold ">>"
    if (c === '(') i += valueAt(text, i).length - 1
    else if (c === '<' && text[i + 1] === '<') {
      depth++
      i++
    } else if (c === '>' && text[i + 1] === '>') {
      depth--
      i++
      if (depth === 0) return text.slice(at, i + 1)
    }
  }
  return null
}

const xmlText = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** The XMP packet: title, author, keywords, producer, creator tool, and the fingerprint. */
function xmpPacket(entries: Record<string, string>, title: string): string {
  const field = (tag: string, v: string | undefined) => (v ? `<${tag}>${xmlText(v)}</${tag}>` : '')
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:${XMP_PREFIX}="${XMP_NAMESPACE}">`,
    title ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(title)}</rdf:li></rdf:Alt></dc:title>` : '',
    entries.Author ? `<dc:creator><rdf:Seq><rdf:li>${xmlText(entries.Author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    entries.Subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(entries.Subject)}</rdf:li></rdf:Alt></dc:description>` : '',
    field('pdf:Keywords', entries.Keywords),
    field('pdf:Producer', entries.Producer),
    field('xmp:CreatorTool', entries.Creator),
    field(`${XMP_PREFIX}:Fingerprint`, entries[PDF_FINGERPRINT_KEY]),
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="r"?>',
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * Appends an incremental update that sets these Info entries (keeping the others) and writes the
 * same facts as XMP metadata, named by the catalog (written again with /Metadata).
 */
export function withPdfInfo(pdf: Uint8Array, entries: Record<string, string>, title = ''): Uint8Array {
  const text = latin1(pdf)
  const trailer = lastTrailer(text)
  if (!trailer || text.lastIndexOf('xref') < 0) throw new ApiError('pdf.unsupportedStructure')
  const kept = infoEntries(text, trailer.info)
  const catalog = objectDict(text, trailer.root)
  const infoNum = trailer.size
  const xmpNum = trailer.size + 1
  const chunks: Buffer[] = []
  let at = pdf.length
  const add = (s: string | Buffer) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s
    chunks.push(b)
    at += b.length
  }
  if (!text.endsWith('\n')) add('\n')
  const offsets: [number, number][] = []
  offsets.push([infoNum, at])
  add(`${infoNum} 0 obj\n<<${kept}${Object.entries(entries).map(([k, v]) => ` /${k} ${pdfString(v)}`).join('')} >>\nendobj\n`)
  if (catalog) {
    const xmp = Buffer.from(xmpPacket(entries, title), 'utf8')
    offsets.push([xmpNum, at])
    add(`${xmpNum} 0 obj\n<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n`)
    add(xmp)
    add('\nendstream\nendobj\n')
    const rootNum = Number(trailer.root.split(/\s+/)[0])
    offsets.push([rootNum, at])
    const others = catalog.slice(2, -2).replace(/\/Metadata\s+\d+\s+\d+\s+R/, '').trim()
    add(`${rootNum} 0 obj\n<< ${others} /Metadata ${xmpNum} 0 R >>\nendobj\n`)
  }
  const xrefOffset = at
  const entry = (offset: number) => `${String(offset).padStart(10, '0')} 00000 n \n`
  const xref = `xref\n0 1\n0000000000 65535 f \n${offsets
    .sort((a, b) => a[0] - b[0])
    .map(([num, offset]) => `${num} 1\n${entry(offset)}`)
    .join('')}`
  const size = catalog ? xmpNum + 1 : infoNum + 1
  add(`${xref}trailer\n<< /Size ${size} /Root ${trailer.root} /Info ${infoNum} 0 R /Prev ${trailer.startxref}${trailer.id ? ` /ID ${trailer.id}` : ''} >>\nstartxref\n${xrefOffset}\n%%EOF\n`)
  const tail = Buffer.concat(chunks)
  const out = new Uint8Array(pdf.length + tail.length)
  out.set(pdf)
  out.set(tail, pdf.length)
  return out
}

export interface PdfFingerprint {
  fingerprint: string | null
  /** true when our update is the file's last: nothing was appended after export */
  lastUpdateIsOurs: boolean
}

export function readPdfFingerprint(pdf: Uint8Array): PdfFingerprint {
  const text = latin1(pdf)
  const re = new RegExp(`/${PDF_FINGERPRINT_KEY}\\s*\\((sha256:[0-9a-f]{64})\\)`, 'g')
  let last: RegExpExecArray | null = null
  for (let m = re.exec(text); m; m = re.exec(text)) last = m
  if (!last) return { fingerprint: null, lastUpdateIsOurs: false }
  const after = text.slice(last.index)
  const lastUpdateIsOurs = after.indexOf('startxref') === after.lastIndexOf('startxref') && /%%EOF\s*$/.test(after)
  return { fingerprint: last[1]!, lastUpdateIsOurs }
}
