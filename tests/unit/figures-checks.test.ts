import { describe, expect, it } from 'vitest'
import type { Figure, Inline, SummaryDocument } from '../../shared/document/model'
import { figureChecks, figureUses } from '../../shared/figures/checks'
import { checkFormula, checkName, parseLastYear, parseValueInput, renameFigure, wantsNumber } from '../../shared/figures/edit'
import { figureAppendixTable } from '../../shared/figures/appendix'
import { comparisonText } from '../../shared/figures/compare'
import { messageText } from '../../shared/errors'

const t = (text: string): Inline => ({ type: 'text', text })
const ref = (figureId: string): Inline => ({ type: 'figure', figureId })
const docOf = (paragraphs: Inline[][], figures: Figure[]): SummaryDocument => ({
  version: 1,
  title: '总结',
  blocks: paragraphs.map((children) => ({ type: 'paragraph', children })),
  figures,
})

describe('figureChecks', () => {
  const figures: Figure[] = [
    { id: 'a', name: '发放宣传资料', value: 1000, qualifier: '余', unit: '份' },
    { id: 'b', name: '会议次数', value: null, unit: '次' },
    { id: 'c', name: '没用上的', value: 5 },
    { id: 'd', name: '调解率', value: null, unit: '%', formula: '调解数 / 0' },
    { id: 'e', name: '检查次数', value: -3, unit: '次' },
  ]
  const doc = docOf(
    [
      [t('全年发放宣传资料'), ref('a'), t('，召开会议'), ref('b'), t('，调解率'), ref('d'), t('，检查'), ref('e')],
      [t('其中社区发放宣传资料800余份。')],
      [t('年底再次发放宣传资料1000余份。')],
      [ref('zz')],
    ],
    figures,
  )
  const findings = figureChecks(doc)
  const codes = findings.map((f) => `${f.code}:${f.figureName ?? ''}`)

  it('reports unfilled figures in use, unused ones, formula errors, negative counts, missing figures', () => {
    expect(codes).toContain('unfilled:会议次数')
    expect(codes).toContain('unused:没用上的')
    expect(codes).toContain('formulaError:调解率')
    expect(codes).toContain('negative:检查次数')
    expect(codes).toContain('missingFigure:')
    const unfilled = findings.find((f) => f.code === 'unfilled')!.message
    expect(unfilled).toEqual({ code: 'figureCheck.unfilled', params: { name: '会议次数', uses: 1, shown: '〔会议次数〕' } })
    expect(messageText(unfilled)).toBe('「会议次数」还没有填写，正文中1处显示为〔会议次数〕')
    const formula = findings.find((f) => f.code === 'formulaError')!.message
    expect(formula).toMatchObject({ code: 'figureCheck.formulaError', params: { name: '调解率' }, parts: { reason: { code: expect.stringMatching(/^formula\./) } } })
    expect(messageText(formula)).toMatch(/^「调解率」的公式无法计算：/)
  })

  it('finds the same quantity typed as plain text with another value, and unlinked copies of the same value', () => {
    const mismatch = findings.find((f) => f.code === 'mismatch')!
    expect(mismatch).toMatchObject({ figureId: 'a', blockIndex: 1, text: '800余份', severity: 'error' })
    expect(mismatch.message).toMatchObject({ code: 'figureCheck.mismatch', params: { block: 2, shown: '1000余份' } })
    expect(messageText(mismatch.message)).toContain('与「发放宣传资料」（1000余份）不一致')
    expect(findings.find((f) => f.code === 'unlinked')).toMatchObject({ figureId: 'a', blockIndex: 2, severity: 'info' })
  })

  it('is quiet about a clean document', () => {
    const clean = docOf([[t('召开会议'), ref('x')]], [{ id: 'x', name: '会议次数', value: 3, unit: '次' }])
    expect(figureChecks(clean)).toEqual([])
    expect(figureUses(clean).get('x')).toBe(1)
  })

  it('warns about duplicate names', () => {
    const dup = docOf([[ref('x'), ref('y')]], [{ id: 'x', name: '数', value: 1 }, { id: 'y', name: '数', value: 2 }])
    expect(figureChecks(dup).map((f) => f.code)).toEqual(['duplicateName'])
  })
})

