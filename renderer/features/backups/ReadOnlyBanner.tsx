import { useTranslation } from 'react-i18next'
import './backups.css'

/** Above the workspace while the 文稿库 is read-only: every save would be refused (storage.readOnly). */
export function ReadOnlyBanner() {
  const { t } = useTranslation('backups')
  return <div className="read-only-banner" role="status" data-testid="read-only-banner">{t('readOnly')}</div>
}
