import path from 'node:path'
import vm from 'node:vm'
import * as esbuild from 'esbuild'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { ipcChannel } from '../../../shared/api'
import type { DraftDeskBridge } from '../../../shared/bridge'
import { COMMAND_CHANNEL } from '../../../shared/commands'

// The preload as scripts/build.mjs bundles it, run in a bare context that offers only what a
// sandboxed preload has: require('electron') and a process object.
let code = ''
beforeAll(async () => {
  const result = await esbuild.build({
    entryPoints: [path.resolve('electron/preload.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  })
  code = result.outputFiles[0]!.text
})

type Listener = (event: unknown, ...args: unknown[]) => void

function load() {
  const listeners = new Map<string, Set<Listener>>()
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, result: { channel, input } })),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => listeners.get(channel)?.delete(listener)),
  }
  const exposed: Record<string, unknown> = {}
  const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) }
  const required: string[] = []
  const require = (name: string) => {
    required.push(name)
    if (name === 'electron') return { contextBridge, ipcRenderer }
    throw new Error(`a sandboxed preload cannot require ${name}`)
  }
  const module = { exports: {} }
  vm.runInNewContext(code, { require, module, exports: module.exports, process: { platform: 'linux' } })
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({}, ...args))
  return { bridge: exposed.draftdesk as DraftDeskBridge, ipcRenderer, required, emit, exposed }
}

describe('preload bundle', () => {
  it('requires nothing but electron and exposes only window.draftdesk', () => {
    const { required, exposed, bridge } = load()
    expect(required).toEqual(['electron'])
    expect(Object.keys(exposed)).toEqual(['draftdesk'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onCommand', 'platform'])
    expect(bridge.platform).toBe('linux')
  })

  it('invokes contract methods on their channel', async () => {
    const { bridge, ipcRenderer } = load()
    const input = { trash: false }
    await expect(bridge.invoke('documents.list', input)).resolves.toEqual({ ok: true, result: { channel: ipcChannel('documents.list'), input } })
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('draftdesk:documents.list', input)
  })

  it('refuses names outside the contract with a typed error, without touching IPC', async () => {
    const { bridge, ipcRenderer } = load()
    for (const name of ['documents.drop', 'constructor', '__proto__', 'toString', '']) {
      await expect(bridge.invoke(name, {}), name).resolves.toEqual({ ok: false, error: { code: 'request.unknownMethod', params: { method: name } } })
    }
    await expect(bridge.invoke(42 as unknown as string, {})).resolves.toEqual({ ok: false, error: { code: 'request.unknownMethod', params: { method: '42' } } })
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('delivers known commands until unsubscribed', () => {
    const { bridge, emit, ipcRenderer } = load()
    const received: string[] = []
    const stop = bridge.onCommand((command) => received.push(command))
    emit(COMMAND_CHANNEL, 'find')
    emit(COMMAND_CHANNEL, 'rm -rf')
    emit(COMMAND_CHANNEL, { command: 'find' })
    emit(COMMAND_CHANNEL, 'document.new')
    stop()
    emit(COMMAND_CHANNEL, 'replace')
    expect(received).toEqual(['find', 'document.new'])
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(1)
    expect(() => bridge.onCommand('nope' as unknown as () => void)).toThrow(/callback must be a function/)
  })
})
