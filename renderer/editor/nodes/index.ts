/** DraftDesk's editor nodes; `editorNodes` is what the editor config's `nodes` takes. */
import type { Klass, LexicalNode } from 'lexical'
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table'
import { FigureRefNode } from './FigureRefNode'
import { FigureTableNode } from './FigureTableNode'
import { PageBreakNode } from './PageBreakNode'
import { RunInBodyNode } from './RunInBodyNode'
import { SectionHeadingNode } from './SectionHeadingNode'
import { SubtitleNode } from './SubtitleNode'
import { TitleNode } from './TitleNode'

export * from './FigureDisplayContext'
export * from './FigureRefNode'
export * from './FigureTableNode'
export * from './PageBreakNode'
export * from './RunInBodyNode'
export * from './SectionHeadingNode'
export * from './SubtitleNode'
export * from './TitleNode'

export const editorNodes: ReadonlyArray<Klass<LexicalNode>> = [
  TitleNode,
  SubtitleNode,
  SectionHeadingNode,
  RunInBodyNode,
  FigureRefNode,
  PageBreakNode,
  FigureTableNode,
  TableNode,
  TableRowNode,
  TableCellNode,
]
