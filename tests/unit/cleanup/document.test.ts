import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  halfToFullPunctuation,
  listMarkerToDot,
  previewCleanup,
  previewCleanupSync,
  removeStraySpaces,
  type SyncCleanupCommand,
} from '../../../shared/cleanup'
import { type Block, type Inline, type SummaryDocument, SummaryDocumentSchema } from '../../../shared/document/model'

const t = (text: string, marks: Partial<Record<'bold' | 'italic' | 'underline', true>> = {}): Inline => ({ type: 'text', text, ...marks })
const fig = (figureId: string): Inline => ({ type: 'figure', figureId })

function documentWith(blocks: Block[], extra: Partial<SummaryDocument> = {}): SummaryDocument {
  return {
    version: 1,
    title: '年度工作总结',
    blocks,
    figures: [
      { id: 'f1', name: '会议次数', value: 3, unit: '次' },
      { id: 'f2', name: '参与人数', value: null, unit: '人' },
    ],
    ...extra,
  }
}

describe('previewCleanup over a document', () => {
  const doc = documentWith(
    [
      { type: 'paragraph', children: [t('一年来,我们召开会议'), fig('f1'), t(',参与群众'), fig('f2'), t('.')] },
      { type: 'heading', level: 1, title: [t('主要工作(一)')] },
      { type: 'heading', level: 2, title: [t('加强学习;')], body: [t('组织学习'), fig('f1'), t(':效果明显')] },
      { type: 'table', rows: [[[t('项目')], [t('完成情况(已完成)')]], [[t('宣传')], []]] },
      { type: 'figureTable' },
      { type: 'pageBreak' },
    ],
    { title: '2025年度工作总结(初稿)', subtitle: '——某某社区(居委会)', signature: { organization: '某某社区(居委会)', dateStyle: 'arabic' } },
  )

  it('visits title, subtitle, headings, run-in bodies, paragraphs, table cells and the signature, in reading order', async () => {
    const { command, changes, result } = await previewCleanup(doc, 'punctuation')
    expect(command).toBe('punctuation')
    const kinds = changes.map((c) => ('blockIndex' in c.target ? `${c.target.kind}@${c.target.blockIndex}` : c.target.kind))
    expect(kinds).toEqual([
      'title', // "(初稿)": the pair is one change (edits two characters apart are shown together)
      'subtitle', 'subtitle', // "(居委会)": three characters apart, two changes
      'paragraph@0', 'paragraph@0',
      'headingTitle@1',
      'headingTitle@2',
      'headingBody@2',
      'tableCell@3', 'tableCell@3',
      'signature', 'signature',
    ])
    expect(changes[8]!.target).toEqual({ kind: 'tableCell', blockIndex: 3, row: 0, cell: 1 })
    expect(changes.map((c) => c.blockIndex)).toEqual([null, null, null, 0, 0, 1, 2, 2, 3, 3, null, null])
    expect(SummaryDocumentSchema.parse(result)).toEqual(result)
    expect(result.title).toBe('2025年度工作总结（初稿）')
    expect(result.subtitle).toBe('——某某社区（居委会）')
    expect(result.signature).toEqual({ organization: '某某社区（居委会）', dateStyle: 'arabic' })
    expect(result.blocks[0]).toEqual({
      type: 'paragraph',
      children: [t('一年来，我们召开会议'), fig('f1'), t('，参与群众'), fig('f2'), t('.')],
    })
    expect(result.blocks[2]).toEqual({ type: 'heading', level: 2, title: [t('加强学习；')], body: [t('组织学习'), fig('f1'), t('：效果明显')] })
    expect(result.blocks[3]).toEqual({ type: 'table', rows: [[[t('项目')], [t('完成情况（已完成）')]], [[t('宣传')], []]] })
    expect(result.blocks[4]).toBe(doc.blocks[4])
    expect(result.blocks[5]).toBe(doc.blocks[5])
    expect(result.figures).toBe(doc.figures)
  })

  it('describes each change with its path, offset and a preview line', async () => {
    const { changes } = await previewCleanup(doc, 'punctuation')
    const second = changes[4]!
    expect(second.path).toEqual(['blocks', 0, 'children', 2])
    expect(second.offset).toBe(0)
    expect(second.removed).toBe(',')
    expect(second.inserted).toBe('，')
    // figures show their value, or their name when unfilled
    // (context is counted in characters of the text, a figure counting one)
    expect(second.contextBefore).toBe('一年来,我们召开会议3次')
    expect(second.contextAfter).toBe('参与群众［参与人数］.')
    expect(second.before).toBe('一年来,我们召开会议3次,参与群众［参与人数］.')
    expect(second.after).toBe('一年来,我们召开会议3次，参与群众［参与人数］.')
    expect(changes[0]).toMatchObject({ path: ['title'], offset: 10, removed: '(初稿)', inserted: '（初稿）' })
    expect(changes[10]).toMatchObject({ path: ['signature', 'organization'], offset: 4, removed: '(' })
    expect(changes[8]).toMatchObject({ path: ['blocks', 3, 'rows', 0, 1, 0], offset: 4 })
  })

  it('clips the context at line breaks and to the requested length', () => {
    const d = documentWith([{ type: 'paragraph', children: [t('第一行文字\n主要做法,一是加强\n第三行')] }])
    const [change] = previewCleanupSync(d, 'punctuation', { contextChars: 3 }).changes
    expect(change).toMatchObject({ contextBefore: '主要做法'.slice(-3), contextAfter: '一是加' })
    expect(previewCleanupSync(d, 'punctuation').changes[0]).toMatchObject({ contextBefore: '主要做法', contextAfter: '一是加强' })
  })

  it('hands back the very document when there is nothing to do', async () => {
    const clean = documentWith([{ type: 'paragraph', children: [t('一切正常，'), fig('f1'), t('。')] }])
    for (const command of ['punctuation', 'listMarkers', 'spaces', 't2s'] as const) {
      const preview = await previewCleanup(clean, command)
      expect(preview.changes).toEqual([])
      expect(preview.result).toBe(clean)
    }
  })

  it('does not modify the document it is given', () => {
    const before = JSON.stringify(doc)
    previewCleanupSync(doc, 'punctuation')
    expect(JSON.stringify(doc)).toBe(before)
  })
})

