/**
 * A saved web page → its main text as lines (html.ts): page furniture dropped, the content found
 * by where the text is, paragraphs and line breaks kept, the declared charset honoured.
 */
import { describe, expect, it } from 'vitest'
import { declaredCharset, decodeEntities, htmlToItems } from '../../electron/services/import/html'
import type { RichItem } from '../../electron/services/import/rich'

const lines = (items: RichItem[]) => items.flatMap((i) => (i.kind === 'line' ? [i.runs.map((r) => r.text).join('')] : []))

const PARAGRAPHS = [
  '今年以来，我所围绕服务群众这一中心，持续优化户籍办理流程，全年办理各类业务四千余件。',
  '在窗口服务方面，推行预约办理和延时服务，群众等候时间明显缩短，收到表扬信十二封。',
  '在基层基础方面，完成辖区人口信息核查，补录缺失信息三百余条，数据质量进一步提高。',
]

describe('the main text of a saved page', () => {
  it('keeps the article and drops menus, breadcrumbs, sidebars, share bars, adverts, footers, scripts and forms', () => {
    const html = `<!doctype html><html><head><title>清河派出所年度工作总结_公文范文站</title><script>document.write('<p>脚本里的字</p>')</script><style>p{}</style></head>
      <body><div class="top-menu"><a href="/">首页</a><a href="/gw">公文</a></div>
      <div class="crumbs">您的位置：<a>首页</a> &gt; <a>总结</a></div>
      <div class="container"><div class="main-left">
        <h1>清河派出所2025年工作总结</h1>
        <div class="article-body">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</div>
        <div class="share-bar">分享到：微信 微博</div>
        <div id="ad_3">【推广】海量范文免费下载</div>
      </div>
      <aside><h3>热门文章</h3><ul><li><a>一篇别的总结的标题很长很长很长</a></li></ul></aside></div>
      <!-- 统计代码 <p>注释里的字</p> -->
      <footer>版权所有 © 公文范文站</footer><form><input value="搜索"><button>搜</button></form></body></html>`
    expect(lines(htmlToItems(html))).toEqual(['清河派出所2025年工作总结', ...PARAGRAPHS])
  })

  it('finds the content by text density when the page has no <main> or <article>', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/${i}">相关范文第${i + 1}篇的标题文字</a></li>`).join('')
    const html = `<body><div id="l"><ul>${links}</ul></div><div id="c"><div>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div><div id="r"><p>联系我们</p></div></body>`
    expect(lines(htmlToItems(html))).toEqual(PARAGRAPHS)
  })

  it('prefers <article> and puts back the title from <title> when the page has no heading', () => {
    const html = `<html><head><title>河西街道办事处2025年度工作总结 - 某某文库</title></head><body><div>导航 链接 登录</div><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
    expect(lines(htmlToItems(html))).toEqual(['河西街道办事处2025年度工作总结', ...PARAGRAPHS])
  })

  it('keeps <br> as a line break, headings as lines with their depth, marks, and tables', () => {
    const html = `<article><h2>一、主要工作</h2><p>第一句话写完了。<br>第二句话另起一行。</p><p><strong>加粗的</strong>和<u>划线的</u>字</p>
      <table><tr><td>项目</td><td>数量</td></tr><tr><td>培训</td><td>12</td></tr></table><p>${PARAGRAPHS[0]}</p></article>`
    const items = htmlToItems(html)
    expect(lines(items)).toEqual(['一、主要工作', '第一句话写完了。', '第二句话另起一行。', '加粗的和划线的字', PARAGRAPHS[0]])
    expect(items.find((i) => i.kind === 'line' && i.depth === 2)).toBeTruthy()
    const marked = items.find((i) => i.kind === 'line' && i.runs[0]?.text === '加粗的')
    expect(marked?.kind === 'line' && marked.runs.map((r) => r.marks)).toEqual([1, 0, 4, 0])
    const table = items.find((i) => i.kind === 'table')
    expect(table?.kind === 'table' && table.rows.length).toBe(2)
  })

  it('removes blanks that HTML wrapping put between Chinese characters, and decodes character references', () => {
    const html = `<article><p>全年共开展\n      宣传活动&nbsp;12&nbsp;场，发放资料&ldquo;一千&rdquo;份&#12290;</p><p>${PARAGRAPHS[1]}</p></article>`
    expect(lines(htmlToItems(html))[0]).toBe('全年共开展宣传活动 12 场，发放资料“一千”份。')
  })

  it('survives unclosed paragraphs and list items as browsers read them', () => {
    const html = `<body><div class="text"><p>${PARAGRAPHS[0]}<p>${PARAGRAPHS[1]}<ul><li>第一项<li>第二项</ul><p>${PARAGRAPHS[2]}</div></body>`
    expect(lines(htmlToItems(html))).toEqual([PARAGRAPHS[0], PARAGRAPHS[1], '第一项', '第二项', PARAGRAPHS[2]])
  })
})

describe('parsing and charset', () => {
  it('reads the declared charset from <meta charset> and from http-equiv', () => {
    const bytes = (s: string) => new TextEncoder().encode(s)
    expect(declaredCharset(bytes('<html><head><meta charset="GBK"><title>x</title>'))).toBe('gbk')
    expect(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'))).toBe('gb2312')
    expect(declaredCharset(bytes('<html><body>没有声明</body></html>'))).toBeNull()
  })

  it('decodes named and numeric references and leaves unknown ones as written', () => {
    expect(decodeEntities('&lt;&amp;&gt; &#x4E00;&#20108; &mdash;&hellip; &unknownthing;')).toBe('<&> 一二 —… &unknownthing;')
  })

  it('reads a large page whole: scripts skipped however many, unclosed tags closed, every paragraph kept', () => {
    const html = `<body><div class="text">${'<div><p>一段文字，<b>有加粗</b>，也有<a href="#">链接</a>。<script>var x = "</p>";</script></div>'.repeat(5_000)}</div></body>`
    const found = lines(htmlToItems(html))
    expect(found).toHaveLength(5_000)
    expect(new Set(found)).toEqual(new Set(['一段文字，有加粗，也有链接。']))
  })
})
