/**
 * SummaryDocument ⇄ Lexical: the model goes through modelToEditorState, a real headless Lexical
 * editor with DraftDesk's nodes (parse, a full normalization pass, export, JSON text) and
 * editorStateToModel, and must come back equal.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHeadlessEditor } from '@lexical/headless'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { $dfs } from '@lexical/utils'
import { $getRoot, $isParagraphNode, $isTextNode, type Klass, type LexicalNode } from 'lexical'
import { editorNodes } from '../../renderer/editor/SummaryEditor'
import { $isRunInBodyNode, $isSectionHeadingNode } from '../../renderer/features/structure'
import { editorStateToModel, modelToEditorState, normalizeDocument, normalizeInlines } from '../../shared/document/lexicalState'
import {
  type Block,
  type Figure,
  type Inline,
  type NumberingStyle,
  type Signature,
  type SummaryDocument,
  emptyDocument,
  LEVEL2_MARKERS,
  LEVEL3_MARKERS,
  LEVEL4_MARKERS,
  MODEL_VERSION,
} from '../../shared/document/model'

// ---------------------------------------------------------------------------------------------
// The editor

function throughLexical(json: unknown, nodes: ReadonlyArray<Klass<LexicalNode>> = editorNodes): unknown {
  const editor = createHeadlessEditor({
    nodes,
    onError: (error) => {
      throw error
    },
  })
  editor.setEditorState(editor.parseEditorState(JSON.stringify(json)))
  // Dirty every node so Lexical's own normalization (text merging, empty-text removal) runs, as
  // it would on the first edit in the real editor.
  editor.update(
    () => {
      for (const { node } of $dfs()) node.markDirty()
    },
    { discrete: true },
  )
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))
}

function roundTrip(doc: SummaryDocument): SummaryDocument {
  return editorStateToModel(throughLexical(modelToEditorState(doc)), { figures: doc.figures, signature: doc.signature })
}

// ---------------------------------------------------------------------------------------------
// Random documents

const HAN = '我们的工作总结年度完成情况加强党建设推进经济发展目标任务部门单位全面提升管理服务质量安全生产创新'
const PUNCTUATION = '，。、；：！？“”（）《》—…'
const CHARS = [...HAN, ...PUNCTUATION, ...'0123456789']

const textArb = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join('')) },
  // line breaks, alone and inside text
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...CHARS.slice(0, 6), '\n'), { maxLength: 5 }).map((cs) => cs.join('')) },
)

const textInlineArb: fc.Arbitrary<Inline> = fc.record(
  { type: fc.constant('text' as const), text: textArb, bold: fc.constant(true as const), italic: fc.constant(true as const), underline: fc.constant(true as const) },
  { requiredKeys: ['type', 'text'], noNullPrototype: true },
)

function inlinesArb(figureIds: string[], maxLength = 6): fc.Arbitrary<Inline[]> {
  const figure: fc.Arbitrary<Inline>[] = figureIds.length
    ? [fc.constantFrom(...figureIds).map((figureId): Inline => ({ type: 'figure', figureId }))]
    : []
  return fc.array(fc.oneof(textInlineArb, textInlineArb, ...figure), { maxLength })
}

const levelArb = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const)

function blockArb(figureIds: string[]): fc.Arbitrary<Block> {
  const inlines = inlinesArb(figureIds)
  return fc.oneof(
    { weight: 4, arbitrary: inlines.map((children): Block => ({ type: 'paragraph', children })) },
    { weight: 2, arbitrary: fc.record({ level: levelArb, title: inlines }).map((h): Block => ({ type: 'heading', ...h })) },
    // run-in headings; the body may be empty (and then reads back as a standalone heading)
    { weight: 2, arbitrary: fc.record({ level: levelArb, title: inlines, body: inlinesArb(figureIds, 4) }).map((h): Block => ({ type: 'heading', ...h })) },
    // tables, possibly ragged or empty (normalized: padded / dropped)
    { weight: 1, arbitrary: fc.array(fc.array(inlinesArb(figureIds, 3), { maxLength: 3 }), { maxLength: 3 }).map((rows): Block => ({ type: 'table', rows })) },
    { weight: 1, arbitrary: fc.constant<Block>({ type: 'pageBreak' }) },
    { weight: 1, arbitrary: fc.constant<Block>({ type: 'figureTable' }) },
  )
}

const figureValueArb = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 100000 }), fc.constantFrom('xx', '三成'))

function figuresArb(ids: string[]): fc.Arbitrary<Figure[]> {
  return fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), name: textArb, value: figureValueArb, unit: fc.constantFrom('万元', '人', '%') }, { requiredKeys: ['id', 'name', 'value'], noNullPrototype: true })))
}

const signatureArb: fc.Arbitrary<Signature> = fc.record(
  { organization: textArb, date: fc.constantFrom('2024-12-31', '2025-01-06'), dateStyle: fc.constantFrom('arabic' as const, 'chinese' as const) },
  { requiredKeys: ['organization', 'dateStyle'], noNullPrototype: true },
)

const numberingArb: fc.Arbitrary<NumberingStyle> = fc.record(
  { level2: fc.constantFrom(...LEVEL2_MARKERS), level3: fc.constantFrom(...LEVEL3_MARKERS), level4: fc.constantFrom(...LEVEL4_MARKERS) },
  { requiredKeys: [], noNullPrototype: true },
)

/** Any valid document, not necessarily in normal form. */
const rawDocumentArb: fc.Arbitrary<SummaryDocument> = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { maxLength: 4 })
  .chain((ids) =>
    fc.record(
      {
        version: fc.constant(MODEL_VERSION),
        title: textArb,
        subtitle: textArb,
        blocks: fc.array(blockArb(ids), { maxLength: 8 }),
        figures: figuresArb(ids),
        signature: signatureArb,
        numbering: numberingArb,
      },
      { requiredKeys: ['version', 'title', 'blocks', 'figures'], noNullPrototype: true },
    ),
  )

