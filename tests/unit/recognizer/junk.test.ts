/** Web junk removal (only with `clean`). */
import { describe, expect, it } from 'vitest'
import { junkKind } from '../../../shared/recognizer'
import { only, paragraphs, run } from './helpers'

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
    ['本文地址：www.example.com/a/1.html', 'url'],
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
    '资金来源：上级补助与自筹相结合，共投入12万元。',
    '时间紧、任务重，我们加班加点完成了普查。',
    '通过社区网站和公众号发布通知36期。',
    '推广扫码支付商户120户。',
    '详见附件，或登录 www.example.gov.cn 查询办事指南、下载申报表格并在线提交材料。',
    '青石镇2025年安全生产工作总结',
    '一、主要工作开展情况',
    '2025年12月26日',
    '撰写人：____',
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
