/**
 * 彻底删除 from the trash. A document with 定稿 says how many it has and that they stay (an
 * exported 定稿 may already have been sent out, and verify must still know it); deleting them too
 * takes a tick and the document's name typed again, which the back end checks as well.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentSummary } from '../../../shared/api'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import './history.css'

interface Props {
  doc: DocumentSummary
  onPurged(): void
  onClose(): void
}

export function PurgeDialog({ doc, onPurged, onClose }: Props) {
  const { t } = useTranslation('history')
  const api = useApi()
  const [finals, setFinals] = useState<number | null>(null)
  const [deleteFinals, setDeleteFinals] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const title = doc.title || t('common:untitled')
  // what must be typed: the title, or the id of an untitled document (as the back end checks)
  const name = doc.title.trim() || doc.id

  useEffect(() => {
    let live = true
    void api.call('finals.list', { id: doc.id }).then(
      (r) => live && setFinals(r.finals.length),
      // the count is only a courtesy: without it the plain question is asked and nothing is deleted but the document
      () => live && setFinals(0),
    )
    return () => {
      live = false
    }
  }, [api, doc.id])

  const purge = async () => {
    setBusy(true)
    setError(null)
    try {
      await api.call('documents.purge', deleteFinals ? { id: doc.id, deleteFinals: true, confirmName: typed } : { id: doc.id })
      onPurged()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  if (finals === null) return null
  const ready = !deleteFinals || typed.trim() === name
  return (
    <Modal label={t('purge.title')} onClose={onClose}>
      <div data-testid="purge-dialog">
        <h2>{t('purge.title')}</h2>
        <p>{t('app:docs.purgeConfirm', { title })}</p>
        {finals > 0 && (
          <>
            <p className="purge-finals" data-testid="purge-finals">{t('purge.finals', { title, count: finals })}</p>
            <label className="purge-check">
              <input type="checkbox" checked={deleteFinals} onChange={(e) => setDeleteFinals(e.target.checked)} data-testid="purge-delete-finals" />
              {t('purge.deleteFinals')}
            </label>
            {deleteFinals && (
              <label className="purge-name">
                {t('purge.typeName', { name })}
                <input value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus data-testid="purge-name" />
              </label>
            )}
          </>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row end">
          <button onClick={onClose} disabled={busy}>{t('common:cancel')}</button>
          <button className="primary" onClick={() => void purge()} disabled={busy || !ready} data-testid="purge-go" autoFocus={finals === 0}>
            {t('purge.go')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
