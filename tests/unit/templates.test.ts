import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { previewCleanupSync } from '../../shared/cleanup'
import { type Inline, type SummaryDocument } from '../../shared/document/model'
import { countCharacters, documentPlainText, inlineText } from '../../shared/document/text'
import {
  figureReferences,
  isTemplateId,
  loadTemplate,
  parseTemplate,
  TEMPLATE_IDS,
  TEMPLATES,
  TemplateError,
  templateFile,
} from '../../shared/templates'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const STANDARD_SECTIONS = ['基本情况', '主要工作及成效', '存在的问题', '下一步工作打算']

const templates: [string, SummaryDocument][] = await Promise.all(TEMPLATE_IDS.map(async (id) => [id, await loadTemplate(id)] as [string, SummaryDocument]))

describe('the template list', () => {
  it('describes every template, in order, with a Chinese name and a description', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS])
    expect(TEMPLATES.map((t) => t.name)).toEqual(['年度工作总结', '半年工作总结', '专项工作总结', '创建工作总结'])
    for (const t of TEMPLATES) expect(t.description.length).toBeGreaterThan(10)
    expect(isTemplateId('annual')).toBe(true)
    expect(isTemplateId('monthly')).toBe(false)
  })

  it('has one JSON file per template and no other', () => {
    const files = fs.readdirSync(path.join(root, 'resources/templates')).filter((f) => f.endsWith('.json')).sort()
    expect(files).toEqual(TEMPLATE_IDS.map((id) => path.basename(templateFile(id))).sort())
  })

  it('loads the same document through import() as through fs', () => {
    for (const [id, doc] of templates) {
      const raw: unknown = JSON.parse(fs.readFileSync(path.join(root, templateFile(id as never)), 'utf8'))
      expect(parseTemplate(id, raw)).toEqual(doc)
    }
  })

  it('hands out a fresh copy on every load', async () => {
    const a = await loadTemplate('annual')
    a.title = 'changed'
    a.figures[0]!.value = 2025
    const b = await loadTemplate('annual')
    expect(b.title).toBe('年度工作总结')
    expect(b.figures[0]!.value).toBeNull()
  })

  it('refuses invalid JSON with a message naming the template and the place', () => {
    expect(() => parseTemplate('bad', { version: 1, title: 'x', blocks: [{ type: 'quote' }], figures: [] })).toThrow(TemplateError)
    expect(() => parseTemplate('bad', { version: 1, title: 'x', blocks: [{ type: 'paragraph', children: [{ type: 'figure', figureId: 'nope' }] }], figures: [] }))
      .toThrow(/template bad: figure reference "nope"/)
  })
})

