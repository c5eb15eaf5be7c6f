/**
 * The document's structure: the title and subtitle lines, headings (levels, derived numbers,
 * run-in bodies), tables and page breaks. `STRUCTURE_NODES` are the nodes this feature registers.
 */
import type { Klass, LexicalNode } from 'lexical'
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table'
import { PageBreakNode } from './PageBreakNode'
import { RunInBodyNode } from './RunInBodyNode'
import { SectionHeadingNode } from './SectionHeadingNode'
import { SubtitleNode } from './SubtitleNode'
import { TitleNode } from './TitleNode'

export * from './PageBreakNode'
export * from './RunInBodyNode'
export * from './SectionHeadingNode'
export * from './SubtitleNode'
export * from './TitleNode'

export const STRUCTURE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  TitleNode,
  SubtitleNode,
  SectionHeadingNode,
  RunInBodyNode,
  PageBreakNode,
  TableNode,
  TableRowNode,
  TableCellNode,
]
