import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupSummary, LibraryInfo } from '../../../shared/api'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import { BackupsDialog } from './BackupsDialog'
import { backupTime } from './format'
import './backups.css'

/**
 * On the screen shown when the 文稿库 cannot be opened: restore the newest good backup (the
 * unopened file is kept aside unchanged), choose another backup, or salvage every readable
 * document and snippet into a new library beside it (the damaged file is left as it is).
 */
export function LibraryRescue({ onOpened }: { onOpened(info: LibraryInfo, notice: string): void }) {
  const { t, i18n } = useTranslation('backups')
  const api = useApi()
  const [newest, setNewest] = useState<BackupSummary | null | undefined>(undefined)
  const [busy, setBusy] = useState<'restore' | 'salvage' | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [choosing, setChoosing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const time = (b: { createdAt: number }) => backupTime(b.createdAt, i18n.language)

  useEffect(() => {
    void api.call('backups.list', {}).then(
      (listed) => setNewest(listed.backups.find((b) => !b.problem) ?? null),
      () => setNewest(null),
    )
  }, [api])

  const run = async (kind: 'restore' | 'salvage') => {
    setConfirming(false)
    setBusy(kind)
    setError(null)
    try {
      if (kind === 'restore' && newest) {
        const result = await api.call('backups.restore', { id: newest.id })
        const kept = result.keptAside ? ` ${t('unavailable.kept', { path: result.keptAside })}` : ''
        onOpened(result.library, `${t('restored', { time: time(newest) })}${kept}`)
      } else {
        const result = await api.call('library.salvage', {})
        onOpened(result.library, t('unavailable.salvaged', { documents: result.documents, snippets: result.snippets, path: result.path, lost: result.lost }))
      }
    } catch (err) {
      setError(errorMessage(err))
      setBusy(null)
    }
  }

  return (
    <div className="library-rescue" data-testid="library-rescue">
      <h2>{t('unavailable.heading')}</h2>
      {newest === null && <p className="muted">{t('unavailable.noBackup')}</p>}
      <div className="row">
        {newest && (
          <button className="primary" disabled={busy !== null} onClick={() => setConfirming(true)} data-testid="restore-newest">
            {busy === 'restore' ? t('restoring') : t('unavailable.newest', { time: time(newest), documents: newest.documents })}
          </button>
        )}
        {newest && <button disabled={busy !== null} onClick={() => setChoosing(true)}>{t('unavailable.choose')}</button>}
      </div>
      <h2>{t('unavailable.salvageHeading')}</h2>
      <p className="muted">{t('unavailable.salvageBody')}</p>
      <div className="row">
        <button disabled={busy !== null} onClick={() => void run('salvage')} data-testid="salvage">
          {busy === 'salvage' ? t('unavailable.salvaging') : t('unavailable.salvage')}
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {confirming && newest && (
        <Modal label={t('confirmTitle')} onClose={() => setConfirming(false)}>
          <div data-testid="restore-confirm">
            <h2>{t('confirmTitle')}</h2>
            <p>{t('unavailable.confirmBody', { time: time(newest), documents: newest.documents })}</p>
            <div className="row end">
              <button onClick={() => setConfirming(false)}>{t('common:cancel')}</button>
              <button className="primary" autoFocus onClick={() => void run('restore')}>{t('confirm')}</button>
            </div>
          </div>
        </Modal>
      )}
      {choosing && <BackupsDialog libraryOpen={false} onClose={() => setChoosing(false)} onRestored={onOpened} />}
    </div>
  )
}
