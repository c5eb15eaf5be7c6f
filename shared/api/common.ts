/**
 * What every part of the API contract shares: the schema of a contract, the small schemas every
 * feature uses (ids, base64 files, `{ ok: true }`), and the typed error every transport carries.
 */
import { z } from 'zod'
import { ApiError, ApiErrorSchema, base64Data, type ErrorCode } from '../errors'

/** A feature's part of the method table: each method's input and output schema. */
export type Contract = Readonly<Record<string, { readonly input: z.ZodType; readonly output: z.ZodType }>>

export const DocumentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'input.notDocumentId')

export const Empty = z.strictObject({})
export const ById = z.strictObject({ id: DocumentIdSchema })
export const Ok = z.strictObject({ ok: z.literal(true) })

/** Length of the base64 text of `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4

/**
 * A file's bytes as base64 (IPC and JSON carry text alike), at most `maxBytes` of them: the cap is
 * checked on the base64 length, before anything is decoded; a file over it is refused by code.
 */
export const Base64 = base64Data

/** A failure's code: one of ERROR_CODES (shared/errors/codes.ts); the words are in shared/i18n/. */
export type ApiErrorCode = ErrorCode
export { ApiError, ApiErrorSchema }

/** What every transport carries back: a result, or a typed error. */
export const ApiResponseSchema = z.union([
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ApiErrorSchema }),
])
export type ApiResponse = z.infer<typeof ApiResponseSchema>

