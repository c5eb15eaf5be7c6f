import { describe, expect, it } from 'vitest'
import { diffCharacters, diffParagraphs, diffSequences, type DiffOp } from '../../../shared/text/diff'

/** Applies a diff's ops to rebuild both sides: a diff is right when both come back. */
function sides<T>(ops: DiffOp<T>[]): { a: T[]; b: T[] } {
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

const edits = <T>(ops: DiffOp<T>[]) => ops.filter((o) => o.kind !== 'same').reduce((n, o) => n + o.items.length, 0)

describe('diffSequences (Myers)', () => {
  it('finds a shortest edit script', () => {
    const ops = diffSequences([...'ABCABBA'], [...'CBABAC'])!
    expect(sides(ops)).toEqual({ a: [...'ABCABBA'], b: [...'CBABAC'] })
    expect(edits(ops)).toBe(5) // the classic example: D = 5
  })

  it('handles empty sides, equal sides and one-sided changes', () => {
    expect(diffSequences([], [])).toEqual([])
    expect(diffSequences(['a'], ['a'])).toEqual([{ kind: 'same', items: ['a'] }])
    expect(diffSequences([], ['a', 'b'])).toEqual([{ kind: 'added', items: ['a', 'b'] }])
    expect(diffSequences(['a', 'b'], [])).toEqual([{ kind: 'removed', items: ['a', 'b'] }])
  })

  it('rebuilds both sides of random edits with a shortest script', () => {
    let seed = 7
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n)
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: rand(40) }, () => '甲乙丙丁戊'[rand(5)]!)
      const b = [...a]
      for (let e = rand(8); e > 0; e--) {
        if (rand(2) && b.length) b.splice(rand(b.length), 1)
        else b.splice(rand(b.length + 1), 0, '己庚'[rand(2)]!)
      }
      const ops = diffSequences(a, b)!
      expect(sides(ops)).toEqual({ a, b })
      expect(edits(ops)).toBe(shortest(a, b))
    }
  })

  it('gives up past the edit limit', () => {
    expect(diffSequences([...'abcdefgh'], [...'ABCDEFGH'], 3)).toBeNull()
  })
})

describe('diffParagraphs', () => {
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
