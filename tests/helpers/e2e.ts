/**
 * The end-to-end fixture: one Chromium per test file, a fresh browser shell (own library in a temp
 * folder) per app opened, everything stopped after each test.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchChromium, startShell, type RunningShell, type ShellOptions } from './shell'
import { useTempDirs } from './tempDir'

export interface E2E {
  tempDir(): string
  browser(): Browser
  /** Starts a browser shell on `dataDir` (a fresh one by default) and opens it in a new page. */
  openApp(dataDir?: string, opts?: ShellOptions): Promise<{ page: Page; shell: RunningShell; dataDir: string; errors: string[] }>
  /** Starts a browser shell without a page (stopped after the test like the others). */
  startShell(dataDir: string, opts?: ShellOptions): Promise<RunningShell>
  /** Opens the app (on a fresh library by default), creates a document, types its title and leaves the caret in the body. */
  newDocument(title?: string, dataDir?: string): Promise<Page>
  /** Stops a shell early (e.g. to restart it on the same library). */
  stop(shell: RunningShell, signal?: NodeJS.Signals): Promise<void>
}

export function useE2E(): E2E {
  const tempDir = useTempDirs()
  let browser: Browser | undefined
  const shells: RunningShell[] = []
  const pageErrors: string[] = []
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    for (const s of shells.splice(0)) await s.stop()
    // an uncaught error in the page is a bug even when the test's assertions pass
    const errors = pageErrors.splice(0)
    if (errors.length) throw new Error(`uncaught errors in the page:\n${errors.join('\n')}`)
  })

  const start: E2E['startShell'] = async (dataDir, opts) => {
    const shell = await startShell(dataDir, opts)
    shells.push(shell)
    return shell
  }
  const openApp: E2E['openApp'] = async (dataDir = tempDir(), opts) => {
    const shell = await start(dataDir, opts)
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (e) => {
      errors.push(e.message)
      pageErrors.push(e.message)
    })
    await page.goto(shell.url)
    await page.locator('.app, .library-unavailable').first().waitFor()
    return { page, shell, dataDir, errors }
  }

  return {
    tempDir,
    browser: () => browser!,
    openApp,
    startShell: start,
    async newDocument(title = '测试文稿', dataDir?: string) {
      const { page } = await openApp(dataDir)
      await page.click('[data-testid=new-document]')
      await page.locator('.document-body').waitFor()
      await page.click('.dd-title')
      await page.keyboard.insertText(title)
      await page.keyboard.press('Enter')
      return page
    },
    async stop(shell, signal) {
      const i = shells.indexOf(shell)
      if (i >= 0) shells.splice(i, 1)
      await shell.stop(signal)
    },
  }
}

/** The outline's entries as the writer reads them: number and title. */
export const outlineEntries = (page: Page) => page.locator('.outline li[data-key] .outline-jump').allInnerTexts()

/** Fires a real paste event carrying the given clipboard data at the editor. */
export async function pasteInto(page: Page, data: Record<string, string>): Promise<void> {
  await page.evaluate(`(() => {
    const dt = new DataTransfer()
    const data = ${JSON.stringify(data)}
    for (const [type, value] of Object.entries(data)) dt.setData(type, value)
    document.querySelector('.document-body').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  })()`)
}
