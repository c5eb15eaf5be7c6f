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
