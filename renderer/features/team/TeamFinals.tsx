/**
 * 团队定稿 in the 出稿 dialog: the 定稿 kept on the team for the open team document (its Y.Map
 * "finals"), each with who froze it and when, marked 团队 — also those another member made, which
 * this computer's library does not have yet. 取到本机 makes one a 定稿 of the local copy
 * (team.adoptFinal: the back end checks the fingerprint is exactly the one frozen), so it can be
 * exported, printed and verified here like one's own. Nothing for a local document.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FinalSummary } from '../../../shared/api'
import { displayDateTime } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'
import { shortFingerprint } from '../../../shared/output/canonical'
import { readTeamFinals, TEAM_FINALS, type TeamFinal } from '../../../shared/team/documents'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { useTeamDoc } from './session'

interface Props {
  documentId: string
  /** the local copy's 定稿 (finals.list) */
  finals: readonly FinalSummary[]
  /** a team 定稿 is now a local one (the dialog reloads its list and picks it for export) */
  onAdopted(final: FinalSummary): void
}

export function TeamFinals({ documentId, finals, onAdopted }: Props) {
  const { t, i18n } = useTranslation('team')
  const lang = toLang(i18n.language)
  const api = useApi()
  const session = useTeamDoc()
  const doc = session?.doc ?? null
  const [list, setList] = useState<TeamFinal[]>(() => (doc ? readTeamFinals(doc) : []))
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!doc) return
    const map = doc.getMap(TEAM_FINALS)
    const read = () => setList(readTeamFinals(doc))
    read()
    map.observe(read)
    return () => map.unobserve(read)
  }, [doc])
  if (!doc || list.length === 0) return null

  const adopt = async (final: TeamFinal) => {
    setBusy(final.fingerprint)
    setError(null)
    try {
      onAdopted(await api.call('team.adoptFinal', { documentId, final }))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="team-finals" data-testid="team-finals">
      <h4>{t('final.teamList')}</h4>
      <ul className="finals">
        {list.map((f) => {
          const here = finals.some((l) => l.fingerprint === f.fingerprint)
          return (
            <li key={f.fingerprint} data-testid="team-final" data-fingerprint={f.fingerprint}>
              <span className="team-badge" title={t('final.teamHint')}>{t('badge')}</span> <strong>{f.name}</strong> · {t('final.frozenBy', { name: f.by })} · {displayDateTime(f.at, lang)} · <code>{shortFingerprint(f.fingerprint)}</code>{' '}
              {here ? (
                <span className="muted" data-testid="team-final-here">{t('final.here')}</span>
              ) : (
                <button onClick={() => void adopt(f)} disabled={busy !== null} title={t('final.adoptHint')} data-testid="team-final-adopt">
                  {busy === f.fingerprint ? t('final.adopting') : t('final.adopt')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {error && <p className="message error" role="alert" data-testid="team-final-error">{error}</p>}
    </div>
  )
}
