/**
 * 版本记录: the versions of the open document, newest first (why each was kept, when, its 字数).
 * One is compared with the current text (CompareView) or read as it prints (RevisionView), and
 * can be restored: the back end keeps the current text first ('restore'), then the editor takes
 * the version's text as one undo step (see RevisionHistoryPlugin).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RevisionSummary } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { compareDocuments, revisionTime } from '../../../shared/document/history'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import { CompareView, type CompareViewHandle } from './CompareView'
import { RevisionView } from './RevisionView'
import './history.css'

interface Props {
  documentId: string
  /** the document's text as it is now (the editor's, after a flush) */
  current(): SummaryDocument
  /** saves what is pending, so the list and the restore start from the text on screen */
  flush(): Promise<void>
  onRestore(revision: RevisionSummary): Promise<void>
  onClose(): void
}

type Lang = 'zh-CN' | 'en'

export function useRevisionLabel() {
  const { t, i18n } = useTranslation('history')
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  return {
    reason: (r: RevisionSummary) => (r.reason === 'final' && r.name ? t('finalNamed', { name: r.name }) : t(`reasons.${r.reason}`, { defaultValue: r.reason })),
    time: (ms: number) => revisionTime(ms, lang),
  }
}

export function HistoryDialog({ documentId, current, flush, onRestore, onClose }: Props) {
  const { t } = useTranslation('history')
  const api = useApi()
  const label = useRevisionLabel()
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null)
  const [now, setNow] = useState<SummaryDocument | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [model, setModel] = useState<{ id: number; model: SummaryDocument } | null>(null)
  const [mode, setMode] = useState<'compare' | 'view'>('compare')
  const [onlyChanges, setOnlyChanges] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const compareRef = useRef<CompareViewHandle>(null)

  useEffect(() => {
    let live = true
    void (async () => {
      try {
        await flush()
        const list = await api.call('revisions.list', { id: documentId })
        if (!live) return
        setNow(current())
        setRevisions(list)
        setSelected(list[0]?.id ?? null)
      } catch (err) {
        if (live) setError(errorMessage(err))
      }
    })()
    return () => {
      live = false
    }
    // loaded once per opening
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, documentId])

  useEffect(() => {
    if (selected === null) return
    let live = true
    setConfirming(false)
    void api.call('revisions.get', { id: documentId, revisionId: selected }).then(
      (r) => live && setModel({ id: selected, model: r.model }),
      (err: unknown) => live && setError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [api, documentId, selected])

  const shown = model && model.id === selected ? model.model : null
  const comparison = useMemo(() => (shown && now ? compareDocuments(shown, now) : null), [shown, now])
  const revision = revisions?.find((r) => r.id === selected) ?? null

  const restore = useCallback(async () => {
    if (!revision) return
    setBusy(true)
    setError(null)
    try {
      await onRestore(revision)
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }, [onRestore, revision])

  return (
    <Modal label={t('dialog.title')} onClose={onClose} className="history-dialog">
      <header className="history-head">
        <h2>{t('dialog.title')}</h2>
        {error && <span className="error" role="alert">{error}</span>}
        <span className="spacer" />
        <button onClick={onClose} data-testid="history-close">{t('dialog.close')}</button>
      </header>
      <div className="history-body">
        <nav className="history-list" aria-label={t('dialog.versions')}>
          {revisions === null ? (
            <p className="muted">{t('dialog.loading')}</p>
          ) : revisions.length === 0 ? (
            <p className="muted">{t('dialog.empty')}</p>
          ) : (
            <ul>
              {revisions.map((r) => (
                <li key={r.id}>
                  <button
                    className={r.id === selected ? 'on' : ''}
                    aria-current={r.id === selected}
                    onClick={() => setSelected(r.id)}
                    data-testid="revision-item"
                    data-reason={r.reason}
                    data-id={r.id}
                  >
                    <span className="rev-time">{label.time(r.createdAt)}</span>
                    <span className="rev-meta">
                      <span className="rev-reason" data-reason={r.reason}>{label.reason(r)}</span>
                      <span className="rev-count">{t('common:characters', { count: r.characters })}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section className="history-pane">
          {revision ? (
            <>
              <div className="history-bar">
                <span className="segmented" role="tablist">
                  <button role="tab" aria-selected={mode === 'compare'} className={mode === 'compare' ? 'on' : ''} onClick={() => setMode('compare')} data-testid="history-compare">
                    {t('dialog.compare')}
                  </button>
                  <button role="tab" aria-selected={mode === 'view'} className={mode === 'view' ? 'on' : ''} onClick={() => setMode('view')} data-testid="history-view">
                    {t('dialog.view')}
                  </button>
                </span>
                {mode === 'compare' && comparison && comparison.changed > 0 && (
                  <>
                    <label className="only-changes">
                      <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} data-testid="history-only-changes" />
                      {t('dialog.onlyChanges')}
                    </label>
                    <button onClick={() => compareRef.current?.step(-1)} title={t('dialog.prev')}>↑ {t('dialog.prev')}</button>
                    <button onClick={() => compareRef.current?.step(1)} title={t('dialog.next')}>↓ {t('dialog.next')}</button>
                  </>
                )}
                <span className="spacer" />
                <button className="primary" onClick={() => setConfirming(true)} disabled={busy || confirming} data-testid="revision-restore">
                  {t('dialog.restore')}
                </button>
              </div>
              {confirming && (
                <div className="history-confirm" role="alertdialog" data-testid="restore-confirm">
                  <span>{t('dialog.restoreConfirm', { when: label.time(revision.createdAt) })}</span>
                  <button className="primary" onClick={() => void restore()} disabled={busy} data-testid="restore-go" autoFocus>
                    {busy ? t('dialog.restoring') : t('dialog.restoreGo')}
                  </button>
                  <button onClick={() => setConfirming(false)} disabled={busy}>{t('common:cancel')}</button>
                </div>
              )}
              {mode === 'compare' && comparison && (
                <div className="history-summary" data-testid="compare-summary">
                  {comparison.changed === 0 ? (
                    t('dialog.same')
                  ) : (
                    <>
                      <span>{t('dialog.summary', { changed: comparison.changed, inserted: comparison.inserted, deleted: comparison.deleted })}</span>
                      <span className="legend">
                        {t('dialog.legend')}
                        <ins className="diff-ins">{t('dialog.inserted')}</ins>
                        <del className="diff-del">{t('dialog.deleted')}</del>
                      </span>
                    </>
                  )}
                </div>
              )}
              <div className="history-content">
                {!shown || !now ? (
                  <p className="muted pad">{t('dialog.loading')}</p>
                ) : mode === 'compare' && comparison ? (
                  <CompareView ref={compareRef} comparison={comparison} onlyChanges={onlyChanges} />
                ) : (
                  <RevisionView model={shown} label={`${label.reason(revision)} ${label.time(revision.createdAt)}`} />
                )}
              </div>
            </>
          ) : (
            <p className="muted pad">{revisions?.length ? t('dialog.pick') : ''}</p>
          )}
        </section>
      </div>
    </Modal>
  )
}
