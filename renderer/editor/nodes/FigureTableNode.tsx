/**
 * The figure appendix (`dd-figuretable`): a block decorator shown as a box labelled 附表：数据表.
 * It marks where exports render the table of the document's figures; the editor shows no data.
 */
import type { JSX } from 'react'
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type LexicalNode,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'

export type SerializedFigureTableNode = SerializedLexicalNode

function FigureTableView(): JSX.Element {
  return (
    <div className="dd-figuretable-box" role="note" style={{ border: '1px solid currentColor', padding: '0.5em', textAlign: 'center', opacity: 0.7 }}>
      <span className="dd-figuretable-label">附表：数据表</span>
    </div>
  )
}

export class FigureTableNode extends DecoratorNode<JSX.Element> {
  static override getType(): string {
    return NODE_TYPES.figureTable
  }

  static override clone(node: FigureTableNode): FigureTableNode {
    return new FigureTableNode(node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedFigureTableNode>): FigureTableNode {
    return $createFigureTableNode().updateFromJSON(json)
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('div')
    dom.className = 'dd-figuretable'
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  override isInline(): false {
    return false
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
