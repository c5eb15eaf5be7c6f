/** A snippet dragged from the panel and dropped into the text goes in where it is dropped. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_HIGH, DRAGOVER_COMMAND, DROP_COMMAND } from 'lexical'
import { useEffect } from 'react'
import { useApi } from '../../app/ApiContext'
import { useFigureStore } from '../figures/FigureStore'
import { snippetsChanged } from './events'
import { insertSnippetBody, SNIPPET_DRAG_TYPE } from './insert'

export function SnippetDropPlugin() {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const figures = useFigureStore()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!event.dataTransfer?.types.includes(SNIPPET_DRAG_TYPE)) return false
            event.preventDefault()
            event.dataTransfer.dropEffect = 'copy'
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const id = Number(event.dataTransfer?.getData(SNIPPET_DRAG_TYPE))
            if (!Number.isInteger(id) || id <= 0) return false
            event.preventDefault()
            const point = { x: event.clientX, y: event.clientY }
            void api.call('snippets.get', { id }).then((snippet) => {
              insertSnippetBody(editor, snippet.body, figures, { point })
              editor.focus()
              return api.call('snippets.use', { id }).then(() => snippetsChanged())
            }, () => {})
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, api, figures],
  )
  return null
}
