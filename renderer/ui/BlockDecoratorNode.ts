/**
 * What the block decorators (the page break, the figure appendix) share: a `<div>` of their own
 * class standing between the blocks, which Lexical never updates; the content is the React view
 * each one's `decorate()` returns.
 */
import type { JSX } from 'react'
import { $getDocument, DecoratorNode } from 'lexical'

export abstract class BlockDecoratorNode extends DecoratorNode<JSX.Element> {
  /** the class of the node's own element */
  protected abstract domClass(): string

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('div')
    dom.className = this.domClass()
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  override isInline(): false {
    return false
  }
}
