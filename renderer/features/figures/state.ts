/**
 * The open document's figures live in the editor state, as NodeState on the root node
 * (`$['dd-figures']` in the serialized state). That makes every change to the figure table an
 * editor update like typing: it is in the undo history, it commits atomically with the text it
 * touches (设为数据 creates a figure and turns the text into a reference in one step), and
 * autosave sees it. See README.md in this folder for the reasoning.
 */
import {
  $getEditor,
  $getNodeByKey,
  $getRoot,
  $getState,
  $setState,
  createState,
  type LexicalEditor,
  type NodeKey,
} from 'lexical'
import { z } from 'zod'
import { NODE_TYPES, type SerializedState } from '../../../shared/document/lexicalState'
import { FigureSchema, type Figure } from '../../../shared/document/model'
import { figureFormatter, type FigureDisplay } from '../../../shared/figures/format'
import { $isFigureRefNode, FigureRefNode } from './FigureRefNode'

const EMPTY: readonly Figure[] = Object.freeze([])

/** Reads whatever the state holds; entries that fail the schema are dropped, never the rest. */
function parseFigures(value: unknown): readonly Figure[] {
  if (!Array.isArray(value)) return EMPTY
  const whole = z.array(FigureSchema).safeParse(value)
  if (whole.success) return whole.data
  return value.flatMap((v) => {
    const one = FigureSchema.safeParse(v)
    return one.success ? [one.data] : []
  })
}

export const FIGURES_STATE_KEY = 'dd-figures'
export const figuresState = createState(FIGURES_STATE_KEY, { parse: parseFigures, isEqual: (a, b) => a === b })

const formatters = new WeakMap<readonly Figure[], (id: string) => FigureDisplay>()

/** The formatter for one figure list, built once per list (lists are immutable). */
export function formatterFor(figures: readonly Figure[]): (id: string) => FigureDisplay {
  let f = formatters.get(figures)
  if (!f) {
    f = figureFormatter(figures)
    formatters.set(figures, f)
  }
  return f
}

export function $getFigures(): readonly Figure[] {
  return $getState($getRoot(), figuresState)
}

// ---------------------------------------------------------------------------------------------
// Where the references are: figure id → node keys, kept by the figures plugin from mutations.

export class FigureRefIndex {
  private readonly idOfKey = new Map<NodeKey, string>()
  private readonly keysOfId = new Map<string, Set<NodeKey>>()
  private version = 0
  private readonly listeners = new Set<() => void>()
  private counts: ReadonlyMap<string, number> = new Map()
  private countsVersion = -1

  set(key: NodeKey, figureId: string): void {
    const old = this.idOfKey.get(key)
    if (old === figureId) return
    if (old !== undefined) this.keysOfId.get(old)?.delete(key)
    this.idOfKey.set(key, figureId)
    let keys = this.keysOfId.get(figureId)
    if (!keys) this.keysOfId.set(figureId, (keys = new Set()))
    keys.add(key)
    this.version++
  }

  delete(key: NodeKey): void {
    const old = this.idOfKey.get(key)
    if (old === undefined) return
    this.idOfKey.delete(key)
    this.keysOfId.get(old)?.delete(key)
    this.version++
  }

  keys(figureId: string): readonly NodeKey[] {
    return [...(this.keysOfId.get(figureId) ?? [])]
  }

  /** References per figure id (a new map only when something changed, for React). */
  uses(): ReadonlyMap<string, number> {
    if (this.countsVersion !== this.version) {
      const counts = new Map<string, number>()
      for (const [id, keys] of this.keysOfId) if (keys.size) counts.set(id, keys.size)
      this.counts = counts
      this.countsVersion = this.version
    }
    return this.counts
  }

  notify(): void {
    for (const l of this.listeners) l()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

const indexes = new WeakMap<LexicalEditor, FigureRefIndex>()

export function figureRefIndex(editor: LexicalEditor): FigureRefIndex {
  let index = indexes.get(editor)
  if (!index) indexes.set(editor, (index = new FigureRefIndex()))
  return index
}

/** Every reference node to these figures (the index, else a walk of the document). */
function $refsOf(ids: ReadonlySet<string>): FigureRefNode[] {
  const index = indexes.get($getEditor())
  const out: FigureRefNode[] = []
  if (index) {
    for (const id of ids) {
      for (const key of index.keys(id)) {
        const node = $getNodeByKey(key)
        if ($isFigureRefNode(node) && node.getFigureId() === id) out.push(node)
      }
    }
    return out
  }
  const walk = (node: import('lexical').LexicalNode): void => {
    if ($isFigureRefNode(node)) {
      if (ids.has(node.getFigureId())) out.push(node)
    } else if ('getChildren' in node && typeof node.getChildren === 'function') {
      for (const child of (node as import('lexical').ElementNode).getChildren()) walk(child)
    }
  }
  walk($getRoot())
  return out
}

/**
 * Replaces the figure list and repaints, in this same update, every reference whose shown text
 * changes (the figure itself, and the formulas that depend on it).
 */
export function $setFigures(next: readonly Figure[]): void {
  const prev = $getFigures()
  if (prev === next) return
  $setState($getRoot(), figuresState, next)
  const before = formatterFor(prev)
  const after = formatterFor(next)
  const changed = new Set<string>()
  for (const f of [...prev, ...next]) {
    const a = before(f.id)
    const b = after(f.id)
    if (a.text !== b.text || a.unfilled !== b.unfilled) changed.add(f.id)
  }
  if (changed.size === 0) return
  for (const node of $refsOf(changed)) {
    const shown = after(node.getFigureId())
    node.setDisplay(shown.text, shown.unfilled)
  }
}

export function $updateFigures(updater: (figures: readonly Figure[]) => readonly Figure[]): void {
  $setFigures(updater($getFigures()))
}

/** All reference nodes of one figure, in reading order. */
export function $figureRefsInOrder(figureId: string): FigureRefNode[] {
  const out: FigureRefNode[] = []
  const walk = (node: import('lexical').LexicalNode): void => {
    if ($isFigureRefNode(node)) {
      if (node.getFigureId() === figureId) out.push(node)
    } else if ('getChildren' in node && typeof node.getChildren === 'function') {
      for (const child of (node as import('lexical').ElementNode).getChildren()) walk(child)
    }
  }
  walk($getRoot())
  return out
}

/**
 * The serialized editor state of a model, with the figure table on the root and every reference
 * already showing its text (so nothing has to change, and nothing enters the undo history, when
 * the editor loads it).
 */
export function withFigures(state: SerializedState, figures: readonly Figure[]): SerializedState {
  const format = figureFormatter(figures)
  const visit = (node: Record<string, unknown>): Record<string, unknown> => {
    if (node.type === NODE_TYPES.figure && typeof node.figureId === 'string') {
      const shown = format(node.figureId)
      return { ...node, shown: shown.text, ...(shown.unfilled ? { unfilled: true } : {}) }
    }
    const children = node.children
    return Array.isArray(children) ? { ...node, children: children.map((c) => visit(c as Record<string, unknown>)) } : node
  }
  const root = visit(state.root as unknown as Record<string, unknown>)
  // other root state (the numbering style) stays beside the figure table
  const others = (root.$ ?? {}) as Record<string, unknown>
  return { root: { ...root, $: { ...others, [FIGURES_STATE_KEY]: figures } } as unknown as SerializedState['root'] }
}
