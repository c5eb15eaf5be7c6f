import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertNodes, $parseSerializedNode, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, UNDO_COMMAND, type LexicalEditor, type SerializedLexicalNode } from 'lexical'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { modelToEditorState } from '../../../shared/document/lexicalState'
import type { Block, Inline } from '../../../shared/document/model'
import { structureParagraphs } from '../../../shared/paste/structureParagraphs'
import { recognize } from '../../../shared/recognizer'
import { htmlToBlocks } from './htmlToBlocks'
import './paste.css'

/** Plain text → one paragraph per line (blank lines dropped; leading indentation trimmed). */
export function textToBlocks(text: string): Block[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$/g, ''))
    .filter((line) => line.length > 0)
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }))
}

/** Headings recognized among the paragraphs (tables and other blocks pass through). */
export function recognizeBlocks(blocks: Block[]): { blocks: Block[]; headings: number } {
  const out: Block[] = []
  let headings = 0
  let run: Inline[][] = []
  const flush = () => {
    if (!run.length) return
    const structured = structureParagraphs(run)
    out.push(...structured.blocks)
    headings += structured.headings
    run = []
  }
  for (const b of blocks) {
    if (b.type === 'paragraph') run.push(b.children)
    else {
      flush()
      out.push(b)
    }
  }
  flush()
  return { blocks: out, headings }
}

function recognizeText(text: string): { blocks: Block[]; headings: number } {
  const { documents, report } = recognize(text, { fragment: true })
  return { blocks: documents[0]?.blocks ?? [], headings: report.headings }
}

function insertBlocks(editor: LexicalEditor, blocks: Block[], tag?: string): void {
  const state = modelToEditorState({ version: 1, title: '', blocks, figures: [] })
  const serialized = state.root.children.slice(1) as unknown as SerializedLexicalNode[] // past the title
  editor.update(() => $insertNodes(serialized.map((n) => $parseSerializedNode(n))), tag ? { tag } : {})
}

/**
 * Paste from Word, WPS and web pages: formatting that the model keeps (paragraphs, bold, italic,
 * underline, tables) and nothing else. Lines that open with heading markers become headings; a
 * notice offers to undo just that recognition (the text stays, as plain paragraphs).
 * Copies within DraftDesk keep Lexical's own format and are left to Lexical.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('paste')
  const [notice, setNotice] = useState<{ headings: number; raw: Block[] } | null>(null)

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null
          if (!data || data.types.includes('application/x-lexical-editor')) return false
          const html = data.getData('text/html')
          const plain = data.getData('text/plain')
          const raw = html ? htmlToBlocks(html) : textToBlocks(plain)
          const single = raw.length === 1 && raw[0]!.type === 'paragraph'
          // HTML keeps its marks, so its paragraphs are classified one by one; plain text gets the
          // whole recognizer (hard-wrapped lines from PDFs joined back, run-in headings…).
          const recognized = html ? recognizeBlocks(raw) : recognizeText(plain)
          if (raw.length === 0 || (single && recognized.headings === 0 && !html)) return false // Lexical inserts plain text fine
          event.preventDefault()
          insertBlocks(editor, recognized.blocks)
          setNotice(recognized.headings > 0 ? { headings: recognized.headings, raw } : null)
          return true
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  )

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), 15_000)
    return () => clearTimeout(timer)
  }, [notice])

  if (!notice) return null
  return (
    <div className="paste-notice" role="status">
      {t('recognized', { count: notice.headings })}
      <button
        onClick={() => {
          editor.dispatchCommand(UNDO_COMMAND, undefined)
          insertBlocks(editor, notice.raw)
          setNotice(null)
        }}
      >
        {t('undoRecognition')}
      </button>
      <button className="link" onClick={() => setNotice(null)} aria-label={t('dismiss')}>×</button>
    </div>
  )
}
