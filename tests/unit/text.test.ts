import { describe, expect, it } from 'vitest'
import { countCharacters, documentPlainText } from '../../shared/document/text'
import { emptyDocument, SummaryDocumentSchema } from '../../shared/document/model'
import { sampleDocument } from '../helpers/documents'

describe('character count (字数, as Word counts)', () => {
  it('counts each Han character and full-width punctuation mark as one', () => {
    expect(countCharacters('今年以来，我们扎实推进各项工作。')).toBe(16)
  })
  it('counts Chinese quotes, ellipses and dashes per character, as Word does', () => {
    expect(countCharacters('“好”……——')).toBe(7)
  })
  it('counts a run of Latin letters, digits and half-width signs as one word, and no whitespace', () => {
    expect(countCharacters('知晓率达到100%')).toBe(6)
    expect(countCharacters('e.g. Word')).toBe(2)
    expect(countCharacters('投入资金560万元')).toBe(7)
    expect(countCharacters('使用 Excel 表格')).toBe(5)
    expect(countCharacters('  \n\t ')).toBe(0)
  })
})

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
