/**
 * Bytes of a .txt/.md file → text, and which encoding it was written in.
 *
 * Order of decisions (the first that applies wins):
 *   1. size: over IMPORT_MAX_BYTES → refused (callers check the file size before reading it);
 *      0 bytes → "empty".
 *   2. byte-order mark: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE (UTF-32 marks refused).
 *   3. known binary signatures (PNG, JPEG, GIF, PDF, ZIP/.docx, old .doc/.wps, RTF, RAR, 7z, gzip,
 *      ELF, SQLite) → refused, naming the format.
 *   4. NUL bytes (trailing NUL padding, as a crash leaves it, is dropped first): one byte parity
 *      dominating (two thirds) → UTF-16 without a mark (LE when the NULs sit at odd offsets, BE at even
 *      ones), accepted if it decodes into plausible text; anything else with NULs is binary.
 *   5. control bytes (other than tab, line breaks, form feed, ESC) over 1 % → binary.
 *   6. UTF-8, strictly (fatal) → "utf-8"; or nearly, see 8.
 *   7. GB18030, strictly (covers GBK and GB2312) → "gb18030"; when that text looks like Big5 read
 *      as GBK (kana, Greek, Cyrillic and box drawing where Chinese should be) and Big5 decodes
 *      strictly, → "big5" (Traditional Chinese files from Taiwan and Hong Kong).
 *   8. invalid byte sequences: a file that is UTF-8 but for a few damaged characters (at most 1 % of
 *      the characters or 3 places, and at least 20 valid non-ASCII characters per damaged one) is read as UTF-8
 *      before GB18030 is tried (GB18030 would read most UTF-8 bytes "strictly" as nonsense); a
 *      GB18030 file with as little damage likewise. Each damaged sequence becomes
 *      U+FFFD ("�"), visible for the writer to fix, and the report warns with the count. More
 *      damage than that (or a file with a byte-order mark that is more damaged) is refused as
 *      unreadable — it is then not text in an encoding we know.
 * Text that is empty after decoding (only a mark, only blanks) is refused as empty.
 */
import { ApiError, IMPORT_MAX_BYTES } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'
import { formatMb } from './errors'

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
  /** notes for the import report (replacements, dropped padding) */
  warnings: Message[]
}

/** Damaged places (per character) up to which a file with invalid bytes is still imported … */
export const MAX_REPLACEMENT_SHARE = 0.01
/** … and how many a short file may have regardless. */
export const MIN_DAMAGE_ALLOWED = 3
/** How much of a file the binary checks read (the rest is checked by strict decoding). */
const SNIFF_BYTES = 4 * 1024 * 1024

/** Refuses a file larger than the import limit; call with the size before reading the file. */
export function checkImportSize(size: number): void {
  if (size > IMPORT_MAX_BYTES) throw new ApiError('import.tooLarge', { size: formatMb(size), limit: formatMb(IMPORT_MAX_BYTES) })
}

export function emptyFileError(): Error {
  return new ApiError('import.empty')
}

const SIGNATURES: readonly { bytes: readonly number[]; kind: Message }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: msg('fileKind.png') },
  { bytes: [0xff, 0xd8, 0xff], kind: msg('fileKind.jpeg') },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: msg('fileKind.gif') },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: msg('fileKind.pdf') },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: msg('fileKind.zipDocx') },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: msg('fileKind.zip') },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: msg('fileKind.oldOffice') },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: msg('fileKind.rtf') },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: msg('fileKind.rar') },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: msg('fileKind.sevenZip') },
  { bytes: [0x1f, 0x8b], kind: msg('fileKind.gzip') },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: msg('fileKind.executable') },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], kind: msg('fileKind.sqlite') },
]

/** Names a known binary format by its first bytes (a `fileKind.*` message), or null. */
export function sniffBinaryFormat(bytes: Uint8Array): Message | null {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) return sig.kind
  }
  return null
}

