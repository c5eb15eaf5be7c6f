/**
 * 存为素材: the selected text as a new snippet. The title and category are proposed from the words;
 * each number is listed with a proposed field name (召开专题会议3次 → 专题会议次数), ticked when it
 * looks like a figure that changes from year to year; the preview shows the snippet as it will be.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  applyNumberFields,
  bodyToText,
  proposeCategory,
  proposeNumberFields,
  proposeTitle,
  splitTags,
  type Category,
  type Snippet,
  type SnippetBody,
  type SnippetSource,
} from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { FieldChips } from './BodyEditor'
import { CategorySelect } from './CategorySelect'
import { SnippetBodyView } from './SnippetText'

interface NumberChoice {
  paragraph: number
  start: number
  end: number
  text: string
  unit: string
  context: [string, string]
  name: string
  on: boolean
}

export function SaveSnippetDialog({
  body,
  source,
  categories,
  onClose,
  onSaved,
}: {
  body: SnippetBody
  source: SnippetSource | null
  categories: readonly Category[]
  onClose(): void
  onSaved(snippet: Snippet): void
}) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const plain = bodyToText(body)
  const [title, setTitle] = useState(() => proposeTitle(plain))
  // the proposal follows the category list (it may still be loading) until the writer picks one
  const [chosenCategory, setCategoryId] = useState<number | null | undefined>(undefined)
  const proposedName = useMemo(() => proposeCategory(plain), [plain])
  const categoryId = chosenCategory !== undefined ? chosenCategory : (categories.find((c) => c.name === proposedName)?.id ?? null)
  const [tags, setTags] = useState('')
  const [numbers, setNumbers] = useState<NumberChoice[]>(() =>
    body.flatMap((p, paragraph) => {
      const text = bodyToText([p])
      return proposeNumberFields(text).map((n) => ({
        paragraph,
        start: n.start,
        end: n.end,
        text: n.text,
        unit: n.unit,
        context: [text.slice(Math.max(0, n.start - 8), n.start), text.slice(n.end, n.end + 6)] as [string, string],
        name: n.name,
        on: n.suggested,
      }))
    }),
  )
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const result = useMemo<SnippetBody>(
    () => body.map((p, i) => applyNumberFields(p, numbers.filter((n) => n.paragraph === i && n.on && n.name.trim()).map((n) => ({ ...n, name: n.name.trim() })))),
    [body, numbers],
  )

  const save = async () => {
    setBusy(true)
    try {
      const saved = await api.call('snippets.create', { title: title.trim(), categoryId, tags: splitTags(tags), body: result, source })
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
        aria-label={t('saveTitle')}
        data-testid="save-snippet-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save()
        }}
      >
        <h2>{t('saveTitle')}</h2>
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
        {numbers.length > 0 && (
          <fieldset className="snippet-numbers">
            <legend>{t('numbersToFields')}</legend>
            {numbers.map((n, i) => (
              <label key={i} className="snippet-number" data-testid="snippet-number">
                <input type="checkbox" checked={n.on} onChange={(e) => setNumbers((list) => list.map((x, k) => (k === i ? { ...x, on: e.target.checked } : x)))} />
                <span className="snippet-number-context">
                  <span className="muted">{n.context[0]}</span>
                  <b>{n.text}</b>
                  <span className="muted">{n.context[1]}</span>
                </span>
                <span>→</span>
                <input
                  value={n.name}
                  disabled={!n.on}
                  aria-label={t('fieldName')}
                  onChange={(e) => setNumbers((list) => list.map((x, k) => (k === i ? { ...x, name: e.target.value.replace(/[{}\n]/g, '').slice(0, 30) } : x)))}
                />
              </label>
            ))}
          </fieldset>
        )}
        <div className="snippet-save-preview">
          <SnippetBodyView body={result} />
        </div>
        <FieldChips body={result} />
        {error && <p className="error">{error}</p>}
        <div className="row end">
          <button onClick={onClose}>{t('common:cancel')}</button>
          <button className="primary" disabled={busy || result.length === 0} onClick={() => void save()} data-testid="snippet-save" title="Ctrl+Enter">
            {t('saveAs')}
          </button>
        </div>
      </div>
    </div>
  )
}
