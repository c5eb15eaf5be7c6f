/**
 * 导入素材: a .json or .csv file is read and checked first; the writer sees how many snippets are
 * fine, every problem with its line, and the duplicates, then imports — nothing at all while there
 * are problems, unless they choose to import only the rows without one.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SnippetImportReport } from '../../../shared/api'
import { SNIPPET_FILE_MAX_BYTES } from '../../../shared/api'
import { useApi } from '../../app/ApiContext'
import { errorMessage, RefusalError, translateMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import { fileToBase64 } from '../../ui/files'
import { snippetsChanged } from './events'

export function SnippetImportDialog({ file, onClose, onNotice }: { file: File; onClose(): void; onNotice(message: string | null): void }) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const [data, setData] = useState<string | null>(null)
  const [report, setReport] = useState<SnippetImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [skipDuplicates, setSkipDuplicates] = useState(true)
  const [busy, setBusy] = useState(true)

  useEffect(() => {
    let stale = false
    void (async () => {
      try {
        if (file.size > SNIPPET_FILE_MAX_BYTES) throw new RefusalError(t('common:fileTooLarge', { mb: Math.round(file.size / 1024 / 1024), max: SNIPPET_FILE_MAX_BYTES / 1024 / 1024 }))
        const base64 = await fileToBase64(file)
        const checked = await api.call('snippets.import', { name: file.name, dataBase64: base64, commit: false })
        if (stale) return
        setData(base64)
        setReport(checked)
      } catch (err) {
        if (!stale) setError(errorMessage(err))
      } finally {
        if (!stale) setBusy(false)
      }
    })()
    return () => {
      stale = true
    }
  }, [api, file, t])

  const commit = async (acceptInvalid: boolean) => {
    if (!data) return
    setBusy(true)
    try {
      const done = await api.call('snippets.import', { name: file.name, dataBase64: data, commit: true, skipDuplicates, acceptInvalid })
      snippetsChanged()
      onNotice(t('imported', { count: done.imported, skipped: done.skippedDuplicates }))
      onClose()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  const toImport = report ? report.valid - (skipDuplicates ? report.duplicates.length : 0) : 0
  return (
    <Modal label={t('importTitle')} onClose={onClose} wide testId="snippet-import-dialog">
        <h2>{t('importTitleFile', { name: file.name })}</h2>
        {busy && !report && <p className="muted">{t('common:reading')}</p>}
        {error && <p className="error" role="alert">{error}</p>}
        {report && (
          <div className="import-report">
            <p>{t('importFound', { format: report.format.toUpperCase(), count: report.valid })}</p>
            {report.problems.length > 0 && (
              <>
                <p className="error">{t('importProblems', { count: report.problems.length })}</p>
                <ul className="snippet-problems" data-testid="snippet-import-problems">
                  {report.problems.slice(0, 100).map((p, i) => (
                    <li key={i}>{t('atLine', { line: p.line, message: translateMessage(p.problem) })}</li>
                  ))}
                </ul>
              </>
            )}
            {report.duplicates.length > 0 && (
              <>
                <p className="warn">{t('importDuplicates', { count: report.duplicates.length })}</p>
                <ul className="snippet-problems">
                  {report.duplicates.slice(0, 50).map((d, i) => (
                    <li key={i}>{t(d.inFile ? 'duplicateInFile' : 'duplicateOf', { line: d.line, title: d.title, existing: d.existing })}</li>
                  ))}
                </ul>
                <label>
                  <input type="checkbox" checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} /> {t('skipDuplicates')}
                </label>
              </>
            )}
          </div>
        )}
        <div className="row end">
          <button onClick={onClose}>{t('common:cancel')}</button>
          {report && report.problems.length > 0 && report.valid > 0 && (
            <button disabled={busy || toImport <= 0} onClick={() => void commit(true)} data-testid="snippet-import-valid">
              {t('importValidOnly', { count: toImport })}
            </button>
          )}
          {report && report.problems.length === 0 && (
            <button className="primary" disabled={busy || toImport <= 0} onClick={() => void commit(false)} data-testid="snippet-import-commit">
              {t('importCommit', { count: toImport })}
            </button>
          )}
        </div>
    </Modal>
  )
}
