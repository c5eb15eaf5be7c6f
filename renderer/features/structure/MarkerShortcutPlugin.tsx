import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $getSelection, $isParagraphNode, $isRangeSelection, $isRootNode, $isTextNode, HISTORIC_TAG, HISTORY_PUSH_TAG } from 'lexical'
import { useEffect } from 'react'
import { MARKER_RANK, matchMarker } from '../../../shared/recognizer/markers'
import type { HeadingLevel } from '../../../shared/document/model'
import { $createSectionHeadingNode, $isSectionHeadingNode } from '.'
import { $splitHeadingSentence, canSplitHeading } from './blockCommands'

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
            // a marker typed before a whole paragraph: its heading sentence is the title, the rest runs in
            $splitHeadingSentence(heading)
          },
          { tag: HISTORY_PUSH_TAG },
        )
      }),
    [editor],
  )
  useEffect(() => {
    // headings whose split the writer undid: they stay as typed
    const declined = new Set<string>()
    // never while the IME composes; the first update after it judges the committed text
    let composed = false
    return editor.registerUpdateListener(({ tags, dirtyLeaves, editorState, prevEditorState }) => {
      if (editor.isComposing()) {
        composed = true
        return
      }
      const afterComposition = composed
      composed = false
      const historic = tags.has(HISTORIC_TAG)
      const typed = editorState.read(() => {
        const selection = $getSelection()
        if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
        const node = selection.anchor.getNode()
        const heading = node.getParent()
        if (!$isTextNode(node) || !$isSectionHeadingNode(heading)) return null
        if (!historic && !afterComposition && !dirtyLeaves.has(node.getKey())) return null
        return canSplitHeading(heading) ? { key: heading.getKey(), node: node.getKey(), text: node.getTextContent() } : null
      })
      if (!typed) return
      const key = typed.key
      // only text typed in place (not a level set by key, which leaves the words as they stand)
      const typedInPlace = prevEditorState.read(() => {
        const before = $getNodeByKey(typed.node)
        if (!before) return true // new text in the heading
        return $isTextNode(before) && before.getParent()?.getKey() === key && before.getTextContent() !== typed.text
      })
      if (!historic && !afterComposition && !typedInPlace) return
      if (historic) {
        declined.add(key)
        return
      }
      if (declined.has(key)) return
      // once the heading sentence is finished and more text follows, the heading runs in; its own
      // history entry, so one Ctrl+Z gives back the text as typed
      editor.update(
        () => {
          const heading = $getNodeByKey(key)
          if ($isSectionHeadingNode(heading)) $splitHeadingSentence(heading)
        },
        { tag: HISTORY_PUSH_TAG },
      )
    })
  }, [editor])
  return null
}
