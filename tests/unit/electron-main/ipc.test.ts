import { describe, expect, it, vi } from 'vitest'
import { API_METHODS, apiContract, ipcChannel, type ApiResponse } from '../../../shared/api'
import { registerApiHandlers } from '../../../electron/main/ipc'

type Handler = (event: unknown, ...args: unknown[]) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  const handle = vi.fn((channel: string, listener: Handler) => {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    handlers.set(channel, listener)
  })
  return { handle, handlers }
}

const APP = 'file:///opt/draftdesk/dist/renderer/index.html'
const trusted = (url: string) => url === APP || url.startsWith(`${APP}#`)
const frame = (url: string) => ({ senderFrame: { url } })

describe('registerApiHandlers', () => {
  it('registers exactly one handler per contract method', () => {
    const ipc = fakeIpcMain()
    const channels = registerApiHandlers(ipc, { dispatch: vi.fn() }, trusted)
    const expected = Object.keys(apiContract).map((m) => ipcChannel(m as keyof typeof apiContract))
    expect(ipc.handle).toHaveBeenCalledTimes(API_METHODS.length)
    expect([...ipc.handlers.keys()].sort()).toEqual([...expected].sort())
    expect(channels).toEqual(expected)
  })

  it('refuses a foreign frame without calling dispatch', async () => {
    const ipc = fakeIpcMain()
    const dispatch = vi.fn()
    registerApiHandlers(ipc, { dispatch }, trusted)
    const handler = ipc.handlers.get(ipcChannel('documents.list'))!
    for (const event of [frame('https://evil.example/'), frame('file:///etc/passwd'), { senderFrame: null }, {}]) {
      const response = (await handler(event, {})) as ApiResponse
      expect(response).toMatchObject({ ok: false, error: { code: 'request.foreignFrame', params: { method: 'documents.list' } } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a frame that is already gone', async () => {
    const ipc = fakeIpcMain()
    const dispatch = vi.fn()
    registerApiHandlers(ipc, { dispatch }, trusted)
    const gone = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    expect(await ipc.handlers.get(ipcChannel('library.info'))!(gone, {})).toMatchObject({ ok: false, error: { code: 'request.foreignFrame', params: { method: 'library.info' } } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it("passes the app's own calls through to dispatch, with the method name and input", async () => {
    const ipc = fakeIpcMain()
    const result: ApiResponse = { ok: true, result: [] }
    const dispatch = vi.fn(async () => result)
    registerApiHandlers(ipc, { dispatch }, trusted)
    const input = { trash: true }
    const response = await ipc.handlers.get(ipcChannel('documents.list'))!(frame(`${APP}#/list`), input)
    expect(response).toBe(result)
    expect(dispatch).toHaveBeenCalledWith('documents.list', input)
  })

  it('passes typed errors back unchanged and turns a throw into an internal error', async () => {
    const ipc = fakeIpcMain()
    const badRequest: ApiResponse = { ok: false, error: { code: 'input.notDocumentId', params: {} } }
    const dispatch = vi.fn().mockResolvedValueOnce(badRequest).mockRejectedValueOnce(new Error('boom'))
    registerApiHandlers(ipc, { dispatch }, trusted)
    const handler = ipc.handlers.get(ipcChannel('documents.get'))!
    expect(await handler(frame(APP), { id: '!' })).toBe(badRequest)
    expect(await handler(frame(APP), { id: 'abcdef' })).toEqual({ ok: false, error: { code: 'internal.unexpected', params: { method: 'documents.get', detail: 'boom' } } })
  })
})
