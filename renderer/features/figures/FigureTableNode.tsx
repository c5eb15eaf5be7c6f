/**
 * The figure appendix (`dd-figuretable`): a block decorator showing 附表：数据表 as a live table of
 * the document's figures — the same rows exports print (shared/figures/appendix.ts), updated as
 * the figures change. The node itself holds nothing: the figures live in the figure table.
 * Caption and column heads are the document's text, as exports print them; only the note shown
 * while the table is empty is a UI word.
 */
import { useContext, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { $applyNodeReplacement, type LexicalNode, type SerializedLexicalNode } from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { figureAppendixTable } from '../../../shared/figures/appendix'
import { BlockDecoratorNode } from '../../ui/BlockDecoratorNode'
import { FiguresContext } from './FigureStore'

export type SerializedFigureTableNode = SerializedLexicalNode

function FigureTableView(): JSX.Element {
  const { t } = useTranslation('figures')
  const table = figureAppendixTable(useContext(FiguresContext))
  return (
    <div className="dd-figuretable-box" role="group" aria-label={table.caption}>
      <div className="dd-figuretable-caption">{table.caption}</div>
      {table.rows.length === 0 ? (
        <div className="dd-figuretable-empty">{t('appendix.empty')}</div>
      ) : (
        <table className="dd-figuretable-grid">
          <thead>
            <tr>
              {table.header.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={cell.startsWith('〔') && j === 2 ? 'unfilled' : undefined}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export class FigureTableNode extends BlockDecoratorNode {
  override $config() {
    return this.config(NODE_TYPES.figureTable, { extends: BlockDecoratorNode })
  }

  override decorate(): JSX.Element {
    return <FigureTableView />
  }
}

export function $createFigureTableNode(): FigureTableNode {
  return $applyNodeReplacement(new FigureTableNode())
}

export function $isFigureTableNode(node: LexicalNode | null | undefined): node is FigureTableNode {
  return node instanceof FigureTableNode
}
