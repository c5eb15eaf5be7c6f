import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

/** Marks when the loaded document is painted and editable (for the benchmark). */
export function ReadyMarkPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    // rAF runs before the frame is painted; the timeout after it runs once the frame is on screen.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (editor.isEditable() && editor.getRootElement()) performance.mark('dd:editor-ready')
      }, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [editor])
  return null
}
