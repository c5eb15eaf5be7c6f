/**
 * A message as data: a code, its params (strings and numbers, never words to show) and, for codes
 * with "*" placeholders, the messages that fill them. This is what findings, warnings and errors
 * carry across the API; each side turns it into words in its own language.
 */
import { z } from 'zod'
import { isMessageCode, MESSAGE_CODE_LIST, placeholderSpec, type MessageCode, type ParamName, type PartName } from './codes'

export type ParamValue = string | number
export type Params = Record<string, ParamValue>

export interface Message {
  code: MessageCode
  params: Params
  /** messages filling the code's "*" placeholders; a list is joined with the language's separator */
  parts?: Record<string, Message | Message[]>
}

export type MessageParams<C extends MessageCode> = { [K in ParamName<C>]: ParamValue }
export type MessageParts<C extends MessageCode> = { [K in PartName<C>]: Message | Message[] }

/** What follows the code when making a message: params when it has any, then parts when it has any. */
export type MessageArgs<C extends MessageCode> = [PartName<C>] extends [never]
  ? [ParamName<C>] extends [never]
    ? [params?: MessageParams<C>]
    : [params: MessageParams<C>]
  : [params: MessageParams<C>, parts: MessageParts<C>]

/** A message, its params and parts checked against the code's declaration. */
export function msg<C extends MessageCode>(code: C, ...args: MessageArgs<C>): Message {
  const [params, parts] = args as [Params | undefined, Record<string, Message | Message[]> | undefined]
  return parts ? { code, params: params ?? {}, parts } : { code, params: params ?? {} }
}

export const MessageCodeSchema = z.enum(MESSAGE_CODE_LIST as [MessageCode, ...MessageCode[]])
export const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]))

/** The names a message must fill, split into params and parts. */
function declared(code: MessageCode): { params: string[]; parts: string[] } {
  const spec = placeholderSpec(code)
  return { params: spec.filter((n) => !n.startsWith('*')), parts: spec.filter((n) => n.startsWith('*')).map((n) => n.slice(1)) }
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n) => b.includes(n))

/** A message arriving over a transport: a known code with exactly its declared params and parts. */
export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z
    .strictObject({
      code: MessageCodeSchema,
      params: ParamsSchema,
      parts: z.record(z.string(), z.union([MessageSchema, z.array(MessageSchema)])).optional(),
    })
    .superRefine((m, ctx) => {
      const want = declared(m.code)
      if (!sameNames(Object.keys(m.params), want.params)) ctx.addIssue({ code: 'custom', message: `params of ${m.code} must be: ${want.params.join(', ')}` })
      if (!sameNames(Object.keys(m.parts ?? {}), want.parts)) ctx.addIssue({ code: 'custom', message: `parts of ${m.code} must be: ${want.parts.join(', ')}` })
    }),
)

/**
 * A zod issue as a message. A schema names the message for its own checks by giving a code as the
 * issue's message (with params in a custom issue's `params`); any other issue is zod's own report,
 * kept as the detail of `input.fieldInvalid`.
 */
export function issueMessage(issue: z.core.$ZodIssue | undefined): Message {
  if (!issue) return msg('input.invalid')
  if (isMessageCode(issue.message)) {
    const given = (issue.code === 'custom' ? issue.params : undefined) ?? {}
    const { params, parts } = declared(issue.message)
    if (parts.length === 0)
      return { code: issue.message, params: Object.fromEntries(params.map((n) => [n, typeof given[n] === 'number' ? (given[n] as number) : String(given[n] ?? '')])) }
  }
  return msg('input.fieldInvalid', { field: issue.path.map(String).join('.') || '-', detail: issue.message })
}
