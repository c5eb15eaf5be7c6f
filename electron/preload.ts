/**
 * The preload of the sandboxed renderer: exposes `window.draftdesk` (shared/bridge.ts) and nothing
 * else. Bundled to CommonJS by scripts/build.mjs; only 'electron' stays a require.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { ipcChannel, isApiMethod, type ApiResponse } from '../shared/api'
import { BRIDGE_KEY, type DraftDeskBridge } from '../shared/bridge'
import { COMMAND_CHANNEL, isAppCommand, type AppCommand } from '../shared/commands'

const bridge: DraftDeskBridge = {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !isApiMethod(method)) {
      // answered like the back end would: a typed error, never an Error across the bridge
      const refused: ApiResponse = { ok: false, error: { code: 'request.unknownMethod', params: { method: String(method).slice(0, 80) } } }
      return Promise.resolve(refused)
    }
    return ipcRenderer.invoke(ipcChannel(method), input)
  },
  onCommand(callback: (command: AppCommand) => void): () => void {
    if (typeof callback !== 'function') throw new TypeError('draftdesk.onCommand: callback must be a function')
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isAppCommand(command)) callback(command)
    }
    ipcRenderer.on(COMMAND_CHANNEL, listener)
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, listener)
    }
  },
  platform: process.platform,
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge)
