import { useTranslation } from 'react-i18next'
import { useEditorStatus, type StatusStore } from './statusStore'
import { ZoomControl } from '../features/pageview/ZoomControl'
import { TeamStatusView } from '../features/team/TeamStatusView'

export function StatusBar({ status: store, notice, onDismiss }: { status: StatusStore | null; notice: string | null; onDismiss(): void }) {
  return (
    <footer className="status-bar">
      {store && <EditorStatusLine store={store} />}
      {notice && <Notice notice={notice} onDismiss={onDismiss} />}
      {store && <ZoomControl />}
    </footer>
  )
}

function Notice({ notice, onDismiss }: { notice: string; onDismiss(): void }) {
  return (
    <span className="notice" role="status">
      {notice} <button className="link" onClick={onDismiss}>×</button>
    </span>
  )
}

/** The only component that re-renders when the save state or 字数 changes. */
function EditorStatusLine({ store }: { store: StatusStore }) {
  const { t } = useTranslation('app')
  const status = useEditorStatus(store)
  return (
    <>
      {status && (
        <>
          <span data-testid="char-count">{t('status.characters', { count: status.characters })}</span>
          <span data-testid="save-state" data-state={status.save}>
            {status.save === 'failed' ? t('status.saveFailed', { message: status.error ?? '' }) : t(`status.${status.save}`)}
          </span>
          {status.team && <TeamStatusView line={status.team} />}
        </>
      )}
    </>
  )
}
