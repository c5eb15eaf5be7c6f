/**
 * Text comparison for 版本记录: which paragraphs of two texts correspond, and what changed inside
 * a paragraph, character by character (Word's 修订 view: insertions underlined, deletions struck).
 *
 *   diffChars(a, b)          edits turning a into b, per character (code point: a CJK Extension B
 *                            character is one character, never two halves)
 *   alignParagraphs(a, b)    paragraphs matched: equal ones first (a diff over whole paragraphs),
 *                            then, between two equal ones, the removed and added paragraphs paired
 *                            by similarity (an edited paragraph reads as one changed paragraph,
 *                            not as one deleted and one inserted)
 *
 * Both use Myers' O(ND) algorithm (N the length, D the number of edits) after cutting the common
 * head and tail. Very different texts would make D large, so D is capped: past the cap the middle
 * is reported as one replacement, which is what a reader would call it anyway. Pure, no imports.
 *
 * The same results are also given as runs and segments (diffSequences, diffCharacters,
 * diffParagraphs: each side of a changed paragraph as segments marked changed or not).
 */

export type TextEdit = { op: 'equal' | 'insert' | 'delete'; text: string }

export type ParagraphChange =
  | { kind: 'equal'; a: number; b: number }
  | { kind: 'changed'; a: number; b: number; ops: TextEdit[] }
  | { kind: 'deleted'; a: number }
  | { kind: 'inserted'; b: number }

export interface DiffOptions {
  /** most edits Myers looks for before calling the rest one replacement (default 1000) */
  maxEdits?: number
}

export interface AlignOptions extends DiffOptions {
  /** least similarity (0–1) for a removed and an added paragraph to count as one changed paragraph */
  minSimilarity?: number
  /** most (removed × added) pairs weighed exactly in one stretch; past it, pairs go in order */
  maxPairs?: number
}

const DEFAULT_MAX_EDITS = 1000
const DEFAULT_MIN_SIMILARITY = 0.3
const DEFAULT_MAX_PAIRS = 40_000

type Step = 0 | 1 | 2 // equal, delete (from a), insert (from b)
const EQUAL: Step = 0
const DELETE: Step = 1
const INSERT: Step = 2

/** The shortest edit script from a to b, as steps, or null when it needs more than maxEdits edits. */
function myers<T>(a: readonly T[], b: readonly T[], maxEdits: number, eq: (x: T, y: T) => boolean = Object.is): Step[] | null {
  const n = a.length
  const m = b.length
  const max = n + m
  const limit = Math.min(max, maxEdits)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  outer: for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && eq(a[x]!, b[y]!)) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1))
        found = d
        break outer
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1))
  }
  if (found < 0) return null

  const steps: Step[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!
    const at = (k: number) => prev[k + d - 1]!
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      steps.push(EQUAL)
      x--
      y--
    }
    steps.push(down ? INSERT : DELETE)
    x = prevX
    y = prevY
  }
  while (x > 0 && y > 0) {
    steps.push(EQUAL)
    x--
    y--
  }
  return steps.reverse()
}

/** The common head and tail of a and b: cut before Myers (cheap, and most edits are local). */
function commonEnds<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): { head: number; tail: number } {
  let head = 0
  while (head < a.length && head < b.length && eq(a[head]!, b[head]!)) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && eq(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++
  return { head, tail }
}

const equalSteps = (n: number) => new Array<Step>(n).fill(EQUAL)

/** Steps over a and b, or null when the middle needs more than maxEdits edits. */
function trimmedSteps<T>(a: readonly T[], b: readonly T[], maxEdits: number, eq: (x: T, y: T) => boolean = Object.is): Step[] | null {
  const { head, tail } = commonEnds(a, b, eq)
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail), maxEdits, eq)
  return middle && [...equalSteps(head), ...middle, ...equalSteps(tail)]
}

/** As trimmedSteps, but past the edit cap the middle is one deletion and one insertion. */
function editSteps<T>(a: readonly T[], b: readonly T[], maxEdits: number): Step[] {
  const steps = trimmedSteps(a, b, maxEdits)
  if (steps) return steps
  const { head, tail } = commonEnds(a, b, Object.is)
  return [...equalSteps(head), ...new Array<Step>(a.length - head - tail).fill(DELETE), ...new Array<Step>(b.length - head - tail).fill(INSERT), ...equalSteps(tail)]
}

const codePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0)!)

