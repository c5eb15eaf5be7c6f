/**
 * 素材 panel beside the page: search as you type (matches highlighted), a category filter, the
 * results ranked by the library, a preview of the chosen one. Enter or a double-click inserts it at
 * the caret; a row can also be dragged into the text. ↑/↓ move through the results from the
 * search box.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bodyToText, type Snippet } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { useFigureStore } from '../figures/FigureStore'
import { SHOW_SNIPPETS_EVENT, snippetsChanged, useSnippetsVersion } from './events'
import { insertSnippetBody, SNIPPET_DRAG_TYPE } from './insert'
import { SnippetLibraryMenu } from './SnippetLibraryMenu'
import { Highlighted, SnippetBodyView, SnippetExcerpt } from './SnippetText'
import { SnippetEditDialog } from './SnippetEditDialog'
import { categoryName, categoryTree, useCategories, useSnippetSearch } from './useSnippets'
import './snippets.css'
import { TeamSnippetActions, TeamSnippetBadge, TeamSnippetsConnection } from '../team/TeamSnippetParts'
import { displayDate } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'

const CATEGORY_KEY = 'draftdesk.snippets.category'
/** Results shown for a query: more than a writer scans; a narrower query finds the rest. */
const PAGE = 40

export function SnippetPanel({ onNotice, active }: { onNotice(message: string | null): void; active: boolean }) {
  const { t, i18n } = useTranslation('snippets')
  const api = useApi()
  const [editor] = useLexicalComposerContext()
  const figures = useFigureStore()
  const figuresRef = useRef(figures)
  figuresRef.current = figures
  const version = useSnippetsVersion()
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const composing = useRef(false)
  const [categoryId, setCategoryId] = useState<number | null>(() => {
    const saved = Number(localStorage.getItem(CATEGORY_KEY))
    return Number.isInteger(saved) && saved > 0 ? saved : null
  })
  const { categories, reload } = useCategories()
  const search = useSnippetSearch(query, categoryId, PAGE, active, version)
  const hits = useMemo(() => search.result?.hits ?? [], [search.result])
  // the writer's choice; while it is not among the results, the first result is the chosen one
  // (worked out here, not set by an effect: that cost a second render of every row per keystroke)
  const [chosenId, setSelectedId] = useState<number | null>(null)
  const selectedId = hits.some((h) => h.id === chosenId) ? chosenId : (hits[0]?.id ?? null)
  const [editing, setEditing] = useState<Snippet | 'new' | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => reload(), [version, reload])
  // 插入素材 (the context menu): the keyboard to the search box once the tab shows
  useEffect(() => {
    const onShow = (e: Event) => {
      if ((e as CustomEvent<{ focus?: boolean }>).detail?.focus) requestAnimationFrame(() => inputRef.current?.focus())
    }
    window.addEventListener(SHOW_SNIPPETS_EVENT, onShow)
    return () => window.removeEventListener(SHOW_SNIPPETS_EVENT, onShow)
  }, [])
  // a category that no longer exists (deleted elsewhere) stops filtering
  useEffect(() => {
    if (categoryId !== null && categories.length > 0 && !categories.some((c) => c.id === categoryId)) setCategoryId(null)
  }, [categories, categoryId])
  useEffect(() => {
    if (categoryId === null) localStorage.removeItem(CATEGORY_KEY)
    else localStorage.setItem(CATEGORY_KEY, String(categoryId))
  }, [categoryId])
  // the chosen row is kept in view when the writer moves through the list (not when results
  // arrive: the first row is in view then, and asking would force a layout in that frame)
  useEffect(() => {
    if (chosenId === null) return
    listRef.current?.querySelector('.snippet-row.selected')?.scrollIntoView({ block: 'nearest' })
  }, [chosenId])

  const selected = hits.find((h) => h.id === selectedId) ?? null

  const insert = useCallback((snippet: Snippet) => {
    try {
      insertSnippetBody(editor, snippet.body, figuresRef.current)
      editor.focus()
      void api.call('snippets.use', { id: snippet.id }).then(() => snippetsChanged(), () => {})
    } catch (err) {
      onNotice(t('errors.generic', { message: errorMessage(err) }))
    }
  }, [api, editor, onNotice, t])

  const move = (delta: number) => {
    if (hits.length === 0) return
    const at = hits.findIndex((h) => h.id === selectedId)
    const next = Math.max(0, Math.min(hits.length - 1, (at < 0 ? -1 : at) + delta))
    setSelectedId(hits[next]!.id)
  }

  const remove = async (snippet: Snippet) => {
    if (!window.confirm(t('deleteConfirm', { title: snippet.title }))) return
    try {
      await api.call('snippets.delete', { ids: [snippet.id] })
      snippetsChanged()
      onNotice(t('deleted', { title: snippet.title }))
    } catch (err) {
      onNotice(t('errors.generic', { message: errorMessage(err) }))
    }
  }

  const tree = categoryTree(categories)
  const total = search.result?.total ?? 0

  return (
    <section className="snippet-panel" aria-label={t('panel')} data-testid="snippet-panel">
      <TeamSnippetsConnection />
      <div className="snippet-search">
        <input
          ref={inputRef}
          type="search"
          value={input}
          placeholder={t('searchPlaceholder')}
          aria-label={t('search')}
          data-testid="snippet-search"
          onChange={(e) => {
            setInput(e.target.value)
            // pinyin being composed is not a query: wait for the characters
            if (!composing.current) setQuery(e.target.value)
          }}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={(e) => {
            composing.current = false
            setInput(e.currentTarget.value)
            setQuery(e.currentTarget.value)
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing || composing.current) return
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault()
              move(e.key === 'ArrowDown' ? 1 : -1)
            } else if (e.key === 'Enter' && selected) {
              e.preventDefault()
              insert(selected)
            } else if (e.key === 'Escape' && input) {
              e.preventDefault()
              setInput('')
              setQuery('')
            }
          }}
        />
        <SnippetLibraryMenu onNew={() => setEditing('new')} onNotice={onNotice} categoryId={categoryId} />
      </div>
      <div className="snippet-filter">
        <select
          aria-label={t('category')}
          data-testid="snippet-category"
          value={categoryId ?? ''}
          onChange={(e) => setCategoryId(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t('allCategories')}</option>
          {tree.map(({ category, depth }) => (
            <option key={category.id} value={category.id}>
              {'\u3000'.repeat(depth)}
              {category.name}
            </option>
          ))}
        </select>
        <span className="snippet-count" data-testid="snippet-count">
          {search.result ? (search.result.more ? t('countMore', { count: total }) : t('count', { count: total })) : ''}
        </span>
      </div>
      {search.error && <p className="error snippet-error">{search.error}</p>}
      <ul className="snippet-results" ref={listRef} role="listbox" aria-label={t('results')} data-query={search.query} data-testid="snippet-results">
        {search.result && hits.length === 0 && <li className="muted snippet-empty">{query.trim() ? t('noResults', { query }) : t('empty')}</li>}
        {hits.map((h) => (
          <SnippetRow
            key={h.id}
            hit={h}
            selected={h.id === selectedId}
            terms={search.terms}
            chip={h.team ? (categoryId === null ? h.team.category : '') : h.categoryId !== null && categoryId === null ? categoryName(categories, h.categoryId) : ''}
            onSelect={setSelectedId}
            onInsert={insert}
          />
        ))}
      </ul>
      {selected && (
        <div className="snippet-preview" data-testid="snippet-preview">
          <div className="snippet-preview-head">
            <strong>
              <Highlighted text={selected.title} terms={search.terms} />
            </strong>
            <span className="muted">
              {[categoryName(categories, selected.categoryId), ...selected.tags.map((tag) => `#${tag}`)].filter(Boolean).join('  ')}
            </span>
          </div>
          <SnippetBodyView body={selected.body} terms={search.terms} className="snippet-body snippet-preview-body" />
          <div className="snippet-preview-meta muted">
            {selected.useCount > 0 ? t('used', { count: selected.useCount, date: displayDate(selected.lastUsedAt ?? 0, toLang(i18n.language)) }) : t('neverUsed')}
            {selected.source?.title ? ` · ${t('from', { title: selected.source.title })}` : ''}
          </div>
          <div className="snippet-preview-actions">
            <button className="primary" onClick={() => insert(selected)} data-testid="snippet-insert" title={t('insertHint')}>
              {t('insert')}
            </button>
            {!selected.team && <button onClick={() => setEditing(selected)}>{t('edit')}</button>}
            {!selected.team && <button onClick={() => void remove(selected)}>{t('delete')}</button>}
            <TeamSnippetActions snippet={selected} categories={categories} onNotice={onNotice} />
          </div>
        </div>
      )}
      {editing && (
        <SnippetEditDialog
          snippet={editing === 'new' ? null : editing}
          categories={categories}
          defaultCategoryId={categoryId}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null)
            snippetsChanged()
            setSelectedId(s.id)
            onNotice(t('saved', { title: s.title }))
          }}
        />
      )}
    </section>
  )
}

