/** Search and categories for the panel and the picker, through the API. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Category } from '../../../shared/snippets'
import type { SnippetSearchResult } from '../../../shared/api'
import { parseQuery } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'

export interface SearchState {
  /** the query the shown results are for */
  query: string
  terms: string[]
  result: SnippetSearchResult | null
  error: string | null
}

/** Answers kept per search: Backspace, a cleared box or a query typed again shows at once. */
const CACHED = 24

export interface Searcher {
  state: SearchState
  /** Asks for a query now (from the input event: no render first); the answer replaces `state`. */
  ask(query: string): void
}

/**
 * Results for the query as the writer types: every change asks at once (a search costs a few
 * milliseconds), an answer that arrives after a newer question is dropped, and the last answers
 * are kept (cleared when the library changes) so a query seen before shows without a round trip.
 */
export function useSnippetSearcher(categoryId: number | null, limit: number, enabled = true, refresh = 0, query?: string): Searcher {
  const api = useApi()
  const [state, setState] = useState<SearchState>({ query: '', terms: [], result: null, error: null })
  const seq = useRef(0)
  const latest = useRef('')
  if (query !== undefined) latest.current = query
  /** the question in flight: the same one asked again (a re-render, a re-enable) waits for it */
  const pending = useRef<{ key: string; n: number } | null>(null)
  const cache = useRef(new Map<string, SnippetSearchResult>())
  const options = useRef({ api, categoryId, limit, enabled })
  options.current = { api, categoryId, limit, enabled }

  const ask = useCallback((query: string) => {
    latest.current = query
    const { api, categoryId, limit, enabled } = options.current
    if (!enabled) return
    const key = `${categoryId ?? ''}|${limit}|${query}`
    if (pending.current?.key === key && pending.current.n === seq.current) return
    const n = ++seq.current
    const kept = cache.current.get(key)
    if (kept) {
      pending.current = null
      setState((s) => (s.result === kept && s.query === query && !s.error ? s : { query, terms: parseQuery(query), result: kept, error: null }))
      return
    }
    pending.current = { key, n }
    api.call('snippets.search', { query, categoryId, limit }).then(
      (result) => {
        cache.current.delete(key)
        cache.current.set(key, result)
        if (cache.current.size > CACHED) cache.current.delete(cache.current.keys().next().value!)
        if (pending.current?.n === n) pending.current = null
        // committed in the task the answer arrived in: left to React's scheduler, the commit can
        // fall after the frame that was due, and the results would show a frame later
        if (n === seq.current) flushSync(() => setState({ query, terms: parseQuery(query), result, error: null }))
      },
      (err: unknown) => {
        if (pending.current?.n === n) pending.current = null
        if (n === seq.current) setState((s) => ({ ...s, error: errorMessage(err) }))
      },
    )
  }, [])

  // the library, the category or the panel's visibility changed: the shown query is asked again
  useEffect(() => {
    cache.current.clear()
    pending.current = null
  }, [api, refresh])
  useEffect(() => {
    if (enabled) ask(latest.current)
  }, [ask, api, categoryId, limit, enabled, refresh])
  return { state, ask }
}

/** The same for a query held in React state (the picker). */
export function useSnippetSearch(query: string, categoryId: number | null, limit: number, enabled = true, refresh = 0): SearchState {
  const { state, ask } = useSnippetSearcher(categoryId, limit, enabled, refresh, query)
  useEffect(() => {
    if (enabled) ask(query)
  }, [ask, query, enabled])
  return state
}

export function useCategories(): { categories: Category[]; reload(): void } {
  const api = useApi()
  const [categories, setCategories] = useState<Category[]>([])
  const [n, setN] = useState(0)
  useEffect(() => {
    let stale = false
    void api.call('snippets.categories', {}).then((c) => !stale && setCategories(c), () => {})
    return () => {
      stale = true
    }
  }, [api, n])
  const reload = useCallback(() => setN((x) => x + 1), [])
  return { categories, reload }
}

/** Categories in tree order with their depth (for indented lists and selects). */
export function categoryTree(categories: readonly Category[]): { category: Category; depth: number }[] {
  const children = new Map<number | null, Category[]>()
  for (const c of categories) {
    const list = children.get(c.parentId) ?? []
    list.push(c)
    children.set(c.parentId, list)
  }
  const out: { category: Category; depth: number }[] = []
  const walk = (parent: number | null, depth: number) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.id - b.id)) {
      out.push({ category: c, depth })
      if (depth < 16) walk(c.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

export function categoryName(categories: readonly Category[], id: number | null): string {
  if (id === null) return ''
  return categories.find((c) => c.id === id)?.name ?? ''
}
