import { $setBlocksType } from '@lexical/selection'
import { $createParagraphNode, $getNodeByKey, $getRoot, $getSelection, $isElementNode, $isParagraphNode, $isRangeSelection, type ElementNode, type LexicalEditor } from 'lexical'
import type { HeadingLevel } from '../../../shared/document/model'
import { $insertNodeToNearestRoot } from '@lexical/utils'
import { $createPageBreakNode, $createRunInBodyNode, $createSubtitleNode, $createSectionHeadingNode, $isRunInBodyNode, $isSectionHeadingNode, $isTitleNode, $isSubtitleNode } from '.'

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

/**
 * Tab / Shift+Tab: one level deeper or shallower for the heading at the caret. Decides from the
 * current state before changing anything, so the caller knows at once whether to keep the key
 * from the browser (an update queued from a key handler runs only later).
 */
export function shiftHeadingLevel(editor: LexicalEditor, delta: 1 | -1): boolean {
  const key = editor.getEditorState().read(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return null
    const top = selection.anchor.getNode().getTopLevelElement()
    if (!$isSectionHeadingNode(top)) return null
    const next = top.getLevel() + delta
    return next >= 1 && next <= 4 ? top.getKey() : null
  })
  if (key === null) return false
  editor.update(() => {
    const heading = $getNodeByKey(key)
    if ($isSectionHeadingNode(heading)) {
      const next = heading.getLevel() + delta
      if (next >= 1 && next <= 4) heading.setLevel(next as HeadingLevel)
    }
  })
  return true
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

/**
 * Switches the heading at the caret between run-in (its body text in the same paragraph, as in
 * "（一）加强领导。成立专班……") and standalone (the body as the next paragraph). Level-1 headings
 * usually stand alone, but nothing forbids a run-in one.
 */
export function toggleRunIn(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return
    const heading = selection.anchor.getNode().getTopLevelElement()
    if (!$isSectionHeadingNode(heading)) return
    const runIn = heading.getChildren().find($isRunInBodyNode)
    if (runIn) {
      const paragraph = $createParagraphNode()
      paragraph.append(...runIn.getChildren())
      runIn.remove()
      heading.insertAfter(paragraph)
      return
    }
    const next = heading.getNextSibling()
    if (!$isParagraphNode(next) || next.isEmpty()) return
    const body = $createRunInBodyNode()
    body.append(...next.getChildren())
    heading.append(body)
    next.remove()
  })
}

export function isRunInHeadingAtCaret(editor: LexicalEditor): boolean | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection()
    if (!$isRangeSelection(selection)) return null
    const heading = selection.anchor.getNode().getTopLevelElement()
    if (!$isSectionHeadingNode(heading)) return null
    return heading.getChildren().some($isRunInBodyNode)
  })
}

export function insertPageBreak(editor: LexicalEditor): void {
  editor.update(() => {
    $insertNodeToNearestRoot($createPageBreakNode())
  })
}

/** Adds the subtitle line under the title (or moves the caret there when it exists). */
export function addSubtitle(editor: LexicalEditor): void {
  editor.update(() => {
    const title = $getRoot().getFirstChild()
    if (!$isTitleNode(title)) return
    const next = title.getNextSibling()
    if ($isSubtitleNode(next)) return void next.selectEnd()
    const subtitle = $createSubtitleNode()
    title.insertAfter(subtitle)
    subtitle.select()
  })
}
