/**
 * The 版本记录 button (in the toolbar) and its dialog. Restoring a version:
 *   1. what is typed but not yet saved is saved (flush), so the back end's copy is the text on screen;
 *   2. revisions.restore keeps that text as a 'restore' version and makes the version current;
 *   3. the editor takes the version's text as ONE undo step (EditorHandle.replaceDocument), so
 *      Ctrl+Z brings back the text before the restore — and autosave then stores that, as any edit.
 * The restore raises the document's version like a save; the record handed to onRestored carries
 * it, and autosave adopts it (AutosaveHandle.adopt) before the editor takes the text, so the next
 * save — the Ctrl+Z, say — is made from the restored version rather than refused as a conflict.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord, RevisionSummary } from '../../../shared/api'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import type { Figure, Signature } from '../../../shared/document/model'
import { useApi } from '../../app/ApiContext'
import { HistoryDialog, useRevisionLabel } from './HistoryDialog'

interface Props {
  documentId: string
  carry: { figures: Figure[]; signature?: Signature }
  flush(): Promise<void>
  /** puts the restored document's text into the editor as one undo step */
  onRestored(record: DocumentRecord): void
  onNotice(message: string | null): void
}

export function RevisionHistoryPlugin({ documentId, carry, flush, onRestored, onNotice }: Props) {
  const { t } = useTranslation('history')
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const label = useRevisionLabel()
  const [open, setOpen] = useState(false)
  const current = useCallback(() => editorStateToModel(editor.getEditorState().toJSON(), carry), [editor, carry])
  // after a restore the keyboard goes back to the text (not to the toolbar button the dialog
  // returns it to), so that Ctrl+Z right away undoes the restore
  const refocus = useRef(false)
  useEffect(() => {
    if (open || !refocus.current) return
    refocus.current = false
    editor.focus()
  }, [open, editor])

  const restore = useCallback(
    async (revision: RevisionSummary) => {
      await flush()
      const result = await api.call('revisions.restore', { id: documentId, revisionId: revision.id })
      refocus.current = true
      setOpen(false)
      onRestored(result.document)
      onNotice(t('restored', { when: label.time(revision.createdAt) }))
    },
    [api, documentId, flush, label, onNotice, onRestored, t],
  )

  return (
    <>
      <button onClick={() => setOpen(true)} title={t('toolbar.historyHint')} data-testid="open-history">
        {t('toolbar.history')}
      </button>
      {open &&
        createPortal(
          <HistoryDialog documentId={documentId} current={current} flush={flush} onRestore={restore} onClose={() => setOpen(false)} />,
          document.body,
        )}
    </>
  )
}
