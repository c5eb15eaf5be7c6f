import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LibraryInfo } from '../../shared/api'
import { LibraryRescue } from '../features/backups/LibraryRescue'
import { useApi } from './ApiContext'
import { errorMessage, translateMessage } from './errors'

/**
 * Shown when the library file is corrupt or foreign: the file stays untouched; the writer restores
 * a backup, salvages what can be read, or picks another file — in the desktop app's own dialog (the
 * page never names a path); the browser shell serves the library of the --data-dir it was started
 * with, and says so.
 */
export function LibraryUnavailable({ info, onOpened }: { info: Extract<LibraryInfo, { state: 'unavailable' }>; onOpened: (info: LibraryInfo, notice?: string) => void }) {
  const { t } = useTranslation('app')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const desktop = window.draftdesk !== undefined

  const choose = async (create: boolean) => {
    try {
      setError(null)
      const opened = await api.call('library.choose', { create })
      if (opened) onOpened(opened)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <div className="library-unavailable" role="alert">
      <h1>{t('library.unavailableTitle')}</h1>
      <p>{t('library.unavailableBody', { path: info.path, reason: translateMessage(info.problem) })}</p>
      {desktop ? (
        <div className="row">
          <button onClick={() => void choose(false)}>{t('library.openOther')}</button>
          <button onClick={() => void choose(true)}>{t('library.createNew')}</button>
        </div>
      ) : (
        <p data-testid="library-browser-shell">{t('library.browserShell')}</p>
      )}
      {error && <p className="error">{error}</p>}
      <LibraryRescue onOpened={onOpened} />
    </div>
  )
}
