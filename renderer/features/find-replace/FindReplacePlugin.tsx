/**
 * Find and replace in the open document.
 *
 * Ctrl+F opens the find bar, Ctrl+H the bar with its replace row (also the menu's 'find' and
 * 'replace' commands, through OPEN_FIND_COMMAND); Esc closes it and puts the keyboard back in
 * the editor, on the current match if the bar moved there. F3 / Shift+F3 next / previous.
 *
 * - The bar's own state (open, what was typed, the options) and its rules are ./bar.ts (pure).
 * - Matching is in ./matching.ts (pure), run in a Web Worker by ./matcher.ts so that no pattern
 *   can freeze the window (a search still running after FIND_TIMEOUT_MS is stopped and the bar
 *   says so); the document's segments and the edits are in ../../ui/segments.ts (shared with the
 *   figure table), the painting in ./highlights.ts. Matches are painted with the CSS Custom
 *   Highlight API and never mutate the document; the current match is also the editor's selection
 *   (set without moving the DOM selection, so the keyboard stays in the bar) and is scrolled into view.
 * - Matches arrive asynchronously: a search whose document changed meanwhile, or that a newer
 *   search replaced, is dropped (the newer one paints).
 * - While the bar is open, matches are recomputed 100 ms after the document last changed. While
 *   it is closed nothing listens to the document, so typing costs nothing here.
 * - "Replace" replaces the current match and moves to the next; "Replace all" replaces every
 *   match in one editor.update tagged history-push: one undo step, one redo step.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  createCommand,
  HISTORY_PUSH_TAG,
  KEY_ESCAPE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalCommand,
} from 'lexical'
import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { clearHighlights, matchRange, paintCurrent, paintMatches, scrollRangeIntoView } from './highlights'
import { compileQuery, firstMatchFrom, lastMatchBefore, type CompiledQuery, type FindResult, type TextMatch } from './matching'
import { findBarReducer, INITIAL_FIND_BAR } from './bar'
import { Matcher } from './matcher'
import { FindReplacePanel, type FindStatus } from './FindReplacePanel'
import { $collapseAt, $collectSegments, $positionOfPoint, $replaceInSegment, $selectInSegment, type SegmentIndex, type SegmentPosition } from '../../ui/segments'

/** Opens the find bar ('find') or the bar with the replace row ('replace'). */
export const OPEN_FIND_COMMAND: LexicalCommand<'find' | 'replace'> = createCommand('DD_OPEN_FIND')

/** How long after the last document change the matches are recomputed. */
export const RECOMPUTE_DELAY_MS = 100

interface Search {
  index: SegmentIndex
  compiled: CompiledQuery | null
  matches: TextMatch[]
}

const sameMatch = (a: TextMatch, b: TextMatch) => a.text === b.text && a.start === b.start && a.end === b.end

/** The selection's start and end in the segments (inside a read). */
function $selectionSpan(index: SegmentIndex): { start: SegmentPosition; end: SegmentPosition } | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const [first, last] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus]
  const start = $positionOfPoint(index, first)
  const end = $positionOfPoint(index, last)
  return start && end ? { start, end } : null
}

