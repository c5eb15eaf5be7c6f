import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  alignParagraphs,
  applyDiff,
  diffChars,
  diffCharacters,
  diffParagraphs,
  diffSequences,
  diffSize,
  diffSource,
  diffTarget,
  similarity,
  type DiffOp,
  type ParagraphChange,
} from '../../../shared/text/diff'

/** Short strings over a small alphabet of Chinese, Latin, digits, punctuation and an astral character, so edits collide often. */
const CHARS = [...'的工作会议安全检查全年共次12，。a𠀀']
const text = (maxLength = 30) => fc.array(fc.constantFrom(...CHARS), { maxLength }).map((cs) => cs.join(''))
const paragraphs = fc.array(text(12), { maxLength: 12 })

/** Reading an alignment in order gives back both lists. */
function sides(a: readonly string[], b: readonly string[], changes: readonly ParagraphChange[]) {
  const left: string[] = []
  const right: string[] = []
  for (const c of changes) {
    if (c.kind === 'equal') {
      left.push(a[c.a]!)
      right.push(b[c.b]!)
    } else if (c.kind === 'changed') {
      left.push(a[c.a]!)
      right.push(applyDiff(a[c.a]!, c.ops))
    } else if (c.kind === 'deleted') left.push(a[c.a]!)
    else right.push(b[c.b]!)
  }
  return { left, right }
}

