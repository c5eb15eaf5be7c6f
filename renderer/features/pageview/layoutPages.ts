/**
 * Page view: where the editor's blocks fall on printed pages. The editor's DOM is measured (lines of
 * a paragraph, rows of a table), the blocks are handed to the one set of page rules
 * (shared/output/pagination.ts), and the result is turned into spacing rules — CSS keyed by block
 * position (`:nth-child`), never a node inside the editable text — that push each page's first line
 * to the top of its sheet.
 *
 * Everything is in millimetres, so the zoom (CSS `zoom` on the page) changes nothing here.
 */
import { LINE_PITCH_PT, MARGIN_MM, PAGE_MM, TEXT_BLOCK_MM, ptToMm } from '../../../shared/output/layout'
import { paginate, type FlowBlock, type FlowPage } from '../../../shared/output/pagination'

/** The grey gap between two sheets on screen. */
export const SHEET_GAP_MM = 5
/** From one sheet's top to the next one's. */
export const SHEET_PITCH_MM = PAGE_MM.height + SHEET_GAP_MM
export const LINE_MM = ptToMm(LINE_PITCH_PT)

/** A spacing rule applied to the block at `index` (0-based child of the editable root). */
export type Spacer =
  | { index: number; kind: 'block'; mm: number }
  | { index: number; kind: 'line'; line: number; lineMm: number; mm: number }
  | { index: number; kind: 'row'; row: number; mm: number }

export interface PageLayout {
  pages: FlowPage[]
  spacers: Spacer[]
  /** per page: the first block and piece, to find a page's text (tests, the outline) */
  starts: { block: number; from: number }[]
}

interface Measured {
  flow: FlowBlock
  /** the block's top without any spacer of ours (mm from the editable root's top) */
  top: number
  /** paragraph lines: the height of one (a split moves the rest down by whole lines) */
  lineMm?: number
  /** tables: the row elements' count (pieces are rows) */
  rows?: number
  /** a mid-block split can be shown (not in a block whose ::before is taken, e.g. a heading number) */
  canSplit: boolean
}

const isTable = (el: Element): HTMLTableElement | null =>
  el.tagName === 'TABLE' ? (el as HTMLTableElement) : el.querySelector(':scope > table')

/** The spacing each applied spacer adds inside or above its block: what a measurement must take off. */
function spacerHeights(spacers: readonly Spacer[]): Map<number, number> {
  const m = new Map<number, number>()
  for (const s of spacers) m.set(s.index, (m.get(s.index) ?? 0) + s.mm)
  return m
}

/**
 * Measures the editable root's blocks. `applied` are the spacers in force now (by position), whose
 * heights are taken off so the measure is the text's own.
 */
export function measureBlocks(root: HTMLElement, mmPerPx: number, applied: readonly Spacer[]): Measured[] {
  const extra = spacerHeights(applied)
  const out: Measured[] = []
  const children = root.children
  let above = 0 // spacers above the current block
  const rootTop = root.getBoundingClientRect().top
  for (let i = 0; i < children.length; i++) {
    const el = children[i] as HTMLElement
    const own = extra.get(i) ?? 0
    const rect = el.getBoundingClientRect()
    // rects are in zoomed pixels; mmPerPx converts them (it is measured in the same zoom)
    const cls = el.classList
    const table = isTable(el)
    // a table's spacer is a margin above it, any other block's a padding or a float inside it
    const marginSpacer = el.tagName === 'TABLE' && applied.some((s) => s.index === i && s.kind === 'block')
    const top = (rect.top - rootTop) * mmPerPx - above - (marginSpacer ? own : 0)
    const height = Math.max(0, rect.height * mmPerPx - (marginSpacer ? 0 : own))
    above += own
    if (cls.contains('dd-pagebreak')) {
      out.push({ flow: { pieces: [] }, top, canSplit: false })
    } else if (table) {
      const rows = Array.from(table.rows)
      const rowSpacer = applied.find((s) => s.index === i && s.kind === 'row')
      const pieces = rows.map((r, k) => Math.max(0.1, r.getBoundingClientRect().height * mmPerPx - (rowSpacer && rowSpacer.kind === 'row' && rowSpacer.row === k ? rowSpacer.mm : 0)))
      const head = table.tHead ? table.tHead.rows.length : rows[0]?.querySelector(':scope > th') ? 1 : 0
      out.push({
        flow: { pieces: pieces.length ? pieces : [height], splittable: pieces.length > 1, repeatHead: head, minHead: head + 2, minTail: 2 },
        top,
        rows: rows.length,
        canSplit: true,
      })
    } else if (cls.contains('dd-paragraph') || cls.contains('dd-heading') || cls.contains('dd-title') || cls.contains('dd-subtitle')) {
      const lineMm = cls.contains('dd-title') ? lineOf(el, mmPerPx) : LINE_MM
      const lines = Math.max(1, Math.round(height / lineMm))
      const piece = height / lines
      const pieces = Array.from({ length: lines }, () => piece)
      const heading = cls.contains('dd-heading')
      const runIn = heading && !!el.querySelector('.dd-runin')
      const block: FlowBlock = heading && !runIn
        ? { pieces, keepWithNext: true }
        : cls.contains('dd-title') || cls.contains('dd-subtitle')
          ? { pieces, keepWithNext: true }
          : { pieces, splittable: !runIn, minHead: 2, minTail: 2 }
      out.push({ flow: block, top, lineMm: piece, canSplit: cls.contains('dd-paragraph') })
    } else {
      out.push({ flow: { pieces: [height] }, top, canSplit: false })
    }
  }
  // each block's pieces reach down to where the next block starts (its margins, the title's blank line)
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!
    if (!b.flow.pieces.length) continue
    const next = out.slice(i + 1).find((n) => n.flow.pieces.length)?.top
    if (next === undefined) continue
    const sum = b.flow.pieces.reduce((s, p) => s + p, 0)
    const gap = next - b.top - sum
    if (gap > 0.05) {
      const pieces = [...b.flow.pieces]
      pieces[pieces.length - 1] = pieces[pieces.length - 1]! + gap
      b.flow = { ...b.flow, pieces }
    }
  }
  // a page break starts a page with the block after it
  for (let i = 0; i + 1 < out.length; i++) if (children[i]!.classList.contains('dd-pagebreak')) out[i + 1]!.flow = { ...out[i + 1]!.flow, breakBefore: true }
  return out
}

