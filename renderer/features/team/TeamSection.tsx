/**
 * 团队文稿 in the document list, below the local documents: the team's documents as the team
 * server lists them (live), who shared each, and whether this computer has its local copy. Not
 * joined: the way in (加入团队…).
 */
import { useTranslation } from 'react-i18next'
import { displayDateTime } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'
import { useTeam } from './TeamContext'
import { useMemberLabel } from './TeamDialogs'

export function TeamSection({ openId }: { openId: string | null }) {
  const { t, i18n } = useTranslation('team')
  const team = useTeam()
  const label = useMemberLabel()
  if (!team?.status) return null
  const membership = team.status.membership
  if (!membership)
    return (
      <section className="team-section" data-testid="team-section">
        <p className="team-join-prompt muted">
          {t('section.joinPrompt')}
          <button className="link" onClick={team.openJoin} data-testid="team-join-link">{t('join')}</button>
        </p>
      </section>
    )
  const linked = new Map(team.status.links.map((l) => [l.teamName, l.documentId]))
  return (
    <section className="team-section" data-testid="team-section" aria-label={t('section.heading')}>
      <div className="team-section-head">
        <strong>{t('section.heading')}</strong>
        <span className={`team-state ${team.indexState}`} data-testid="team-section-me" title={team.indexState === 'offline' ? t('section.offline') : undefined}>
          {label(membership)}
        </span>
      </div>
      {team.indexState === 'offline' && <p className="team-note error">{t('section.offline')}</p>}
      <ul data-testid="team-documents">
        {team.items.length === 0 && <li className="muted">{team.indexState === 'syncing' ? t('section.syncing') : t('section.empty')}</li>}
        {team.items.map((item) => {
          const local = linked.get(item.name)
          return (
            <li key={item.name} className={local && local === openId ? 'active' : ''}>
              <button className="team-doc-open" data-team-name={item.name} disabled={team.opening !== null} onClick={() => void team.openTeamDocument(item)}>
                <span className="doc-title">{item.title || t('common:untitled')}</span>
                <span className="doc-meta" title={displayDateTime(item.sharedAt, toLang(i18n.language))}>
                  {t('section.sharedBy', { name: item.sharedBy })}
                  {local && <> · {t('section.local')}</>}
                  {team.opening === item.name && <> · {t('section.opening')}</>}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
