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
  type Category,
  type Snippet,
  type SnippetBody,
  type SnippetSource,
} from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { SnippetFormDialog } from './SnippetFormDialog'
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
  ...dialog
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
  // proposed once, when the dialog opens
  const [initial] = useState(() => ({ title: proposeTitle(plain), tags: '' }))
  const proposedName = useMemo(() => proposeCategory(plain), [plain])
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

  const result = useMemo<SnippetBody>(
    () => body.map((p, i) => applyNumberFields(p, numbers.filter((n) => n.paragraph === i && n.on && n.name.trim()).map((n) => ({ ...n, name: n.name.trim() })))),
    [body, numbers],
  )

  return (
    <SnippetFormDialog
      {...dialog}
      heading={t('saveTitle')}
      testId="save-snippet-dialog"
      initial={initial}
      proposedCategory={proposedName}
      body={result}
      saveLabel={t('saveAs')}
      save={(head) => api.call('snippets.create', { ...head, body: result, source })}
    >
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
    </SnippetFormDialog>
  )
}
