import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  applyNumberFields,
  bodyFieldNames,
  bodyFromText,
  bodyToText,
  categoryPaths,
  foldForSearch,
  gramTokenFor,
  gramTokens,
  harvest,
  highlightRanges,
  matchQuality,
  normalizeForSimilarity,
  parseCsv,
  parseFieldRuns,
  parseQuery,
  parseSnippetCsv,
  parseSnippetJson,
  proposeCategory,
  proposeNumberFields,
  proposeTitle,
  rankSnippets,
  sanitizeText,
  snippetsToCsv,
  snippetsToJson,
  snippetToBlocks,
  blocksToSnippetBody,
  withVaryingParts,
  type Category,
  type Snippet,
} from '../../shared/snippets'
import { toHalfWidth } from '../../shared/text'
import type { SummaryDocument } from '../../shared/document/model'
import { messageText } from '../../shared/errors'

describe('fields', () => {
  it('reads {{名称}} as a field and keeps the text around it', () => {
    expect(bodyFromText('{{年度}}年，{{单位名称}}召开会议{{会议次数}}次。')).toEqual([
      [
        { type: 'field', name: '年度' },
        { type: 'text', text: '年，' },
        { type: 'field', name: '单位名称' },
        { type: 'text', text: '召开会议' },
        { type: 'field', name: '会议次数' },
        { type: 'text', text: '次。' },
      ],
    ])
  })

  it('keeps an unclosed {{ as literal text, never losing it', () => {
    const body = bodyFromText('全年召开会议{{会议次数次，发放资料')
    expect(body).toEqual([[{ type: 'text', text: '全年召开会议{{会议次数次，发放资料' }]])
    expect(bodyToText(body)).toBe('全年召开会议{{会议次数次，发放资料')
    expect(bodyFromText('{{}} 与 {{ }} 与 }}')[0]).toEqual([{ type: 'text', text: '{{}} 与 {{ }} 与 }}' }])
    // an unclosed one before a good one: the good one is still a field
    expect(bodyFromText('{{甲 {{乙}}')[0]).toEqual([{ type: 'text', text: '{{甲 ' }, { type: 'field', name: '乙' }])
  })

  it('trims names and refuses names over 30 characters', () => {
    expect(bodyFromText('{{ 单位名称 }}')[0]).toEqual([{ type: 'field', name: '单位名称' }])
    const long = '长'.repeat(31)
    expect(bodyFromText(`{{${long}}}`)[0]).toEqual([{ type: 'text', text: `{{${long}}}` }])
  })

  it('finds a field that spans differently formatted runs, keeping the marks around it', () => {
    expect(parseFieldRuns([{ type: 'text', text: '由{{单位', bold: true }, { type: 'text', text: '名称}}负责' }])).toEqual([
      { type: 'text', text: '由', bold: true },
      { type: 'field', name: '单位名称' },
      { type: 'text', text: '负责' },
    ])
  })

  it('round-trips text with fields (property)', () => {
    const piece = fc.oneof(fc.string({ unit: fc.constantFrom('甲', '乙', '，', '{', '}', ' ', 'x') }), fc.constantFrom('{{年度}}', '{{单位名称}}'))
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('').trim()
        const body = bodyFromText(text)
        // what comes back reads the same (blank lines and outer spaces aside), and parsing again changes nothing
        expect(bodyFromText(bodyToText(body))).toEqual(body)
      }),
    )
  })

  it('lists field names once, in order', () => {
    expect(bodyFieldNames(bodyFromText('{{甲}}{{乙}}\n{{甲}}'))).toEqual(['甲', '乙'])
  })

  it('binds every field to a figure on insertion, the same name to the same figure', () => {
    const ids = new Map<string, string>()
    const blocks = snippetToBlocks(bodyFromText('{{单位名称}}召开会议{{会议次数}}次，{{单位名称}}'), (name) => {
      if (!ids.has(name)) ids.set(name, `f${ids.size}`)
      return ids.get(name)!
    })
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'figure', figureId: 'f0' }, { type: 'text', text: '召开会议' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '次，' }, { type: 'figure', figureId: 'f0' }] },
    ])
  })

  it('turns figure references of a selection into fields named after their figures', () => {
    const body = blocksToSnippetBody(
      [{ type: 'heading', level: 2, title: [{ type: 'text', text: '（一）加强领导。' }], body: [{ type: 'text', text: '召开会议', bold: true }, { type: 'figure', figureId: 'a' }, { type: 'text', text: '次。\n第二行' }] }],
      [{ id: 'a', name: '会议次数', value: 3 }],
    )
    expect(body).toEqual([[{ type: 'text', text: '（一）加强领导。' }, { type: 'text', text: '召开会议', bold: true }, { type: 'field', name: '会议次数' }, { type: 'text', text: '次。' }], [{ type: 'text', text: '第二行' }]])
  })
})

