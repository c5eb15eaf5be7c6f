import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countCharacters, isCjk, isCjkPunctuation, isHan, isHanCodePoint, isSharedPunctuation, toHalfWidth } from '../../../shared/text'

/** Strings rich in full-width forms, the ideographic space, Han and surrogates. */
const mixed = fc.array(
  fc.oneof(
    fc.integer({ min: 0xff00, max: 0xff65 }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\u3000', ' ', '一', '，', '。', 'A', '1', '\ud83d', '\ude00', '𠮷'),
    fc.string({ maxLength: 3 }),
  ),
).map((parts) => parts.join(''))

describe('toHalfWidth', () => {
  it('folds full-width ASCII forms and the ideographic space only', () => {
    expect(toHalfWidth('１２．５％')).toBe('12.5%')
    expect(toHalfWidth('Ａｂ（１）\u3000，')).toBe('Ab(1) ,')
    expect(toHalfWidth('二〇二五年。、“”')).toBe('二〇二五年。、“”')
    expect(toHalfWidth('｟｠')).toBe('｟｠') // U+FF5F/FF60 have no ASCII form
  })

  it('is idempotent and keeps every offset', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        const once = toHalfWidth(s)
        return toHalfWidth(once) === once && once.length === s.length
      }),
      { numRuns: 2000 },
    )
  })
})

describe('character classes', () => {
  it('Han includes 〇, Extension A and compatibility ideographs; the code-point form the supplementary planes', () => {
    for (const ch of ['一', '〇', '㐀', '豈', '龥']) expect(isHan(ch.charCodeAt(0))).toBe(true)
    for (const ch of ['。', 'A', '１', 'あ']) expect(isHan(ch.charCodeAt(0))).toBe(false)
    expect(isHanCodePoint('𠮷'.codePointAt(0)!)).toBe(true)
    expect(isHan('𠮷'.charCodeAt(0))).toBe(false)
    expect(isCjk('あ'.charCodeAt(0))).toBe(true)
    expect(isCjk('é'.charCodeAt(0))).toBe(false)
  })

  it('Chinese punctuation: CJK and full-width marks, not digits, letters, 〇 or U+3000', () => {
    for (const ch of ['，', '。', '、', '《', '》', '【', '】', '：', '！', '？', '（', '）', '〔']) expect(isCjkPunctuation(ch.charCodeAt(0))).toBe(true)
    for (const ch of ['１', 'Ａ', '〇', '\u3000', ',', '“', '一']) expect(isCjkPunctuation(ch.charCodeAt(0))).toBe(false)
    for (const ch of ['“', '”', '‘', '’', '…', '—', '·']) expect(isSharedPunctuation(ch.charCodeAt(0))).toBe(true)
    expect(isSharedPunctuation('，'.charCodeAt(0))).toBe(false)
  })
})

describe('countCharacters (字数, as Word counts)', () => {
  it.each([
    ['', 0],
    // each Han character and full-width punctuation mark is one
    ['今年以来，我们扎实推进各项工作。', 16],
    ['全年召开会议12次。', 9],
    // a run of Latin letters, digits and half-width signs is one word; whitespace is nothing
    ['知晓率达到100%', 6],
    ['完成率达3.5%，同比增长', 10],
    ['e.g. Word', 2],
    ['投入资金560万元', 7],
    ['使用 Excel 表格', 5],
    ['用Excel做表', 4],
    ['  \n\t ', 0],
    // Chinese quotes, ellipses and dashes count per character, as Word does
    ['“好”……——', 7],
    ['“文明”……——', 8],
    ['一\u3000二 三\n四', 4],
    ['𠮷野家', 3],
  ])('%j counts %d', (text, n) => {
    expect(countCharacters(text)).toBe(n)
  })

  it('never counts more than the code points', () => {
    fc.assert(
      fc.property(mixed, (s) => countCharacters(s) <= [...s].length),
      { numRuns: 1000 },
    )
  })
})
