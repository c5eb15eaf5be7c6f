import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, REDO_COMMAND } from 'lexical'
import { useEffect } from 'react'

/**
 * The editor's own keys: Ctrl+Y redo (Lexical binds Ctrl+Shift+Z only on some platforms), Ctrl+S
 * keep a version. The features bring their own (headings: HeadingShortcutsPlugin).
 */
export function ShortcutsPlugin({ onSnapshot }: { onSnapshot(): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey) || event.altKey) return false
          const key = event.key.toLowerCase()
          if (key === 'y' && !event.shiftKey) {
            event.preventDefault()
            editor.dispatchCommand(REDO_COMMAND, undefined)
            return true
          }
          if (key === 's' && !event.shiftKey) {
            event.preventDefault()
            onSnapshot()
            return true
          }
          return false
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, onSnapshot],
  )
  return null
}
