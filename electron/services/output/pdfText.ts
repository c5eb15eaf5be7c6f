/**
 * What `verify` reads from a PDF, in a worker thread (a hostile PDF can only exhaust or hang that
 * worker, which is then stopped: the worker's heap cap and time limit, and the size and page caps
 * below): the 定稿 fingerprint from the document information (or the XMP), whether our update is
 * still the file's last, and what each page shows — its text in the order it is drawn, split into
 * the text block and the margins (page numbers), the images drawn and the annotations a reader
 * would see. Read with pdfjs-dist (Mozilla's PDF reader, the legacy build for Node), loaded by
 * worker/pdfjs.ts, its own worker run on this thread.
 */
import { ApiError } from '../../../shared/api'
import { MARGIN_MM, mmToPt } from '../../../shared/output/layout'
import { loadPdfjs, type PdfJs } from '../worker/pdfjs'
import { PDF_FINGERPRINT_KEY, readPdfFingerprint, XMP_PREFIX } from './pdfInfo'

export interface PdfPageRead {
  /** text inside the text block, in drawing order: pieces of text, each with its font */
  body: [string, string][]
  /** text in the margins (page numbers), in drawing order */
  margin: string
  /** images drawn on the page */
  images: number
  /** annotations a reader sees (not links), by subtype */
  annotations: string[]
}

export interface PdfVerifyRead {
  /** false: pdf.js could not open it (damaged, encrypted); `detail` says why */
  readable: boolean
  detail?: string
  fingerprint: string | null
  /** true when our update is the file's last: nothing was appended after export */
  lastUpdateIsOurs: boolean
  /** only read when there is a fingerprint to compare with */
  pages: PdfPageRead[] | null
}

/** Largest PDF verify reads, and most pages. */
export const PDF_VERIFY_MAX_BYTES = 100 * 1024 * 1024
export const PDF_VERIFY_MAX_PAGES = 1000

type Pdfjs = PdfJs

const IMAGE_OPS = ['paintImageXObject', 'paintInlineImageXObject', 'paintInlineImageXObjectGroup', 'paintImageXObjectRepeat', 'paintImageMaskXObject', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat'] as const

export async function readPdfForVerify(bytes: Uint8Array): Promise<PdfVerifyRead> {
  if (bytes.byteLength > PDF_VERIFY_MAX_BYTES) throw new ApiError('verify.tooLarge', { limit: PDF_VERIFY_MAX_BYTES / 1024 / 1024 })
  const raw = readPdfFingerprint(bytes)
  const lib = await loadPdfjs()
  let doc: Awaited<ReturnType<Pdfjs['getDocument']>['promise']>
  try {
    // pdf.js takes the buffer over: give it a copy
    doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 }).promise
  } catch (err) {
    return { readable: false, detail: (err instanceof Error ? err.message : String(err)).slice(0, 160), fingerprint: raw.fingerprint, lastUpdateIsOurs: false, pages: null }
  }
  try {
    // the document information first, then the XMP metadata (pdf.js names its elements in lower case)
    const { info, metadata } = (await doc.getMetadata()) as { info: { Custom?: Record<string, unknown> }; metadata: { get(name: string): unknown } | null }
    const custom = info.Custom?.[PDF_FINGERPRINT_KEY]
    const xmp = metadata?.get(`${XMP_PREFIX}:fingerprint`)
    const fingerprint = typeof custom === 'string' ? custom : typeof xmp === 'string' ? xmp : raw.fingerprint
    if (!fingerprint) return { readable: true, fingerprint: null, lastUpdateIsOurs: raw.lastUpdateIsOurs, pages: null }
    if (doc.numPages > PDF_VERIFY_MAX_PAGES) throw new ApiError('verify.tooManyPages', { pages: doc.numPages, limit: PDF_VERIFY_MAX_PAGES })
    const imageOps = new Set(IMAGE_OPS.map((op) => lib.OPS[op]))
    const pages: PdfPageRead[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [, , , top] = page.view
      const [, bottom] = page.view
      // text whose baseline lies beyond the text block (with room for a descender) is in a margin
      const low = (bottom ?? 0) + mmToPt(MARGIN_MM.bottom) - 8
      const high = (top ?? 0) - mmToPt(MARGIN_MM.top) + 8
      const body: [string, string][] = []
      let margin = ''
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str) continue
        const y = item.transform[5] as number
        if (y < low || y > high) margin += item.str
        else body.push([item.str, item.fontName])
      }
      const ops = await page.getOperatorList()
      const images = ops.fnArray.filter((fn) => imageOps.has(fn)).length
      const annotations = ((await page.getAnnotations()) as { subtype?: string }[]).map((a) => a.subtype ?? '?').filter((s) => s !== 'Link')
      pages.push({ body, margin, images, annotations })
      page.cleanup()
    }
    return { readable: true, fingerprint, lastUpdateIsOurs: raw.lastUpdateIsOurs, pages }
  } finally {
    await doc.destroy()
  }
}
