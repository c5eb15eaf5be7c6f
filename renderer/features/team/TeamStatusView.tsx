/** 离线 / 同步中 / 已同步 and who is in the team document, in the status bar. */
import { useTranslation } from 'react-i18next'
import type { TeamStatusLine } from './TeamCoEdit'

export function TeamStatusView({ line }: { line: TeamStatusLine }) {
  const { t } = useTranslation('team')
  const names = line.people.map((p) => (p.me ? t('coedit.you', { name: p.name }) : p.name)).join('、')
  return (
    <span className="team-status">
      <span className="team-sync" data-testid="team-sync" data-state={line.sync} title={t(`coedit.syncHint.${line.sync}`)}>
        {t(`coedit.sync.${line.sync}`)}
      </span>
      <span className="team-people" data-testid="team-people" title={t('coedit.people', { names })}>
        {line.people.map((p) => (
          <span key={p.name} className="team-person" style={{ background: p.color }} data-me={p.me || undefined}>
            {p.name}
          </span>
        ))}
      </span>
    </span>
  )
}
