/** The 团队 dialogs: 加入团队 (server address + 加入码), 团队成员, and the 退出团队 question. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, type TeamMembership } from '../../../shared/api'
import type { TeamMember, TeamRole } from '../../../shared/team/protocol'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { Modal } from '../../ui/Modal'
import { TextField } from '../../ui/TextField'
import { joinProblem } from './join'

/** 张三（编辑） */
export function useMemberLabel(): (member: { name: string; role: TeamRole }) => string {
  const { t } = useTranslation('team')
  return (member) => t('me', { name: member.name, role: t(`role.${member.role}`) })
}

export function JoinDialog({ membership, onClose, onJoined }: { membership: TeamMembership | null; onClose(): void; onJoined(m: TeamMembership): void }) {
  const { t } = useTranslation('team')
  const api = useApi()
  const label = useMemberLabel()
  const [serverUrl, setServerUrl] = useState(membership?.serverUrl ?? '')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [joined, setJoined] = useState<TeamMembership | null>(null)

  const join = async () => {
    const problem = joinProblem(serverUrl, code)
    if (problem) return setError(t(`joinDialog.${problem}`))
    setBusy(true)
    setError(null)
    try {
      const m = await api.call('team.join', { serverUrl: serverUrl.trim(), code: code.trim() })
      setJoined(m)
      onJoined(m)
    } catch (err) {
      // an input the back end refused is one of the two fields
      if (err instanceof ApiError && err.code === 'request.invalidInput') {
        const field = String(err.params?.field ?? '')
        setError(t(field.includes('serverUrl') ? 'joinDialog.badAddress' : 'joinDialog.badCode'))
      } else setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal label={t('joinDialog.title')} onClose={onClose} className="team-dialog">
      <h2>{t('joinDialog.title')}</h2>
      {joined ? (
        <p className="team-joined" data-testid="team-joined">{t('joinDialog.joined', { who: label(joined) })}</p>
      ) : (
        <form
          data-testid="team-join-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!busy) void join()
          }}
        >
          <p className="hint">{t('joinDialog.intro')}</p>
          {membership && <p className="hint">{t('joinDialog.replaces', { server: membership.serverUrl, who: label(membership) })}</p>}
          <label className="team-field">
            {t('joinDialog.server')}
            <TextField value={serverUrl} onCommit={setServerUrl} testId="team-server" placeholder={t('joinDialog.serverPlaceholder')} autoFocus spellCheck={false} />
          </label>
          <label className="team-field">
            {t('joinDialog.code')}
            <TextField value={code} onCommit={setCode} testId="team-code" placeholder={t('joinDialog.codePlaceholder')} spellCheck={false} autoComplete="off" />
          </label>
          {error && <p className="error" role="alert" data-testid="team-join-error">{error}</p>}
          {busy && <p className="hint">{t('joinDialog.joining')}</p>}
          <div className="row end">
            <button type="button" onClick={onClose}>{t('common:cancel')}</button>
            <button type="submit" className="primary" disabled={busy || !serverUrl.trim() || !code.trim()} data-testid="team-join-submit">{t('joinDialog.submit')}</button>
          </div>
        </form>
      )}
      {joined && (
        <div className="row end">
          <button className="primary" onClick={onClose} autoFocus>{t('close')}</button>
        </div>
      )}
    </Modal>
  )
}

export function MembersDialog({ membership, onClose }: { membership: TeamMembership; onClose(): void }) {
  const { t } = useTranslation('team')
  const api = useApi()
  const label = useMemberLabel()
  const [members, setMembers] = useState<TeamMember[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void api.call('team.members', {}).then(
      (m) => live && setMembers(m),
      (err: unknown) => live && setError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [api])
  return (
    <Modal label={t('membersDialog.title')} onClose={onClose} className="team-dialog">
      <h2>{t('membersDialog.title')}</h2>
      <p className="hint">{t('membersDialog.server', { server: membership.serverUrl })}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {!members && !error && <p className="hint">{t('membersDialog.loading')}</p>}
      {members && (
        <ul className="team-members" data-testid="team-members">
          {members.map((m) => (
            <li key={m.name}>
              {label(m)}
              {m.name === membership.name && <span className="muted"> {t('membersDialog.you')}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="row end">
        <button className="primary" onClick={onClose}>{t('close')}</button>
      </div>
    </Modal>
  )
}

export function LeaveDialog({ onClose, onLeave }: { onClose(): void; onLeave(): void }) {
  const { t } = useTranslation('team')
  return (
    <Modal label={t('leaveDialog.title')} onClose={onClose} className="team-dialog">
      <h2>{t('leaveDialog.title')}</h2>
      <p>{t('leaveDialog.body')}</p>
      <div className="row end">
        <button onClick={onClose} autoFocus>{t('common:cancel')}</button>
        <button className="primary" onClick={onLeave} data-testid="team-leave-confirm">{t('leaveDialog.confirm')}</button>
      </div>
    </Modal>
  )
}
