/** The document subtitle (`dd-subtitle`): an optional plain-text line under the title, `<p class="dd-subtitle">`. */
import { $applyNodeReplacement, type LexicalNode, type SerializedElementNode, type SerializedPartial } from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { DocumentLineNode } from './DocumentLineNode'

export type SerializedSubtitleNode = SerializedElementNode

export class SubtitleNode extends DocumentLineNode {
  static override getType(): string {
    return NODE_TYPES.subtitle
  }

  static override clone(node: SubtitleNode): SubtitleNode {
    return new SubtitleNode(node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedSubtitleNode>): SubtitleNode {
    return $createSubtitleNode().updateFromJSON(json)
  }

  protected override dom() {
    return { tag: 'p', className: 'dd-subtitle' } as const
  }
}

export function $createSubtitleNode(): SubtitleNode {
  return $applyNodeReplacement(new SubtitleNode())
}

export function $isSubtitleNode(node: LexicalNode | null | undefined): node is SubtitleNode {
  return node instanceof SubtitleNode
}
