/**
 * A page break (`dd-pagebreak`): a block decorator shown as a dashed line labelled 分页符.
 * Exports start a new page there. The label follows the UI language: decorators render through
 * React portals, inside the app's tree, so the view reads its words with useTranslation.
 */
import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { $applyNodeReplacement, type LexicalNode, type SerializedLexicalNode } from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'
import { BlockDecoratorNode } from '../../ui/BlockDecoratorNode'

export type SerializedPageBreakNode = SerializedLexicalNode

function PageBreakView(): JSX.Element {
  const { t } = useTranslation('structure')
  return (
    <div className="dd-pagebreak-line" role="separator" aria-label={t('pageBreakLabel')} style={{ borderTop: '1px dashed currentColor', textAlign: 'center', opacity: 0.6 }}>
      <span className="dd-pagebreak-label">{t('pageBreakLabel')}</span>
    </div>
  )
}

export class PageBreakNode extends BlockDecoratorNode {
  override $config() {
    return this.config(NODE_TYPES.pageBreak, { extends: BlockDecoratorNode })
  }

  override decorate(): JSX.Element {
    return <PageBreakView />
  }
}

export function $createPageBreakNode(): PageBreakNode {
  return $applyNodeReplacement(new PageBreakNode())
}

export function $isPageBreakNode(node: LexicalNode | null | undefined): node is PageBreakNode {
  return node instanceof PageBreakNode
}
