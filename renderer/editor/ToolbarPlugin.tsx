import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, REDO_COMMAND, UNDO_COMMAND } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import { Children, Fragment, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { setViewSettings, useViewSettings } from '../features/pageview/viewSettings'

/** The toolbar: undo and redo, then each feature's group of buttons (`children`), separated. */
export function ToolbarPlugin({ children }: { children?: ReactNode }) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('editor')
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  )

  const view = useViewSettings()
  return (
    <div className="toolbar" role="toolbar">
      <button
        className={`panel-toggle${view.docListOpen ? ' on' : ''}`}
        aria-pressed={view.docListOpen}
        title={t('docListHint')}
        aria-label={t('docList')}
        data-testid="toggle-doclist"
        onClick={() => setViewSettings((s) => ({ docListOpen: !s.docListOpen }))}
      >
        ☰
      </button>
      <span className="sep" />
      <button onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} disabled={!canUndo} title={`${t('undo')} (Ctrl+Z)`}>↶</button>
      <button onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} disabled={!canRedo} title={`${t('redo')} (Ctrl+Y)`}>↷</button>
      {Children.toArray(children).map((group, i) => (
        <Fragment key={i}>
          <span className="sep" />
          {group}
        </Fragment>
      ))}
      <span className="toolbar-end">
        <button
          className={`panel-toggle${view.sidePanelOpen ? ' on' : ''}`}
          aria-pressed={view.sidePanelOpen}
          title={t('sidePanelHint')}
          data-testid="toggle-sidepanel"
          onClick={() => setViewSettings((s) => ({ sidePanelOpen: !s.sidePanelOpen }))}
        >
          {t('sidePanel')}
        </button>
      </span>
    </div>
  )
}
