import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { useEffect } from 'react'
import { countCharacters } from '../../../shared/document/text'
import { $isSectionHeadingNode } from '../../features/structure'
import { registerContentSettled } from '../../ui/contentSettled'

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
    const count = () => onCount(countBlocks(editor))
    count()
    return registerContentSettled(editor, count, 250)
  }, [editor, onCount])
  return null
}