describe('search text', () => {
  it('folds full-width, case and the ideographic space without changing lengths', () => {
    expect(foldForSearch('ＡＢＣ１２３　Abc')).toBe('abc123 abc')
    const s = '召开会议３次😀'
    expect(foldForSearch(s).length).toBe(s.length)
  })

  it('folds each character as full-width → half-width, then A–Z → a–z, then lone surrogates → U+FFFD, for any text', () => {
    // the definition, character by character; foldForSearch replaces only what folds, for speed
    const reference = (text: string) => sanitizeText([...text].map((c) => toHalfWidth(c).replace(/[A-Z]/g, (l) => l.toLowerCase())).join(''))
    const pieces = fc.constantFrom('中', '，', '。', 'Ａ', 'ｚ', 'Q', 'q', '１', '％', '\u3000', ' ', '\uD83D', '\uDE00', '😀', '〔', 'Ⅳ')
    fc.assert(fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
      const text = parts.join('')
      expect(foldForSearch(text)).toBe(reference(text))
    }))
    expect(foldForSearch('Ａ')).toBe('a')
    expect(foldForSearch('安全生产')).toBe('安全生产')
  })

  it('replaces lone surrogates', () => {
    expect(sanitizeText('a\uD800b\uDC00c😀')).toBe('a\uFFFDb\uFFFDc😀')
  })

  it('takes FTS syntax literally or drops it as a person means it', () => {
    expect(parseQuery('"加强领导"')).toEqual(['加强领导'])
    expect(parseQuery('加强 AND 领导')).toEqual(['加强', '领导'])
    expect(parseQuery('NEAR(宣传 发动, 5)')).toEqual(['宣传', '发动'])
    expect(parseQuery('宣传*')).toEqual(['宣传'])
    expect(parseQuery('^开头')).toEqual(['开头'])
    expect(parseQuery('title:领导')).toEqual(['领导'])
    expect(parseQuery('（一）')).toEqual(['(一)'])
    expect(parseQuery('AND')).toEqual(['and'])
    expect(parseQuery('   ')).toEqual([])
    expect(parseQuery('领导 领导小组')).toEqual(['领导小组'])
  })

  it('makes one token per character and per pair, whitespace excluded', () => {
    const tokens = gramTokens('领导 小组').split(' ')
    expect(tokens).toContain(gramTokenFor('领'))
    expect(tokens).toContain(gramTokenFor('领导'))
    expect(tokens).toContain(gramTokenFor('小组'))
    expect(tokens).not.toContain(gramTokenFor('导小'))
    expect(gramTokenFor('😀')).toHaveLength(4)
    expect(/^[0-9a-z ]*$/.test(gramTokens('😀，ａ\uFFFD'))).toBe(true)
  })

  it('highlights every occurrence, merged, on the original text', () => {
    expect(highlightRanges('召开ＡＢ会议，ab会议', ['ab', '会议'])).toEqual([
      [2, 6],
      [7, 11],
    ])
  })
})

