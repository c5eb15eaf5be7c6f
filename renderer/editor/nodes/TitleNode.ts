/**
 * The document title (`dd-title`): the first block of the editor, plain text, `<h1 class="dd-title">`.
 * Formatting typed into it is not kept: the model's title is a string (shared/document/lexicalState.ts).
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

export type SerializedTitleNode = SerializedElementNode

export class TitleNode extends ElementNode {
  static override getType(): string {
    return NODE_TYPES.title
  }

  static override clone(node: TitleNode): TitleNode {
    return new TitleNode(node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedTitleNode>): TitleNode {
    return $createTitleNode().updateFromJSON(json)
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('h1')
    dom.className = 'dd-title'
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  /** Enter in the title starts the body: a paragraph after it. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode()
    this.insertAfter(paragraph, restoreSelection)
    return paragraph
  }
}

export function $createTitleNode(): TitleNode {
  return $applyNodeReplacement(new TitleNode())
}

export function $isTitleNode(node: LexicalNode | null | undefined): node is TitleNode {
  return node instanceof TitleNode
}
