/**
 * Clipboard HTML (Word, WPS, web pages) → model blocks. Keeps paragraph breaks, bold, italic,
 * underline and tables; drops styles, classes, scripts, iframes, images (remote or not), comments
 * and Office's hidden markup. Parsed with DOMParser into an inert document: nothing runs, nothing
 * loads.
 */
import type { Block, Inline } from '../../../shared/document/model'
import { normalizeInlines } from '../../../shared/document/lexicalState'

type Marks = { bold?: true; italic?: true; underline?: true }

const DROP = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'SVG', 'CANVAS', 'META', 'LINK', 'HEAD', 'TITLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'FORM'])
const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'MAIN', 'UL', 'OL', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'CENTER', 'HR'])
const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/
const HAN_GAP = /([\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])[ \t\n\r]+(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])/g

function marksOf(el: HTMLElement, inherited: Marks): Marks {
  const marks: Marks = { ...inherited }
  const tag = el.tagName
  if (tag === 'B' || tag === 'STRONG') marks.bold = true
  if (tag === 'I' || tag === 'EM') marks.italic = true
  if (tag === 'U' || tag === 'INS') marks.underline = true
  const style = el.style
  if (style) {
    const weight = style.fontWeight
    if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) marks.bold = true
    else if (weight === 'normal' || weight === 'lighter' || (weight !== '' && Number(weight) < 600)) delete marks.bold
    if (style.fontStyle === 'italic' || style.fontStyle === 'oblique') marks.italic = true
    else if (style.fontStyle === 'normal') delete marks.italic
    const decoration = `${style.textDecoration} ${style.textDecorationLine}`
    if (decoration.includes('underline')) marks.underline = true
    else if (/\bnone\b/.test(decoration)) delete marks.underline
  }
  return marks
}

function hidden(el: HTMLElement): boolean {
  const style = el.getAttribute('style') ?? ''
  return /display\s*:\s*none/i.test(style) || /mso-hide\s*:\s*all/i.test(style)
}

export function htmlToBlocks(html: string): Block[] {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const blocks: Block[] = []
  let current: Inline[] = []

  const flush = () => {
    const cleaned = tidy(current)
    if (cleaned.length > 0) blocks.push({ type: 'paragraph', children: cleaned })
    current = []
  }

  const walk = (node: Node, marks: Marks, pre: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const raw = node.textContent ?? ''
      const text = pre ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ')
      if (text) current.push({ type: 'text', text, ...marks })
      return
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return // comments, processing instructions
    const el = node as HTMLElement
    const tag = el.tagName.toUpperCase()
    if (DROP.has(tag) || tag.includes(':') || hidden(el)) return // o:p, v:shape … from Office
    if (tag === 'BR') return flush()
    if (tag === 'TABLE') {
      flush()
      const table = tableBlock(el as HTMLTableElement)
      if (table) blocks.push(table)
      return
    }
    const isBlock = BLOCK.has(tag)
    if (isBlock) flush()
    const childMarks = marksOf(el, marks)
    for (const child of Array.from(el.childNodes)) walk(child, childMarks, pre || tag === 'PRE')
    if (isBlock) flush()
  }

  const tableBlock = (table: HTMLTableElement): Block | null => {
    const rows: Inline[][][] = []
    for (const tr of Array.from(table.rows)) {
      const cells: Inline[][] = []
      for (const cell of Array.from(tr.cells)) {
        const saved = current
        current = []
        const parts: Inline[][] = []
        const collect = (n: Node, m: Marks) => {
          if (n.nodeType === Node.ELEMENT_NODE && BLOCK.has((n as HTMLElement).tagName) && current.length) {
            parts.push(tidy(current))
            current = []
          }
          if (n.nodeType === Node.TEXT_NODE) {
            const t = (n.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ')
            if (t) current.push({ type: 'text', text: t, ...m })
          } else if (n.nodeType === Node.ELEMENT_NODE) {
            const el = n as HTMLElement
            if (DROP.has(el.tagName) || el.tagName.includes(':') || hidden(el)) return
            const mm = marksOf(el, m)
            for (const c of Array.from(el.childNodes)) collect(c, mm)
          }
        }
        collect(cell, {})
        if (current.length) parts.push(tidy(current))
        current = saved
        // paragraphs inside a cell are kept as lines
        const joined: Inline[] = []
        parts.filter((p) => p.length).forEach((p, i) => {
          if (i > 0) joined.push({ type: 'text', text: '\n' })
          joined.push(...p)
        })
        cells.push(normalizeInlines(joined))
      }
      if (cells.length) rows.push(cells)
    }
    return rows.length ? { type: 'table', rows } : null
  }

  walk(doc.body, {}, false)
  flush()
  return blocks
}

/** Trims a paragraph and removes blanks that HTML line wrapping put between Chinese characters. */
function tidy(inlines: Inline[]): Inline[] {
  const out: Inline[] = normalizeInlines(inlines).map((i) => (i.type === 'text' ? { ...i, text: i.text.replace(HAN_GAP, '$1') } : i))
  // the same across inline boundaries: "，\n<i>覆盖" must not keep the blank
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!
    const b = out[k + 1]!
    if (a.type !== 'text' || b.type !== 'text') continue
    const aTrim = a.text.replace(/[ \t\n\r]+$/, '')
    const bTrim = b.text.replace(/^[ \t\n\r]+/, '')
    if (CJK.test(aTrim.slice(-1)) && CJK.test(bTrim.slice(0, 1))) {
      a.text = aTrim
      b.text = bTrim
    }
  }
  const first = out[0]
  if (first?.type === 'text') first.text = first.text.replace(/^[ \u00a0]+/, '')
  const last = out[out.length - 1]
  if (last?.type === 'text') last.text = last.text.replace(/[ \u00a0]+$/, '')
  return normalizeInlines(out)
}
