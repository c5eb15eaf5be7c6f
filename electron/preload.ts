/**
 * The preload of the sandboxed renderer: exposes `window.draftdesk` (shared/bridge.ts) and nothing
 * else. Bundled to CommonJS by scripts/build.mjs; only 'electron' stays a require.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { ipcChannel, isApiMethod } from '../shared/api'
import { BRIDGE_KEY, type DraftDeskBridge } from '../shared/bridge'
import { COMMAND_CHANNEL, isAppCommand, type AppCommand } from '../shared/commands'

const bridge: DraftDeskBridge = {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !isApiMethod(method)) {
      return Promise.reject(new Error(`draftdesk.invoke: unknown API method ${JSON.stringify(String(method))}`))
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
