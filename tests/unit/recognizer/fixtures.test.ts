/**
 * The recognizer against whole documents (tests/fixtures/recognizer/*.txt, written by us), asserting
 * what a writer would notice after importing: title, heading levels and titles, run-in bodies,
 * joined lines, unfilled figures, junk gone, signature — and not one word changed.
 */
import { describe, expect, it } from 'vitest'
import { headingNumbersOf } from '../../../shared/document/numbering'
import { fixture, headings, only, outline, paragraphs, run, squash, wording } from './helpers'
import { messageText } from '../../../shared/errors'

/** Heading numbers at line starts, as a writer types them (the recognizer derives them again). */
const MARKERS = /^[ \u3000]*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d)|[(（]\d{1,2}[)）])/gm

/** The input's words, minus heading numbers and the given lines (dates, junk …). */
function inputWording(text: string, dropLines: readonly string[] = []): string {
  const kept = text.split('\n').filter((l) => !dropLines.includes(l.trim()))
  return squash(kept.join('\n').replace(MARKERS, ''))
}

describe('town safety summary (levels 1–4, run-in headings, gap, signature)', () => {
  const text = fixture('town-safety-2025.txt')
  const result = run(text)
  const doc = result.documents[0]!

  it('finds title, subtitle and signature', () => {
    expect(doc.title).toBe('青石镇2025年安全生产工作总结')
    expect(doc.subtitle).toBe('以“安全发展年”为主线的全年回顾')
    expect(doc.signature).toEqual({ organization: '青石镇安全生产委员会办公室', date: '2025-12-26', dateStyle: 'arabic' })
  })

  it('maps 一、 (一) 1. (1) to levels 1–4, half- and full-width alike', () => {
    expect(headings(doc).map((h) => h.kind)).toEqual([
      'h1', 'h2', 'h3', 'h3', 'h4', 'h4', 'h2', 'h3', 'h3', 'h2', 'h1', 'h1', 'h2', 'h2', 'h2',
    ])
    expect(headings(doc)[0]).toEqual({ kind: 'h1', title: '主要工作开展情况' })
    expect(headings(doc)[12]).toEqual({ kind: 'h2', title: '持续压实责任。', body: '进一步细化镇、村、企业三级责任清单，把考核结果与评先评优挂钩。' })
  })

  it('splits run-in headings at the first full stop, at levels 2, 3 and 4', () => {
    const h = headings(doc)
    expect(h[1]).toMatchObject({ kind: 'h2', title: '健全责任体系，织密安全网络。' })
    expect(h[1]!.body).toMatch(/^镇党委会、镇政府常务会先后12次/)
    expect(h[2]).toMatchObject({ kind: 'h3', title: '镇村两级签订责任书。' })
    expect(h[4]).toEqual({ kind: 'h4', title: '建立网格员台账。', body: '为每名网格员建立履职记录，季度末集中点评一次。' })
    expect(result.report.runInHeadings).toBe(12)
    expect(result.report.headings).toBe(15)
  })

  it('keeps lead-ins 一是…二是… inside the body and reports the skipped (三)', () => {
    expect(paragraphs(doc).some((p) => p.startsWith('一是部分企业主体责任落实不到位'))).toBe(true)
    expect(result.report.numberingGaps).toEqual([expect.objectContaining({ level: 2, after: 2, found: 4, typed: '（四）', now: '（三）' })])
  })

  it('changes no words', () => {
    expect(wording(doc)).toBe(inputWording(text, ['2025年12月26日']).replace('——', ''))
    expect(result.report.linesJoined).toBe(0)
  })
})

