/**
 * A DOCX that DraftDesk wrote (output/docx.ts), read back as the document it came from. Such a file
 * carries our custom XML part (output/docxModel.ts); any other .docx goes through mammoth and the
 * recognizer as before (docx.ts), so a writer's own Word files are read as always.
 *
 * The page is read, not the part: what a Word user changed comes back changed. The reading follows
 * what the exporter writes:
 *   Title (lines joined; the typed title when its lines are the ones we broke it into) · Subtitle ·
 *   Heading 1–4 by style (id, or Word's style name "heading N") · a heading whose paragraph mark is a
 *   style separator (w:specVanish) runs on into the next paragraph: a run-in heading · Normal and
 *   any other style: body paragraphs · Caption2 + its table: the 附表 · other tables · a page break ·
 *   Signature paragraphs: 署名, the 成文日期 (its style, arabic or Chinese, from how it is written),
 *   the seal and signature images · a content control tagged "dd-figure:<id>" showing the figure's
 *   text: that figure; a number a Word user typed into it (with or without the unit): the figure
 *   with that value; any other text typed over it stays text.
 * Blank spacing paragraphs are dropped. bold/italic/underline come from direct run formatting.
 */
import type { Block, Figure, Inline, Signature, SummaryDocument } from '../../../shared/document/model'
import { breakTitle } from '../../../shared/output/prepare'
import { formatterFor } from '../../../shared/output/figures'
import { parseDateLine } from '../../../shared/recognizer/signature'
import { FIGURE_TAG_PREFIX, readSidecar, type Sidecar } from '../output/docxModel'
import { BOLD, ITALIC, UNDERLINE, runsToInlines, type RichRun } from './rich'
import type { SafeZip } from './zip'

// ── a small XML reader: elements, attributes and text (enough for WordprocessingML) ──

export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  /** text content of a text node (name "#text") */
  text?: string
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const decodeEntities = (s: string) =>
  s.includes('&') ? s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? m))) : s

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [] }
  const stack: XmlNode[] = [root]
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(xml))) {
    const [, cdata, close, name, attrText, selfClosing, text] = m
    const top = stack[stack.length - 1]!
    if (text !== undefined || cdata !== undefined) top.children.push({ name: '#text', attrs: {}, children: [], text: cdata ?? decodeEntities(text!) })
    else if (name) {
      if (close) {
        if (stack.length > 1) stack.pop()
        continue
      }
      const attrs: Record<string, string> = {}
      for (const a of (attrText ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '')
      const node: XmlNode = { name, attrs, children: [] }
      top.children.push(node)
      if (!selfClosing) stack.push(node)
    }
  }
  return root
}

const child = (n: XmlNode | undefined, name: string) => n?.children.find((c) => c.name === name)
const val = (n: XmlNode | undefined) => n?.attrs['w:val']
/** an on/off property: present and not switched off */
const on = (n: XmlNode | undefined) => !!n && !/^(0|false|off|none)$/i.test(val(n) ?? '')

/** The texts of the paragraphs whose mark is a style separator (w:specVanish), in document order. */
export function runOnParagraphTexts(documentXml: string): string[] {
  const out: string[] = []
  const visit = (n: XmlNode) => {
    if (n.name === 'w:p') {
      if (on(child(child(child(n, 'w:pPr'), 'w:rPr'), 'w:specVanish'))) out.push(textOf(n))
      return
    }
    n.children.forEach(visit)
  }
  visit(parseXml(documentXml))
  return out
}

/** The text of w:t elements under a node (deleted text, w:delText, is not w:t). */
function textOf(n: XmlNode): string {
  if (n.name === 'w:t') return n.children.map((t) => t.text ?? '').join('')
  if (n.name === 'w:del') return ''
  return n.children.map(textOf).join('')
}

// ── the package ──