interface RowProps {
  hit: Snippet
  selected: boolean
  terms: readonly string[]
  /** the category's name, when the list is not filtered by one */
  chip: string
  onSelect(id: number): void
  onInsert(snippet: Snippet): void
}

/**
 * One result. Memoized: a keystroke in the search box, a choice in the list or a change in the
 * document re-renders only the rows whose result or selection changed.
 */
const SnippetRow = memo(function SnippetRow({ hit: h, selected, terms, chip, onSelect, onInsert }: RowProps) {
  const { t } = useTranslation('snippets')
  return (
    <li
      role="option"
      aria-selected={selected}
      className={`snippet-row${selected ? ' selected' : ''}`}
      data-id={h.id}
      draggable
      onClick={() => onSelect(h.id)}
      onDoubleClick={() => onInsert(h)}
      onDragStart={(e) => {
        e.dataTransfer.setData(SNIPPET_DRAG_TYPE, String(h.id))
        e.dataTransfer.setData('text/plain', bodyToText(h.body))
        e.dataTransfer.effectAllowed = 'copy'
      }}
      title={t('rowHint')}
    >
      <div className="snippet-row-head">
        <span className="snippet-title">
          <Highlighted text={h.title} terms={terms} />
        </span>
        {chip && <span className="snippet-chip">{chip}</span>}
        <TeamSnippetBadge snippet={h} />
        {h.useCount > 0 && (
          <span className="snippet-uses" title={t('usesHint', { count: h.useCount })}>
            {h.useCount}
          </span>
        )}
      </div>
      <SnippetExcerpt body={h.body} terms={terms} />
    </li>
  )
})
