/**
 * A section heading (`dd-heading`), levels 1–4 (一、 / （一） / 1. / （1）). Its children are the
 * title's inlines, followed for a run-in heading by one RunInBodyNode holding the body text.
 *
 * Renders `<div role="heading" aria-level="L" class="dd-heading dd-heading-L">`. The heading's
 * number is derived, never stored: a numbering plugin writes it into the DOM as `data-number`.
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type SerializedPartial,
  type Spread,
} from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import type { HeadingLevel } from '../../../shared/document/model'

export type SerializedSectionHeadingNode = Spread<{ level: HeadingLevel }, SerializedElementNode>

/** Untrusted JSON: anything but 2, 3 or 4 is a level-1 heading. */
function toLevel(value: unknown): HeadingLevel {
  return value === 2 || value === 3 || value === 4 ? value : 1
}

function applyLevel(dom: HTMLElement, level: HeadingLevel): void {
  dom.setAttribute('aria-level', String(level))
  dom.classList.remove('dd-heading-1', 'dd-heading-2', 'dd-heading-3', 'dd-heading-4')
  dom.classList.add(`dd-heading-${level}`)
}

export class SectionHeadingNode extends ElementNode {
  __level: HeadingLevel

  static override getType(): string {
    return NODE_TYPES.heading
  }

  static override clone(node: SectionHeadingNode): SectionHeadingNode {
    return new SectionHeadingNode(node.__level, node.__key)
  }

  static override importJSON(json: SerializedPartial<SerializedSectionHeadingNode>): SectionHeadingNode {
    return $createSectionHeadingNode().updateFromJSON(json)
  }

  constructor(level: HeadingLevel = 1, key?: NodeKey) {
    super(key)
    this.__level = level
  }

  getLevel(): HeadingLevel {
    return this.getLatest().__level
  }

  setLevel(level: HeadingLevel): this {
    const self = this.getWritable()
    self.__level = level
    return self
  }

  override updateFromJSON(json: LexicalParseJSON<SerializedSectionHeadingNode>): this {
    return super.updateFromJSON(json).setLevel(toLevel(json.level))
  }

  override exportJSON(compact?: false): SerializedSectionHeadingNode
  override exportJSON(compact: boolean): SerializedPartial<SerializedSectionHeadingNode>
  override exportJSON(compact = false): SerializedPartial<SerializedSectionHeadingNode> {
    return { ...super.exportJSON(compact), level: this.getLevel() }
  }

  override createDOM(): HTMLElement {
    const dom = $getDocument().createElement('div')
    dom.setAttribute('role', 'heading')
    dom.className = 'dd-heading'
    applyLevel(dom, this.__level)
    return dom
  }

  override updateDOM(prevNode: SectionHeadingNode, dom: HTMLElement): boolean {
    // Update in place rather than recreate, so the data-number another plugin set survives.
    if (prevNode.__level !== this.__level) applyLevel(dom, this.__level)
    return false
  }

  /** Enter in a heading continues with body text: a paragraph after the heading. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode()
    this.insertAfter(paragraph, restoreSelection)
    return paragraph
  }
}

export function $createSectionHeadingNode(level: HeadingLevel = 1): SectionHeadingNode {
  return $applyNodeReplacement(new SectionHeadingNode(level))
}

export function $isSectionHeadingNode(node: LexicalNode | null | undefined): node is SectionHeadingNode {
  return node instanceof SectionHeadingNode
}
