/**
 * Autosave, and the promise behind it: nothing the writer types is lost.
 *
 * - Every save names the version it was made from. When the document changed elsewhere meanwhile
 *   (another window, the CLI), the back end keeps both texts and answers 'conflict': autosave
 *   stops for this document until the writer chooses (keepMine / takeStored), never overwriting.
 * - Every text the back end has not confirmed is written to the journal (journal.ts) within
 *   JOURNAL_DELAY_MS of a change, and removed when the back end confirms that text.
 * - A failed save keeps the text, says why (onState 'failed' with the error) and is retried with
 *   a growing delay until it goes through.
 * - Leaving the page with unconfirmed text asks first (beforeunload).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useRef } from 'react'
import type { DocumentRecord } from '../../../shared/api'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import type { Figure, Signature, SummaryDocument } from '../../../shared/document/model'
import { documentCharacters } from '../../../shared/document/text'
import { useApi } from '../../app/ApiContext'
import { journal } from '../journal'

/** A save starts 500 ms after the last keystroke, and at least once a second while typing goes on. */
export const AUTOSAVE_DELAY_MS = 500
export const AUTOSAVE_MAX_WAIT_MS = 1000
/** The journal is written sooner than the save, and at least once a second while typing goes on. */
export const JOURNAL_DELAY_MS = 250
/** Retries of a failed save: after 1 s, then twice as long each time, at most every 30 s. */
export const RETRY_FIRST_MS = 1000
export const RETRY_MAX_MS = 30_000

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'failed' | 'conflict'

/** Why the last save failed, and when it is tried again. */
export interface SaveFailure {
  error: unknown
  retryAt: number
}

/** The document changed elsewhere: the current version, and the revision keeping the writer's text. */
export interface SaveConflict {
  version: number
  revisionId: number
}

export interface AutosaveHandle {
  /** Saves now (if anything changed) and resolves when the save is answered. */
  flush(): Promise<void>
  /** Something outside the editor state changed (figures, signature): save it too. */
  markDirty(): void
  /** 保留我的: the editor's text becomes the current version; the other one stays as a revision. */
  keepMine(): Promise<void>
  /**
   * 使用已保存的: the editor's text is kept as a 'conflict' revision (if it changed since it was
   * kept), autosave ends for this editor, and the stored document is returned to be loaded.
   */
  takeStored(): Promise<DocumentRecord>
  /** Tries a failed save again now. */
  retryNow(): void
  /** The text as the editor holds it now. */
  model(): SummaryDocument
  /** The next save replaces the stored text even though it changed meanwhile, keeping that as a revision (恢复 of journaled text). */
  keepCurrentOnNextSave(): void
  /** Journal writes wait while a recovery offer for this document is open (so it is not overwritten). */
  holdJournal(hold: boolean): void
}

interface Props {
  documentId: string
  /** the version the editor's text was loaded at */
  version: number
  /** the library file's path: with the document id, the journal's key (null: no journal) */
  library: string | null
  carry: { figures: Figure[]; signature?: Signature }
  onState(state: SaveState, failure?: SaveFailure): void
  onConflict(conflict: SaveConflict | null): void
  onSaved(saved: { title: string; characters: number }): void
  handle: React.RefObject<AutosaveHandle | null>
  /** true while a recovery offer is being looked up or is open: the journal is left alone */
  journalHeld: boolean
}

