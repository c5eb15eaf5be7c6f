/**
 * The object the Electron preload exposes as `window.draftdesk` (contextBridge). The renderer
 * declares `window.draftdesk?: DraftDeskBridge`: it is absent in the browser shell, where the same
 * API travels over HTTP instead.
 */
import type { AppCommand } from './commands'

export interface DraftDeskBridge {
  /**
   * Calls one API method (see apiContract in shared/api/index.ts) and resolves with its ApiResponse
   * (`{ ok: true, result }` or `{ ok: false, error }`). Rejects for a name that is not in the
   * contract. The caller validates the result against the contract's output schema.
   */
  invoke(method: string, input: unknown): Promise<unknown>
  /** Listens for menu commands from the main process; returns a function that stops listening. */
  onCommand(callback: (command: AppCommand) => void): () => void
  /** process.platform of the desktop app: 'win32' | 'darwin' | 'linux' | … */
  readonly platform: string
}

/** The name under which the preload exposes the bridge on window. */
export const BRIDGE_KEY = 'draftdesk'
