/**
 * The implementation of the API contract, next to the library. Both transports (Electron IPC and
 * the browser shell) call `dispatch`, which validates the input with the contract's zod schema,
 * runs the handler and turns every failure into a typed error. It never throws.
 */
import { z } from 'zod'
import { apiContract, ApiError, isApiMethod, type ApiInput, type ApiMethod, type ApiOutput, type ApiResponse } from '../../shared/api'
import { isErrorCode, issueMessage, msg, type Message } from '../../shared/errors'
import { createFigureHandlers } from './figures'
import { importDocuments } from './import'
import type { LibraryHost } from './libraryHost'
import { snippetHandlers } from './snippets/handlers'
import { outputHandlers, type OutputHooks } from './export/handlers'

export type ApiHandlers = { [M in ApiMethod]: (input: z.output<(typeof apiContract)[M]['input']>) => ApiOutput<M> | Promise<ApiOutput<M>> }

export function createApiHandlers(host: LibraryHost, output: OutputHooks = {}): ApiHandlers {
  const docs = () => host.documents()
  return {
    'library.info': () => host.info(),
    'library.open': ({ path, create }) => host.open(path, create),
    'documents.list': ({ trash }) => docs().list(trash ?? false),
    'documents.create': ({ title, model }) => docs().create(title, model),
    'documents.get': ({ id }) => docs().get(id),
    'documents.save': ({ id, model }) => docs().save(id, model),
    'documents.snapshot': ({ id, reason }) => docs().snapshot(id, reason),
    'documents.rename': ({ id, title }) => docs().rename(id, title),
    'documents.duplicate': ({ id, title }) => docs().duplicate(id, title),
    'documents.trash': ({ id }) => (docs().trash(id), { ok: true as const }),
    'documents.restore': ({ id }) => (docs().restore(id), { ok: true as const }),
    'documents.purge': ({ id }) => (docs().purge(id), { ok: true as const }),
    'documents.search': ({ query }) => docs().search(query),
    'revisions.list': ({ id }) => docs().revisions(id),
    'documents.import': ({ save, ...input }) => importDocuments(input, save ? docs() : null),
    ...snippetHandlers(host),
    ...createFigureHandlers(docs),
    ...outputHandlers(host, output),
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