export function AutosavePlugin({ documentId, version: loadedVersion, library, carry, onState, onConflict, onSaved, handle, journalHeld }: Props) {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const latest = useRef({ carry, onState, onConflict, onSaved })
  latest.current = { carry, onState, onConflict, onSaved }
  const initial = useRef({ loadedVersion, journalHeld })

  useEffect(() => {
    let version = initial.current.loadedVersion
    let timer: ReturnType<typeof setTimeout> | null = null
    let firstPendingAt: number | null = null
    let dirty = false
    let inFlight: Promise<void> | null = null
    // Registering plugins re-runs transforms over the loaded document; only real changes are saved.
    let lastSavedJson: string | null = null
    /**
     * normal: saving as the writer types. failed: the last save failed; retries run on their own
     * timer. conflict: the document changed elsewhere; nothing is saved until the writer chooses.
     * done: the editor is being replaced by the stored text (takeStored); nothing more is saved.
     */
    let mode: 'normal' | 'failed' | 'conflict' | 'done' = 'normal'
    let conflictJson: string | null = null
    let conflictVersion: number | null = null
    let unmounted = false
    let keepCurrentNext = false
    let retryTimer: ReturnType<typeof setTimeout> | null = null
    let retryDelay = 0
    let journalTimer: ReturnType<typeof setTimeout> | null = null
    let journalFirstAt: number | null = null
    let journalHeld = initial.current.journalHeld
    let journalWanted = false

    const modelNow = () => editorStateToModel(editor.getEditorState().toJSON(), latest.current.carry)

    // ---- the journal -----------------------------------------------------------------------
    /** Writes the editor's text to the journal now, or removes the entry when the back end holds that text. */
    const writeJournal = (model = modelNow(), json = JSON.stringify(model)) => {
      if (journalTimer) clearTimeout(journalTimer)
      journalTimer = null
      journalFirstAt = null
      if (!library) return
      if (journalHeld) {
        journalWanted = true
        return
      }
      journalWanted = false
      // confirmed: stored as the current text. A text kept only as a conflict revision stays in the
      // journal, so that the choice is offered again if the page goes away before it is made.
      if (json === lastSavedJson && mode !== 'conflict') return void journal.remove(library, documentId)
      void journal.put({ library, documentId, model, baseVersion: version, savedAt: Date.now(), title: model.title, characters: documentCharacters(model) })
    }
    const scheduleJournal = () => {
      if (!library) return
      const now = Date.now()
      journalFirstAt ??= now
      if (journalTimer) clearTimeout(journalTimer)
      const delay = Math.min(JOURNAL_DELAY_MS, Math.max(0, journalFirstAt + AUTOSAVE_MAX_WAIT_MS - now))
      journalTimer = setTimeout(() => writeJournal(), delay)
    }

    // ---- saving ----------------------------------------------------------------------------
    const scheduleRetry = () => {
      if (retryTimer) clearTimeout(retryTimer)
      retryDelay = Math.min(RETRY_MAX_MS, retryDelay ? retryDelay * 2 : RETRY_FIRST_MS)
      retryTimer = setTimeout(() => {
        retryTimer = null
        if (mode === 'failed') void save()
      }, retryDelay)
      return Date.now() + retryDelay
    }

    const save = async (): Promise<void> => {
      if (timer) clearTimeout(timer)
      timer = null
      firstPendingAt = null
      if (mode === 'conflict' || mode === 'done') return
      if (!dirty) return
      if (inFlight) {
        await inFlight
        return save()
      }
      dirty = false
      const model = modelNow()
      const json = JSON.stringify(model)
      if (json === lastSavedJson) {
        // back to the stored text (an undo, say): nothing to save, nor to retry
        if (retryTimer) clearTimeout(retryTimer)
        retryTimer = null
        mode = 'normal'
        retryDelay = 0
        if (!unmounted) latest.current.onState('saved')
        writeJournal(model, json)
        return
      }
      latest.current.onState('saving')
      const keepCurrent = keepCurrentNext
      inFlight = api.call('documents.save', { id: documentId, model, baseVersion: version, ...(keepCurrent ? { keepCurrent } : {}) }).then(
        (result) => {
          if (result.status === 'conflict') {
            mode = 'conflict'
            conflictJson = json
            conflictVersion = result.version
            dirty = true // not the current text: the page still holds something the library does not
            writeJournal(model, json)
            if (unmounted) return
            latest.current.onState('conflict')
            latest.current.onConflict({ version: result.version, revisionId: result.revisionId })
            return
          }
          version = result.version
          lastSavedJson = json
          if (keepCurrent) keepCurrentNext = false
          if (mode === 'failed') {
            if (retryTimer) clearTimeout(retryTimer)
            retryTimer = null
          }
          mode = 'normal'
          retryDelay = 0
          // typed while the save was on its way: the journal now names the new version
          writeJournal(dirty ? undefined : model, dirty ? undefined : json)
          if (unmounted) return
          latest.current.onState(dirty ? 'unsaved' : 'saved')
          latest.current.onSaved({ title: model.title, characters: documentCharacters(model) })
          if (dirty) schedule()
        },
        (err: unknown) => {
          dirty = true // keep the change pending: it is tried again
          mode = 'failed'
          writeJournal()
          // a document no longer open is not retried here: its text waits in the journal
          if (unmounted) return
          latest.current.onState('failed', { error: err, retryAt: scheduleRetry() })
        },
      )
      try {
        await inFlight
      } finally {
        inFlight = null
      }
    }

    const schedule = () => {
      scheduleJournal()
      // while failed, the retry timer saves; in a conflict nothing is saved until the writer chooses
      if (mode !== 'normal') return
      const now = Date.now()
      firstPendingAt ??= now
      if (timer) clearTimeout(timer)
      const delay = Math.min(AUTOSAVE_DELAY_MS, Math.max(0, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now))
      timer = setTimeout(() => void save(), delay)
    }

    const changed = () => {
      if (!dirty && mode === 'normal') latest.current.onState('unsaved')
      dirty = true
      schedule()
    }

    /** The editor holds text the library does not have as its current text. */
    const unconfirmed = () => {
      if (mode === 'done') return false
      if (mode === 'conflict') return JSON.stringify(modelNow()) !== conflictJson // else kept as a revision
      return dirty || inFlight !== null || mode === 'failed'
    }

    lastSavedJson = JSON.stringify(modelNow())
    latest.current.onState('saved')
    handle.current = {
      flush: async () => {
        if (mode === 'failed') {
          if (retryTimer) clearTimeout(retryTimer)
          retryTimer = null
          mode = 'normal'
        }
        await save()
      },
      markDirty: changed,
      retryNow: () => {
        if (mode !== 'failed') return
        if (retryTimer) clearTimeout(retryTimer)
        retryTimer = null
        void save()
      },
      model: modelNow,
      keepCurrentOnNextSave: () => {
        keepCurrentNext = true
      },
      holdJournal: (hold) => {
        journalHeld = hold
        if (!hold && journalWanted) writeJournal()
      },
      keepMine: async () => {
        if (mode !== 'conflict') return
        if (inFlight) await inFlight
        // named from the version the conflict reported; the text it replaces is kept as a revision
        if (conflictVersion !== null) version = conflictVersion
        keepCurrentNext = true
        mode = 'normal'
        conflictJson = null
        dirty = true
        latest.current.onConflict(null)
        await save()
      },
      takeStored: async () => {
        if (inFlight) await inFlight
        const model = modelNow()
        const json = JSON.stringify(model)
        if (mode === 'conflict' && json !== conflictJson) {
          // typed after the conflict: this text too is kept as a 'conflict' revision (named from
          // the old version, the back end keeps it beside the current text and changes nothing)
          const kept = await api.call('documents.save', { id: documentId, model, baseVersion: version })
          if (kept.status === 'conflict') conflictJson = json
        }
        const record = await api.call('documents.get', { id: documentId })
        mode = 'done'
        if (library) void journal.remove(library, documentId)
        return record
      },
    }
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return // selection moved, nothing changed
      if (prevEditorState.isEmpty()) return // the document being loaded
      changed()
    })

    // Leaving with text the library does not hold yet asks first. In the browser shell that is the
    // browser's own "leave the page?" question. In Electron this same event fires when the window
    // closes; a renderer that cancels it keeps the window open without a word unless the main
    // process answers 'will-prevent-unload' with a dialog of its own (electron/main).
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!unconfirmed()) return
      if (mode !== 'conflict') void save() // the writer may choose to stay: let the save go on
      writeJournal()
      event.preventDefault()
      event.returnValue = ''
    }
    // the page going away (or frozen) without asking: the journal gets what is there
    const onPageHide = () => {
      if (unconfirmed() && mode !== 'done') writeJournal()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    window.addEventListener('pagehide', onPageHide)
    document.addEventListener('visibilitychange', onPageHide)

    return () => {
      unmounted = true
      unregister()
      window.removeEventListener('beforeunload', onBeforeUnload)
      window.removeEventListener('pagehide', onPageHide)
      document.removeEventListener('visibilitychange', onPageHide)
      if (retryTimer) clearTimeout(retryTimer)
      if (mode === 'done') {
        if (journalTimer) clearTimeout(journalTimer)
      } else if (mode === 'conflict') {
        // switching documents in a conflict: what was typed since stays in the journal, and is
        // kept as a conflict revision too (named from the old version, it overwrites nothing)
        writeJournal()
        const model = modelNow()
        if (JSON.stringify(model) !== conflictJson) void api.call('documents.save', { id: documentId, model, baseVersion: version }).catch(() => undefined)
      } else if (dirty || journalTimer) {
        writeJournal()
        if (mode === 'failed') mode = 'normal'
        void save() // switching documents: store what was typed
      }
      handle.current = null
    }
  }, [editor, api, documentId, library, handle])

  useEffect(() => handle.current?.holdJournal(journalHeld), [handle, journalHeld])

  return null
}
