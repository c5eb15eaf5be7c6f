/** Heading markers, level mapping, run-in splitting, numbering gaps. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { headingNumbersOf } from '../../../shared/document/numbering'
import { levelMap, matchMarker, shapeHeading } from '../../../shared/recognizer'
import { isPartHeadingText } from '../../../shared/recognizer/headings'
import { headings, only, outline, paragraphs, run } from './helpers'

describe('matchMarker', () => {
  it.each([
    ['一、总体情况', 'cn', 1, '总体情况'],
    ['十二、其他', 'cn', 12, '其他'],
    ['三.加强领导', 'cn', 3, '加强领导'],
    ['(一)加强领导', 'cnParen', 1, '加强领导'],
    ['（十一）加强领导', 'cnParen', 11, '加强领导'],
    ['（二）、加强领导', 'cnParen', 2, '加强领导'],
    ['1.加强领导', 'arDot', 1, '加强领导'],
    ['1．加强领导', 'arDot', 1, '加强领导'],
    ['12. 加强领导', 'arDot', 12, '加强领导'],
    ['１、加强领导', 'arDun', 1, '加强领导'],
    ['3、加强领导', 'arDun', 3, '加强领导'],
    ['(1)加强领导', 'arParen', 1, '加强领导'],
    ['（10）加强领导', 'arParen', 10, '加强领导'],
    ['⑶加强领导', 'arParen', 3, '加强领导'],
    ['2）加强领导', 'arParen', 2, '加强领导'],
    ['3) 加强领导', 'arParen', 3, '加强领导'],
    ['六、 开展活动', 'cn', 6, '开展活动'],
  ])('%s', (line, kind, number, rest) => {
    expect(matchMarker(line)).toMatchObject({ kind, number, rest })
  })

  it.each([
    '一是加强领导', '二是压实责任', '第一，突出重点', '第一,突出重点', '其一，问题', '首先，班子带头',
    '1.5万元专项资金', '3.5%的住户', '3、4月份', '2023年全年', '2023.12.2', '12.5公里', '一、二级预警响应',
    '十分重视', '三季度', '①加强领导', '100、', '', 'abc', '5）%的增长', '1)2)两项',
  ])('not a marker: %s', (line) => {
    expect(matchMarker(line)).toBeNull()
  })
})

describe('levelMap', () => {
  it('follows GB/T order when all four kinds are present', () => {
    expect(Object.fromEntries(levelMap(['cn', 'cnParen', 'arDot', 'arParen']))).toEqual({ cn: 1, cnParen: 2, arDot: 3, arParen: 4 })
  })
  it('keeps skipped levels: 一、 then 1、 makes 1、 level 3, (一) then (1) makes (1) level 4', () => {
    expect(Object.fromEntries(levelMap(['cn', 'arDun', 'arDun']))).toEqual({ cn: 1, arDun: 3 })
    expect(Object.fromEntries(levelMap(['cnParen', 'arParen']))).toEqual({ cnParen: 2, arParen: 4 })
    expect(Object.fromEntries(levelMap(['arDun']))).toEqual({ arDun: 3 })
  })
  it('puts "1." and "1、" on one level…', () => {
    expect(Object.fromEntries(levelMap(['arDun', 'arDot']))).toEqual({ arDun: 3, arDot: 3 })
    expect(Object.fromEntries(levelMap(['cn', 'arDot', 'arDun', 'cn', 'arDun', 'arDot']))).toEqual({ cn: 1, arDot: 3, arDun: 3 })
  })
  it('…unless one only ever appears inside sections of the other, restarting at 1', () => {
    const m = (kind: 'cn' | 'arDot' | 'arDun', number: number) => ({ kind, number })
    const nested = [m('cn', 1), m('arDot', 1), m('arDun', 1), m('arDun', 2), m('arDot', 2), m('arDun', 1), m('cn', 2), m('arDot', 1)]
    expect(Object.fromEntries(levelMap(nested))).toEqual({ cn: 1, arDot: 3, arDun: 4 })
    const notRestarting = [m('arDot', 1), m('arDun', 1), m('arDot', 2), m('arDun', 2)]
    expect(Object.fromEntries(levelMap(notRestarting))).toEqual({ arDot: 3, arDun: 3 })
  })
  it('a list before the first 一、 does not push 一、 down', () => {
    expect(Object.fromEntries(levelMap(['arDun', 'cn', 'arDun']))).toEqual({ cn: 1, arDun: 3 })
  })
  it('all five kinds: GB/T levels', () => {
    expect(Object.fromEntries(levelMap(['cn', 'cnParen', 'arDot', 'arDun', 'arParen']))).toEqual({ cn: 1, cnParen: 2, arDot: 3, arDun: 3, arParen: 4 })
  })
})

describe('shapeHeading (run-in)', () => {
  it('splits at the first 。！？ when text follows', () => {
    expect(shapeHeading('加强组织领导,压实工作责任。随后正文从这里开始。')).toEqual({ title: '加强组织领导,压实工作责任。', body: '随后正文从这里开始。' })
    expect(shapeHeading('成效如何？看数据说话。')).toEqual({ title: '成效如何？', body: '看数据说话。' })
    expect(shapeHeading('开展“文明家庭”评选。”随后')).toEqual({ title: '开展“文明家庭”评选。”', body: '随后' })
  })
  it('stands alone without text after the sentence', () => {
    expect(shapeHeading('高度重视，制定工作方案。')).toEqual({ title: '高度重视，制定工作方案。' })
    expect(shapeHeading('主要工作开展情况')).toEqual({ title: '主要工作开展情况' })
  })
  it('does not end the heading at a ； or ： inside a short line, or at a half-width ? (a lost character)', () => {
    expect(shapeHeading('完成规划;')).toEqual({ title: '完成规划;' })
    expect(shapeHeading('加强?织领导，压实责任。正文')).toEqual({ title: '加强?织领导，压实责任。', body: '正文' })
    expect(shapeHeading('计生工作：全年出生人口稳定')).toEqual({ title: '计生工作：全年出生人口稳定' })
    expect(shapeHeading('宣传发动:')).toEqual({ title: '宣传发动:' })
  })
  it('ends a short label at a colon when body text follows', () => {
    expect(shapeHeading('宣传发动：为动员辖区居民参与创建，社区召开了动员会')).toEqual({ title: '宣传发动：', body: '为动员辖区居民参与创建，社区召开了动员会' })
    expect(shapeHeading('宣传发动:社区召开居民代表动员会三次')).toEqual({ title: '宣传发动:', body: '社区召开居民代表动员会三次' })
    expect(shapeHeading('会议时间10:30开始，全体人员参加')).toEqual({ title: '会议时间10:30开始，全体人员参加' })
  })
  it('ends a short label at a blank before body text', () => {
    expect(shapeHeading('加强组织领导　街道成立了创建工作专班，统筹推进')).toEqual({ title: '加强组织领导', body: '街道成立了创建工作专班，统筹推进' })
    expect(shapeHeading('加强组织领导 “三级联动”机制全面运行，成效明显')).toEqual({ title: '加强组织领导', body: '“三级联动”机制全面运行，成效明显' })
    // not between Latin words or numbers, not before a short tail
    expect(shapeHeading('推广使用 Word 模板，统一文稿格式')).toEqual({ title: '推广使用 Word 模板，统一文稿格式' })
    expect(shapeHeading('倡导文明新风 争创和谐家庭')).toEqual({ title: '倡导文明新风 争创和谐家庭' })
  })
  it('takes a half-width full stop after Chinese text as a sentence end, not inside a number', () => {
    expect(shapeHeading('建立台账.全镇共排查企业46家')).toEqual({ title: '建立台账.', body: '全镇共排查企业46家' })
    expect(shapeHeading('投入资金1.5万元用于改造')).toEqual({ title: '投入资金1.5万元用于改造' })
  })
  it('cuts a long line without a sentence end after its first clause group', () => {
    const clauses = ['深入宣传未成年人保护的法律法规', '弘扬文明和谐的社会风尚', '引导辖区青少年从小热爱家乡建设家乡', '组织学生参加社区公益活动', '开展环境卫生整治']
    const line = clauses.join('，')
    expect(shapeHeading(line)).toEqual({ title: `${clauses[0]}，${clauses[1]}，`, body: clauses.slice(2).join('，') })
    // a first sentence longer than MAX_HEADING_CHARS is cut the same way
    const longSentence = `${clauses[0]}，${'各项工作稳步推进'.repeat(16)}。后文`
    expect(shapeHeading(longSentence)).toEqual({ title: `${clauses[0]}，`, body: longSentence.slice(clauses[0]!.length + 1) })
  })
  it('never returns an empty title: a line with no place to cut is one heading', () => {
    expect(shapeHeading('甲'.repeat(121))).toEqual({ title: '甲'.repeat(121) })
    expect(shapeHeading('甲'.repeat(130) + '。乙')).toEqual({ title: '甲'.repeat(130) + '。乙' })
    const item = '切实抓好先进性教育活动，把它作为第一位的要务来抓，作为第一位的任务来完成，作为第一位的责任来对待；'
    expect(shapeHeading(item)).toEqual({ title: item })
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 300 }), (rest) => {
      const shape = shapeHeading(rest)
      expect(shape.title.length).toBeGreaterThan(0)
      expect(rest.startsWith(shape.title)).toBe(true)
      if (shape.body === undefined) expect(shape.title).toBe(rest)
      else {
        expect(rest.endsWith(shape.body)).toBe(true)
        expect(rest.slice(shape.title.length, rest.length - shape.body.length)).toMatch(/^[ \u3000\t]*$/)
      }
    }))
  })
})

describe('headings in documents', () => {
  it('level-1 headings run in too when a sentence is followed by more text', () => {
    const doc = only('标题\n一、基本情况。全镇共有9个行政村，常住人口2.1万人。\n二、主要做法')
    expect(headings(doc)).toEqual([
      { kind: 'h1', title: '基本情况。', body: '全镇共有9个行政村，常住人口2.1万人。' },
      { kind: 'h1', title: '主要做法' },
    ])
  })

  it('reports numbering gaps per level, restarting under each parent', () => {
    const result = run('标题\n一、甲\n(一)乙\n(二)丙\n(七)丁\n(九)戊\n二、己\n(一)庚\n(三)辛\n四、壬')
    expect(result.report.numberingGaps).toEqual([
      { level: 2, after: 2, found: 7, typed: '(七)', heading: '丁', now: '(三)' },
      { level: 2, after: 7, found: 9, typed: '(九)', heading: '戊', now: '(四)' },
      { level: 2, after: 1, found: 3, typed: '(三)', heading: '辛', now: '(二)' },
      { level: 1, after: 2, found: 4, typed: '四、', heading: '壬', now: '三、' },
    ])
    expect(headings(result.documents[0]!).map((h) => h.kind)).toEqual(['h1', 'h2', 'h2', 'h2', 'h2', 'h1', 'h2', 'h2', 'h1'])
  })

  it('a long numbered line without a full stop is a heading cut after its first clause group', () => {
    const long = '全镇围绕中心工作扎实推进各项任务，'.repeat(9)
    const doc = only(`标题\n一、做法\n1、建立台账。正文\n2、${long}\n3、抓好落实`)
    expect(headings(doc)).toEqual([
      { kind: 'h1', title: '做法' },
      { kind: 'h3', title: '建立台账。', body: '正文' },
      { kind: 'h3', title: '全镇围绕中心工作扎实推进各项任务，全镇围绕中心工作扎实推进各项任务，', body: long.slice(34) },
      { kind: 'h3', title: '抓好落实' },
    ])
    const alone = only(`标题\n1、${long}`)
    expect(headings(alone)).toHaveLength(1)
  })

  it('a bare marker with nothing to take stays text', () => {
    expect(outline(only('标题\n正文。\n二、'))).toEqual([{ kind: 'p', title: '正文。' }, { kind: 'p', title: '二、' }])
  })

  it('a marker alone on its line takes the next line as its title', () => {
    const result = run('标题\n一、\n主要工作情况\n正文。')
    expect(headings(result.documents[0]!)).toEqual([{ kind: 'h1', title: '主要工作情况' }])
    expect(result.report.linesJoined).toBe(1)
  })

  it('keeps "?" and half-width punctuation exactly as written', () => {
    const doc = only('标题\n(一)加强?织领导,压实工作责任。随后正文(含括号):完。')
    expect(headings(doc)).toEqual([{ kind: 'h2', title: '加强?织领导,压实工作责任。', body: '随后正文(含括号):完。' }])
    expect(paragraphs(doc)).toEqual([])
  })
})

describe('part headings without numbers', () => {
  it.each(['存在的问题', '下一步工作打算', '20xx年工作计划:', '二〇二五年工作思路', '主要做法及成效：', '今后的努力方向', '下半年工作'])('%s is a part heading', (line) => {
    expect(isPartHeadingText(line)).toBe(true)
  })
  it.each([
    '现将有关情况汇报如下：', '尊敬的各位领导：', '社区2025年工作总结', '特此报告', '全年工作取得明显成效。', '成绩，问题', '街道办事处',
    '通过一年来的不懈努力，各项工作稳步推进，取得了阶段性成效',
  ])('%s is not', (line) => {
    expect(isPartHeadingText(line)).toBe(false)
  })

  it('become level-1 headings, so the numbered items under them restart', () => {
    const text = [
      '某社区2025年工作总结',
      '今年社区各项工作稳步推进。',
      '一、加强党建引领',
      '1、建立楼栋党小组。',
      '2、开展主题党日活动。',
      '二、提升服务水平',
      '1、延长服务时间。',
      '存在的问题',
      '部分居民参与度不高，志愿者队伍年龄偏大。',
      '20xx年工作计划:',
      '1、完善议事协商机制。',
      '2、推进智慧社区建设。',
    ].join('\n')
    const result = run(text)
    const doc = result.documents[0]!
    expect(headings(doc).map((h) => `${h.kind} ${h.title}`)).toEqual([
      'h1 加强党建引领', 'h3 建立楼栋党小组。', 'h3 开展主题党日活动。', 'h1 提升服务水平', 'h3 延长服务时间。',
      'h1 存在的问题', 'h1 20xx年工作计划:', 'h3 完善议事协商机制。', 'h3 推进智慧社区建设。',
    ])
    expect(headingNumbersOf(doc.blocks)).toEqual(['一、', '1.', '2.', '二、', '1.', '三、', '四、', '1.', '2.'])
    expect(result.report.numberingGaps).toEqual([])
    expect(result.report.headings).toBe(9)
  })

  it('never inside a running 一、二、三、 sequence, never the last line', () => {
    const doc = only(['标题', '一、主要做法', '正文。', '存在的问题', '正文。', '二、下步打算', '正文。', '工作计划'].join('\n'))
    expect(headings(doc).map((h) => h.title)).toEqual(['主要做法', '下步打算'])
  })
})
