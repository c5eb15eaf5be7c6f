import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compileQuery,
  escapeRegExp,
  expandReplacement,
  findInTexts,
  findMatches,
  firstMatchFrom,
  hasNestedQuantifier,
  isWholeWord,
  lastMatchBefore,
  makeReplacer,
  MATCH_LIMIT,
  type FindOptions,
  type TextMatch,
} from '../../renderer/features/find-replace/matching'
import { sixtyThousandCharacters } from '../bench/find'
import { findBarReducer, INITIAL_FIND_BAR, type FindBarAction } from '../../renderer/features/find-replace/bar'

const plain: FindOptions = { matchCase: false, wholeWord: false, regex: false }
const regex: FindOptions = { ...plain, regex: true }

function found(texts: string[], query: string, options: FindOptions = plain): string[] {
  const outcome = findMatches(texts, query, options)
  if (outcome.kind !== 'ok') throw new Error(`not ok: ${JSON.stringify(outcome)}`)
  return outcome.matches.map((m) => `${m.text}:${texts[m.text]!.slice(m.start, m.end)}@${m.start}`)
}

/** Applies replacements the way the plugin does: per text, from the last match to the first. */
function replaceAll(texts: string[], query: string, options: FindOptions, template: string): string[] {
  const compiled = compileQuery(query, options)
  if (!compiled?.ok) throw new Error('bad query')
  const { matches } = findInTexts(texts, compiled.re, options.wholeWord)
  const replacer = makeReplacer(compiled, template)
  const out = [...texts]
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i]!
    const t = out[m.text]!
    out[m.text] = t.slice(0, m.start) + replacer(texts[m.text]!, m) + t.slice(m.end)
  }
  return out
}

