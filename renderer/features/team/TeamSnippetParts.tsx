/**
 * The team's 素材库 in the 素材 panel: the 团队 mark on a row, and the preview's team actions —
 * 提交到团队 on the writer's own snippet (an 编辑 member), 提议给团队 (a 审阅 member: an 编辑 member
 * decides, TeamProposals.tsx), 编辑 and 从团队删除 on a team snippet (an 编辑 member; deleting asks
 * first, naming that it goes for everyone). 审阅 and 只读 members see team snippets and insert them
 * like their own, without these buttons; the server refuses their writes anyway (and a 只读
 * member's proposal too: they are told why instead of offered the button).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Category, Snippet, SnippetBody } from '../../../shared/snippets'
import { BodyEditor } from '../snippets/BodyEditor'
import { SnippetFormDialog } from '../snippets/SnippetFormDialog'
import { mayPropose, teamSnippets, useTeamSnippets } from './snippetSync'
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

/** 团队 on a team snippet's row. */
export function TeamSnippetBadge({ snippet }: { snippet: Snippet }) {
  const { t } = useTranslation('team-snippets')
  if (!snippet.team) return null
  return (
    <span className="snippet-team-badge" data-testid="snippet-team-badge" title={t('badgeHint', { by: snippet.team.by })}>
      {t('badge')}
    </span>
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
    if (!editor && !mayPropose(team.role)) {
      return (
        <span className="muted snippet-team-readonly" data-testid="snippet-team-propose-denied">
          {t('proposeDenied', { role: t(`roles.${team.role}`) })}
        </span>
      )
    }
    if (!editor) {
      const waiting = team.proposals.some((p) => p.by === team.name && p.title === (snippet.title.trim() || '素材'))
      return (
        <button
          data-testid="snippet-team-propose"
          title={t('proposeHint')}
          disabled={!team.proposalsReady || waiting}
          onClick={() =>
            act(() => {
              teamSnippets.propose(snippet, categoryPath(categories, snippet.categoryId))
              return t('proposedNotice', { title: snippet.title })
            })
          }
        >
          {waiting ? t('proposeWaiting') : t('propose')}
        </button>
      )
    }
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