/**
 * Character edits turning a into b. Within each stretch of edits the deletion comes before the
 * insertion ("原来的" struck, then "新的" underlined); a number is changed whole ("12次" → "15次"
 * reads 12 struck, 15 underlined, not 1 kept and 2 → 5); and an equal run of one or two characters
 * caught between two larger replacements (a stray "的" that happens to match in a rewritten
 * clause) is folded into them, so a rewritten clause reads as one replacement.
 */
export function diffChars(a: string, b: string, opts: DiffOptions = {}): TextEdit[] {
  const ca = Array.from(a)
  const cb = Array.from(b)
  const steps = editSteps(codePoints(a), codePoints(b), opts.maxEdits ?? DEFAULT_MAX_EDITS)
  const ops: TextEdit[] = []
  let i = 0
  let j = 0
  let del = ''
  let ins = ''
  const flush = () => {
    if (del) ops.push({ op: 'delete', text: del })
    if (ins) ops.push({ op: 'insert', text: ins })
    del = ''
    ins = ''
  }
  for (const s of steps) {
    if (s === EQUAL) {
      flush()
      const last = ops[ops.length - 1]
      if (last?.op === 'equal') last.text += ca[i]!
      else ops.push({ op: 'equal', text: ca[i]! })
      i++
      j++
    } else if (s === DELETE) del += ca[i++]!
    else ins += cb[j++]!
  }
  flush()
  return foldShortEqualities(wholeNumbers(ops))
}

const NUMBER_END = /[0-9０-９][0-9０-９.．]*$/
const NUMBER_START = /^[0-9０-９.．]*[0-9０-９]/
const DIGIT_START = /^[0-9０-９.．]/
const DIGIT_END = /[0-9０-９.．]$/

/** Widens every edit that starts or ends inside a number to the whole number (see diffChars). */
function wholeNumbers(input: TextEdit[]): TextEdit[] {
  const ops = input.map((o) => ({ ...o }))
  const out: TextEdit[] = []
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.op === 'equal') {
      out.push(ops[i++]!)
      continue
    }
    let del = ''
    let ins = ''
    for (; i < ops.length && ops[i]!.op !== 'equal'; i++) {
      if (ops[i]!.op === 'delete') del += ops[i]!.text
      else ins += ops[i]!.text
    }
    const before = out[out.length - 1]
    const head = before?.op === 'equal' && (DIGIT_START.test(del) || DIGIT_START.test(ins)) ? NUMBER_END.exec(before.text)?.[0] : undefined
    if (head && before) {
      before.text = before.text.slice(0, before.text.length - head.length)
      if (!before.text) out.pop()
      del = head + del
      ins = head + ins
    }
    const after = ops[i]
    const tail = after?.op === 'equal' && (DIGIT_END.test(del) || DIGIT_END.test(ins)) ? NUMBER_START.exec(after.text)?.[0] : undefined
    if (tail && after) {
      after.text = after.text.slice(tail.length)
      del += tail
      ins += tail
      if (!after.text) i++
    }
    if (del) out.push({ op: 'delete', text: del })
    if (ins) out.push({ op: 'insert', text: ins })
  }
  return out
}

const lengthOf = (s: string) => Array.from(s).length

/** Folds short equal runs that sit between larger edits into those edits (see diffChars). */
function foldShortEqualities(input: TextEdit[]): TextEdit[] {
  let ops = input
  for (let changed = true; changed; ) {
    changed = false
    // stretches: [equal?] [delete?] [insert?] …; an equal op at i with edits on both sides
    for (let i = 1; i < ops.length - 1; i++) {
      const eq = ops[i]!
      if (eq.op !== 'equal') continue
      const left = editsAround(ops, i, -1)
      const right = editsAround(ops, i, +1)
      // only between two replacements: next to a plain insertion or deletion an equal run is a
      // real anchor ("12次" → "15次，培训300人" keeps 次)
      if (!left.replaces || !right.replaces) continue
      const len = lengthOf(eq.text)
      if (len > 2 || len >= left.longest || len >= right.longest) continue
      // merge: left edits + eq + right edits → one delete, one insert
      const from = i - left.count
      const to = i + right.count
      let del = ''
      let ins = ''
      for (let k = from; k <= to; k++) {
        const o = ops[k]!
        if (o.op !== 'insert') del += o.text
        if (o.op !== 'delete') ins += o.text
      }
      const merged: TextEdit[] = []
      if (del) merged.push({ op: 'delete', text: del })
      if (ins) merged.push({ op: 'insert', text: ins })
      ops = [...ops.slice(0, from), ...merged, ...ops.slice(to + 1)]
      changed = true
      break
    }
  }
  return ops
}

