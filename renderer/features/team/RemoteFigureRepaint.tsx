/**
 * A figure changed by another writer repaints every reference here. The writer's own update
 * repaints the references it knows of (figures/state.ts $setFigures) and those repaints travel with
 * it; a reference another writer added meanwhile (with the old value) is not among them. So when a
 * change from the team server brings another figure table, every reference is checked against it,
 * and one that shows something else is repainted (which travels back to the others, like any edit).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $dfs } from '@lexical/utils'
import { COLLABORATION_TAG, HISTORY_MERGE_TAG } from 'lexical'
import { useEffect } from 'react'
import { $isFigureRefNode } from '../figures/FigureRefNode'
import { $getFigures, formatterFor } from '../figures/state'

export function RemoteFigureRepaint() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ tags, editorState, prevEditorState }) => {
        if (!tags.has(COLLABORATION_TAG)) return
        const next = editorState.read($getFigures)
        if (next === prevEditorState.read($getFigures)) return
        const stale = editorState.read(() => {
          const format = formatterFor(next)
          return $dfs().some(({ node }) => {
            if (!$isFigureRefNode(node)) return false
            const shown = format(node.getFigureId())
            const now = node.getDisplay()
            return now.text !== shown.text || now.unfilled !== shown.unfilled
          })
        })
        if (!stale) return
        editor.update(
          () => {
            const format = formatterFor($getFigures())
            for (const { node } of $dfs()) {
              if (!$isFigureRefNode(node)) continue
              const shown = format(node.getFigureId())
              node.setDisplay(shown.text, shown.unfilled)
            }
          },
          { tag: HISTORY_MERGE_TAG },
        )
      }),
    [editor],
  )
  return null
}
