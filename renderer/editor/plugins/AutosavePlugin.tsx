/**
 * Autosave, and the promise behind it: nothing the writer types is lost.
 *
 * - Every save names the version it was made from. When the document changed elsewhere meanwhile
 *   (another window, the CLI), the back end keeps both texts and answers 'conflict': autosave
 *   stops for this document until the writer chooses (keepMine / takeStored), never overwriting.
 * - What the writer typed is saved AUTOSAVE_DELAY_MS after the last keystroke, and at least every
 *   AUTOSAVE_MAX_WAIT_MS while typing goes on. Text the back end has not confirmed within
 *   JOURNAL_WITHIN_MS of being typed is written to the journal (journal.ts), and removed when the
 *   back end confirms it: while saves go through quickly the journal is never written at all.
 * - A failed save keeps the text, says why (onState 'failed' with the error), writes the journal
 *   at once and is retried with a growing delay until it goes through.
 * - Leaving the page with unconfirmed text asks first (beforeunload).
 * - Saves and journal writes wait for an idle moment (requestIdleCallback, with a deadline), so
 *   that serialising a long document never lands between a keystroke and its frame.
 * - A team document also changes when others type (updates tagged COLLABORATION_TAG, 50 a second
 *   with ten writers). Their text is already on the team server and in this browser's copy of the
 *   team document (IndexedDB), so it is not the writer's to lose: it marks nothing unsaved, is not
 *   journaled, and is saved to the local copy quietly, at most every REMOTE_SAVE_MS. The writer's
 *   own typing keeps every promise above.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COLLABORATION_TAG, type EditorState } from 'lexical'
import { useEffect, useRef } from 'react'
import type { DocumentRecord } from '../../../shared/api'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import type { Figure, Signature, SummaryDocument } from '../../../shared/document/model'
import { documentCharacters } from '../../../shared/document/text'
import { useApi } from '../../app/ApiContext'
import { journal } from '../journal'

/** A save starts 500 ms after the last keystroke, and at least every 750 ms while typing goes on. */
export const AUTOSAVE_DELAY_MS = 500
export const AUTOSAVE_MAX_WAIT_MS = 750
/** Typed text is confirmed by the back end or in the journal within this long (a save that is slow or fails). */
export const JOURNAL_WITHIN_MS = 900
/** How long a due save or journal write waits for an idle moment at most. */
export const IDLE_WAIT_MS = 100
/** Others' changes to a team document reach the local copy at most this long after they arrive. */
export const REMOTE_SAVE_MS = 5000
/** Retries of a failed save: after 1 s, then twice as long each time, at most every 30 s. */
export const RETRY_FIRST_MS = 1000
export const RETRY_MAX_MS = 30_000
/** A save unanswered this long (the back end hangs): the writer is told, and that the text is safe. */
export const STALL_NOTICE_MS = 8000

/** Runs `fn` after `delay` ms, in the next idle moment but no later than IDLE_WAIT_MS after that; returns a cancel. */
function later(delay: number, fn: () => void): () => void {
  let idle: number | undefined
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback !== 'function') return fn()
    idle = requestIdleCallback(() => {
      idle = undefined
      fn()
    }, { timeout: IDLE_WAIT_MS })
  }, Math.max(0, delay))
  return () => {
    clearTimeout(timer)
    if (idle !== undefined) cancelIdleCallback(idle)
  }
}

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
  /**
   * The back end changed the text at this editor's request (版本记录's restore) and answered with
   * the document: it is the stored text now, and the next save is made from its version. The
   * editor takes that text next (one undo step; undoing it is saved like any edit).
   */
  adopt(record: Pick<DocumentRecord, 'version' | 'model'>): void
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
  /** a save has gone unanswered since this time (the back end hangs); null once it is answered */
  onStalled?(since: number | null): void
  handle: React.RefObject<AutosaveHandle | null>
  /** true while a recovery offer is being looked up or is open: the journal is left alone */
  journalHeld: boolean
}

