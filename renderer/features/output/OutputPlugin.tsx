/**
 * The editor's 出稿 buttons (in the toolbar): the output dialog and the print preview, both working
 * on the model as it is now (editor state + figures + signature).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $isElementNode, COMMAND_PRIORITY_EDITOR, createCommand, type EditorState, type LexicalCommand } from 'lexical'
import { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import type { Figure, Signature, SummaryDocument } from '../../../shared/document/model'
import type { Finding } from '../../../shared/output/check'
import type { FinalSummary } from '../../../shared/api'
import { useApi } from '../../app/ApiContext'
import { translateMessage } from '../../app/errors'
import { OutputDialog } from './OutputDialog'
import { isPrintKey, PrintPreview } from './PrintPreview'

interface Props {
  documentId: string
  carry: { figures: Figure[]; signature?: Signature }
  onSignature(signature: Signature | undefined): void
  flush(): Promise<void>
  onNotice(message: string | null): void
}

/** What the desktop menu asks of 出稿: the checks, an export with its format chosen, or printing. */
export type OutputRequest = 'check' | 'docx' | 'pdf' | 'print'
export const OPEN_OUTPUT_COMMAND: LexicalCommand<OutputRequest> = createCommand('OPEN_OUTPUT_COMMAND')

export function OutputPlugin({ documentId, carry, onSignature, flush, onNotice }: Props) {
  const { t } = useTranslation('output')
  const api = useApi()
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState<null | 'dialog' | { preview: FinalSummary | null; model?: SummaryDocument; printMark?: boolean }>(null)
  // the model as it is now: taken when the dialog or preview opens, and again when the signature or
  // figures change while it is open (never on every keystroke)
  // the same editor state and carry give the same model object, so opening (which builds it in the
  // click and again in the effect below) hands the preview one model, not two to render in turn
  const built = useRef<{ state: EditorState; carry: Props['carry']; model: SummaryDocument } | null>(null)
  const build = useCallback(() => {
    const state = editor.getEditorState()
    const last = built.current
    if (last && last.state === state && last.carry === carry) return last.model
    const model = editorStateToModel(state.toJSON(), carry)
    built.current = { state, carry, model }
    return model
  }, [editor, carry])
  const [model, setModel] = useState<SummaryDocument | null>(null)
  useEffect(() => {
    if (open) setModel(build())
  }, [open, build])
  // the format the menu chose: its export button takes the focus, so Enter exports
  const [chosen, setChosen] = useState<'docx' | 'pdf' | null>(null)
  useEffect(
    () =>
      editor.registerCommand(
        OPEN_OUTPUT_COMMAND,
        (request) => {
          setModel(build())
          if (request === 'print') {
            performance.mark('dd:preview-open')
            setOpen({ preview: null })
          } else {
            setChosen(request === 'check' ? null : request)
            setOpen('dialog')
          }
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, build],
  )

  // Ctrl+P prints the document, never the app's window: it opens the print preview (the pages as
  // they print, its 打印 button focused), where Ctrl+P again, or Enter, prints. In Electron the
  // page sees the key before the menu's accelerator, and handling it here keeps the two the same.
  const previewOpen = open !== null && open !== 'dialog'
  useEffect(() => {
    if (previewOpen) return
    const onKey = (e: KeyboardEvent) => {
      if (!isPrintKey(e)) return
      e.preventDefault()
      e.stopPropagation()
      editor.dispatchCommand(OPEN_OUTPUT_COMMAND, 'print')
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [editor, previewOpen])

  const jump = useCallback(
    (f: Finding) => {
      setOpen(null)
      if (f.location.part === 'signature' || f.location.part === 'figures') {
        onNotice(translateMessage(f.problem))
        if (f.location.part === 'signature') setTimeout(() => setOpen('dialog'), 0)
        return
      }
      const hasSubtitle = model?.subtitle !== undefined
      const index = f.location.part === 'title' ? 0 : f.location.part === 'subtitle' ? 1 : (f.location.block ?? 0) + (hasSubtitle ? 2 : 1)
      editor.update(() => {
        const node = $getRoot().getChildAtIndex(index)
        if (!node) return
        if ($isElementNode(node)) node.selectStart()
        else node.selectNext()
      })
      editor.focus()
      requestAnimationFrame(() => {
        const key = editor.getEditorState().read(() => $getRoot().getChildAtIndex(index)?.getKey())
        const el = key ? editor.getElementByKey(key) : null
        el?.scrollIntoView({ block: 'center' })
        el?.classList.add('dd-flash')
        setTimeout(() => el?.classList.remove('dd-flash'), 1600)
      })
    },
    [editor, model?.subtitle, onNotice],
  )

  const hostPrint = useCallback(async (printMark: boolean) => {
    await flush()
    return (await api.call('export.print', { id: documentId, ...(printMark ? { printMark } : {}) })).printed
  }, [api, documentId, flush])

  return (
    <>
      <button onClick={() => { setModel(build()); setOpen('dialog') }} title={t('toolbar.outputHint')} data-testid="open-output">{t('toolbar.output')}</button>
      <button onClick={() => { performance.mark('dd:preview-open'); setModel(build()); setOpen({ preview: null }) }} title={t('toolbar.previewHint')} data-testid="open-preview">{t('toolbar.preview')}</button>
      {open === 'dialog' && model &&
        createPortal(
          <OutputDialog
            documentId={documentId}
            model={model}
            flush={flush}
            onSignature={onSignature}
            onJump={jump}
            focusFormat={chosen}
            onRestoreFocus={() => editor.focus()}
            onPreview={(final, printMark) => { performance.mark('dd:preview-open'); setOpen({ preview: final, printMark }) }}
            onClose={() => {
              setOpen(null)
              setChosen(null)
            }}
          />,
          document.body,
        )}
      {open && open !== 'dialog' && model && createPortal(<PrintPreview model={model} final={open.preview} printMark={!!open.printMark} hostPrint={() => hostPrint(!!open.printMark)} onClose={() => setOpen(null)} />, document.body)}
    </>
  )
}
