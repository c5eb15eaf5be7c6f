import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadTemplate, TEMPLATES, type TemplateId } from '../../../shared/templates'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import './templates.css'

/** 从模板新建: one of the shipped skeletons, its blanks as unfilled figures, as a new document. */
export function TemplatePicker({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation('templates')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const choose = async (id: TemplateId) => {
    setBusy(true)
    try {
      const model = await loadTemplate(id)
      const created = await api.call('documents.create', { title: model.title, model })
      onCreated(created.id)
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <Modal label={t('title')} onClose={onClose}>
        <h2>{t('title')}</h2>
        <ul className="template-list">
          {TEMPLATES.map((tpl, i) => (
            <li key={tpl.id}>
              <button autoFocus={i === 0} disabled={busy} onClick={() => void choose(tpl.id)} data-template={tpl.id}>
                <strong>{tpl.name}</strong>
                <span className="muted">{tpl.description}</span>
              </button>
            </li>
          ))}
        </ul>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row end">
          <button onClick={onClose}>{t('common:cancel')}</button>
        </div>
    </Modal>
  )
}
