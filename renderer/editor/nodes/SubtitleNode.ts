/**
 * The document subtitle (`dd-subtitle`): an optional plain-text line under the title, `<p class="dd-subtitle">`.
 * Formatting typed into it is not kept: the model's subtitle is a string (shared/document/lexicalState.ts).
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type SerializedPartial,
} from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'

export type SerializedSubtitleNode = SerializedElementNode

export class SubtitleNode extends ElementNode {
  static override getType(): string {
    return NODE_TYPES.subtitle
  }

  static override clone(node: SubtitleNode): SubtitleNode {
    return new SubtitleNode(node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedSubtitleNode>): SubtitleNode {
    return $createSubtitleNode().updateFromJSON(json)
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('p')
    dom.className = 'dd-subtitle'
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  /** Enter in the subtitle starts the body: a paragraph after it. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode()
    this.insertAfter(paragraph, restoreSelection)
    return paragraph
  }
}

export function $createSubtitleNode(): SubtitleNode {
  return $applyNodeReplacement(new SubtitleNode())
}

export function $isSubtitleNode(node: LexicalNode | null | undefined): node is SubtitleNode {
  return node instanceof SubtitleNode
}
