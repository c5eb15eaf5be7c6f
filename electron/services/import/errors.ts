/** Every refusal of an imported file is a typed `bad_request` with a Chinese and an English half. */
import { ApiError } from '../../../shared/api'

export function badFile(zh: string, en: string): ApiError {
  return new ApiError('bad_request', `${zh} / ${en}`)
}

export const MB = 1024 * 1024
export const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`
