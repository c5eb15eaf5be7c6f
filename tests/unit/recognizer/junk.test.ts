/** Web junk removal (only with `clean`). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { junkKind } from '../../../shared/recognizer'
import { fixture, headings, only, paragraphs, run } from './helpers'

describe('junkKind', () => {
  it.each([
    ['时间:2013-01-07 01:38:44', 'meta'],
    ['发布时间：2025-12-31', 'meta'],
    ['来源:网络整理', 'meta'],
    ['作者：佚名', 'meta'],
    ['当前位置：首页 > 工作总结', 'meta'],
    ['2025-12-31 09:12:05', 'meta'],
    ['来源:网络整理 免责声明:本文仅代表作者观点，与本站无关。', 'boilerplate'],
    ['版权所有 © 某某网', 'boilerplate'],
    ['范文仅供参考，感谢浏览。', 'boilerplate'],
    ['本文由热心网友整理发布', 'boilerplate'],
    ['以下是小编整理的工作总结，供大家参考。', 'boilerplate'],
    ['更多精彩内容请访问我们的网站', 'boilerplate'],
    ['相关阅读', 'navigation'],
    ['推荐阅读：', 'navigation'],
    ['上一篇：学校工作总结', 'navigation'],
    ['下一篇:社区工作计划', 'navigation'],
    ['分享 收藏 打印', 'ui'],
    ['WORD下载 PDF下载 投诉', 'ui'],
    ['手机扫码分享', 'ui'],
    ['Top', 'ui'],
    ['https://www.example.com/a/123.html', 'url'],
    ['本文地址：www.example.com/a/1.html', 'boilerplate'],
    ['详见 www.example.com/a/1.html', 'url'],
    ['第 2 页 共 5 页', 'page'],
    ['— 3 —', 'page'],
    ['- 3 -', 'page'],
    ['2/5', 'page'],
    ['某某范文网', 'site'],
    ['公文写作之家', 'site'],
  ])('%s → %s', (line, kind) => {
    expect(junkKind(line)).toBe(kind)
  })

  it.each([
    // banners, menus, breadcrumbs: by shape
    ['某某素材网 首页', 'site'],
    ['58汇报网', 'site'],
    ['首页 | 总结 | 计划 | 报告', 'site'],
    ['首页 范文 工作总结 工作计划 述职报告 心得体会', 'site'],
    ['总结 计划 报告 方案 致辞 讲话 条例', 'site'],
    ['首页 > 总结 > 社区总结', 'site'],
    ['当前位置：首页 » 工作总结', 'meta'],
    ['社区工作总结内容页', 'site'],
    // timestamps and counters, also fused with a category
    ['2024-11-03 09:15:27工作总结', 'meta'],
    ['2024/11/03 09:15', 'meta'],
    ['2024-11-03 工作总结', 'meta'],
    ['阅读：123', 'meta'],
    ['浏览次数：4567', 'meta'],
    ['阅读(123)', 'meta'],
    ['1234人阅读', 'meta'],
    ['已有56人下载', 'meta'],
    // authors, editors, uploaders
    ['上传者：山间清风', 'meta'],
    ['文档贡献者：某某', 'meta'],
    ['责任编辑：王某', 'meta'],
    ['文/李四', 'meta'],
    // recommended and related links
    ['[推荐]2025年社区工作总结', 'navigation'],
    ['【热门】学校安全工作总结范文', 'navigation'],
    ['大家都在看', 'navigation'],
    // repost, copyright, SEO
    ['本文由网友上传，如有侵权请联系删除', 'boilerplate'],
    ['转载请注明出处', 'boilerplate'],
    ['以下是为大家整理的社区工作总结范文，欢迎阅读。', 'boilerplate'],
    ['希望对你有帮助！', 'boilerplate'],
    ['以上就是全部内容，希望大家喜欢。', 'boilerplate'],
    // buttons
    ['分享到： 微信 微博 QQ好友', 'ui'],
    ['展开全文', 'ui'],
    ['下载APP 阅读全文', 'ui'],
    ['上一页 1 2 3 下一页', 'navigation'],
    ['1 2 3 4 尾页', 'ui'],
    ['【打印】【关闭】', 'ui'],
    ['2024-01-07 09:12 | 编辑：某某 | 阅读：123', 'meta'],
    ['本文已影响2356人', 'meta'],
    ['【导语】社区工作总结怎么写？一起来看看吧。', 'boilerplate'],
    ['温馨提示：本文档共3页，可下载全文阅读', 'boilerplate'],
    ['以上就是小编整理的全部内容', 'boilerplate'],
    ['本文目录一览', 'navigation'],
  ])('by shape: %s → %s', (line, kind) => {
    expect(junkKind(line)).toBe(kind)
  })

  it.each([
    '资金来源：上级补助与自筹相结合，共投入12万元。',
    '时间紧、任务重，我们加班加点完成了普查。',
    '通过社区网站和公众号发布通知36期。',
    '推广扫码支付商户120户。',
    '详见附件，或登录 www.example.gov.cn 查询办事指南、下载申报表格并在线提交材料。',
    '青石镇2025年安全生产工作总结',
    '一、主要工作开展情况',
    '2025年12月26日',
    '撰写人：____',
    '三、推荐阅读书目活动',
    '（二）相关文章的学习',
    '桃源街道 2025年 工作总结',
    '柳溪镇人民政府 2025-12-26',
    '2025-12-26',
    '国家电网',
    '审核人：张三',
    '联系电话：12345678',
    '阅读量稳步上升，全年推送信息96条。',
  ])('kept: %s', (line) => {
    expect(junkKind(line)).toBeNull()
  })
})

describe('clean in documents', () => {
  const page = [
    '学校工作总结【经典3篇】', '', '时间:2025-01-07 01:38:44', '王小明', '分享', 'WORD下载 PDF下载 投诉', '',
    '柳溪小学工作总结', '', '本学期学校各项工作平稳有序。', '',
    '相关阅读：', '学校德育工作总结', '学校安全工作总结', '',
    '学校工作总结【经典3篇】', '手机扫码分享', 'Top',
  ].join('\n')

  it('removes banners, meta lines, the author squeezed between them, link lists, the repeated collection heading', () => {
    const result = run(page, { clean: true })
    const doc = result.documents[0]!
    expect(doc.title).toBe('学校工作总结')
    expect(paragraphs(doc)).toEqual(['柳溪小学工作总结', '本学期学校各项工作平稳有序。'])
    expect(result.report.junkRemoved).toBe(10)
  })

  it('removes nothing without clean', () => {
    const result = run(page)
    expect(result.report.junkRemoved).toBe(0)
    expect(paragraphs(result.documents[0]!)).toHaveLength(12)
    expect(result.report.linesJoined).toBe(0)
  })

  it('never removes a substantive line that merely mentions a junk word', () => {
    const doc = only('标题\n资金来源：财政拨款。\n作者群体以青年为主，全年投稿300篇。', { clean: true })
    expect(paragraphs(doc)).toEqual(['资金来源：财政拨款。', '作者群体以青年为主，全年投稿300篇。'])
  })
})

describe('clean by shape: a page around a summary', () => {
  const text = fixture('web-page-shapes.txt')

  it('removes the head and the tail, keeps title, headings, signature and date', () => {
    const result = run(text, { clean: true })
    const doc = result.documents[0]!
    expect(doc.title).toBe('桃源街道2025年度便民服务工作总结')
    expect(headings(doc).map((h) => h.title)).toEqual(['主要做法', '窗口前移。', '流程再造。', '存在的不足'])
    // the organization sits between a notice and a row of buttons: still the signature
    expect(doc.signature).toEqual({ organization: '桃源街道办事处', date: '2025-12-24', dateStyle: 'arabic' })
    expect(result.report.junkLines.map((j) => j.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 16, 18, 20, 21, 22, 23, 24])
    expect(result.report.junkLines[0]).toEqual({ line: 1, text: '公文素材网 首页', kind: 'site' })
    expect(result.report.junkRemoved).toBe(15)
    expect(paragraphs(doc).join()).not.toMatch(/首页|阅读|推荐|整理|转载|分享|相关/)
  })

  it('the title is found after the junk head even without clean; nothing is removed then', () => {
    const result = run(text)
    expect(result.documents[0]!.title).toBe('桃源街道2025年度便民服务工作总结')
    expect(result.report.junkRemoved).toBe(0)
    expect(result.report.junkLines).toEqual([])
    expect(paragraphs(result.documents[0]!)[0]).toBe('公文素材网 首页')
  })

  it('keeps the lines the writer chose to keep', () => {
    const result = run(text, { clean: true, keep: [7, 21] })
    expect(result.report.junkLines.map((j) => j.line)).toEqual([1, 2, 3, 4, 5, 6, 8, 16, 18, 20, 22, 23, 24])
    expect(paragraphs(result.documents[0]!)).toContain('【推荐】2025年街道综治工作总结范文')
    expect(paragraphs(result.documents[0]!)).toContain('社区便民服务中心工作总结')
  })

  it('never removes a signature squeezed between junk lines', () => {
    const doc = only('某某社区工作总结\n全年工作平稳有序，圆满完成各项任务。\n本文由网友上传\n某某社区居委会\nTop', { clean: true })
    expect(doc.signature).toEqual({ organization: '某某社区居委会', dateStyle: 'arabic' })
    const dated = only('某某社区工作总结\n全年工作平稳有序。\n时间:2025-12-30 10:00\n某某镇人民政府\n分享\n2025年12月30日', { clean: true })
    expect(dated.signature).toEqual({ organization: '某某镇人民政府', date: '2025-12-30', dateStyle: 'arabic' })
  })

  it('a link list ends at a line that body text follows (a title, not a link)', () => {
    const doc = only('相关阅读：\n街道消防工作总结\n桃源社区2025年工作总结\n今年社区坚持以人民为中心，扎实推进各项工作，取得了明显成效。', { clean: true })
    expect(doc.title).toBe('桃源社区2025年工作总结')
  })
})

describe('page-chunk counters of document-sharing sites', () => {
  it('removes the counters and closes the sentences they split', () => {
    const text = fixture('doc-sharing-pages.txt')
    const result = run(text, { clean: true })
    const doc = result.documents[0]!
    expect(result.report.junkLines).toEqual([{ line: 3, text: '2', kind: 'page' }, { line: 5, text: '3、', kind: 'page' }])
    expect(paragraphs(doc)[0]).toMatch(/共有326户签约.*土蜂蜜等产品收入合计210万元/)
    expect(headings(doc).map((h) => h.title)).toEqual(['盘活闲置资源。', '培育特色产业。'])
    expect(result.report.linesJoined).toBe(2)
  })

  it('numbered headings are not counters', () => {
    const text = '标题\n一、主要做法\n1、加强组织领导，压实各方责任\n2、完善工作制度，建立长效机制\n3、强化督查考核\n二、下步打算'
    const result = run(text, { clean: true })
    expect(result.report.junkLines).toEqual([])
    expect(headings(result.documents[0]!)).toHaveLength(5)
  })
})

describe('clean never takes the title, a heading, the signature or the date (property)', () => {
  const junkLines = [
    '某某范文网 首页', '首页 | 总结 | 计划', '首页 > 总结 > 社区', '2024-11-03 09:15:27工作总结', '阅读：321', '作者：佚名', '[推荐]街道年度总结',
    '转载请注明出处', '以下是小编整理的总结，供大家参考。', '分享 收藏 打印', 'Top', '相关文章', 'www.example.com/a.html', '第 2 页 共 3 页', '希望对你有帮助',
  ]
  const headingsPool = ['一、主要做法', '二、存在问题', '三、下步打算', '（一）加强领导。压实责任。', '1、完善制度', '（1）建立台账']
  const bodyPool = ['全年召开会议12次，研究部署重点工作。', '群众满意度明显提升，达到96%。', '下一步将继续巩固成效，形成长效机制。']

  it('with any junk around and between them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...junkLines), { maxLength: 4 }),
        fc.array(fc.tuple(fc.constantFrom(...headingsPool, ...bodyPool), fc.array(fc.constantFrom(...junkLines), { maxLength: 2 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...junkLines), { maxLength: 2 }),
        fc.array(fc.constantFrom(...junkLines), { maxLength: 3 }),
        (head, content, between, tail) => {
          const lines = [...head, '青湖社区2025年度工作总结']
          for (const [line, junk] of content) lines.push(line, ...junk)
          lines.push('青湖社区居民委员会', ...between, '2025年12月20日', ...tail)
          const { documents } = run(lines.join('\n'), { clean: true })
          const doc = documents[0]!
          expect(doc.title).toBe('青湖社区2025年度工作总结')
          expect(headings(doc).length).toBe(content.filter(([line]) => headingsPool.includes(line)).length)
          expect(doc.signature).toEqual({ organization: '青湖社区居民委员会', date: '2025-12-20', dateStyle: 'arabic' })
        },
      ),
      { numRuns: 300 },
    )
  })
})
