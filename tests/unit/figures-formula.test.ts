import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Figure } from '../../shared/document/model'
import { messageText } from '../../shared/errors'
import { evaluateFigures, formulaReferences, parseFormula, quoteName, renameInFormula, type Evaluation } from '../../shared/figures/formula'

const table = (...figures: [string, Figure['value'], string?, number?][]): Figure[] =>
  figures.map(([name, value, formula, lastYear], i) => ({ id: `f${i}`, name, value, ...(formula ? { formula } : {}), ...(lastYear !== undefined ? { lastYear } : {}) }))

function evalOne(formula: string, ...others: [string, Figure['value'], string?, number?][]): Evaluation {
  const figures = table(...others, ['结果', null, formula])
  return evaluateFigures(figures).get(`f${figures.length - 1}`)!
}
const value = (formula: string, ...others: [string, Figure['value'], string?, number?][]) => {
  const r = evalOne(formula, ...others)
  if (!r.ok) throw new Error(messageText(r.error.message))
  return r.value
}
const error = (formula: string, ...others: [string, Figure['value'], string?, number?][]) => {
  const r = evalOne(formula, ...others)
  if (r.ok) throw new Error(`expected an error, got ${String(r.value)}`)
  return r.error
}

describe('formula language', () => {
  it('does arithmetic with both Chinese and ASCII operators and precedence', () => {
    expect(value('1 + 2 × 3')).toBe(7)
    expect(value('(1 + 2) * 3')).toBe(9)
    expect(value('（1＋2）×3')).toBe(9)
    expect(value('10 ÷ 4')).toBe(2.5)
    expect(value('10 / 4 - 1')).toBe(1.5)
    expect(value('10 − 4')).toBe(6)
    expect(value('-3 + 5')).toBe(2)
    expect(value('50% × 200')).toBe(100)
    expect(value('1,000 + 1')).toBe(1001)
  })

  it('refers to figures by name, including names with brackets or a leading digit', () => {
    expect(value('调解数 ÷ 纠纷数 × 100', ['调解数', 36], ['纠纷数', 37])).toBe(97.3)
    expect(value('召开专题会议（次） × 2', ['召开专题会议（次）', 4])).toBe(8)
    expect(value('2024年投入 + 1', ['2024年投入', 10])).toBe(11)
    expect(value('【a-b】 + 1', ['a-b', 1])).toBe(2)
    expect(value('[会议 次数] * 2', ['会议 次数', 3])).toBe(6)
    expect(value('数值', ['数值', '12'])).toBe(12) // text that reads as a number is a number
  })

  it('has round, sum, avg, max, min, abs, percent and the last-year functions', () => {
    expect(value('round(2 / 3, 2)')).toBe(0.67)
    expect(value('round(2.5)')).toBe(3)
    expect(value('四舍五入(1234.567, 1)')).toBe(1234.6)
    expect(value('取整(9.99)')).toBe(9)
    expect(value('sum(a, b, c)', ['a', 1], ['b', 2], ['c', 3])).toBe(6)
    expect(value('求和(a、b)', ['a', 1], ['b', 2])).toBe(3)
    expect(value('avg(2, 4)')).toBe(3)
    expect(value('max(2, 7, 4) - min(2, 7, 4)')).toBe(5)
    expect(value('abs(-4)')).toBe(4)
    expect(value('percent(a, b)', ['a', 1], ['b', 3])).toBe(33.33)
    expect(value('同比(x)', ['x', 120, undefined, 100])).toBe(20)
    expect(value('增减(x)', ['x', 90, undefined, 100])).toBe(-10)
    expect(value('去年(x) + 1', ['x', 90, undefined, 100])).toBe(101)
  })

  it('keeps two decimals unless the formula rounds itself', () => {
    expect(value('1 / 3')).toBe(0.33)
    expect(value('round(1 / 3, 4)')).toBe(0.3333)
    expect(value('0.1 + 0.2')).toBe(0.3)
  })

  it('reports each kind of error with a message, never throwing', () => {
    expect(error('a / b', ['a', 1], ['b', 0]).code).toBe('divisionByZero')
    expect(error('nobody + 1').code).toBe('unknownName')
    expect(error('nobody + 1').message).toEqual({ code: 'formula.unknownName', params: { name: 'nobody' } })
    expect(messageText(error('nobody + 1').message)).toBe('没有名为「nobody」的数据')
    expect(error('1 +').code).toBe('syntax')
    expect(error('(1 + 2').message).toEqual({ code: 'formula.syntax', params: { at: 7 }, parts: { problem: { code: 'formula.parenNotClosed', params: {} } } })
    expect(messageText(error('(1 + 2').message)).toBe('公式有误（第7个字符）：缺少右括号')
    expect(messageText(error('1 + 2)').message)).toContain('多余的右括号')
    expect(messageText(error('1 2').message)).toContain('缺少运算符')
    expect(messageText(error('1 2').message, 'en')).toBe('formula error (character 3): an operator is missing before “2”')
    expect(parseFormula('').ok).toBe(false)
    expect(error('a + 1', ['a', null]).code).toBe('unfilled')
    expect(error('a + 1', ['a', '枫桥街道']).code).toBe('notNumber')
    expect(error('round(1, 2, 3)').code).toBe('arguments')
    expect(error('同比(x)', ['x', 5]).code).toBe('noLastYear')
    expect(error('同比(x)', ['x', 5, undefined, 0]).code).toBe('divisionByZero')
    expect(error('99999999 * 99999999').code).toBe('tooLarge')
    expect(error('【未闭合').code).toBe('syntax')
  })

  it('finds cycles and names them, for every figure in the cycle and those depending on it', () => {
    const figures = table(['A', null, 'B + 1'], ['B', null, 'C * 2'], ['C', null, 'A'], ['D', null, 'A + 1'], ['E', null, 'E'])
    const results = evaluateFigures(figures)
    for (const id of ['f0', 'f1', 'f2', 'f3']) {
      const r = results.get(id)!
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('cycle')
    }
    const self = results.get('f4')!
    expect(!self.ok && messageText(self.error.message)).toBe('循环引用：E → E')
  })

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), (formula, names) => {
        const figures: Figure[] = names.map((name, i) => ({ id: `n${i}`, name, value: i % 2 ? i : null, ...(i === 0 ? { formula } : {}) }))
        figures.push({ id: 'x', name: '结果', value: null, formula })
        const results = evaluateFigures(figures)
        expect(results.size).toBe(figures.length)
      }),
      { numRuns: 500 },
    )
  })

  it('renames references in a formula and leaves the rest as written', () => {
    const names = ['调解数', '纠纷数']
    expect(renameInFormula('调解数 ÷ 纠纷数 × 100', '调解数', '成功调解数', names)).toBe('成功调解数 ÷ 纠纷数 × 100')
    expect(renameInFormula('sum(a, a)', 'a', 'b c', ['a'])).toBe('sum(【b c】, 【b c】)')
    expect(renameInFormula('1 +', 'a', 'b')).toBe('1 +')
    expect(formulaReferences('a + b * a', ['a', 'b'])).toEqual(['a', 'b'])
    expect(quoteName('会议次数')).toBe('会议次数')
    expect(quoteName('2024年')).toBe('【2024年】')
    expect(quoteName('sum')).toBe('【sum】')
    expect(parseFormula('a +', ['a']).ok).toBe(false)
  })
})
