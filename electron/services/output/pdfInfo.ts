/**
 * The 定稿 fingerprint in a PDF's document information (Keywords and a DraftDeskFingerprint entry),
 * written as a PDF incremental update: the printed bytes stay as they are, a new Info object, xref
 * section and trailer are appended. Reading it back also tells whether anything was appended later
 * (the file was changed after export).
 */
import { ApiError } from '../../../shared/api'

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')

export const PDF_FINGERPRINT_KEY = 'DraftDeskFingerprint'

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

/** Appends an incremental update that sets these Info entries (keeping the others). */
export function withPdfInfo(pdf: Uint8Array, entries: Record<string, string>): Uint8Array {
  const text = latin1(pdf)
  const trailer = lastTrailer(text)
  if (!trailer || text.lastIndexOf('xref') < 0) throw new ApiError('pdf.unsupportedStructure')
  const kept = infoEntries(text, trailer.info)
  const objNum = trailer.size
  const body = `<<${kept}${Object.entries(entries).map(([k, v]) => ` /${k} ${pdfString(v)}`).join('')} >>`
  const prefix = text.endsWith('\n') ? '' : '\n'
  const objOffset = pdf.length + prefix.length
  const obj = `${objNum} 0 obj\n${body}\nendobj\n`
  const xrefOffset = objOffset + Buffer.byteLength(obj, 'latin1')
  const xref = `xref\n0 1\n0000000000 65535 f \n${objNum} 1\n${String(objOffset).padStart(10, '0')} 00000 n \n`
  const tr = `trailer\n<< /Size ${objNum + 1} /Root ${trailer.root} /Info ${objNum} 0 R /Prev ${trailer.startxref}${trailer.id ? ` /ID ${trailer.id}` : ''} >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  const tail = Buffer.from(prefix + obj + xref + tr, 'latin1')
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
