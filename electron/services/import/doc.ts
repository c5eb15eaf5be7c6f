/**
 * Word 97–2003 (.doc) and WPS Office (.wps) documents → text for the recognizer, read with
 * word-extractor. Both are OLE compound files; WPS writes the Word 97 format inside, so the same
 * reader handles most .wps files.
 *
 * Only the body is read (`getBody`): headers, footers, footnotes, comments and text boxes are left
 * out, and Word's fields keep their shown result. Curly quotes and dashes stay as written
 * (`filterUnicode: false`: word-extractor would otherwise turn “” into ""). Each paragraph is one
 * line and a table row a line of tab-separated cells, so the text takes the .txt path.
 *
 * Refused with a message: an encrypted document (the OLE file holds an `EncryptedPackage`, or the
 * Word header's fEncrypted flag is set), a damaged one, one without text; a .wps that the reader
 * cannot read is told to be saved as .docx in WPS (`import.wpsUnreadable`).
 */
import { ApiError } from '../../../shared/api'
import { damagedReason } from './errors'

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string
}
interface WordExtractorClass {
  new (): { extract(source: Buffer): Promise<WordDocument> }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function looksLikeOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE.every((b, i) => bytes[i] === b)
}

/** The name as an OLE directory entry stores it (UTF-16LE). */
function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le')
}

/**
 * Encrypted: an OOXML package encrypted by Office (the OLE file holds `EncryptedPackage`), or a
 * Word 97 document whose header (the FIB at the start of the WordDocument stream, which begins a
 * sector) has fEncrypted set.
 */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.includes(utf16('EncryptedPackage'))) return true
  const sector = 1 << (buf.readUInt16LE(0x1e) || 9)
  for (let at = 512; at + 0x0c <= buf.length; at += sector) {
    // wIdent 0xA5EC, then nFib of Word 97 or later (0x00C1 …)
    if (buf.readUInt16LE(at) === 0xa5ec && buf.readUInt16LE(at + 2) >= 0x00c1 && buf.readUInt16LE(at + 2) <= 0x0200)
      return (buf.readUInt16LE(at + 0x0a) & 0x0100) !== 0
  }
  return false
}

/**
 * The body's text. `named`: the format the file's name gives — a .wps gets the WPS message when it
 * cannot be read, an OLE file named .docx (an old .doc renamed, or an encrypted .docx) the .docx one.
 */
export async function docToText(bytes: Uint8Array, named: 'doc' | 'wps' | string): Promise<string> {
  const wps = named === 'wps'
  if (!looksLikeOle(bytes)) throw wps ? new ApiError('import.wpsUnreadable') : new ApiError('import.docDamaged', {}, { reason: damagedReason.notOle() })
  if (isEncryptedOle(bytes)) throw named === 'docx' ? new ApiError('import.docOrEncrypted') : new ApiError('import.docEncrypted')
  const { default: WordExtractor } = (await import('word-extractor')) as unknown as { default: WordExtractorClass }
  let body: string
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    body = doc.getBody({ filterUnicode: false })
  } catch {
    if (wps) throw new ApiError('import.wpsUnreadable')
    if (named === 'docx') throw new ApiError('import.docOrEncrypted')
    throw new ApiError('import.docDamaged', {}, { reason: damagedReason.structure() })
  }
  // Word's cell and row marks came out as tabs; a tab at a line's end is a cell end, not text
  const text = body.replace(/\t+$/gm, '')
  if (!/[^\s\u3000]/.test(text)) throw new ApiError(wps ? 'import.wpsUnreadable' : 'import.docNoText')
  return text
}
