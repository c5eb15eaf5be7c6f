/** Newline normalization, wrap-width estimation and joining of hard-wrapped lines. */
import { describe, expect, it } from 'vitest'
import { estimateWrapWidth, splitLines } from '../../../shared/recognizer/lines'
import { fixture, only, outline, paragraphs, run } from './helpers'

/** Wrap text at `chars` CJK characters per line (what a PDF viewer's copy produces). */
function hardWrap(text: string, chars: number): string {
  const out: string[] = []
  for (let i = 0; i < text.length; i += chars) out.push(text.slice(i, i + chars))
  return out.join('\n')
}

const para1 = '今年以来，全镇上下围绕年初确定的目标任务，坚持问题导向，狠抓工作落实，各项工作取得了新的进展，群众满意度进一步提升。'
const para2 = '下半年，我们将继续聚焦短板弱项，细化工作措施，强化督查考核，确保全年目标任务圆满完成，为明年工作打下坚实基础。'

describe('splitLines', () => {
  it('normalizes CRLF, CR, U+2028 and drops control characters and the BOM', () => {
    expect(splitLines('\ufeff甲\r\n乙\r丙\u2028丁\u0000\u0007戊  ')).toEqual({ lines: ['甲', '乙', '丙', '丁戊'], controlRemoved: 3 })
  })
})

describe('estimateWrapWidth', () => {
  it('finds the width of hard-wrapped text', () => {
    expect(estimateWrapWidth(hardWrap(para1 + para2, 20).split('\n'))).toBe(40)
  })
  it('is null for one paragraph per line (web copy)', () => {
    expect(estimateWrapWidth(['标题', para1, '一、主要做法', para2, '二、下步打算', para1 + para2])).toBeNull()
  })
  it('is null for few lines', () => {
    expect(estimateWrapWidth(['甲'.repeat(20), '乙'.repeat(20)])).toBeNull()
  })
})

describe('joining hard-wrapped lines', () => {
  it('joins lines broken mid-sentence into paragraphs; blank lines and full stops end them', () => {
    const text = `工作总结\n\n${hardWrap(para1, 20)}\n\n${hardWrap(para2, 20)}`
    const result = run(text)
    expect(paragraphs(result.documents[0]!)).toEqual([para1, para2])
    expect(result.report.linesJoined).toBe(Math.ceil(para1.length / 20) - 1 + Math.ceil(para2.length / 20) - 1)
  })

  it('joins a number broken across lines: "8月2" + "3日"', () => {
    // wrapped at 40 columns: a CJK character takes 2, a digit 1
    const para = [
      '　　学校党政班子带领全体师生员工于今年的8月2', // 4 + 32 + 4 = 40
      '3日开展了消防安全疏散演练活动参加人员共计', //   3 + 36 = 39
      '一千二百余人用时三分钟达到了预期的演练效果', //  40
      '有关情况总结如下。',
    ].join('\n')
    const result = run(`标题\n\n${para}\n\n${para}\n\n${para}`)
    expect(paragraphs(result.documents[0]!)).toEqual(
      Array(3).fill('学校党政班子带领全体师生员工于今年的8月23日开展了消防安全疏散演练活动参加人员共计一千二百余人用时三分钟达到了预期的演练效果有关情况总结如下。'),
    )
    expect(result.report.linesJoined).toBe(9)
  })

  it('does not join a full line into a following heading, date or indented paragraph', () => {
    const full = hardWrap(para1.slice(0, 40), 20).split('\n') // two full lines, ending mid-sentence
    const indented = '　　' + para2.slice(0, 18) // a new paragraph, itself full and continued below
    const text = ['标题', ...full, '一、主要做法', ...full, indented, ...full, '2025年12月26日'].join('\n')
    const doc = only(text)
    expect(outline(doc)).toEqual([
      { kind: 'p', title: para1.slice(0, 40) },
      { kind: 'h1', title: '主要做法' },
      { kind: 'p', title: para1.slice(0, 40) },
      { kind: 'p', title: para2.slice(0, 18) + para1.slice(0, 40) },
    ])
    expect(doc.signature?.date).toBe('2025-12-26')
  })

  it('a heading wrapped at the full width is joined with its continuation', () => {
    const full = hardWrap(para1.slice(0, 60), 20).split('\n')
    const doc = only(['标题', ...full, '一、' + '甲'.repeat(18), '乙乙', ...full].join('\n'))
    expect(outline(doc)[1]).toEqual({ kind: 'h1', title: '甲'.repeat(18) + '乙乙' })
  })

  it('puts back a space between Latin words', () => {
    const text = ['标题', '甲'.repeat(18) + 'Word', 'Excel' + '乙'.repeat(17) + 'x', '丙'.repeat(20), '丁'.repeat(10) + '。'].join('\n')
    expect(paragraphs(only(text))).toEqual(['甲'.repeat(18) + 'Word Excel' + '乙'.repeat(17) + 'x' + '丙'.repeat(20) + '丁'.repeat(10) + '。'])
  })

  it('leaves one-paragraph-per-line text alone', () => {
    const result = run(['标题', para1, '一、主要做法', para2, '没有句号的一行文字', para1].join('\n'))
    expect(result.report.linesJoined).toBe(0)
    expect(paragraphs(result.documents[0]!)).toEqual([para1, para2, '没有句号的一行文字', para1])
  })

  it('strips indentation, keeps spaces inside a line', () => {
    expect(paragraphs(only('标题\n　　甲 乙\t丙\n    丁'))).toEqual(['甲 乙\t丙', '丁'])
  })
})

