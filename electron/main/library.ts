/** 文件 › 打开库…: choose a library file, switch the services to it, tell the renderer. */
import type { ApiResponse } from '../../shared/api'
import { messageText, type Message } from '../../shared/errors'
import type { SendCommand } from './commands'

export interface OpenLibraryDeps {
  /** Shows the open dialog; undefined when cancelled. */
  chooseFile(): Promise<string | undefined>
  dispatch(method: string, input: unknown): Promise<ApiResponse>
  send: SendCommand
  showError(title: string, message: string): void
}

/** Resolves true when another library was opened. */
export async function openLibraryInteractive(deps: OpenLibraryDeps): Promise<boolean> {
  const file = await deps.chooseFile()
  if (!file) return false
  const response = await deps.dispatch('library.open', { path: file, create: false })
  if (!response.ok) {
    deps.showError('无法打开库', `${file}\n\n${messageText(response.error)}`)
    return false
  }
  const info = response.result as { state?: string; problem?: Message } | undefined
  if (info?.state === 'unavailable') {
    deps.showError('无法打开库', `${file}\n\n${info.problem ? messageText(info.problem) : ''}`)
  }
  deps.send('library.changed')
  return info?.state !== 'unavailable'
}
