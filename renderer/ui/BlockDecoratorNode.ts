/**
 * What the block decorators (the page break, the figure appendix) share: a `<div>` standing
 * between the blocks, its class the node's type (`dd-pagebreak`), which Lexical never updates; the
 * content is the React view each one's `decorate()` returns. Each declares its type with
 * `$config()`, so Lexical derives its getType/clone/importJSON.
 */
import type { JSX } from 'react'
import { $getDocument, DecoratorNode } from 'lexical'

export class BlockDecoratorNode extends DecoratorNode<JSX.Element> {
  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('div')
    dom.className = this.getType()
    return dom
  }

  override updateDOM(): boolean {
    return false
  }

  override isInline(): false {
    return false
  }
}