export function FindReplacePlugin() {
  const [editor] = useLexicalComposerContext()
  const [bar, dispatch] = useReducer(findBarReducer, INITIAL_FIND_BAR)
  const { open, query, replaceText, options } = bar
  const [status, setStatus] = useState<FindStatus>({ kind: 'empty' })
  const search = useRef<Search | null>(null)
  const current = useRef(-1)
  const stale = useRef(true)
  const matcher = useRef<Matcher | null>(null)
  /** the latest search started: an answer to an older one is dropped */
  const searchSeq = useRef(0)
  /** bumped on every change of the document: a search read before one is stale */
  const docVersion = useRef(0)
  const theMatcher = useCallback(() => (matcher.current ??= new Matcher()), [])

  /** Makes match i current: selects it in the editor (keyboard stays in the bar) and scrolls to it. */
  const goTo = useCallback(
    (i: number) => {
      const s = search.current
      const m = s?.matches[i]
      if (!s || !m) return
      current.current = i
      const segment = s.index.segments[m.text]!
      editor.update(() => void $selectInSegment(segment, m.start, m.end), { tag: [SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] })
      paintCurrent(editor, s.index.segments, m)
      const range = matchRange(editor, segment, m)
      const root = editor.getRootElement()
      if (range && root) scrollRangeIntoView(range, root)
      setStatus((prev) => (prev.kind === 'ok' ? { ...prev, current: i } : prev))
    },
    [editor],
  )

  /**
   * Recomputes the matches. `from: 'selection'` makes the first match at or after the editor's
   * selection current (a new query); `'keep'` keeps the current match where it was (the document
   * changed). `select` also selects it in the editor. Resolves with the search, or null when it
   * was dropped (a newer search, a document changed meanwhile) or stopped (too slow).
   */
  const compute = useCallback(
    async (from: 'selection' | 'keep', select: boolean): Promise<Search | null> => {
      const seq = ++searchSeq.current
      const version = docVersion.current
      const started = performance.now()
      const previous = search.current?.matches[current.current]
      const { index, origin } = editor.getEditorState().read(() => {
        const index = $collectSegments()
        return { index, origin: from === 'selection' ? ($selectionSpan(index)?.start ?? null) : null }
      })
      const compiled = compileQuery(query, options)
      let result: FindResult | null = null
      if (compiled?.ok) {
        const outcome = await theMatcher().find(
          index.segments.map((s) => s.text),
          { re: compiled.re, regex: compiled.regex, wholeWord: options.wholeWord },
        )
        if (seq !== searchSeq.current || outcome.kind === 'cancelled') return null
        if (outcome.kind === 'timeout') {
          search.current = null
          current.current = -1
          stale.current = true
          clearHighlights()
          setStatus({ kind: 'error', reason: 'timeout' })
          return null
        }
        // the document changed while the worker searched: the recompute that change scheduled paints
        if (version !== docVersion.current) return null
        result = outcome
      }
      const matches = result?.matches ?? []
      const matched = performance.now()
      let next = -1
      if (matches.length > 0) {
        if (from === 'selection') next = origin ? firstMatchFrom(matches, origin.segment, origin.offset) : 0
        else next = previous ? firstMatchFrom(matches, previous.text, previous.start) : 0
      }
      const s: Search = { index, compiled, matches }
      search.current = s
      current.current = next
      stale.current = false
      if (matches.length > 0) paintMatches(editor, index.segments, matches, next)
      else clearHighlights()
      // for tests and benchmarks: reading the document and matching, then that plus painting
      performance.clearMeasures('dd:find')
      performance.clearMeasures('dd:find-painted')
      performance.measure('dd:find', { start: started, end: matched })
      performance.measure('dd:find-painted', { start: started, end: performance.now() })
      if (compiled === null) setStatus({ kind: 'empty' })
      else if (!compiled.ok) setStatus(compiled.reason === 'invalid' ? { kind: 'error', reason: 'invalid', detail: compiled.detail } : { kind: 'error', reason: 'nested-quantifier' })
      else setStatus({ kind: 'ok', total: matches.length, current: next, capped: result!.capped, timedOut: result!.timedOut })
      if (select && next >= 0) goTo(next)
      return s
    },
    [editor, query, options, goTo, theMatcher],
  )

  const fresh = useCallback(async (): Promise<Search | null> => {
    if (stale.current || !search.current) return compute('keep', false)
    return search.current
  }, [compute])

  /**
   * What each match of `s` becomes. A regular expression's replacement with $1, $& … is expanded
   * in the worker (the same pattern runs there); anything else is taken literally. null: the
   * document changed meanwhile, or the worker was stopped.
   */
  const replacements = useCallback(
    async (s: Search): Promise<string[] | null> => {
      if (!s.compiled?.ok) return null
      if (!s.compiled.regex || !replaceText.includes('$')) return s.matches.map(() => replaceText)
      const version = docVersion.current
      const outcome = await theMatcher().find(
        s.index.segments.map((segment) => segment.text),
        { re: s.compiled.re, regex: true, wholeWord: options.wholeWord },
        replaceText,
      )
      if (outcome.kind === 'timeout') setStatus({ kind: 'error', reason: 'timeout' })
      if (outcome.kind !== 'ok' || version !== docVersion.current || !outcome.replacements) return null
      const byMatch = outcome.matches
      return s.matches.map((m) => {
        const j = byMatch.findIndex((n) => sameMatch(n, m))
        return j >= 0 ? outcome.replacements![j]! : replaceText
      })
    },
    [replaceText, options.wholeWord, theMatcher],
  )

  /** The editor's selection is on the current match (or nowhere): the bar and the editor agree. */
  const onCurrent = useCallback(
    (s: Search) => {
      const span = editor.getEditorState().read(() => $selectionSpan(s.index))
      const m = s.matches[current.current]
      const agrees = !span || (!!m && span.start.segment === m.text && span.start.offset === m.start && span.end.segment === m.text && span.end.offset === m.end)
      return { agrees, span }
    },
    [editor],
  )

  const step = useCallback(
    async (delta: 1 | -1) => {
      const s = await fresh()
      if (!s) return
      const n = s.matches.length
      if (n === 0) return
      // From the current match, unless the writer has put the caret somewhere else meanwhile.
      const { agrees, span } = onCurrent(s)
      let next: number
      if (agrees || !span) next = current.current < 0 ? (delta > 0 ? 0 : n - 1) : (current.current + delta + n) % n
      else if (delta > 0) next = firstMatchFrom(s.matches, span.start.segment, span.start.offset)
      else next = lastMatchBefore(s.matches, span.start.segment, span.start.offset)
      dispatch({ type: 'replaced', count: null })
      goTo(next)
    },
    [fresh, goTo, onCurrent],
  )

  const replaceCurrent = useCallback(async () => {
    const s = await fresh()
    if (!s || s.matches.length === 0 || !s.compiled?.ok || !editor.isEditable()) return
    // The caret was moved away from the current match: show the match there first, like Word.
    const { agrees, span } = onCurrent(s)
    if (!agrees && span) return goTo(firstMatchFrom(s.matches, span.start.segment, span.start.offset))
    const i = current.current
    const m = s.matches[i]
    if (!m) return
    const texts = await replacements(s)
    if (!texts || search.current !== s || current.current !== i) return
    const segment = s.index.segments[m.text]!
    const text = texts[i]!
    editor.update(
      () => {
        const end = $replaceInSegment(segment, m.start, m.end, text)
        if (end) $collapseAt(end)
      },
      { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG], discrete: true },
    )
    dispatch({ type: 'replaced', count: null })
    void compute('selection', true)
  }, [editor, fresh, compute, replacements, onCurrent, goTo])

  const replaceAll = useCallback(async () => {
    const s = await fresh()
    if (!s || s.matches.length === 0 || !s.compiled?.ok || !editor.isEditable()) return
    const texts = await replacements(s)
    if (!texts || search.current !== s) return
    let count = 0
    // One update, so one history entry: a single Ctrl+Z undoes every replacement.
    editor.update(
      () => {
        let first: ReturnType<typeof $replaceInSegment> = null
        for (let i = s.matches.length - 1; i >= 0; i--) {
          const m = s.matches[i]!
          const end = $replaceInSegment(s.index.segments[m.text]!, m.start, m.end, texts[i]!)
          if (end) {
            count++
            first = end
          }
        }
        if (first) $collapseAt(first)
      },
      { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG], discrete: true },
    )
    void compute('keep', false)
    dispatch({ type: 'replaced', count })
  }, [editor, fresh, compute, replacements])

  const openBar = useCallback(
    (mode: 'find' | 'replace') => {
      if (!editor.getRootElement()) return
      const seed = editor.getEditorState().read(() => {
        const selection = $getSelection()
        if (!$isRangeSelection(selection) || selection.isCollapsed()) return null
        const text = selection.getTextContent()
        return text.length <= 200 && !/[\r\n]/.test(text) ? text : null
      })
      dispatch({ type: 'open', mode, seed })
    },
    [editor],
  )

  const close = useCallback(() => {
    // Back to the editor, with its selection (the current match, if the bar went to one).
    editor.focus()
    dispatch({ type: 'close' })
  }, [editor])

  // A new query or new options (or opening the bar): search from the caret.
  useEffect(() => {
    if (open) void compute('selection', true)
  }, [open, compute])

  // The document changed under an open bar: recompute a moment after the last change.
  useEffect(() => {
    if (!open) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      stale.current = true
      docVersion.current++
      clearTimeout(timer)
      timer = setTimeout(() => void compute('keep', false), RECOMPUTE_DELAY_MS)
    })
    return () => {
      unregister()
      clearTimeout(timer)
    }
  }, [editor, open, compute])

  // Closed: nothing painted, nothing kept, no search running.
  useEffect(() => {
    if (open) return
    clearHighlights()
    search.current = null
    current.current = -1
    stale.current = true
    searchSeq.current++
    matcher.current?.dispose()
    matcher.current = null
  }, [open])
  useEffect(
    () => () => {
      clearHighlights()
      matcher.current?.dispose()
    },
    [],
  )

  // Esc in the editor while the bar is open closes it (the keyboard is already in the editor).
  useEffect(() => {
    if (!open) return
    return editor.registerCommand(
      KEY_ESCAPE_COMMAND,
      () => {
        dispatch({ type: 'escape' })
        return true
      },
      COMMAND_PRIORITY_LOW,
    )
  }, [editor, open])

  // The menu's 编辑 › 查找 / 替换.
  useEffect(
    () =>
      editor.registerCommand(
        OPEN_FIND_COMMAND,
        (mode) => {
          openBar(mode)
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, openBar],
  )

  // Ctrl+F / Ctrl+H anywhere in the window, F3 / Shift+F3 while the bar is open. Captured before
  // the editor sees them (on macOS Lexical would take Ctrl+H as a backspace).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        const key = e.key.toLowerCase()
        if (key !== 'f' && key !== 'h') return
        e.preventDefault()
        e.stopPropagation()
        openBar(key === 'f' ? 'find' : 'replace')
      } else if (open && e.key === 'F3' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault()
        e.stopPropagation()
        void step(e.shiftKey ? -1 : 1)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [open, openBar, step])

  if (!open) return null
  return (
    <FindReplacePanel
      bar={bar}
      status={status}
      dispatch={dispatch}
      onNext={() => void step(1)}
      onPrevious={() => void step(-1)}
      onReplace={() => void replaceCurrent()}
      onReplaceAll={() => void replaceAll()}
      onClose={close}
    />
  )
}
