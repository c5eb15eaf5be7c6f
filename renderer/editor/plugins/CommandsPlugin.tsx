import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { REDO_COMMAND, UNDO_COMMAND } from 'lexical'
import { useEffect, type RefObject } from 'react'
import type { AppCommand } from '../../../shared/commands'

/** Menu commands from the desktop shell that act on the open document. */
export function CommandsPlugin({ commands, onSnapshot }: { commands: RefObject<(command: AppCommand) => void>; onSnapshot(): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const outer = commands.current
    commands.current = (command) => {
      if (command === 'edit.undo') editor.dispatchCommand(UNDO_COMMAND, undefined)
      else if (command === 'edit.redo') editor.dispatchCommand(REDO_COMMAND, undefined)
      else if (command === 'document.snapshot') onSnapshot()
      else outer(command)
    }
    return () => {
      commands.current = outer
    }
  }, [editor, commands, onSnapshot])
  return null
}
