/**
 * Lines rebuilt from a PDF's positioned text items, and page furniture (running headers/footers,
 * page numbers) removed, as general rules on made-up pages. Units are PDF points; y grows upwards.
 */
import { describe, expect, it } from 'vitest'
import { buildLines, isPageNumber, pagesToText, type PdfPage, type PdfTextItem } from '../../electron/services/import/pdfLayout'

const SIZE = 16
/** Items for one line of text, split into runs as PDF producers do; Han characters 1 em wide, others half. */
function line(y: number, x: number, ...runs: string[]): PdfTextItem[] {
  const items: PdfTextItem[] = []
  let at = x
  for (const run of runs) {
    const width = [...run].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? SIZE : SIZE / 2), 0)
    items.push({ text: run, x: at, y, width, size: SIZE })
    at += width
  }
  return items
}
const page = (...lines: PdfTextItem[][]): PdfPage => ({ items: lines.flat(), width: 595, height: 842 })

describe('lines from positioned text', () => {
  it('joins the runs of a Chinese line without spaces and Latin words with one', () => {
    const items = [...line(700, 72, '今年全镇完成', '植树', '造林'), ...line(680, 72, 'Annual', ' '), ...line(680, 72 + 7 * 8, 'report')]
    expect(buildLines(items).map((l) => l.text)).toEqual(['今年全镇完成植树造林', 'Annual report'])
  })

  it('adds no space where only a small gap separates Han from digits (Latin spacing by position, not typed)', () => {
    const items = [
      { text: '全年接待', x: 72, y: 700, width: 64, size: SIZE },
      { text: '2025', x: 138, y: 700, width: 32, size: SIZE },
      { text: '人次', x: 173, y: 700, width: 32, size: SIZE },
    ]
    expect(buildLines(items)[0]!.text).toBe('全年接待2025人次')
  })

  it('orders items by position, not by the order the file lists them; a wide gap is one space', () => {
    const items = [...line(680, 72, '第二行'), ...line(700, 200, '右半'), ...line(700, 72, '左半')]
    expect(buildLines(items).map((l) => l.text)).toEqual(['左半 右半', '第二行'])
  })

  it('keeps a line together when its runs sit slightly off one baseline (a superscript, mixed fonts)', () => {
    const items = [...line(700, 72, '面积'), { text: '2', x: 104, y: 704, width: 5, size: 9 }, ...line(700, 110, '增加')]
    expect(buildLines(items).map((l) => l.text)).toEqual(['面积2增加'])
  })
})

describe('page numbers', () => {
  it.each(['3', '— 3 —', '- 3 -', '-3-', '—3—', '第3页', '第 3 页 共 10 页', '共10页 第3页', '3/10', '3 / 10', 'Page 3', 'page 3 of 10', '第三页'])('"%s" is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true)
  })
  it.each(['3月份', '一、总体情况', '2025年12月26日', '共完成3项', '第3季度', '全年增长3%', 'Page layout'])('"%s" is not', (text) => {
    expect(isPageNumber(text)).toBe(false)
  })
})

describe('page furniture removed', () => {
  const body = (n: number) => Array.from({ length: 5 }, (_, i) => line(700 - i * 24, 72, `第${n}页正文第${i + 1}行内容，继续叙述工作情况`))

  it('drops a running header (same text and height on every page) and the page numbers, and keeps the text', () => {
    const pages = [1, 2, 3].map((n) => page(line(800, 250, '河湾区教育局'), ...body(n), line(60, 280, `— ${n} —`)))
    const { text, removed } = pagesToText(pages)
    expect(text).not.toMatch(/河湾区教育局|—/)
    expect(removed).toEqual(['河湾区教育局', '— 1 —', '河湾区教育局', '— 2 —', '河湾区教育局', '— 3 —'])
    expect(text.split('\n')).toHaveLength(15)
  })

  it('drops a footer whose number changes ("第1页 共3页") and a header carrying the page number', () => {
    const pages = [1, 2, 3].map((n) => page(line(800, 72, `年度工作报告 ${n}`), ...body(n), line(60, 250, `第${n}页 共3页`)))
    expect(pagesToText(pages).text).not.toMatch(/年度工作报告|共3页/)
  })

  it('keeps the title on page one when the running header of later pages repeats it', () => {
    const title = '河湾区教育局2025年工作总结'
    const pages = [page(line(760, 150, title), ...body(1)), page(line(800, 150, title), ...body(2)), page(line(800, 150, title), ...body(3))]
    const { text } = pagesToText(pages)
    expect(text.split('\n').filter((l) => l.trim() === title)).toHaveLength(1)
    expect(text.split('\n')[0]!.trim()).toBe(title)
  })

  it('keeps a line that only looks like furniture when it sits inside the page, and a short line that is not repeated', () => {
    const pages = [1, 2].map((n) => page(...body(n).slice(0, 2), line(640, 72, '2025'), ...body(n).slice(2), line(60, 280, `${n}`)))
    const lines = pagesToText(pages).text.split('\n')
    expect(lines.filter((l) => l === '2025')).toHaveLength(2)
    expect(lines).not.toContain('1')
  })

  it('marks indented first lines with ideographic spaces, so paragraphs stay apart when wrapped lines are joined', () => {
    const pages = [page(line(700, 104, '这是第一段的开头，缩进两个字'), line(676, 72, '这是第一段的续行，顶格排列'), line(652, 104, '第二段开头'))]
    expect(pagesToText(pages).text.split('\n')).toEqual(['\u3000\u3000这是第一段的开头，缩进两个字', '这是第一段的续行，顶格排列', '\u3000\u3000第二段开头'])
  })

  it('turns the space after a paragraph into a blank line, so a full line ending in 。 there ends a paragraph and elsewhere does not', () => {
    const pages = [page(line(700, 72, '第一段第一行写到这里结束。'), line(676, 72, '第一段第二行接着写完。'), line(640, 72, '第二段从这里开始，'), line(616, 72, '第二段的续行。'))]
    expect(pagesToText(pages).text.split('\n')).toEqual(['第一段第一行写到这里结束。', '第一段第二行接着写完。', '', '第二段从这里开始，', '第二段的续行。'])
  })

  it('drops the small-print header of a one-page document (nothing repeats on one page), and keeps a large title in its place', () => {
    const small = (y: number, x: number, t: string): PdfTextItem[] => [{ text: t, x, y, width: t.length * 10, size: 10 }]
    const big = (y: number, x: number, t: string): PdfTextItem[] => [{ text: t, x, y, width: t.length * 22, size: 22 }]
    const { text } = pagesToText([page(small(790, 250, '河湾区教育局'), big(730, 120, '河湾区教育局2025年工作总结'), ...body(1), line(60, 280, '— 1 —'))])
    expect(text.split('\n').map((l) => l.trim())).toEqual(['河湾区教育局2025年工作总结', ...body(1).map((l) => l.map((i) => i.text).join(''))])
    // without the header, the same page keeps its title first
    expect(pagesToText([page(big(790, 120, '河湾区教育局2025年工作总结'), ...body(1))]).text.split('\n')[0]!.trim()).toBe('河湾区教育局2025年工作总结')
  })

  it('counts pages without any text (scanned pages)', () => {
    const pages = [page(...body(1)), { items: [], width: 595, height: 842 }]
    expect(pagesToText(pages).emptyPages).toBe(1)
  })
})
