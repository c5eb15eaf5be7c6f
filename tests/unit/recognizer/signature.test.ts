/** Signature (organization + date) at the end of a summary. */
import { describe, expect, it } from 'vitest'
import { parseDateLine } from '../../../shared/recognizer'
import { only, paragraphs, run } from './helpers'

describe('parseDateLine', () => {
  it.each([
    ['2021年12月2日', '2021-12-02', 'arabic'],
    ['2021 年 12 月 2 日', '2021-12-02', 'arabic'],
    ['２０２１年１２月２日', '2021-12-02', 'arabic'],
    ['2021.12.2', '2021-12-02', 'arabic'],
    ['2021-12-02', '2021-12-02', 'arabic'],
    ['2021/12/02', '2021-12-02', 'arabic'],
    ['二〇二一年十二月二日', '2021-12-02', 'chinese'],
    ['二〇二五年十二月三十一日', '2025-12-31', 'chinese'],
    ['二0二一年十二月二十日', '2021-12-20', 'chinese'],
    ['2024年2月29日', '2024-02-29', 'arabic'],
  ])('%s', (line, iso, style) => {
    expect(parseDateLine(line)).toEqual({ iso, style })
  })

  it.each(['2025年2月30日', '2025年13月1日', '20xx年x月x日', '____年__月__日', '2025年13月', '20xx年12月', '12月26日', '2025年12月26日召开', '时间:2013-01-07 01:38:44'])(
    'not a date: %s',
    (line) => expect(parseDateLine(line)).toBeNull(),
  )

  it('takes the year from today for "12月26日"', () => {
    expect(parseDateLine('12月26日', '2025-12-31')).toEqual({ iso: '2025-12-26', style: 'arabic' })
    expect(parseDateLine('十二月二十六日', '2025-12-31')).toEqual({ iso: '2025-12-26', style: 'chinese' })
  })
})

describe('signature in documents', () => {
  const body = '标题\n今年工作取得明显成效。\n'

  it.each([
    ['XX镇人民政府\n2025年12月26日', { organization: 'XX镇人民政府', date: '2025-12-26', dateStyle: 'arabic' }],
    ['东坡社区党委\n二〇二五年十二月二十六日', { organization: '东坡社区党委', date: '2025-12-26', dateStyle: 'chinese' }],
    ['市场监管所综合组\n2025.12.26', { organization: '市场监管所综合组', date: '2025-12-26', dateStyle: 'arabic' }],
    ['　　　　　　　　红星中学\n　　　　　　　　2025-12-26', { organization: '红星中学', date: '2025-12-26', dateStyle: 'arabic' }],
    ['城关社区居委会　2025年12月26日', { organization: '城关社区居委会', date: '2025-12-26', dateStyle: 'arabic' }],
    ['2025年12月26日', { organization: '', date: '2025-12-26', dateStyle: 'arabic' }],
    ['县农业农村局', { organization: '县农业农村局', dateStyle: 'arabic' }],
  ])('%s', (ending, signature) => {
    const doc = only(body + ending)
    expect(doc.signature).toEqual(signature)
    expect(paragraphs(doc)).toEqual(['今年工作取得明显成效。'])
  })

  it('a sentence above the date is not an organization', () => {
    const doc = only(body + '以上是全年工作情况，请审阅。\n2025年12月26日')
    expect(doc.signature).toEqual({ organization: '', date: '2025-12-26', dateStyle: 'arabic' })
    expect(paragraphs(doc)).toContain('以上是全年工作情况，请审阅。')
  })

  it('keeps "撰写人:____" as a paragraph, above or below the signature', () => {
    const above = only(body + '撰写人:____\n青山村村委会\n2025年12月26日')
    expect(above.signature?.organization).toBe('青山村村委会')
    expect(paragraphs(above)).toContain('撰写人:____')
    const below = only(body + '青山村村委会\n2025年12月26日\n撰写人：张某\n联系电话：0000-0000000')
    expect(below.signature).toEqual({ organization: '青山村村委会', date: '2025-12-26', dateStyle: 'arabic' })
    expect(paragraphs(below).slice(-2)).toEqual(['撰写人：张某', '联系电话：0000-0000000'])
  })

  it('a placeholder date is no signature date: the lines stay paragraphs with figures', () => {
    const doc = only(body + 'XX社区居委会\n20xx年x月x日')
    expect(doc.signature).toBeUndefined()
    expect(paragraphs(doc).slice(-2)).toEqual(['XX社区居委会', '20xx年x月x日'])
    expect(doc.figures.map((f) => f.name)).toEqual(['社区名称', '年度', '月份', '日期'])
  })

  it('a last line ending like a heading or sentence is no signature', () => {
    expect(only(body + '三、下步打算').signature).toBeUndefined()
    expect(only(body + '全年累计走访群众3000余人次。').signature).toBeUndefined()
  })

  it('warns about a date after today', () => {
    const result = run(body + 'XX镇人民政府\n2026年3月1日', { today: '2025-12-31' })
    expect(result.report.warnings).toContainEqual(expect.objectContaining({ code: 'import.futureDate', params: expect.objectContaining({ date: '2026-03-01' }) }))
  })
})

describe('落款 as writers set it out', () => {
  const body = '某局工作总结\n一、工作\n全年完成各项任务。\n'
  it.each([
    ['dated by month only', '某某县教育局\n2025年12月', { organization: '某某县教育局', date: '2025-12', dateStyle: 'arabic' }],
    ['a month in Chinese numerals', '某某县教育局\n二〇二五年十二月', { organization: '某某县教育局', date: '2025-12', dateStyle: 'chinese' }],
    ['a Chinese-numeral date with blanks', '某某县教育局\n二〇二五 年 十二 月 三十一 日', { organization: '某某县教育局', date: '2025-12-31', dateStyle: 'chinese' }],
    ['full-width digits and blanks', '某某县教育局\n２０２５　年１２月　３０日', { organization: '某某县教育局', date: '2025-12-30', dateStyle: 'arabic' }],
    ['the date above the name', '2025年12月30日\n某某县教育局', { organization: '某某县教育局', date: '2025-12-30', dateStyle: 'arabic' }],
    ['two units, then the date', '共青团某某县委员会\n某某县教育局\n2025年12月30日', { organization: '共青团某某县委员会\u3000某某县教育局', date: '2025-12-30', dateStyle: 'arabic' }],
    ['the date, then two units', '2025年12月30日\n共青团某某县委员会\n某某县教育局', { organization: '共青团某某县委员会\u3000某某县教育局', date: '2025-12-30', dateStyle: 'arabic' }],
  ])('%s', (_label, ending, signature) => {
    const doc = only(body + ending, { today: '2026-01-10' })
    expect(doc.signature).toEqual(signature)
    expect(paragraphs(doc)).toEqual(['全年完成各项任务。'])
  })

  it('a line after the date that is no organization stays text, and so does a month in the body', () => {
    const after = only(`${body}某某县教育局\n2025年12月30日\n社区工作总结`)
    expect(after.signature).toBeUndefined()
    const mid = only('某局工作总结\n2025年3月\n全年完成各项任务。')
    expect(mid.signature).toBeUndefined()
    expect(paragraphs(mid)).toEqual(['2025年3月', '全年完成各项任务。'])
  })
})
