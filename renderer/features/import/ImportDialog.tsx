import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_MAX_BYTES, type ApiOutput } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { msg } from '../../../shared/errors'
import { useApi } from '../../app/ApiContext'
import { errorMessage, RefusalError, translateMessage } from '../../app/errors'
import { fileToBase64 } from '../../ui/files'
import { Modal } from '../../ui/Modal'

type Preview = ApiOutput<'documents.import'>
type JunkLine = Preview['report']['junkLines'][number]

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
  // split starts checked when the file clearly holds several summaries, until the writer decides
  const splitTouched = useRef(false)
  // pieces (by index) the writer unticked
  const [skipped, setSkipped] = useState<number[]>([])
  // removed lines the writer ticked to keep (their text remembered: a kept line leaves junkLines)
  const [kept, setKept] = useState<JunkLine[]>([])
  const keepLines = kept.map((j) => j.line)
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
        const keep = kept.map((j) => j.line)
        const result = await api.call('documents.import', { name: file.name, dataBase64: base64, clean, split, ...(keep.length ? { keepLines: keep } : {}) })
        if (!stale) {
          setPreview(result)
          setError(null)
          if (!split && !splitTouched.current && result.report.suggestSplit) setSplit(true)
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
  }, [api, file, clean, split, data, t, kept])

  const chosen = (preview?.documents ?? []).map((doc, index) => ({ doc, index })).filter(({ index }) => !skipped.includes(index))
  const toggleSplit = (on: boolean) => {
    splitTouched.current = true
    setSkipped([])
    setSplit(on)
  }
  const togglePiece = (index: number) => setSkipped((s) => (s.includes(index) ? s.filter((i) => i !== index) : [...s, index]))

  const save = async () => {
    if (!data) return
    setBusy(true)
    try {
      const pieces = split && skipped.length ? { pieces: chosen.map(({ index }) => index) } : {}
      const result = await api.call('documents.import', { name: file.name, dataBase64: data, clean, split, save: true, ...(keepLines.length ? { keepLines } : {}), ...pieces })
      onSaved(result.saved[0]?.id ?? null)
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  const r = preview?.report
  const junkShown = r && clean ? [...r.junkLines, ...kept].sort((a, b) => a.line - b.line) : []
  const toggleKeep = (j: JunkLine) => setKept((k) => (k.some((x) => x.line === j.line) ? k.filter((x) => x.line !== j.line) : [...k, j]))
  return (
    <Modal label={t('title')} onClose={onClose}>
        <h2>{t('titleFile', { name: file.name })}</h2>
        <div className="row">
          <label><input type="checkbox" checked={clean} onChange={(e) => setClean(e.target.checked)} /> {t('clean')}</label>
          <label><input type="checkbox" checked={split} onChange={(e) => toggleSplit(e.target.checked)} data-testid="import-split" /> {t('split')}</label>
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
              {r.numberingGaps.length > 0 && (
                <li className="warn" data-testid="import-gaps">
                  {t('gaps', { count: r.numberingGaps.length })}
                  <ul>
                    {r.numberingGaps.slice(0, 50).map((g, i) => (
                      <li key={i}>{translateMessage(msg('report.numberingGap', { typed: g.typed, heading: g.heading, now: g.now }))}</li>
                    ))}
                  </ul>
                </li>
              )}
              {r.warnings.map((w, i) => <li key={i} className="warn">{translateMessage(w)}</li>)}
            </ul>
            {junkShown.length > 0 && (
              <details className="import-junk" data-testid="import-junk">
                <summary>{t('junkList')}</summary>
                <ul>
                  {junkShown.slice(0, 300).map((j) => {
                    const keep = keepLines.includes(j.line)
                    return (
                      <li key={j.line}>
                        <label title={t('keepLine', { line: j.line })}>
                          <input type="checkbox" checked={keep} disabled={busy} onChange={() => toggleKeep(j)} />{' '}
                          <span className="muted">{j.line}</span> {keep ? <span>{j.text}</span> : <del>{j.text}</del>}
                        </label>
                      </li>
                    )
                  })}
                </ul>
              </details>
            )}
            {!split && r.suggestSplit && <p className="warn">{t('suggestSplit', { count: r.pieces.length })}</p>}
            <ol className="import-titles" data-testid="import-titles">
              {preview.documents.map((d, i) => (
                <li key={i}>
                  {split && preview.documents.length > 1 ? (
                    <label>
                      <input type="checkbox" checked={!skipped.includes(i)} disabled={busy} onChange={() => togglePiece(i)} /> {d.title || t('common:untitled')}
                      {r.pieces[i] && <span className="muted">（{t('pieceChars', { count: r.pieces[i].chars })}）</span>}
                    </label>
                  ) : (
                    d.title || t('common:untitled')
                  )}
                </li>
              ))}
            </ol>
          </div>
        )}
        <div className="row end">
          <button onClick={onClose}>{t('common:cancel')}</button>
          {canInsert && chosen.length === 1 && (
            <button onClick={() => onInsert(chosen[0]!.doc)} disabled={busy}>{t('insert')}</button>
          )}
          <button className="primary" onClick={() => void save()} disabled={busy || !preview || chosen.length === 0}>
            {/* no count before the file is read, nor when it cannot be: nothing would be imported */}
            {preview ? t('saveNew', { count: chosen.length }) : t('saveNewNone')}
          </button>
        </div>
    </Modal>
  )
}