describe('a file with three summaries', () => {
  const text = fixture('collection-three.txt')

  it('with split: three documents, each with its own title and signature', () => {
    const result = run(text, { split: true })
    expect(result.documents.map((d) => d.title)).toEqual([
      '枫林社区2025年度工作总结',
      '桂园小学2025年秋季学期德育工作总结',
      '河湾村2025年人居环境整治工作总结',
    ])
    expect(result.documents.map((d) => d.signature)).toEqual([
      { organization: '枫林社区居委会', date: '2025-12-30', dateStyle: 'chinese' },
      { organization: '桂园小学德育处', date: '2025-12-30', dateStyle: 'arabic' },
      { organization: '中共河湾村支部委员会', date: '2025-12-29', dateStyle: 'arabic' },
    ])
    expect(result.documents[2]!.subtitle).toBe('写在年终考评之前')
    expect(result.report.documents).toBe(3)
    expect(result.report.warnings.map((w) => messageText(w)).join()).toContain('去掉了合集的总标题“社区与学校年度工作总结（精选3篇）”')
    for (const d of result.documents) expect(headings(d).map((h) => h.kind)).toEqual(['h1', 'h1'])
  })

  it('without split: exactly one document holding everything', () => {
    const result = run(text)
    expect(result.documents).toHaveLength(1)
    const doc = result.documents[0]!
    expect(doc.title).toBe('社区与学校年度工作总结')
    expect(paragraphs(doc)).toContain('第二篇：桂园小学2025年秋季学期德育工作总结')
    expect(wording(doc)).toContain(squash('二〇二五年十二月三十日'))
  })
})

describe('Traditional characters', () => {
  const text = fixture('traditional.txt')
  const doc = only(text)

  it('passes through unchanged, structure recognized', () => {
    expect(doc.title).toBe('南灣社區2025年志願服務工作總結')
    expect(headings(doc)).toContainEqual({ kind: 'h2', title: '「銀齡關愛」項目。', body: '為轄區82位高齡獨居老人提供定期探訪、代購代辦服務。' })
    expect(doc.signature).toEqual({ organization: '南灣社區居民委員會', date: '2025-12-18', dateStyle: 'arabic' })
    expect(wording(doc)).toBe(inputWording(text, ['2025年12月18日']))
  })
})

describe('hard-wrapped text (PDF copy)', () => {
  const text = fixture('hard-wrapped.txt')

  it('joins lines broken mid-sentence and mid-number, across a page counter when cleaning', () => {
    const result = run(text, { clean: true })
    const doc = result.documents[0]!
    expect(result.report.linesJoined).toBe(13)
    expect(result.report.junkRemoved).toBe(1)
    expect(doc.title).toBe('柳溪中学2025年校园安全工作总结')
    const drill = paragraphs(doc).find((p) => p.startsWith('今年学校'))!
    expect(drill).toContain('秋季开学前夕的8月23日组织了两次')
    expect(drill).toMatch(/在各班评选安全小卫士。$/)
    const h = headings(doc)
    expect(h.map((x) => x.kind)).toEqual(['h1', 'h1', 'h2', 'h2', 'h1'])
    expect(h[2]!.title).toBe('坚持每月排查。')
    expect(h[2]!.body).toContain('更换老化电线约800米。')
    expect(h[2]!.body).toMatch(/安排教师护导。$/)
    expect(doc.signature).toEqual({ organization: '柳溪中学安全工作领导小组办公室', date: '2025-12-20', dateStyle: 'arabic' })
    expect(outline(doc)).toHaveLength(9)
    expect(wording(doc)).toBe(inputWording(text, ['— 2 —', '2025年12月20日']))
  })

  it('without clean the page counter stays, as its own paragraph', () => {
    const doc = only(text)
    expect(paragraphs(doc)).toContain('— 2 —')
    expect(wording(doc)).toBe(inputWording(text, ['2025年12月20日']))
  })
})