describe('diffChars', () => {
  it('applying the diff to a gives b, and its source is a', () => {
    fc.assert(
      fc.property(text(), text(), (a, b) => {
        const ops = diffChars(a, b)
        expect(applyDiff(a, ops)).toBe(b)
        expect(diffSource(ops)).toBe(a)
        expect(diffTarget(ops)).toBe(b)
      }),
      { numRuns: 500 },
    )
  })

  it('is minimal on small inputs: never more edited characters than a plain replacement, none for equal text', () => {
    fc.assert(
      fc.property(text(), text(), (a, b) => {
        const { inserted, deleted } = diffSize(diffChars(a, b))
        expect(inserted + deleted).toBeLessThanOrEqual([...a].length + [...b].length)
        expect(diffChars(a, a).every((o) => o.op === 'equal')).toBe(true)
      }),
    )
  })

  it('still gives b past the edit cap (the middle as one replacement)', () => {
    fc.assert(
      fc.property(text(60), text(60), (a, b) => {
        expect(applyDiff(a, diffChars(a, b, { maxEdits: 3 }))).toBe(b)
      }),
    )
  })

  it('keeps astral characters whole', () => {
    const ops = diffChars('𠀀a', '𠀁a')
    expect(ops).toEqual([
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
      { op: 'equal', text: 'a' },
    ])
  })

  it('marks an edited figure inside a sentence, deletion before insertion', () => {
    expect(diffChars('全年召开专题会议12次，覆盖全镇。', '全年召开专题会议15次，覆盖全镇各村。')).toEqual([
      { op: 'equal', text: '全年召开专题会议' },
      { op: 'delete', text: '12' },
      { op: 'insert', text: '15' },
      { op: 'equal', text: '次，覆盖全镇' },
      { op: 'insert', text: '各村' },
      { op: 'equal', text: '。' },
    ])
  })

  it('changes a number whole, decimals and appended digits too', () => {
    expect(diffChars('投入560.49万元', '投入560.52万元')).toEqual([
      { op: 'equal', text: '投入' },
      { op: 'delete', text: '560.49' },
      { op: 'insert', text: '560.52' },
      { op: 'equal', text: '万元' },
    ])
    expect(diffChars('共12次', '共125次')).toEqual([
      { op: 'equal', text: '共' },
      { op: 'delete', text: '12' },
      { op: 'insert', text: '125' },
      { op: 'equal', text: '次' },
    ])
    expect(diffChars('12', '13')).toEqual([
      { op: 'delete', text: '12' },
      { op: 'insert', text: '13' },
    ])
  })

  it('reads a rewritten clause as one replacement, not around a stray matching 的', () => {
    const ops = diffChars('一是加强组织的领导。', '一是完善制度的建设。')
    expect(ops).toEqual([
      { op: 'equal', text: '一是' },
      { op: 'delete', text: '加强组织的领导' },
      { op: 'insert', text: '完善制度的建设' },
      { op: 'equal', text: '。' },
    ])
  })

  it('is fast on a long paragraph with scattered edits', () => {
    const a = '今年以来，我镇坚持安全发展理念，扎实推进各项工作。'.repeat(200)
    const b = a.replace(/各项/g, (m, at: number) => (at % 3 === 0 ? '各类' : m))
    const started = performance.now()
    expect(applyDiff(a, diffChars(a, b))).toBe(b)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('alignParagraphs', () => {
  it('reading the alignment gives back a and b', () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, (a, b) => {
        const { left, right } = sides(a, b, alignParagraphs(a, b))
        expect(left).toEqual(a)
        expect(right).toEqual(b)
      }),
      { numRuns: 300 },
    )
  })

  it('gives back a and b also when pairing falls back to order and Myers to replacement', () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, (a, b) => {
        const { left, right } = sides(a, b, alignParagraphs(a, b, { maxPairs: 2, maxEdits: 2 }))
        expect(left).toEqual(a)
        expect(right).toEqual(b)
      }),
    )
  })

  const before = [
    '2025年度安全生产工作总结',
    '今年以来，在镇党委、镇政府的正确领导下，我办坚持安全发展理念，全镇安全生产形势总体平稳。',
    '一、主要工作',
    '全年共开展安全检查126次，排查隐患58处，已全部整改到位。',
    '组织应急演练9场，参与群众1200余人次。',
    '二、存在的问题',
    '部分企业主体责任落实不到位。',
  ]

  it('an inserted paragraph is one insertion; everything else stays equal', () => {
    const after = [...before.slice(0, 4), '开展安全生产月宣传活动，发放宣传资料3000余份。', ...before.slice(4)]
    expect(alignParagraphs(before, after).filter((c) => c.kind !== 'equal')).toEqual([{ kind: 'inserted', b: 4 }])
  })

  it('an edited sentence is one changed paragraph, marked character by character', () => {
    const after = [...before]
    after[1] = '今年以来，在镇党委、镇政府的坚强领导下，我办坚持人民至上、生命至上，全镇安全生产形势总体平稳。'
    const changes = alignParagraphs(before, after).filter((c) => c.kind !== 'equal')
    expect(changes).toHaveLength(1)
    const [changed] = changes
    expect(changed).toMatchObject({ kind: 'changed', a: 1, b: 1 })
    const ops = (changed as Extract<ParagraphChange, { kind: 'changed' }>).ops
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['正确', '安全发展理念'])
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['坚强', '人民至上、生命至上'])
    expect(applyDiff(before[1]!, ops)).toBe(after[1])
  })

  it('a number moved within its paragraph keeps the paragraph matched: struck where it was, underlined where it is', () => {
    const after = [...before]
    after[3] = '全年共排查隐患58处，开展安全检查126次，已全部整改到位。'
    const changes = alignParagraphs(before, after).filter((c) => c.kind !== 'equal')
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ kind: 'changed', a: 3, b: 3 })
    const ops = (changes[0] as Extract<ParagraphChange, { kind: 'changed' }>).ops
    expect(ops.some((o) => o.op === 'delete' && o.text.includes('58'))).toBe(true)
    expect(ops.some((o) => o.op === 'insert' && o.text.includes('58'))).toBe(true)
    expect(applyDiff(before[3]!, ops)).toBe(after[3])
  })

  it('an edited paragraph next to an inserted and a deleted one pairs with its own old version', () => {
    const after = [
      ...before.slice(0, 3),
      '新增一段：完成危化品企业专项整治。',
      '全年共开展安全检查130次，排查隐患58处，已全部整改到位。',
      ...before.slice(5),
    ]
    const changes = alignParagraphs(before, after).filter((c) => c.kind !== 'equal')
    expect(changes.map((c) => c.kind).sort()).toEqual(['changed', 'deleted', 'inserted'])
    expect(changes.find((c) => c.kind === 'changed')).toMatchObject({ a: 3, b: 4 })
    expect(changes.find((c) => c.kind === 'deleted')).toMatchObject({ a: 4 })
  })

  it('similarity: same text 1, unrelated text near 0, an edited sentence high', () => {
    expect(similarity('安全检查', '安全检查')).toBe(1)
    expect(similarity('安全检查', '')).toBe(0)
    expect(similarity('全年共开展安全检查126次', '乡村振兴取得新进展')).toBeLessThan(0.1)
    expect(similarity(before[3]!, '全年共开展安全检查130次，排查隐患58处，已全部整改到位。')).toBeGreaterThan(0.8)
  })

  it('aligns a 2,000-paragraph document quickly', () => {
    const a = Array.from({ length: 2000 }, (_, i) => `第${i}段：今年以来，我镇扎实推进各项工作，成效明显。`)
    const b = a.map((p, i) => (i % 50 === 0 ? p.replace('成效', '成绩') : p))
    b.splice(700, 0, '插入的一段。')
    const started = performance.now()
    const changes = alignParagraphs(a, b)
    expect(changes.filter((c) => c.kind === 'changed')).toHaveLength(40)
    expect(changes.filter((c) => c.kind === 'inserted')).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(3000)
  })
})

