/**
 * The toolbar's 团队 ▾ items for the open document: who we are in the team, 共享到团队 (编辑 only)
 * or, for a team document, 复制为本地文稿; 团队成员, 加入团队…, 退出团队.
 */
import { useTranslation } from 'react-i18next'
import { useTeam } from './TeamContext'
import { useMemberLabel } from './TeamDialogs'

export function TeamMenu({ documentId, flush }: { documentId: string; flush(): Promise<void> }) {
  const { t } = useTranslation('team')
  const team = useTeam()
  const label = useMemberLabel()
  if (!team) return null
  const membership = team.status?.membership ?? null
  if (!membership)
    return (
      <button onClick={team.openJoin} data-testid="team-join">
        {t('join')}
      </button>
    )
  const linked = team.linkOf(documentId)
  return (
    <>
      <span className="menu-note" data-testid="team-me">{label(membership)}</span>
      {linked ? (
        <>
          <span className="menu-note">{t('isTeamDocument')}</span>
          <button onClick={() => void team.copyToLocal(documentId, flush)} title={t('copyToLocalHint')} data-testid="team-copy-local">
            {t('copyToLocal')}
          </button>
        </>
      ) : (
        <button
          onClick={() => void team.share(documentId, flush)}
          disabled={membership.role !== 'editor'}
          title={membership.role === 'editor' ? t('shareHint') : t('shareOnlyEditor')}
          data-testid="team-share"
        >
          {t('share')}
        </button>
      )}
      <button onClick={team.openMembers} data-testid="team-members-open">{t('members')}</button>
      <button onClick={team.openJoin} data-testid="team-join">{t('join')}</button>
      <button onClick={team.askLeave} data-testid="team-leave">{t('leave')}</button>
    </>
  )
}
