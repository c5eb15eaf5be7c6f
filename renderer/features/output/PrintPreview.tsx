/**
 * 打印预览: the print view rendered from the model (shared/output/printHtml.ts, the HTML the PDF is
 * printed from) in a frame, cut into A4 pages by print/pages.ts — the same code the PDF printers run
 * in their page, so the preview is the PDF page for page. Says which substitute fonts are used when
 * the standard ones are missing, and which pages had to bend a pagination rule. Printing goes through
 * the host (Electron: the system dialog) or, in the browser shell, the browser's print of these pages.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SummaryDocument } from '../../../shared/document/model'
import { fingerprintOf, shortFingerprint } from '../../../shared/output/canonical'
import type { FinalSummary } from '../../../shared/api'
import { prepareOutput } from '../../../shared/output/prepare'
import { printHtml } from '../../../shared/output/printHtml'
import { msg } from '../../../shared/errors'
import { errorMessage, translateMessage } from '../../app/errors'
import { usePrintAssets } from './assets'
import { fontReport, type FontReport } from './fonts'
import { layoutPages } from '../../../print/pages'
import { PREVIEW_CSS } from './previewCss'
import './output.css'

interface Props {
  model: SummaryDocument
  /** the 定稿 the model is, if any */
  final?: FinalSummary | null
  /** print the 定稿 mark at the foot of each page (only when the writer asks) */
  printMark?: boolean
  /** prints through the host; resolves false when the host cannot (the browser shell) */
  hostPrint?: () => Promise<boolean>
  onClose(): void
}

export function PrintPreview({ model, final, printMark, hostPrint, onClose }: Props) {
  const { t } = useTranslation('output')
  const frame = useRef<HTMLIFrameElement>(null)
  const assets = usePrintAssets(model)
  const [pages, setPages] = useState<{ count: number; done: boolean; forced: number[] }>({ count: 0, done: false, forced: [] })
  const [fonts, setFonts] = useState<FontReport[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const mark = useMemo(() => {
    if (!final || final.fingerprint !== fingerprintOf(model)) return undefined
    return { fingerprint: final.fingerprint, short: shortFingerprint(final.fingerprint), name: final.name, author: final.author, frozenAt: final.createdAt, revisionId: final.revisionId }
  }, [final, model])
  const html = useMemo(() => (assets ? printHtml(prepareOutput(model, mark), { assets, extraCss: PREVIEW_CSS, printMark: !!printMark }) : null), [assets, model, mark, printMark])

  useEffect(() => {
    const iframe = frame.current
    if (!html || !iframe) return
    let pagination: { cancel(): void } | null = null
    let gone = false
    const layOut = (doc: Document) => {
      if (gone) return
      try {
        const container = doc.createElement('div')
        container.className = 'pages'
        doc.body.appendChild(container)
        // the same code, on the same HTML, as the PDF printers run (print/script.ts): the same pages
        const p = layoutPages(doc, container, { sliceSize: 8, onProgress: (count, done) => !done && setPages({ count, done: false, forced: [] }) })
        void p.done.then((r) => !gone && setPages({ count: r.pages, done: true, forced: r.forced }))
        pagination = p
        requestAnimationFrame(() => {
          performance.mark('dd:preview-first-page')
          // the font probe measures text in a dozen fallback families (tens of ms): it runs once
          // page 1 is on screen, so the writer sees the page first and the font note a moment later
          setTimeout(() => !gone && setFonts(fontReport(doc)), 0)
        })
      } catch (err) {
        setError(errorMessage(err))
      }
    }
    const onLoad = () => {
      const doc = iframe.contentDocument
      if (!doc) return
      // measured with the fonts the PDF printers wait for too
      void doc.fonts.ready.then(() => layOut(doc))
    }
    iframe.addEventListener('load', onLoad, { once: true })
    iframe.srcdoc = html
    return () => {
      gone = true
      iframe.removeEventListener('load', onLoad)
      pagination?.cancel()
    }
  }, [html])

  // Ctrl+P in the preview prints it (the first Ctrl+P opened it: see OutputPlugin)
  const printNow = useRef<() => Promise<void>>(async () => {})
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
      else if (isPrintKey(e)) {
        e.preventDefault()
        void printNow.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  const print = async () => {
    try {
      if (hostPrint && (await hostPrint())) return
      // the browser's own print of these very pages (each page box one sheet; the screen dress is @media screen)
      frame.current?.contentWindow?.print()
      if (frame.current) frame.current.dataset.printed = 'true'
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  printNow.current = print

  const missing = fonts?.filter((f) => f.missing) ?? []
  return (
    <div className="print-preview" role="dialog" aria-modal="true" aria-label={t('preview.title')} data-testid="print-preview">
      <header className="print-preview-bar">
        <strong>{t('preview.title')}</strong>
        <span data-testid="preview-pages" data-done={pages.done ? 'true' : 'false'}>
          {pages.done ? t('preview.pages', { count: pages.count }) : t('preview.laying', { count: pages.count })}
        </span>
        {fonts && (
          <span className={missing.length ? 'font-note warn' : 'font-note'} data-testid="font-note">
            {missing.length ? t('preview.fonts', { list: missing.map((f) => `${f.wanted} → ${f.used}`).join(t('preview.listSeparator')) }) : t('preview.fontsOk')}
          </span>
        )}
        {pages.done && pages.forced.length > 0 && (
          <span className="font-note warn" data-testid="preview-forced" data-pages={pages.forced.join(',')}>
            {translateMessage(msg('check.pagesForced', { pages: pages.forced.join(t('preview.listSeparator')), count: pages.forced.length }))}
          </span>
        )}
        {error && <span className="error" role="alert">{error}</span>}
        <span className="spacer" />
        <button onClick={() => void print()} autoFocus data-testid="preview-print" title={t('preview.printHint')}>{t('preview.print')}</button>
        <button onClick={onClose} data-testid="preview-close">{t('preview.close')}</button>
      </header>
      <iframe ref={frame} className="print-preview-frame" title={t('preview.title')} data-testid="preview-frame" />
    </div>
  )
}

/** Ctrl+P (⌘P on a Mac): the key writers press to print. */
export function isPrintKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && (e.key === 'p' || e.key === 'P' || e.code === 'KeyP')
}
