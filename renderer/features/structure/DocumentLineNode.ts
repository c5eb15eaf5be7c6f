/**
 * What the title and subtitle lines share: a plain-text block at the top of the document whose
 * Enter starts the body. Formatting typed into them is not kept: the model holds them as strings
 * (shared/document/lexicalState.ts). The element's class is the node's type (`dd-title`), and each
 * line declares its type with `$config()`, so Lexical derives its getType/clone/importJSON.
 */
import { $createParagraphNode, $getDocument, ElementNode, type ParagraphNode, type RangeSelection } from 'lexical'

export class DocumentLineNode extends ElementNode {
  /** the element the line renders as; the title is an `<h1>` */
  protected tag(): 'h1' | 'p' {
    return 'p'
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement(this.tag())
    dom.className = this.getType()
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  /** Enter starts the body: a paragraph after the line. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode()
    this.insertAfter(paragraph, restoreSelection)
    return paragraph
  }
}
