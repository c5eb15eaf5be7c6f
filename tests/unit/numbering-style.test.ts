/**
 * The document's numbering style: "1、" (and "1．", "(1)", "(一)") printed as the writer typed it,
 * detected on import, carried through the editor state, and undone by 规范层级.
 */
import { describe, expect, it } from 'vitest'
import { previewCleanupSync } from '../../shared/cleanup'
import { editorStateToModel, modelToEditorState, normalizeDocument } from '../../shared/document/lexicalState'
import { SummaryDocumentSchema, type Block, type SummaryDocument } from '../../shared/document/model'
import { headingMarker, headingNumbersOf, numberHeadings } from '../../shared/document/numbering'
import { prepareOutput } from '../../shared/output/prepare'
import { sectionNames } from '../../shared/output/sections'
import { recognize } from '../../shared/recognizer'

const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ type: 'heading', level, title: [{ type: 'text', text }] })
const body = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] })

describe('heading numbers in the writer’s style', () => {
  it('writes each variant, and GB/T when a level has none', () => {
    const levels = [1, 2, 3, 3, 4, 4] as const
    expect(numberHeadings(levels)).toEqual(['一、', '（一）', '1.', '2.', '（1）', '（2）'])
    expect(numberHeadings(levels, { level3: '1、' })).toEqual(['一、', '（一）', '1、', '2、', '（1）', '（2）'])
    expect(numberHeadings(levels, { level2: '(一)', level3: '1．', level4: '(1)' })).toEqual(['一、', '(一)', '1．', '2．', '(1)', '(2)'])
    expect(headingMarker(3, 12, { level3: '1、' })).toBe('12、')
    expect(headingMarker(2, 11, { level2: '(一)' })).toBe('(十一)')
  })

  it('an absent or all-GB/T style gives the same numbers as before', () => {
    const levels = [1, 2, 2, 3, 3, 4, 2, 1, 2, 3] as const
    expect(numberHeadings(levels, {})).toEqual(numberHeadings(levels))
    expect(numberHeadings(levels, { level2: '（一）', level3: '1.', level4: '（1）' })).toEqual(numberHeadings(levels))
  })
})

describe('the recognizer keeps the numbers the writer typed', () => {
  it('"一、" then "1、": level 3 in the 1、 style, so the numbers print as typed', () => {
    const text = ['2025年工作总结', '一、主要工作', '1、抓好学习。全年组织学习12次。', '2、抓好服务。接待群众300人次。', '二、存在问题', '1、学习不深。部分同志学用脱节。'].join('\n')
    const doc = recognize(text).documents[0]!
    expect(doc.numbering).toEqual({ level3: '1、' })
    expect(headingNumbersOf(doc.blocks, doc.numbering)).toEqual(['一、', '1、', '2、', '二、', '1、'])
    expect(SummaryDocumentSchema.safeParse(doc).success).toBe(true)
  })

  it('takes the variant most of a level’s headings use, per level', () => {
    const text = ['工作总结', '一、总体情况', '(一)机制方面', '1、建立台账。按月更新。', '2.压实责任。层层签订责任书。', '3、强化督查。每季度通报一次。', '(1)季度通报。', '(2)年终考核。', '(二)队伍方面', '二、下步打算'].join('\n')
    const doc = recognize(text).documents[0]!
    expect(doc.numbering).toEqual({ level2: '(一)', level3: '1、', level4: '(1)' })
  })

  it('text numbered as GB/T asks carries no style', () => {
    const doc = recognize(['工作总结', '一、总体情况', '（一）机制方面', '1.建立台账。按月更新。', '（1）季度通报。'].join('\n')).documents[0]!
    expect(doc.numbering).toBeUndefined()
  })
})

describe('top levels numbered in words: 第一章, 第一部分, 第一节', () => {
  it('print as typed, a full-width space before the heading text', () => {
    expect(numberHeadings([1, 2, 2, 1], { level1: '第一章', level2: '第一节' })).toEqual(['第一章\u3000', '第一节\u3000', '第二节\u3000', '第二章\u3000'])
    expect(headingMarker(1, 12, { level1: '第一部分' })).toBe('第十二部分\u3000')
  })

  it('are recognized at levels 1 and 2 when the document numbers no level 一、 or （一）, and keep their form', () => {
    const text = ['评估报告', '第一章　总体情况', '全市国土面积1.2万平方公里。', '第一节 人口与用地', '常住人口增长3.1%。', '第二节：产业布局', '三次产业结构优化。', '第二章 存在问题', '第一，用地效率不高。'].join('\n')
    const doc = recognize(text).documents[0]!
    expect(doc.numbering).toEqual({ level1: '第一章', level2: '第一节' })
    expect(headingNumbersOf(doc.blocks, doc.numbering)).toEqual(['第一章\u3000', '第一节\u3000', '第二节\u3000', '第二章\u3000'])
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.title[0]?.type === 'text' && b.title[0].text)).toEqual(['总体情况', '人口与用地', '产业布局', '存在问题'])
    expect(SummaryDocumentSchema.safeParse(doc).success).toBe(true)
  })

  it('beside typed 一、 headings a 第一部分 line stays text; a lead-in 第一， is never a heading', () => {
    const doc = recognize(['工作总结', '第一部分　工作回顾', '一、公共卫生', '管理率达到72%。', '第一，加强领导。'].join('\n')).documents[0]!
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph'])
    expect(doc.numbering).toBeUndefined()
  })
})

