import { createContext, useContext } from 'react'
import type { Figure } from '../../../shared/document/model'

/**
 * The open document's figures (数据表): they live beside the editor state, not in it, and every
 * reference node shows its figure's current value. Anything that reads or changes figures (the
 * figure table, snippets with fields, import) goes through this store; every change is autosaved.
 */
export interface FigureStore {
  figures: readonly Figure[]
  /** The id of the figure with this name, creating an unfilled one (value null) when missing. */
  ensureFigure(name: string, init?: Partial<Omit<Figure, 'id' | 'name'>>): string
  /** Replaces the figure list (one change; references follow at once). */
  update(updater: (figures: readonly Figure[]) => Figure[]): void
}

export const FigureStoreContext = createContext<FigureStore | null>(null)

export function useFigureStore(): FigureStore {
  const store = useContext(FigureStoreContext)
  if (!store) throw new Error('useFigureStore outside the editor')
  return store
}

/** A figure id unlikely to clash, readable in the stored JSON. */
export function newFigureId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `f${Math.random().toString(36).slice(2, 9)}`
    if (!taken.has(id)) return id
  }
}