export function AutosavePlugin({ documentId, version: loadedVersion, library, carry, onState, onConflict, onSaved, onStalled, handle, journalHeld }: Props) {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const latest = useRef({ carry, onState, onConflict, onSaved, onStalled })
  latest.current = { carry, onState, onConflict, onSaved, onStalled }
  const initial = useRef({ loadedVersion, journalHeld })

  useEffect(() => {
    let version = initial.current.loadedVersion
    let cancelSave: (() => void) | null = null
    let firstPendingAt: number | null = null
    /** the local copy lacks changes (the writer's or, in a team document, others') */
    let dirty = false
    /** the writer's own changes, counted; confirmedSeq: how many of them the back end holds as the current text */
    let ownSeq = 0
    let confirmedSeq = 0
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
    let journalHeld = initial.current.journalHeld
    let journalWanted = false
    let cancelJournal: (() => void) | null = null
    /** when the earliest own change neither journaled nor confirmed was made: not yet in a save, and in the save on its way */
    let pendingSince: number | null = null
    let flightSince: number | null = null
    /** how many own changes this page's journal entry holds (null: no entry) */
    let journaledSeq: number | null = null
    /** the save state last shown (each change re-renders the app's status bar) */
    let shown: SaveState | null = null

    const show = (state: SaveState, failure?: SaveFailure) => {
      if (state === shown && !failure) return
      shown = state
      latest.current.onState(state, failure)
    }
    const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b))

    // ---- the text as a model: worked out once per editor state (the save and the journal share it) --
    interface Snapshot {
      state: EditorState
      figures: Figure[]
      signature: Signature | undefined
      model: SummaryDocument
      json?: string
      characters?: number
    }
    let snapshot: Snapshot | null = null
    const current = (): Snapshot => {
      const state = editor.getEditorState()
      const carryNow = latest.current.carry
      const { figures, signature } = carryNow
      if (snapshot && snapshot.state === state && snapshot.figures === figures && snapshot.signature === signature) return snapshot
      snapshot = { state, figures, signature, model: editorStateToModel(state.toJSON(), carryNow) }
      return snapshot
    }
    const jsonOf = (s: Snapshot) => (s.json ??= JSON.stringify(s.model))
    const charactersOf = (s: Snapshot) => (s.characters ??= documentCharacters(s.model))
    const modelNow = () => current().model

    // ---- the journal -----------------------------------------------------------------------
    const removeEntry = () => {
      if (journaledSeq === null || !library) return
      journaledSeq = null
      void journal.remove(library, documentId)
    }
    /** Writes the editor's text to the journal now, or removes this page's entry when the back end holds all the writer typed. */
    const writeJournal = () => {
      if (!library) return
      if (journalHeld) {
        journalWanted = true
        return
      }
      journalWanted = false
      // A text kept only as a conflict revision stays in the journal, so that the choice is
      // offered again if the page goes away before it is made.
      if (ownSeq <= confirmedSeq && mode !== 'conflict') {
        pendingSince = flightSince = null
        return removeEntry()
      }
      const s = current()
      if (s.json !== undefined && s.json === lastSavedJson && mode !== 'conflict') return removeEntry()
      pendingSince = flightSince = null
      journaledSeq = ownSeq
      void journal.put({ library, documentId, model: s.model, baseVersion: version, savedAt: Date.now(), title: s.model.title, characters: charactersOf(s) })
    }
    /** Own text not confirmed within JOURNAL_WITHIN_MS of being typed is journaled then (in an idle moment before it). */
    const armJournal = () => {
      if (!library || cancelJournal) return
      const since = earliest(pendingSince, flightSince)
      if (since === null) return
      cancelJournal = later(since + JOURNAL_WITHIN_MS - IDLE_WAIT_MS - Date.now(), () => {
        cancelJournal = null
        const due = earliest(pendingSince, flightSince)
        if (due === null) return
        // confirmed meanwhile, and newer text is not due yet
        if (Date.now() < due + JOURNAL_WITHIN_MS - IDLE_WAIT_MS - 20) return armJournal()
        writeJournal()
      })
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
      cancelSave?.()
      cancelSave = null
      firstPendingAt = null
      if (mode === 'conflict' || mode === 'done') return
      if (!dirty) return
      if (inFlight) {
        await inFlight
        return save()
      }
      dirty = false
      const seq = ownSeq
      const s = current()
      const { model } = s
      const json = jsonOf(s)
      flightSince = earliest(flightSince, pendingSince)
      pendingSince = null
      if (json === lastSavedJson) {
        // back to the stored text (an undo, say): nothing to save, nor to retry
        if (retryTimer) clearTimeout(retryTimer)
        retryTimer = null
        mode = 'normal'
        retryDelay = 0
        confirmedSeq = seq
        flightSince = null
        if (!unmounted) show('saved')
        writeJournal()
        return
      }
      // only others' changes (a team document): saved without a word
      if (seq > confirmedSeq) show('saving')
      const keepCurrent = keepCurrentNext
      // a back end that hangs answers nothing: after a while the writer is told (the text is journaled by then)
      const sentAt = Date.now()
      let stalled = false
      const stallTimer = setTimeout(() => {
        stalled = true
        if (!unmounted) latest.current.onStalled?.(sentAt)
      }, STALL_NOTICE_MS)
      const answered = () => {
        clearTimeout(stallTimer)
        if (stalled && !unmounted) latest.current.onStalled?.(null)
      }
      inFlight = api.call('documents.save', { id: documentId, model, baseVersion: version, ...(keepCurrent ? { keepCurrent } : {}) }).finally(answered).then(
        (result) => {
          if (result.status === 'conflict') {
            mode = 'conflict'
            conflictJson = json
            conflictVersion = result.version
            dirty = true // not the current text: the page still holds something the library does not
            writeJournal()
            if (unmounted) return
            show('conflict')
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
          confirmedSeq = Math.max(confirmedSeq, seq)
          flightSince = null
          // the journal entry holds nothing the library lacks now (what was typed since is journaled when due)
          if (journaledSeq !== null && journaledSeq <= seq) removeEntry()
          if (unmounted) return
          show(ownSeq > confirmedSeq ? 'unsaved' : 'saved')
          latest.current.onSaved({ title: model.title, characters: charactersOf(s) })
          if (ownSeq > confirmedSeq) scheduleSave()
          else if (dirty) scheduleQuiet()
        },
        (err: unknown) => {
          dirty = true // keep the change pending: it is tried again
          mode = 'failed'
          writeJournal() // the writer's text, at once
          // a document no longer open is not retried here: its text waits in the journal
          if (unmounted) return
          show('failed', { error: err, retryAt: scheduleRetry() })
        },
      )
      try {
        await inFlight
      } finally {
        inFlight = null
      }
    }

    /** The writer's own change: saved soon (while failed, the retry timer saves; in a conflict nothing is). */
    const scheduleSave = () => {
      if (mode !== 'normal') return
      const now = Date.now()
      firstPendingAt ??= now
      cancelSave?.()
      cancelSave = later(Math.min(AUTOSAVE_DELAY_MS, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now), () => {
        cancelSave = null
        void save()
      })
    }
    /** Only others' changes: saved quietly, later (unless a save is due anyway). */
    const scheduleQuiet = () => {
      if (mode !== 'normal' || cancelSave) return
      cancelSave = later(REMOTE_SAVE_MS, () => {
        cancelSave = null
        void save()
      })
    }

    const changed = (own: boolean) => {
      dirty = true
      if (!own) return scheduleQuiet()
      ownSeq++
      if (mode === 'normal') show('unsaved')
      pendingSince ??= Date.now()
      armJournal()
      scheduleSave()
    }

    /** The editor holds text the writer typed that the library does not have as its current text. */
    const unconfirmed = () => {
      if (mode === 'done') return false
      if (mode === 'conflict') return jsonOf(current()) !== conflictJson // else kept as a revision
      return ownSeq > confirmedSeq
    }

    lastSavedJson = jsonOf(current())
    show('saved')
    handle.current = {
      flush: async () => {
        if (mode === 'failed') {
          if (retryTimer) clearTimeout(retryTimer)
          retryTimer = null
          mode = 'normal'
        }
        await save()
      },
      markDirty: () => changed(true),
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
      adopt: (record) => {
        version = record.version
        lastSavedJson = JSON.stringify(record.model)
        // a pending conflict or failure was about the text the restore has just kept and replaced
        if (retryTimer) clearTimeout(retryTimer)
        retryTimer = null
        retryDelay = 0
        if (mode === 'conflict') latest.current.onConflict(null)
        if (mode !== 'done') mode = 'normal'
        conflictJson = null
        conflictVersion = null
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
        const s = current()
        const json = jsonOf(s)
        if (mode === 'conflict' && json !== conflictJson) {
          // typed after the conflict: this text too is kept as a 'conflict' revision (named from
          // the old version, the back end keeps it beside the current text and changes nothing)
          const kept = await api.call('documents.save', { id: documentId, model: s.model, baseVersion: version })
          if (kept.status === 'conflict') conflictJson = json
        }
        const record = await api.call('documents.get', { id: documentId })
        mode = 'done'
        cancelSave?.()
        cancelJournal?.()
        journaledSeq = null
        if (library) void journal.remove(library, documentId)
        return record
      },
    }
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return // selection moved, nothing changed
      if (prevEditorState.isEmpty()) return // the document being loaded
      // others' changes to a team document arrive through the binding (COLLABORATION_TAG); the
      // writer's own undo of them is HISTORIC_TAG, the writer's like any edit
      changed(!tags.has(COLLABORATION_TAG))
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
      cancelJournal?.()
      cancelJournal = null
      if (mode === 'done') {
        cancelSave?.()
      } else if (mode === 'conflict') {
        // switching documents in a conflict: what was typed since stays in the journal, and is
        // kept as a conflict revision too (named from the old version, it overwrites nothing)
        cancelSave?.()
        writeJournal()
        const s = current()
        if (jsonOf(s) !== conflictJson) void api.call('documents.save', { id: documentId, model: s.model, baseVersion: version }).catch(() => undefined)
      } else if (dirty || ownSeq > confirmedSeq) {
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