function binaryError(kind?: Message): Error {
  return kind ? new ApiError('import.notText', {}, { kind }) : new ApiError('import.binary')
}

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true })
const lenient = (label: string) => new TextDecoder(label, { fatal: false, ignoreBOM: true })

function tryStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return strict(label).decode(bytes)
  } catch {
    return null
  }
}

export function decodeText(input: Uint8Array): DecodedText {
  checkImportSize(input.length)
  if (input.length === 0) throw emptyFileError()
  const warnings: Message[] = []
  const done = (text: string, encoding: TextEncodingName): DecodedText => {
    if (!/[^\s\u3000\ufeff\u200b]/.test(text)) throw emptyFileError()
    return { text, encoding, warnings }
  }

  // 2. byte-order marks
  const b0 = input[0], b1 = input[1], b2 = input[2], b3 = input[3]
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff))
    throw new ApiError('import.utf32')
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return done(strictOrDamaged('utf-8', input.subarray(3), warnings), 'utf-8-bom')
  if (b0 === 0xff && b1 === 0xfe) return done(strictOrDamaged('utf-16le', input.subarray(2), warnings), 'utf-16le')
  if (b0 === 0xfe && b1 === 0xff) return done(strictOrDamaged('utf-16be', input.subarray(2), warnings), 'utf-16be')

  // 3. known binary formats
  const kind = sniffBinaryFormat(input)
  if (kind) throw binaryError(kind)

  // 4. NUL bytes: UTF-16 without a mark, or binary
  let bytes = input
  let end = bytes.length
  while (end > 0 && bytes[end - 1] === 0) end--
  if (end === 0) throw emptyFileError()
  const sample = bytes.subarray(0, Math.min(end, SNIFF_BYTES))
  let nulEven = 0, nulOdd = 0, control = 0
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!
    if (b === 0) {
      if (i & 1) nulOdd++
      else nulEven++
    } else if (b < 0x20 ? b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b : b === 0x7f) control++
  }
  const nuls = nulEven + nulOdd
  if (nuls > 0) {
    const utf16 = guessUtf16(bytes, nulEven, nulOdd)
    if (utf16) return done(utf16.text, utf16.encoding)
    throw binaryError()
  }
  if (end < bytes.length) {
    warnings.push(msg('import.nulPadding', { count: bytes.length - end }))
    bytes = bytes.subarray(0, end)
  }

  // 5. control characters
  if (control > 8 && control > sample.length * 0.01) throw binaryError()

  // 6.–8. UTF-8, GB18030 (or Big5), or a few damaged characters
  const utf8 = tryStrict('utf-8', bytes)
  if (utf8 !== null) return done(utf8, 'utf-8')
  // UTF-8 with a few damaged characters (corrupted, or cut off mid-character) — checked before
  // GB18030, which would often read such bytes "strictly" as nonsense: most multi-byte sequences
  // must be valid UTF-8 for this
  const nearlyUtf8 = decodeLenient('utf-8', bytes)
  if (withinDamageLimit(nearlyUtf8) && nearlyUtf8.nonAscii >= 20 * nearlyUtf8.bad) return done(replaced(nearlyUtf8, warnings), 'utf-8')
  const gb = tryStrict('gb18030', bytes)
  if (gb !== null) {
    if (looksLikeMisreadBig5(gb)) {
      const big5 = tryStrict('big5', bytes)
      if (big5 !== null && !looksLikeMisreadBig5(big5)) return done(big5, 'big5')
    }
    return done(gb, 'gb18030')
  }
  const nearlyGb = decodeLenient('gb18030', bytes)
  if (withinDamageLimit(nearlyGb)) return done(replaced(nearlyGb, warnings), 'gb18030')
  throw unreadable(Math.min(nearlyUtf8.bad, nearlyGb.bad))
}

const DECLARED: Record<string, 'utf-8' | 'gb18030' | 'big5'> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030',
  'windows-936': 'gb18030', 'x-euc-cn': 'gb18030', 'euc-cn': 'gb18030', big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5',
}

