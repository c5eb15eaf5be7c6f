/**
 * Print HTML → PDF. The browser shell and the CLI print with headless Chromium (playwright-core and
 * the system's Chromium/Chrome/Edge); the Electron app passes its own printer (webContents.printToPDF)
 * in its place. Both print the same HTML, which carries the paginating script (print/script.ts):
 * they wait for its pages (`window.ddPaged`), then print each page box as one A4 sheet.
 */
import fs from 'node:fs'
import { ApiError } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'

/** What the page's script reports once its pages are built (print/pages.ts PagesResult). */
export interface PagesLaidOut {
  pages: number
  /** 1-based pages where a pagination rule had to give way */
  forced: number[]
}

export interface PdfPrinter {
  /** Prints a complete HTML page to PDF bytes; `onPages` hears what the page's script laid out. */
  print(html: string, onPages?: (pages: PagesLaidOut) => void): Promise<Uint8Array>
  /** Frees the browser, if one is kept. */
  close?(): Promise<void>
  /** Starts the browser now (kept printers), so its start overlaps what comes before the print. */
  warm?(): void
}

/** No way to print a PDF here: a refusal the writer can act on (install a browser), not a fault. */
export class PdfUnavailableError extends ApiError {
  constructor(reason: Message) {
    super(reason)
    this.name = 'PdfUnavailableError'
  }
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
]

/** The browser to print with: $CHROMIUM_PATH, else the first installed Chromium, Chrome or Edge. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none']

type Browser = import('playwright-core').Browser

/**
 * A printer on headless Chromium. `keepAlive` keeps one browser between prints (the browser shell);
 * otherwise each print starts and stops its own (the CLI).
 */
export function chromiumPrinter(opts: { executablePath?: string; keepAlive?: boolean } = {}): PdfPrinter {
  let browser: Promise<Browser> | null = null
  const launch = async (): Promise<Browser> => {
    const executablePath = opts.executablePath ?? findChromium()
    if (!executablePath)
      throw new PdfUnavailableError(msg('pdf.noBrowser'))
    const { chromium } = await import('playwright-core')
    try {
      return await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
    } catch (err) {
      throw new PdfUnavailableError(msg('pdf.cannotStart', { browser: executablePath, detail: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) }))
    }
  }
  const print = async (b: Browser, html: string, onPages?: (pages: PagesLaidOut) => void): Promise<Uint8Array> => {
    const page = await b.newPage()
    try {
      // no network: everything the page needs is inline
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
      await page.setContent(html, { waitUntil: 'load' })
      const laidOut = (await page.evaluate('window.ddPaged ? window.ddPaged : document.fonts.ready.then(() => null)')) as PagesLaidOut | null
      if (laidOut) onPages?.(laidOut)
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
      return new Uint8Array(pdf)
    } finally {
      await page.close()
    }
  }
  return {
    async print(html, onPages) {
      if (opts.keepAlive) {
        browser ??= launch()
        let b: Browser
        try {
          b = await browser
        } catch (err) {
          browser = null
          throw err
        }
        if (!b.isConnected()) {
          browser = launch()
          b = await browser
        }
        return print(b, html, onPages)
      }
      const b = await launch()
      try {
        return await print(b, html, onPages)
      } finally {
        await b.close()
      }
    },
    warm() {
      if (!opts.keepAlive || browser) return
      browser = launch()
      browser.catch(() => (browser = null))
    },
    async close() {
      const b = browser
      browser = null
      if (b) await (await b.catch(() => null))?.close()
    },
  }
}