describe('ranking', () => {
  const base = { tags: [] as string[], useCount: 0, lastUsedAt: null, updatedAt: 1 }
  it('puts title matches first, then use count, then recency', () => {
    const ranked = rankSnippets(
      [
        { ...base, id: 1, title: '工作措施', useCount: 50 },
        { ...base, id: 2, title: '宣传发动', useCount: 1 },
        { ...base, id: 3, title: '宣传', useCount: 0 },
        { ...base, id: 4, title: '广泛宣传发动群众', useCount: 9 },
        { ...base, id: 5, title: '措施', tags: ['宣传'], useCount: 0 },
        { ...base, id: 6, title: '其他', useCount: 3, lastUsedAt: 10 },
        { ...base, id: 7, title: '其他', useCount: 3, lastUsedAt: 20 },
      ],
      ['宣传'],
    )
    expect(ranked.map((r) => r.id)).toEqual([3, 2, 4, 5, 1, 7, 6])
  })

  it('grades match quality', () => {
    expect(matchQuality('宣传发动', [], ['宣传发动'])).toBe(5)
    expect(matchQuality('宣传发动群众', [], ['宣传'])).toBe(4)
    expect(matchQuality('广泛宣传', [], ['宣传'])).toBe(3)
    expect(matchQuality('广泛宣传', [], ['宣传', '群众'])).toBe(2)
    expect(matchQuality('其他', ['宣传'], ['宣传'])).toBe(2)
    expect(matchQuality('其他', [], ['宣传'])).toBe(1)
  })
})

describe('proposals for 存为素材', () => {
  it('proposes a short title from the first clause, without lead-ins', () => {
    expect(proposeTitle('一是强化源头防控，把好准入关口；二是强化过程监管。')).toBe('强化源头防控')
    expect(proposeTitle('（一）高度重视，成立了以镇长为组长的领导小组')).toBe('高度重视')
    expect(proposeTitle('为此，我们成立了专门的工作领导小组并制定了方案')).toBe('我们成立了专门的工作领导小组')
  })

  it('proposes the category from the words', () => {
    expect(proposeCategory('现将全年工作总结如下：')).toBe('开头')
    expect(proposeCategory('成立了以书记为组长的工作领导小组')).toBe('领导重视')
    expect(proposeCategory('发放宣传单300余份，悬挂横幅20条')).toBe('宣传发动')
    expect(proposeCategory('工作中还存在一些不足，主要是基层力量薄弱')).toBe('存在问题')
    expect(proposeCategory('下一步，我们将进一步加强队伍建设')).toBe('下步打算')
    expect(proposeCategory('特此报告。')).toBe('结尾')
    expect(proposeCategory('群众满意度明显提升，成效显著')).toBe('工作成效')
    expect(proposeCategory('对辖区企业逐一排查')).toBe('工作措施')
  })

  it('names the numbers after the words around them', () => {
    const text = '2025年，召开专题会议3次，发放宣传单300余份，投入资金560.49万元，知晓率达到100%，全镇9个行政村，8月23日完成。'
    const proposals = proposeNumberFields(text)
    expect(proposals.map((p) => [p.text, p.name, p.suggested])).toEqual([
      ['2025', '年度', true],
      ['3', '专题会议次数', true],
      ['300', '宣传单数量', true],
      ['560.49', '资金', true],
      ['100', '知晓率', true],
      ['9', '行政村数', true],
      ['8', '月份', false],
      ['23', '日期', false],
    ])
    for (const p of proposals) expect(text.slice(p.start, p.end)).toBe(p.text)
    expect(proposeNumberFields('全年化解各类纠纷30件')[0]!.name).toBe('纠纷数')
  })

  it('replaces the chosen numbers with fields, keeping units and marks', () => {
    const runs = [{ type: 'text' as const, text: '召开专题会议' }, { type: 'text' as const, text: '3次', bold: true as const }]
    const [meeting] = proposeNumberFields('召开专题会议3次')
    expect(applyNumberFields(runs, [meeting!])).toEqual([
      { type: 'text', text: '召开专题会议' },
      { type: 'field', name: '专题会议次数' },
      { type: 'text', text: '次', bold: true },
    ])
  })
})

