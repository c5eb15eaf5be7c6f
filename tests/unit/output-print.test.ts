/** The desktop app's PDF and print windows (electron/main/print.ts) with a fake window. */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { electronOutputHooks, PDF_OPTIONS, type PrintWindow } from '../../electron/main/print'

function fakeWindow(log: string[]): PrintWindow {
  let loaded = ''
  let destroyed = false
  return {
    loadFile: async (file) => {
      loaded = fs.readFileSync(file, 'utf8')
      log.push(`load:${loaded}`)
    },
    show: () => log.push('show'),
    isDestroyed: () => destroyed,
    once: () => undefined,
    webContents: {
      executeJavaScript: async () => ({ pages: 3, forced: [2] }),
      printToPDF: async (options) => {
        log.push(`pdf:${JSON.stringify(options)}`)
        return new Uint8Array(Buffer.from(`%PDF-${loaded}`))
      },
      print: (options, callback) => {
        log.push(`print:${JSON.stringify(options)}`)
        callback(true, '')
      },
    },
    destroy: () => {
      destroyed = true
      log.push('destroy')
    },
  }
}

describe('electron output hooks', () => {
  it('prints the print view to PDF with the page CSS size, then closes the window', async () => {
    const log: string[] = []
    const hooks = electronOutputHooks({ make: () => fakeWindow(log), notify: () => undefined })
    const heard: unknown[] = []
    const pdf = await hooks.printer!().print('<p>稿</p>', (p) => heard.push(p))
    // the page's own pagination ran before printing, and what it laid out is passed on
    expect(heard).toEqual([{ pages: 3, forced: [2] }])
    expect(Buffer.from(pdf).toString()).toBe('%PDF-<p>稿</p>')
    expect(log).toEqual(['load:<p>稿</p>', `pdf:${JSON.stringify(PDF_OPTIONS)}`, 'destroy'])
    expect(PDF_OPTIONS.preferCSSPageSize).toBe(true)
  })
  it('opens the system print dialog from the shown print window', async () => {
    const log: string[] = []
    expect(await electronOutputHooks({ make: () => fakeWindow(log), notify: () => undefined }).print!('<p>x</p>', 't')).toBe(true)
    expect(log.slice(1, 2)).toEqual(['show'])
    expect(log[2]).toContain('"silent":false')
    expect(log[3]).toBe('destroy')
  })
})
