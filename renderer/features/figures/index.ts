/** The figure table (数据表); see README.md. `FIGURE_NODES` are the nodes this feature registers. */
import type { Klass, LexicalNode } from 'lexical'
import { FigureRefNode } from './FigureRefNode'
import { FigureTableNode } from './FigureTableNode'

export * from './FigureDisplayContext'
export * from './FigureRefNode'
export * from './FigureTableNode'

export const FIGURE_NODES: ReadonlyArray<Klass<LexicalNode>> = [FigureRefNode, FigureTableNode]