/** The document, when the package is one of ours; null for any other .docx. */
export function ownDocxModel(zip: SafeZip): SummaryDocument | null {
  const decoder = new TextDecoder('utf-8')
  let sidecar: Sidecar | null = null
  for (const name of zip.names())
    if (/^customXml\/item\d*\.xml$/i.test(name)) {
      sidecar = readSidecar(decoder.decode(zip.read(name)))
      if (sidecar) break
    }
  if (!sidecar || !zip.has('word/document.xml')) return null
  const styleNames = new Map<string, string>()
  if (zip.has('word/styles.xml'))
    for (const m of decoder.decode(zip.read('word/styles.xml')).matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>(?:(?!<\/w:style>)[\s\S])*?<w:name w:val="([^"]*)"/g)) styleNames.set(m[1]!, m[2]!)
  const body = child(child(parseXml(decoder.decode(zip.read('word/document.xml'))), 'w:document'), 'w:body')
  if (!body) return null
  return new Reader(sidecar, styleNames).read(body)
}

interface Para {
  style: string
  /** the mark is a style separator: the paragraph runs on into the next */
  runsOn: boolean
  inlines: Inline[]
  /** text as read, line breaks as "\n" */
  text: string
  pageBreak: boolean
  images: Set<string>
}
type Item = { kind: 'p'; p: Para } | { kind: 'table'; rows: Inline[][][] }

class Reader {
  private readonly figures: Figure[]
  private readonly byId: Map<string, Figure>
  private shown: (id: string) => { text: string }
  /** figures read so far (with the value they have from then on) */
  private readonly seen = new Set<string>()
  /** figures whose value a Word user typed: their other places may still show the old text */
  private readonly typed = new Set<string>()
  private readonly original: (id: string) => { text: string }

  constructor(private readonly sidecar: Sidecar, private readonly styleNames: ReadonlyMap<string, string>) {
    this.figures = sidecar.figures.map((f) => ({ ...f }))
    this.byId = new Map(this.figures.map((f) => [f.id, f]))
    this.shown = formatterFor(this.figures)
    this.original = formatterFor(sidecar.figures)
  }

  /**
   * A figure's content control as found: the figure when it shows the figure's text; when a Word
   * user typed a number into it (into 〔名称〕 or over the old value, with or without the unit), the
   * figure with that value; anything else stays the text typed.
   */
  private figureFrom(id: string, text: string): Inline | null {
    const figure = this.byId.get(id)
    if (!figure) return null
    if (text === this.shown(id).text || (this.typed.has(id) && text === this.original(id).text)) {
      this.seen.add(id)
      return { type: 'figure', figureId: id }
    }
    // a formula computes its value; a figure already read elsewhere with its value keeps it
    if (figure.formula || this.seen.has(id)) return null
    const bare = text.trim().replace(/,/g, '')
    const number = figure.unit && bare.endsWith(figure.unit) ? bare.slice(0, -figure.unit.length) : bare
    if (!/^-?\d+(?:\.\d+)?$/.test(number)) return null
    figure.value = Number(number)
    this.shown = formatterFor(this.figures)
    this.seen.add(id)
    this.typed.add(id)
    return { type: 'figure', figureId: id }
  }

