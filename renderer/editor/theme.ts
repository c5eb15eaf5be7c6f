import type { EditorThemeClasses } from 'lexical'

export const editorTheme: EditorThemeClasses = {
  paragraph: 'dd-paragraph',
  text: { bold: 'dd-bold', italic: 'dd-italic', underline: 'dd-underline' },
  table: 'dd-table',
  tableCell: 'dd-table-cell',
  tableCellHeader: 'dd-table-cell-header',
}
