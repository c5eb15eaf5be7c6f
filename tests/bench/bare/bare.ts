/**
 * The yardstick for keystroke latency: a bare Lexical rich-text editor (registerRichText +
 * history, nothing else) holding the same paragraphs as our 60,000-character document.
 */
import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import { registerRichText } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical'

declare global {
  interface Window {
    benchParagraphs: string[]
    benchReady: boolean
  }
}

const editor = createEditor({ namespace: 'bare', onError: (e) => console.error(e) })
editor.setRootElement(document.getElementById('editor'))
registerRichText(editor)
registerHistory(editor, createEmptyHistoryState(), 300)
editor.update(
  () => {
    const root = $getRoot()
    for (const text of window.benchParagraphs) root.append($createParagraphNode().append($createTextNode(text)))
  },
  { discrete: true },
)
window.benchReady = true