// ---------------------------------------------------------------------------------------------
// The same comparison as runs and segments (diffSequences, diffCharacters, diffParagraphs).

/** Rebuilds both sides from a run diff: a diff is right when both come back. */
function runSides<T>(ops: DiffOp<T>[]): { a: T[]; b: T[] } {
  const a: T[] = []
  const b: T[] = []
  for (const op of ops) {
    if (op.kind !== 'added') a.push(...op.items)
    if (op.kind !== 'removed') b.push(...op.items)
  }
  return { a, b }
}

/** n + m − 2·LCS: the length of a shortest edit script, by dynamic programming. */
function shortest<T>(a: T[], b: T[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!)
  return a.length + b.length - 2 * dp[a.length]![b.length]!
}

const runEdits = <T>(ops: DiffOp<T>[]) => ops.filter((o) => o.kind !== 'same').reduce((n, o) => n + o.items.length, 0)

describe('diffSequences (Myers)', () => {
  it('finds a shortest edit script', () => {
    const ops = diffSequences([...'ABCABBA'], [...'CBABAC'])!
    expect(runSides(ops)).toEqual({ a: [...'ABCABBA'], b: [...'CBABAC'] })
    expect(runEdits(ops)).toBe(5) // the classic example: D = 5
  })

  it('handles empty sides, equal sides and one-sided changes', () => {
    expect(diffSequences([], [])).toEqual([])
    expect(diffSequences(['a'], ['a'])).toEqual([{ kind: 'same', items: ['a'] }])
    expect(diffSequences([], ['a', 'b'])).toEqual([{ kind: 'added', items: ['a', 'b'] }])
    expect(diffSequences(['a', 'b'], [])).toEqual([{ kind: 'removed', items: ['a', 'b'] }])
  })

  it('rebuilds both sides with a shortest script, by any equality', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'甲乙丙丁戊'), { maxLength: 40 }), fc.array(fc.constantFrom(...'甲乙丙己庚'), { maxLength: 40 }), (a, b) => {
        const ops = diffSequences(a, b)!
        expect(runSides(ops)).toEqual({ a, b })
        expect(runEdits(ops)).toBe(shortest(a, b))
      }),
    )
    const byName = diffSequences([{ n: 'a' }, { n: 'b' }], [{ n: 'b' }], 10, (x, y) => x.n === y.n)!
    expect(byName.map((o) => o.kind)).toEqual(['removed', 'same'])
  })

  it('gives up past the edit limit', () => {
    expect(diffSequences([...'abcdefgh'], [...'ABCDEFGH'], 3)).toBeNull()
  })
})

describe('diffParagraphs and diffCharacters', () => {
  it('keeps unchanged paragraphs, pairs changed ones and marks the characters', () => {
    const rows = diffParagraphs(['标题', '召开会议3次。', '没有变化。', '删掉的一段。'], ['标题', '召开会议12次。', '没有变化。', '新加的一段。', '又一段。'])
    expect(rows[0]).toEqual({ kind: 'same', text: '标题' })
    expect(rows[1]).toEqual({
      kind: 'changed',
      before: [{ text: '召开会议', changed: false }, { text: '3', changed: true }, { text: '次。', changed: false }],
      after: [{ text: '召开会议', changed: false }, { text: '12', changed: true }, { text: '次。', changed: false }],
    })
    expect(rows[2]).toEqual({ kind: 'same', text: '没有变化。' })
    expect(rows[3]).toMatchObject({ kind: 'changed' })
    expect(rows[4]).toEqual({ kind: 'added', text: '又一段。' })
  })

  it('shows a paragraph too different to compare as wholly replaced', () => {
    const a = 'x'.repeat(3000)
    const b = 'y'.repeat(3000)
    expect(diffCharacters(a, b)).toEqual({ before: [{ text: a, changed: true }], after: [{ text: b, changed: true }] })
  })
})
