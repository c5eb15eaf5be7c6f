/**
 * .pdf → text for the recognizer, read with pdfjs-dist (Mozilla's PDF.js, legacy build for Node).
 *
 * PDF.js runs here, inside the import worker (worker/tasks.ts), loaded by worker/pdfjs.ts from its
 * own bundle (the one verify uses), so imports of other formats never parse it; its own "worker"
 * runs on this thread.
 * Nothing is rendered: no canvas, no font faces, no system fonts, no eval; only each page's text
 * items with their positions, which pdfLayout.ts turns into lines without page numbers and
 * running headers/footers. The text then takes the .txt path (junk rules, reflow, recognizer).
 *
 * Refused with a message: a PDF that needs a password (`import.pdfEncrypted`), a damaged one
 * (`import.pdfDamaged`), one whose pages hold only images — a scan — (`import.pdfScanned`). Pages
 * without text in a PDF that has text elsewhere are named in a warning.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { ApiError } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'
import { loadPdfjs } from '../worker/pdfjs'
import { pagesToText, type PdfPage, type PdfTextItem } from './pdfLayout'
import { damagedReason, pdfCutShort } from './errors'

/**
 * PDF.js's character maps (for PDFs whose Chinese fonts are not embedded), as a folder path with
 * a trailing separator, or undefined when the package's files cannot be found (text in embedded
 * fonts — what Word, WPS and LibreOffice write — reads without them). The worker's code is
 * evaluated from text, so the package is looked for from the running script (CLI, server), the
 * working folder, and Electron's resources (app.asar, or unpacked beside it).
 */
function cmapDir(): string | undefined {
  // in the worker, process.argv ends with the main thread's script (worker/run.ts passes it)
  const from = [...process.argv.slice(1), path.join(process.cwd(), 'index.js')].filter((f) => path.isAbsolute(f))
  for (const file of from) {
    try {
      const dir = path.join(path.dirname(createRequire(file).resolve('pdfjs-dist/package.json')), 'cmaps')
      if (fs.existsSync(dir)) return dir + path.sep
    } catch {
      // not installed where this file is
    }
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath
  for (const asar of resources ? ['app.asar.unpacked', 'app.asar'] : []) {
    const dir = path.join(resources!, asar, 'node_modules', 'pdfjs-dist', 'cmaps')
    if (fs.existsSync(dir)) return dir + path.sep
  }
  return undefined
}

let cmaps: string | undefined | null = null

export interface PdfText {
  text: string
  warnings: Message[]
}

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const lib = await loadPdfjs()
  cmaps = cmaps === null ? cmapDir() : cmaps
  const cMapUrl = cmaps
  // PDF.js takes ownership of (and detaches) the buffer it is given
  const task = lib.getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (err) {
    await task.destroy().catch(() => undefined)
    const name = (err as { name?: string } | null)?.name
    if (name === 'PasswordException') throw new ApiError('import.pdfEncrypted')
    throw new ApiError('import.pdfDamaged', {}, { reason: pdfCutShort(bytes) ? damagedReason.truncated() : damagedReason.structure() })
  }
  try {
    const pages: PdfPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [, , width, height] = page.view as [number, number, number, number]
      const content = await page.getTextContent()
      const items: PdfTextItem[] = []
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue
        const [a, b, , d, x, y] = item.transform as number[]
        // the font size: the text matrix's scale (rotated text keeps its size)
        const size = Math.hypot(b ?? 0, d ?? 0) || Math.abs(a ?? 0) || item.height
        items.push({ text: item.str, x: x ?? 0, y: y ?? 0, width: item.width, size })
      }
      pages.push({ items, width, height })
      page.cleanup()
    }
    const { text, removed, emptyPages } = pagesToText(pages)
    if (!/[^\s\u3000]/.test(text)) {
      if (removed.length === 0) throw new ApiError('import.pdfScanned', { pages: doc.numPages })
      throw new ApiError('import.pdfNoText')
    }
    const warnings: Message[] = []
    if (removed.length) warnings.push(msg('import.pdfFurniture', { count: removed.length }))
    if (emptyPages) warnings.push(msg('import.pdfImagePages', { count: emptyPages }))
    return { text, warnings }
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}