describe('editing rules', () => {
  const meetings: Figure = { id: 'm', name: '会议次数', value: 3, unit: '次' }
  const unitName: Figure = { id: 'u', name: '单位名称', value: null }

  it('reads values the way writers type them', () => {
    expect(parseValueInput('300余份', meetings)).toEqual({ ok: true, value: { value: 300, qualifier: '余', unit: '份' } })
    expect(parseValueInput('十二', meetings)).toEqual({ ok: true, value: { value: 12, style: 'chinese' } })
    expect(parseValueInput('12', { ...meetings, style: 'chinese' })).toEqual({ ok: true, value: { value: 12, style: 'arabic' } })
    expect(parseValueInput('', meetings)).toEqual({ ok: true, value: { value: null } })
    expect(parseValueInput('枫桥街道办事处', unitName)).toEqual({ ok: true, value: { value: '枫桥街道办事处' } })
    expect(parseValueInput('1e3', meetings)).toEqual({ ok: true, value: { value: 1000 } })
    // an imported placeholder keeps its unit in the text: "3次" fills the number only
    const placeholder: Figure = { id: 'p', name: '召开会议（次）', value: null, original: 'x' }
    expect(parseValueInput('3次', placeholder)).toEqual({ ok: true, value: { value: 3 } })
    expect(parseValueInput('3份', placeholder)).toEqual({ ok: true, value: { value: 3, unit: '份' } })
  })

  it('refuses text in a number figure and huge numbers, with messages', () => {
    const text = parseValueInput('很多', meetings)
    expect(text.ok).toBe(false)
    expect(!text.ok && text.message).toEqual({ code: 'figures.needsNumber', params: { name: '会议次数', text: '很多' } })
    expect(!text.ok && messageText(text.message)).toContain('需要数字')
    expect(parseValueInput('很多', meetings, [], { force: 'text' })).toEqual({ ok: true, value: { value: '很多' } })
    const huge = parseValueInput('99999999999999999999', meetings)
    expect(!huge.ok && messageText(huge.message)).toBe('数值过大：99999999999999999999（不能超过 10 的 15 次方）')
    const computed = parseValueInput('5', { ...meetings, formula: 'a + 1' })
    expect(!computed.ok && computed.message.code).toBe('figures.computed')
    expect(!computed.ok && messageText(computed.message)).toContain('由公式计算')
    expect(wantsNumber(unitName)).toBe(false)
    expect(wantsNumber(unitName, [unitName, { id: 'f', name: 'x', value: null, formula: '单位名称 + 1' }])).toBe(true)
  })

  it('checks names, formulas and last year', () => {
    expect(checkName('  ', [meetings]).ok).toBe(false)
    expect(checkName('会议次数', [meetings]).ok).toBe(false)
    expect(checkName('会议次数', [meetings], 'm')).toEqual({ ok: true, value: '会议次数' })
    expect(checkFormula('= a + (', []).ok).toBe(false)
    expect(checkFormula('=a+1', [])).toEqual({ ok: true, value: 'a+1' })
    expect(checkFormula('', [])).toEqual({ ok: true, value: undefined })
    expect(parseLastYear('1.2万')).toEqual({ ok: true, value: 12000 })
    expect(parseLastYear('去年没有').ok).toBe(false)
  })

  it('renames without touching ids, and rewrites formulas', () => {
    const figures: Figure[] = [meetings, { id: 'd', name: '翻倍', value: null, formula: '会议次数 × 2' }]
    const renamed = renameFigure(figures, 'm', '专题会议次数')
    expect(renamed.ok && renamed.value).toEqual([{ ...meetings, name: '专题会议次数' }, { id: 'd', name: '翻倍', value: null, formula: '专题会议次数 × 2' }])
    expect(renameFigure(figures, 'm', '翻倍').ok).toBe(false)
  })
})

describe('comparison and appendix', () => {
  it('phrases the change from last year', () => {
    expect(comparisonText({ unit: '份', lastYear: 800 }, 1000)).toBe('同比增长25%，增加200份')
    expect(comparisonText({ unit: '次', lastYear: 10 }, 8)).toBe('同比下降20%，减少2次')
    expect(comparisonText({ unit: '%', lastYear: 90 }, 95)).toBe('提高5个百分点')
    expect(comparisonText({ unit: '个', lastYear: 9 }, 9)).toBe('与上年持平')
    expect(comparisonText({ unit: '个', lastYear: 0 }, 3)).toBe('增加3个')
    expect(comparisonText({ unit: '个' }, 3)).toBe('')
  })

  it('lays out the 附表 rows', () => {
    const table = figureAppendixTable([
      { id: 'a', name: '发放宣传资料', value: 1000, qualifier: '余', unit: '份', lastYear: 800, note: '宣传科统计' },
      { id: 'b', name: '会议次数', value: null },
    ])
    expect(table.header).toEqual(['序号', '项目', '数值', '上年', '说明'])
    expect(table.rows).toEqual([
      ['1', '发放宣传资料', '1000余份', '800份', '宣传科统计'],
      ['2', '会议次数', '〔会议次数〕', '', ''],
    ])
  })
})
