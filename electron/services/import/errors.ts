import { msg, type Message } from '../../../shared/errors'
/** Sizes as the import's refusals state them ("20.0 MB", the same in every language). */
export const MB = 1024 * 1024
export const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`

/**
 * Why a damaged file could not be read, as words in the writer's language (the `reason` part of
 * import.*Damaged): a parser's own English ("Invalid PDF structure", "no central directory") never
 * reaches the message.
 */
export const damagedReason = {
  truncated: (): Message => msg('importReason.truncated'),
  structure: (): Message => msg('importReason.structure'),
  noPdfHeader: (): Message => msg('importReason.noPdfHeader'),
  notOle: (): Message => msg('importReason.notOle'),
  notWordOrText: (): Message => msg('importReason.notWordOrText'),
}

/** A PDF whose end-of-file mark is missing from its last kilobyte was cut short (a broken download). */
export function pdfCutShort(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)))
  return !tail.includes('%%EOF')
}
