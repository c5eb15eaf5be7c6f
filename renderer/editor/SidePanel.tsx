/**
 * The column beside the page: 大纲 (outline), 素材 (snippets) or, for a team document, 批注
 * (comments), one at a time, chosen by the tabs at its top; the choice is remembered. All stay
 * mounted, so switching keeps where the writer was.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SnippetPanel } from '../features/snippets/SnippetPanel'
import { SHOW_SNIPPETS_EVENT } from '../features/snippets/events'
import { CommentsPanel } from '../features/team/review/CommentsPanel'
import { SHOW_COMMENTS_EVENT } from '../features/team/review/CommentsPlugin'
import { useReview } from '../features/team/review/ReviewContext'

const TAB_KEY = 'draftdesk.sidePanel'
type Tab = 'outline' | 'snippets' | 'comments'

/** Other parts of the app can ask for the snippet tab (features/snippets/events.ts: showSnippets). */
export { SHOW_SNIPPETS_EVENT }

export function SidePanel({ outline, onNotice }: { outline: ReactNode; onNotice(message: string | null): void }) {
  const { t } = useTranslation()
  const team = useReview() !== null
  const [chosen, setTab] = useState<Tab>(() => {
    const saved = localStorage.getItem(TAB_KEY)
    return saved === 'snippets' || saved === 'comments' ? saved : 'outline'
  })
  // 批注 only for a team document (a local one shows the outline in its place)
  const tab: Tab = chosen === 'comments' && !team ? 'outline' : chosen
  useEffect(() => localStorage.setItem(TAB_KEY, chosen), [chosen])
  useEffect(() => {
    const show = () => setTab('snippets')
    const comments = () => setTab('comments')
    window.addEventListener(SHOW_SNIPPETS_EVENT, show)
    window.addEventListener(SHOW_COMMENTS_EVENT, comments)
    return () => {
      window.removeEventListener(SHOW_SNIPPETS_EVENT, show)
      window.removeEventListener(SHOW_COMMENTS_EVENT, comments)
    }
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
        {team && (
          <button role="tab" aria-selected={tab === 'comments'} className={tab === 'comments' ? 'on' : ''} onClick={() => setTab('comments')} data-testid="tab-comments">
            {t('review:tab')}
          </button>
        )}
      </div>
      <div className="side-body" hidden={tab !== 'outline'}>
        {outline}
      </div>
      <div className="side-body" hidden={tab !== 'snippets'}>
        <SnippetPanel onNotice={onNotice} active={tab === 'snippets'} />
      </div>
      {team && (
        <div className="side-body" hidden={tab !== 'comments'}>
          <CommentsPanel onNotice={onNotice} />
        </div>
      )}
    </div>
  )
}
