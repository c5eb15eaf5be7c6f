import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useRef } from 'react'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import type { Figure, Signature } from '../../../shared/document/model'
import { documentCharacters } from '../../../shared/document/text'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'

/** A save starts 500 ms after the last keystroke, and at least once a second while typing goes on. */
export const AUTOSAVE_DELAY_MS = 500
export const AUTOSAVE_MAX_WAIT_MS = 1000

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'failed'

export interface AutosaveHandle {
  /** Saves now (if anything changed) and resolves when the save is stored. */
  flush(): Promise<void>
  /** Something outside the editor state changed (figures, signature): save it too. */
  markDirty(): void
}

interface Props {
  documentId: string
  carry: { figures: Figure[]; signature?: Signature }
  onState(state: SaveState, error?: string): void
  onSaved(saved: { title: string; characters: number }): void
  handle: React.RefObject<AutosaveHandle | null>
}

export function AutosavePlugin({ documentId, carry, onState, onSaved, handle }: Props) {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const latest = useRef({ carry, onState, onSaved })
  latest.current = { carry, onState, onSaved }

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let firstPendingAt: number | null = null
    let dirty = false
    let inFlight: Promise<void> | null = null
    // Registering plugins re-runs transforms over the loaded document; only real changes are saved.
    let lastSavedJson: string | null = null

    const save = async (): Promise<void> => {
      if (timer) clearTimeout(timer)
      timer = null
      firstPendingAt = null
      if (!dirty) return
      if (inFlight) {
        await inFlight
        return save()
      }
      dirty = false
      const model = editorStateToModel(editor.getEditorState().toJSON(), latest.current.carry)
      const json = JSON.stringify(model)
      if (json === lastSavedJson) {
        latest.current.onState('saved')
        return
      }
      latest.current.onState('saving')
      inFlight = api.call('documents.save', { id: documentId, model }).then(
        () => {
          lastSavedJson = json
          latest.current.onState(dirty ? 'unsaved' : 'saved')
          latest.current.onSaved({ title: model.title, characters: documentCharacters(model) })
        },
        (err: unknown) => {
          dirty = true // keep the change pending: the next edit or flush tries again
          latest.current.onState('failed', errorMessage(err))
        },
      )
      try {
        await inFlight
      } finally {
        inFlight = null
      }
    }

    const schedule = () => {
      const now = Date.now()
      firstPendingAt ??= now
      if (timer) clearTimeout(timer)
      const delay = Math.min(AUTOSAVE_DELAY_MS, Math.max(0, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now))
      timer = setTimeout(() => void save(), delay)
    }

    lastSavedJson = JSON.stringify(editorStateToModel(editor.getEditorState().toJSON(), latest.current.carry))
    latest.current.onState('saved')
    handle.current = {
      flush: save,
      markDirty: () => {
        if (!dirty) latest.current.onState('unsaved')
        dirty = true
        schedule()
      },
    }
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return // selection moved, nothing changed
      if (prevEditorState.isEmpty()) return // the document being loaded
      if (!dirty) latest.current.onState('unsaved')
      dirty = true
      schedule()
    })
    return () => {
      unregister()
      void save() // switching documents: store what was typed
      handle.current = null
    }
  }, [editor, api, documentId, handle])

  return null
}
