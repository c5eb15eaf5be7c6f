/**
 * 文件 › 打开库…: the writer chooses a library file in the main process's dialog, the services switch
 * to it (directly: no path ever comes from the page), the renderer is told. A file that cannot be
 * opened is reported and the open library stays open.
 */
import { ApiError, type LibraryInfo } from '../../shared/api'
import { messageText, msg } from '../../shared/errors'
import type { SendCommand } from './commands'

export interface OpenLibraryDeps {
  /** Shows the open dialog; undefined when cancelled. */
  chooseFile(): Promise<string | undefined>
  /** Switches the services to the file (LibraryHost.open); throws an ApiError when it cannot be opened. */
  open(file: string): LibraryInfo
  send: SendCommand
  showError(title: string, message: string): void
}

/** Resolves true when another library was opened. */
export async function openLibraryInteractive(deps: OpenLibraryDeps): Promise<boolean> {
  const file = await deps.chooseFile()
  if (!file) return false
  try {
    deps.open(file)
  } catch (err) {
    const reason = err instanceof ApiError ? err.toMessage() : msg('internal.app', { detail: err instanceof Error ? err.message : String(err) })
    deps.showError('无法打开库', `${file}\n\n${messageText(reason)}`)
    return false
  }
  deps.send('library.changed')
  return true
}
