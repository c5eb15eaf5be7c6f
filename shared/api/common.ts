/**
 * What every part of the API contract shares: the schema of a contract, the small schemas every
 * feature uses (ids, base64 files, `{ ok: true }`), and the typed error every transport carries.
 */
import { z } from 'zod'

/** A feature's part of the method table: each method's input and output schema. */
export type Contract = Readonly<Record<string, { readonly input: z.ZodType; readonly output: z.ZodType }>>

export const DocumentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not a document id')

export const Empty = z.strictObject({})
export const ById = z.strictObject({ id: DocumentIdSchema })
export const Ok = z.strictObject({ ok: z.literal(true) })

/** Length of the base64 text of `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4

/**
 * A file's bytes as base64 (IPC and JSON carry text alike), at most `maxBytes` of them: the cap is
 * checked on the base64 length, before anything is decoded.
 */
export const Base64 = (maxBytes: number) =>
  z
    .string()
    .max(base64Length(maxBytes), `文件超过 ${maxBytes / 1024 / 1024} MB / the file is larger than ${maxBytes / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '不是 base64 数据 / not base64 data')

export const ApiErrorCodeSchema = z.enum([
  'bad_request', // the input failed its schema
  'unknown_method',
  'unauthorized', // missing or wrong session token, foreign frame
  'not_found',
  'invalid_document', // a stored document fails the schema
  'library_unavailable', // the 文稿库 (document library) file cannot be opened
  'conflict',
  'internal',
])
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>

export const ApiErrorSchema = z.strictObject({ code: ApiErrorCodeSchema, message: z.string() })

/** What every transport carries back: a result, or a typed error. */
export const ApiResponseSchema = z.union([
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ApiErrorSchema }),
])
export type ApiResponse = z.infer<typeof ApiResponseSchema>

export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
  }
}
