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
  it('one unfilled figure per blank, referenced where the token stood', () => {
    const doc = only('标题\n全年召开会议x次，发放宣传单xx份，20xx年底前完成。')
    expect(doc.figures).toEqual([
      { id: 'f1', name: '会议次数', value: null, original: 'x' },
      { id: 'f2', name: '宣传单份数', value: null, original: 'xx' },
      { id: 'f3', name: '年度', value: null, original: '20xx' },
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

  it('every year blank is one 年度 figure; the end of a range is another', () => {
    const doc = only('标题\n20xx年，我们完成了任务。\n20__年计划：xx年底前完成。\n以争创20xx-20xx年度先进为目标。')
    expect(doc.figures.map((f) => f.name)).toEqual(['年度', '截止年度'])
    expect(JSON.stringify(doc.blocks).match(/"figureId":"f1"/g)).toHaveLength(4)
  })

  it('names counts in a writer\'s words, the same count twice is one figure', () => {
    const doc = only('标题\n召开xx次会议，培训xx人次，发放xx份宣传资料。\n下半年再培训xx人次，召开xx次会议。\n投入____万元，拿出xx元资金。')
    expect(doc.figures.map((f) => f.name)).toEqual(['会议次数', '培训人次', '宣传资料份数', '投入金额', '拿出资金'])
  })

  it('a 20xx before a unit is an amount, not a year', () => {
    const doc = only('标题\n帮扶资金20xx元，参与群众达20xx余人。')
    expect(doc.figures.map((f) => f.name)).toEqual(['帮扶资金', '参与群众人数'])
  })

  it('never names a blank with a fragment of the sentence: a place word, or 待填N', () => {
    const doc = only('标题\n镇领导到____宅实地考察，重排____宅下水道。\n结合保持xxx员先进性教育，开展xxx员先进性学习，推动xx落实。')
    expect(doc.figures.map((f) => f.name)).toEqual(['宅名称', '待填1', '待填2'])
  })

  it('names by context, falling back to 待填N; months and names of people stay apart', () => {
    const doc = only('标题\nxx，x。\n20xx年和20xx年\nXX镇和XX镇\n**同志和**同志\n慰问xx余户\nx月和x月')
    expect(doc.figures.map((f) => f.name)).toEqual(['待填1', '待填2', '年度', '镇名称', '姓名', '姓名2', '慰问户数', '月份', '月份2'])
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
