/** The document subtitle (`dd-subtitle`): an optional plain-text line under the title, `<p class="dd-subtitle">`. */
import { $applyNodeReplacement, type LexicalNode, type SerializedElementNode } from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { DocumentLineNode } from './DocumentLineNode'

export type SerializedSubtitleNode = SerializedElementNode

export class SubtitleNode extends DocumentLineNode {
  override $config() {
    return this.config(NODE_TYPES.subtitle, { extends: DocumentLineNode })
  }
}

export function $createSubtitleNode(): SubtitleNode {
  return $applyNodeReplacement(new SubtitleNode())
}

export function $isSubtitleNode(node: LexicalNode | null | undefined): node is SubtitleNode {
  return node instanceof SubtitleNode
}
