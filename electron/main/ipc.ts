/**
 * The IPC side of the API contract: one ipcMain.handle per method in apiContract, each answering
 * with the services' ApiResponse. Calls from any frame but the app's own page are refused before
 * they reach the services.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { API_METHODS, ipcChannel, type ApiResponse } from '../../shared/api'
import { msg } from '../../shared/errors'
import type { Services } from '../services/index'

export type SenderCheck = (frameUrl: string) => boolean

function refused(method: string): ApiResponse {
  return { ok: false, error: msg('request.foreignFrame', { method }) }
}

/** Registers the handlers; returns the channel names, in contract order. */
export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  services: Pick<Services, 'dispatch'>,
  isTrustedSender: SenderCheck,
): string[] {
  const channels: string[] = []
  for (const method of API_METHODS) {
    const channel = ipcChannel(method)
    ipcMain.handle(channel, async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown): Promise<ApiResponse> => {
      let frameUrl: string | undefined
      try {
        frameUrl = event.senderFrame?.url
      } catch {
        frameUrl = undefined // the frame is gone (navigated or destroyed)
      }
      if (!frameUrl || !isTrustedSender(frameUrl)) return refused(method)
      try {
        return await services.dispatch(method, input)
      } catch (error) {
        // dispatch is not supposed to throw; never let a rejection leak an Error across IPC
        return { ok: false, error: msg('internal.unexpected', { method, detail: error instanceof Error ? error.message : String(error) }) }
      }
    })
    channels.push(channel)
  }
  return channels
}
