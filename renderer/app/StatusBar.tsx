import { useTranslation } from 'react-i18next'
import type { EditorStatus } from '../editor/SummaryEditor'
import { ZoomControl } from '../features/pageview/ZoomControl'

export function StatusBar({ status, notice, onDismiss }: { status: EditorStatus | null; notice: string | null; onDismiss(): void }) {
  const { t } = useTranslation('app')
  return (
    <footer className="status-bar">
      {status && (
        <>
          <span data-testid="char-count">{t('status.characters', { count: status.characters })}</span>
          <span data-testid="save-state" data-state={status.save}>
            {status.save === 'failed' ? t('status.saveFailed', { message: status.error ?? '' }) : t(`status.${status.save}`)}
          </span>
        </>
      )}
      {notice && (
        <span className="notice" role="status">
          {notice} <button className="link" onClick={onDismiss}>×</button>
        </span>
      )}
      {status && <ZoomControl />}
    </footer>
  )
}
