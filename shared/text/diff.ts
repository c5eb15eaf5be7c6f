/**
 * A small text diff for comparing two versions of a document: paragraphs are matched first (Myers'
 * O(ND) difference algorithm over whole lines), then the characters inside each changed pair of
 * paragraphs. Chinese text has no word boundaries to speak of, so characters (code points) are the
 * unit. Pure; no dependencies.
 */

export interface DiffOp<T> {
  kind: 'same' | 'removed' | 'added'
  items: T[]
}

/**
 * Myers' greedy shortest edit script between `a` and `b`, as runs of kept, removed and added items.
 * Returns null when the two differ in more than `maxEdits` items (the caller then shows the whole
 * thing as replaced): the work is O((N+M)·D), the memory O(D²).
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], maxEdits = 2000, eq: (x: T, y: T) => boolean = Object.is): DiffOp<T>[] | null {
  // common prefix and suffix first: most edits are small, and this makes them cheap
  let start = 0
  while (start < a.length && start < b.length && eq(a[start]!, b[start]!)) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && eq(a[endA - 1]!, b[endB - 1]!)) {
    endA--
    endB--
  }
  const ops: DiffOp<T>[] = []
  const push = (kind: DiffOp<T>['kind'], items: readonly T[]) => {
    if (items.length === 0) return
    const last = ops[ops.length - 1]
    if (last && last.kind === kind) last.items.push(...items)
    else ops.push({ kind, items: [...items] })
  }
  push('same', a.slice(0, start))
  const middle = middleOps(a.slice(start, endA), b.slice(start, endB), maxEdits, eq)
  if (!middle) return null
  for (const op of middle) push(op.kind, op.items)
  push('same', a.slice(endA))
  return ops
}

function middleOps<T>(a: readonly T[], b: readonly T[], maxEdits: number, eq: (x: T, y: T) => boolean): DiffOp<T>[] | null {
  const n = a.length
  const m = b.length
  if (n === 0 && m === 0) return []
  if (n === 0) return [{ kind: 'added', items: [...b] }]
  if (m === 0) return [{ kind: 'removed', items: [...a] }]
  const max = n + m
  const limit = Math.min(max, maxEdits)
  const offset = max
  const v = new Int32Array(2 * max + 2)
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && eq(a[x]!, b[y]!)) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
    if (found >= 0) break
  }
  if (found < 0) return null

  // walk back through the saved frontiers: each step is one edit plus the diagonal before it
  const steps: { kind: DiffOp<T>['kind']; item: T }[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const prev = trace[d]! // the frontier before step d, indexed from -d
    const at = (k: number) => prev[k + d]!
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      steps.push({ kind: 'same', item: a[x - 1]! })
      x--
      y--
    }
    if (down) steps.push({ kind: 'added', item: b[prevY]! })
    else steps.push({ kind: 'removed', item: a[prevX]! })
    x = prevX
    y = prevY
  }
  while (x > 0 && y > 0) {
    steps.push({ kind: 'same', item: a[x - 1]! })
    x--
    y--
  }
  const ops: DiffOp<T>[] = []
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!
    const last = ops[ops.length - 1]
    if (last && last.kind === s.kind) last.items.push(s.item)
    else ops.push({ kind: s.kind, items: [s.item] })
  }
  return ops
}

/** A stretch of one side's text, marked when it is not on the other side. */
export interface Segment {
  text: string
  changed: boolean
}

export type DiffRow =
  | { kind: 'same'; text: string }
  | { kind: 'changed'; before: Segment[]; after: Segment[] }
  | { kind: 'removed'; text: string }
  | { kind: 'added'; text: string }

/** Characters of two strings: what each side has that the other lacks. */
export function diffCharacters(before: string, after: string, maxEdits = 1000): { before: Segment[]; after: Segment[] } {
  const ops = diffSequences(Array.from(before), Array.from(after), maxEdits)
  if (!ops) return { before: before ? [{ text: before, changed: true }] : [], after: after ? [{ text: after, changed: true }] : [] }
  const left: Segment[] = []
  const right: Segment[] = []
  for (const op of ops) {
    const text = op.items.join('')
    if (op.kind !== 'added') left.push({ text, changed: op.kind === 'removed' })
    if (op.kind !== 'removed') right.push({ text, changed: op.kind === 'added' })
  }
  return { before: left, after: right }
}

/**
 * Two texts as lists of paragraphs: unchanged paragraphs, paragraphs only on one side, and pairs
 * of changed paragraphs with their characters compared. Within a run of replaced paragraphs they
 * are paired in order; the ones left over are removed or added.
 */
export function diffParagraphs(before: readonly string[], after: readonly string[]): DiffRow[] {
  const ops = diffSequences(before, after, 2000) ?? [
    { kind: 'removed' as const, items: [...before] },
    { kind: 'added' as const, items: [...after] },
  ]
  const rows: DiffRow[] = []
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!
    if (op.kind === 'same') {
      for (const text of op.items) rows.push({ kind: 'same', text })
      continue
    }
    const next = ops[i + 1]
    if (op.kind === 'removed' && next?.kind === 'added') {
      const pairs = Math.min(op.items.length, next.items.length)
      for (let p = 0; p < pairs; p++) rows.push({ kind: 'changed', ...diffCharacters(op.items[p]!, next.items[p]!) })
      for (const text of op.items.slice(pairs)) rows.push({ kind: 'removed', text })
      for (const text of next.items.slice(pairs)) rows.push({ kind: 'added', text })
      i++
      continue
    }
    for (const text of op.items) rows.push({ kind: op.kind, text })
  }
  return rows
}
