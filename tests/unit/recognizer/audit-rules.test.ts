/** The rules the import audit added, each with the look-alike it must leave alone. */
import { describe, expect, it } from 'vitest'
import { junkKind } from '../../../shared/recognizer'
import { tableRows } from '../../../shared/recognizer/table'
import { formatCount } from '../../../electron/services/import/wordNumbering'
import { headings, only, outline, paragraphs, run } from './helpers'

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

describe('numbered lines that are whole sentences with nothing under them (no empty headings)', () => {
  const kinds = (text: string) => outline(only(text)).map((l) => l.kind)

  it('plan items under a part heading stay numbered paragraphs, numbers as typed', () => {
    const doc = only('某局工作总结\n一、主要工作\n全年完成各项任务。\n下步打算\n1.加强业务培训，确保人人过关。\n2.完善内部制度，堵塞管理漏洞。')
    expect(outline(doc).map((l) => l.kind)).toEqual(['h1', 'p', 'h1', 'p', 'p'])
    expect(paragraphs(doc).slice(-2)).toEqual(['1.加强业务培训，确保人人过关。', '2.完善内部制度，堵塞管理漏洞。'])
  })
  it('a list closed by a remark: the remark stays a paragraph after the items', () => {
    const doc = only('某局工作总结\n一、下步打算\n1.加强业务培训，确保人人过关。\n2.完善内部制度，堵塞管理漏洞。\n总之，我们将继续努力。')
    expect(outline(doc).map((l) => l.kind)).toEqual(['h1', 'p', 'p', 'p'])
  })
  it('mostly whole sentences: an item that runs in goes with the list', () => {
    expect(kinds('某局工作总结\n一、下步打算\n1.加强业务培训，确保人人过关。\n2.强化督查。每月督查一次。\n3.完善内部制度，堵塞管理漏洞。'))
      .toEqual(['h1', 'p', 'p', 'p'])
  })
  it('look-alike: run-in items and short titles stay headings', () => {
    expect(kinds('某所工作总结\n主要做法如下：\n1.加强领导。成立专班，书记任组长。\n2.完善机制。每周调度一次。\n3.强化督查。')).toEqual(['p', 'h3', 'h3', 'h3'])
    expect(kinds('某所工作总结\n一、做法\n1.宣传发动\n2.组织培训\n二、成效\n群众满意。')).toEqual(['h1', 'h3', 'h3', 'h1', 'p'])
  })
  it('look-alike: sentence items with text under them stay headings', () => {
    expect(kinds('某局工作总结\n一、主要做法\n1.加强业务培训，确保人人过关。\n全年培训12期。\n2.完善内部制度，堵塞管理漏洞。\n修订制度5项。'))
      .toEqual(['h1', 'h3', 'p', 'h3', 'p'])
    expect(kinds('某局工作总结\n一、主要做法\n1.加强业务培训，确保人人过关。\n全年培训12期。')).toEqual(['h1', 'h3', 'p'])
  })
  it('look-alike: a section heading followed straight by its sub-headings, and a short last heading, stay headings', () => {
    expect(kinds('某局工作总结\n一、主要工作\n（一）党建工作\n全年召开会议6次。\n（二）业务工作\n完成任务。\n二、存在问题')).toEqual(['h1', 'h2', 'p', 'h2', 'p', 'h1'])
  })
  it('section headings (一、) keep their numbers: a short sentence stays a heading, a long one among labelled siblings runs in', () => {
    const doc = only('某局工作总结\n一、坚持以人为本，提高服务水平。\n二、宣传发动：\n全年发放资料3000份。\n'
      + '三、首先我们把老旧小区改造作为头号民生工程，由书记牵头、两委成员分片包干，坚持每周现场调度一次，及时解决施工中的难题，确保居民出行不受影响。\n四、队伍建设\n培训12期。')
    expect(headings(doc)).toEqual([
      { kind: 'h1', title: '坚持以人为本，提高服务水平。' },
      { kind: 'h1', title: '宣传发动：' },
      { kind: 'h1', title: '首先我们把老旧小区改造作为头号民生工程，由书记牵头、两委成员分片包干，', body: '坚持每周现场调度一次，及时解决施工中的难题，确保居民出行不受影响。' },
      { kind: 'h1', title: '队伍建设' },
    ])
  })
  it('a long sentence item (over 60 characters) with nothing under it among list items with text runs in', () => {
    const long = '结合老旧小区改造工作，我们准备在辖区西头打造一处宣传阵地，方便群众就近参加各类文体活动，进一步丰富辖区群众的业余文化生活。'
    const doc = only(`某局工作总结\n一、主要做法\n1.宣传发动\n全年发放资料3000份。\n2.${long}\n3.组织培训\n培训12期。`)
    expect(long.length).toBeGreaterThan(60)
    expect(headings(doc)[2]).toEqual({ kind: 'h3', title: '结合老旧小区改造工作，我们准备在辖区西头打造一处宣传阵地，', body: '方便群众就近参加各类文体活动，进一步丰富辖区群众的业余文化生活。' })
  })
})

describe('a heading line broken after a comma', () => {
  it.each([',', '，'])('is joined with the line that carries it on (%s)', (comma) => {
    const { documents, report } = run(`某局工作总结\n一、强化组织保障${comma}\n确保各项任务落到实处\n全年召开会议三次。\n二、加强队伍建设\n培训12期。`)
    expect(outline(documents[0]!)).toEqual([
      { kind: 'h1', title: `强化组织保障${comma}确保各项任务落到实处` },
      { kind: 'p', title: '全年召开会议三次。' },
      { kind: 'h1', title: '加强队伍建设' },
      { kind: 'p', title: '培训12期。' },
    ])
    expect(report.linesJoined).toBe(1)
  })
  it('look-alike: not onto the next heading, nor across a blank line', () => {
    expect(outline(only('某局工作总结\n一、强化组织保障，\n二、加强队伍建设\n培训12期。')).map((l) => l.title)).toEqual(['强化组织保障，', '加强队伍建设', '培训12期。'])
    expect(outline(only('某局工作总结\n一、强化组织保障，\n\n全年召开会议三次。\n二、加强队伍建设\n培训12期。'))[0]).toEqual({ kind: 'h1', title: '强化组织保障，' })
  })
})
