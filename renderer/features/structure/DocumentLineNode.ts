/**
 * What the title and subtitle lines share: a plain-text block at the top of the document whose
 * Enter starts the body. Formatting typed into them is not kept: the model holds them as strings
 * (shared/document/lexicalState.ts).
 */
import { $createParagraphNode, $getDocument, ElementNode, type ParagraphNode, type RangeSelection } from 'lexical'

export abstract class DocumentLineNode extends ElementNode {
  /** the element and class the line renders as */
  protected abstract dom(): { tag: 'h1' | 'p'; className: string }

  override createDOM(): HTMLElement {
    const { tag, className } = this.dom()
    const dom = $getDocument().createElement(tag)
    dom.className = className
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
