import { $setBlocksType } from '@lexical/selection'
import { $createParagraphNode, $getNodeByKey, $getRoot, $getSelection, $isElementNode, $isParagraphNode, $isRangeSelection, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical'
import type { HeadingLevel } from '../../../shared/document/model'
import { shapeHeading } from '../../../shared/recognizer/headings'
import { $insertNodeToNearestRoot } from '@lexical/utils'
import { $createPageBreakNode, $createRunInBodyNode, $createSubtitleNode, $createSectionHeadingNode, $isRunInBodyNode, $isSectionHeadingNode, $isTitleNode, $isSubtitleNode, type SectionHeadingNode } from '.'

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
    // a heading that holds its sentence and more text runs in where the recognizer would cut it
    if ($splitHeadingSentence(heading)) return
    const next = heading.getNextSibling()
    if (!$isParagraphNode(next) || next.isEmpty()) return
    const body = $createRunInBodyNode()
    body.append(...next.getChildren())
    heading.append(body)
    next.remove()
  })
}

/**
 * A standalone heading whose text carries its heading sentence and more ("加强组织领导。成立……")
 * becomes a run-in heading: the title keeps the heading sentence, found by the recognizer's own
 * rule (shapeHeading: 。！？, a colon or a blank after a short label, the first clause group of a
 * long line), the rest becomes the run-in body; the blanks between them go. Marks and figures stay
 * on their text, and the caret stays on its character. False when there is nothing to split.
 */
export function $splitHeadingSentence(heading: SectionHeadingNode): boolean {
  if (!canSplitHeading(heading)) return false
  const children = heading.getChildren()
  const text = heading.getTextContent()
  const shape = shapeHeading(text)
  if (shape.body === undefined) return false
  const titleEnd = shape.title.length
  const bodyStart = text.length - shape.body.length
  const body = $createRunInBodyNode()
  let pos = 0
  for (const child of children) {
    const length = child.getTextContentSize()
    const start = pos
    pos += length
    if (pos <= titleEnd && !(length === 0 && start === titleEnd)) continue // wholly title
    let node: LexicalNode | undefined = child
    if ($isTextNode(child) && start < titleEnd) node = child.splitText(titleEnd - start)[1] // title ∣ rest
    if (!node) continue
    const nodeStart = Math.max(start, titleEnd)
    if (nodeStart < bodyStart) {
      // the blanks between the title and the body
      const blanks = Math.min(bodyStart, pos) - nodeStart
      if ($isTextNode(node) && blanks < node.getTextContentSize()) {
        const [gap, rest] = node.splitText(blanks)
        gap?.remove()
        node = rest
      } else {
        node.remove()
        continue
      }
    }
    if (node) body.append(node)
  }
  if (body.isEmpty()) return false
  heading.append(body)
  return true
}

/** A standalone heading whose text holds a heading sentence and body (read or update). */
export function canSplitHeading(heading: SectionHeadingNode): boolean {
  const children = heading.getChildren()
  if (children.length === 0 || children.some($isRunInBodyNode)) return false
  return shapeHeading(heading.getTextContent()).body !== undefined
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