describe.each(templates)('template %s', (_id, doc) => {
  it('has a plain title and the four standard level-1 sections, in order', () => {
    expect(doc.title).toMatch(/工作总结$/)
    expect(doc.title).not.toMatch(/[xX×_＿*]/)
    const level1 = doc.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b.type === 'heading' ? inlineText(b.title) : ''))
    expect(level1).toEqual(STANDARD_SECTIONS)
  })

  it('opens with a paragraph that has unfilled fields and ends "……总结如下："', () => {
    const first = doc.blocks[0]
    expect(first?.type).toBe('paragraph')
    if (first?.type !== 'paragraph') return
    expect(inlineText(first.children)).toMatch(/总结如下：$/)
    expect(first.children.some((i) => i.type === 'figure')).toBe(true)
  })

  it('has run-in level-2 headings with figures under 主要工作及成效', () => {
    const start = doc.blocks.findIndex((b) => b.type === 'heading' && b.level === 1 && inlineText(b.title) === '主要工作及成效')
    const end = doc.blocks.findIndex((b, i) => i > start && b.type === 'heading' && b.level === 1)
    const subheadings = doc.blocks.slice(start + 1, end).filter((b) => b.type === 'heading' && b.level === 2)
    expect(subheadings.length).toBeGreaterThanOrEqual(3)
    for (const h of subheadings) {
      if (h.type !== 'heading') continue
      expect(inlineText(h.title)).toMatch(/。$/)
      expect(h.body?.some((i: Inline) => i.type === 'figure')).toBe(true)
    }
  })

  it('defines each figure once, leaves it unfilled, and uses it at least once; every reference names a figure', () => {
    const ids = doc.figures.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
    const used = new Set(figureReferences(doc))
    for (const f of doc.figures) {
      expect(f.value, f.id).toBeNull()
      expect(f.name, f.id).not.toBe('')
      expect(used.has(f.id), `${f.id} is used`).toBe(true)
    }
    for (const ref of used) expect(ids).toContain(ref)
  })

  it('ends with a signature to fill: no organization, no date', () => {
    expect(doc.signature).toEqual({ organization: '', dateStyle: 'arabic' })
  })

  it('is short but real: 400–900 characters', () => {
    const n = countCharacters(documentPlainText(doc))
    expect(n).toBeGreaterThanOrEqual(400)
    expect(n).toBeLessThanOrEqual(900)
  })

  it('is already clean: the punctuation and spaces commands find nothing', () => {
    expect(previewCleanupSync(doc, 'punctuation').changes).toEqual([])
    expect(previewCleanupSync(doc, 'spaces').changes).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// written in our own words: no 16-character piece of a template occurs in third-party summaries.
// The check itself always runs on text of our own; against real third-party text (which the repo
// never holds) it runs when DRAFTDESK_SAMPLES_DIR names a folder of .txt files, e.g.
//   DRAFTDESK_SAMPLES_DIR=~/samples npx vitest run tests/unit/templates.test.ts

const WINDOW = 16
/** Half-width punctuation as full-width, whitespace dropped: a copy with different punctuation still matches. */
function normalize(text: string): string {
  const full: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' }
  return text.replace(/\s+/g, '').replace(/[,:;()!?]/g, (c) => full[c] ?? c)
}
/** Every 16-character piece of the texts' lines, normalized. */
function windowsOf(texts: string[]): Set<string> {
  const windows = new Set<string>()
  for (const t of texts) {
    for (const line of t.split('\n')) {
      const text = normalize(line)
      for (let i = 0; i + WINDOW <= text.length; i++) windows.add(text.slice(i, i + WINDOW))
    }
  }
  return windows
}
function pieces(doc: SummaryDocument): string[] {
  // every text run between figures is checked on its own (a figure breaks the sentence)
  const out = [doc.title, doc.subtitle ?? '']
  const runs = (inlines: readonly Inline[]) => {
    let run = ''
    for (const i of inlines) {
      if (i.type === 'text') run += i.text
      else { out.push(run); run = '' }
    }
    out.push(run)
  }
  for (const b of doc.blocks) {
    if (b.type === 'heading') { runs(b.title); if (b.body) runs(b.body) }
    else if (b.type === 'paragraph') runs(b.children)
  }
  return out.map(normalize)
}
/** The template's pieces found in `windows`. */
function copied(doc: SummaryDocument, windows: Set<string>): string[] {
  const found: string[] = []
  for (const piece of pieces(doc)) {
    for (let i = 0; i + WINDOW <= piece.length; i++) {
      const w = piece.slice(i, i + WINDOW)
      if (windows.has(w)) found.push(w)
    }
  }
  return found
}

describe('the copy check', () => {
  const [, annual] = templates[0]!
  const longest = pieces(annual).reduce((a, b) => (b.length > a.length ? b : a))

  it('finds a template sentence inside other text, whatever its punctuation and spacing', () => {
    expect(longest.length).toBeGreaterThan(WINDOW)
    const halfWidth = longest.replace(/，/g, ', ').replace(/：/g, ': ').replace(/；/g, ';')
    const sample = `篇一\n去年以来，本单位认真落实各项部署。${halfWidth}\n下一步，我们将继续努力。`
    expect(copied(annual, windowsOf([sample])).length).toBeGreaterThan(0)
  })

  it('finds nothing in text that shares only short phrases with the templates', () => {
    const sample = '一、基本情况\n二、主要工作及成效\n三、存在的问题\n四、下一步工作打算\n现将有关情况总结如下：'
    for (const [id, doc] of templates) expect(copied(doc, windowsOf([sample])), id).toEqual([])
  })
})

const samplesDir = process.env.DRAFTDESK_SAMPLES_DIR
describe.runIf(samplesDir)('templates against third-party summaries (opt-in: DRAFTDESK_SAMPLES_DIR)', () => {
  const texts = samplesDir ? fs.readdirSync(samplesDir).filter((name) => name.endsWith('.txt')).map((f) => fs.readFileSync(path.join(samplesDir, f), 'utf8')) : []
  const windows = windowsOf(texts)

  it('reads the samples', () => {
    expect(windows.size).toBeGreaterThan(10_000)
  })

  it.each(templates)(`%s shares no ${WINDOW}-character piece with them`, (_id, doc) => {
    expect(copied(doc, windows)).toEqual([])
  })
})
