/**
 * Editing a PDF in place, as a tool that rewrites a page would: a Flate-compressed content stream
 * is inflated, changed, deflated and put back where it was, its /Length and every offset after it
 * (xref entries, startxref, /Prev) moved to match. The file stays a valid PDF with the same
 * trailing update, so only reading the pages can tell it was changed.
 */
import zlib from 'node:zlib'

export interface PdfStream {
  obj: number
  /** offset of "N 0 obj" */
  start: number
  /** offsets of the dictionary's /Length value */
  lengthAt: [number, number]
  /** offsets of the stream data */
  data: [number, number]
}

/** The Flate streams of a PDF whose /Length is a direct number. */
export function flateStreams(pdf: Buffer): PdfStream[] {
  const text = pdf.toString('latin1')
  const out: PdfStream[] = []
  const re = /(\d+) 0 obj\s*<<((?:(?!>>\s*stream|endobj)[\s\S]){0,20000})>>\s*stream\r?\n/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[2]!.includes('/FlateDecode')) continue
    const len = /\/Length (\d+)/.exec(m[2]!)
    if (!len) continue
    const dictAt = m.index + m[0].indexOf('<<') + 2
    const lengthAt = dictAt + len.index + '/Length '.length
    const dataStart = m.index + m[0].length
    out.push({ obj: Number(m[1]), start: m.index, lengthAt: [lengthAt, lengthAt + len[1]!.length], data: [dataStart, dataStart + Number(len[1])] })
  }
  return out
}

export const inflated = (pdf: Buffer, s: PdfStream): string => zlib.inflateSync(pdf.subarray(s.data[0], s.data[1])).toString('latin1')

/** The content stream of page `n` (1-based), following the page tree's first /Kids. */
export function pageContent(pdf: Buffer, n: number): PdfStream {
  const text = pdf.toString('latin1')
  const objAt = (num: number) => {
    const m = new RegExp(`(?:^|\\s)${num} 0 obj`).exec(text)
    if (!m) throw new Error(`object ${num} not found`)
    return text.slice(m.index, text.indexOf('endobj', m.index))
  }
  const root = /\/Root (\d+) 0 R/.exec(text)![1]!
  const pagesRef = /\/Pages (\d+) 0 R/.exec(objAt(Number(root)))![1]!
  const kids = /\/Kids \[([^\]]*)\]/.exec(objAt(Number(pagesRef)))![1]!.match(/\d+ 0 R/g)!.map((r) => Number(r.split(' ')[0]))
  const page = objAt(kids[n - 1]!)
  const contents = Number(/\/Contents (\d+) 0 R/.exec(page)![1])
  const stream = flateStreams(pdf).find((s) => s.obj === contents)
  if (!stream) throw new Error(`page ${n}: content stream ${contents} not found`)
  return stream
}

/**
 * The stream that draws page `n`'s text: its content stream, or the form XObject it draws (Chromium
 * puts the page into one when something on it blends, such as a seal with mix-blend-mode).
 */
export function pageTextStream(pdf: Buffer, n: number): PdfStream {
  const content = pageContent(pdf, n)
  const text = inflated(pdf, content)
  if (text.includes('/MCID 0 ')) return content
  const name = /\/(\w+) Do/.exec(text)?.[1]
  const ref = name && new RegExp(`/${name} (\\d+) 0 R`).exec(pdf.toString('latin1'))
  const form = ref && flateStreams(pdf).find((s) => s.obj === Number(ref[1]))
  if (!form || !inflated(pdf, form).includes('/MCID 0 ')) throw new Error(`page ${n}: no stream with its text`)
  return form
}

/** The PDF with stream `s` replaced by `content` (deflated), every later offset moved to match. */
export function rewriteStream(pdf: Buffer, s: PdfStream, content: string): Buffer {
  const packed = zlib.deflateSync(Buffer.from(content, 'latin1'))
  const edited = Buffer.concat([
    pdf.subarray(0, s.lengthAt[0]),
    Buffer.from(String(packed.length), 'latin1'),
    pdf.subarray(s.lengthAt[1], s.data[0]),
    packed,
    pdf.subarray(s.data[1]),
  ])
  const delta = edited.length - pdf.length
  const shift = (offset: number) => (offset > s.start ? offset + delta : offset)
  // xref entries keep their width; startxref and /Prev keep theirs (leading zeros) where they can
  let text = edited.toString('latin1')
  text = text.replace(/^(\d{10}) (\d{5}) n/gm, (_, o: string, g: string) => `${String(shift(Number(o))).padStart(10, '0')} ${g} n`)
  text = text.replace(/(startxref\s+)(\d+)/g, (_, k: string, o: string) => `${k}${String(shift(Number(o))).padStart(o.length, '0')}`)
  text = text.replace(/(\/Prev\s+)(\d+)/g, (_, k: string, o: string) => `${k}${String(shift(Number(o))).padStart(o.length, '0')}`)
  return Buffer.from(text, 'latin1')
}