describe('a page full of web junk', () => {
  const text = fixture('web-junk.txt')

  it('with clean: only the summary remains', () => {
    const result = run(text, { clean: true })
    const doc = result.documents[0]!
    expect(doc.title).toBe('社区2025年度平安建设工作总结')
    expect(result.report.junkRemoved).toBe(19)
    expect(outline(doc).map((l) => l.kind)).toEqual(['p', 'h1', 'h1', 'h1'])
    // substantive lines mentioning 来源 / 网站 are kept
    expect(headings(doc)[1]!.body).toContain('资金来源：街道专项补助与社区自筹相结合')
    expect(headings(doc)[2]!.body).toContain('微信公众号和网站同步发布')
    expect(wording(doc)).not.toMatch(/免责声明|仅供参考|本文链接|上一篇|相关阅读|返回顶部|作者|浏览/)
  })

  it('without clean: nothing is removed', () => {
    const result = run(text)
    expect(result.report.junkRemoved).toBe(0)
    expect(paragraphs(result.documents[0]!)).toContain('免责声明：本站文章均来自网络，如有侵权请联系删除。')
    // the title is found under the junk head; the head stays in the body, where cleaning removes it
    const doc = result.documents[0]!
    expect(doc.title).toBe('社区2025年度平安建设工作总结')
    expect(paragraphs(doc).slice(0, 2)).toEqual(['公文写作之家', '当前位置：首页 > 工作总结 > 社区工作总结'])
    const lines = text.split('\n')
    expect(wording(doc)).toBe(squash(lines[2]!) + inputWording([...lines.slice(0, 2), ...lines.slice(3)].join('\n')))
  })
})

describe('"1、" lists and lead-ins', () => {
  const text = fixture('lists-leadins.txt')
  const doc = only(text)

  it('keeps 1、 under 一、 (no (一) present) at level 3: the numbers print as typed', () => {
    expect(headings(doc)).toEqual([
      { kind: 'h1', title: '强化组织保障' },
      { kind: 'h3', title: '成立工作专班。', body: '街道成立由党工委书记任组长的创建工作专班，下设综合协调、环境整治、宣传发动三个小组。' },
      { kind: 'h3', title: '建立例会制度。', body: '专班每周召开一次调度会，通报问题清单，明确整改时限。' },
      { kind: 'h3', title: '落实经费保障。' },
      { kind: 'h1', title: '狠抓环境整治' },
      { kind: 'h1', title: '下步打算' },
    ])
    expect(headingNumbersOf(doc.blocks)).toEqual(['一、', '1.', '2.', '3.', '二、', '三、'])
  })

  it('keeps the plan items under 下步打算 as numbered paragraphs: one is a whole sentence, none has text under it', () => {
    expect(paragraphs(doc).slice(-2)).toEqual(['1、继续做好测评迎检准备。', '2、巩固环境整治成果，防止问题反弹。'])
  })

  it('keeps lead-ins and lines that merely start with a number as body text', () => {
    const ps = paragraphs(doc)
    for (const start of ['一是整治背街小巷', '第一，突出重点区域', '第二，注重长效管理', '其一，问题发现在一线', '首先，街道领导班子',
      '1.5万元专项经费', '2024年底遗留', '3.5%的住户', '3、4月份集中开展']) {
      expect(ps.some((p) => p.startsWith(start)), start).toBe(true)
    }
    // the plan items keep their numbers as typed (they are paragraphs)
    const planItems = ['1、继续做好测评迎检准备。', '2、巩固环境整治成果，防止问题反弹。']
    expect(wording(doc)).toBe(inputWording(text, planItems) + squash(planItems.join('')))
  })
})

