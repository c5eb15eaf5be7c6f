/**
 * 存为素材 from the text: Ctrl+Shift+S, or the context menu on a selection (which also offers
 * copy and cut, since it replaces the browser's own menu there).
 */
import { $generateJSONFromSelectedNodes } from '@lexical/clipboard'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical'
import { useCallback, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { editorStateToModel } from '../../../shared/document/lexicalState'
import { blocksToSnippetBody, type SnippetBody } from '../../../shared/snippets'
import { useFigureStore } from '../figures/FigureStore'
import { snippetsChanged } from './events'
import { SaveSnippetDialog } from './SaveSnippetDialog'
import { useCategories } from './useSnippets'

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
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)

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
    [editor, start],
  )

  useEffect(() => {
    const root = editor.getRootElement()
    if (!root) return
    const onContextMenu = (e: MouseEvent) => {
      const hasSelection = editor.getEditorState().read(() => {
        const s = $getSelection()
        return $isRangeSelection(s) && !s.isCollapsed()
      })
      if (!hasSelection) return // the browser's own menu (paste, spelling…)
      e.preventDefault()
      setMenu({ x: e.clientX, y: e.clientY })
    }
    root.addEventListener('contextmenu', onContextMenu)
    return () => root.removeEventListener('contextmenu', onContextMenu)
  }, [editor])

  useEffect(() => {
    if (!menu) return
    const close = () => setMenu(null)
    window.addEventListener('mousedown', close)
    window.addEventListener('keydown', close)
    window.addEventListener('blur', close)
    return () => {
      window.removeEventListener('mousedown', close)
      window.removeEventListener('keydown', close)
      window.removeEventListener('blur', close)
    }
  }, [menu])

  return (
    <>
      {menu &&
        createPortal(
          <ul className="menu context-menu" role="menu" style={{ left: menu.x, top: menu.y }} data-testid="editor-context-menu" onMouseDown={(e) => e.stopPropagation()}>
            <li>
              <button role="menuitem" onClick={() => { setMenu(null); start() }} data-testid="context-save-snippet">
                {t('saveAs')} <span className="muted">Ctrl+Shift+S</span>
              </button>
            </li>
            <li>
              <button role="menuitem" onClick={() => { setMenu(null); editor.focus(); document.execCommand('copy') }}>
                {t('copy')} <span className="muted">Ctrl+C</span>
              </button>
            </li>
            <li>
              <button role="menuitem" onClick={() => { setMenu(null); editor.focus(); document.execCommand('cut') }}>
                {t('cut')} <span className="muted">Ctrl+X</span>
              </button>
            </li>
          </ul>,
          document.body,
        )}
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
