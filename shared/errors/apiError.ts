/**
 * The error every API method fails with, on both transports: a code from ERROR_CODES with its
 * params. Its `message` is the Chinese text (logs, Node callers, the CLI's default language); the
 * UI never shows it but translates the code.
 */
import { isErrorCode, type ErrorCode } from './codes'
import { MessageSchema, msg, type Message, type MessageArgs, type Params } from './message'
import { messageText } from '../i18n/format'

export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C
  readonly params: Params
  readonly parts?: Record<string, Message | Message[]>

  constructor(code: C, ...args: MessageArgs<C>)
  /** A message made with msg() (or received over a transport); a finding code is not an error. */
  constructor(message: Message)
  constructor(first: C | Message, ...args: unknown[]) {
    const m =
      typeof first === 'object'
        ? isErrorCode(first.code)
          ? first
          : msg('internal.app', { detail: first.code })
        : msg(first, ...(args as MessageArgs<C>))
    super(messageText(m, 'zh-CN'))
    this.name = 'ApiError'
    this.code = m.code as C
    this.params = m.params
    if (m.parts) this.parts = m.parts
  }

  /** The error as it travels: { code, params } (and parts when the code has any). */
  toMessage(): Message {
    return this.parts ? { code: this.code, params: this.params, parts: this.parts } : { code: this.code, params: this.params }
  }

  /** An error received over a transport (already validated against ApiErrorSchema). */
  static from(data: Message): ApiError {
    return new ApiError(data)
  }
}

/** What a failed call carries: an error code (not a finding) with its params. */
export const ApiErrorSchema = MessageSchema.refine((m) => isErrorCode(m.code), { message: 'not an error code' })
