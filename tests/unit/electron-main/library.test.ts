import { describe, expect, it, vi } from 'vitest'
import { openLibraryInteractive } from '../../../electron/main/library'
import type { ApiResponse } from '../../../shared/api'

function deps(file: string | undefined, response: ApiResponse) {
  return {
    chooseFile: vi.fn(async () => file),
    dispatch: vi.fn(async () => response),
    send: vi.fn(),
    showError: vi.fn(),
  }
}

describe('openLibraryInteractive', () => {
  it('does nothing when the dialog is cancelled', async () => {
    const d = deps(undefined, { ok: true, result: null })
    expect(await openLibraryInteractive(d)).toBe(false)
    expect(d.dispatch).not.toHaveBeenCalled()
    expect(d.send).not.toHaveBeenCalled()
  })

  it('opens the chosen file and tells the renderer', async () => {
    const d = deps('/home/u/old.sqlite', { ok: true, result: { state: 'open', path: '/home/u/old.sqlite', documents: 3 } })
    expect(await openLibraryInteractive(d)).toBe(true)
    expect(d.dispatch).toHaveBeenCalledWith('library.open', { path: '/home/u/old.sqlite', create: false })
    expect(d.send).toHaveBeenCalledWith('library.changed')
    expect(d.showError).not.toHaveBeenCalled()
  })

  it('shows why a library could not be opened', async () => {
    const failed = deps('/x.sqlite', { ok: false, error: { code: 'library.unavailable', params: {}, parts: { reason: { code: 'library.notLibrary', params: {} } } } })
    expect(await openLibraryInteractive(failed)).toBe(false)
    expect(failed.showError).toHaveBeenCalledWith('无法打开库', expect.stringContaining('素材库无法打开：不是稿台素材库文件'))
    expect(failed.send).not.toHaveBeenCalled()

    const unavailable = deps('/y.sqlite', { ok: true, result: { state: 'unavailable', path: '/y.sqlite', reason: '无法打开：locked', problem: { code: 'library.cannotOpen', params: { detail: 'locked' } } } })
    expect(await openLibraryInteractive(unavailable)).toBe(false)
    expect(unavailable.showError).toHaveBeenCalledWith('无法打开库', expect.stringContaining('无法打开：locked'))
    // the services switched (to an unavailable library): the renderer must show that state
    expect(unavailable.send).toHaveBeenCalledWith('library.changed')
  })
})
