/**
 * The renderer's only way to the back end: the API contract over one of two transports, chosen at
 * start. In Electron the preload exposes `window.draftdesk` (IPC); in the browser shell calls go to
 * /api/<method> on the same origin with the session token. Results are validated against the
 * contract's output schemas.
 */
import { apiContract, ApiError, ApiResponseSchema, type ApiClient, type ApiInput, type ApiMethod, type ApiOutput } from '../../shared/api'
import type { DraftDeskBridge } from '../../shared/bridge'

declare global {
  interface Window {
    draftdesk?: DraftDeskBridge
  }
}

const TOKEN_KEY = 'draftdesk.token'

type Send = (method: ApiMethod, input: unknown) => Promise<unknown>

/** The session token arrives once in the URL; it is kept for reloads and removed from the address bar. */
function browserShellToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpSend(token: string): Send {
  return async (method, input) => {
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-DraftDesk-Token': token },
      body: JSON.stringify(input ?? {}),
    })
    return res.json()
  }
}

export function createApiClient(send: Send): ApiClient {
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      let raw: unknown
      try {
        raw = await send(method, input)
      } catch (err) {
        throw new ApiError('transport.unreachable', { method, detail: err instanceof Error ? err.message : String(err) })
      }
      const response = ApiResponseSchema.safeParse(raw)
      if (!response.success) throw new ApiError('transport.badResponse', { method })
      if (!response.data.ok) throw ApiError.from(response.data.error)
      const result = apiContract[method].output.safeParse(response.data.result)
      if (!result.success) throw new ApiError('transport.badResult', { method })
      return result.data as ApiOutput<M>
    },
  }
}

export type Transport = 'ipc' | 'http'

export function connect(): { api: ApiClient; transport: Transport } {
  const bridge = window.draftdesk
  if (bridge) return { api: createApiClient((m, i) => bridge.invoke(m, i)), transport: 'ipc' }
  return { api: createApiClient(httpSend(browserShellToken())), transport: 'http' }
}
