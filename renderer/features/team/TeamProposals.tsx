/**
 * 待审素材 in the 素材 panel: the team part under the search box. An 编辑 member sees how many
 * snippets wait for them (a count badge) and goes through them: 采纳 puts one into the team's
 * 素材库 (it reaches every member as any team snippet), 退回 sends it back with an optional reason.
 * The member who proposed sees theirs waiting (撤回 takes one back) and the ones sent back, with
 * the reason, until they have read it (知道了). Rows come from shared/team/proposals.ts: what does
 * not parse is never listed, so it can never be taken in.
 *
 * Also keeps the team 素材库's connection open while the panel is mounted (useTeamSnippets): only
 * this small part re-renders for the connection's state, never the panel.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { displayDateTime } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'
import type { TeamProposal } from '../../../shared/team/proposals'
import { Modal } from '../../ui/Modal'
import { SnippetBodyView } from '../snippets/SnippetText'
import { teamSnippets, useTeamSnippets } from './snippetSync'
import './team-snippets.css'

export function TeamSnippetsBar({ onNotice }: { onNotice(message: string | null): void }) {
  const { t } = useTranslation('team-snippets')
  const team = useTeamSnippets()
  const [open, setOpen] = useState(false)
  const editor = team.role === 'editor'
  const waiting = editor ? team.proposals.length : 0
  const mine = team.proposals.filter((p) => p.by === team.name).length
  const returned = team.returned.filter((r) => r.by === team.name).length
  if (team.role === null || (waiting === 0 && mine === 0 && returned === 0 && !open)) return null
  return (
    <div className="team-snippets-bar" data-testid="team-snippets-bar">
      <button className="team-proposals-open" onClick={() => setOpen(true)} data-testid="team-proposals-open" title={t(editor ? 'pendingHint' : 'mineHint')}>
        {editor ? t('pending') : t('mine')}
        {waiting > 0 && <span className="team-proposals-count" data-testid="team-proposals-count">{waiting}</span>}
        {!editor && mine > 0 && <span className="team-proposals-count mine">{t('mineWaiting', { count: mine })}</span>}
        {returned > 0 && <span className="team-proposals-count returned" data-testid="team-returned-count">{t('returnedCount', { count: returned })}</span>}
      </button>
      {open && <TeamProposalsDialog onClose={() => setOpen(false)} onNotice={onNotice} />}
    </div>
  )
}

function TeamProposalsDialog({ onClose, onNotice }: { onClose(): void; onNotice(message: string | null): void }) {
  const { t, i18n } = useTranslation('team-snippets')
  const lang = toLang(i18n.language)
  const team = useTeamSnippets()
  const [message, setMessage] = useState<string | null>(null)
  const editor = team.role === 'editor'
  const pending = editor ? team.proposals : team.proposals.filter((p) => p.by === team.name)
  const returned = team.returned.filter((r) => r.by === team.name)
  const act = (run: () => string) => {
    try {
      const text = run()
      setMessage(text)
      onNotice(text)
    } catch {
      setMessage(t(team.proposalsReady ? 'refused' : 'notConnected'))
    }
  }
  return (
    <Modal label={t('pendingTitle')} onClose={onClose} wide className="team-proposals-dialog">
      <h2>{editor ? t('pendingTitle') : t('mineTitle')}</h2>
      {pending.length === 0 && returned.length === 0 && <p className="muted">{t('nothingPending')}</p>}
      {pending.length > 0 && (
        <ul className="team-proposals" data-testid="team-proposals">
          {pending.map((p) => (
            <ProposalRow key={p.id} proposal={p} editor={editor} mine={p.by === team.name} ready={team.proposalsReady} when={displayDateTime(p.at, lang)} act={act} />
          ))}
        </ul>
      )}
      {returned.length > 0 && (
        <>
          <h3>{t('returnedTitle')}</h3>
          <ul className="team-proposals returned" data-testid="team-returned">
            {returned.map((r) => (
              <li key={r.id} className="team-proposal" data-testid="team-returned-row">
                <div className="team-proposal-head">
                  <strong>{r.title}</strong>
                  <span className="muted">{t('returnedBy', { who: r.returnedBy, when: displayDateTime(r.returnedAt, lang) })}</span>
                </div>
                <p className="team-returned-reason" data-testid="team-returned-reason">{r.reason ? t('reasonIs', { reason: r.reason }) : t('noReason')}</p>
                <div className="row end">
                  <button onClick={() => act(() => (teamSnippets.forget(r.id), t('dismissed', { title: r.title })))} data-testid="team-returned-dismiss">
                    {t('dismiss')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {message && <p className="hint" role="status" data-testid="team-proposals-message">{message}</p>}
      <div className="row end">
        <button onClick={onClose} data-testid="team-proposals-close">{t('close')}</button>
      </div>
    </Modal>
  )
}

interface RowProps {
  proposal: TeamProposal
  editor: boolean
  mine: boolean
  ready: boolean
  when: string
  act(run: () => string): void
}

function ProposalRow({ proposal: p, editor, mine, ready, when, act }: RowProps) {
  const { t } = useTranslation('team-snippets')
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  return (
    <li className="team-proposal" data-testid="team-proposal" data-id={p.id}>
      <div className="team-proposal-head">
        <strong data-testid="team-proposal-title">{p.title}</strong>
        {p.category && <span className="snippet-chip">{p.category}</span>}
        <span className="muted">{t('proposedBy', { who: p.by, when })}</span>
      </div>
      <SnippetBodyView body={p.body} terms={[]} className="snippet-body team-proposal-body" fieldTitle={(name) => name} />
      {returning ? (
        <div className="team-proposal-return">
          <input
            value={reason}
            maxLength={500}
            autoFocus
            placeholder={t('reasonPlaceholder')}
            aria-label={t('reason')}
            onChange={(e) => setReason(e.target.value)}
            data-testid="team-proposal-reason"
          />
          <button onClick={() => setReturning(false)}>{t('cancel')}</button>
          <button
            className="primary"
            disabled={!ready}
            onClick={() => act(() => (teamSnippets.giveBack(p.id, reason), t('returnedNotice', { title: p.title, who: p.by })))}
            data-testid="team-proposal-return-confirm"
          >
            {t('returnConfirm')}
          </button>
        </div>
      ) : (
        <div className="row end">
          {mine && !editor && (
            <button disabled={!ready} onClick={() => act(() => (teamSnippets.forget(p.id), t('withdrawn', { title: p.title })))} data-testid="team-proposal-withdraw">
              {t('withdraw')}
            </button>
          )}
          {editor && (
            <>
              <button disabled={!ready} onClick={() => setReturning(true)} data-testid="team-proposal-return" title={t('returnHint')}>
                {t('return')}
              </button>
              <button
                className="primary"
                disabled={!ready}
                onClick={() => act(() => (teamSnippets.accept(p.id) ? t('accepted', { title: p.title }) : t('gone', { title: p.title })))}
                data-testid="team-proposal-accept"
                title={t('acceptHint')}
              >
                {t('accept')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
}
