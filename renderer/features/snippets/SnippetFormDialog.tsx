/**
 * What 存为素材 and 新建 / 编辑素材 share: the dialog with the title, category and tags over the body
 * part each brings, the fields the body uses, and saving (the button or Ctrl+Enter; Esc or a click
 * outside closes). An empty body is refused; an error from the library is shown in the dialog.
 */
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { splitTags, type Category, type Snippet, type SnippetBody } from '../../../shared/snippets'
import { errorMessage } from '../../app/errors'
import { FieldChips } from './BodyEditor'
import { CategorySelect } from './CategorySelect'

/** The title, category and tags as the form gives them to `save`. */
export interface SnippetHead {
  title: string
  categoryId: number | null
  tags: string[]
}

export interface SnippetFormDialogProps {
  heading: string
  testId: string
  categories: readonly Category[]
  /** what the fields start with; tags as typed (、 between them) */
  initial: { title: string; categoryId?: number | null; tags: string }
  /** without an initial category: the category of this name, once the list has it, until the writer picks one */
  proposedCategory?: string
  /** the body as it will be saved */
  body: SnippetBody
  saveLabel: string
  /** stores the snippet */
  save(head: SnippetHead): Promise<Snippet>
  onClose(): void
  onSaved(snippet: Snippet): void
  /** the body part, between the tags and the fields the body uses */
  children: ReactNode
}

export function SnippetFormDialog({ heading, testId, categories, initial, proposedCategory, body, saveLabel, save, onClose, onSaved, children }: SnippetFormDialogProps) {
  const { t } = useTranslation('snippets')
  const [title, setTitle] = useState(initial.title)
  // the proposal follows the category list (it may still be loading) until the writer picks one
  const [chosenCategory, setCategoryId] = useState<number | null | undefined>(initial.categoryId)
  const categoryId = chosenCategory !== undefined ? chosenCategory : (categories.find((c) => c.name === proposedCategory)?.id ?? null)
  const [tags, setTags] = useState(initial.tags)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (body.length === 0) return setError(t('emptyBody'))
    setBusy(true)
    try {
      onSaved(await save({ title: title.trim(), categoryId, tags: splitTags(tags) }))
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
        aria-label={heading}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit()
        }}
      >
        <h2>{heading}</h2>
        <label className="snippet-form-row">
          <span>{t('titleLabel')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoFocus data-testid="snippet-title-input" />
        </label>
        <div className="snippet-form-row">
          <span>{t('category')}</span>
          <CategorySelect categories={categories} value={categoryId} onChange={setCategoryId} />
          <span>{t('tags')}</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('tagsPlaceholder')} />
        </div>
        {children}
        <FieldChips body={body} />
        {error && <p className="error">{error}</p>}
        <div className="row end">
          <button onClick={onClose}>{t('common:cancel')}</button>
          <button className="primary" disabled={busy || body.length === 0} onClick={() => void submit()} data-testid="snippet-save" title="Ctrl+Enter">
            {saveLabel}
          </button>
        </div>
      </div>
    </div>
  )
}