  read(body: XmlNode): SummaryDocument {
    const items: Item[] = []
    this.blocks(body, items)
    const doc: SummaryDocument = { version: 1, title: '', blocks: [], figures: this.figures }
    let i = 0
    const titleLines: string[] = []
    while (i < items.length && items[i]!.kind === 'p' && this.styleOf(items[i]) === 'title') titleLines.push(...(items[i++] as { p: Para }).p.text.split('\n'))
    const joined = titleLines.join('')
    const typed = this.sidecar.title
    doc.title =
      typed.replace(/\n/g, '') === joined && breakTitle(typed).join('\n') === titleLines.join('\n') ? typed : breakTitle(joined).join('\n') === titleLines.join('\n') ? joined : titleLines.join('\n')
    if (i < items.length && this.styleOf(items[i]) === 'subtitle') doc.subtitle = (items[i++] as { p: Para }).p.text
    const sig: Para[] = []
    for (; i < items.length; i++) {
      const item = items[i]!
      if (item.kind === 'table') {
        doc.blocks.push({ type: 'table', rows: item.rows })
        continue
      }
      const p = item.p
      const style = this.styleOf(item)
      if (style === 'signature') {
        sig.push(p)
        continue
      }
      if (p.pageBreak) doc.blocks.push({ type: 'pageBreak' })
      if (style === 'blank' && !p.text.trim()) continue
      if (style === 'caption' && items[i + 1]?.kind === 'table') {
        doc.blocks.push({ type: 'figureTable' })
        i++
        continue
      }
      const level = typeof style === 'number' ? style : undefined
      if (level !== undefined) {
        const heading: Block = { type: 'heading', level, title: p.inlines }
        const next = items[i + 1]
        if (p.runsOn && next?.kind === 'p' && typeof this.styleOf(next) !== 'number' && this.styleOf(next) !== 'signature') {
          heading.body = next.p.inlines
          i++
        }
        doc.blocks.push(heading)
        continue
      }
      doc.blocks.push({ type: 'paragraph', children: p.inlines })
    }
    const signature = this.signature(sig)
    if (signature) doc.signature = signature
    return doc
  }

