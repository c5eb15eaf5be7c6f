/** Schema pieces whose failures are message codes, shared by the parts of the API contract. */
import { z } from 'zod'

const MB = 1024 * 1024

/** Base64 text longer than this is checked where it is decoded (in the back end's worker thread), not here. */
export const BASE64_SCAN_MAX = 1024 * 1024

/**
 * File bytes as base64, at most `maxBytes` once decoded. A file over the limit is refused with its
 * limit in MB (and is not scanned further: the regex over tens of MB would only waste time). Text
 * over BASE64_SCAN_MAX characters is left to the code that decodes it (the back end decodes files
 * in a worker thread and refuses bad base64 there with the same code): scanning tens of MB here
 * would hold up the thread that answers every request.
 */
export function base64Data(maxBytes: number) {
  const maxLength = Math.ceil(maxBytes / 3) * 4
  return z.string().superRefine((s, ctx) => {
    if (s.length > maxLength) ctx.addIssue({ code: 'custom', message: 'input.fileTooLarge', params: { limit: Math.round((maxBytes / MB) * 10) / 10 } })
    else if (s.length <= BASE64_SCAN_MAX && !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) ctx.addIssue({ code: 'custom', message: 'input.notBase64' })
  })
}
