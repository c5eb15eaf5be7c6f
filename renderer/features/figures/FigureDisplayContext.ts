/**
 * How a figure reference shows in the editor. The editor state holds only the figure's id; the
 * figure itself (value, unit, style…) lives in the document's figures table, outside Lexical.
 * The editor host provides this context with a function that formats the current figure.
 *
 * Decorators are rendered through React portals, so the provider must sit above the
 * LexicalComposer (portals keep the context of the tree that renders them).
 */
import { createContext } from 'react'

export interface FigureDisplay {
  /** what the reference shows, e.g. "1.2万元" */
  text: string
  /** true when the figure has no value yet (shown highlighted so it gets filled in) */
  unfilled: boolean
}

export type FigureDisplayLookup = (figureId: string) => FigureDisplay

export const FIGURE_PLACEHOLDER = '〔数据〕'

export const FigureDisplayContext = createContext<FigureDisplayLookup>(() => ({ text: FIGURE_PLACEHOLDER, unfilled: true }))