/**
 * Bytes whose encoding the file declares (a web page's <meta charset>): a byte-order mark wins, then
 * the declared encoding if the bytes read in it (a few damaged characters allowed, as above); a
 * declaration the bytes contradict, or one we do not know, falls back to detection (decodeText).
 */
export function decodeDeclared(input: Uint8Array, charset: string | null): DecodedText {
  const label = charset ? DECLARED[charset.toLowerCase()] : undefined
  const bom = (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) || (input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)
  if (!label || bom) return decodeText(input)
  checkImportSize(input.length)
  if (input.length === 0) throw emptyFileError()
  const warnings: Message[] = []
  let text: string
  try {
    text = strictOrDamaged(label, input, warnings)
  } catch {
    return decodeText(input)
  }
  if (!/[^\s\u3000\ufeff\u200b]/.test(text)) throw emptyFileError()
  return { text, encoding: label, warnings }
}

interface Lenient {
  label: string
  text: string
  /** damaged places: runs of U+FFFD (one broken character often yields two or three) */
  bad: number
  /** other non-ASCII characters */
  nonAscii: number
}

function decodeLenient(label: string, bytes: Uint8Array): Lenient {
  const text = lenient(label).decode(bytes)
  let bad = 0
  let nonAscii = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd) {
      if (text.charCodeAt(i - 1) !== 0xfffd) bad++
    } else if (c >= 0x80) nonAscii++
  }
  return { label, text, bad, nonAscii }
}

function withinDamageLimit(d: Lenient): boolean {
  return d.bad <= Math.max(MIN_DAMAGE_ALLOWED, d.text.length * MAX_REPLACEMENT_SHARE)
}

function unreadable(bad: number): Error {
  return new ApiError('import.unreadable', { count: bad })
}

function replaced(d: Lenient, warnings: Message[]): string {
  warnings.push(msg('import.damagedBytes', { count: d.bad, encoding: d.label.toUpperCase() }))
  return d.text
}

/** Strict decoding, else lenient within the damage limit (with a warning), else refused. */
function strictOrDamaged(label: string, bytes: Uint8Array, warnings: Message[]): string {
  const text = tryStrict(label, bytes)
  if (text !== null) return text
  const d = decodeLenient(label, bytes)
  if (withinDamageLimit(d)) return replaced(d, warnings)
  throw unreadable(d.bad)
}

/** UTF-16 without a byte-order mark, recognized by where its NUL bytes sit (ASCII characters). */
function guessUtf16(bytes: Uint8Array, nulEven: number, nulOdd: number): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  const nuls = nulEven + nulOdd
  const sampled = Math.min(bytes.length, SNIFF_BYTES)
  if (nuls < sampled * 0.01) return null
  // ASCII characters put their NUL on one side; a Han character such as 一 (U+4E00) on the other
  const encoding = nulOdd >= nuls * 0.65 ? 'utf-16le' : nulEven >= nuls * 0.65 ? 'utf-16be' : null
  if (!encoding) return null
  // a file cut after an odd number of bytes still reads: the half character is dropped
  const text = tryStrict(encoding, bytes.length % 2 ? bytes.subarray(0, bytes.length - 1) : bytes)
  if (text === null) return null
  let odd = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || (c >= 0xe000 && c <= 0xf8ff)) odd++
  }
  return odd <= text.length * 0.01 ? { text, encoding } : null
}

/**
 * Big5 bytes read as GBK land on GB2312's symbol rows (kana, Greek, Cyrillic, box drawing) and rare
 * characters; Chinese text read right has almost none of those.
 */
function looksLikeMisreadBig5(text: string): boolean {
  let nonAscii = 0
  let odd = 0
  const limit = Math.min(text.length, 200_000)
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    nonAscii++
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x0370 && c <= 0x04ff) || (c >= 0x2500 && c <= 0x257f)) odd++
  }
  return nonAscii >= 20 && odd > nonAscii * 0.03
}
