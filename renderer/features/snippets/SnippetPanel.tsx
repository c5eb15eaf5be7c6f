/**
 * 素材 panel beside the page: search as you type (matches highlighted), a category filter, the
 * results ranked by the library, a preview of the chosen one. Enter or a double-click inserts it at
 * the caret; a row can also be dragged into the text. ↑/↓ move through the results from the
 * search box.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { bodyToText, type Snippet } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { useFigureStore } from '../figures/FigureStore'
import { SHOW_SNIPPETS_EVENT, snippetsChanged, useSnippetsVersion } from './events'
import { insertSnippetBody, SNIPPET_DRAG_TYPE } from './insert'
import { SnippetLibraryMenu } from './SnippetLibraryMenu'
import { Highlighted, SnippetBodyView, SnippetExcerpt, type FieldTitle } from './SnippetText'
import { SnippetEditDialog } from './SnippetEditDialog'
import { categoryName, categoryTree, useCategories, useSnippetSearcher } from './useSnippets'
import './snippets.css'
import { TeamSnippetActions, TeamSnippetBadge } from '../team/TeamSnippetParts'
import { TeamSnippetsBar } from '../team/TeamProposals'
import { displayDate } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'

const CATEGORY_KEY = 'draftdesk.snippets.category'
/** Results shown for a query: more than a writer scans; a narrower query finds the rest. */
const PAGE = 40
/**
 * Rows painted with the results (more than the tallest list shows, ~74 px each); the rest follow
 * once the browser is idle, so a keystroke's answer reaches the screen without laying out 40 rows.
 */
const FIRST_ROWS = 14