describe('marks across inlines', () => {
  it('a same-length change keeps each character in its own inline', () => {
    const d = documentWith([{ type: 'paragraph', children: [t('工作'), t(',', { bold: true }), t('下一步(', { italic: true }), t('一)')] }])
    const { changes, result } = previewCleanupSync(d, 'punctuation')
    expect(result.blocks[0]).toEqual({
      type: 'paragraph',
      children: [t('工作'), t('，', { bold: true }), t('下一步（', { italic: true }), t('一）')],
    })
    expect(changes).toHaveLength(2)
    expect(changes[1]).toMatchObject({ path: ['blocks', 0, 'children', 2], offset: 3, removed: '(一)', inserted: '（一）' })
  })

  it('a change of length puts the replacement where the range starts and drops emptied inlines', () => {
    const d = documentWith([{ type: 'paragraph', children: [t('等等.'), t('..', { italic: true }), t('还有')] }])
    const { changes, result } = previewCleanupSync(d, 'punctuation')
    expect(result.blocks[0]).toEqual({ type: 'paragraph', children: [t('等等……'), t('还有')] })
    expect(changes).toMatchObject([{ path: ['blocks', 0, 'children', 0], offset: 2, removed: '...', inserted: '……' }])
  })

  it('removes spaces spread over several inlines', () => {
    const d = documentWith([{ type: 'paragraph', children: [t('社区 '), t(' ', { bold: true }), t(' 建设')] }])
    expect(previewCleanupSync(d, 'spaces').result.blocks[0]).toEqual({ type: 'paragraph', children: [t('社区'), t('建设')] })
  })
})

describe('figures', () => {
  it('are context for punctuation but never changed; spaces next to them stay', () => {
    const d = documentWith([{ type: 'paragraph', children: [t('召开会议 '), fig('f1'), t(' ,其中')] }])
    const punct = previewCleanupSync(d, 'punctuation').result
    expect(punct.blocks[0]).toEqual({ type: 'paragraph', children: [t('召开会议 '), fig('f1'), t('，其中')] })
    const spaces = previewCleanupSync(d, 'spaces').result
    expect(spaces).toBe(d)
  })
})