/** The edit ops right before (dir −1) or after (+1) index i: how many, the longest side, whether both sides are there. */
function editsAround(ops: readonly TextEdit[], i: number, dir: -1 | 1): { count: number; longest: number; replaces: boolean } {
  let count = 0
  let del = 0
  let ins = 0
  for (let k = i + dir; k >= 0 && k < ops.length && ops[k]!.op !== 'equal'; k += dir) {
    count++
    if (ops[k]!.op === 'delete') del += lengthOf(ops[k]!.text)
    else ins += lengthOf(ops[k]!.text)
  }
  return { count, longest: Math.max(del, ins), replaces: del > 0 && ins > 0 }
}

/** The text the ops start from. */
export function diffSource(ops: readonly TextEdit[]): string {
  return ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('')
}

/** The text the ops lead to: applying the diff to its source. */
export function diffTarget(ops: readonly TextEdit[]): string {
  return ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')
}

/** Applies ops to a, checking that a is the text they were made from. */
export function applyDiff(a: string, ops: readonly TextEdit[]): string {
  let at = 0
  let out = ''
  for (const o of ops) {
    if (o.op === 'insert') out += o.text
    else {
      if (a.slice(at, at + o.text.length) !== o.text) throw new Error(`the diff does not fit the text at ${at}`)
      if (o.op === 'equal') out += o.text
      at += o.text.length
    }
  }
  if (at !== a.length) throw new Error('the diff does not cover the whole text')
  return out
}

/** Characters inserted and deleted by the ops. */
export function diffSize(ops: readonly TextEdit[]): { inserted: number; deleted: number } {
  let inserted = 0
  let deleted = 0
  for (const o of ops) {
    if (o.op === 'insert') inserted += lengthOf(o.text)
    else if (o.op === 'delete') deleted += lengthOf(o.text)
  }
  return { inserted, deleted }
}

/**
 * How alike two paragraphs are, 0–1: the Dice coefficient of their character pairs (bigrams),
 * or of their characters for very short ones. Linear in their length; order-tolerant enough that
 * a clause moved within a sentence still reads as the same paragraph.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const ca = Array.from(a)
  const cb = Array.from(b)
  if (!ca.length || !cb.length) return 0
  const gram = ca.length < 3 || cb.length < 3 ? 1 : 2
  const grams = (cs: string[]) => {
    const out = new Map<string, number>()
    for (let i = 0; i + gram <= cs.length; i++) {
      const g = cs.slice(i, i + gram).join('')
      out.set(g, (out.get(g) ?? 0) + 1)
    }
    return out
  }
  const ga = grams(ca)
  const gb = grams(cb)
  let common = 0
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0)
  const total = ca.length - gram + 1 + (cb.length - gram + 1)
  return (2 * common) / total
}

/**
 * Which paragraphs of a and b correspond (see the file comment). The result, read in order,
 * walks both lists: equal, changed and deleted entries give a; equal, changed and inserted give b.
 */
export function alignParagraphs(a: readonly string[], b: readonly string[], opts: AlignOptions = {}): ParagraphChange[] {
  const ids = new Map<string, number>()
  const intern = (s: string) => {
    let id = ids.get(s)
    if (id === undefined) ids.set(s, (id = ids.size))
    return id
  }
  const steps = editSteps(a.map(intern), b.map(intern), opts.maxEdits ?? DEFAULT_MAX_EDITS)
  const out: ParagraphChange[] = []
  let i = 0
  let j = 0
  let removed: number[] = []
  let added: number[] = []
  const flush = () => {
    if (removed.length || added.length) out.push(...pairUp(a, b, removed, added, opts))
    removed = []
    added = []
  }
  for (const s of steps) {
    if (s === EQUAL) {
      flush()
      out.push({ kind: 'equal', a: i++, b: j++ })
    } else if (s === DELETE) removed.push(i++)
    else added.push(j++)
  }
  flush()
  return out
}

/**
 * One stretch of removed and added paragraphs (between two equal ones): pairs in order that
 * maximise the total similarity (each pair at least minSimilarity), the rest deleted or inserted.
 * Output order: what comes before a pair on either side, deletions first, then the pair.
 */
