/**
 * Export: the document (or one of its 定稿) → DOCX, PDF, TXT or Markdown, and the print view. The
 * same code answers the app (both shells, through the API) and the CLI. Every file is written with a
 * temp file and a rename (atomicWrite.ts): a failed export never leaves a half-written file.
 */
import { ApiError, type ExportComment, type ExportFormat, type FinalSummary } from '../../../shared/api'
import { msg } from '../../../shared/errors'
import type { SummaryDocument } from '../../../shared/document/model'
import { fingerprintOf, shortFingerprint } from '../../../shared/output/canonical'
import { renderMarkdown, renderText } from '../../../shared/output/plain'
import { prepareOutput, type FinalMark } from '../../../shared/output/prepare'
import { printHtml, type PrintAsset } from '../../../shared/output/printHtml'
import type { AssetStore } from '../assets/store'
import { writeFileAtomic } from './atomicWrite'
import { buildDocx, type ImageAsset } from './docx'
import { pageScript } from './pageScript'
import { PdfUnavailableError, type PagesLaidOut, type PdfPrinter } from './pdf'
import { PDF_FINGERPRINT_KEY, withPdfInfo } from './pdfInfo'

export { writeFileAtomic } from './atomicWrite'
export { buildDocx, FINGERPRINT_PROPERTY } from './docx'
export { chromiumPrinter, findChromium, PdfUnavailableError, type PagesLaidOut, type PdfPrinter } from './pdf'
export { FinalStore } from './store'
export { verifyFile, type VerifyResult } from './verify'

export const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
}

/** Where the model of an export comes from. */
export interface ExportSource {
  model: SummaryDocument
  final?: FinalSummary | null
}

export interface ExportDeps {
  assets?: AssetStore | null
  printer?: () => PdfPrinter
  /** print the 定稿 mark at the foot of every page (off by default: GB/T 9704 has none) */
  printMark?: boolean
  /** hears the PDF's pages as the page's script laid them out (pages where a rule gave way) */
  onPages?: (pages: PagesLaidOut) => void
  /** DOCX: 批注 written as Word comments (never in the other formats: they print no comments) */
  comments?: readonly ExportComment[]
  /** hears how many of `comments` were written and how many were skipped */
  onComments?: (counts: { written: number; skipped: number }) => void
}

const toMark = (f: FinalSummary): FinalMark => ({ fingerprint: f.fingerprint, short: f.short, name: f.name, author: f.author, frozenAt: f.createdAt, revisionId: f.revisionId })

/** A file name from the title: no path characters, not too long. */
export function exportFileName(model: SummaryDocument, format: ExportFormat, final?: FinalSummary | null): string {
  const base = (model.title.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim() || '未命名文稿').slice(0, 80)
  return `${base}${final ? `（${final.name.replace(/[\\/:*?"<>|]+/g, ' ')}）` : ''}.${format}`
}

function images(model: SummaryDocument, assets: AssetStore | null | undefined): Map<string, ImageAsset> {
  const out = new Map<string, ImageAsset>()
  for (const id of [model.signature?.sealAssetId, model.signature?.signatureAssetId]) {
    if (!id) continue
    if (!assets) throw new ApiError('export.libraryClosed')
    let found
    try {
      found = assets.data(id)
    } catch {
      throw new ApiError(id === model.signature?.sealAssetId ? 'export.sealMissing' : 'export.signatureMissing')
    }
    out.set(id, { data: found.data, mime: found.asset.mime, width: found.asset.width, height: found.asset.height })
  }
  return out
}

export function printAssets(imgs: ReadonlyMap<string, ImageAsset>): Map<string, PrintAsset> {
  return new Map([...imgs].map(([id, a]) => [id, { dataUrl: `data:${a.mime};base64,${Buffer.from(a.data).toString('base64')}` }]))
}

/** The print view of a model with its paginating script (for PDF, Electron's print and printToPDF). */
export async function printViewHtml(source: ExportSource, deps: ExportDeps = {}): Promise<string> {
  const out = prepareOutput(source.model, source.final ? toMark(source.final) : undefined)
  return printHtml(out, { assets: printAssets(images(source.model, deps.assets)), script: await pageScript(), printMark: !!deps.printMark })
}

/** The finished file's bytes. */
export async function renderExport(source: ExportSource, format: ExportFormat, deps: ExportDeps = {}): Promise<Uint8Array> {
  const mark = source.final ? toMark(source.final) : undefined
  const out = prepareOutput(source.model, mark)
  switch (format) {
    case 'txt':
      return new TextEncoder().encode(renderText(out))
    case 'md':
      return new TextEncoder().encode(renderMarkdown(out))
    case 'docx':
      return buildDocx(out, { assets: images(source.model, deps.assets), model: source.model, ...(deps.comments?.length ? { comments: deps.comments } : {}), ...(deps.onComments ? { onComments: deps.onComments } : {}) })
    case 'pdf': {
      if (!deps.printer) throw new PdfUnavailableError(msg('pdf.noPrinter'))
      const html = printHtml(out, { assets: printAssets(images(source.model, deps.assets)), script: await pageScript(), printMark: !!deps.printMark })
      const pdf = await deps.printer().print(html, deps.onPages)
      const info: Record<string, string> = { Creator: 'DraftDesk 稿台', Producer: 'DraftDesk 稿台 (Chromium)' }
      if (mark) Object.assign(info, { [PDF_FINGERPRINT_KEY]: mark.fingerprint, Keywords: `定稿 ${mark.short} ${mark.fingerprint}`, Subject: `定稿「${mark.name}」 ${mark.short}`, Author: mark.author })
      return withPdfInfo(pdf, info, out.titleLines.join(''))
    }
  }
}

export async function exportToFile(source: ExportSource, format: ExportFormat, target: string, deps: ExportDeps = {}): Promise<void> {
  await writeFileAtomic(target, () => renderExport(source, format, deps))
}

/** The 定稿 a document's current text equals, if any: exporting right after 定稿 carries its mark. */
export function sourceFor(model: SummaryDocument, finals: readonly FinalSummary[], revision?: { final: FinalSummary; model: SummaryDocument }): ExportSource {
  if (revision) return { model: revision.model, final: revision.final }
  const fp = fingerprintOf(model)
  return { model, final: finals.find((f) => f.fingerprint === fp) ?? null }
}

export { shortFingerprint }