describe('reflow: widths in characters, columns or bytes, ragged, broken characters', () => {
  const source = fixture('reflow-source.txt')
  const reference = run(source).documents

  type Measure = 'chars' | 'columns' | 'gbk'
  const unit = (ch: string, measure: Measure) => (measure === 'chars' ? 1 : ch.charCodeAt(0) < 0x80 ? 1 : 2)

  /**
   * Hard-wrap every line longer than `width` (what a mail client, a PDF copy or an old web page
   * does). `ragged` moves each line's width by up to ±ragged columns; with `cut`, a character that
   * crosses the width (in GBK bytes) is cut in two and shows as "\uFFFD" at the line end, its
   * second half lost. Returns the wrapped text and the source as it then reads.
   */
  function wrap(text: string, width: number, measure: Measure, opts: { ragged?: number; cut?: boolean } = {}): { wrapped: string; expected: string } {
    const out: string[] = []
    const expected: string[] = []
    let k = 0
    for (const line of text.split('\n')) {
      let current = ''
      let used = 0
      let kept = ''
      let limit = width + (opts.ragged ? ((k * 7) % (2 * opts.ragged + 1)) - opts.ragged : 0)
      for (const ch of line) {
        const u = unit(ch, measure)
        if (used + u > limit) {
          if (opts.cut && u === 2 && used + 1 === limit) {
            out.push(current + '\ufffd')
            kept += '\ufffd'
            current = ''
            used = 0
            k++
            limit = width
            continue
          }
          out.push(current)
          current = ''
          used = 0
          k++
          limit = width + (opts.ragged ? ((k * 7) % (2 * opts.ragged + 1)) - opts.ragged : 0)
        }
        current += ch
        kept += ch
        used += u
      }
      out.push(current)
      expected.push(kept)
      k++
    }
    return { wrapped: out.join('\n'), expected: expected.join('\n') }
  }

  const cases: [string, number, Measure, { ragged?: number; cut?: boolean }][] = [
    ['30 characters', 30, 'chars', {}],
    ['56 display columns', 56, 'columns', {}],
    ['60 columns, ragged by ±5', 60, 'columns', { ragged: 5 }],
    ['25 characters, ragged by ±2', 25, 'chars', { ragged: 2 }],
    ['70 GBK bytes, characters cut at the line end', 70, 'gbk', { cut: true }],
  ]
  it.each(cases)('%s: paragraphs come back whole, short lines stay lines', (_label, width, measure, opts) => {
    const { wrapped, expected } = wrap(source, width, measure, opts)
    expect(wrapped.split('\n').length).toBeGreaterThan(source.split('\n').length + 8)
    const result = run(wrapped)
    const want = run(expected).documents
    expect(result.documents).toEqual(want)
    if (!opts.cut) expect(result.documents).toEqual(reference)
    expect(result.report.linesJoined).toBe(wrapped.split('\n').length - source.split('\n').length)
    const doc = result.documents[0]!
    expect(doc.title).toBe('青岗街道2025年度老旧小区改造工作总结')
    expect(doc.signature).toEqual({ organization: '青岗街道办事处', date: '2025-12-28', dateStyle: 'arabic' })
    expect(outline(doc).filter((l) => l.kind === 'h1').map((l) => l.title)).toEqual(['主要做法', '存在的问题', '下一步打算'])
  })

  it('mail style: no indentation, blank lines between paragraphs; a full line ending in "。" continues', () => {
    const unindented = source.replace(/^\u3000+/gm, '')
    const { wrapped } = wrap(unindented, 33, 'chars')
    // a blank line after every source line: paragraphs are marked by blank lines
    const mail = wrap(unindented.split('\n').join('\n\n'), 33, 'chars').wrapped
    const result = run(mail)
    expect(result.documents).toEqual(run(unindented).documents)
    expect(result.report.linesJoined).toBe(wrapped.split('\n').length - source.split('\n').length)
    // some line of it ends in "。" exactly at the width, mid-paragraph
    expect(mail.split('\n').some((l, i, all) => [...l].length === 33 && l.endsWith('。') && all[i + 1] !== '')).toBe(true)
  })

  it('a short text with only three wrapped lines among headings and short paragraphs: the widest lines, all running on, are joined', () => {
    // half-width punctuation, wrapped at about 34 characters; most lines are short (headings, the
    // last line of each paragraph, the signature), so the wrapped lines are far from a quarter
    const text = [
      '柳岸社区2025年度为民服务工作总结',
      '',
      '一年来,社区在街道党工委的领导下,紧扣居民关心的急事难事,持续用力抓好',
      '各项服务,现将主要情况报告如下:',
      '一、主要做法',
      '(一)办好民生实事。社区牵头协调加装电梯三部,改造老旧管网一千二百米,',
      '惠及居民三百余户。',
      '(二)做实邻里互助。组建志愿服务小队八支,开展上门探访和代购代办服务,',
      '全年服务独居老人九百余人次。',
      '二、存在的不足',
      '服务力量仍然偏弱。',
      '',
      '柳岸社区居民委员会',
      '2025年12月26日',
    ].join('\n')
    const doc = only(text)
    expect(paragraphs(doc)[0]).toBe('一年来,社区在街道党工委的领导下,紧扣居民关心的急事难事,持续用力抓好各项服务,现将主要情况报告如下:')
    expect(run(text).report.linesJoined).toBe(3)
    expect(outline(doc).filter((l) => l.kind === 'h1').map((l) => l.title)).toEqual(['主要做法', '存在的不足'])
  })

  it('short lines that only happen to be as wide as each other are not joined when they end sentences', () => {
    const text = ['标题', '一、工作回顾', '全年完成了各项既定任务,群众反映较好。', '各项制度得到了较好落实,运行平稳有序。', '各类检查均顺利通过,未发生安全事故。', '二、下步打算', '继续努力。'].join('\n')
    expect(run(text).report.linesJoined).toBe(0)
  })

  it('two halves of a cut character at a join become one "\uFFFD"', () => {
    const lines = ['标题', '　　' + '甲'.repeat(19) + '\ufffd', '\ufffd' + '乙'.repeat(20), '丙'.repeat(20), '丁'.repeat(5) + '。']
    expect(paragraphs(only(lines.join('\n')))).toEqual(['甲'.repeat(19) + '\ufffd' + '乙'.repeat(20) + '丙'.repeat(20) + '丁'.repeat(5) + '。'])
  })

  it('a surrogate pair split by the wrap is whole again', () => {
    const rare = '\u{20BB7}' // 𠮷, outside the BMP
    const lines = ['标题', '甲'.repeat(19) + rare[0], rare[1] + '乙'.repeat(19), '丙'.repeat(20), '丁'.repeat(5) + '。']
    expect(paragraphs(only(lines.join('\n')))).toEqual(['甲'.repeat(19) + rare + '乙'.repeat(19) + '丙'.repeat(20) + '丁'.repeat(5) + '。'])
  })
})

