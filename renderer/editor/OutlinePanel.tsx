import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $isElementNode } from 'lexical'
import { useTranslation } from 'react-i18next'
import type { OutlineEntry } from './plugins/HeadingNumbersPlugin'

/** The live outline: every heading with its derived number; a click puts the caret there. */
export function OutlinePanel({ entries }: { entries: OutlineEntry[] }) {
  const { t } = useTranslation()
  const [editor] = useLexicalComposerContext()
  const jump = (key: string) => {
    editor.update(() => {
      const node = $getNodeByKey(key)
      if ($isElementNode(node)) node.selectStart()
    })
    editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
    editor.focus()
  }
  return (
    <aside className="outline" aria-label={t('outline.heading')}>
      <h2>{t('outline.heading')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('outline.empty')}</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <li key={e.key} className={`outline-l${e.level}`}>
              <button onClick={() => jump(e.key)}>
                <span className="outline-number">{e.number}</span>
                {e.title}
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
