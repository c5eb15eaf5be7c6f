/**
 * 打印预览: the print view rendered from the model (shared/output/printHtml.ts, the HTML the PDF is
 * printed from) in a frame, cut into real A4 pages (paginate.ts). Says which substitute fonts are
 * used when the standard ones are missing. Printing goes through the host (Electron: the system
 * dialog) or, in the browser shell, through the browser's own print of the same print view.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SummaryDocument } from '../../../shared/document/model'
import { fingerprintOf, shortFingerprint } from '../../../shared/output/canonical'
import type { FinalSummary } from '../../../shared/api'
import { prepareOutput } from '../../../shared/output/prepare'
import { printHtml, type PrintAsset } from '../../../shared/output/printHtml'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { printAssetsFor } from './assets'
import { fontReport, type FontReport } from './fonts'
import { paginate } from './paginate'
import { PREVIEW_CSS } from './previewCss'
import './output.css'

interface Props {
  model: SummaryDocument
  /** the 定稿 the model is, if any (its mark is printed) */
  final?: FinalSummary | null
  /** prints through the host; resolves false when the host cannot (the browser shell) */
  hostPrint?: () => Promise<boolean>
  onClose(): void
}

export function PrintPreview({ model, final, hostPrint, onClose }: Props) {
  const { t } = useTranslation('output')
  const api = useApi()
  const frame = useRef<HTMLIFrameElement>(null)
  const [assets, setAssets] = useState<Map<string, PrintAsset> | null>(null)
  const [pages, setPages] = useState<{ count: number; done: boolean }>({ count: 0, done: false })
  const [fonts, setFonts] = useState<FontReport[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void printAssetsFor(api, model).then((a) => live && setAssets(a))
    return () => {
      live = false
    }
  }, [api, model])

  const mark = useMemo(() => {
    if (!final || final.fingerprint !== fingerprintOf(model)) return undefined
    return { fingerprint: final.fingerprint, short: shortFingerprint(final.fingerprint), name: final.name, author: final.author, frozenAt: final.createdAt, revisionId: final.revisionId }
  }, [final, model])
  const html = useMemo(() => (assets ? printHtml(prepareOutput(model, mark), { assets, extraCss: PREVIEW_CSS }) : null), [assets, model, mark])

  useEffect(() => {
    const iframe = frame.current
    if (!html || !iframe) return
    let pagination: { cancel(): void } | null = null
    const onLoad = () => {
      const doc = iframe.contentDocument
      if (!doc) return
      try {
        const container = doc.createElement('div')
        container.className = 'pages'
        doc.body.appendChild(container)
        const p = paginate(doc, container, {
          ...(mark ? { finalMark: `定稿 ${mark.short} · ${mark.name}` } : {}),
          onProgress: (count, done) => setPages({ count, done }),
        })
        pagination = p
        requestAnimationFrame(() => performance.mark('dd:preview-first-page'))
        setFonts(fontReport(doc))
      } catch (err) {
        setError(errorMessage(err))
      }
    }
    iframe.addEventListener('load', onLoad, { once: true })
    iframe.srcdoc = html
    return () => {
      iframe.removeEventListener('load', onLoad)
      pagination?.cancel()
    }
  }, [html, mark])

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
      if (!html) return
      // the browser's own print of the pure print view (its @page rules place the page numbers)
      // the print view alone in a frame of its own, printed from there: the app's window (toolbars,
      // lists, panels) never reaches the printer, and the pages are the PDF's
      document.querySelectorAll('.print-frame').forEach((f) => f.remove())
      const printable = document.createElement('iframe')
      printable.className = 'print-frame'
      printable.setAttribute('aria-hidden', 'true')
      printable.setAttribute('data-testid', 'print-frame')
      document.body.appendChild(printable)
      printable.addEventListener('load', () => {
        const win = printable.contentWindow
        if (!win) return
        // removed once the dialog is done with it (print() returns before that in some browsers)
        win.addEventListener('afterprint', () => setTimeout(() => printable.remove(), 0), { once: true })
        win.print()
        printable.dataset.printed = 'true'
      }, { once: true })
      printable.srcdoc = html.replace(PREVIEW_CSS, '')
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
