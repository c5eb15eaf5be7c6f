/**
 * What the writer sees when saving needs them, for the open document: the conflict banner (对比,
 * 保留我的, 使用已保存的), the failure banner (why, retrying, 另存为…) and, when the document
 * opens, the offer of unsaved text left in the journal (恢复 / 丢弃). The saving itself is
 * AutosavePlugin's (renderer/editor/plugins); this only asks it.
 *
 * A team document's text is the team's (features/team): what the writer typed went into it, and
 * into this browser's copy of it, as it was typed. So a journal entry of one is weighed against the
 * team's text once that is in the editor, not against the local copy: when the team's text has
 * every line of the entry, the writer's text is there (merged with the team's as it syncs) and
 * nothing is offered, only said; otherwise the offer never replaces the team's text (others'
 * later changes with it) but keeps the entry as a new local document (恢复为本地副本), with 对比.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { documentPlainText, linesMissing } from '../../../shared/document/text'
import { canonicalModel } from '../../../shared/output/canonical'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { journal, type JournalEntry } from '../../editor/journal'
import type { AutosaveHandle, SaveConflict, SaveFailure } from '../../editor/plugins/AutosavePlugin'
import type { EditorHandle } from '../../editor/plugins/EditorHandlePlugin'
import { useTeamDoc } from '../team/session'
import { useTeamSettled } from '../team/TeamCoEdit'
import { CompareDialog, type CompareLabels } from './CompareDialog'
import { failureReason } from './reason'
import { RecoveryDialog } from './RecoveryDialog'
import { ConflictBanner, FailureBanner, StalledBanner } from './SaveBanners'
import { saveUnsavedAs } from './saveAs'

interface Props {
  record: DocumentRecord
  library: string | null
  autosave: RefObject<AutosaveHandle | null>
  editor: RefObject<EditorHandle | null>
  conflict: SaveConflict | null
  failure: SaveFailure | null
  /** a save unanswered since then (the back end hangs) */
  stalledSince?: number | null
  /** true from the start until no recovery offer is open (autosave leaves the journal alone meanwhile) */
  onJournalHeld(held: boolean): void
  /** load this record in place of the open one (使用已保存的) */
  onReload(record: DocumentRecord): void
  onNotice(message: string | null): void
  /** a document was added to the library (恢复为本地副本) */
  onListChanged?(): void
}

/** A journal entry offered back; for a team document, the lines of it the team's text lacks. */
interface Offer {
  entry: JournalEntry
  missing?: string[]
}

