/** The rules the import audit added, each with the look-alike it must leave alone. */
import { describe, expect, it } from 'vitest'
import { junkKind } from '../../../shared/recognizer'
import { tableRows } from '../../../shared/recognizer/table'
import { formatCount } from '../../../electron/services/import/wordNumbering'
import { headings, only, outline, paragraphs } from './helpers'

describe('tables pasted as text', () => {
  it('takes two or more tab-separated rows as a table, a single tabbed run-in line not', () => {
    expect(tableRows(['指标\t单位\t数值', '产值\t亿元\t3.2']).every(Boolean)).toBe(true)
    expect(tableRows(['一、加强领导\t街道成立工作专班，由书记任组长。'])).toEqual([null])
  })
  it('needs three cells and wide gaps for space-aligned rows, and no full stop', () => {
    expect(tableRows(['项目    人数    金额', '低保    23      13.5']).every(Boolean)).toBe(true)
    expect(tableRows(['加强组织领导　街道成立专班。', '完善工作机制　每周调度一次。'])).toEqual([null, null])
    expect(tableRows(['项目  人数', '低保  23'])).toEqual([null, null])
  })
  it('keeps a table header of short words although it looks like a site menu', () => {
    const doc = only('标题：统计工作总结\n\n项目\t2024年\t2025年\t增减\t增幅\n产值\t10\t12\t2\t20%\n', { clean: true })
    expect(doc.blocks.some((b) => b.type === 'table' && b.rows.length === 2)).toBe(true)
  })
})

describe('web page furniture', () => {
  it.each([
    ['字号：大 中 小', 'ui'], ['【打印本页】 【关闭窗口】', 'ui'], ['分享到：微信 微博 QQ空间', 'ui'], ['扫一扫在手机打开当前页', 'ui'],
    ['信息来源：某某街道　发布时间：2025-12-25　【字体：大 中 小】', 'meta'], ['相关链接：', 'navigation'],
    ['主办单位：某某镇人民政府　网站标识码：3300000001', 'boilerplate'], ['WORD下载PDF下载 投诉', 'ui'], ['网站地图 | 联系我们 | 隐私声明', 'boilerplate'],
  ])('%s is junk', (line, kind) => {
    expect(junkKind(line)).toBe(kind)
  })
  it.each(['主办单位：县文联，承办单位：县图书馆。活动吸引群众300余人。', '宣传渠道：微信、微博', '扫黑除恶专项斗争深入开展'])('%s stays', (line) => {
    expect(junkKind(line)).toBeNull()
  })
})

describe('lines that are not headings', () => {
  it('a 附件 list under the body', () => {
    const doc = only('某局工作总结\n一、主要工作\n做了很多事情。\n附件：1.项目清单\n2.资金明细表\n某局\n2025年12月31日')
    expect(paragraphs(doc)).toEqual(['做了很多事情。', '附件：1.项目清单', '2.资金明细表'])
  })
  it('a numbered list under a sentence ending in a colon; items with run-in text stay headings', () => {
    const list = only('某所工作总结\n重点抓了两件事：\n1.调解规范化；\n2.矫正精细化。\n一、调解\n全年调解286件。')
    expect(outline(list).map((l) => l.kind)).toEqual(['p', 'p', 'p', 'h1', 'p'])
    const runIn = only('某所工作总结\n主要做法如下：\n1.加强领导。成立专班，书记任组长。\n2.完善机制。每周调度一次。')
    expect(headings(runIn).map((h) => h.kind)).toEqual(['h3', 'h3'])
  })
  it('an unnumbered part line before a 一、 heading stays text, so the typed 一、 keeps its number', () => {
    const doc = only('某局工作总结\n第一部分　工作回顾\n一、公共卫生\n管理率达到72%。\n二、医疗资源\n新增床位300张。')
    expect(outline(doc)[0]).toEqual({ kind: 'p', title: '第一部分　工作回顾' })
    expect(headings(doc).map((h) => h.kind)).toEqual(['h1', 'h1'])
  })
})

describe('Word numbering formats', () => {
  it.each([
    [3, 'chineseCounting', '三'], [11, 'chineseCountingThousand', '十一'], [2, 'decimalEnclosedCircle', '②'], [4, 'decimalEnclosedParen', '⑷'],
    [12, 'decimalFullWidth', '１２'], [3, 'ideographTraditional', '丙'], [4, 'upperRoman', 'IV'], [28, 'lowerLetter', 'bb'], [2, 'chineseLegalSimplified', '贰'],
  ])('%i in %s is %s', (n, format, shown) => {
    expect(formatCount(n, format)).toBe(shown)
  })
})