describe('CSV and JSON files', () => {
  it('reads quoted cells with commas, quotes and line breaks, knowing each record’s line', () => {
    const { records, problems } = parseCsv('\uFEFFtitle,body\r\n"甲","第一段,有逗号\n第二段"\r\n乙,"他说""好"""\r\n')
    expect(problems).toEqual([])
    expect(records).toEqual([
      { line: 1, cells: ['title', 'body'] },
      { line: 2, cells: ['甲', '第一段,有逗号\n第二段'] },
      { line: 4, cells: ['乙', '他说"好"'] },
    ])
  })

  it('reports the line of an unclosed quote and imports nothing from it', () => {
    const parsed = parseSnippetCsv('title,category,tags,body\n开头,开头,,现将工作总结如下\n坏的,开头,,"没有结束\n还在引号里\n')
    expect(parsed.problems).toEqual([{ line: 3, problem: { code: 'snippetFile.unclosedQuote', params: {} } }])
  })

  it('reports rows with too many cells or no body by line', () => {
    const parsed = parseSnippetCsv('标题,分类,标签,正文\n好的,开头,常用;年度,现将工作总结如下\n多了,开头,,正文,多余\n空的,开头,,\n')
    expect(parsed.items).toHaveLength(1)
    expect(parsed.items[0]).toMatchObject({ title: '好的', category: '开头', tags: ['常用', '年度'] })
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4])
  })

  it('refuses a CSV without a body column', () => {
    expect(parseSnippetCsv('a,b\n1,2\n').problems[0]).toMatchObject({ line: 1, problem: { code: 'snippetFile.noBodyColumn' } })
  })

  it('reports the line of a JSON syntax error', () => {
    const text = '{\n  "format": "draftdesk-snippets",\n  "version": 1,\n  "snippets": [\n    { "body": "甲" },\n    { "body": "乙" \n  ]\n}\n'
    const parsed = parseSnippetJson(text)
    expect(parsed.items).toEqual([])
    expect(parsed.problems).toEqual([
      { line: 7, problem: { code: 'snippetFile.badJson', params: { line: 7 }, parts: { reason: { code: 'json.expectedCommaOrBrace', params: {} } } } },
    ])
    expect(messageText(parsed.problems[0]!.problem)).toBe('第 7 行：JSON 格式有误（这里应为逗号或 }）')
  })

  it('reports a bad snippet of a JSON file by its line', () => {
    const text = '{"format": "draftdesk-snippets", "version": 1, "snippets": [\n{"body": "好的"},\n{"body": 42},\n{"title": "没有正文"}\n]}'
    const parsed = parseSnippetJson(text)
    expect(parsed.items.map((i) => i.line)).toEqual([2])
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4])
  })

  const categories: Category[] = [
    { id: 1, name: '工作措施', parentId: null, position: 0, count: 1 },
    { id: 2, name: '安全生产', parentId: 1, position: 0, count: 1 },
  ]
  const snippet: Snippet = {
    id: 7,
    uid: 'u1',
    title: '隐患排查',
    categoryId: 2,
    tags: ['安全', '常用'],
    body: [[{ type: 'text', text: '排查', bold: true }, { type: 'field', name: '企业数' }, { type: 'text', text: '家，"重点"单位,逐一' }], [{ type: 'text', text: '=SUM(A1)' }]],
    createdAt: 1,
    updatedAt: 2,
    useCount: 3,
    lastUsedAt: 4,
    source: { title: '某文稿', documentId: 'abcdefgh' },
  }

  it('exports JSON that imports back losslessly', () => {
    expect(categoryPaths(categories).get(2)).toBe('工作措施/安全生产')
    const parsed = parseSnippetJson(snippetsToJson([snippet], categories))
    expect(parsed.problems).toEqual([])
    expect(parsed.categories).toEqual(['工作措施', '工作措施/安全生产'])
    expect(parsed.items[0]).toMatchObject({ uid: 'u1', title: '隐患排查', category: '工作措施/安全生产', tags: ['安全', '常用'], body: snippet.body, createdAt: 1, updatedAt: 2, useCount: 3, lastUsedAt: 4, source: snippet.source })
  })

  it('exports CSV that imports back (text and fields; a formula-like cell guarded)', () => {
    const formula = { ...snippet, id: 8, uid: 'u2', title: '=1+1', body: [[{ type: 'text' as const, text: '@人员' }]] }
    const csv = snippetsToCsv([snippet, formula], categories)
    expect(csv).toContain("'=1+1,")
    const parsed = parseSnippetCsv(csv)
    expect(parsed.problems).toEqual([])
    expect(parsed.items[0]).toMatchObject({ title: '隐患排查', category: '工作措施/安全生产', tags: ['安全', '常用'] })
    expect(bodyToText(parsed.items[0]!.body)).toBe('排查{{企业数}}家，"重点"单位,逐一\n=SUM(A1)')
    expect(parsed.items[1]).toMatchObject({ title: '=1+1' })
    expect(bodyToText(parsed.items[1]!.body)).toBe('@人员')
  })
})

