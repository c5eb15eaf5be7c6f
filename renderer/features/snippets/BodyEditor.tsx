/**
 * A small rich-text editor for a snippet's body (in the edit dialogs): paragraphs, bold / italic /
 * underline (Ctrl+B/I/U or the buttons), and fields typed as {{名称}} — shown as chips underneath,
 * so the writer sees which fields the snippet will bind.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, FORMAT_TEXT_COMMAND, type EditorState, type LexicalNode, type TextFormatType } from 'lexical'
import { useTranslation } from 'react-i18next'
import type { TextInline } from '../../../shared/document/model'
import { bodyFieldNames, normalizeBody, parseFieldRuns, type SnippetBody } from '../../../shared/snippets'

const theme = { paragraph: 'snippet-editor-p', text: { bold: 'dd-bold', italic: 'dd-italic', underline: 'dd-underline' } }

/** The editor's paragraphs → snippet body ({{名称}} parsed into fields; a line break splits a paragraph). */
function readBody(state: EditorState): SnippetBody {
  return state.read(() => {
    const paragraphs: TextInline[][] = []
    for (const block of $getRoot().getChildren()) {
      let runs: TextInline[] = []
      const visit = (node: LexicalNode) => {
        if ($isTextNode(node)) {
          const run: TextInline = { type: 'text', text: node.getTextContent() }
          if (node.hasFormat('bold')) run.bold = true
          if (node.hasFormat('italic')) run.italic = true
          if (node.hasFormat('underline')) run.underline = true
          runs.push(run)
        } else if ($isLineBreakNode(node)) {
          paragraphs.push(runs)
          runs = []
        } else if ($isElementNode(node)) node.getChildren().forEach(visit)
      }
      if ($isElementNode(block)) block.getChildren().forEach(visit)
      paragraphs.push(runs)
    }
    return normalizeBody(paragraphs.map((p) => parseFieldRuns(p)))
  })
}

function Toolbar() {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('snippets')
  const marks: [TextFormatType, string, string][] = [
    ['bold', 'B', t('common:bold')],
    ['italic', 'I', t('common:italic')],
    ['underline', 'U', t('common:underline')],
  ]
  return (
    <div className="snippet-editor-toolbar">
      {marks.map(([format, glyph, label]) => (
        <button key={format} type="button" className={`mark mark-${format}`} title={label} onMouseDown={(e) => e.preventDefault()} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}>
          {glyph}
        </button>
      ))}
      <span className="muted">{t('fieldHint', { example: '{{单位名称}}' })}</span>
    </div>
  )
}

export function BodyEditor({ initial, onChange, label }: { initial: SnippetBody; onChange(body: SnippetBody): void; label: string }) {
  const config = {
    namespace: 'draftdesk-snippet',
    theme,
    onError: (error: Error) => console.error(error),
    editorState: () => {
      const root = $getRoot()
      for (const p of initial.length ? initial : [[]]) {
        const paragraph = $createParagraphNode()
        for (const inline of p) {
          if (inline.type === 'field') paragraph.append($createTextNode(`{{${inline.name}}}`))
          else {
            const node = $createTextNode(inline.text)
            if (inline.bold) node.toggleFormat('bold')
            if (inline.italic) node.toggleFormat('italic')
            if (inline.underline) node.toggleFormat('underline')
            paragraph.append(node)
          }
        }
        root.append(paragraph)
      }
    },
  }
  return (
    <LexicalComposer initialConfig={config}>
      <div className="snippet-editor">
        <Toolbar />
        <RichTextPlugin
          contentEditable={<ContentEditable className="snippet-editor-body" aria-label={label} data-testid="snippet-body-editor" spellCheck={false} />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <OnChangePlugin ignoreSelectionChange onChange={(state) => onChange(readBody(state))} />
      </div>
    </LexicalComposer>
  )
}

/** The field names of a body as chips (what inserting it will bind). */
export function FieldChips({ body }: { body: SnippetBody }) {
  const { t } = useTranslation('snippets')
  const names = bodyFieldNames(body)
  if (names.length === 0) return <p className="muted snippet-fields-line">{t('noFields')}</p>
  return (
    <p className="snippet-fields-line">
      {t('fields')}
      {names.map((n) => (
        <span key={n} className="snippet-field">
          {n}
        </span>
      ))}
    </p>
  )
}
