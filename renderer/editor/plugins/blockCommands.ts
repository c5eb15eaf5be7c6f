import { $setBlocksType } from '@lexical/selection'
import { $createParagraphNode, $getSelection, $isElementNode, $isRangeSelection, type ElementNode, type LexicalEditor } from 'lexical'
import type { HeadingLevel } from '../../../shared/document/model'
import { $createSectionHeadingNode, $isRunInBodyNode, $isSectionHeadingNode, $isTitleNode, $isSubtitleNode } from '../nodes'

export type BlockKind = 'paragraph' | HeadingLevel

/** Ctrl+1…4 / Ctrl+0 and the toolbar: make the selected blocks headings of a level, or body text. */
export function setBlockKind(editor: LexicalEditor, kind: BlockKind): void {
  editor.update(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return
    const top = selection.anchor.getNode().getTopLevelElement()
    if ($isTitleNode(top) || $isSubtitleNode(top)) return // the title line keeps its role
    if (kind === 'paragraph') {
      $setBlocksType(selection, () => $createParagraphNode())
      // a run-in body has no meaning outside a heading: its text joins the paragraph
      for (const node of selection.getNodes()) {
        const block = node.getTopLevelElement()
        if ($isElementNode(block)) unwrapRunIns(block)
      }
    } else {
      $setBlocksType(selection, () => $createSectionHeadingNode(kind))
    }
  })
}

function unwrapRunIns(block: ElementNode): void {
  if ($isSectionHeadingNode(block)) return
  for (const child of block.getChildren()) {
    if ($isRunInBodyNode(child)) {
      for (const inner of child.getChildren()) child.insertBefore(inner)
      child.remove()
    }
  }
}

/** Tab / Shift+Tab: one level deeper or shallower for the heading at the caret. */
export function shiftHeadingLevel(editor: LexicalEditor, delta: 1 | -1): boolean {
  let handled = false
  editor.update(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return
    const top = selection.anchor.getNode().getTopLevelElement()
    if (!$isSectionHeadingNode(top)) return
    const next = top.getLevel() + delta
    if (next < 1 || next > 4) return
    top.setLevel(next as HeadingLevel)
    handled = true
  })
  return handled
}

export function currentBlockKind(editor: LexicalEditor): BlockKind | 'title' | 'other' {
  return editor.getEditorState().read(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return 'other'
    const top = selection.anchor.getNode().getTopLevelElement()
    if ($isTitleNode(top) || $isSubtitleNode(top)) return 'title'
    if ($isSectionHeadingNode(top)) return top.getLevel()
    return top?.getType() === 'paragraph' ? 'paragraph' : 'other'
  })
}
