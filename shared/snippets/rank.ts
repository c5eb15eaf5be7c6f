/**
 * Ranking of search results: match quality first, then how often and how lately the writer used
 * the snippet, then how recently it changed.
 *
 * Quality, for folded terms:
 *   5  the title is the query
 *   4  the title starts with the first term and holds every term
 *   3  the title holds every term
 *   2  the title holds some term, or a tag holds one
 *   1  the terms are only in the body
 */
import { foldForSearch } from './search'

export interface RankInput {
  id: number
  title: string
  tags: readonly string[]
  useCount: number
  lastUsedAt: number | null
  updatedAt: number
}

export function matchQuality(title: string, tags: readonly string[], terms: readonly string[]): number {
  if (terms.length === 0) return 0
  const t = foldForSearch(title).trim()
  if (t === terms.join(' ')) return 5
  const inTitle = terms.filter((term) => t.includes(term)).length
  if (inTitle === terms.length) return t.startsWith(terms[0]!) ? 4 : 3
  if (inTitle > 0) return 2
  const foldedTags = tags.map(foldForSearch)
  if (terms.some((term) => foldedTags.some((tag) => tag.includes(term)))) return 2
  return 1
}

/** Where the query matched, for the hit's `matched` field. */
export function matchedIn(title: string, tags: readonly string[], terms: readonly string[]): 'title' | 'tags' | 'body' | 'none' {
  if (terms.length === 0) return 'none'
  const t = foldForSearch(title)
  if (terms.some((term) => t.includes(term))) return 'title'
  const foldedTags = tags.map(foldForSearch)
  if (terms.some((term) => foldedTags.some((tag) => tag.includes(term)))) return 'tags'
  return 'body'
}

/** Orders candidates best first (stable for equal keys: higher id, i.e. newer, first). */
export function rankSnippets<T extends RankInput>(candidates: readonly T[], terms: readonly string[]): T[] {
  const scored = candidates.map((c) => ({ c, q: matchQuality(c.title, c.tags, terms) }))
  scored.sort(
    (a, b) =>
      b.q - a.q ||
      b.c.useCount - a.c.useCount ||
      (b.c.lastUsedAt ?? -1) - (a.c.lastUsedAt ?? -1) ||
      b.c.updatedAt - a.c.updatedAt ||
      b.c.id - a.c.id,
  )
  return scored.map((s) => s.c)
}
