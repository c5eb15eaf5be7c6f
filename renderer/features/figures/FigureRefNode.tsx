/**
 * A reference to a figure (`dd-figure`): an inline, non-editable token showing the figure's
 * formatted value ("1000余份", or "〔会议次数〕" while unfilled).
 *
 * Design (see README.md in this folder):
 *   - The node holds the figure's id and the text it currently shows. The text is kept up to date
 *     by the figures plugin inside the same editor update that changes a figure (so a value change
 *     and every reference it repaints are one undo step), and by a node transform for references
 *     created by paste, snippets or import.
 *   - It paints itself: createDOM/updateDOM write the text, decorate() returns null, so no React
 *     portal is mounted per reference (a summary may hold a thousand of them).
 *   - getTextContent() is the shown text: plain-text copies, character counts and selections
 *     read "1000余份" like any other words. The model keeps only `figureId`.
 *   - isKeyboardSelectable() is false: the arrow keys step over a reference like one character,
 *     Backspace/Delete remove it whole, and the caret never sits in a node selection, where
 *     Lexical's IME handling has had bugs.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { copySource } from './clipboard'

/** `shown`/`unfilled`: what it shows (not `text`: readers take a node with `text` for a text node); `source`: the document a clipboard copy came from. */
export type SerializedFigureRefNode = Spread<{ figureId: string; shown?: string; unfilled?: boolean; source?: string }, SerializedLexicalNode>

function paintText(dom: HTMLElement, text: string): void {
  // change the text node's data in place: replacing the node (textContent) costs a removal and an
  // insertion in the editable tree, which adds up over a thousand references
  const first = dom.firstChild
  if (first !== null && first === dom.lastChild && first.nodeType === 3) (first as Text).data = text
  else dom.textContent = text
}

function paintUnfilled(dom: HTMLElement, unfilled: boolean): void {
  if (unfilled) dom.setAttribute('data-unfilled', 'true')
  else dom.removeAttribute('data-unfilled')
}

export class FigureRefNode extends DecoratorNode<null> {
  __figureId: string
  __text: string
  __unfilled: boolean

  static override getType(): string {
    return NODE_TYPES.figure
  }

  static override clone(node: FigureRefNode): FigureRefNode {
    return new FigureRefNode(node.__figureId, node.__text, node.__unfilled, node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedFigureRefNode>): FigureRefNode {
    return $createFigureRefNode('').updateFromJSON(json)
  }

  constructor(figureId: string, text = '', unfilled = true, key?: NodeKey) {
    super(key)
    this.__figureId = figureId
    this.__text = text
    this.__unfilled = unfilled
  }

  getFigureId(): string {
    return this.getLatest().__figureId
  }

  setFigureId(figureId: string): this {
    const self = this.getWritable()
    self.__figureId = figureId
    return self
  }

  /** What the reference shows; unfilled ones are highlighted until filled in. */
  getDisplay(): { text: string; unfilled: boolean } {
    const latest = this.getLatest()
    return { text: latest.__text, unfilled: latest.__unfilled }
  }

  setDisplay(text: string, unfilled: boolean): this {
    const latest = this.getLatest()
    if (latest.__text === text && latest.__unfilled === unfilled) return latest
    const self = this.getWritable()
    self.__text = text
    self.__unfilled = unfilled
    return self
  }

  override updateFromJSON(json: LexicalParseJSON<SerializedFigureRefNode>): this {
    const figureId = typeof json.figureId === 'string' ? json.figureId : ''
    const node = super.updateFromJSON(json).setFigureId(figureId)
    return typeof json.shown === 'string' ? node.setDisplay(json.shown, json.unfilled === true) : node
  }

  override exportJSON(): SerializedFigureRefNode {
    const latest = this.getLatest()
    const json: SerializedFigureRefNode = { ...super.exportJSON(), figureId: latest.__figureId, shown: latest.__text }
    if (latest.__unfilled) json.unfilled = true
    const source = copySource()
    if (source !== null) json.source = source
    return json
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('span')
    dom.className = 'dd-figure'
    dom.setAttribute('data-figure-id', this.__figureId)
    paintText(dom, this.__text)
    paintUnfilled(dom, this.__unfilled)
    return dom
  }

  override updateDOM(prevNode: FigureRefNode, dom: HTMLElement): boolean {
    if (prevNode.__figureId !== this.__figureId) dom.setAttribute('data-figure-id', this.__figureId)
    // a value change touches the text alone (a thousand references: no attribute writes)
    if (prevNode.__text !== this.__text) paintText(dom, this.__text)
    if (prevNode.__unfilled !== this.__unfilled) paintUnfilled(dom, this.__unfilled)
    return false
  }

  /** HTML copies (to Word, to a web form) carry the shown text. */
  override exportDOM(): DOMExportOutput {
    const span = $getDocument().createElement('span')
    span.textContent = this.__text
    return { element: span }
  }

  override isInline(): true {
    return true
  }

  override isKeyboardSelectable(): boolean {
    return false
  }

  override getTextContent(): string {
    return this.getLatest().__text
  }

  override decorate(): null {
    return null
  }
}

export function $createFigureRefNode(figureId: string, text = '', unfilled = true): FigureRefNode {
  return $applyNodeReplacement(new FigureRefNode(figureId, text, unfilled))
}

export function $isFigureRefNode(node: LexicalNode | null | undefined): node is FigureRefNode {
  return node instanceof FigureRefNode
}
