import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, KEY_TAB_COMMAND } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { useEffect } from 'react'
import { setBlockKind, shiftHeadingLevel } from './blockCommands'

/** The heading keys: Ctrl+1…4 heading levels, Ctrl+0 body text, Tab / Shift+Tab heading level. */
export function HeadingShortcutsPlugin() {
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
    [editor],
  )
  return null
}
