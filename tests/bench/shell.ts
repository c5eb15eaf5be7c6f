/** What the browser benchmarks share: a document stored before the shell starts, and a page on the shell. */
import type { Browser, Page } from 'playwright-core'
import { callApi, createServices } from '../../electron/services'
import type { SummaryDocument } from '../../shared/document/model'
import { launchChromium, startShell } from '../helpers/shell'

/** Stores a document in the library at `dataDir` (before a shell opens it). */
export async function storeDocument(dataDir: string, model: SummaryDocument, title = model.title): Promise<void> {
  const services = createServices({ dataDir })
  await callApi(services.handlers, 'documents.create', { title, model })
  services.close()
}

/** A page of the benchmarks' size. */
export const newPage = (browser: Browser): Promise<Page> => browser.newPage({ viewport: { width: 1400, height: 900 } })

/** Starts a browser shell on `dataDir` and headless Chromium, runs `fn` on a page showing the app, then stops both. */
export async function withShellPage(dataDir: string, fn: (page: Page, browser: Browser) => Promise<void>): Promise<void> {
  const shell = await startShell(dataDir)
  const browser = await launchChromium()
  try {
    const page = await newPage(browser)
    await page.goto(shell.url)
    await fn(page, browser)
  } finally {
    await browser.close()
    await shell.stop()
  }
}
