import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { FORMAT_TEXT_COMMAND, type TextFormatType } from 'lexical'
import { useTranslation } from 'react-i18next'
import { $deleteTableColumnAtSelection, $deleteTableRowAtSelection, $insertTableColumnAtSelection, $insertTableRowAtSelection, INSERT_TABLE_COMMAND } from '@lexical/table'
import { addSubtitle, insertPageBreak, setBlockKind, toggleRunIn } from './blockCommands'
import { useCaretState } from './caretState'

const MARKS: { format: TextFormatType & ('bold' | 'italic' | 'underline'); label: 'bold' | 'italic' | 'underline'; glyph: string }[] = [
  { format: 'bold', label: 'bold', glyph: 'B' },
  { format: 'italic', label: 'italic', glyph: 'I' },
  { format: 'underline', label: 'underline', glyph: 'U' },
]

/**
 * The toolbar's structure buttons: the block kind (body text, heading levels), the subtitle, the
 * marks, run-in headings, tables and page breaks.
 */
export function StructureToolbar({ part = 'all' }: { part?: 'all' | 'format' | 'insert' }) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('structure')
  // re-renders only when the caret's block kind, run-in, table or marks change (not per keystroke)
  const caret = useCaretState(editor)
  const { kind, runIn, inTable } = caret

  const format = (
    <>
      <select
        aria-label={t('blockKind')}
        value={typeof kind === 'number' ? String(kind) : kind === 'paragraph' ? 'paragraph' : ''}
        disabled={kind === 'title'}
        onChange={(e) => setBlockKind(editor, e.target.value === 'paragraph' ? 'paragraph' : (Number(e.target.value) as 1 | 2 | 3 | 4))}
      >
        <option value="" disabled hidden>—</option>
        <option value="paragraph">{t('body')} (Ctrl+0)</option>
        {[1, 2, 3, 4].map((l) => (
          <option key={l} value={String(l)}>{t(`headingLevel.${l}`)} (Ctrl+{l})</option>
        ))}
      </select>
      <span className="sep" />
      {MARKS.map((m) => (
        <button
          key={m.format}
          className={`mark mark-${m.format}${caret[m.format] ? ' on' : ''}`}
          aria-pressed={caret[m.format]}
          title={t(`common:${m.label}`)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, m.format)}
        >
          {m.glyph}
        </button>
      ))}
      <span className="sep" />
      <button onClick={() => toggleRunIn(editor)} disabled={runIn === null} aria-pressed={!!runIn} className={runIn ? 'on' : ''} title={t('runInHint')}>
        {t('runIn')}
      </button>
    </>
  )
  // what inserts a block, and the table's rows and columns: in the 插入 menu, so the toolbar's row
  // stays the same wherever the caret is
  const insert = (
    <>
      <button onClick={() => addSubtitle(editor)} disabled={kind !== 'title'} data-testid="add-subtitle">{t('addSubtitle')}</button>
      <button onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: false })} title={t('insertTable')}>
        {t('table')}
      </button>
      <button onClick={() => editor.update(() => void $insertTableRowAtSelection(true))} disabled={!inTable}>{t('addRow')}</button>
      <button onClick={() => editor.update(() => void $insertTableColumnAtSelection(true))} disabled={!inTable}>{t('addColumn')}</button>
      <button onClick={() => editor.update(() => $deleteTableRowAtSelection())} disabled={!inTable}>{t('deleteRow')}</button>
      <button onClick={() => editor.update(() => $deleteTableColumnAtSelection())} disabled={!inTable}>{t('deleteColumn')}</button>
      <button onClick={() => insertPageBreak(editor)} title={t('pageBreak')}>{t('pageBreakShort')}</button>
    </>
  )
  if (part === 'format') return format
  if (part === 'insert') return insert
  return (
    <>
      {format}
      <span className="sep" />
      {insert}
    </>
  )
}
