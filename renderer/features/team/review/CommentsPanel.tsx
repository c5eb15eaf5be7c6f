/**
 * The 批注 panel beside the page (a tab of the side column, team documents only): the threads of
 * the open document, oldest first, each with the words it is about, its replies, 回复, 解决 /
 * 重新打开; a click on a thread selects its words in the text. 批注 (or Ctrl+Alt+M) starts a
 * comment on the selected words. 只读 members read them.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addThread, canComment, deleteThread, mayDeleteThread, reply, setResolved, type Thread } from '../../../../shared/team/comments'
import { errorMessage } from '../../../app/errors'
import { displayDateTime } from '../../../../shared/i18n/dates'
import { toLang } from '../../../../shared/i18n/format'
import { $threadRange } from './lexicalAnchors'
import { selectThread, startComment } from './CommentsPlugin'
import { useReview } from './ReviewContext'
import './comments.css'


export function CommentsPanel({ onNotice }: { onNotice(message: string | null): void }) {
  const { t } = useTranslation('review')
  const [editor] = useLexicalComposerContext()
  const review = useReview()
  const [text, setText] = useState('')
  const [showResolved, setShowResolved] = useState(false)
  // which threads' words are gone, recomputed as the text changes
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set())
  const threads = review?.threads
  const content = review?.session.doc
  useEffect(() => {
    if (!threads || !content) return
    const check = () =>
      setGone((prev) => {
        const next = new Set(editor.getEditorState().read(() => threads.filter((th) => !$threadRange(content, th.anchor, th.quote)).map((th) => th.id)))
        return next.size === prev.size && [...next].every((id) => prev.has(id)) ? prev : next
      })
    check()
    return editor.registerUpdateListener(check)
  }, [editor, threads, content])
  // the thread looked at (clicked in the text) comes into view
  const active = review?.active ?? null
  useEffect(() => {
    if (active) document.querySelector(`.comments [data-thread-id="${CSS.escape(active)}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [active])
  const shown = useMemo(() => (threads ?? []).filter((th) => showResolved || !th.resolved || th.id === review?.active), [threads, showResolved, review?.active])

  if (!review) return <div className="comments"><p className="comments-note">{t('notTeam')}</p></div>
  const { doc, me, draft, setDraft, setActive, state } = review
  const writable = canComment(me.role)
  const act = (f: () => void) => {
    try {
      f()
    } catch (err) {
      onNotice(t('failed', { message: errorMessage(err) }))
    }
  }

  const start = () => {
    setText('')
    startComment(editor, review, onNotice)
  }
  const post = () => {
    if (!draft || !text.trim()) return
    act(() => {
      const id = addThread(doc, draft.anchor, draft.quote, me.name, text)
      setDraft(null)
      setText('')
      setActive(id)
    })
  }

  return (
    <section className="comments" aria-label={t('heading')} data-testid="comments-panel">
      <div className="comments-head">
        <h2>{t('heading')}</h2>
        {state !== 'synced' && <span className="comments-state">{state === 'offline' ? t('offline') : t('connecting')}</span>}
        {writable && (
          <button onMouseDown={(e) => e.preventDefault()} onClick={start} title={t('addTitle')} data-testid="comment-add">
            {t('add')}
          </button>
        )}
      </div>
      {!writable && <p className="comments-note">{t('readOnly')}</p>}
      {draft && (
        <div className="comment-form" data-testid="comment-draft">
          <div className="comment-quote">{t('quoteOf', { quote: draft.quote })}</div>
          <textarea
            autoFocus
            value={text}
            placeholder={t('placeholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) post()
            }}
            data-testid="comment-input"
          />
          <div className="row">
            <button onClick={() => setDraft(null)}>{t('common:cancel')}</button>
            <button className="primary" disabled={!text.trim()} onClick={post} data-testid="comment-post">
              {t('post')}
            </button>
          </div>
        </div>
      )}
      <label className="comments-filter">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} data-testid="comments-show-resolved" />
        {t('showResolved')}
      </label>
      {shown.length === 0 && !draft && <p className="comments-note">{t('empty')}</p>}
      {shown.map((thread) => (
        <ThreadView
          key={thread.id}
          thread={thread}
          gone={gone.has(thread.id)}
          active={thread.id === active}
          writable={writable}
          mayDelete={mayDeleteThread(me, thread)}
          onSelect={() => {
            setActive(thread.id)
            selectThread(editor, review.session.doc, thread)
          }}
          onReply={(body) => act(() => void reply(doc, thread.id, me.name, body))}
          onResolve={(resolved) => act(() => void setResolved(doc, thread.id, resolved, me.name))}
          onDelete={() => act(() => deleteThread(doc, thread.id))}
        />
      ))}
    </section>
  )
}

interface ThreadProps {
  thread: Thread
  gone: boolean
  active: boolean
  writable: boolean
  mayDelete: boolean
  onSelect(): void
  onReply(text: string): void
  onResolve(resolved: boolean): void
  onDelete(): void
}

function ThreadView({ thread, gone, active, writable, mayDelete, onSelect, onReply, onResolve, onDelete }: ThreadProps) {
  const { t, i18n } = useTranslation('review')
  // 2025年12月31日 14:05 whatever the browser's locale, as every other time the app shows
  const lang = toLang(i18n.language)
  const [replying, setReplying] = useState(false)
  const [text, setText] = useState('')
  const [confirming, setConfirming] = useState(false)
  const send = () => {
    if (!text.trim()) return
    onReply(text)
    setText('')
    setReplying(false)
  }
  return (
    <article
      className={`comment-thread${active ? ' active' : ''}${thread.resolved ? ' resolved' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button, textarea')) onSelect()
      }}
    >
      <div className={`comment-quote${gone ? ' gone' : ''}`} title={gone ? t('quoteGone') : thread.quote} data-testid="thread-quote">
        {thread.quote}
      </div>
      {gone && <div className="comment-meta">{t('quoteGone')}</div>}
      {thread.comments.map((c) => (
        <div className="comment" key={c.id} data-testid="comment">
          <div className="comment-meta">
            <b>{c.author}</b> <span data-testid="comment-time">{displayDateTime(c.at, lang)}</span>
          </div>
          <div className="comment-text">{c.text}</div>
        </div>
      ))}
      {thread.resolved && thread.resolvedBy && <div className="comment-resolved-by">{t('resolvedBy', { name: thread.resolvedBy })}</div>}
      {writable && replying && (
        <div className="comment-form">
          <textarea
            autoFocus
            value={text}
            placeholder={t('replyPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send()
            }}
            data-testid="reply-input"
          />
          <div className="row">
            <button onClick={() => setReplying(false)}>{t('common:cancel')}</button>
            <button className="primary" disabled={!text.trim()} onClick={send} data-testid="reply-post">
              {t('reply')}
            </button>
          </div>
        </div>
      )}
      {writable && !replying && (
        <div className="comment-actions">
          <button onClick={() => setReplying(true)} data-testid="thread-reply">
            {t('reply')}
          </button>
          {thread.resolved ? (
            <button onClick={() => onResolve(false)} data-testid="thread-reopen">
              {t('reopen')}
            </button>
          ) : (
            <button onClick={() => onResolve(true)} data-testid="thread-resolve">
              {t('resolve')}
            </button>
          )}
          {mayDelete &&
            (confirming ? (
              <>
                <span className="comment-meta">{t('deleteAsk')}</span>
                <button onClick={onDelete} data-testid="thread-delete-confirm">
                  {t('deleteThread')}
                </button>
                <button onClick={() => setConfirming(false)}>{t('common:cancel')}</button>
              </>
            ) : (
              <button onClick={() => setConfirming(true)} data-testid="thread-delete">
                {t('deleteThread')}
              </button>
            ))}
        </div>
      )}
    </article>
  )
}
