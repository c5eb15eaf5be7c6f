/** The document title (`dd-title`): the first block of the editor, plain text, `<h1 class="dd-title">`. */
import { $applyNodeReplacement, type LexicalNode, type SerializedElementNode } from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { DocumentLineNode } from './DocumentLineNode'

export type SerializedTitleNode = SerializedElementNode

export class TitleNode extends DocumentLineNode {
  override $config() {
    return this.config(NODE_TYPES.title, { extends: DocumentLineNode })
  }

  protected override tag(): 'h1' {
    return 'h1'
  }
}

export function $createTitleNode(): TitleNode {
  return $applyNodeReplacement(new TitleNode())
}

export function $isTitleNode(node: LexicalNode | null | undefined): node is TitleNode {
  return node instanceof TitleNode
}