export function SnippetPanel({ onNotice, active }: { onNotice(message: string | null): void; active: boolean }) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const [editor] = useLexicalComposerContext()
  const figures = useFigureStore()
  const figuresRef = useRef(figures)
  figuresRef.current = figures
  const version = useSnippetsVersion()
  const [categoryId, setCategoryId] = useState<number | null>(() => {
    const saved = Number(localStorage.getItem(CATEGORY_KEY))
    return Number.isInteger(saved) && saved > 0 ? saved : null
  })
  const { categories, reload } = useCategories()
  // the search box keeps its own text: a keystroke asks at once and renders only the box; the
  // panel renders when the answer arrives
  const { state: search, ask } = useSnippetSearcher(categoryId, PAGE, active, version)
  const hits = useMemo(() => search.result?.hits ?? [], [search.result])
  // the writer's choice; while it is not among the results, the first result is the chosen one
  // (worked out here, not set by an effect: that cost a second render of every row per keystroke)
  const [chosenId, setSelectedId] = useState<number | null>(null)
  const selectedIndex = Math.max(0, hits.findIndex((h) => h.id === chosenId))
  const selectedId = hits[selectedIndex]?.id ?? null
  // the first rows with the answer, all of them once the browser is idle (or the writer goes there)
  const [allRowsFor, setAllRowsFor] = useState<unknown>(null)
  const rowCount = allRowsFor === search.result ? hits.length : Math.max(FIRST_ROWS, selectedIndex + 1)
  useEffect(() => {
    const result = search.result
    if (!result || result.hits.length <= FIRST_ROWS) return
    const show = () => startTransition(() => setAllRowsFor(result))
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(show, 50)
      return () => clearTimeout(timer)
    }
    const idle = requestIdleCallback(show, { timeout: 300 })
    return () => cancelIdleCallback(idle)
  }, [search.result])
  const [editing, setEditing] = useState<Snippet | 'new' | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const words = useMemo<RowWords>(
    () => ({ rowHint: t('rowHint'), usesHint: (count) => t('usesHint', { count }), fieldTitle: (name) => t('fieldTitle', { name }) }),
    [t],
  )

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
  // made once per choice, so the memoized preview does not re-render on every keystroke
  const teamActions = useMemo(() => (selected ? <TeamSnippetActions snippet={selected} categories={categories} onNotice={onNotice} /> : null), [selected, categories, onNotice])

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
    if (allRowsFor !== search.result) setAllRowsFor(search.result)
    if (hits.length === 0) return
    const at = hits.findIndex((h) => h.id === selectedId)
    const next = Math.max(0, Math.min(hits.length - 1, (at < 0 ? -1 : at) + delta))
    setSelectedId(hits[next]!.id)
  }

  const remove = useCallback(async (snippet: Snippet) => {
    if (!window.confirm(t('deleteConfirm', { title: snippet.title }))) return
    try {
      await api.call('snippets.delete', { ids: [snippet.id] })
      snippetsChanged()
      onNotice(t('deleted', { title: snippet.title }))
    } catch (err) {
      onNotice(t('errors.generic', { message: errorMessage(err) }))
    }
  }, [api, onNotice, t])

  // the box's keys that act on the list (the list changes; the box keeps one handler)
  const onKey = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      move(e.key === 'ArrowDown' ? 1 : -1)
      return true
    }
    if (e.key === 'Enter' && selected) {
      insert(selected)
      return true
    }
    return false
  }
  const onKeyRef = useRef(onKey)
  onKeyRef.current = onKey

  const tree = useMemo(() => categoryTree(categories), [categories])
  // the same elements from one answer to the next, so React skips them (each holds a translation
  // hook and the team's state; none depends on the results)
  const openNew = useCallback(() => setEditing('new'), [])
  const libraryMenu = useMemo(() => <SnippetLibraryMenu onNew={openNew} onNotice={onNotice} categoryId={categoryId} />, [openNew, onNotice, categoryId])
  const teamBar = useMemo(() => <TeamSnippetsBar onNotice={onNotice} />, [onNotice])
  const total = search.result?.total ?? 0

  return (
    <section className="snippet-panel" aria-label={t('panel')} data-testid="snippet-panel">
      <div className="snippet-search">
        <SearchBox inputRef={inputRef} onQuery={ask} onKey={onKeyRef} />
        {libraryMenu}
      </div>
      {teamBar}
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
        {search.result && hits.length === 0 && <li className="muted snippet-empty">{search.query.trim() ? t('noResults', { query: search.query }) : t('empty')}</li>}
        {hits.slice(0, rowCount).map((h) => (
          <SnippetRow
            key={h.id}
            hit={h}
            selected={h.id === selectedId}
            terms={search.terms}
            chip={h.team ? (categoryId === null ? h.team.category : '') : h.categoryId !== null && categoryId === null ? categoryName(categories, h.categoryId) : ''}
            onSelect={setSelectedId}
            onInsert={insert}
            words={words}
          />
        ))}
      </ul>
      {selected && (
        <SnippetPreview
          snippet={selected}
          terms={search.terms}
          categoryLabel={categoryName(categories, selected.categoryId)}
          words={words}
          onInsert={insert}
          onEdit={setEditing}
          onRemove={remove}
          teamActions={teamActions}
        />
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

/** A row's words, made once per language by the panel (a translation hook per row costs on every mount). */
interface RowWords {
  rowHint: string
  usesHint(count: number): string
  fieldTitle: FieldTitle
}

/**
 * The search box. It holds its own text, so a keystroke re-renders the box alone and the question
 * leaves in the input event; pinyin being composed is not a query (it waits for the characters).
 */
const SearchBox = memo(function SearchBox({
  inputRef,
  onQuery,
  onKey,
}: {
  inputRef: React.RefObject<HTMLInputElement | null>
  onQuery(query: string): void
  /** keys for the list (↑/↓, Enter); true when handled */
  onKey: React.RefObject<(e: KeyboardEvent<HTMLInputElement>) => boolean>
}) {
  const { t } = useTranslation('snippets')
  const [input, setInput] = useState('')
  const composing = useRef(false)
  return (
    <input
      ref={inputRef}
      type="search"
      value={input}
      placeholder={t('searchPlaceholder')}
      aria-label={t('search')}
      data-testid="snippet-search"
      onChange={(e) => {
        setInput(e.target.value)
        if (!composing.current) onQuery(e.target.value)
      }}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={(e) => {
        composing.current = false
        setInput(e.currentTarget.value)
        onQuery(e.currentTarget.value)
      }}
      onKeyDown={(e) => {
        if (e.nativeEvent.isComposing || composing.current) return
        if (onKey.current(e)) e.preventDefault()
        else if (e.key === 'Escape' && input) {
          e.preventDefault()
          setInput('')
          onQuery('')
        }
      }}
    />
  )
})

interface PreviewProps {
  snippet: Snippet
  terms: readonly string[]
  categoryLabel: string
  words: RowWords
  onInsert(snippet: Snippet): void
  onEdit(snippet: Snippet): void
  onRemove(snippet: Snippet): Promise<void>
  /** 提交到团队 / a team snippet's own actions (the team feature's) */
  teamActions: ReactNode
}

/** The chosen snippet in full. Memoized: it re-renders when the choice or the query changes. */
const SnippetPreview = memo(function SnippetPreview({ snippet: selected, terms, categoryLabel, words, onInsert, onEdit, onRemove, teamActions }: PreviewProps) {
  const { t, i18n } = useTranslation('snippets')
  return (
    <div className="snippet-preview" data-testid="snippet-preview">
      <div className="snippet-preview-head">
        <strong>
          <Highlighted text={selected.title} terms={terms} />
        </strong>
        <span className="muted">{[categoryLabel, ...selected.tags.map((tag) => `#${tag}`)].filter(Boolean).join('  ')}</span>
      </div>
      <SnippetBodyView body={selected.body} terms={terms} className="snippet-body snippet-preview-body" fieldTitle={words.fieldTitle} />
      <div className="snippet-preview-meta muted">
        {selected.useCount > 0 ? t('used', { count: selected.useCount, date: displayDate(selected.lastUsedAt ?? 0, toLang(i18n.language)) }) : t('neverUsed')}
        {selected.source?.title ? ` · ${t('from', { title: selected.source.title })}` : ''}
      </div>
      <div className="snippet-preview-actions">
        <button className="primary" onClick={() => onInsert(selected)} data-testid="snippet-insert" title={t('insertHint')}>
          {t('insert')}
        </button>
        {!selected.team && <button onClick={() => onEdit(selected)}>{t('edit')}</button>}
        {!selected.team && <button onClick={() => void onRemove(selected)}>{t('delete')}</button>}
        {teamActions}
      </div>
    </div>
  )
})

interface RowProps {
  hit: Snippet
  selected: boolean
  terms: readonly string[]
  /** the category's name, when the list is not filtered by one */
  chip: string
  words: RowWords
  onSelect(id: number): void
  onInsert(snippet: Snippet): void
}

/**
 * One result. Memoized: a keystroke in the search box, a choice in the list or a change in the
 * document re-renders only the rows whose result or selection changed.
 */
const SnippetRow = memo(function SnippetRow({ hit: h, selected, terms, chip, words, onSelect, onInsert }: RowProps) {
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
      title={words.rowHint}
    >
      <div className="snippet-row-head">
        <span className="snippet-title">
          <Highlighted text={h.title} terms={terms} />
        </span>
        {chip && <span className="snippet-chip">{chip}</span>}
        {/* only a team row pays for the badge's translation hook (a row mounts on most keystrokes) */}
        {h.team && <TeamSnippetBadge snippet={h} />}
        {h.useCount > 0 && (
          <span className="snippet-uses" title={words.usesHint(h.useCount)}>
            {h.useCount}
          </span>
        )}
      </div>
      <SnippetExcerpt body={h.body} terms={terms} fieldTitle={words.fieldTitle} />
    </li>
  )
})