  /** 'title' | 'subtitle' | 'blank' | 'caption' | 'signature' | heading level | 'body' */
  private styleOf(item: Item | undefined): string | 1 | 2 | 3 | 4 {
    if (!item || item.kind !== 'p') return 'body'
    const id = item.p.style
    const known: Record<string, string> = { Title: 'title', Subtitle: 'subtitle', Blank: 'blank', Caption2: 'caption', Signature: 'signature' }
    if (known[id]) return known[id]
    const name = this.styleNames.get(id) ?? id
    const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name) ?? /^heading\s*([1-9])$/i.exec(id)
    return m ? (Math.min(4, Number(m[1])) as 1 | 2 | 3 | 4) : 'body'
  }

  private signature(paras: readonly Para[]): Signature | undefined {
    const stored = this.sidecar.signature
    if (paras.length === 0) return stored && !stored.organization.trim() && !stored.date ? stored : undefined
    const sig: Signature = { organization: '', dateStyle: stored?.dateStyle ?? 'arabic' }
    const images = new Set<string>()
    for (const p of paras) {
      p.images.forEach((img) => images.add(img))
      const text = p.text.trim()
      if (!text) continue
      const date = parseDateLine(text)
      if (date && !sig.date) {
        sig.date = date.iso
        sig.dateStyle = date.style
      } else sig.organization = sig.organization ? `${sig.organization}${text}` : text
    }
    if (stored?.sealAssetId && images.has('印章')) sig.sealAssetId = stored.sealAssetId
    if (stored?.signatureAssetId && images.has('签名')) sig.signatureAssetId = stored.signatureAssetId
    return sig
  }

  private blocks(n: XmlNode, out: Item[]): void {
    for (const c of n.children) {
      if (c.name === 'w:p') out.push({ kind: 'p', p: this.paragraph(c) })
      else if (c.name === 'w:tbl') out.push({ kind: 'table', rows: this.table(c) })
      else if (c.name === 'w:sdt') this.blocks(child(c, 'w:sdtContent') ?? c, out)
      else if (c.name === 'w:customXml' || c.name === 'w:ins') this.blocks(c, out)
    }
  }

  private table(tbl: XmlNode): Inline[][][] {
    const rows: Inline[][][] = []
    for (const tr of tbl.children) {
      if (tr.name !== 'w:tr') continue
      const cells: Inline[][] = []
      for (const tc of tr.children) {
        if (tc.name !== 'w:tc') continue
        const inner: Item[] = []
        this.blocks(tc, inner)
        const lines: Inline[][] = []
        for (const item of inner) if (item.kind === 'p') lines.push(item.p.inlines)
        const cell: Inline[] = []
        lines.forEach((l, k) => {
          if (k > 0) cell.push({ type: 'text', text: '\n' })
          cell.push(...l)
        })
        cells.push(mergeInlines(cell))
      }
      if (cells.length) rows.push(cells)
    }
    return rows
  }

  private paragraph(p: XmlNode): Para {
    const pPr = child(p, 'w:pPr')
    const markRpr = child(pPr, 'w:rPr')
    const para: Para = { style: val(child(pPr, 'w:pStyle')) ?? 'Normal', runsOn: on(child(markRpr, 'w:specVanish')), inlines: [], text: '', pageBreak: false, images: new Set() }
    const runs: (RichRun | Inline)[] = []
    const walk = (n: XmlNode, figure: { id: string; runs: RichRun[] } | null) => {
      for (const c of n.children) {
        switch (c.name) {
          case 'w:r': {
            const rPr = child(c, 'w:rPr')
            const u = child(rPr, 'w:u')
            const marks = (on(child(rPr, 'w:b')) ? BOLD : 0) | (on(child(rPr, 'w:i')) ? ITALIC : 0) | (u && on(u) ? UNDERLINE : 0)
            const target = figure ? figure.runs : runs
            for (const r of c.children) {
              if (r.name === 'w:t') target.push({ text: r.children.map((t) => t.text ?? '').join(''), marks })
              else if (r.name === 'w:tab') target.push({ text: '\t', marks })
              else if (r.name === 'w:br' || r.name === 'w:cr') {
                if (r.attrs['w:type'] === 'page') para.pageBreak = true
                else target.push({ text: '\n', marks })
              } else if (r.name === 'w:drawing' || r.name === 'mc:AlternateContent') this.images(r, para.images)
            }
            break
          }
          case 'w:sdt': {
            const tag = val(child(child(c, 'w:sdtPr'), 'w:tag')) ?? ''
            const content = child(c, 'w:sdtContent') ?? c
            if (!figure && tag.startsWith(FIGURE_TAG_PREFIX)) {
              const f = { id: tag.slice(FIGURE_TAG_PREFIX.length), runs: [] as RichRun[] }
              walk(content, f)
              const text = f.runs.map((r) => r.text).join('')
              const found = this.figureFrom(f.id, text)
              if (found) runs.push(found)
              else runs.push(...f.runs)
            } else walk(content, figure)
            break
          }
          case 'w:del':
          case 'w:pPr':
          case 'w:moveFrom':
            break
          default:
            walk(c, figure)
        }
      }
    }
    walk(p, null)
    const inlines: Inline[] = []
    let pending: RichRun[] = []
    const flush = () => {
      inlines.push(...runsToInlines(pending))
      pending = []
    }
    for (const r of runs) {
      if ('type' in r) {
        flush()
        inlines.push(r)
      } else pending.push(r)
    }
    flush()
    para.inlines = mergeInlines(inlines)
    para.text = runs.map((r) => ('type' in r ? this.shown(r.type === 'figure' ? r.figureId : '').text : r.text)).join('')
    return para
  }

  /** the images' names (docPr name or description: 印章, 签名) */
  private images(n: XmlNode, into: Set<string>): void {
    if (n.name === 'wp:docPr') {
      if (n.attrs.name) into.add(n.attrs.name)
      if (n.attrs.descr) into.add(n.attrs.descr)
    }
    if (n.name === 'mc:Fallback') return
    for (const c of n.children) this.images(c, into)
  }
}

/** Adjacent text inlines with the same marks merged, empty text dropped (the model's normal form). */
function mergeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const i of inlines) {
    if (i.type === 'text' && !i.text) continue
    const prev = out[out.length - 1]
    if (i.type === 'text' && prev?.type === 'text' && !!prev.bold === !!i.bold && !!prev.italic === !!i.italic && !!prev.underline === !!i.underline) out[out.length - 1] = { ...prev, text: prev.text + i.text }
    else out.push(i.type === 'text' ? { ...i } : i)
  }
  return out
}
