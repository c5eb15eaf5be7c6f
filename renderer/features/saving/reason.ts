/**
 * Why a save failed, in words a writer understands, from the error's code: the library file's own
 * refusals (storage.*) as the catalogue words them, the back end out of reach as one sentence, and
 * nothing called an "internal error".
 */
import i18next from 'i18next'
import { ApiError } from '../../../shared/api'
import { errorMessage } from '../../app/errors'

export function failureReason(err: unknown): string {
  const t = i18next.getFixedT(null, 'saving')
  if (err instanceof ApiError) {
    if (err.code.startsWith('transport.')) return t('failed.unreachable')
    // the browser shell started again with a new session token: this page can no longer reach it
    if (err.code === 'request.noToken') return t('failed.restarted')
    if (err.code === 'internal.unexpected') return t('failed.backend', { detail: String(err.params.detail ?? '') })
    if (err.code === 'internal.app') return t('failed.app', { detail: String(err.params.detail ?? '') })
    return errorMessage(err)
  }
  return t('failed.app', { detail: err instanceof Error ? err.message : String(err) })
}

/** The back end could not be reached at all (so nothing that needs it, such as a .docx, can be had). */
export function isUnreachable(err: unknown): boolean {
  return err instanceof ApiError && err.code.startsWith('transport.')
}
