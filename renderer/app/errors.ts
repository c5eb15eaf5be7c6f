/**
 * Errors and findings in the writer's language. The back end and shared/ hand over codes with
 * params (shared/errors); the words are the catalogues of shared/i18n, registered with i18next as
 * the `errors` and `findings` namespaces.
 */
import i18next from 'i18next'
import { ApiError } from '../../shared/api'
import type { Message } from '../../shared/errors'
import { LIST_SEPARATOR, namespaceOf, toLang } from '../../shared/i18n/format'

/** A message (a finding, an import note, a refusal…) in the current language. */
export function translateMessage(m: Message): string {
  const values: Record<string, string | number> = { ...m.params }
  for (const [name, part] of Object.entries(m.parts ?? {}))
    values[name] = Array.isArray(part) ? part.map(translateMessage).join(LIST_SEPARATOR[toLang(i18next.language)]) : translateMessage(part)
  // params go in `replace` so that none of them is read as an i18next option (count, context…)
  return i18next.t(m.code, { ns: namespaceOf(m.code), keySeparator: false, replace: values })
}

/** A refusal the renderer words itself (already in the writer's language): shown as it is. */
export class RefusalError extends Error {
  override name = 'RefusalError'
}

/** What to tell the writer about a failure: the error's code translated; anything else still says what broke. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return translateMessage(err.toMessage())
  if (err instanceof RefusalError) return err.message
  return translateMessage({ code: 'internal.app', params: { detail: err instanceof Error ? err.message : String(err) } })
}
