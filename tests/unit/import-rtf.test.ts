/** RTF → the body's text (rtf.ts): characters in every form RTF writes them, and what is not body text skipped. */
import { describe, expect, it } from 'vitest'
import { rtfToText } from '../../electron/services/import/rtf'

const rtf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'))

describe('RTF text', () => {
  it("reads GBK bytes (\\'hh) in a font declared \\fcharset134, as WPS and Chinese Word write them", () => {
    // 工作总结 in GBK: b9a4 d7f7 d7dc bde1
    const file = "{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}\\f0\\fs32 \\'b9\\'a4\\'d7\\'f7\\'d7\\'dc\\'bd\\'e1\\par}"
    expect(rtfToText(rtf(file))).toBe('工作总结\n')
  })

  it('reads \\uN characters and skips their fallback, as \\ucN says', () => {
    expect(rtfToText(rtf('{\\rtf1\\ansi\\uc1\\u24037?\\u20316?\\par\\uc2\\u24180\\\'c4\\\'ea 2025\\par}'))).toBe('工作\n年 2025\n')
  })

  it('skips font and colour tables, styles, info, headers, footers, footnotes, pictures and field instructions; keeps a field’s result', () => {
    const file = [
      '{\\rtf1\\ansi{\\fonttbl{\\f0 Times;}}{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}{\\info{\\title Report}{\\author Someone}}',
      '{\\header \\pard Running header\\par}{\\footer \\pard Page\\par}',
      '\\pard Body one{\\footnote \\pard A note\\par}.\\par',
      '{\\*\\generator Writer}{\\pict\\pngblip 89504e47}',
      '{\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt link text}}\\par',
      '\\trowd\\cellx1000\\cellx2000 A\\cell B\\cell\\row}',
    ].join('\n')
    expect(rtfToText(rtf(file))).toBe('Body one.\nlink text\nA\tB\n')
  })

  it('keeps escaped braces and backslashes, and turns \\emdash, quotes and \\line into characters', () => {
    expect(rtfToText(rtf('{\\rtf1 a\\{b\\}c\\\\d\\emdash e\\ldblquote f\\rdblquote\\line g}'))).toBe('a{b}c\\d\u2014e\u201cf\u201d\ng')
  })
})
