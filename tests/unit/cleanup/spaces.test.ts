import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { removeStraySpaces as strip } from '../../../shared/cleanup'

describe('removeStraySpaces', () => {
  it.each([
    ['社区 建设', '社区建设'],
    ['社区\u3000\u3000建设', '社区建设'], // ideographic spaces
    ['社区\t建设', '社区建设'],
    ['社区\u00a0建设', '社区建设'], // no-break space from web pages
    ['完成任务 。', '完成任务。'],
    ['主要做法 ： 一是', '主要做法：一是'],
    ['开展 “ 文明家庭 ” 评选', '开展“文明家庭”评选'],
    ['结束。 “好”', '结束。“好”'],
    ['\u3000\u3000一年来，我们', '一年来，我们'], // hand-typed indentation
    ['第一行 \n  第二行  ', '第一行\n第二行'], // line starts and ends
    ['   ', ''],
  ])('%j → %j', (input, output) => {
    expect(strip(input)).toBe(output)
  })

  it.each([
    ['使用 Excel 表格'], // Chinese–Latin: the writer's choice
    ['共 3 次'], // Chinese–digit
    ['Word and Excel'],
    ['the “best” way'], // shared punctuation next to Latin
    ['召开会议 \ufffc 次'], // next to a figure (renders digits)
    ['社区\n建设'], // a line break is not a space
  ])('keeps %j', (input) => {
    expect(strip(input)).toBe(input)
  })

  const ALPHABET = [...'社区建设工作abc12，。“”、', ' ', '\u3000', '\t', '\n', '\u00a0', '\ufffc']
  const text = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 50 })
  it('is idempotent and removes nothing but blanks', () => {
    fc.assert(fc.property(text, (s) => {
      const out = strip(s)
      return strip(out) === out && out.replace(/[ \t\u3000\u00a0]/g, '') === s.replace(/[ \t\u3000\u00a0]/g, '')
    }), { numRuns: 3000 })
  })
  it('leaves no blank between two Han characters', () => {
    fc.assert(fc.property(text, (s) => !/[社区建设工作][ \t\u3000\u00a0]+[社区建设工作]/.test(strip(s))), { numRuns: 3000 })
  })
})
