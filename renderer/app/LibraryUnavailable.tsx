import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LibraryInfo } from '../../shared/api'
import { useApi } from './ApiContext'
import { errorMessage, translateMessage } from './errors'

/** Shown when the library file is corrupt or foreign: the file stays untouched, the writer picks another. */
export function LibraryUnavailable({ info, onOpened }: { info: Extract<LibraryInfo, { state: 'unavailable' }>; onOpened: (info: LibraryInfo) => void }) {
  const { t } = useTranslation('app')
  const api = useApi()
  const [mode, setMode] = useState<'open' | 'create' | null>(null)
  const [path, setPath] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    if (!mode || !path.trim()) return
    try {
      setError(null)
      onOpened(await api.call('library.open', { path: path.trim(), create: mode === 'create' }))
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <div className="library-unavailable" role="alert">
      <h1>{t('library.unavailableTitle')}</h1>
      <p>{t('library.unavailableBody', { path: info.path, reason: translateMessage(info.problem) })}</p>
      <div className="row">
        <button onClick={() => setMode('open')}>{t('library.openOther')}</button>
        <button onClick={() => setMode('create')}>{t('library.createNew')}</button>
      </div>
      {mode && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void submit() }}>
          <label>
            {t('library.pathLabel')} <input value={path} onChange={(e) => setPath(e.target.value)} autoFocus size={50} />
          </label>
          <button type="submit">{t('library.go')}</button>
        </form>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  )
}
