/** Placeholder tokens → unfilled figures. */
import { describe, expect, it } from 'vitest'
import { findPlaceholders } from '../../../shared/recognizer'
import { only } from './helpers'

const tokens = (text: string) => findPlaceholders(text).map((s) => s.token)

describe('findPlaceholders', () => {
  it.each([
    ['召开会议x次', ['x']],
    ['发放资料xx份', ['xx']],
    ['参与群众xxx人次', ['xxx']],
    ['完成X项', ['X']],
    ['XX市创建工作', ['XX']],
    ['××区', ['××']],
    ['ＸＸ村', ['ＸＸ']],
    ['**镇', ['**']],
    ['＊＊小区', ['＊＊']],
    ['投入____元', ['____']],
    ['20__年', ['20__']],
    ['20xx年', ['20xx']],
    ['20XX年度', ['20XX']],
    ['以争创20xx-20xx年度', ['20xx', '20xx']],
    ['__月__日', ['__', '__']],
    ['撰写人:____', ['____']],
    ['20_年上半年，_社区', ['20_', '_']],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected)
  })

  it.each([
    '录入Excel表格', '访问xxx.com了解', '登录www.xx.gov.cn', 'Windows x64版本', '面积3 x 4米', '配备X光机一台',
    '3×4的方阵', '注*：数据截至年底', 'file__name', '******', '______', '编号x1', 'max值',
  ])('none in: %s', (text) => {
    expect(tokens(text)).toEqual([])
  })
})

describe('figures in documents', () => {
  it('one unfilled figure per token, referenced where the token stood', () => {
    const doc = only('标题\n全年召开会议x次，发放宣传单xx份，20xx年底前完成。')
    expect(doc.figures).toEqual([
      { id: 'f1', name: '全年召开会议（次）', value: null, original: 'x' },
      { id: 'f2', name: '发放宣传单（份）', value: null, original: 'xx' },
      { id: 'f3', name: '年份', value: null, original: '20xx' },
    ])
    expect(doc.blocks).toEqual([{
      type: 'paragraph',
      children: [
        { type: 'text', text: '全年召开会议' }, { type: 'figure', figureId: 'f1' },
        { type: 'text', text: '次，发放宣传单' }, { type: 'figure', figureId: 'f2' },
        { type: 'text', text: '份，' }, { type: 'figure', figureId: 'f3' },
        { type: 'text', text: '年底前完成。' },
      ],
    }])
  })

  it('names by context, falling back to 待填N, numbering repeats', () => {
    const doc = only('标题\nxx，x。\n20xx年和20xx年\nXX镇和XX镇\n**同志\n慰问xx余户')
    expect(doc.figures.map((f) => f.name)).toEqual(['待填1', '待填2', '年份', '年份2', '镇名称', '镇名称2', '姓名', '慰问（户）'])
  })

  it('placeholders in run-in headings become figures too; ids stay unique', () => {
    const doc = only('标题\n(一)召开会议x次。全年培训xx人次。')
    expect(doc.blocks[0]).toEqual({
      type: 'heading', level: 2,
      title: [{ type: 'text', text: '召开会议' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '次。' }],
      body: [{ type: 'text', text: '全年培训' }, { type: 'figure', figureId: 'f2' }, { type: 'text', text: '人次。' }],
    })
  })
})
