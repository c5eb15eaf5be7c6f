import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_MAX_BYTES, type ApiOutput } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { useApi } from '../../app/ApiContext'
import { errorMessage, RefusalError, translateMessage } from '../../app/errors'
import { fileToBase64 } from '../../ui/files'

type Preview = ApiOutput<'documents.import'>

interface Props {
  file: File
  /** a document is open: its text can take the import (one undo step) */
  canInsert: boolean
  onClose(): void
  onSaved(firstId: string | null): void
  onInsert(doc: SummaryDocument): void
}

/**
 * 导入: a preview of what the recognizer found (headings, joined lines, placeholders, junk, several
 * summaries), then either new documents in the library or the text inserted into the open one.
 */
export function ImportDialog({ file, canInsert, onClose, onSaved, onInsert }: Props) {
  const { t } = useTranslation('import')
  const api = useApi()
  const [clean, setClean] = useState(true)
  const [split, setSplit] = useState(false)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(true)
  const [data, setData] = useState<string | null>(null)

  useEffect(() => {
    let stale = false
    setBusy(true)
    void (async () => {
      try {
        // refuse a huge file before reading it into memory
        if (file.size > IMPORT_MAX_BYTES) throw new RefusalError(t('common:fileTooLarge', { mb: Math.round(file.size / 1024 / 1024), max: IMPORT_MAX_BYTES / 1024 / 1024 }))
        if (file.size === 0) throw new RefusalError(t('empty'))
        const base64 = data ?? (await fileToBase64(file))
        if (!data) setData(base64)
        const result = await api.call('documents.import', { name: file.name, dataBase64: base64, clean, split })
        if (!stale) {
          setPreview(result)
          setError(null)
        }
      } catch (err) {
        if (!stale) {
          setPreview(null)
          setError(errorMessage(err))
        }
      } finally {
        if (!stale) setBusy(false)
      }
    })()
    return () => {
      stale = true
    }
  }, [api, file, clean, split, data, t])

  const save = async () => {
    if (!data) return
    setBusy(true)
    try {
      const result = await api.call('documents.import', { name: file.name, dataBase64: data, clean, split, save: true })
      onSaved(result.saved[0]?.id ?? null)
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  const r = preview?.report
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label={t('title')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal">
        <h2>{t('titleFile', { name: file.name })}</h2>
        <div className="row">
          <label><input type="checkbox" checked={clean} onChange={(e) => setClean(e.target.checked)} /> {t('clean')}</label>
          <label><input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} /> {t('split')}</label>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        {busy && !preview && !error && <p className="muted">{t('common:reading')}</p>}
        {r && preview && (
          <div className="import-report" data-testid="import-report">
            <p>
              {t('found', { documents: preview.documents.length, headings: r.headings, runIn: r.runInHeadings })}
              {r.encoding ? ` · ${t('encoding', { encoding: r.encoding })}` : ''}
            </p>
            <ul>
              <li>{t('joined', { count: r.linesJoined })}</li>
              <li>{t('placeholders', { count: r.placeholders })}</li>
              <li>{t('junk', { count: r.junkRemoved })}</li>
              {r.numberingGaps.length > 0 && <li className="warn">{t('gaps', { count: r.numberingGaps.length })}</li>}
              {r.warnings.map((w, i) => <li key={i} className="warn">{translateMessage(w)}</li>)}
            </ul>
            <ol className="import-titles">
              {preview.documents.map((d, i) => <li key={i}>{d.title || t('common:untitled')}</li>)}
            </ol>
          </div>
        )}
        <div className="row end">
          <button onClick={onClose}>{t('common:cancel')}</button>
          {canInsert && preview?.documents.length === 1 && (
            <button onClick={() => onInsert(preview.documents[0]!)} disabled={busy}>{t('insert')}</button>
          )}
          <button className="primary" onClick={() => void save()} disabled={busy || !preview || preview.documents.length === 0}>
            {t('saveNew', { count: preview?.documents.length ?? 1 })}
          </button>
        </div>
      </div>
    </div>
  )
}
