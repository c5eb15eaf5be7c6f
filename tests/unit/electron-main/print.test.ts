import { describe, expect, it, vi } from 'vitest'
import { electronOutputHooks, PDF_OPTIONS, printFromVisibleWindow, printOutcomeMessage, PRINT_WINDOW_OPTIONS, printPreviewWindowOptions, type PrintWindow } from '../../../electron/main/print'

type Answer = { success: boolean; reason: string } | 'never' | 'throw'

function fakeWindow(answer: Answer = { success: true, reason: '' }) {
  const calls: string[] = []
  let closed: (() => void) | undefined
  let destroyed = false
  const win: PrintWindow & { calls: string[]; close(): void } = {
    calls,
    loadFile: vi.fn(async (file: string) => {
      calls.push(`load ${file.endsWith('print.html') ? 'print.html' : file}`)
    }),
    show: () => calls.push('show'),
    isDestroyed: () => destroyed,
    once: (_event, listener) => (closed = listener),
    destroy: () => {
      destroyed = true
      calls.push('destroy')
    },
    close: () => closed?.(),
    webContents: {
      executeJavaScript: async () => null,
      printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
      print: (options, callback) => {
        calls.push(`print ${JSON.stringify(options)}`)
        if (answer === 'throw') throw new Error('no printing here')
        if (answer !== 'never') setTimeout(() => callback(answer.success, answer.reason), 0)
      },
    },
  }
  return win
}

describe('printing from the desktop', () => {
  it('opens the system dialog from a window that is shown first, then closes it', async () => {
    const win = fakeWindow()
    const notify = vi.fn()
    const make = vi.fn(() => win)
    const hooks = electronOutputHooks({ make, notify })
    expect(await hooks.print!('<p>稿</p>', '2025年度工作总结')).toBe(true)
    expect(make).toHaveBeenCalledWith('print', '2025年度工作总结')
    expect(win.calls[0]).toBe('load print.html')
    expect(win.calls.indexOf('show')).toBeLessThan(win.calls.findIndex((c) => c.startsWith('print ')))
    expect(win.calls.at(-1)).toBe('destroy')
    expect(notify).not.toHaveBeenCalled()
    expect(printPreviewWindowOptions('稿').title).toBe('打印 — 稿')
    // the print HTML lays out its own pages (print/script.ts); still sandboxed, no Node
    expect(printPreviewWindowOptions('稿').webPreferences).toMatchObject({ javascript: true, sandbox: true, nodeIntegration: false })
  })

  it('says nothing when the writer cancels, and never makes the page print a second time', async () => {
    const notify = vi.fn()
    const hooks = electronOutputHooks({ make: () => fakeWindow({ success: false, reason: 'Print job canceled' }), notify })
    expect(await hooks.print!('<p/>', 't')).toBe(true)
    expect(notify).not.toHaveBeenCalled()
  })

  it('explains a failure', async () => {
    const notify = vi.fn()
    const hooks = electronOutputHooks({ make: () => fakeWindow({ success: false, reason: 'Invalid printer settings' }), notify })
    expect(await hooks.print!('<p/>', 't')).toBe(true)
    expect(notify.mock.calls[0]![0]).toMatch(/打印失败：Invalid printer settings/)
  })

  it('stops waiting for a dialog that never comes back, with a message, and closes its window', async () => {
    const win = fakeWindow('never')
    const notify = vi.fn()
    const hooks = electronOutputHooks({ make: () => win, notify, timeoutMs: 30 })
    expect(await hooks.print!('<p/>', 't')).toBe(true)
    expect(notify.mock.calls[0]![0]).toMatch(/没有返回/)
    expect(win.isDestroyed()).toBe(true)
  })

  it('treats a closed print window as cancelled and a throwing print as failed', async () => {
    const win = fakeWindow('never')
    const pending = printFromVisibleWindow(win, 10_000)
    win.close()
    expect(await pending).toEqual({ kind: 'cancelled' })
    expect(await printFromVisibleWindow(fakeWindow('throw'), 10_000)).toEqual({ kind: 'failed', reason: 'no printing here' })
    expect(printOutcomeMessage({ kind: 'printed' })).toBeUndefined()
    expect(printOutcomeMessage({ kind: 'timeout' }, 10 * 60_000)).toMatch(/10 分钟/)
  })

  it('prints PDFs in a hidden window, unchanged', async () => {
    const win = fakeWindow()
    const make = vi.fn(() => win)
    const bytes = await electronOutputHooks({ make, notify: vi.fn() }).printer!().print('<p/>')
    expect([...bytes]).toEqual([37, 80, 68, 70])
    expect(make).toHaveBeenCalledWith('pdf', 'PDF')
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS)
    expect(win.calls).not.toContain('show')
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false)
  })
})
