/** 新建素材 / 编辑素材: title, category, tags and the rich body with its fields. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { splitTags, type Category, type Snippet, type SnippetBody, type SnippetSource } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { BodyEditor, FieldChips } from './BodyEditor'
import { CategorySelect } from './CategorySelect'

interface Props {
  snippet: Snippet | null
  categories: readonly Category[]
  defaultCategoryId: number | null
  /** a new snippet's starting point (save from selection, harvest) */
  initial?: { title: string; body: SnippetBody; categoryId: number | null; tags?: string[]; source?: SnippetSource | null }
  heading?: string
  onClose(): void
  onSaved(snippet: Snippet): void
}

export function SnippetEditDialog({ snippet, categories, defaultCategoryId, initial, heading, onClose, onSaved }: Props) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const [title, setTitle] = useState(snippet?.title ?? initial?.title ?? '')
  const [categoryId, setCategoryId] = useState<number | null>(snippet ? snippet.categoryId : (initial?.categoryId ?? defaultCategoryId))
  const [tags, setTags] = useState((snippet?.tags ?? initial?.tags ?? []).join('、'))
  const [body, setBody] = useState<SnippetBody>(snippet?.body ?? initial?.body ?? [])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (body.length === 0) return setError(t('emptyBody'))
    setBusy(true)
    try {
      const draft = { title: title.trim(), categoryId, tags: splitTags(tags), body, ...(snippet ? {} : { source: initial?.source ?? null }) }
      const saved = snippet ? await api.call('snippets.update', { id: snippet.id, draft }) : await api.call('snippets.create', draft)
      onSaved(saved)
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal wide snippet-dialog"
        role="dialog"
        aria-label={heading ?? (snippet ? t('editTitle') : t('newTitle'))}
        data-testid="snippet-edit-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save()
        }}
      >
        <h2>{heading ?? (snippet ? t('editTitle') : t('newTitle'))}</h2>
        <label className="snippet-form-row">
          <span>{t('titleLabel')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="snippet-title-input" autoFocus />
        </label>
        <div className="snippet-form-row">
          <span>{t('category')}</span>
          <CategorySelect categories={categories} value={categoryId} onChange={setCategoryId} />
          <span>{t('tags')}</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('tagsPlaceholder')} />
        </div>
        <BodyEditor initial={body} onChange={setBody} label={t('body')} />
        <FieldChips body={body} />
        {error && <p className="error">{error}</p>}
        <div className="row end">
          <button onClick={onClose}>{t('common:cancel')}</button>
          <button className="primary" disabled={busy || body.length === 0} onClick={() => void save()} data-testid="snippet-save" title="Ctrl+Enter">
            {t('save')}
          </button>
        </div>
      </div>
    </div>
  )
}
