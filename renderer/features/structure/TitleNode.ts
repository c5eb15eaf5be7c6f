/** The document title (`dd-title`): the first block of the editor, plain text, `<h1 class="dd-title">`. */
import { $applyNodeReplacement, type LexicalNode, type SerializedElementNode, type SerializedPartial } from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { DocumentLineNode } from './DocumentLineNode'

export type SerializedTitleNode = SerializedElementNode

export class TitleNode extends DocumentLineNode {
  static override getType(): string {
    return NODE_TYPES.title
  }

  static override clone(node: TitleNode): TitleNode {
    return new TitleNode(node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedTitleNode>): TitleNode {
    return $createTitleNode().updateFromJSON(json)
  }

  protected override dom() {
    return { tag: 'h1', className: 'dd-title' } as const
  }
}

export function $createTitleNode(): TitleNode {
  return $applyNodeReplacement(new TitleNode())
}

export function $isTitleNode(node: LexicalNode | null | undefined): node is TitleNode {
  return node instanceof TitleNode
}
