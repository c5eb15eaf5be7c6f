/** The figure buttons of the toolbar: 数据表, 设为数据, 查找数字, 插入附表. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $insertNodes, $isRangeSelection, HISTORY_PUSH_TAG } from 'lexical'
import { useTranslation } from 'react-i18next'
import { $createFigureTableNode } from './FigureTableNode'
import { useFigureUi } from './FiguresProvider'

export function FigureToolbar() {
  const { t } = useTranslation('figures')
  const [editor] = useLexicalComposerContext()
  const ui = useFigureUi()
  return (
    <>
      <button
        className={ui.panelOpen ? 'on' : ''}
        aria-pressed={ui.panelOpen}
        onClick={() => ui.setPanelOpen((o) => !o)}
        title={t('toolbar.panelHint')}
        data-testid="figure-panel-toggle"
      >
        {t('toolbar.panel')}
      </button>
      <button onMouseDown={(e) => e.preventDefault()} onClick={() => ui.openDialog({ kind: 'make' })} title={t('toolbar.makeHint')} data-testid="make-figure">
        {t('toolbar.make')}
      </button>
      <button onMouseDown={(e) => e.preventDefault()} onClick={() => ui.openDialog({ kind: 'scan' })} title={t('toolbar.scanHint')} data-testid="scan-numbers">
        {t('toolbar.scan')}
      </button>
      <button
        onMouseDown={(e) => e.preventDefault()}
        onClick={() =>
          editor.update(
            () => {
              const selection = $getSelection()
              if ($isRangeSelection(selection)) $insertNodes([$createFigureTableNode()])
            },
            { tag: HISTORY_PUSH_TAG },
          )
        }
        title={t('toolbar.appendixHint')}
        data-testid="insert-appendix"
      >
        {t('toolbar.appendix')}
      </button>
    </>
  )
}