/** Normalized documents: the ones the editor holds exactly. */
const documentArb = rawDocumentArb.map(normalizeDocument)

// ---------------------------------------------------------------------------------------------

describe('model ⇄ Lexical round trip (property)', () => {
  it('a normalized document comes back identical', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        expect(roundTrip(doc)).toStrictEqual(doc)
      }),
      { numRuns: 300 },
    )
  })

  it('any document comes back as its normal form, and the normal form is stable', () => {
    fc.assert(
      fc.property(rawDocumentArb, (doc) => {
        const normal = normalizeDocument(doc)
        expect(normalizeDocument(normal)).toStrictEqual(normal)
        expect(roundTrip(doc)).toStrictEqual(normal)
      }),
      { numRuns: 200 },
    )
  })
})

// ---------------------------------------------------------------------------------------------

const text = (t: string, marks: Partial<Record<'bold' | 'italic' | 'underline', true>> = {}): Inline => ({ type: 'text', text: t, ...marks })
const doc = (blocks: Block[], extra: Partial<SummaryDocument> = {}): SummaryDocument => ({ version: MODEL_VERSION, title: '2024年度工作总结', blocks, figures: [], ...extra })

/** A serialized root with the given top-level children, as an editor would export it. */
const root = (...children: unknown[]) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } })
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra })
const tx = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, detail: 0, mode: 'normal', style: '' })
const title = el('dd-title', [tx('标题')])

