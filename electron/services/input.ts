/**
 * A method's input checked against the contract, with the refusal every transport gives for bad
 * input. Used by dispatch (handlers.ts) and by the worker thread that reads a large request body
 * (worker/tasks.ts), so both refuse the same input with the same message.
 */
import type { z } from 'zod'
import { apiContract, type ApiContract, type ApiMethod } from '../../shared/api'
import { isErrorCode, issueMessage, msg, type Message } from '../../shared/errors'

export type ParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>

export function checkInput<M extends ApiMethod>(method: M, raw: unknown): { ok: true; input: ParsedInput<M> } | { ok: false; error: Message } {
  const parsed = apiContract[method].input.safeParse(raw ?? {})
  if (parsed.success) return { ok: true, input: parsed.data as ParsedInput<M> }
  // a schema's own check names its message (a file too large…); zod's checks are reported as they are
  const issue = issueMessage(parsed.error.issues[0])
  if (issue.code === 'input.fieldInvalid') return { ok: false, error: msg('request.invalidInput', { method, field: issue.params.field!, detail: issue.params.detail! }) }
  return { ok: false, error: isErrorCode(issue.code) ? issue : msg('request.invalidInput', { method, field: '-', detail: issue.code }) }
}
