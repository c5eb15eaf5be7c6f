/**
 * The body text of a run-in heading (`dd-runin`): an inline element inside a SectionHeadingNode,
 * after the title's inlines, rendered `<span class="dd-runin">`. It cannot be empty: when its
 * last character goes, Lexical removes it and the heading becomes a standalone heading — which
 * is also how the model reads an empty run-in body (shared/document/lexicalState.ts).
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type LexicalNode,
  type SerializedElementNode,
} from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'

export type SerializedRunInBodyNode = SerializedElementNode

export class RunInBodyNode extends ElementNode {
  override $config() {
    return this.config(NODE_TYPES.runIn, { extends: ElementNode })
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('span')
    dom.className = 'dd-runin'
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  override isInline(): true {
    return true
  }

  override canBeEmpty(): false {
    return false
  }
}

export function $createRunInBodyNode(): RunInBodyNode {
  return $applyNodeReplacement(new RunInBodyNode())
}

export function $isRunInBodyNode(node: LexicalNode | null | undefined): node is RunInBodyNode {
  return node instanceof RunInBodyNode
}