describe('fourth-level numbers written ⑴, 1) or 1）', () => {
  it('print as typed: ⑴ up to ⒇, then (21); 1) and 1） keep their bracket', () => {
    expect(numberHeadings([1, 4, 4], { level4: '⑴' })).toEqual(['一、', '⑴', '⑵'])
    expect(headingMarker(4, 20, { level4: '⑴' })).toBe('⒇')
    expect(headingMarker(4, 21, { level4: '⑴' })).toBe('(21)')
    expect(numberHeadings([1, 4, 4], { level4: '1)' })).toEqual(['一、', '1)', '2)'])
    expect(numberHeadings([1, 4, 4], { level4: '1）' })).toEqual(['一、', '1）', '2）'])
  })

  it('are recognized at level 4 under "1、" and keep their form', () => {
    const circled = recognize(['工作总结', '一、主要做法', '1、加强领导。', '⑴领导重视。书记每月听取汇报。', '⑵健全机制。每季度调度一次。', '2、营造氛围。'].join('\n')).documents[0]!
    expect(circled.numbering).toEqual({ level3: '1、', level4: '⑴' })
    expect(headingNumbersOf(circled.blocks, circled.numbering)).toEqual(['一、', '1、', '⑴', '⑵', '2、'])
    const bracket = recognize(['工作总结', '一、主要做法', '1.加强领导。', '1)领导重视。书记每月听取汇报。', '2)健全机制。每季度调度一次。'].join('\n')).documents[0]!
    expect(bracket.numbering).toEqual({ level4: '1)' })
    expect(headingNumbersOf(bracket.blocks, bracket.numbering)).toEqual(['一、', '1.', '1)', '2)'])
    expect(SummaryDocumentSchema.safeParse(circled).success && SummaryDocumentSchema.safeParse(bracket).success).toBe(true)
  })
})

describe('the style travels with the document', () => {
  const doc: SummaryDocument = {
    version: 1,
    title: '年度总结',
    blocks: [heading(1, '主要工作'), heading(3, '抓学习'), body('全年学习12次。'), heading(3, '抓服务')],
    figures: [],
    numbering: { level3: '1、' },
  }

  it('through the editor state and back', () => {
    const state = modelToEditorState(doc)
    expect(state.root.$).toEqual({ 'dd-numbering': { level3: '1、' } })
    const back = editorStateToModel(JSON.parse(JSON.stringify(state)), { figures: [] })
    expect(back).toEqual(normalizeDocument(doc))
    expect(back.numbering).toEqual({ level3: '1、' })
  })

  it('into the output: the numbers the PDF, print and 出稿检查 show', () => {
    const out = prepareOutput(doc)
    expect(out.blocks.flatMap((b) => (b.kind === 'heading' ? [b.number] : []))).toEqual(['一、', '1、', '2、'])
    expect(out.numbering).toEqual({ level3: '1、' })
    expect(sectionNames(doc)[1]).toBe('1、抓学习')
  })

  it('a document without a style keeps no style anywhere', () => {
    const plain: SummaryDocument = { ...doc }
    delete plain.numbering
    expect(modelToEditorState(plain).root.$).toBeUndefined()
    expect(editorStateToModel(modelToEditorState(plain), { figures: [] })).not.toHaveProperty('numbering')
    expect(prepareOutput(plain)).not.toHaveProperty('numbering')
  })

  it('an unreadable style in the editor state reads as GB/T, the text kept', () => {
    const state = modelToEditorState(doc) as unknown as { root: Record<string, unknown> }
    state.root.$ = { 'dd-numbering': { level3: '1)' } }
    const back = editorStateToModel(state, { figures: [] })
    expect(back.numbering).toBeUndefined()
    expect(back.blocks).toHaveLength(4)
  })

  it('规范层级 closes the gap and returns the numbers to GB/T, listing each change', () => {
    const preview = previewCleanupSync(doc, 'levels')
    expect(preview.result.numbering).toBeUndefined()
    expect(headingNumbersOf(preview.result.blocks)).toEqual(['一、', '（一）', '（二）'])
    expect(preview.changes.map((c) => `${c.removed}→${c.inserted}`)).toEqual(['1、→（一）', '2、→（二）'])
  })

  it('规范层级 on levels already in sequence still offers the GB/T numbers', () => {
    const seq: SummaryDocument = { ...doc, blocks: [heading(1, '主要工作'), heading(2, '抓学习'), heading(3, '台账')] }
    const preview = previewCleanupSync(seq, 'levels')
    expect(preview.changes.map((c) => `${c.removed}→${c.inserted}`)).toEqual(['1、→1.'])
    expect(preview.result.numbering).toBeUndefined()
  })
})
