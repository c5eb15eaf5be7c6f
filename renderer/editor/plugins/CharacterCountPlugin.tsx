import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { useEffect } from 'react'
import { countCharacters } from '../../../shared/document/text'
import { $isSectionHeadingNode } from '../../features/structure'

export interface CharacterCounts {
  total: number
  /** characters from each heading up to the next heading of any level, by heading key */
  ownByHeading: ReadonlyMap<string, number>
}

/** One pass over the blocks: the document's 字数 and each heading's own share, for the outline. */
export function countBlocks(editor: ReturnType<typeof useLexicalComposerContext>[0]): CharacterCounts {
  return editor.getEditorState().read(() => {
    const own = new Map<string, number>()
    let total = 0
    let current: string | null = null
    for (const block of $getRoot().getChildren()) {
      if ($isSectionHeadingNode(block)) current = block.getKey()
      const n = countCharacters(block.getTextContent())
      total += n
      if (current) own.set(current, (own.get(current) ?? 0) + n)
    }
    return { total, ownByHeading: own }
  })
}

/** The status bar's 字数 and the outline's section counts, computed off the typing path. */
export function CharacterCountPlugin({ onCount }: { onCount(counts: CharacterCounts): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const count = () => onCount(countBlocks(editor))
    count()
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(count, 250)
    })
    return () => {
      unregister()
      if (timer) clearTimeout(timer)
    }
  }, [editor, onCount])
  return null
}
