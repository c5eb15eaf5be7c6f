/**
 * The find bar's own state — whether it is open, what was typed, the options, the "replaced N"
 * note — and how each thing the writer does changes it. Pure: FindReplacePlugin keeps the search
 * (matches, painting, the worker), and the bar's rules are read, and tested, in one place.
 */
import { escapeRegExp, type FindOptions } from './matching'

export interface FindBar {
  open: boolean
  /** the replace row is shown */
  showReplace: boolean
  /** the find field as it reads, an IME composition included */
  findText: string
  /** what is searched: the find field, taken once no composition is running */
  query: string
  replaceText: string
  options: FindOptions
  /** matches replaced by the last "replace all", shown until the query changes */
  replaced: number | null
  /** bump n to move the keyboard focus into a field (and select its text) */
  focusRequest: { field: 'find' | 'replace'; n: number }
}

export type FindBarAction =
  /** Ctrl+F / Ctrl+H or the menu; `seed`: the selected text, which becomes the query */
  | { type: 'open'; mode: 'find' | 'replace'; seed: string | null }
  /** the bar's Esc or ×: closed, and the "replaced N" note forgotten */
  | { type: 'close' }
  /** Esc in the editor: closed */
  | { type: 'escape' }
  | { type: 'findText'; value: string; composing: boolean }
  | { type: 'replaceText'; value: string }
  | { type: 'toggleOption'; name: keyof FindOptions }
  | { type: 'toggleReplace' }
  /** the count after "replace all", or null once the writer moves on */
  | { type: 'replaced'; count: number | null }

export const INITIAL_FIND_BAR: FindBar = {
  open: false,
  showReplace: false,
  findText: '',
  query: '',
  replaceText: '',
  options: { matchCase: false, wholeWord: false, regex: false },
  replaced: null,
  focusRequest: { field: 'find', n: 0 },
}

export function findBarReducer(bar: FindBar, action: FindBarAction): FindBar {
  switch (action.type) {
    case 'open': {
      // a selected text is searched as written, even with regular expressions on
      const seeded = action.seed === null ? {} : { findText: seed(action.seed, bar.options), query: seed(action.seed, bar.options), replaced: null }
      return { ...bar, ...seeded, showReplace: action.mode === 'replace', open: true, focusRequest: { field: 'find', n: bar.focusRequest.n + 1 } }
    }
    case 'close':
      return { ...bar, open: false, replaced: null }
    case 'escape':
      return bar.open ? { ...bar, open: false } : bar
    case 'findText':
      // while an IME composes, the field shows the pinyin but nothing is searched
      return action.composing ? { ...bar, findText: action.value } : { ...bar, findText: action.value, query: action.value, replaced: null }
    case 'replaceText':
      return { ...bar, replaceText: action.value }
    case 'toggleOption':
      return { ...bar, options: { ...bar.options, [action.name]: !bar.options[action.name] }, replaced: null }
    case 'toggleReplace':
      return { ...bar, showReplace: !bar.showReplace }
    case 'replaced':
      return bar.replaced === action.count ? bar : { ...bar, replaced: action.count }
  }
}

const seed = (text: string, options: FindOptions) => (options.regex ? escapeRegExp(text) : text)
