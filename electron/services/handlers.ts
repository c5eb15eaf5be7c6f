/**
 * The implementation of the API contract: each feature's handlers (<feature>/handlers.ts, typed
 * from its contract) assembled into one map. Both transports (Electron IPC and the browser shell)
 * call `dispatch`, which validates the input with the contract's zod schema, runs the handler and
 * turns every failure into a typed error. It never throws.
 */
import type { z } from 'zod'
import { apiContract, ApiError, isApiMethod, type ApiContract, type ApiInput, type ApiMethod, type ApiOutput, type ApiResponse, type Contract } from '../../shared/api'
import { isErrorCode, issueMessage, msg, type Message } from '../../shared/errors'
import { createAssetsHandlers } from './assets/handlers'
import { createBackupsHandlers } from './backups/handlers'
import { createDocumentsHandlers, createRevisionsHandlers } from './documents/handlers'
import { createFiguresHandlers } from './figures/handlers'
import { createImportHandlers } from './import/handlers'
import { storageError } from './library/errors'
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
    ...createRevisionsHandlers(host),
    ...createImportHandlers(host),
    ...createFiguresHandlers(host),
    ...createSnippetsHandlers(host),
    ...createOutputHandlers(host, output),
    ...createAssetsHandlers(host),
    ...createBackupsHandlers(host),
  }
}

export async function dispatch(handlers: ApiHandlers, method: string, rawInput: unknown): Promise<ApiResponse> {
  if (!isApiMethod(method)) return failure(msg('request.unknownMethod', { method: method.slice(0, 80) }))
  const parsed = apiContract[method].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    // a schema's own check names its message (a file too large…); zod's checks are reported as they are
    const issue = issueMessage(parsed.error.issues[0])
    if (issue.code === 'input.fieldInvalid') return failure(msg('request.invalidInput', { method, field: issue.params.field!, detail: issue.params.detail! }))
    return failure(isErrorCode(issue.code) ? issue : msg('request.invalidInput', { method, field: '-', detail: issue.code }))
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown
    return { ok: true, result: await handler(parsed.data) }
  } catch (err) {
    if (err instanceof ApiError) return failure(err.toMessage())
    // the library file refused a write (read-only, disk full, locked): the same words on every path
    const storage = storageError(err)
    if (storage) return failure(storage)
    // not a refusal but a fault: still say which method failed and how
    return failure(msg('internal.unexpected', { method, detail: err instanceof Error ? err.message : String(err) }))
  }
}

function failure(error: Message): ApiResponse {
  return { ok: false, error }
}

/** Typed direct call for Node callers (CLI, tests): throws ApiError on failure. */
export async function callApi<M extends ApiMethod>(handlers: ApiHandlers, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const response = await dispatch(handlers, method, input)
  if (!response.ok) throw ApiError.from(response.error)
  return apiContract[method].output.parse(response.result) as ApiOutput<M>
}
