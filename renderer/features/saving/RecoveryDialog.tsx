/**
 * 恢复未保存的内容: text from the journal (renderer/editor/journal.ts) that the library does not
 * have, offered when its document opens. Never applied without the writer's word: 恢复 puts it in
 * the editor as one undoable change (then autosave stores it), 丢弃 forgets it.
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
  onRestore(): void
  onDiscard(): void
}

export function RecoveryDialog({ entry, changedSince, onRestore, onDiscard }: Props) {
  const { t, i18n } = useTranslation('saving')
  const time = displayDateTime(entry.savedAt, toLang(i18n.language), { seconds: true })
  const preview = documentPlainText(entry.model, { signature: false }).slice(0, 400)
  return (
    // a choice has to be made: Esc does not make one for the writer
    <Modal label={t('recovery.title')} onClose={() => {}} className="recovery-dialog">
      <div data-testid="recovery-dialog">
        <h2>{t('recovery.title')}</h2>
        <p data-testid="recovery-summary">{t('recovery.body', { time, count: entry.characters })}</p>
        {changedSince && <p data-testid="recovery-conflict">{t('recovery.conflict')}</p>}
        <div className="recovery-preview">{preview}</div>
        <div className="row end">
          <button onClick={onDiscard} data-testid="recovery-discard">{t('recovery.discard')}</button>
          <button className="primary" onClick={onRestore} data-testid="recovery-restore" autoFocus>{t('recovery.restore')}</button>
        </div>
      </div>
    </Modal>
  )
}
