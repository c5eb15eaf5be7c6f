/**
 * The implementation of the API contract: each feature's handlers (<feature>/handlers.ts, typed
 * from its contract) assembled into one map. Both transports (Electron IPC and the browser shell)
 * call `dispatch`, which validates the input with the contract's zod schema, runs the handler and
 * turns every failure into a typed error. It never throws.
 */
import type { z } from 'zod'
import { apiContract, ApiError, isApiMethod, type ApiContract, type ApiInput, type ApiMethod, type ApiOutput, type ApiResponse, type Contract } from '../../shared/api'
import { createAssetsHandlers } from './assets/handlers'
import { createDocumentsHandlers } from './documents/handlers'
import { createFiguresHandlers } from './figures/handlers'
import { createImportHandlers } from './import/handlers'
import { createLibraryHandlers } from './library/handlers'
import type { LibraryHost } from './library/store'
import { createOutputHandlers, type OutputHooks } from './output/handlers'
import { createSnippetsHandlers } from './snippets/handlers'

/** A contract's handler map: one function per method, from its parsed input to its output. */
export type Handlers<C extends Contract> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => z.output<C[M]['output']> | Promise<z.output<C[M]['output']>>
}
export type ApiHandlers = Handlers<ApiContract>

export function createApiHandlers(host: LibraryHost, output: OutputHooks = {}): ApiHandlers {
  return {
    ...createLibraryHandlers(host),
    ...createDocumentsHandlers(host),
    ...createImportHandlers(host),
    ...createFiguresHandlers(host),
    ...createSnippetsHandlers(host),
    ...createOutputHandlers(host, output),
    ...createAssetsHandlers(host),
  }
}

export async function dispatch(handlers: ApiHandlers, method: string, rawInput: unknown): Promise<ApiResponse> {
  if (!isApiMethod(method)) return failure('unknown_method', `未知的接口方法 / unknown method: ${method.slice(0, 80)}`)
  const parsed = apiContract[method].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return failure('bad_request', `参数不对 / bad arguments for ${method}: ${issue ? `${issue.path.join('.') || '(input)'}: ${issue.message}` : 'invalid'}`)
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown
    return { ok: true, result: await handler(parsed.data) }
  } catch (err) {
    if (err instanceof ApiError) return failure(err.code, err.message)
    const message = err instanceof Error ? err.message : String(err)
    return failure('internal', `内部错误 / internal error: ${message}`)
  }
}

function failure(code: ApiError['code'], message: string): ApiResponse {
  return { ok: false, error: { code, message } }
}

/** Typed direct call for Node callers (CLI, tests): throws ApiError on failure. */
export async function callApi<M extends ApiMethod>(handlers: ApiHandlers, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const response = await dispatch(handlers, method, input)
  if (!response.ok) throw new ApiError(response.error.code, response.error.message)
  return apiContract[method].output.parse(response.result) as ApiOutput<M>
}
