/** The 出稿 methods of the API: export, print and 定稿, onto the render logic (index.ts) and the FinalStore. */
import type { outputContract } from '../../../shared/api'
import { fingerprintOf } from '../../../shared/output/canonical'
import { AssetStore } from '../assets/store'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { exportFileName, MIME, printViewHtml, renderExport, sourceFor, type ExportSource } from './index'
import type { PdfPrinter } from './pdf'
import { FinalStore } from './store'

export interface OutputHooks {
  /** prints HTML to PDF (default: headless Chromium) */
  printer?: () => PdfPrinter
  /** opens the system print dialog for HTML (Electron only); absent → the page prints itself */
  print?: (html: string, title: string) => Promise<boolean>
}

export function createOutputHandlers(host: LibraryHost, hooks: OutputHooks = {}): Handlers<typeof outputContract> {
  const finals = () => new FinalStore(host.database(), host.documents())
  const assets = () => new AssetStore(host.database())
  const source = (id: string, revisionId?: number): ExportSource => {
    const f = finals()
    if (revisionId !== undefined) {
      const revision = f.get(revisionId)
      return sourceFor(revision.model, [], revision)
    }
    return sourceFor(host.documents().get(id).model, f.list(id))
  }
  return {
    'export.render': async ({ id, format, revisionId, model, printMark, comments }) => {
      // an unsaved text is exported as it is: no 定稿 of the stored document can match it
      const src = model ? sourceFor(model, []) : source(id, revisionId)
      let forced: number[] = []
      // 批注 go into a DOCX only: PDF and print never show them, TXT and Markdown have no place for them
      const withComments = format === 'docx' && !!comments?.length
      let counts: { written: number; skipped: number } | null = null
      const bytes = await renderExport(src, format, {
        assets: assets(),
        printMark: !!printMark,
        onPages: (p) => (forced = p.forced),
        ...(hooks.printer ? { printer: hooks.printer } : {}),
        ...(withComments ? { comments, onComments: (c: { written: number; skipped: number }) => (counts = c) } : {}),
      })
      return {
        fileName: exportFileName(src.model, format, src.final),
        mime: MIME[format],
        dataBase64: Buffer.from(bytes).toString('base64'),
        final: src.final ?? null,
        ...(forced.length ? { forcedPages: forced } : {}),
        ...(counts ? { comments: counts } : {}),
      }
    },
    'export.print': async ({ id, revisionId, printMark }) => {
      if (!hooks.print) return { printed: false }
      const src = source(id, revisionId)
      return { printed: await hooks.print(await printViewHtml(src, { assets: assets(), printMark: !!printMark }), src.model.title) }
    },
    'finals.create': ({ id, name, author }) => finals().create(id, name, author),
    'finals.list': ({ id }) => {
      const f = finals()
      const list = f.list(id)
      // a purged document has 定稿 but no current text
      const current = host.documents().exists(id) ? fingerprintOf(host.documents().get(id).model) : null
      return { finals: list, lastAuthor: f.lastAuthor(), currentFingerprint: current }
    },
    'finals.get': ({ revisionId }) => finals().get(revisionId),
  }
}