/** A title's line: its computed line height (it is set on the grid, but a theme may differ). */
function lineOf(el: HTMLElement, mmPerPx: number): number {
  const lh = parseFloat(getComputedStyle(el).lineHeight)
  if (!Number.isFinite(lh) || lh <= 0) return LINE_MM
  // computed values are unzoomed CSS px: 1 CSS px = 25.4/96 mm
  void mmPerPx
  return (lh * 25.4) / 96
}

/** Pages and the spacers that put every page's first line at the top of its sheet's text block. */
export function layoutPages(measured: readonly Measured[]): PageLayout {
  const pages = paginate(measured.map((m) => m.flow), TEXT_BLOCK_MM.height)
  const spacers: Spacer[] = []
  const starts: PageLayout['starts'] = []
  let pushed = 0 // what the spacers so far add
  pages.forEach((page, p) => {
    const first = page.slices[0]
    if (!first) return
    starts.push({ block: first.block, from: first.from })
    if (p === 0) return
    const m = measured[first.block]!
    const pieces = m.flow.pieces
    let offset = 0
    for (let k = 0; k < first.from; k++) offset += pieces[k]!
    const natural = m.top + offset + pushed
    const head = first.repeated ? pieces.slice(0, first.repeated).reduce((s, x) => s + x, 0) : 0
    const mm = p * SHEET_PITCH_MM - natural + head
    if (mm <= 0.01) return
    if (first.from === 0) spacers.push({ index: first.block, kind: 'block', mm })
    else if (m.rows !== undefined) spacers.push({ index: first.block, kind: 'row', row: first.from, mm })
    else if (m.canSplit) spacers.push({ index: first.block, kind: 'line', line: first.from, lineMm: m.lineMm ?? LINE_MM, mm })
    else return // a split that cannot be shown: the page is drawn, the text runs on
    pushed += mm
  })
  return { pages, spacers, starts }
}

const f = (mm: number) => `${mm.toFixed(3)}mm`

/** The CSS for the spacers, under `scope` (the editable root's selector). */
export function spacerCss(scope: string, spacers: readonly Spacer[]): string {
  return spacers
    .map((s) => {
      const el = `${scope} > :nth-child(${s.index + 1})`
      switch (s.kind) {
        case 'block':
          // padding keeps the text where it is inside its block; a table takes the space as margin
          return `${el}:not(table) { padding-top: ${f(s.mm)} !important; } table${el} { margin-top: ${f(s.mm)} !important; }`
        case 'line': {
          // a float as wide as the line whose shape starts at the split line: lines above it are
          // untouched, the rest of the paragraph goes below it
          const at = s.line * s.lineMm
          return `${el} { display: flow-root; } ${el}::before { content: ''; float: left; width: 100%; height: ${f(at + s.mm)}; shape-outside: inset(calc(${f(at)} + 0.5px) 0 0 0); }`
        }
        case 'row':
          return `${el} tr:nth-child(${s.row + 1}) > * { border-top-width: 0; } ${el} tr:nth-child(${s.row + 1}) > * { padding-top: calc(2pt + ${f(s.mm)}) !important; }`
      }
    })
    .join('\n')
}

/** Where a page's number sits, as the print places it (odd pages right, even pages left). */
export const PAGE_NUMBER_TOP_MM = MARGIN_MM.top + TEXT_BLOCK_MM.height + 7 - ptToMm(20) / 2
