/** Odd and large inputs: never throw, always a valid model, linear time, wording kept. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { recognize } from '../../../shared/recognizer'
import { fixture, only, run, wording } from './helpers'

const allFixtures = ['town-safety-2025', 'collection-three', 'traditional', 'hard-wrapped', 'web-junk', 'lists-leadins', 'placeholders']
  .map((name) => fixture(`${name}.txt`))
  .join('\n\n')

function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length)
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = fn()
  return { value, ms: performance.now() - start }
}

describe('edge inputs', () => {
  it('empty string → one empty document', () => {
    const result = run('')
    expect(result.documents).toEqual([{ version: 1, title: '', blocks: [{ type: 'paragraph', children: [] }], figures: [] }])
    expect(result.report).toEqual({
      headings: 0, runInHeadings: 0, linesJoined: 0, placeholders: 0, junkRemoved: 0, junkLines: [], documents: 1, suggestSplit: false, pieces: [], numberingGaps: [], warnings: [],
    })
    expect(run('', { clean: true, split: true }).documents).toHaveLength(1)
  })

  it('only whitespace → one empty document', () => {
    for (const text of ['   ', '\n\n\n', '\t\u3000 \r\n \u3000\u3000\n']) {
      expect(only(text, { clean: true, split: true })).toMatchObject({ title: '', blocks: [{ type: 'paragraph', children: [] }] })
    }
  })

  it('binary-ish garbage and control characters do not throw', () => {
    let garbage = ''
    for (let i = 0; i < 20_000; i++) garbage += String.fromCharCode((i * 7919) % 0x2100)
    const result = run(garbage + '\u0000\u0001\u001b[31m\ud800\udfff\ufffe', { clean: true, split: true })
    expect(result.report.warnings.some((w) => w.code === 'import.controlRemoved')).toBe(true)
  })

  it('a single very long line', () => {
    run('一、' + '甲乙丙。'.repeat(50_000), { clean: true, split: true })
    run('(' .repeat(100_000) + 'x'.repeat(100_000) + '_'.repeat(100_000))
  })
})

// How fast is a benchmark (`import_60k_txt_service_ms` in npm run bench). What a unit test can check
// on a shared machine is the shape of the cost: four times the text must cost about four times the
// time, never sixteen (a regular expression or a loop gone quadratic on some line shape).
describe('growth', () => {
  const shapes: Array<[string, string]> = [
    ['realistic text', allFixtures],
    ['one huge hard-wrapped paragraph', '　　' + '甲'.repeat(26) + '\n'],
    ['placeholders and marks', 'xx 20xx 甲x乙 ____ ** ××\n'],
    ['long digit runs', '1'.repeat(50) + '.\n'],
    ['nested markers', '(一)1.1.1.1.\n'],
  ]
  /** the best of three: the machine may be shared with other work */
  const best = (text: string) =>
    Math.min(...[0, 1, 2].map(() => timed(() => recognize(text, { clean: true, split: true })).ms))

  it.each(shapes)('%s: 500 KB costs about four times 125 KB, not sixteen', (_name, unit) => {
    const small = repeatTo(unit, 125_000)
    const large = repeatTo(unit, 500_000)
    expect(recognize(large, { clean: true, split: true }).documents.length).toBeGreaterThan(0)
    const [tSmall, tLarge] = [best(small), best(large)]
    // below 50 ms the ratio is noise; above it, quadratic growth would give ~16 (linear 4; a busy
    // machine has been seen to stretch one side to 9)
    if (tLarge > 50) expect(tLarge / tSmall, `${tSmall.toFixed(0)} ms → ${tLarge.toFixed(0)} ms`).toBeLessThan(11)
  }, 60_000)

  it('a line of a million blanks', () => {
    const { value } = timed(() => recognize(' '.repeat(999_999) + 'x', { clean: true, split: true }))
    expect(value.documents.length).toBeGreaterThan(0)
  })
})

describe('properties', () => {
  // Han characters that play no structural role (not numerals, not 年月日, not 篇/第): whatever the
  // structure recognized, these must come out in the same order, none lost, none added.
  const plainHan = [...'甲乙丙丁工作总结社区镇会议活动开展加强宣传领导组织落实']
  const pieces = [
    ...plainHan, '一、', '(一)', '（二）', '1.', '2、', '(1)', '⑵', '。', '，', ',', '：', '；', '？', '?', '！', '\n', '\n\n', '　　', ' ',
    'x', 'xx', 'XX', '××', '**', '____', '20xx', '——', '--', '1.5', '3、4', '2025年12月2日', '【篇一】', '第二篇:', '相关阅读', 'http://a.cn',
    '\u0000', '\r\n', '\t',
  ]
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((xs) => xs.join(''))
  const hanOnly = (s: string) => [...s].filter((c) => plainHan.includes(c)).join('')

  it('never throws and always validates', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, clean, split) => {
        run(t, { clean, split, today: '2025-12-31' })
      }),
      { numRuns: 300 },
    )
  })

  it('keeps every word in order (no clean, no split)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = only('首行\n' + t)
        expect(hanOnly(wording(doc))).toBe(hanOnly(t))
      }),
      { numRuns: 300 },
    )
  })
})

describe('fragment mode (pasted text)', () => {
  it('keeps the first line and a trailing organization/date as text, and placeholders as text', async () => {
    const { recognize } = await import('../../../shared/recognizer')
    const { documents, report } = recognize('一、工作成效\n召开会议xx次。\n某某街道办事处\n2025年6月30日', { fragment: true })
    expect(documents).toHaveLength(1)
    const doc = documents[0]!
    expect(doc.title).toBe('')
    expect(doc.signature).toBeUndefined()
    expect(doc.figures).toEqual([])
    expect(report.headings).toBe(1)
    expect(doc.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph'])
  })
})
