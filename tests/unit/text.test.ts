import { describe, expect, it } from 'vitest'
import { documentPlainText } from '../../shared/document/text'
import { emptyDocument, SummaryDocumentSchema } from '../../shared/document/model'
import { sampleDocument } from '../helpers/documents'

describe('the document model', () => {
  it('accepts our sample and an empty document', () => {
    expect(SummaryDocumentSchema.safeParse(sampleDocument()).success).toBe(true)
    expect(SummaryDocumentSchema.safeParse(emptyDocument('标题')).success).toBe(true)
  })
  it('refuses unknown block types, levels out of range and unknown fields', () => {
    const bad = (patch: object) => SummaryDocumentSchema.safeParse({ ...sampleDocument(), ...patch }).success
    expect(bad({ blocks: [{ type: 'heading', level: 5, title: [] }] })).toBe(false)
    expect(bad({ blocks: [{ type: 'quote', children: [] }] })).toBe(false)
    expect(bad({ version: 2 })).toBe(false)
    expect(bad({ colour: 'red' })).toBe(false)
    expect(bad({ signature: { organization: 'x', date: '2025/1/1', dateStyle: 'arabic' } })).toBe(false)
  })
  it('gives searchable plain text with figure values filled in', () => {
    const text = documentPlainText(sampleDocument())
    expect(text).toContain('与各村签订责任书36份')
    expect(text.split('\n')[0]).toBe('2025年度安全生产工作总结')
  })
})
