import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord } from '../../../shared/api'
import type { RolloverPlan } from '../../../shared/document/rollover'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import './rollover.css'

/** 新年度底稿: previews what rolling a stored document over changes, then creates the new one. */
export function RolloverDialog({ documentId, onClose, onCreated }: { documentId: string; onClose(): void; onCreated(record: DocumentRecord): void }) {
  const { t } = useTranslation('rollover')
  const api = useApi()
  const [plan, setPlan] = useState<RolloverPlan | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let stale = false
    api.call('documents.rollover', { id: documentId, apply: false }).then(
      (r) => !stale && setPlan(r.plan),
      (err) => !stale && setError(errorMessage(err)),
    )
    return () => { stale = true }
  }, [api, documentId])

  const create = async () => {
    if (!plan) return
    setBusy(true)
    try {
      // the previewed year, so that what is created is what was shown
      const { record } = await api.call('documents.rollover', { id: documentId, toYear: plan.toYear, apply: true })
      if (record) onCreated(record)
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  const where = (w: RolloverPlan['years'][number]['where']) =>
    w === 'title' ? t('where.title') : w === 'subtitle' ? t('where.subtitle') : t('where.block', { n: w + 1 })

  return (
    <Modal label={t('title')} onClose={onClose} wide className="rollover-dialog">
      <h2>{t('title')}</h2>
      {plan && (
        <>
          <p>
            <strong>{plan.fromYear === null ? t('noYear') : t('years', { from: plan.fromYear, to: plan.toYear })}</strong>{' '}
            {plan.yearSource !== 'none' && <span className="muted">{t(`yearSource.${plan.yearSource}`)}</span>}
          </p>
          <p data-testid="rollover-title">{t('newTitle', { title: plan.title })}</p>
          <h3>{plan.years.length ? t('yearChanges', { count: plan.years.length }) : t('noYearChanges')}</h3>
          <ul className="rollover-list" data-testid="rollover-years">
            {plan.years.map((c, i) => (
              <li key={i}>
                <span className="muted">{where(c.where)}</span> <del>{c.before}</del> → <ins>{c.after}</ins>
                <span className="rollover-context">{c.context}</span>
              </li>
            ))}
          </ul>
          <h3>{plan.figures.length ? t('figures', { count: plan.figures.length }) : t('noFigures')}</h3>
          <ul className="rollover-list" data-testid="rollover-figures">
            {plan.figures.map((f) => (
              <li key={f.id}>
                <strong>{f.name}</strong>{' '}
                <span className="muted">{f.lastYear === null ? t('noLastYear') : t('lastYear', { value: f.lastYear })}{f.computed ? ` · ${t('formula')}` : ''}</span>
              </li>
            ))}
          </ul>
          {plan.clearsDate && <p>{t('clearsDate')}</p>}
          <p className="muted">{t('keeps')}</p>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row end">
        <button onClick={onClose}>{t('common:cancel')}</button>
        <button className="primary" disabled={!plan || busy} onClick={() => void create()} data-testid="rollover-create">{t('create')}</button>
      </div>
    </Modal>
  )
}
