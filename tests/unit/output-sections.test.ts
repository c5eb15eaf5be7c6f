/** Where a 出稿检查 finding is, as the writer reads it: the section's heading; dates in one form whatever the locale. */
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../../shared/output/check'
import { sectionNames } from '../../shared/output/sections'
import { displayDate, displayDateTime, displayIsoDay } from '../../shared/i18n/dates'
import { sampleDocument } from '../helpers/documents'

describe('sectionNames', () => {
  it('names each block by the numbered heading it is under; the opening has none', () => {
    const doc = sampleDocument()
    // opening, 一、主要工作, (一) run-in, 1., (1), paragraph, 二、存在的问题, paragraph
    expect(sectionNames(doc)).toEqual([null, '一、主要工作', '（一）健全责任体系。', '1.开展专项检查', '（1）重点行业', '（1）重点行业', '二、存在的问题', '二、存在的问题'])
  })

  it('names the section of a finding, and cuts a long heading', () => {
    const doc = sampleDocument()
    doc.blocks.push({ type: 'heading', level: 1, title: [{ type: 'text', text: '下一步工作打算和需要上级帮助解决的困难与问题' }] })
    doc.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '计划召开xx次会议。' }] })
    const finding = checkDocument(doc, { today: '2026-01-10' }).findings.find((f) => f.kind === 'placeholder')!
    expect(sectionNames(doc)[finding.location.block!]).toBe('三、下一步工作打算和需要上级帮助解决…')
  })
})

describe('the 出稿检查 list', () => {
  it('puts what blocks 出稿 first, then the warnings, each in document order, each named by its section (tables and the 落款 too)', () => {
    const doc = sampleDocument()
    // a warning in the opening, before everything else
    doc.blocks[0] = { type: 'paragraph', children: [{ type: 'text', text: '一年来,我办围绕目标任务开展工作。' }] }
    // under （1）重点行业: a table with a placeholder in a cell, then a paragraph with a half-width mark
    doc.blocks.splice(6, 0, { type: 'table', rows: [[[{ type: 'text', text: '项目' }], [{ type: 'text', text: '数量' }]], [[{ type: 'text', text: '检查企业' }], [{ type: 'text', text: 'xx家' }]]] })
    doc.blocks.splice(7, 0, { type: 'paragraph', children: [{ type: 'text', text: '督促整改(限期)。' }] })
    // under 二、存在的问题: a placeholder, and an unfilled figure under 一、主要工作's run-in heading
    doc.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '全年召开会议x次。' }] })
    doc.figures[0] = { ...doc.figures[0]!, value: null }
    doc.signature = { organization: '某某镇应急管理办公室', date: '2026-03-01', dateStyle: 'arabic' }
    const { findings } = checkDocument(doc, { today: '2026-01-10' })
    const names = sectionNames(doc)
    const where = (f: (typeof findings)[number]) => (f.location.part === 'block' ? (names[f.location.block!] ?? '开头') : f.location.part)
    expect(findings.map((f) => [f.severity, f.kind, where(f)])).toEqual([
      ['error', 'unfilledFigure', '（一）健全责任体系。'],
      ['error', 'placeholder', '（1）重点行业'],
      ['error', 'placeholder', '二、存在的问题'],
      ['error', 'futureDate', 'signature'],
      ['warning', 'halfWidthPunctuation', '开头'],
      ['warning', 'halfWidthPunctuation', '（1）重点行业'],
    ])
  })
})

describe('display dates', () => {
  const at = new Date(2025, 11, 31, 14, 5, 9).getTime()
  it('are 2025年12月31日 in Chinese and yyyy-mm-dd in English, with no locale in play', () => {
    expect(displayDate(at)).toBe('2025年12月31日')
    expect(displayDateTime(at)).toBe('2025年12月31日 14:05')
    expect(displayDateTime(at, 'zh-CN', { seconds: true })).toBe('2025年12月31日 14:05:09')
    expect(displayDateTime(at, 'en')).toBe('2025-12-31 14:05')
    expect(displayIsoDay('2025-01-02')).toBe('2025年1月2日')
    expect(displayIsoDay('not a day')).toBe('not a day')
  })
})
