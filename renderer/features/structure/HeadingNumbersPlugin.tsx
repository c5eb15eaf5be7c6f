import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $getRoot, HISTORIC_TAG, type LexicalEditor } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { useEffect } from 'react'
import { HeadingCounter } from '../../../shared/document/numbering'
import type { HeadingLevel } from '../../../shared/document/model'
import { $isRunInBodyNode, $isSectionHeadingNode, SectionHeadingNode } from '.'
import { $getNumberingStyle } from './numberingState'

export interface OutlineEntry {
  key: string
  level: HeadingLevel
  number: string
  title: string
}

/**
 * Heading numbers are derived, never typed: whenever a heading is created, changed or removed,
 * number every heading afresh (GB/T 9704 一、/（一）/1./（1）) and show it through the DOM attribute
 * data-number (CSS ::before). Typing in body text touches no heading, so it costs nothing here.
 */
export function computeOutline(editor: LexicalEditor): OutlineEntry[] {
  return editor.getEditorState().read(() => {
    const counter = new HeadingCounter($getNumberingStyle())
    const entries: OutlineEntry[] = []
    for (const child of $getRoot().getChildren()) {
      if (!$isSectionHeadingNode(child)) continue
      const level = child.getLevel()
      let title = ''
      for (const part of child.getChildren()) if (!$isRunInBodyNode(part)) title += part.getTextContent()
      entries.push({ key: child.getKey(), level, number: counter.next(level), title })
    }
    return entries
  })
}

function sameOutline(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!
    if (x.key !== y.key || x.level !== y.level || x.number !== y.number || x.title !== y.title) return false
  }
  return true
}

/**
 * Keeps the heading numbers on the page and hands `onOutline` every heading in document order
 * (always read afresh from the root, never patched from the changed nodes), whenever a heading is
 * created, moved, removed or its text changes, by the writer, undo, paste or a team member.
 */
export function registerOutline(editor: LexicalEditor, onOutline: (entries: OutlineEntry[]) => void): () => void {
  // the outline is handed on only when it changed: a new array re-renders the outline, and a
  // change touching many leaves (a figure used 1,000 times) usually leaves every heading as it was
  let last: OutlineEntry[] | null = null
  const emit = (entries: OutlineEntry[]) => {
    if (last && sameOutline(last, entries)) return
    last = entries
    onOutline(entries)
  }
  const renumber = () => {
    const entries = computeOutline(editor)
    for (const e of entries) {
      const el = editor.getElementByKey(e.key)
      if (el && el.dataset.number !== e.number) el.dataset.number = e.number
    }
    emit(entries)
  }
  // A heading's own text lives in its text nodes: typing there changes the outline but not the
  // numbering. A changed leaf marks every element above it dirty, so the dirty elements say whether
  // a heading was touched: a keystroke has two or three of them, a figure used 1,000 times a
  // hundred paragraphs (its 1,000 references are leaves) — and no outline to rebuild unless one
  // of them is a heading.
  const headingTextChanged = editor.registerUpdateListener(({ editorState, dirtyLeaves, dirtyElements, tags }) => {
    // undo and redo put a whole earlier state back, without the dirty nodes that say what changed:
    // any heading's text may differ (a renamed heading, a figure in a heading), so it is read afresh
    if (tags.has(HISTORIC_TAG)) return emit(computeOutline(editor))
    if (dirtyLeaves.size === 0) return
    const touchesHeading = editorState.read(() => {
      for (const key of dirtyElements.keys()) if ($isSectionHeadingNode($getNodeByKey(key))) return true
      return false
    })
    if (touchesHeading) emit(computeOutline(editor))
  })
  // the document's numbering style (序号样式, root NodeState) renumbers every heading when it changes
  let style = editor.getEditorState().read($getNumberingStyle)
  const styleChanged = editor.registerUpdateListener(({ editorState }) => {
    const now = editorState.read($getNumberingStyle)
    if (now === style) return
    style = now
    renumber()
  })
  return mergeRegister(editor.registerMutationListener(SectionHeadingNode, renumber, { skipInitialization: false }), headingTextChanged, styleChanged)
}

export function HeadingNumbersPlugin({ onOutline }: { onOutline(entries: OutlineEntry[]): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => registerOutline(editor, onOutline), [editor, onOutline])
  return null
}
