/**
 * PDF and printing in the desktop app: the print view (the same HTML the CLI prints with headless
 * Chromium) loaded in a window of its own, then webContents.printToPDF or webContents.print (the
 * system print dialog). Plain functions over a minimal window interface, so tests can drive them
 * without Electron; main.ts passes real BrowserWindows.
 *
 * PDF: a hidden window is enough. The system print dialog is different: opened from a window that
 * is never shown it may come up behind the app or not at all, and the call may never return. So
 * printing shows the page in a visible window of its own (a child of the main window, titled
 * 打印 — <title>), opens the dialog from there, and gives up after a time limit with a message
 * instead of leaving the writer waiting.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OutputHooks } from '../services/output/handlers'
import type { PagesLaidOut } from '../services/output/pdf'

export interface PrintWindow {
  loadFile(file: string): Promise<void>
  show(): void
  isDestroyed(): boolean
  webContents: {
    /** runs the page's own script's promise to completion (the paginated pages) */
    executeJavaScript(code: string): Promise<unknown>
    printToPDF(options: Record<string, unknown>): Promise<Uint8Array>
    print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void
  }
  once(event: 'closed', listener: () => void): unknown
  destroy(): void
}

/** 'pdf': hidden, for printToPDF. 'print': shown (main.ts makes it a child of the main window). */
export type MakePrintWindow = (purpose: 'pdf' | 'print', title: string) => PrintWindow

/**
 * Scripts on: the print HTML carries the script that lays out its pages (print/script.ts, the same
 * pages as the preview). It is our own page, loaded from a file, sandboxed, no Node and no network.
 */
const PAGE_PREFERENCES = { javascript: true, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false } as const

/** Waits for the page's pages (a page without the script has none to wait for). */
const PAGED = 'window.ddPaged ? window.ddPaged.then((r) => r) : document.fonts.ready.then(() => null)'

/** The hidden window printToPDF uses: sandboxed, no Node (the page is our print view and its pagination script). */
export const PRINT_WINDOW_OPTIONS = { show: false, width: 800, height: 1100, webPreferences: PAGE_PREFERENCES } as const

/** The visible window the system print dialog is opened from (shown once the page has loaded). */
export function printPreviewWindowOptions(title: string) {
  return { show: false, width: 820, height: 1000, title: `打印 — ${title}`, autoHideMenuBar: true, webPreferences: PAGE_PREFERENCES } as const
}

/** The same page geometry as the CSS: the page's own @page size and margins. */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true } as const

/** The system dialog starts on A4, the size of every GB/T 9704 page. */
export const SYSTEM_PRINT_OPTIONS = { silent: false, printBackground: true, pageSize: 'A4' } as const

/** How long the system print dialog may stay open before the app stops waiting for it. */
export const PRINT_DIALOG_TIMEOUT_MS = 10 * 60_000

export type PrintOutcome = { kind: 'printed' } | { kind: 'cancelled' } | { kind: 'failed'; reason: string } | { kind: 'timeout' }

/** What the writer is told when the system dialog did not print (undefined: nothing to say). */
export function printOutcomeMessage(outcome: PrintOutcome, timeoutMs = PRINT_DIALOG_TIMEOUT_MS): string | undefined {
  if (outcome.kind === 'failed') {
    return `打印失败：${outcome.reason || '原因不明'}。\n可以先「导出 PDF」，再用 PDF 阅读器打印。\nPrinting failed (${outcome.reason || 'unknown reason'}); export a PDF and print that instead.`
  }
  if (outcome.kind === 'timeout') {
    const minutes = Math.round(timeoutMs / 60_000)
    return `系统打印对话框 ${minutes} 分钟内没有返回，已停止等待。\n请检查打印机和系统的打印服务，或先「导出 PDF」再打印。\nThe system print dialog did not come back within ${minutes} minutes; check the printer, or export a PDF and print that.`
  }
  return undefined
}

async function withPage<T>(win: PrintWindow, html: string, use: (win: PrintWindow, laidOut: PagesLaidOut | null) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-print-'))
  const file = path.join(dir, 'print.html')
  fs.writeFileSync(file, html)
  try {
    await win.loadFile(file)
    const laidOut = (await win.webContents.executeJavaScript(PAGED)) as PagesLaidOut | null
    return await use(win, laidOut)
  } finally {
    if (!win.isDestroyed()) win.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Opens the system print dialog from a shown window; resolves with what came of it. Closing the
 * window counts as cancelling; no answer within timeoutMs is a 'timeout'.
 */
export function printFromVisibleWindow(win: PrintWindow, timeoutMs = PRINT_DIALOG_TIMEOUT_MS): Promise<PrintOutcome> {
  return new Promise<PrintOutcome>((resolve) => {
    let settled = false
    const settle = (outcome: PrintOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(outcome)
    }
    const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs)
    win.once('closed', () => settle({ kind: 'cancelled' }))
    try {
      win.show()
      win.webContents.print({ ...SYSTEM_PRINT_OPTIONS }, (success, failureReason) => {
        if (success) settle({ kind: 'printed' })
        else if (/cancel/i.test(failureReason)) settle({ kind: 'cancelled' })
        else settle({ kind: 'failed', reason: failureReason })
      })
    } catch (error) {
      settle({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) })
    }
  })
}

export interface ElectronOutputDeps {
  make: MakePrintWindow
  /** Tells the writer what went wrong (main.ts: a message box on the main window). */
  notify(message: string): void
  timeoutMs?: number
}

export function electronOutputHooks(deps: ElectronOutputDeps): OutputHooks {
  return {
    printer: () => ({
      print: (html, onPages) =>
        withPage(deps.make('pdf', 'PDF'), html, async (win, laidOut) => {
          if (laidOut) onPages?.(laidOut)
          return new Uint8Array(await win.webContents.printToPDF(PDF_OPTIONS))
        }),
    }),
    // Resolves true whenever the app itself dealt with the request (printed, cancelled by the
    // writer, or a failure it has explained): false would make the page print its own preview,
    // a second dialog right after the first.
    print: (html, title) =>
      withPage(deps.make('print', title), html, async (win) => {
        const outcome = await printFromVisibleWindow(win, deps.timeoutMs)
        const message = printOutcomeMessage(outcome, deps.timeoutMs)
        if (message) deps.notify(message)
        return true
      }),
  }
}