describe('harvest', () => {
  const doc = (title: string, paragraphs: string[]): SummaryDocument => ({ version: 1, title, blocks: paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] })), figures: [] })
  // our own fixtures: three towns' summaries sharing stock paragraphs with their own names and numbers
  const towns = [
    doc('东山镇总结', [
      '东山镇高度重视安全生产工作，成立了以镇长为组长、分管副镇长为副组长的安全生产工作领导小组，全年召开专题会议5次。',
      '组织开展拉网式隐患排查，对辖区内120家企业逐一登门检查，建立隐患台账，明确整改责任和时限，实行销号管理。',
      '东山镇今年新修了一座桥，方便了两岸群众出行，受到普遍欢迎。',
    ]),
    doc('西岭镇总结', [
      '西岭镇高度重视安全生产工作，成立了以镇长为组长、分管副镇长为副组长的安全生产工作领导小组，全年召开专题会议8次。',
      '组织开展拉网式隐患排查，对辖区内86家企业逐一登门检查，建立隐患台账，明确整改责任和时限，实行销号管理。',
      '西岭镇的茶叶品牌在省级展会上获得金奖，带动三百多户茶农增收。',
    ]),
    doc('南湖街道总结', [
      '南湖街道高度重视安全生产工作，成立了以主任为组长、分管副主任为副组长的安全生产工作领导小组，全年召开专题会议4次。',
      '组织开展隐患排查，对辖区内43家企业逐一检查，建立隐患台账，明确整改责任和时限，实行销号管理。',
      '特此报告。',
    ]),
  ]
  const sources = towns.map((d) => ({ title: d.title, doc: d }))

  it('groups paragraphs that differ only in names, numbers and a few words, and counts the documents', () => {
    const groups = harvest(sources)
    const leadership = groups.find((g) => g.text.includes('领导小组'))!
    const checks = groups.find((g) => g.text.includes('隐患台账'))!
    expect(leadership.documents).toBe(3)
    expect(leadership.members).toHaveLength(3)
    expect(leadership.category).toBe('领导重视')
    expect(checks.documents).toBe(3)
    expect(checks.category).toBe('工作措施')
    // one-off paragraphs that are not stock phrasing are not proposed
    expect(groups.some((g) => g.text.includes('桥') || g.text.includes('茶叶'))).toBe(false)
    // the recurring groups come first
    expect(groups[0]!.documents).toBe(3)
  })

  it('keeps different paragraphs apart', () => {
    const groups = harvest(sources)
    expect(groups.filter((g) => g.documents === 3)).toHaveLength(2)
  })

  it('normalises names of numbers, width and punctuation for similarity', () => {
    expect(normalizeForSimilarity('召开会议３次，发放{{份数}}份。')).toBe('召开会议0次发放0份')
  })

  it('proposes fields for the names and numbers that differ between a group’s paragraphs', () => {
    const leadership = harvest(sources).find((g) => g.text.includes('领导小组'))!
    expect(bodyFieldNames(leadership.body)).toEqual(['单位名称', '专题会议次数'])
    expect(leadership.title).not.toContain('{{')
    expect(withVaryingParts([{ type: 'text', text: '东山镇召开会议3次' }], ['东山镇召开会议3次'])).toEqual([{ type: 'text', text: '东山镇召开会议3次' }])
  })

  it('is deterministic', () => {
    expect(harvest(sources)).toEqual(harvest(sources))
  })
})
