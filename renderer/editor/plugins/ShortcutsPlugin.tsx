import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, KEY_TAB_COMMAND, REDO_COMMAND } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { useEffect } from 'react'
import { setBlockKind, shiftHeadingLevel } from './blockCommands'

/**
 * The writer's keys: Ctrl+1…4 heading levels, Ctrl+0 body text, Tab / Shift+Tab heading level,
 * Ctrl+Y redo (Lexical binds Ctrl+Shift+Z only on some platforms), Ctrl+S keep a version.
 */
export function ShortcutsPlugin({ onSnapshot }: { onSnapshot(): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!(event.ctrlKey || event.metaKey) || event.altKey) return false
            const key = event.key.toLowerCase()
            if (!event.shiftKey && /^[0-4]$/.test(key)) {
              event.preventDefault()
              setBlockKind(editor, key === '0' ? 'paragraph' : (Number(key) as 1 | 2 | 3 | 4))
              return true
            }
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
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            if (!shiftHeadingLevel(editor, event.shiftKey ? -1 : 1)) return false
            event.preventDefault()
            return true
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, onSnapshot],
  )
  return null
}
