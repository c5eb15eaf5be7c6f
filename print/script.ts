/**
 * The script the print HTML carries (bundled as one IIFE by electron/services/output/pageScript.ts
 * or scripts/build.mjs): once the fonts are in, it lays the flow out as pages (pages.ts) and leaves
 * `window.ddPaged` resolving with the page count and the pages where a rule gave way. The printers
 * wait for it before printing.
 */
import { layoutPages, type PagesResult } from './pages'

declare global {
  interface Window {
    ddPaged?: Promise<PagesResult>
  }
}

window.ddPaged = document.fonts.ready
  .then(() => {
    performance.mark('dd:pages-start')
    return layoutPages(document).done
  })
  .then((result) => {
    // how long the pages took (the PDF benchmark reads it)
    performance.measure('dd:pages', 'dd:pages-start')
    document.documentElement.dataset.pages = String(result.pages)
    return result
  })
