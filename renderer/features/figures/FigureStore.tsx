import { createContext, useContext } from 'react'
import type { Figure } from '../../../shared/document/model'
import type { FigureDisplay } from '../../../shared/figures/format'

/**
 * The open document's figures (数据表). They live in the editor state (NodeState on the root, see
 * state.ts), so every change is an editor update: undoable, atomic with the text it touches, and
 * autosaved. Anything that reads or changes figures (the figure table, snippets with fields,
 * import) goes through this store.
 */
export interface FigureStore {
  /**
   * The live figure list (the last committed change). The store object itself never changes, so a
   * feature that only calls it (snippets) does not re-render on every value change; a component
   * that shows the figures reads them with `useFigures()` instead.
   */
  readonly figures: readonly Figure[]
  /**
   * The id of the figure with this name, creating an unfilled one (value null) when missing.
   * Inside an editor.update of this editor the figure is created in that same update (so it is
   * undone together with whatever the caller inserts); outside, in an update of its own.
   */
  ensureFigure(name: string, init?: Partial<Omit<Figure, 'id' | 'name'>>): string
  /**
   * Replaces the figure list as one undo step; every reference whose text changes is repainted.
   * `discrete` commits before returning (the caller reads the result at once).
   */
  update(updater: (figures: readonly Figure[]) => Figure[], opts?: { discrete?: boolean }): void
  /** How a figure shows in the text right now ("1000余份", "〔会议次数〕"). */
  display(figureId: string): FigureDisplay
}

export const FigureStoreContext = createContext<FigureStore | null>(null)

/** The figure list for components that show it (the grid, the 附表, the dialogs): they re-render when it changes. */
export const FiguresContext = createContext<readonly Figure[]>([])

export function useFigures(): readonly Figure[] {
  return useContext(FiguresContext)
}

export function useFigureStore(): FigureStore {
  const store = useContext(FigureStoreContext)
  if (!store) throw new Error('useFigureStore outside the editor')
  return store
}
