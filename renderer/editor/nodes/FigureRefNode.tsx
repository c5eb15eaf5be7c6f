/**
 * A reference to a figure (`dd-figure`): an inline decorator holding only the figure's id. What
 * it shows comes from FigureDisplayContext, so editing a figure's value updates every reference.
 *
 * getTextContent() returns '': the display text is not in the editor state, and a placeholder
 * would leak into character counts and plain-text copies. Anything that needs a document's text
 * with its figures reads the model (shared/document/text.ts), not the editor.
 */
import { type JSX, useContext } from 'react'
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { FigureDisplayContext } from './FigureDisplayContext'

export type SerializedFigureRefNode = Spread<{ figureId: string }, SerializedLexicalNode>

function FigureRefView({ figureId }: { figureId: string }): JSX.Element {
  const { text, unfilled } = useContext(FigureDisplayContext)(figureId)
  return <span className={unfilled ? 'dd-figure-text dd-figure-unfilled' : 'dd-figure-text'}>{text}</span>
}

export class FigureRefNode extends DecoratorNode<JSX.Element> {
  __figureId: string

  static override getType(): string {
    return NODE_TYPES.figure
  }

  static override clone(node: FigureRefNode): FigureRefNode {
    return new FigureRefNode(node.__figureId, node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedFigureRefNode>): FigureRefNode {
    return $createFigureRefNode('').updateFromJSON(json)
  }

  constructor(figureId: string, key?: NodeKey) {
    super(key)
    this.__figureId = figureId
  }

  getFigureId(): string {
    return this.getLatest().__figureId
  }

  setFigureId(figureId: string): this {
    const self = this.getWritable()
    self.__figureId = figureId
    return self
  }

  override updateFromJSON(json: LexicalParseJSON<SerializedFigureRefNode>): this {
    const figureId = typeof json.figureId === 'string' ? json.figureId : ''
    return super.updateFromJSON(json).setFigureId(figureId)
  }

  override exportJSON(): SerializedFigureRefNode {
    return { ...super.exportJSON(), figureId: this.getFigureId() }
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('span')
    dom.className = 'dd-figure'
    dom.setAttribute('data-figure-id', this.__figureId)
    return dom
  }

  override updateDOM(prevNode: FigureRefNode, dom: HTMLElement): boolean {
    if (prevNode.__figureId !== this.__figureId) dom.setAttribute('data-figure-id', this.__figureId)
    return false
  }

  override isInline(): true {
    return true
  }

  /** '' on purpose: see the file comment. */
  override getTextContent(): string {
    return ''
  }

  override decorate(): JSX.Element {
    return <FigureRefView figureId={this.__figureId} />
  }
}

export function $createFigureRefNode(figureId: string): FigureRefNode {
  return $applyNodeReplacement(new FigureRefNode(figureId))
}

export function $isFigureRefNode(node: LexicalNode | null | undefined): node is FigureRefNode {
  return node instanceof FigureRefNode
}
