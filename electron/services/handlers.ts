/**
 * The implementation of the API contract: each feature's handlers (<feature>/handlers.ts, typed
 * from its contract) assembled into one map. Both transports (Electron IPC and the browser shell)
 * call `dispatch`, which validates the input with the contract's zod schema, runs the handler and
 * turns every failure into a typed error. It never throws.
 */
import type { z } from 'zod'
import { apiContract, ApiError, isApiMethod, type ApiContract, type ApiInput, type ApiMethod, type ApiOutput, type ApiResponse, type Contract } from '../../shared/api'
import { msg, type Message } from '../../shared/errors'
import { createAssetsHandlers } from './assets/handlers'
import { createBackupsHandlers } from './backups/handlers'
import { createDocumentsHandlers, createRevisionsHandlers } from './documents/handlers'
import { createFiguresHandlers } from './figures/handlers'
import { createImportHandlers } from './import/handlers'
import { storageError } from './library/errors'
import { createLibraryHandlers, type LibraryHooks } from './library/handlers'
import type { LibraryHost } from './library/store'
import { createOutputHandlers, type OutputHooks } from './output/handlers'
import { createSnippetsHandlers } from './snippets/handlers'
import { createTeamHandlers } from './team/handlers'
import { checkInput } from './input'
import { isDocumentMethod, LARGE_DOCUMENT_BODY_BYTES, type PreparedDocument } from './worker/documentBodies'
import { isFileMethod, LARGE_BODY_BYTES } from './worker/fileMethods'
import { RawJson } from './worker/rawJson'
import { runInWorker } from './worker/run'
import { transferables } from './worker/transfer'

/**
 * A contract's handler map: one function per method, from its parsed input to its output — or to
 * its output already serialized (RawJson, made in a worker thread for large results).
 */
type Result<T> = T | RawJson<T>
export type Handlers<C extends Contract> = {
  /** `prepared`: for a method taking a file, what the worker thread already read from it (see dispatchBody) */
  [M in keyof C]: (input: z.output<C[M]['input']>, prepared?: unknown) => Result<z.output<C[M]['output']>> | Promise<Result<z.output<C[M]['output']>>>
}
export type ApiHandlers = Handlers<ApiContract>

export function createApiHandlers(host: LibraryHost, output: OutputHooks = {}, library: LibraryHooks = {}): ApiHandlers {
  return {
    ...createLibraryHandlers(host, library),
    ...createDocumentsHandlers(host),
    ...createRevisionsHandlers(host),
    ...createImportHandlers(host),
    ...createFiguresHandlers(host),
    ...createSnippetsHandlers(host),
    ...createOutputHandlers(host, output),
    ...createAssetsHandlers(host),
    ...createBackupsHandlers(host),
    ...createTeamHandlers(host),
  }
}

/**
 * `raw`: a result a handler returns serialized (RawJson) stays so (the browser shell writes its
 * bytes as they are); otherwise it is parsed, and every caller gets the plain value.
 */
export async function dispatch(handlers: ApiHandlers, method: string, rawInput: unknown, opts: { raw?: boolean } = {}): Promise<ApiResponse> {
  if (!isApiMethod(method)) return failure(msg('request.unknownMethod', { method: method.slice(0, 80) }))
  const checked = checkInput(method, rawInput)
  if (!checked.ok) return failure(checked.error)
  return run(handlers, method, checked.input, undefined, opts)
}

/**
 * A request body (JSON bytes) as the browser shell received it. A large one for a method that
 * takes a file (see worker/fileMethods.ts) is parsed, checked and its file read in a worker thread,
 * and a large document model (worker/documentBodies.ts) parsed, checked and made ready to store
 * there: tens of MB of JSON are never turned into a string on the main thread. Anything else is
 * parsed here and dispatched.
 */
export async function dispatchBody(handlers: ApiHandlers, method: string, body: Uint8Array, opts: { raw?: boolean } = {}): Promise<ApiResponse> {
  if (!isApiMethod(method)) return failure(msg('request.unknownMethod', { method: method.slice(0, 80) }))
  const inWorker = async <T>(read: () => Promise<T>, next: (prepared: T) => Promise<ApiResponse>): Promise<ApiResponse> => {
    let prepared: T
    try {
      prepared = await read()
    } catch (err) {
      return failure(err instanceof ApiError ? err.toMessage() : msg('internal.unexpected', { method, detail: String(err) }))
    }
    return next(prepared)
  }
  if (body.byteLength > LARGE_BODY_BYTES && isFileMethod(method)) {
    return inWorker(
      () => runInWorker('request', { method, body }, {}, transferables(body)),
      (prepared) => run(handlers, method, prepared.input, prepared.output, opts),
    )
  }
  if (body.byteLength > LARGE_DOCUMENT_BODY_BYTES && isDocumentMethod(method)) {
    return inWorker(
      (): Promise<PreparedDocument> => runInWorker('documentBody', { method, body }, {}, transferables(body)),
      (prepared) => run(handlers, method, prepared.input, prepared.columns, opts),
    )
  }
  let input: unknown
  try {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
    input = text ? JSON.parse(text) : {}
  } catch {
    return failure(msg('request.badJson'))
  }
  return dispatch(handlers, method, input, opts)
}

async function run(handlers: ApiHandlers, method: ApiMethod, input: unknown, prepared: unknown, opts: { raw?: boolean }): Promise<ApiResponse> {
  try {
    const handler = handlers[method] as (input: unknown, prepared?: unknown) => unknown
    const result = await handler(input, prepared)
    return { ok: true, result: result instanceof RawJson && !opts.raw ? result.parse() : result }
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
