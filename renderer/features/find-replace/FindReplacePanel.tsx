/**
 * The find bar: a strip above the page (like Word's and VS Code's), with the replace row under
 * it when asked for. Presentational: its state is ./bar.ts, held by FindReplacePlugin, which does
 * the searching and replacing; typing and the toggles dispatch to that state directly.
 *
 * Keys: Enter / Shift+Enter next / previous match (not while an IME is composing), Enter in the
 * replace field replaces the current match, Ctrl+Enter there replaces all, Tab moves between the
 * two fields, Esc closes.
 */
import { useEffect, useRef, type ComponentProps, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { MATCH_LIMIT, type FindOptions } from './matching'
import type { FindBar, FindBarAction } from './bar'
import { FIND_TIMEOUT_MS } from './matcher'
import './find-replace.css'

export type FindStatus =
  | { kind: 'empty' }
  | { kind: 'error'; reason: 'invalid' | 'nested-quantifier' | 'timeout'; detail?: string }
  | { kind: 'ok'; total: number; current: number; capped: boolean; timedOut: boolean }

export interface FindReplacePanelProps {
  /** what the bar shows and what was typed (./bar.ts) */
  bar: FindBar
  status: FindStatus
  /** typing and the toggles change the bar's state directly */
  dispatch(action: FindBarAction): void
  onNext(): void
  onPrevious(): void
  onReplace(): void
  onReplaceAll(): void
  onClose(): void
}

const composing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229

export function FindReplacePanel(props: FindReplacePanelProps) {
  const { t } = useTranslation('find-replace')
  const findInput = useRef<HTMLInputElement>(null)
  const replaceInput = useRef<HTMLInputElement>(null)
  const { status, dispatch } = props
  const { options, showReplace, focusRequest, findText, replaceText, replaced } = props.bar

  useEffect(() => {
    const input = focusRequest.field === 'replace' ? replaceInput.current : findInput.current
    input?.focus()
    input?.select()
  }, [focusRequest])

  const onBarKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !composing(e)) {
      e.preventDefault()
      e.stopPropagation()
      props.onClose()
    }
  }
  const onFindKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing(e)) return
    if (e.key === 'Enter') {
      e.preventDefault()
      if (e.shiftKey) props.onPrevious()
      else props.onNext()
    } else if (e.key === 'Tab' && !e.shiftKey && showReplace) {
      e.preventDefault()
      replaceInput.current?.focus()
      replaceInput.current?.select()
    }
  }
  const onReplaceKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing(e)) return
    if (e.key === 'Enter') {
      e.preventDefault()
      if (e.ctrlKey || e.metaKey) props.onReplaceAll()
      else props.onReplace()
    } else if (e.key === 'Tab' && e.shiftKey) {
      e.preventDefault()
      findInput.current?.focus()
      findInput.current?.select()
    }
  }

  let count: string | null = null
  let message: string | null = null
  let detail: string | undefined
  let tone: 'muted' | 'error' = 'muted'
  if (status.kind === 'error') {
    message = status.reason === 'invalid' ? t('invalidRegex') : status.reason === 'timeout' ? t('stopped', { seconds: FIND_TIMEOUT_MS / 1000 }) : t('slowRegex')
    detail = status.detail
    tone = 'error'
  } else if (status.kind === 'ok') {
    if (status.total === 0) message = t('noResults')
    else count = `${status.current + 1}/${status.capped ? `${MATCH_LIMIT}+` : status.total}`
    if (status.timedOut) {
      message = t('timedOut')
      tone = 'error'
    }
  }
  if (replaced !== null && status.kind !== 'error') {
    message = t('replaced', { count: replaced })
    tone = 'muted'
  }
  const hasMatches = status.kind === 'ok' && status.total > 0
  /** the find and replace fields: labelled by their placeholder, no spell-check squiggles */
  const field = (ref: RefObject<HTMLInputElement | null>, label: string, value: string, handlers: ComponentProps<'input'>) => (
    <input ref={ref} className="find-input" type="text" aria-label={label} placeholder={label} value={value} spellCheck={false} {...handlers} />
  )
  const toggle = (name: keyof FindOptions, glyph: string, label: string) => (
    <button
      type="button"
      className={`find-toggle${options[name] ? ' on' : ''}`}
      aria-pressed={options[name]}
      aria-label={label}
      title={label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => dispatch({ type: 'toggleOption', name })}
    >
      {glyph}
    </button>
  )

  return (
    <div className="find-bar" role="search" aria-label={t('bar')} data-testid="find-bar" onKeyDown={onBarKey}>
      <button
        type="button"
        className="find-expand"
        aria-expanded={showReplace}
        aria-label={t('toggleReplace')}
        title={`${t('toggleReplace')} (Ctrl+H)`}
        onClick={() => dispatch({ type: 'toggleReplace' })}
      >
        {showReplace ? '▾' : '▸'}
      </button>
      <div className="find-rows">
        <div className="find-row">
          {field(findInput, t('find'), findText, {
            'aria-invalid': status.kind === 'error',
            onChange: (e) => dispatch({ type: 'findText', value: e.target.value, composing: (e.nativeEvent as InputEvent).isComposing === true }),
            onCompositionEnd: (e) => dispatch({ type: 'findText', value: e.currentTarget.value, composing: false }),
            onKeyDown: onFindKey,
          })}
          {toggle('matchCase', 'Aa', t('matchCase'))}
          {toggle('wholeWord', 'ab|', t('wholeWord'))}
          {toggle('regex', '.*', t('regex'))}
          <span className={`find-status ${tone}`} data-testid="find-status" role="status" title={detail}>
            {count !== null && <span className="find-count" data-testid="find-count">{count}</span>}
            {message !== null && <span className="find-message" data-testid="find-message">{message}</span>}
          </span>
          <button type="button" aria-label={t('previous')} title={`${t('previous')} (Shift+Enter)`} disabled={!hasMatches} onClick={props.onPrevious}>
            ↑
          </button>
          <button type="button" aria-label={t('next')} title={`${t('next')} (Enter)`} disabled={!hasMatches} onClick={props.onNext}>
            ↓
          </button>
          <button type="button" className="find-close" aria-label={t('close')} title={`${t('close')} (Esc)`} onClick={props.onClose}>
            ×
          </button>
        </div>
        {showReplace && (
          <div className="find-row">
            {field(replaceInput, t('replaceWith'), replaceText, { onChange: (e) => dispatch({ type: 'replaceText', value: e.target.value }), onKeyDown: onReplaceKey })}
            <button type="button" title={`${t('replace')} (Enter)`} disabled={!hasMatches} onClick={props.onReplace}>
              {t('replace')}
            </button>
            <button type="button" title={`${t('replaceAll')} (Ctrl+Enter)`} disabled={!hasMatches} onClick={props.onReplaceAll}>
              {t('replaceAll')}
            </button>
          </div>
        )}
      </div>
    </div>
  )
}