function pairUp(a: readonly string[], b: readonly string[], removed: number[], added: number[], opts: AlignOptions): ParagraphChange[] {
  const min = opts.minSimilarity ?? DEFAULT_MIN_SIMILARITY
  const diffOpts = opts.maxEdits !== undefined ? { maxEdits: opts.maxEdits } : {}
  const pairs: [number, number][] = [] // indexes into removed, added
  const r = removed.length
  const c = added.length
  if (r && c) {
    if (r * c <= (opts.maxPairs ?? DEFAULT_MAX_PAIRS)) {
      // weighted LCS: score[i][j] = best total similarity over removed[i..] × added[j..]
      const sim = (x: number, y: number) => similarity(a[removed[x]!]!, b[added[y]!]!)
      const score = new Float64Array((r + 1) * (c + 1))
      const take = new Uint8Array((r + 1) * (c + 1)) // 0 skip removed, 1 skip added, 2 pair
      const at = (x: number, y: number) => x * (c + 1) + y
      for (let x = r - 1; x >= 0; x--) {
        for (let y = c - 1; y >= 0; y--) {
          let best = score[at(x + 1, y)]!
          let how = 0
          if (score[at(x, y + 1)]! > best) {
            best = score[at(x, y + 1)]!
            how = 1
          }
          const s = sim(x, y)
          if (s >= min && s + score[at(x + 1, y + 1)]! > best) {
            best = s + score[at(x + 1, y + 1)]!
            how = 2
          }
          score[at(x, y)] = best
          take[at(x, y)] = how
        }
      }
      for (let x = 0, y = 0; x < r && y < c; ) {
        const how = take[at(x, y)]
        if (how === 2) pairs.push([x++, y++])
        else if (how === 0) x++
        else y++
      }
    } else {
      // too many to weigh: pair in order while the paragraphs stay alike
      for (let x = 0; x < Math.min(r, c); x++) if (similarity(a[removed[x]!]!, b[added[x]!]!) >= min) pairs.push([x, x])
    }
  }
  const out: ParagraphChange[] = []
  let x = 0
  let y = 0
  for (const [px, py] of [...pairs, [r, c] as [number, number]]) {
    while (x < px) out.push({ kind: 'deleted', a: removed[x++]! })
    while (y < py) out.push({ kind: 'inserted', b: added[y++]! })
    if (px < r && py < c) {
      const ai = removed[x++]!
      const bi = added[y++]!
      out.push({ kind: 'changed', a: ai, b: bi, ops: diffChars(a[ai]!, b[bi]!, diffOpts) })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// The same comparison in runs and segments: a generic diff of two sequences, and each side of a
// changed paragraph as segments marked changed or not (the saving feature's 对比 shows them so).

export interface DiffOp<T> {
  kind: 'same' | 'removed' | 'added'
  items: T[]
}

/**
 * Myers' shortest edit script between `a` and `b`, as runs of kept, removed and added items, or
 * null when they differ in more than `maxEdits` items (the caller then shows the whole thing as
 * replaced): O((N+M)·D) time, O(D²) memory.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], maxEdits = 2000, eq: (x: T, y: T) => boolean = Object.is): DiffOp<T>[] | null {
  const steps = trimmedSteps(a, b, maxEdits, eq)
  if (!steps) return null
  const ops: DiffOp<T>[] = []
  let i = 0
  let j = 0
  for (const s of steps) {
    const kind = s === EQUAL ? 'same' : s === DELETE ? 'removed' : 'added'
    const item = s === INSERT ? b[j]! : a[i]!
    if (s !== INSERT) i++
    if (s !== DELETE) j++
    const last = ops[ops.length - 1]
    if (last?.kind === kind) last.items.push(item)
    else ops.push({ kind, items: [item] })
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

/** Each side of a text edit as segments: what each side has that the other lacks. */
export function segmentsOf(ops: readonly TextEdit[]): { before: Segment[]; after: Segment[] } {
  const before: Segment[] = []
  const after: Segment[] = []
  for (const o of ops) {
    if (o.op !== 'insert') before.push({ text: o.text, changed: o.op === 'delete' })
    if (o.op !== 'delete') after.push({ text: o.text, changed: o.op === 'insert' })
  }
  return { before, after }
}

/** Characters of two strings, as segments of each side (diffChars, capped at maxEdits). */
export function diffCharacters(before: string, after: string, maxEdits = DEFAULT_MAX_EDITS): { before: Segment[]; after: Segment[] } {
  return segmentsOf(diffChars(before, after, { maxEdits }))
}

/** Two texts as lists of paragraphs (alignParagraphs), changed pairs as segments of each side. */
export function diffParagraphs(before: readonly string[], after: readonly string[], opts: AlignOptions = {}): DiffRow[] {
  return alignParagraphs(before, after, opts).map((c): DiffRow => {
    switch (c.kind) {
      case 'equal':
        return { kind: 'same', text: after[c.b]! }
      case 'deleted':
        return { kind: 'removed', text: before[c.a]! }
      case 'inserted':
        return { kind: 'added', text: after[c.b]! }
      case 'changed':
        return { kind: 'changed', ...segmentsOf(c.ops) }
    }
  })
}