describe('listMarkers targets', () => {
  it('changes paragraphs, heading titles and table cells, not run-in bodies, titles or subtitles', () => {
    const d = documentWith(
      [
        { type: 'paragraph', children: [t('1、加强学习\n２、做好宣传')] },
        { type: 'heading', level: 3, title: [t('3、完善制度')], body: [t('4、不是列表')] },
        { type: 'table', rows: [[[t('5、台账')]]] },
        { type: 'paragraph', children: [fig('f1'), t('1、开头是数据')] },
      ],
      { title: '1、标题', subtitle: '2、副标题' },
    )
    const { changes, result } = previewCleanupSync(d, 'listMarkers')
    expect(changes.map((c) => [c.target.kind, c.removed, c.inserted])).toEqual([
      ['paragraph', '1、', '1.'],
      ['paragraph', '２、', '2.'],
      ['headingTitle', '3、', '3.'],
      ['tableCell', '5、', '5.'],
    ])
    expect(result.title).toBe('1、标题')
    expect(result.blocks[0]).toEqual({ type: 'paragraph', children: [t('1.加强学习\n2.做好宣传')] })
  })
})

// ---------------------------------------------------------------------------------------------
// property: the document walker applies exactly what the string rule says, keeps the document
// valid, and a second run finds nothing

const FIGURE_MARK = '\ufffc'
const ALPHABET = [...'社区會議開展工作年abc12１、，。.,:;()!?"“” \u3000\n']
const textInline = fc.record(
  { type: fc.constant('text' as const), text: fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 12 }), bold: fc.constant(true as const) },
  { requiredKeys: ['type', 'text'] },
)
const inline: fc.Arbitrary<Inline> = fc.oneof({ weight: 5, arbitrary: textInline }, { weight: 1, arbitrary: fc.constant(fig('f1')) })
const inlines = fc.array(inline, { maxLength: 6 })
const block: fc.Arbitrary<Block> = fc.oneof(
  inlines.map((children): Block => ({ type: 'paragraph', children })),
  fc.tuple(inlines, fc.option(inlines, { nil: undefined })).map(([title, body]): Block => (body ? { type: 'heading', level: 2, title, body } : { type: 'heading', level: 1, title })),
  fc.array(fc.array(inlines, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }).map((rows): Block => ({ type: 'table', rows })),
)
const documents = fc.tuple(fc.array(block, { maxLength: 5 }), fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 12 })).map(([blocks, title]) => documentWith(blocks, { title }))

function joined(list: readonly Inline[]): string {
  return list.map((i) => (i.type === 'text' ? i.text : FIGURE_MARK)).join('')
}
function lists(doc: SummaryDocument): { list: Inline[]; lineStarts: boolean }[] {
  const out: { list: Inline[]; lineStarts: boolean }[] = []
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') out.push({ list: b.children, lineStarts: true })
    if (b.type === 'heading') {
      out.push({ list: b.title, lineStarts: true })
      if (b.body) out.push({ list: b.body, lineStarts: false })
    }
    if (b.type === 'table') for (const row of b.rows) for (const cell of row) out.push({ list: cell, lineStarts: true })
  }
  return out
}

const STRING_RULES: Record<Exclude<SyncCleanupCommand, 'levels'>, (text: string, lineStarts: boolean) => string> = {
  punctuation: (s) => halfToFullPunctuation(s),
  listMarkers: (s, lineStarts) => (lineStarts ? listMarkerToDot(s) : s),
  spaces: (s) => removeStraySpaces(s),
}

describe('the document walker (property)', () => {
  for (const command of ['punctuation', 'listMarkers', 'spaces'] as const) {
    it(`${command}: applies the string rule to every text, stays valid, and is idempotent`, () => {
      fc.assert(
        fc.property(documents, (doc) => {
          const { result, changes } = previewCleanupSync(doc, command)
          expect(SummaryDocumentSchema.safeParse(result).success).toBe(true)
          expect(result.title).toBe(command === 'listMarkers' ? doc.title : STRING_RULES[command](doc.title, false))
          const before = lists(doc)
          const after = lists(result)
          expect(after.length).toBe(before.length)
          before.forEach(({ list, lineStarts }, k) => {
            expect(joined(after[k]!.list)).toBe(STRING_RULES[command](joined(list), lineStarts))
            // figure references survive, in order; no empty text inline is created
            expect(after[k]!.list.filter((i) => i.type === 'figure')).toEqual(list.filter((i) => i.type === 'figure'))
            expect(after[k]!.list.every((i) => i.type === 'figure' || i.text !== '')).toBe(true)
          })
          expect(changes.length === 0).toBe(result === doc)
          expect(previewCleanupSync(result, command).changes).toEqual([])
        }),
        { numRuns: 400 },
      )
    })
  }
})
