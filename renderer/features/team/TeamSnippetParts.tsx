/**
 * The team's 素材库 in the 素材 panel: the 团队 mark on a row, and the preview's team actions —
 * 提交到团队 on the writer's own snippet, 编辑 and 从团队删除 on a team snippet (an 编辑 member;
 * deleting asks first, naming that it goes for everyone). 审阅 and 只读 members see team snippets
 * and insert them like their own, without these buttons; the server refuses their writes anyway.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Category, Snippet, SnippetBody } from '../../../shared/snippets'
import { BodyEditor } from '../snippets/BodyEditor'
import { SnippetFormDialog } from '../snippets/SnippetFormDialog'
import { teamSnippets, useTeamSnippets } from './snippetSync'
import './team-snippets.css'

/** A category's path of names, as team snippets file theirs ("工作措施/安全生产"). */
export function categoryPath(categories: readonly Category[], id: number | null): string {
  const names: string[] = []
  for (let at = id, depth = 0; at !== null && depth < 32; depth++) {
    const c = categories.find((x) => x.id === at)
    if (!c) break
    names.unshift(c.name)
    at = c.parentId
  }
  return names.join('/')
}

function categoryByPath(categories: readonly Category[], path: string): number | null {
  return categories.find((c) => categoryPath(categories, c.id) === path)?.id ?? null
}

/**
 * Keeps the team 素材库 synced while it is mounted (the 素材 panel mounts it): renders nothing,
 * so the panel itself never re-renders for the connection's state.
 */
export function TeamSnippetsConnection() {
  useTeamSnippets()
  return null
}

/** 团队 (and 提议) on a team snippet's row. */
export function TeamSnippetBadge({ snippet }: { snippet: Snippet }) {
  const { t } = useTranslation('team-snippets')
  if (!snippet.team) return null
  return (
    <>
      <span className="snippet-team-badge" data-testid="snippet-team-badge" title={t('badgeHint', { by: snippet.team.by })}>
        {t('badge')}
      </span>
      {snippet.team.state === 'proposed' && (
        <span className="snippet-team-badge proposed" title={t('proposedHint')}>
          {t('proposed')}
        </span>
      )}
    </>
  )
}

interface ActionsProps {
  snippet: Snippet
  categories: readonly Category[]
  onNotice(message: string | null): void
}

/** The preview's team buttons for the chosen snippet (nothing when not in a team). */
export function TeamSnippetActions({ snippet, categories, onNotice }: ActionsProps) {
  const { t } = useTranslation('team-snippets')
  const team = useTeamSnippets()
  const [editing, setEditing] = useState(false)
  if (team.role === null) return null
  const editor = team.role === 'editor'
  const act = (run: () => string) => {
    try {
      onNotice(run())
    } catch {
      onNotice(t(team.sync === 'synced' ? 'refused' : 'notConnected'))
    }
  }

  if (!snippet.team) {
    if (!editor) return null
    return (
      <button
        data-testid="snippet-team-submit"
        title={t('submitHint')}
        disabled={team.sync !== 'synced'}
        onClick={() =>
          act(() => {
            teamSnippets.submit(snippet, categoryPath(categories, snippet.categoryId))
            return t('submitted', { title: snippet.title })
          })
        }
      >
        {t('submit')}
      </button>
    )
  }

  const info = snippet.team
  if (!editor) {
    return (
      <span className="muted snippet-team-readonly" data-testid="snippet-team-readonly">
        {t('readOnly', { role: t(`roles.${team.role}`) })}
      </span>
    )
  }
  return (
    <>
      {info.state === 'proposed' && (
        <button
          onClick={() =>
            act(() => {
              teamSnippets.update(info.id, { title: snippet.title, body: snippet.body, tags: snippet.tags, category: info.category })
              return t('accepted', { title: snippet.title })
            })
          }
        >
          {t('accept')}
        </button>
      )}
      <button data-testid="snippet-team-edit" disabled={team.sync !== 'synced'} onClick={() => setEditing(true)}>
        {t('edit')}
      </button>
      <button
        data-testid="snippet-team-delete"
        disabled={team.sync !== 'synced'}
        onClick={() => {
          if (!window.confirm(t('deleteConfirm', { title: snippet.title }))) return
          act(() => {
            teamSnippets.remove(info.id)
            return t('deleted', { title: snippet.title })
          })
        }}
      >
        {t('delete')}
      </button>
      {editing && (
        <TeamSnippetEditDialog
          snippet={snippet}
          categories={categories}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            onNotice(t('editedNotice', { title: saved.title }))
          }}
        />
      )}
    </>
  )
}

/** 编辑团队素材: the same form as the writer's own snippets; saving writes the team's entry. */
function TeamSnippetEditDialog({ snippet, categories, onClose, onSaved }: { snippet: Snippet; categories: readonly Category[]; onClose(): void; onSaved(snippet: Snippet): void }) {
  const { t } = useTranslation('team-snippets')
  const [body, setBody] = useState<SnippetBody>(snippet.body)
  const info = snippet.team!
  return (
    <SnippetFormDialog
      heading={t('editTitle')}
      testId="snippet-team-edit-dialog"
      categories={categories}
      initial={{ title: snippet.title, categoryId: categoryByPath(categories, info.category), tags: snippet.tags.join('、') }}
      body={body}
      saveLabel={t('snippets:save')}
      onClose={onClose}
      onSaved={onSaved}
      save={async (head) => {
        // a category the writer does not have locally is kept as it was
        const category = head.categoryId !== null ? categoryPath(categories, head.categoryId) : categoryByPath(categories, info.category) === null ? info.category : ''
        teamSnippets.update(info.id, { title: head.title || snippet.title, body, tags: head.tags, category })
        await teamSnippets.settled()
        return { ...snippet, title: head.title || snippet.title, body, tags: head.tags }
      }}
    >
      <BodyEditor initial={body} onChange={setBody} label={t('snippets:body')} />
    </SnippetFormDialog>
  )
}