export function SaveGuard({ record, library, autosave, editor, conflict, failure, stalledSince = null, onJournalHeld, onReload, onNotice, onListChanged }: Props) {
  const { t } = useTranslation('saving')
  const api = useApi()
  const team = useTeamDoc() !== null
  const teamSettled = useTeamSettled()
  const [offer, setOffer] = useState<Offer | null>(null)
  const [copying, setCopying] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const [comparing, setComparing] = useState<{ stored: SummaryDocument | null; mine: SummaryDocument; labels?: CompareLabels } | null>(null)
  const [busy, setBusy] = useState(false)
  const [conflictError, setConflictError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  // the stored text, for comparing journal entries with: made once (useRef's argument would be
  // worked out on every render, ~40 ms for a long document on each change of the save state)
  const [initialStored] = useState(() => canonicalModel(record.model))
  const stored = useRef(initialStored)

  // unsaved text left in the journal for this document: offered one entry at a time
  const nextOffer = useCallback(async () => {
    if (!library) return onJournalHeld(false)
    if (team && !teamSettled) return // weighed against the freshest team text (the server's, when it answers)
    for (const entry of await journal.forDocument(library, record.id)) {
      if (team) {
        const now = autosave.current?.model()
        const missing = now ? linesMissing(entry.model, now) : documentPlainText(entry.model).split('\n').filter((l) => l.trim() !== '')
        if (missing.length > 0) return setOffer({ entry, missing })
        void journal.remove(library, record.id, entry.session) // in the team's text already
        onNotice(t('recovery.inTeam'))
        continue
      }
      if (canonicalModel(entry.model) !== stored.current) return setOffer({ entry })
      void journal.remove(library, record.id, entry.session) // the library has this very text
    }
    setOffer(null)
    onJournalHeld(false)
  }, [library, record.id, onJournalHeld, team, teamSettled, autosave, onNotice, t])
  useEffect(() => {
    void nextOffer()
  }, [nextOffer])

  const decide = (restore: boolean) => {
    const entry = offer?.entry
    if (!entry || !library) return
    if (restore && !team) {
      // not made from the stored version (it moved on, or the library was put back to an older
      // copy): the stored text is kept as a revision before the recovered one replaces it
      if (entry.baseVersion !== record.version) autosave.current?.keepCurrentOnNextSave()
      editor.current?.replaceDocument(entry.model)
      stored.current = canonicalModel(entry.model) // older entries equal to it need no offer
      setTimeout(() => void autosave.current?.flush(), 0)
    }
    void journal.remove(library, record.id, entry.session)
    setOffer(null)
    void nextOffer()
  }

  // 恢复为本地副本 (a team document): the entry becomes a new local document; the team's text is left as it is
  const keepAsCopy = async () => {
    const entry = offer?.entry
    if (!entry || !library) return
    setCopying({ busy: true, error: null })
    try {
      const title = t('recovery.copyTitle', { title: entry.title || t('recovery.untitled') })
      await api.call('documents.create', { title, model: { ...entry.model, title } })
      setCopying({ busy: false, error: null })
      onListChanged?.()
      onNotice(t('recovery.copied', { title }))
      decide(false)
    } catch (err) {
      setCopying({ busy: false, error: t('recovery.copyFailed', { message: errorMessage(err) }) })
    }
  }

  // 对比 in the offer of a team document: the team's text now beside the kept one
  const compareOffer = () => {
    const now = autosave.current?.model()
    if (!offer || !now) return
    setComparing({ stored: now, mine: offer.entry.model, labels: { title: t('recovery.compareTitle'), stored: t('recovery.compareTeam'), mine: t('recovery.compareUnsaved') } })
  }

  const compare = async () => {
    const mine = autosave.current?.model()
    if (!mine) return
    setComparing({ stored: null, mine })
    try {
      const current = await api.call('documents.get', { id: record.id })
      setComparing((c) => (c ? { ...c, stored: current.model } : c))
    } catch (err) {
      setComparing(null)
      setConflictError(errorMessage(err))
    }
  }

  const resolve = async (how: 'mine' | 'stored') => {
    setBusy(true)
    setConflictError(null)
    try {
      if (how === 'mine') await autosave.current?.keepMine()
      else {
        const current = await autosave.current?.takeStored()
        if (current) onReload(current)
      }
    } catch (err) {
      setConflictError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const saveAs = async () => {
    const model = autosave.current?.model()
    if (!model) return
    const saved = await saveUnsavedAs(api, record.id, model)
    setNote(saved.kind === 'txt' ? t('failed.savedAsText') : t('failed.savedAs', { name: saved.name }))
  }

  useEffect(() => {
    if (!failure) setNote(null)
  }, [failure])

  return (
    <>
      {conflict && (
        <ConflictBanner
          busy={busy}
          error={conflictError}
          onCompare={() => void compare()}
          onKeepMine={() => void resolve('mine')}
          onUseStored={() => void resolve('stored')}
        />
      )}
      {failure && !conflict && (
        <FailureBanner
          reason={failureReason(failure.error)}
          retryAt={failure.retryAt}
          note={note}
          onRetry={() => autosave.current?.retryNow()}
          onSaveAs={() => void saveAs()}
        />
      )}
      {stalledSince !== null && !failure && !conflict && <StalledBanner since={stalledSince} />}
      {comparing && <CompareDialog stored={comparing.stored} mine={comparing.mine} {...(comparing.labels ? { labels: comparing.labels } : {})} onClose={() => setComparing(null)} />}
      {offer && !comparing && (
        <RecoveryDialog
          entry={offer.entry}
          changedSince={offer.entry.baseVersion < record.version}
          {...(offer.missing ? { team: { missing: offer.missing.length, ...copying, onCopy: () => void keepAsCopy(), onCompare: compareOffer } } : {})}
          onRestore={() => decide(true)}
          onDiscard={() => decide(false)}
        />
      )}
    </>
  )
}
