import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiOutput, BackupSummary, LibraryInfo } from '../../../shared/api'
import { useApi } from '../../app/ApiContext'
import { errorMessage, translateMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import { backupSize, backupTime } from './format'
import './backups.css'

type Listed = ApiOutput<'backups.list'>

/**
 * 文件 › 备份与恢复…: the backups of the 文稿库 (time, kind, size, documents), 立即备份, and 恢复
 * after a confirmation that names the backup's time. A backup is named to the back end by its id
 * from the list. `onRestored` gets the library as it now is; the app reloads its lists from it.
 */
export function BackupsDialog({ onClose, onRestored, beforeRestore, libraryOpen = true }: {
  onClose(): void
  onRestored(info: LibraryInfo, notice: string): void
  /** saves the open document first: what was typed goes into the backup taken before the restore */
  beforeRestore?: () => Promise<void>
  libraryOpen?: boolean
}) {
  const { t, i18n } = useTranslation('backups')
  const api = useApi()
  const [listed, setListed] = useState<Listed | null>(null)
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<BackupSummary | null>(null)
  const time = (b: { createdAt: number }) => backupTime(b.createdAt, i18n.language)

  const load = useCallback(() => api.call('backups.list', {}).then(setListed, (err: unknown) => setError(errorMessage(err))), [api])
  useEffect(() => void load(), [load])

  const backupNow = async () => {
    setBusy('backup')
    setError(null)
    setMessage(null)
    try {
      const made = await api.call('backups.create', {})
      setMessage(t('backedUp', { time: time(made) }))
      await load()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  const restore = async (backup: BackupSummary) => {
    setConfirming(null)
    setBusy('restore')
    setError(null)
    setMessage(null)
    try {
      await beforeRestore?.()
      const result = await api.call('backups.restore', { id: backup.id })
      onRestored(result.library, t('restored', { time: time(backup) }))
    } catch (err) {
      setError(errorMessage(err))
      await load()
    } finally {
      setBusy(null)
    }
  }

  return (
    <Modal label={t('title')} onClose={onClose} wide className="backups-dialog">
      <div data-testid="backups-dialog">
        <h2>{t('title')}</h2>
        {listed && <p className="muted">{t('intro', { folder: listed.folder })}</p>}
        {listed?.lastError && <p className="error" role="alert">{t('lastError', { reason: translateMessage(listed.lastError) })}</p>}
        <div className="row">
          {libraryOpen && (
            <button className="primary" disabled={busy !== null} onClick={() => void backupNow()} data-testid="backup-now">
              {busy === 'backup' ? t('backingUp') : t('backupNow')}
            </button>
          )}
          {busy === 'restore' && <span className="muted">{t('restoring')}</span>}
          {message && <span role="status" data-testid="backups-message">{message}</span>}
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        {listed && listed.backups.length === 0 && <p className="muted">{t('empty')}</p>}
        {listed && listed.backups.length > 0 && (
          <table className="backups-table">
            <thead>
              <tr>
                <th>{t('column.time')}</th>
                <th>{t('column.kind')}</th>
                <th className="num">{t('column.size')}</th>
                <th className="num">{t('column.documents')}</th>
                <th className="num">{t('column.snippets')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listed.backups.map((b) => (
                <tr key={b.id} data-backup={b.id}>
                  <td>{time(b)}</td>
                  <td>{t(`kind.${b.kind}`)}</td>
                  <td className="num">{backupSize(b.bytes)}</td>
                  <td className="num">{t('documents', { count: b.documents })}</td>
                  <td className="num">{t('snippets', { count: b.snippets })}</td>
                  <td>
                    {b.problem ? (
                      <span className="error">{t('unusable', { reason: translateMessage(b.problem) })}</span>
                    ) : (
                      <button disabled={busy !== null} onClick={() => setConfirming(b)}>{t('restore')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="row end">
          <button onClick={onClose} data-testid="backups-close">{t('close')}</button>
        </div>
      </div>
      {confirming && (
        <Modal label={t('confirmTitle')} onClose={() => setConfirming(null)}>
          <div data-testid="restore-confirm">
            <h2>{t('confirmTitle')}</h2>
            <p>{t(libraryOpen ? 'confirmBody' : 'unavailable.confirmBody', { time: time(confirming), documents: confirming.documents })}</p>
            <div className="row end">
              <button onClick={() => setConfirming(null)}>{t('common:cancel')}</button>
              <button className="primary" autoFocus onClick={() => void restore(confirming)}>{t('confirm')}</button>
            </div>
          </div>
        </Modal>
      )}
    </Modal>
  )
}
