import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { HISTORY_PUSH_TAG } from 'lexical'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Modal } from '../../ui/Modal'
import { LEVEL1_MARKERS, LEVEL2_MARKERS, LEVEL3_MARKERS, LEVEL4_MARKERS, type NumberingStyle } from '../../../shared/document/model'
import { $getNumberingStyle, $setNumberingStyle } from './numberingState'

const CHOICES = { level1: LEVEL1_MARKERS, level2: LEVEL2_MARKERS, level3: LEVEL3_MARKERS, level4: LEVEL4_MARKERS } as const
type Level = keyof typeof CHOICES

/**
 * 序号样式: how the numbers of levels 1–4 look (GB/T 9704's 一、 （一） 1. （1）, or the variants writers
 * type: 第一章/第一部分, (一)/第一节, 1、, 1．, (1), ⑴, 1)). Each choice is one editor update (one Ctrl+Z); the numbers change at once.
 */
export function NumberingStyleDialog({ onClose }: { onClose(): void }) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('structure')
  const [style, setStyle] = useState<NumberingStyle | undefined>(() => editor.getEditorState().read($getNumberingStyle))
  // follows undo and a co-writer's change while open
  useEffect(() => editor.registerUpdateListener(({ editorState }) => setStyle(editorState.read($getNumberingStyle))), [editor])

  const choose = (level: Level, value: string) => {
    editor.update(() => $setNumberingStyle({ ...$getNumberingStyle(), [level]: value }), { tag: HISTORY_PUSH_TAG })
  }

  return (
    <Modal label={t('numberingStyle')} onClose={onClose} testId="numbering-style-dialog">
        <h2>{t('numberingStyle')}</h2>
        <p className="muted">{t('numberingStyleHint')}</p>
        {(Object.keys(CHOICES) as Level[]).map((level) => (
          <label key={level} className="row">
            <span>{t(`headingLevel.${level.slice(-1) as '1' | '2' | '3' | '4'}`)}</span>
            <select value={style?.[level] ?? CHOICES[level][0]} onChange={(e) => choose(level, e.target.value)} data-testid={`numbering-${level}`}>
              {CHOICES[level].map((v, i) => (
                <option key={v} value={v}>{i === 0 ? t('numberingStandard', { marker: v }) : v}</option>
              ))}
            </select>
          </label>
        ))}
        <div className="row end">
          <button className="primary" onClick={onClose} autoFocus data-testid="numbering-done">{t('numberingDone')}</button>
        </div>
    </Modal>
  )
}
