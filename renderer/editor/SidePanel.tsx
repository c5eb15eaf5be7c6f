/**
 * The column beside the page: 大纲 (outline) or 素材 (snippets), one at a time, chosen by the tabs
 * at its top; the choice is remembered. Both stay mounted, so switching keeps where the writer was.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SnippetPanel } from '../features/snippets/SnippetPanel'
import { SHOW_SNIPPETS_EVENT } from '../features/snippets/events'

const TAB_KEY = 'draftdesk.sidePanel'
type Tab = 'outline' | 'snippets'

/** Other parts of the app can ask for the snippet tab (features/snippets/events.ts: showSnippets). */
export { SHOW_SNIPPETS_EVENT }

export function SidePanel({ outline, onNotice }: { outline: ReactNode; onNotice(message: string | null): void }) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>(() => (localStorage.getItem(TAB_KEY) === 'snippets' ? 'snippets' : 'outline'))
  useEffect(() => localStorage.setItem(TAB_KEY, tab), [tab])
  useEffect(() => {
    const show = () => setTab('snippets')
    window.addEventListener(SHOW_SNIPPETS_EVENT, show)
    return () => window.removeEventListener(SHOW_SNIPPETS_EVENT, show)
  }, [])
  return (
    <div className="side-panel" data-tab={tab}>
      <div className="side-tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'outline'} className={tab === 'outline' ? 'on' : ''} onClick={() => setTab('outline')} data-testid="tab-outline">
          {t('outline:heading')}
        </button>
        <button role="tab" aria-selected={tab === 'snippets'} className={tab === 'snippets' ? 'on' : ''} onClick={() => setTab('snippets')} data-testid="tab-snippets">
          {t('snippets:tab')}
        </button>
      </div>
      <div className="side-body" hidden={tab !== 'outline'}>
        {outline}
      </div>
      <div className="side-body" hidden={tab !== 'snippets'}>
        <SnippetPanel onNotice={onNotice} active={tab === 'snippets'} />
      </div>
    </div>
  )
}