describe('PDF text whose line widths are uneven (digits, half-width punctuation)', () => {
  // paragraphs marked by blank lines, wrapped at 40 columns; the line with digits measures short
  const text = [
    '某局工作总结',
    '',
    '全年完成各项目标任务，工业生产稳中有进，',
    '主要指标好于预期。完成工业总产值，同比增',
    '长百分之九，其中规模以上企业产值占比为',
    '72%，收入达850万元，占计划的',
    '百分之五十五，民生支出占比继续提高，群众',
    '的获得感明显增强。',
    '',
    '二、下步打算',
    '',
    '抓好项目建设和招商引资，力争签约十个；',
    '二是优化营商环境，提高办事效率和服务，',
    '三是加强队伍建设，全面提升干部能力素质。',
  ].join('\n')
  it('joins a line cut mid-clause though it measures short, and a "；" line in text that marks its paragraphs', () => {
    const doc = only(text)
    expect(paragraphs(doc)).toEqual([
      '全年完成各项目标任务，工业生产稳中有进，主要指标好于预期。完成工业总产值，同比增长百分之九，其中规模以上企业产值占比为72%，收入达850万元，占计划的百分之五十五，民生支出占比继续提高，群众的获得感明显增强。',
      '抓好项目建设和招商引资，力争签约十个；二是优化营商环境，提高办事效率和服务，三是加强队伍建设，全面提升干部能力素质。',
    ])
  })
  it('leaves a heading line without punctuation alone', () => {
    expect(outline(only(text)).map((l) => l.kind)).toEqual(['p', 'h1', 'p'])
  })
})
