/** Seal (印章) and signature (签名) images for the 落款, kept in the 文稿库 file. */
import { z } from 'zod'
import { Base64, base64Length, Ok, type Contract } from './common'

export const AssetKindSchema = z.enum(['seal', 'signature'])
export type AssetKind = z.infer<typeof AssetKindSchema>
export const AssetIdSchema = z.string().regex(/^a[0-9a-f]{24}$/, 'input.notAssetId')

export const AssetSummarySchema = z.strictObject({
  id: AssetIdSchema,
  kind: AssetKindSchema,
  name: z.string(),
  mime: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  createdAt: z.number(),
})
export type AssetSummary = z.infer<typeof AssetSummarySchema>

/** Largest seal/signature image accepted (bytes) and its base64 length. */
export const ASSET_MAX_BYTES = 5 * 1024 * 1024
export const ASSET_MAX_BASE64 = base64Length(ASSET_MAX_BYTES)

export const assetsContract = {
  'assets.add': {
    input: z.strictObject({ kind: AssetKindSchema, name: z.string().min(1).max(260), dataBase64: Base64(ASSET_MAX_BYTES) }),
    output: AssetSummarySchema,
  },
  'assets.list': { input: z.strictObject({ kind: AssetKindSchema.optional() }), output: z.array(AssetSummarySchema) },
  'assets.get': { input: z.strictObject({ id: AssetIdSchema }), output: z.strictObject({ asset: AssetSummarySchema, dataBase64: z.string() }) },
  'assets.remove': { input: z.strictObject({ id: AssetIdSchema }), output: Ok },
} as const satisfies Contract
