import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $parseSerializedNode, HISTORY_PUSH_TAG, type SerializedLexicalNode } from 'lexical'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CLEANUP_COMMANDS, previewCleanup, type CleanupCommand, type CleanupPreview } from '../../../shared/cleanup'
import { editorStateToModel, modelToEditorState } from '../../../shared/document/lexicalState'
import type { Figure, Signature, SummaryDocument } from '../../../shared/document/model'
import { Modal } from '../../ui/Modal'
import { useMenuDismiss } from '../../editor/ToolbarMenu'
import { $setNumberingStyle } from '../structure/numberingState'
import { NumberingStyleDialog } from '../structure/NumberingStyleDialog'
import './cleanup.css'

interface Props {
  carry: { figures: Figure[]; signature?: Signature }
  onSignature(signature: Signature | undefined): void
}

/** Replaces the editor's content with a document in one update: one Ctrl+Z undoes all of it. */
function replaceContent(editor: ReturnType<typeof useLexicalComposerContext>[0], doc: SummaryDocument): void {
  const nodes = modelToEditorState(doc).root.children as unknown as SerializedLexicalNode[]
  editor.update(() => {
    $getRoot().clear().append(...nodes.map((n) => $parseSerializedNode(n)))
    // 规范层级 also returns the numbers to GB/T's form (the style goes with the levels)
    $setNumberingStyle(doc.numbering)
  }, { tag: HISTORY_PUSH_TAG })
}

/**
 * 整理: the cleanup commands (punctuation to full width, "1、" to "1.", Traditional ⇄ Simplified,
 * stray spaces). Each shows a preview of every change first and applies as one undo step.
 */
export function CleanupPlugin({ carry, onSignature }: Props) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('cleanup')
  const [open, setOpen] = useState(false)
  const [preview, setPreview] = useState<CleanupPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [styleOpen, setStyleOpen] = useState(false)
  // the menu closes on Esc and on a click anywhere else, as the toolbar's other menus do (it used
  // to close only when the mouse left it, so a writer who clicked back into the text kept it open)
  const anchor = useRef<HTMLSpanElement>(null)
  useMenuDismiss(open, setOpen, anchor)

  const run = async (command: CleanupCommand) => {
    setOpen(false)
    setBusy(true)
    try {
      const model = editorStateToModel(editor.getEditorState().toJSON(), carry)
      setPreview(await previewCleanup(model, command))
    } finally {
      setBusy(false)
    }
  }

  // the menu item that opened the preview is gone: the keyboard goes back to the text
  const close = () => {
    setPreview(null)
    editor.focus()
  }

  const apply = () => {
    if (!preview) return
    replaceContent(editor, preview.result)
    if (preview.result.signature !== carry.signature) onSignature(preview.result.signature)
    close()
  }

  return (
    <>
      <span className="menu-anchor" ref={anchor}>
        <button onClick={() => setOpen((o) => !o)} aria-haspopup="menu" aria-expanded={open} disabled={busy} data-testid="cleanup-button">
          {t('menu')} ▾
        </button>
        {open && (
          <ul className="menu" role="menu" onMouseLeave={() => setOpen(false)}>
            {CLEANUP_COMMANDS.map((c) => (
              <li key={c}>
                <button role="menuitem" onClick={() => void run(c)}>{t(c)}</button>
              </li>
            ))}
            <li>
              <button role="menuitem" onClick={() => { setOpen(false); setStyleOpen(true) }} data-testid="numbering-style">{t('numberingStyle')}</button>
            </li>
          </ul>
        )}
      </span>
      {styleOpen && <NumberingStyleDialog onClose={() => setStyleOpen(false)} />}
      {preview && (
        <Modal label={t(preview.command)} onClose={close} wide>
            <h2>{t(preview.command)}</h2>
            {preview.changes.length === 0 ? (
              <p className="muted">{t('nothing')}</p>
            ) : (
              <>
                <p>{t('count', { count: preview.changes.length })}</p>
                <ol className="cleanup-changes" data-testid="cleanup-changes">
                  {preview.changes.slice(0, 500).map((c, i) => (
                    <li key={i}>
                      <span className="muted">{c.contextBefore}</span>
                      <del>{c.removed}</del>
                      <ins>{c.inserted}</ins>
                      <span className="muted">{c.contextAfter}</span>
                    </li>
                  ))}
                </ol>
                {preview.changes.length > 500 && <p className="muted">{t('more', { count: preview.changes.length - 500 })}</p>}
              </>
            )}
            <div className="row end">
              <button onClick={close}>{t('common:cancel')}</button>
              <button className="primary" autoFocus={preview.changes.length > 0} disabled={preview.changes.length === 0} onClick={apply}>{t('apply')}</button>
            </div>
        </Modal>
      )}
    </>
  )
}
