import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isParagraphNode, $isRangeSelection, $isRootNode, $isTextNode, HISTORIC_TAG, HISTORY_PUSH_TAG } from 'lexical'
import { useEffect } from 'react'
import { MARKER_RANK, matchMarker } from '../../../shared/recognizer/markers'
import type { HeadingLevel } from '../../../shared/document/model'
import { $createSectionHeadingNode } from '.'

/**
 * Typing a heading marker at the start of a body paragraph makes it a heading of that level; the
 * typed marker goes, since numbers are derived. "一、" "（一）" "1、" "（1）" act at once; "1." waits
 * for the next character so "1.5万元" stays text. Ctrl+Z right after brings the typed marker back.
 */
export function headingFromTypedMarker(before: string): { level: HeadingLevel; markerLength: number } | null {
  const m = matchMarker(before)
  if (!m) return null
  const exact = m.kind === 'arDot' ? m.rest.length === 1 && before === m.marker + m.rest : before === m.marker && m.rest === ''
  if (!exact) return null
  return { level: MARKER_RANK[m.kind] as HeadingLevel, markerLength: m.marker.length }
}

export function MarkerShortcutPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ tags, dirtyLeaves, editorState }) => {
        if (tags.has(HISTORIC_TAG) || dirtyLeaves.size !== 1 || editor.isComposing()) return
        const found = editorState.read(() => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
          const node = selection.anchor.getNode()
          const paragraph = node.getParent()
          // only a top-level body paragraph (not a table cell), and only its first text
          if (!$isTextNode(node) || !$isParagraphNode(paragraph) || !$isRootNode(paragraph.getParent())) return null
          if (!paragraph.getFirstChild()?.is(node)) return null
          const offset = selection.anchor.offset
          if (offset > 8) return null
          const match = headingFromTypedMarker(node.getTextContent().slice(0, offset))
          return match ? { ...match, key: node.getKey(), offset } : null
        })
        if (!found) return
        editor.update(
          () => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection)) return
            const node = selection.anchor.getNode()
            if (!$isTextNode(node) || node.getKey() !== found.key) return
            const paragraph = node.getParentOrThrow()
            const heading = $createSectionHeadingNode(found.level)
            paragraph.replace(heading, true)
            const rest = node.getTextContent().slice(found.markerLength)
            if (rest) node.setTextContent(rest)
            else node.remove()
            const caret = found.offset - found.markerLength
            if (rest) node.select(caret, caret)
            else heading.selectStart()
          },
          { tag: HISTORY_PUSH_TAG },
        )
      }),
    [editor],
  )
  return null
}
