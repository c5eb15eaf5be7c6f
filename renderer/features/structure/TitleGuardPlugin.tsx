import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createParagraphNode, $getRoot, $getSelection, $isParagraphNode, $isRangeSelection, COMMAND_PRIORITY_NORMAL, KEY_ENTER_COMMAND, RootNode } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { useEffect } from 'react'
import { $createTitleNode, $isTitleNode, TitleNode } from '.'
import type { ElementNode, PointType } from 'lexical'

function caretAtEndOf(block: ElementNode, point: PointType): boolean {
  const node = point.getNode()
  if (node.is(block)) return point.offset === block.getChildrenSize()
  const last = block.getLastDescendant()
  return !!last && node.is(last) && point.offset === last.getTextContentSize()
}

/** The document always opens with exactly one title line; a title pasted elsewhere becomes body text. */
export function TitleGuardPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(RootNode, (root) => {
          const first = root.getFirstChild()
          if (!$isTitleNode(first)) {
            const title = $createTitleNode()
            if (first) first.insertBefore(title)
            else root.append(title)
          }
          if (root.getChildrenSize() === 1) root.append($createParagraphNode())
        }),
        editor.registerNodeTransform(TitleNode, (node) => {
          if ($getRoot().getFirstChild()?.is(node)) return
          const paragraph = $createParagraphNode()
          paragraph.append(...node.getChildren())
          node.replace(paragraph)
        }),
        // Enter at the end of the title goes to the empty first paragraph instead of adding another.
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
            const top = selection.anchor.getNode().getTopLevelElement()
            if (!$isTitleNode(top) || !caretAtEndOf(top, selection.anchor)) return false
            const next = top.getNextSibling()
            if (!$isParagraphNode(next) || !next.isEmpty()) return false
            event?.preventDefault()
            next.select()
            return true
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  )
  return null
}