describe('finding', () => {
  it('finds every occurrence in every block, in order, never across blocks', () => {
    expect(found(['加强党的建设，加强作风建设', '全面加强', '强化'], '加强')).toEqual(['0:加强@0', '0:加强@7', '1:加强@2'])
    // "强化" would only match across the boundary between texts 1 and 2
    expect(found(['全面加强', '化解矛盾'], '强化')).toEqual([])
  })

  it('returns empty for an empty query and ok-with-nothing for no match', () => {
    expect(findMatches(['abc'], '', plain)).toEqual({ kind: 'empty' })
    expect(findMatches(['abc'], 'x', plain)).toEqual({ kind: 'ok', matches: [], capped: false, timedOut: false })
  })

  it('takes plain queries literally', () => {
    expect(found(['a.b axb (1) [x] $5 ^_^ a\\b'], 'a.b')).toEqual(['0:a.b@0'])
    expect(found(['(1) [x] $5 ^_^ a\\b'], '(1)')).toEqual(['0:(1)@0'])
    expect(found(['(1) [x] $5 ^_^ a\\b'], '$5')).toEqual(['0:$5@8'])
    expect(found(['(1) [x] $5 ^_^ a\\b'], 'a\\b')).toEqual(['0:a\\b@15'])
    expect(found(['价格上涨5%（同比）'], '5%（')).toEqual(['0:5%（@4'])
  })

  it('folds case unless asked not to; Chinese is unaffected', () => {
    expect(found(['Excel excel EXCEL'], 'excel')).toHaveLength(3)
    expect(found(['Excel excel EXCEL'], 'excel', { ...plain, matchCase: true })).toEqual(['0:excel@6'])
    expect(found(['工作工作'], '工作', { ...plain, matchCase: true })).toHaveLength(2)
  })

  it('matches whole Western words only, treating CJK as a word edge', () => {
    const ww = { ...plain, wholeWord: true }
    expect(found(['用Excel做表，Excels 和 excel。'], 'excel', ww)).toEqual(['0:Excel@1', '0:excel@18'])
    expect(found(['cat concat cat_ cats cat'], 'cat', ww)).toEqual(['0:cat@0', '0:cat@21'])
    expect(found(['aaa aa'], 'aa', ww)).toEqual(['0:aa@4'])
    // a CJK query is never limited by whole word
    expect(found(['工作总结'], '工作', ww)).toEqual(['0:工作@0'])
    expect(isWholeWord('GDP增长', 0, 3)).toBe(true)
    expect(isWholeWord('GDPs', 0, 3)).toBe(false)
    expect(isWholeWord('café au lait', 0, 3)).toBe(false)
  })

  it('supports JavaScript regular expressions, anchored per block', () => {
    expect(found(['2023年增长5%，2024年增长8%'], '\\d{4}年', regex)).toEqual(['0:2023年@0', '0:2024年@10'])
    expect(found(['一、总体情况', '二、主要做法'], '^[一二三]、', regex)).toEqual(['0:一、@0', '1:二、@0'])
    expect(found(['abc', 'xbc'], 'c$', regex)).toEqual(['0:c@2', '1:c@2'])
    // the u flag: . takes a whole astral character
    expect(found(['𠮷野家'], '^.', regex)).toEqual(['0:𠮷@0'])
    // a pattern that is only valid without the u flag still works
    expect(compileQuery('\\-', regex)).toMatchObject({ ok: true })
    expect(found(['a-b'], '\\-', regex)).toEqual(['0:-@1'])
  })

  it('skips zero-length matches and still terminates', () => {
    expect(found(['abc', '', '𠮷x'], 'x*', regex)).toEqual(['2:x@2'])
    expect(found(['abc'], '^', regex)).toEqual([])
    expect(found(['abc'], '(?=b)', regex)).toEqual([])
    expect(found(['abc'], '\\b', regex)).toEqual([])
  })

  it('reports an invalid regular expression instead of throwing', () => {
    for (const q of ['(', '[a-', '*', 'a{2,1}', '(?<n>a)(?<n>b)']) {
      const outcome = findMatches(['abc'], q, regex)
      expect(outcome.kind, q).toBe('error')
      if (outcome.kind === 'error') {
        expect(outcome.reason).toBe('invalid')
        if (outcome.reason === 'invalid') expect(outcome.detail).toMatch(/regular expression/i)
      }
    }
    // the same text as a plain query is fine
    expect(found(['a(b'], '(')).toEqual(['0:(@1'])
  })

  it('refuses nested unbounded repetition, the catastrophic-backtracking shape', () => {
    for (const q of ['(a+)+', '(a*)*b', '(?:\\d+,)+', '(.+)*x', '((ab)+c)+', '(a{2,})+', '(?<x>a+)+']) expect(hasNestedQuantifier(q), q).toBe(true)
    for (const q of ['(a+)?', '(ab)+', 'a+b+', '(\\d{4})年', '[(a+)+]', '\\(a+\\)+', '(?:a|b)*', '(a{1,3})+', '(?=a+)']) expect(hasNestedQuantifier(q), q).toBe(false)
    expect(findMatches(['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'], '(a+)+$', regex)).toEqual({ kind: 'error', reason: 'nested-quantifier' })
  })

  it('stops at the match limit and says so', () => {
    const text = '字'.repeat(MATCH_LIMIT + 5)
    const outcome = findMatches([text], '字', plain)
    expect(outcome).toMatchObject({ kind: 'ok', capped: true })
    if (outcome.kind === 'ok') expect(outcome.matches).toHaveLength(MATCH_LIMIT)
    const exact = findMatches(['字'.repeat(MATCH_LIMIT)], '字', plain)
    expect(exact).toMatchObject({ kind: 'ok', capped: false })
    if (exact.kind === 'ok') expect(exact.matches).toHaveLength(MATCH_LIMIT)
  })

  it('stops when the time budget is spent', () => {
    let clock = 0
    const texts = Array.from({ length: 100 }, () => 'ab')
    const result = findInTexts(texts, /a/gu, false, { budgetMs: 10, now: () => (clock += 1) })
    expect(result.timedOut).toBe(true)
    expect(result.matches.length).toBeLessThan(100)
  })

  it('agrees with String.prototype.matchAll for plain queries (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('工', '作', 'a', 'A', '.', '*', ' ') }), { maxLength: 6 }), fc.string({ unit: fc.constantFrom('工', '作', 'a', '.', '*'), minLength: 1, maxLength: 3 }), (texts, q) => {
        const outcome = findMatches(texts, q, { ...plain, matchCase: true })
        const expected: TextMatch[] = []
        texts.forEach((t, i) => {
          for (const m of t.matchAll(new RegExp(escapeRegExp(q), 'g'))) expected.push({ text: i, start: m.index, end: m.index + q.length })
        })
        expect(outcome).toEqual({ kind: 'ok', matches: expected, capped: false, timedOut: false })
      }),
    )
  })
})

describe('replacing', () => {
  it('takes a plain replacement literally, $ and all', () => {
    expect(replaceAll(['工作总结，工作计划'], '工作', plain, '$&年度')).toEqual(['$&年度总结，$&年度计划'])
  })

  it('expands $& and groups for regular expressions, like String.prototype.replace', () => {
    expect(replaceAll(['2023年', '2024年和2025年'], '(\\d{4})年', regex, '$1年度')).toEqual(['2023年度', '2024年度和2025年度'])
    expect(replaceAll(['张三、李四'], '(?<a>张三)、(?<b>李四)', regex, '$<b>、$<a>')).toEqual(['李四、张三'])
    expect(replaceAll(['abc'], 'b', regex, '[$&|$`|$\'|$$|$2|$0]')).toEqual(['a[b|a|c|$|$2|$0]c'])
    const re = /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/u
    const m = re.exec('abcdefghijk')!
    expect(expandReplacement('$11-$10-$1-$12', m, 'abcdefghijk')).toBe('k-j-a-a2')
    expect(expandReplacement('$<x>$', /(?<x>z)/.exec('z')!, 'z')).toBe('z$')
    // every case agrees with the built-in
    for (const template of ['$1$2', '$$1', '$&$&', '<$`>', "<$'>", '$3', '$', '$<n>', '$01', '$10', '$<nope>', '$<n']) {
      const subject = 'xx12yy'
      const pattern = /(?<n>\d)(\d)/
      const m = pattern.exec(subject)!
      const ours = subject.slice(0, m.index) + expandReplacement(template, m, subject) + subject.slice(m.index + m[0].length)
      expect(ours, template).toBe(subject.replace(pattern, template))
    }
  })

  it('replaces with case folded and whole word as found', () => {
    expect(replaceAll(['Excel、EXCEL、Excels'], 'excel', { ...plain, wholeWord: true }, 'WPS')).toEqual(['WPS、WPS、Excels'])
  })

  it('does not loop when the replacement contains the query', () => {
    expect(replaceAll(['工作工作'], '工作', plain, '工作会议')).toEqual(['工作会议工作会议'])
  })
})

