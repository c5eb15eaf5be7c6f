/**
 * 恢复未保存的内容: text from the journal (renderer/editor/journal.ts) that the library does not
 * have, offered when its document opens. Never applied without the writer's word: 恢复 puts it in
 * the editor as one undoable change (then autosave stores it), 丢弃 forgets it.
 *
 * A team document is shared: putting the kept text in the editor would replace the team's text,
 * others' later changes included. So for one (`team`) there is no 恢复: the text can be kept as a
 * new local document (恢复为本地副本) and compared with the team's text as it is now (对比).
 */
import { useTranslation } from 'react-i18next'
import { documentPlainText } from '../../../shared/document/text'
import type { JournalEntry } from '../../editor/journal'
import { Modal } from '../../ui/Modal'
import './saving.css'
import { displayDateTime } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'

interface Props {
  entry: JournalEntry
  /** the stored document moved on since the text was made from it */
  changedSince: boolean
  /** a team document: how many of the kept text's paragraphs the team's text lacks now */
  team?: { missing: number; busy: boolean; error: string | null; onCopy(): void; onCompare(): void }
  onRestore(): void
  onDiscard(): void
}

export function RecoveryDialog({ entry, changedSince, team, onRestore, onDiscard }: Props) {
  const { t, i18n } = useTranslation('saving')
  const time = displayDateTime(entry.savedAt, toLang(i18n.language), { seconds: true })
  const preview = documentPlainText(entry.model, { signature: false }).slice(0, 400)
  return (
    // a choice has to be made: Esc does not make one for the writer
    <Modal label={t('recovery.title')} onClose={() => {}} className="recovery-dialog">
      <div data-testid="recovery-dialog">
        <h2>{t('recovery.title')}</h2>
        <p data-testid="recovery-summary">{t('recovery.body', { time, count: entry.characters })}</p>
        {team ? (
          <p data-testid="recovery-team">{t('recovery.team', { count: team.missing })}</p>
        ) : (
          changedSince && <p data-testid="recovery-conflict">{t('recovery.conflict')}</p>
        )}
        <div className="recovery-preview">{preview}</div>
        {team?.error && <p className="error" role="alert">{team.error}</p>}
        <div className="row end">
          <button onClick={onDiscard} disabled={team?.busy} data-testid="recovery-discard">{t('recovery.discard')}</button>
          {team ? (
            <>
              <button onClick={team.onCompare} disabled={team.busy} data-testid="recovery-compare">{t('recovery.compare')}</button>
              <button className="primary" onClick={team.onCopy} disabled={team.busy} data-testid="recovery-copy" autoFocus>{t('recovery.restoreAsCopy')}</button>
            </>
          ) : (
            <button className="primary" onClick={onRestore} data-testid="recovery-restore" autoFocus>{t('recovery.restore')}</button>
          )}
        </div>
      </div>
    </Modal>
  )
}
