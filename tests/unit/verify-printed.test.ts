/** The printed text `verify` expects of a PDF, and how a PDF's pages are held against it. */
import { describe, expect, it } from 'vitest'
import { prepareOutput } from '../../shared/output/prepare'
import { comparePrinted, foldPrinted, printedPage, printedText, type PrintedPage } from '../../shared/output/printedText'
import { sampleDocument } from '../helpers/documents'
import { richSample } from '../helpers/outputDocs'

/** The expected text cut into pages of `size` characters, all in one font. */
const pagesOf = (text: string, size: number, font = 'F1'): PrintedPage[] => {
  const pages: PrintedPage[] = []
  for (let i = 0; i < text.length; i += size) pages.push(printedPage([[text.slice(i, i + size), font]]))
  return pages
}

describe('the printed text of a document', () => {
  it('holds what the print view prints, heading numbers included, in order', () => {
    const { text } = printedText(prepareOutput(sampleDocument()))
    expect(text.startsWith('2025年度安全生产工作总结——某某镇应急管理办公室一年来，')).toBe(true)
    for (const part of ['一、主要工作', '（一）健全责任体系。与各村签订责任书36份', '1.开展专项检查', '（1）重点行业检查企业一百二十家', '二、存在的问题'])
      expect(text).toContain(part)
    expect(text.endsWith('某某镇应急管理办公室2025年12月20日')).toBe(true)
    expect(text.indexOf('一、主要工作')).toBeLessThan(text.indexOf('二、存在的问题'))
  })

  it('folds blanks and Kangxi radicals: ⼀ (U+2F00) reads as 一', () => {
    expect(foldPrinted('⼀ 年\u3000来\n')).toBe('一年来')
  })
})

describe('pages against the expected text', () => {
  const expected = printedText(prepareOutput(richSample()))

  it('agree wherever the page breaks fall', () => {
    for (const size of [7, 50, 333, 10_000]) expect(comparePrinted(expected, pagesOf(expected.text, size))).toBeNull()
  })

  it('a changed digit is found, with its page', () => {
    const pages = pagesOf(expected.text.replace('2025年度', '2020年度'), 40)
    expect(comparePrinted(expected, pages)).toMatchObject({ page: 1, expected: expect.stringContaining('2025年度'), found: expect.stringContaining('2020年度') })
    const tail = pagesOf(expected.text.replace('2025年12月20日', '2025年12月21日'), 40)
    expect(comparePrinted(expected, tail)?.page).toBe(tail.length)
  })

  it('text missing at the end, or added, is found', () => {
    expect(comparePrinted(expected, pagesOf(expected.text.slice(0, -3), 40))).not.toBeNull()
    expect(comparePrinted(expected, pagesOf(`${expected.text}附言`, 40))).not.toBeNull()
  })

  it('a table header repeated at the top of a page is allowed, not elsewhere', () => {
    const head = expected.repeatable.find((h) => h.startsWith('序号'))!
    const at = expected.text.indexOf(head) + head.length + 3
    const first = expected.text.slice(0, at)
    const rest = expected.text.slice(at)
    expect(comparePrinted(expected, [printedPage([[first, 'F1']]), printedPage([[head + rest, 'F1']])])).toBeNull()
    expect(comparePrinted(expected, [printedPage([[first + head + rest, 'F1']])])).not.toBeNull()
  })

  it('a glyph a font shares between two characters (户 named 戶) is accepted when consistent in its font', () => {
    const doc = sampleDocument()
    doc.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '走访农户三百户，困难户全部建档。' }] })
    const exp = printedText(prepareOutput(doc))
    const shown = exp.text.replaceAll('户', '戶')
    expect(comparePrinted(exp, pagesOf(shown, 30))).toBeNull()
    // one 户 left as itself in the same font: the font cannot draw 户 two ways
    const mixed = shown.replace('戶', '户')
    expect(comparePrinted(exp, pagesOf(mixed, 30))).not.toBeNull()
    // …but in another font (a heading face) it may come back as itself
    const cut = shown.indexOf('戶')
    expect(comparePrinted(exp, [printedPage([[shown.slice(0, cut), 'F1'], ['户', 'F2'], [shown.slice(cut + 1), 'F1']])])).toBeNull()
  })

  it('a glyph swapped for another character of the same font is caught, even a lower-numbered one', () => {
    const doc = sampleDocument()
    doc.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '全年无一起较大事故。' }] })
    const exp = printedText(prepareOutput(doc))
    // 较 (U+8F83) drawn as 一 (U+4E00), which the font also draws as itself
    expect(comparePrinted(exp, pagesOf(exp.text.replace('较大', '一大'), 30))).not.toBeNull()
    // a higher-numbered character is never a stand-in
    expect(comparePrinted(exp, pagesOf(exp.text.replace('较大', '重大'), 30))).not.toBeNull()
  })
})
