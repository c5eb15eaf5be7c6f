/**
 * 存为素材 from the text: Ctrl+Shift+S, or SAVE_SNIPPET_COMMAND (the editor's context menu,
 * features/context-menu).
 */
import { $generateJSONFromSelectedNodes } from '@lexical/clipboard'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR, COMMAND_PRIORITY_HIGH, createCommand, KEY_DOWN_COMMAND, type LexicalCommand, type LexicalEditor } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import { blocksToSnippetBody, type SnippetBody } from '../../../shared/snippets'
import { useFigureStore } from '../figures/FigureStore'
import { snippetsChanged } from './events'
import { SaveSnippetDialog } from './SaveSnippetDialog'
import { useCategories } from './useSnippets'

/** 存为素材 on the selection, as Ctrl+Shift+S does. */
export const SAVE_SNIPPET_COMMAND: LexicalCommand<void> = createCommand('SAVE_SNIPPET_COMMAND')

const INLINE_TYPES = new Set(['text', 'linebreak', 'dd-figure', 'tab'])

/** The selected content as a snippet body (null when nothing is selected). */
function selectionBody(editor: LexicalEditor, figures: Parameters<typeof blocksToSnippetBody>[1]): SnippetBody | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return null
    const { nodes } = $generateJSONFromSelectedNodes(editor, selection)
    // loose inline nodes (a selection inside one paragraph) are wrapped in a paragraph
    const children: unknown[] = []
    let run: unknown[] = []
    const flush = () => {
      if (run.length) children.push({ type: 'paragraph', version: 1, children: run, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' })
      run = []
    }
    for (const n of nodes) {
      if (INLINE_TYPES.has(n.type)) run.push(n)
      else {
        flush()
        children.push(n)
      }
    }
    flush()
    const model = editorStateToModel({ root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } }, { figures: [...figures] })
    const body = blocksToSnippetBody(model.blocks, figures)
    return body.length ? body : null
  })
}

export function SaveSnippetPlugin({ documentId, onNotice }: { documentId: string; onNotice(message: string | null): void }) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('snippets')
  const figures = useFigureStore()
  const { categories, reload } = useCategories()
  const [saving, setSaving] = useState<{ body: SnippetBody; title: string } | null>(null)

  const start = useCallback(() => {
    const body = selectionBody(editor, figures.figures)
    if (!body) {
      onNotice(t('selectFirst'))
      return
    }
    const title = editor.getEditorState().read(() => $getRoot().getFirstChild()?.getTextContent() ?? '')
    reload()
    setSaving({ body, title })
  }, [editor, figures, onNotice, reload, t])

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 's') return false
            event.preventDefault()
            start()
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(SAVE_SNIPPET_COMMAND, () => (start(), true), COMMAND_PRIORITY_EDITOR),
      ),
    [editor, start],
  )

  return (
    <>
      {saving && (
        <SaveSnippetDialog
          body={saving.body}
          source={{ documentId, title: saving.title || t('common:untitled') }}
          categories={categories}
          onClose={() => {
            setSaving(null)
            editor.focus()
          }}
          onSaved={(s) => {
            setSaving(null)
            snippetsChanged()
            onNotice(t('savedFromSelection', { title: s.title }))
            editor.focus()
          }}
        />
      )}
    </>
  )
}
