/**
 * The banners above the page when saving needs the writer: they stay until the problem is gone.
 * ConflictBanner: the document changed elsewhere; compare, keep mine, or use the saved one.
 * FailureBanner: the library refused the text or cannot be reached; it says why, counts down to
 * the next try, and offers 另存为….
 * StalledBanner: a save went out and the back end has not answered (it hangs); the text is safe.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import './saving.css'

interface ConflictProps {
  busy: boolean
  error: string | null
  onCompare(): void
  onKeepMine(): void
  onUseStored(): void
}

export function ConflictBanner({ busy, error, onCompare, onKeepMine, onUseStored }: ConflictProps) {
  const { t } = useTranslation('saving')
  return (
    <div className="save-banner conflict" role="alert" data-testid="conflict-banner">
      <div className="save-banner-text">
        <strong>{t('conflict.title')}</strong>
        <span>{t('conflict.body')}</span>
        {error && <span className="error">{error}</span>}
      </div>
      <div className="save-banner-actions">
        <button onClick={onCompare} data-testid="conflict-compare">{t('conflict.compare')}</button>
        <button onClick={onKeepMine} disabled={busy} title={t('conflict.keepMineHint')} data-testid="conflict-keep-mine">{t('conflict.keepMine')}</button>
        <button onClick={onUseStored} disabled={busy} title={t('conflict.useStoredHint')} data-testid="conflict-use-stored">{t('conflict.useStored')}</button>
      </div>
    </div>
  )
}

interface FailureProps {
  reason: string
  /** when the next try starts (ms since the epoch), null while one is on its way */
  retryAt: number | null
  note: string | null
  onRetry(): void
  onSaveAs(): void
}

export function FailureBanner({ reason, retryAt, note, onRetry, onSaveAs }: FailureProps) {
  const { t } = useTranslation('saving')
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (retryAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [retryAt])
  const seconds = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000))
  return (
    <div className="save-banner failed" role="alert" data-testid="save-problem">
      <div className="save-banner-text">
        <strong data-testid="save-problem-reason">{t('failed.title', { reason })}</strong>
        <span>
          {t('failed.body')} {retryAt === null || seconds === 0 ? t('failed.retrying') : t('failed.retryIn', { seconds })}
        </span>
        {note && <span data-testid="save-as-note">{note}</span>}
      </div>
      <div className="save-banner-actions">
        <button onClick={onRetry} data-testid="save-retry">{t('failed.retryNow')}</button>
        <button onClick={onSaveAs} data-testid="save-as">{t('failed.saveAs')}</button>
      </div>
    </div>
  )
}

/**
 * A save the back end has not answered for a while (it hangs rather than refuses): nothing to do but
 * wait, so the banner says that the text is kept here and will be saved when the back end answers.
 */
export function StalledBanner({ since }: { since: number }) {
  const { t } = useTranslation('saving')
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return (
    <div className="save-banner failed" role="status" data-testid="save-stalled">
      <div className="save-banner-text">
        <strong>{t('stalled.title', { seconds: Math.max(0, Math.round((now - since) / 1000)) })}</strong>
        <span>{t('stalled.body')}</span>
      </div>
    </div>
  )
}
