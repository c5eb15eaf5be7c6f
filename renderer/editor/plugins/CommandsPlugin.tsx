import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { REDO_COMMAND, UNDO_COMMAND } from 'lexical'
import { useEffect, useRef, type RefObject } from 'react'
import type { AppCommand } from '../../../shared/commands'
import { OPEN_FIND_COMMAND } from '../../features/find-replace/FindReplacePlugin'
import { OPEN_OUTPUT_COMMAND, type OutputRequest } from '../../features/output/OutputPlugin'

const OUTPUT_REQUESTS: Partial<Record<AppCommand, OutputRequest>> = {
  'output.check': 'check',
  'output.exportDocx': 'docx',
  'output.exportPdf': 'pdf',
  'output.print': 'print',
}

/** Handles the menu commands that act on the open document; returns false for the others. */
export type EditorCommandHandler = (command: AppCommand) => boolean

/** Menu commands from the desktop shell that act on the open document (the app handles the rest). */
export function CommandsPlugin({ commands, onSnapshot }: { commands: RefObject<EditorCommandHandler | null>; onSnapshot(): void }) {
  const [editor] = useLexicalComposerContext()
  const snapshot = useRef(onSnapshot)
  snapshot.current = onSnapshot
  useEffect(() => {
    commands.current = (command) => {
      if (command === 'edit.undo') editor.dispatchCommand(UNDO_COMMAND, undefined)
      else if (command === 'edit.redo') editor.dispatchCommand(REDO_COMMAND, undefined)
      else if (command === 'document.snapshot') snapshot.current()
      else if (command === 'find' || command === 'replace') editor.dispatchCommand(OPEN_FIND_COMMAND, command)
      else if (OUTPUT_REQUESTS[command]) editor.dispatchCommand(OPEN_OUTPUT_COMMAND, OUTPUT_REQUESTS[command])
      else return false
      return true
    }
    return () => {
      commands.current = null
    }
  }, [editor, commands])
  return null
}