describe('placeholders', () => {
  const text = fixture('placeholders.txt')
  const result = run(text)
  const doc = result.documents[0]!

  it('turns every placeholder into an unfilled figure, in place', () => {
    expect(doc.figures.map((f) => [f.name, f.original])).toEqual([
      ['年度', '20xx'],
      ['街道名称', 'XX'],
      ['理事会议次数', 'x'],
      ['文体活动场次', 'xx'],
      ['参与老人人次', 'xxx'],
      ['走访慰问户数', '××'],
      ['慰问金', '____'],
      ['小区名称', '＊＊'],
      ['村名称', 'ＸＸ'],
      ['月份', '__'],
      ['镇名称', '**'],
      ['撰写人', '____'],
    ])
    // "20__年" is the same 年度 as "20xx年"
    expect(JSON.stringify(doc.blocks).match(/"figureId":"f1"/g)).toHaveLength(2)
    expect(doc.figures.every((f) => f.value === null)).toBe(true)
    expect(result.report.placeholders).toBe(12)
    const activity = doc.blocks[2]!
    expect(activity.type === 'paragraph' && activity.children.slice(0, 3)).toEqual([
      { type: 'text', text: '全年召开理事会议' },
      { type: 'figure', figureId: 'f3' },
      { type: 'text', text: '次，组织文体活动' },
    ])
  })

  it('leaves Latin words, addresses and X光 alone; the title keeps its text', () => {
    expect(paragraphs(doc)).toContain('会员信息统一录入Excel台账，并同步到xxx.com协会平台；为行动不便的会员联系上门X光检查服务。')
    expect(doc.title).toBe('20XX年XX社区老年协会工作总结')
  })

  it('keeps "撰写人：____" as a paragraph under the signature', () => {
    expect(doc.signature).toEqual({ organization: 'XX社区老年协会', date: '2025-12-22', dateStyle: 'arabic' })
    expect(paragraphs(doc).at(-1)).toBe('撰写人：____')
    // the signature's organization comes last in the model, after the contact line
    // one 年度 figure shows the first token it came from ("20xx") where "20__" stood
    expect(wording(doc)).toBe(inputWording(text, ['2025年12月22日', '撰写人：____', 'XX社区老年协会']).replace('20__年', '20xx年') + '撰写人：____XX社区老年协会')
  })
})

describe('every fixture, every option', () => {
  const names = ['town-safety-2025', 'collection-three', 'traditional', 'hard-wrapped', 'web-junk', 'lists-leadins', 'placeholders']
  for (const name of names) {
    it(`${name} validates with clean and split on and off`, () => {
      const text = fixture(`${name}.txt`)
      for (const clean of [false, true]) for (const split of [false, true]) run(text, { clean, split, today: '2025-12-31' })
    })
  }
})

describe('a web page holding a collection (junk, labels, half-width punctuation, skipped levels, part headings)', () => {
  const text = fixture('web-collection.txt')
  const result = run(text, { clean: true, split: true })
  const [first, second, third] = result.documents

  it('finds three summaries, each titled, identical titles told apart, the junk around them removed', () => {
    expect(result.documents.map((d) => d.title)).toEqual(['社区平安建设工作总结', '社区平安建设工作总结（二）', '__社区20__年平安建设工作总结'])
    expect(result.report.suggestSplit).toBe(true)
    expect(result.report.junkLines.map((j) => j.line)).toEqual([2, 3, 4, 31, 32, 33, 34])
  })

  it('keeps the levels the numbers have, and makes the unnumbered parts level-1 headings', () => {
    expect(headings(first!).map((h) => `${h.kind} ${h.title}`)).toEqual([
      'h1 夯实基层基础', 'h3 完善网格管理。', 'h3 健全调解组织。', 'h1 强化宣传引导', 'h1 存在的问题', 'h1 下一步工作打算', 'h3 推进智慧安防小区建设;', 'h3 壮大平安志愿者队伍。',
    ])
    expect(headingNumbersOf(first!.blocks)).toEqual(['一、', '1.', '2.', '二、', '三、', '四、', '1.', '2.'])
    expect(paragraphs(first!)).toContain('一是居民参与度不高;二是技防设施有待完善。')
    expect(headings(second!).map((h) => h.title)).toEqual(['领导重视,责任落实。', '排查隐患,消除风险。'])
    expect(headings(third!).map((h) => h.kind)).toEqual(['h1', 'h2', 'h2', 'h1'])
  })

  it('names the blanks in a writer\'s words, one figure per meaning', () => {
    expect(first!.figures.map((f) => f.name)).toEqual(['网格个数', '纠纷起数', '法治宣传活动场次', '宣传资料份数'])
    expect(second!.figures.map((f) => f.name)).toEqual(['年度', '专题会议次数', '安全隐患处数'])
    expect(third!.figures.map((f) => f.name)).toEqual(['巡逻队伍支数', '社区名称', '年度'])
  })
})
