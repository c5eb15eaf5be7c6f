import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { useEffect } from 'react'
import { countCharacters } from '../../../shared/document/text'

/** The status bar's 字数, counted off the typing path (a moment after the last change). */
export function CharacterCountPlugin({ onCount }: { onCount(count: number): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const count = () => onCount(editor.getEditorState().read(() => countCharacters($getRoot().getTextContent())))
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
