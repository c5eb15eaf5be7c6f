/** Search and categories for the panel and the picker, through the API. */
import { useCallback, useEffect, useRef, useState } from 'react'
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

/**
 * Results for the query as the writer types: every change asks at once (a search costs a few
 * milliseconds), and an answer that arrives after a newer question is dropped.
 */
export function useSnippetSearch(query: string, categoryId: number | null, limit: number, enabled = true, refresh = 0): SearchState {
  const api = useApi()
  const [state, setState] = useState<SearchState>({ query: '', terms: [], result: null, error: null })
  const seq = useRef(0)
  useEffect(() => {
    if (!enabled) return
    const n = ++seq.current
    api.call('snippets.search', { query, categoryId, limit }).then(
      (result) => {
        if (n === seq.current) setState({ query, terms: parseQuery(query), result, error: null })
      },
      (err: unknown) => {
        if (n === seq.current) setState((s) => ({ ...s, error: errorMessage(err) }))
      },
    )
  }, [api, query, categoryId, limit, enabled, refresh])
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
