/** 新建素材 / 编辑素材: title, category, tags and the rich body with its fields. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Category, Snippet, SnippetBody, SnippetSource } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { BodyEditor } from './BodyEditor'
import { SnippetFormDialog } from './SnippetFormDialog'

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

export function SnippetEditDialog({ snippet, defaultCategoryId, initial, heading, ...dialog }: Props) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const [body, setBody] = useState<SnippetBody>(snippet?.body ?? initial?.body ?? [])
  const head = {
    title: snippet?.title ?? initial?.title ?? '',
    categoryId: snippet ? snippet.categoryId : (initial?.categoryId ?? defaultCategoryId),
    tags: (snippet?.tags ?? initial?.tags ?? []).join('、'),
  }

  return (
    <SnippetFormDialog
      {...dialog}
      heading={heading ?? (snippet ? t('editTitle') : t('newTitle'))}
      testId="snippet-edit-dialog"
      initial={head}
      body={body}
      saveLabel={t('save')}
      save={(head) => {
        const draft = { ...head, body, ...(snippet ? {} : { source: initial?.source ?? null }) }
        return snippet ? api.call('snippets.update', { id: snippet.id, draft }) : api.call('snippets.create', draft)
      }}
    >
      <BodyEditor initial={body} onChange={setBody} label={t('body')} />
    </SnippetFormDialog>
  )
}
