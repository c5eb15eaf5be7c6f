/** The desktop app's PDF and print through a hidden window (electron/main/print.ts) with a fake window. */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { electronOutputHooks, PDF_OPTIONS, type PrintWindow } from '../../electron/main/print'

function fakeWindow(log: string[]): PrintWindow {
  let loaded = ''
  return {
    loadFile: async (file) => {
      loaded = fs.readFileSync(file, 'utf8')
      log.push(`load:${loaded}`)
    },
    webContents: {
      printToPDF: async (options) => {
        log.push(`pdf:${JSON.stringify(options)}`)
        return new Uint8Array(Buffer.from(`%PDF-${loaded}`))
      },
      print: (options, callback) => {
        log.push(`print:${JSON.stringify(options)}`)
        callback(true, '')
      },
    },
    destroy: () => log.push('destroy'),
  }
}

describe('electron output hooks', () => {
  it('prints the print view to PDF with the page CSS size, then closes the window', async () => {
    const log: string[] = []
    const hooks = electronOutputHooks(() => fakeWindow(log))
    const pdf = await hooks.printer!().print('<p>稿</p>')
    expect(Buffer.from(pdf).toString()).toBe('%PDF-<p>稿</p>')
    expect(log).toEqual(['load:<p>稿</p>', `pdf:${JSON.stringify(PDF_OPTIONS)}`, 'destroy'])
    expect(PDF_OPTIONS.preferCSSPageSize).toBe(true)
  })
  it('opens the system print dialog', async () => {
    const log: string[] = []
    expect(await electronOutputHooks(() => fakeWindow(log)).print!('<p>x</p>', 't')).toBe(true)
    expect(log[1]).toContain('"silent":false')
    expect(log[2]).toBe('destroy')
  })
})