describe('model ⇄ Lexical examples', () => {
  it('keeps a run-in heading: title inlines, then one dd-runin holding the body', () => {
    const d = doc(
      [
        { type: 'heading', level: 1, title: [text('一、')], body: [] },
        { type: 'heading', level: 3, title: [text('加强党建。', { bold: true })], body: [text('全年开展学习'), { type: 'figure', figureId: 'n' }, text('次。')] },
        { type: 'paragraph', children: [text('正文')] },
      ],
      { figures: [{ id: 'n', name: '学习次数', value: 12 }] },
    )
    const json = modelToEditorState(d)
    const heading = json.root.children[2]
    expect(heading).toMatchObject({ type: 'dd-heading', level: 3 })
    expect(heading && 'children' in heading ? heading.children.map((c) => c.type) : []).toEqual(['text', 'dd-runin'])
    expect(roundTrip(d)).toStrictEqual(normalizeDocument(d))
    // the empty run-in body: a standalone heading
    expect(roundTrip(d).blocks[0]).toStrictEqual({ type: 'heading', level: 1, title: [text('一、')] })
  })

  it('round-trips the empty documents', () => {
    expect(roundTrip(emptyDocument())).toStrictEqual(emptyDocument())
    const bare: SummaryDocument = { version: MODEL_VERSION, title: '', blocks: [], figures: [] }
    expect(roundTrip(bare)).toStrictEqual(bare)
    expect(editorStateToModel(root(), { figures: [] })).toStrictEqual(bare)
  })

  it('keeps the subtitle only when there is one (an empty one included)', () => {
    expect(roundTrip(doc([], { subtitle: '' })).subtitle).toBe('')
    expect('subtitle' in roundTrip(doc([]))).toBe(false)
  })

  it('drops formats the model lacks and merges what then looks the same', () => {
    const state = root(title, el('paragraph', [tx('粗', 1), tx('粗删', 1 | 4), tx('代码', 16), tx('斜下', 2 | 8 | 128)]))
    const model = editorStateToModel(throughLexical(state), { figures: [] })
    expect(model.blocks).toStrictEqual([{ type: 'paragraph', children: [text('粗粗删', { bold: true }), text('代码'), text('斜下', { italic: true, underline: true })] }])
  })

  it('keeps the words of nodes it does not know', () => {
    const state = root(
      title,
      el('paragraph', [tx('见'), el('link', [tx('网站', 1)], { url: 'https://example.org' }), { type: 'hashtag', version: 1, text: '#总结', format: 0 }]),
      el('quote', [tx('引用的话')]),
      el('list', [el('listitem', [tx('第一项')]), el('listitem', [tx('第二项'), el('list', [el('listitem', [tx('子项')])])])], { listType: 'bullet' }),
      { type: 'horizontalrule', version: 1 },
      el('dd-title', [tx('第二个标题')]),
    )
    expect(editorStateToModel(state, { figures: [] }).blocks).toStrictEqual([
      { type: 'paragraph', children: [text('见'), text('网站', { bold: true }), text('#总结')] },
      { type: 'paragraph', children: [text('引用的话')] },
      { type: 'paragraph', children: [text('第一项')] },
      { type: 'paragraph', children: [text('第二项')] },
      { type: 'paragraph', children: [text('子项')] },
      { type: 'paragraph', children: [text('第二个标题')] },
    ])
  })

  it('reads rich-text headings and quotes from a real editor as paragraphs', () => {
    const state = root(title, el('heading', [tx('小标题')], { tag: 'h2' }), el('quote', [tx('引文')]))
    const model = editorStateToModel(throughLexical(state, [...editorNodes, HeadingNode, QuoteNode]), { figures: [] })
    expect(model.blocks).toStrictEqual([
      { type: 'paragraph', children: [text('小标题')] },
      { type: 'paragraph', children: [text('引文')] },
    ])
  })

  it('turns linebreak nodes into \\n and back; a \\n takes the marks of the text before it', () => {
    const state = root(title, el('paragraph', [tx('甲', 1), { type: 'linebreak', version: 1 }, tx('乙')]))
    expect(editorStateToModel(throughLexical(state), { figures: [] }).blocks).toStrictEqual([
      { type: 'paragraph', children: [text('甲\n', { bold: true }), text('乙')] },
    ])
    const d = doc([{ type: 'paragraph', children: [text('\n甲', { bold: true }), text('\n乙')] }])
    const json = modelToEditorState(d)
    expect(JSON.stringify(json)).toContain('"linebreak"')
    expect(roundTrip(d).blocks).toStrictEqual([{ type: 'paragraph', children: [text('\n'), text('甲\n', { bold: true }), text('乙')] }])
    expect(normalizeInlines([text('\n甲', { bold: true }), text('\n乙')])).toStrictEqual([text('\n'), text('甲\n', { bold: true }), text('乙')])
  })

  it('reads an empty dd-runin as a standalone heading', () => {
    const state = root(title, el('dd-heading', [tx('一、总体情况'), el('dd-runin', [])], { level: 1 }))
    expect(editorStateToModel(throughLexical(state), { figures: [] }).blocks).toStrictEqual([{ type: 'heading', level: 1, title: [text('一、总体情况')] }])
  })

  it('keeps text the editor left after a dd-runin as body text', () => {
    const state = root(title, el('dd-heading', [tx('（一）'), el('dd-runin', [tx('甲')]), tx('乙')], { level: 2 }))
    expect(editorStateToModel(state, { figures: [] }).blocks).toStrictEqual([{ type: 'heading', level: 2, title: [text('（一）')], body: [text('甲乙')] }])
  })

  it('makes tables rectangular, drops empty ones, and holds empty cells as empty paragraphs', () => {
    const d = doc([
      { type: 'table', rows: [[[text('项目')], [text('完成')]], [[text('甲')]], []] },
      { type: 'table', rows: [] },
      { type: 'table', rows: [[], []] },
    ])
    const json = modelToEditorState(d)
    expect(json.root.children.map((c) => c.type)).toEqual(['dd-title', 'table'])
    expect(roundTrip(d).blocks).toStrictEqual([{ type: 'table', rows: [[[text('项目')], [text('完成')]], [[text('甲')], []], [[], []]] }])
  })

  it('reads a cell of several paragraphs as lines, and merged cells unmerged', () => {
    const cell = (paragraphs: string[], extra: Record<string, unknown> = {}) =>
      el('tablecell', paragraphs.map((p) => el('paragraph', p ? [tx(p)] : [])), { headerState: 0, ...extra })
    const state = root(
      title,
      el('table', [
        el('tablerow', [cell(['甲', '乙'], { colSpan: 2 }), cell(['丙'], { rowSpan: 2 })]),
        el('tablerow', [cell(['丁']), cell([''])]),
      ]),
    )
    expect(editorStateToModel(throughLexical(state), { figures: [] }).blocks).toStrictEqual([
      { type: 'table', rows: [[[text('甲\n乙')], [], [text('丙')]], [[text('丁')], [], []]] },
    ])
  })

  it('carries figures and signature, and takes a missing title as empty', () => {
    const figures: Figure[] = [{ id: 'a', name: '产值', value: null, original: 'xx' }]
    const signature: Signature = { organization: '某某局', dateStyle: 'chinese' }
    const model = editorStateToModel(root(el('paragraph', [tx('正文'), { type: 'dd-figure', version: 1, figureId: 'a' }])), { figures, signature })
    expect(model).toStrictEqual({ version: MODEL_VERSION, title: '', blocks: [{ type: 'paragraph', children: [text('正文'), { type: 'figure', figureId: 'a' }] }], figures, signature })
  })

  it('keeps the words of stray nodes inside a table', () => {
    const state = root(title, el('table', [el('paragraph', [tx('游离')]), el('tablerow', [el('paragraph', [tx('甲')]), el('tablecell', [el('paragraph', [tx('乙')])])])]))
    expect(editorStateToModel(state, { figures: [] }).blocks).toStrictEqual([{ type: 'table', rows: [[[text('游离')], []], [[text('甲')], [text('乙')]]] }])
  })

  it('in the editor, deleting the last of a run-in body leaves a standalone heading', () => {
    const d = doc([{ type: 'heading', level: 2, title: [text('（一）')], body: [text('甲')] }])
    const editor = createHeadlessEditor({ nodes: editorNodes, onError: (error) => { throw error } })
    editor.setEditorState(editor.parseEditorState(JSON.stringify(modelToEditorState(d))))
    editor.update(
      () => {
        const heading = $getRoot().getChildAtIndex(1)
        if (!$isSectionHeadingNode(heading)) throw new Error('expected a heading')
        const runIn = heading.getLastChild()
        if (!$isRunInBodyNode(runIn)) throw new Error('expected a run-in body')
        runIn.getFirstChildOrThrow().remove()
        heading.setLevel(3)
      },
      { discrete: true },
    )
    const model = editorStateToModel(editor.getEditorState().toJSON(), { figures: [] })
    expect(model.blocks).toStrictEqual([{ type: 'heading', level: 3, title: [text('（一）')] }])
  })

  it('Enter in a heading goes on with a body paragraph', () => {
    const editor = createHeadlessEditor({ nodes: editorNodes, onError: (error) => { throw error } })
    editor.setEditorState(editor.parseEditorState(JSON.stringify(modelToEditorState(doc([{ type: 'heading', level: 1, title: [text('一、总体情况')] }])))))
    editor.update(
      () => {
        const heading = $getRoot().getChildAtIndex(1)
        const last = heading && $isSectionHeadingNode(heading) ? heading.getLastChild() : null
        if (!$isTextNode(last)) throw new Error('expected heading text')
        last.select().insertParagraph()
        expect($isParagraphNode($getRoot().getChildAtIndex(2))).toBe(true)
      },
      { discrete: true },
    )
    expect(editorStateToModel(editor.getEditorState().toJSON(), { figures: [] }).blocks).toStrictEqual([
      { type: 'heading', level: 1, title: [text('一、总体情况')] },
      { type: 'paragraph', children: [] },
    ])
  })

  it('refuses something that is not an editor state', () => {
    expect(() => editorStateToModel(null, { figures: [] })).toThrow(TypeError)
    expect(() => editorStateToModel({ blocks: [] }, { figures: [] })).toThrow(TypeError)
  })
})
