/** Titles, subtitles, collection labels, and splitting a file into several summaries. */
import { describe, expect, it } from 'vitest'
import { only, paragraphs, run } from './helpers'

describe('title and subtitle', () => {
  it.each([
    ['第一篇:社区工作总结', '社区工作总结'],
    ['第1篇：社区工作总结', '社区工作总结'],
    ['第一篇 社区工作总结', '社区工作总结'],
    ['篇一：社区工作总结', '社区工作总结'],
    ['【篇一】社区工作总结', '社区工作总结'],
    ['社区工作总结 篇一', '社区工作总结'],
    ['社区工作总结篇1', '社区工作总结'],
    ['社区工作总结【经典6篇】', '社区工作总结'],
    ['社区工作总结（精选5篇）', '社区工作总结'],
    ['社区工作总结5篇', '社区工作总结'],
    ['社区工作总结', '社区工作总结'],
    ['2025年第一季度工作总结', '2025年第一季度工作总结'],
  ])('%s → %s', (line, title) => {
    expect(only(`${line}\n正文。`).title).toBe(title)
  })

  it('drops the same title repeated on the next line', () => {
    const doc = only('社区工作总结 篇一\n社区工作总结\n正文。')
    expect(doc.title).toBe('社区工作总结')
    expect(paragraphs(doc)).toEqual(['正文。'])
  })

  it.each([['——记某某学校', '记某某学校'], ['—— 记某某学校', '记某某学校'], ['--记某某学校', '记某某学校'], ['—记某某学校', '记某某学校']])(
    'subtitle %s',
    (line, subtitle) => {
      const doc = only(`学校工作总结\n${line}\n正文。`)
      expect(doc.subtitle).toBe(subtitle)
      expect(paragraphs(doc)).toEqual(['正文。'])
    },
  )

  it('joins a title written on two lines', () => {
    const doc = only('青石镇人民政府\n关于2025年度安全生产工作的总结\n今年以来，全镇安全形势平稳。')
    expect(doc.title).toBe('青石镇人民政府关于2025年度安全生产工作的总结')
    expect(only('社区工作总结\n社区居委会\n正文。').title).toBe('社区工作总结')
  })

  it('a document that starts with a sentence or a heading has no title', () => {
    expect(only('今年以来，我们认真履职。\n一、做法').title).toBe('')
    expect(only('一、主要做法\n正文。').title).toBe('')
  })
})

describe('split', () => {
  it.each([
    ['第一篇:甲社区工作总结\n正文一。\n第二篇:乙社区工作总结\n正文二。\n第三篇：丙社区工作总结\n正文三。'],
    ['【篇一】\n甲社区工作总结\n正文一。\n【篇二】\n乙社区工作总结\n正文二。\n【篇三】\n丙社区工作总结\n正文三。'],
    ['篇一\n甲社区工作总结\n正文一。\n篇二\n乙社区工作总结\n正文二。\n篇三\n丙社区工作总结\n正文三。'],
    ['甲社区工作总结 篇1\n甲社区工作总结\n正文一。\n乙社区工作总结 篇2\n乙社区工作总结\n正文二。\n丙社区工作总结 篇3\n正文三。'],
    ['甲社区工作总结\n正文一。\n甲社区\n2025年1月2日\n乙社区工作总结\n正文二。\n乙社区\n2025年1月3日\n丙社区工作总结\n正文三。'],
  ])('three summaries: %#', (text) => {
    const result = run(text, { split: true })
    expect(result.documents.map((d) => d.title)).toEqual(['甲社区工作总结', '乙社区工作总结', '丙社区工作总结'])
    expect(result.documents.map((d) => paragraphs(d))).toEqual([['正文一。'], ['正文二。'], ['正文三。']])
    expect(result.report.documents).toBe(3)
    expect(run(text).documents).toHaveLength(1)
  })

  it('a repeated standalone title starts a new summary', () => {
    const text = '社区工作总结\n今年社区做了很多工作。\n社区工作总结\n去年社区也做了不少工作。'
    const result = run(text, { split: true })
    expect(result.documents.map((d) => paragraphs(d))).toEqual([['今年社区做了很多工作。'], ['去年社区也做了不少工作。']])
  })

  it('drops a bare collection heading with a warning, keeps a preamble with content', () => {
    const a = run('某某工作总结（精选2篇）\n篇一\n甲总结\n正文一。\n篇二\n乙总结\n正文二。', { split: true })
    expect(a.documents.map((d) => d.title)).toEqual(['甲总结', '乙总结'])
    expect(a.report.warnings).toEqual([{ code: 'import.collectionHeadingDropped', params: { heading: '某某工作总结（精选2篇）' } }])
    const b = run('汇编说明\n以下两篇为本单位的总结，请参阅。\n篇一\n甲总结\n正文一。\n篇二\n乙总结\n正文二。', { split: true })
    expect(b.documents.map((d) => d.title)).toEqual(['汇编说明', '甲总结', '乙总结'])
    expect(paragraphs(b.documents[0]!)).toEqual(['以下两篇为本单位的总结，请参阅。'])
  })

  it('does not split on "第一篇章" or a title-like line inside the text', () => {
    expect(run('总结\n第一篇章讲的是基础。\n工作总结\n正文。', { split: true }).documents).toHaveLength(1)
  })
})

