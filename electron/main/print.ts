/**
 * PDF and printing in the desktop app: the print view (the same HTML the CLI prints with headless
 * Chromium) loaded in a hidden window, then webContents.printToPDF or webContents.print (the system
 * print dialog). Plain functions over a minimal window interface, so tests can drive them without
 * Electron; main.ts passes the real BrowserWindow.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OutputHooks } from '../services/output/handlers'

export interface PrintWindow {
  loadFile(file: string): Promise<void>
  webContents: {
    printToPDF(options: Record<string, unknown>): Promise<Uint8Array>
    print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void
  }
  destroy(): void
}

export type MakePrintWindow = () => PrintWindow

/** Options for the hidden window: no scripts, no Node, sandboxed (the page is static HTML). */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 800,
  height: 1100,
  webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
} as const

/** The same page geometry as the CSS: the page's own @page size and margins. */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true } as const

async function withPage<T>(make: MakePrintWindow, html: string, use: (win: PrintWindow) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-print-'))
  const file = path.join(dir, 'print.html')
  fs.writeFileSync(file, html)
  const win = make()
  try {
    await win.loadFile(file)
    return await use(win)
  } finally {
    win.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function electronOutputHooks(make: MakePrintWindow): OutputHooks {
  return {
    printer: () => ({
      print: (html) => withPage(make, html, async (win) => new Uint8Array(await win.webContents.printToPDF(PDF_OPTIONS))),
    }),
    print: (html) =>
      withPage(make, html, (win) => new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)))),
  }
}