describe('moving between matches', () => {
  const matches: TextMatch[] = [
    { text: 0, start: 2, end: 4 },
    { text: 0, start: 8, end: 10 },
    { text: 3, start: 0, end: 2 },
  ]
  it('goes to the first match at or after a position, wrapping', () => {
    expect(firstMatchFrom(matches, 0, 0)).toBe(0)
    expect(firstMatchFrom(matches, 0, 2)).toBe(0)
    expect(firstMatchFrom(matches, 0, 3)).toBe(1)
    expect(firstMatchFrom(matches, 1, 0)).toBe(2)
    expect(firstMatchFrom(matches, 3, 1)).toBe(0)
  })
  it('goes to the last match before a position, wrapping', () => {
    expect(lastMatchBefore(matches, 0, 2)).toBe(2)
    expect(lastMatchBefore(matches, 0, 3)).toBe(0)
    expect(lastMatchBefore(matches, 2, 0)).toBe(1)
    expect(lastMatchBefore(matches, 9, 0)).toBe(2)
  })
})

describe('a long document', () => {
  // how fast: tests/bench/find.ts (measured, never asserted here)
  it('finds every occurrence in a 60,000-character document, plain and by a regular expression', () => {
    const texts = sixtyThousandCharacters()
    const outcome = findMatches(texts, '工作', plain)
    expect(outcome.kind === 'ok' && outcome.matches.length).toBe(texts.length * 3)
    const byRegex = findMatches(texts, '(工|推)[作进]', { matchCase: false, wholeWord: true, regex: true })
    expect(byRegex.kind === 'ok' && byRegex.matches.length).toBe(texts.length * 4)
  })
})

describe('the find bar', () => {
  const act = (...actions: FindBarAction[]) => actions.reduce(findBarReducer, INITIAL_FIND_BAR)

  it('searches what is typed only once the IME has composed it', () => {
    const composing = act({ type: 'open', mode: 'find', seed: null }, { type: 'findText', value: 'shu', composing: true })
    expect([composing.findText, composing.query]).toEqual(['shu', ''])
    const done = findBarReducer(composing, { type: 'findText', value: '数字', composing: false })
    expect([done.findText, done.query]).toEqual(['数字', '数字'])
  })

  it('opens on the selected text, escaped when regular expressions are on, and moves the keyboard to the find field', () => {
    const plainBar = act({ type: 'open', mode: 'replace', seed: '3.5%' })
    expect(plainBar).toMatchObject({ open: true, showReplace: true, query: '3.5%', focusRequest: { field: 'find', n: 1 } })
    const regexBar = act({ type: 'toggleOption', name: 'regex' }, { type: 'open', mode: 'find', seed: '3.5%' })
    expect(regexBar).toMatchObject({ showReplace: false, findText: '3\\.5%', query: '3\\.5%' })
    // opening again keeps what was typed and asks for the focus again
    expect(findBarReducer(regexBar, { type: 'open', mode: 'find', seed: null })).toMatchObject({ query: '3\\.5%', focusRequest: { n: 2 } })
  })

  it('shows "replaced N" until the query, an option or the bar changes', () => {
    const replaced = act({ type: 'open', mode: 'replace', seed: null }, { type: 'findText', value: '数字', composing: false }, { type: 'replaced', count: 5 })
    expect(replaced.replaced).toBe(5)
    expect(findBarReducer(replaced, { type: 'replaceText', value: '智能' }).replaced).toBe(5)
    expect(findBarReducer(replaced, { type: 'findText', value: '数字化', composing: false }).replaced).toBeNull()
    expect(findBarReducer(replaced, { type: 'toggleOption', name: 'matchCase' })).toMatchObject({ replaced: null, options: { matchCase: true, wholeWord: false, regex: false } })
    expect(findBarReducer(replaced, { type: 'close' })).toMatchObject({ open: false, replaced: null })
    // Esc in the editor only closes it; the bar's state is kept for the next Ctrl+F
    expect(findBarReducer(replaced, { type: 'escape' })).toMatchObject({ open: false, replaced: 5, query: '数字' })
  })
})