describe('several summaries in one file: suggestion, pieces, titles', () => {
  const labelled = '学校工作总结【精选3篇】\n篇一\n学校工作总结\n本学期各项工作平稳有序。\n篇二\n学校工作总结\n教学质量稳步提升，家长满意。\n【篇三】\n今年学校新建了图书室。'

  it('suggests split and lists the pieces with title and 字数, split or not', () => {
    for (const split of [false, true]) {
      const { report } = run(labelled, { split })
      expect(report.suggestSplit).toBe(true)
      expect(report.pieces).toEqual([
        { title: '学校工作总结', chars: 18 },
        { title: '学校工作总结（二）', chars: 20 },
        { title: '学校工作总结（三）', chars: 11 },
      ])
    }
  })

  it('tells identical titles apart; a piece without a title line takes the collection\'s', () => {
    const { documents } = run(labelled, { split: true })
    expect(documents.map((d) => d.title)).toEqual(['学校工作总结', '学校工作总结（二）', '学校工作总结（三）'])
    expect(paragraphs(documents[2]!)).toEqual(['今年学校新建了图书室。'])
  })

  it('without a collection heading, a bare label is the title of last resort', () => {
    const { documents } = run('【篇一】\n今年社区新建了口袋公园。\n【篇二】\n今年社区完成了加装电梯。', { split: true })
    expect(documents.map((d) => d.title)).toEqual(['篇一', '篇二'])
  })

  it('the same title repeated is a clear collection too; one summary is not', () => {
    const repeated = run('社区工作总结\n今年社区做了很多工作。\n社区工作总结\n去年社区也做了不少工作。')
    expect(repeated.report.suggestSplit).toBe(true)
    expect(repeated.report.pieces.map((p) => p.title)).toEqual(['社区工作总结', '社区工作总结（二）'])
    const single = run('社区工作总结\n今年社区做了很多工作。\n一、主要做法\n正文。')
    expect(single.report).toMatchObject({ suggestSplit: false, pieces: [] })
  })

  it('a summary-like line after a signature date splits on request but is no clear collection', () => {
    const text = '甲社区工作总结\n正文一。\n甲社区\n2025年1月2日\n乙社区工作总结\n正文二。'
    const result = run(text)
    expect(result.report.suggestSplit).toBe(false)
    expect(result.report.pieces.map((p) => p.title)).toEqual(['甲社区工作总结', '乙社区工作总结'])
    expect(run(text, { split: true }).documents).toHaveLength(2)
  })
})

describe('a table of contents before the pieces', () => {
  it('is dropped, not split into empty pieces', () => {
    const text = '社区工作总结（精选3篇）\n目录\n篇一：东湖社区工作总结\n篇二：西岭社区工作总结\n篇一：东湖社区工作总结\n东湖社区今年新建口袋公园。\n篇二：西岭社区工作总结\n西岭社区今年加装电梯3部。'
    const result = run(text, { split: true })
    expect(result.documents.map((d) => d.title)).toEqual(['东湖社区工作总结', '西岭社区工作总结'])
    expect(result.documents.map((d) => paragraphs(d))).toEqual([['东湖社区今年新建口袋公园。'], ['西岭社区今年加装电梯3部。']])
    expect(result.report.suggestSplit).toBe(true)
  })
})
