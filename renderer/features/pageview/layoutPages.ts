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
import type { OffscreenBlocks } from './offscreen'
import { headerRowsOf } from './repeatedHeads'
import { paginateFrom, repeatedHeight, tightenPages, type FlowBlock, type FlowPage, type PaginateOptions, type Pagination } from '../../../shared/output/pagination'

/** The grey gap between two sheets on screen. */
export const SHEET_GAP_MM = 5
/** From one sheet's top to the next one's. */
export const SHEET_PITCH_MM = PAGE_MM.height + SHEET_GAP_MM
export const LINE_MM = ptToMm(LINE_PITCH_PT)

/**
 * A spacing rule applied to the block at `index` (0-based child of the editable root). `mm` is the
 * push as the screen will show it: with `pixelMm` (one screen pixel, in mm) it is a whole number of
 * pixels (see layoutPages).
 */
export type Spacer =
  | { index: number; kind: 'block'; mm: number; pixelMm?: number }
  | { index: number; kind: 'line'; line: number; lineMm: number; mm: number; pixelMm?: number }
  | { index: number; kind: 'row'; row: number; mm: number; pixelMm?: number }

export interface LayoutOptions extends PaginateOptions {
  /**
   * One screen pixel in mm (the zoom in force). Given, every push is a whole number of pixels and
   * the pages after it are placed from the pushes as they will show (see layoutPages). Omitted
   * (tests of the page rules alone): the exact millimetres.
   */
  pixelMm?: number
}

export interface PageLayout {
  pages: FlowPage[]
  /** to carry the pagination forward after the next edit (layoutPages' `previous`) */
  pagination: Pagination
  spacers: Spacer[]
  /** per page: the first block and piece, to find a page's text (tests, the outline) */
  starts: { block: number; from: number }[]
}

export interface Measured {
  flow: FlowBlock
  /** the block's top without any spacer of ours (mm from the editable root's top) */
  top: number
  /** paragraph lines: the height of one (a split moves the rest down by whole lines) */
  lineMm?: number
  /** tables: the row elements' count (pieces are rows) */
  rows?: number
  /** a mid-block split can be shown (not in a block whose ::before is taken, e.g. a heading number) */
  canSplit: boolean
  /** a paragraph's or heading's own height, spacers aside (mm): what it holds while off screen (offscreen.ts) */
  box?: number
}

/** paragraphs and headings hold no table: no selector query for them (most blocks) */
const TEXT_BLOCK = /^(P|H[1-6])$/
const isTable = (el: Element): HTMLTableElement | null =>
  el.tagName === 'TABLE' ? (el as HTMLTableElement) : TEXT_BLOCK.test(el.tagName) ? null : el.querySelector(':scope > table, :scope > .dd-figuretable-box > table')

/** What one block measured to, kept while its DOM is unchanged. */
interface Facts {
  /** from the previous block's natural end (the root's top for the first) to this block's top, mm */
  gap: number
  /** the block's own height, without any spacer of ours, mm */
  height: number
  /** its pieces as measured (before the gap to the next block is added to the last one) */
  flow: FlowBlock
  lineMm?: number
  rows?: number
  canSplit: boolean
  pagebreak: boolean
  box?: number
}

/** Which blocks to measure again: those whose DOM changed, or all of them. */
export type Dirty = ReadonlySet<Element> | 'all'

/**
 * Measures the editable root's blocks, keeping what each measured to: a block is read again only
 * when its DOM changed (`dirty`: the page view's MutationObserver says which), is new, or follows
 * one that is (the gap between them). A long summary's edit on page 1 reads one paragraph, not
 * hundreds. Spacers in force now (`spacedNow`) are taken off the reading, so the measure is the
 * text's own.
 */
export class BlockMeasurer {
  private facts = new WeakMap<Element, Facts>()
  private mmPerPx = 0
  /** blocks read in the last measure (tests, the benchmark's notes) */
  lastRead = 0

  measure(root: HTMLElement, mmPerPx: number, spacedNow: ReadonlyMap<Element, unknown>, dirty: Dirty, offscreen?: OffscreenBlocks): Measured[] {
    const all = dirty === 'all' || mmPerPx !== this.mmPerPx
    this.mmPerPx = mmPerPx
    const children = root.children
    const n = children.length
    const facts: (Facts | undefined)[] = new Array<Facts | undefined>(n)
    // which blocks to read: first found without touching the layout, then laid out for real (a
    // block skipped off screen holds the size it had), then read
    const toRead: number[] = []
    let prevChanged = false
    for (let i = 0; i < n; i++) {
      const el = children[i]!
      const known = all ? undefined : this.facts.get(el)
      const changed = !known || (dirty !== 'all' && dirty.has(el))
      if (changed || prevChanged) toRead.push(i)
      else facts[i] = known
      prevChanged = changed
    }
    offscreen?.unlock(toRead.map((i) => children[i]!))
    const rootTop = toRead[0] === 0 ? root.getBoundingClientRect().top : 0
    for (const i of toRead) {
      const el = children[i]!
      const prevBottom = i === 0 ? rootTop : children[i - 1]!.getBoundingClientRect().bottom
      const f = readBlock(el as HTMLElement, prevBottom, mmPerPx, spacedNow.has(el))
      this.facts.set(el, f)
      facts[i] = f
    }
    this.lastRead = toRead.length
    return assemble(facts as Facts[])
  }
}

/** One block read from the layout: its gap above, its height and pieces without our spacers. */
function readBlock(el: HTMLElement, prevBottom: number, mmPerPx: number, spaced: boolean): Facts {
  // rects are in zoomed pixels, mmPerPx converts them (measured in the same zoom); computed
  // styles are unzoomed CSS px
  const rect = el.getBoundingClientRect()
  const cls = el.classList
  const table = isTable(el)
  let pad = 0
  let margin = 0
  let lines: number | null = null
  if (spaced) {
    // what a spacer in force adds is read back from the layout itself (computed padding, margin,
    // line boxes), never assumed; a padding is written a 128th of a pixel long (applySpacers)
    const cs = getComputedStyle(el)
    pad = pushOf(cs.paddingTop, mmPerPx)
    if (el.tagName === 'TABLE') margin = pushOf(cs.marginTop, mmPerPx)
    if (cls.contains('pv-split')) lines = linesHeight(el, mmPerPx)
  }
  // where the block would start without spacers: the previous one's natural end, plus the gap
  // (margins) between them as laid out
  const gap = (rect.top - prevBottom) * mmPerPx - margin
  const height = lines !== null ? lines : Math.max(0, rect.height * mmPerPx - pad)
  if (cls.contains('dd-pagebreak')) return { gap, height, flow: { pieces: [] }, canSplit: false, pagebreak: true }
  if (table) {
    const rows = Array.from(table.rows)
    const rowPad = (r: HTMLTableRowElement) => (spaced && r.cells[0] ? Math.max(0, pushOf(getComputedStyle(r.cells[0]).paddingTop, mmPerPx) - CELL_PAD_MM) : 0)
    const pieces = rows.map((r) => Math.max(0.1, r.getBoundingClientRect().height * mmPerPx - rowPad(r)))
    const head = headerRowsOf(table)
    // what stands above the first row (the 附表's caption) moves with it, and does not repeat
    const above = table === el ? 0 : Math.max(0, (table.getBoundingClientRect().top - rect.top) * mmPerPx - pad)
    const repeatHeight = head ? pieces.slice(0, head).reduce((a, b) => a + b, 0) : 0
    if (pieces.length && above > 0) pieces[0] = pieces[0]! + above
    return {
      gap,
      // the table's own height, without the spacing pushed into its rows
      height: pieces.length ? pieces.reduce((a, b) => a + b, 0) : height,
      flow: { pieces: pieces.length ? pieces : [height], splittable: pieces.length > 1, repeatHead: head, ...(above > 0 && head ? { repeatHeight } : {}), minHead: head + 2, minTail: 2, rigid: true },
      rows: rows.length,
      canSplit: true,
      pagebreak: false,
    }
  }
  if (cls.contains('dd-paragraph') || cls.contains('dd-heading') || cls.contains('dd-title') || cls.contains('dd-subtitle')) {
    const lineMm = cls.contains('dd-title') ? lineOf(el, mmPerPx) : LINE_MM
    const count = Math.max(1, Math.round(height / lineMm))
    const piece = height / count
    const pieces = Array.from({ length: count }, () => piece)
    const heading = cls.contains('dd-heading')
    const runIn = heading && !!el.querySelector('.dd-runin')
    const flow: FlowBlock = heading && !runIn
      ? { pieces, keepWithNext: true }
      : cls.contains('dd-title') || cls.contains('dd-subtitle')
        ? { pieces, keepWithNext: true }
        : { pieces, splittable: !runIn, minHead: 2, minTail: 2 }
    const box = cls.contains('dd-paragraph') || heading ? height : undefined
    return { gap, height, flow, lineMm: piece, canSplit: cls.contains('dd-paragraph'), pagebreak: false, ...(box !== undefined ? { box } : {}) }
  }
  return { gap, height, flow: { pieces: [height] }, canSplit: false, pagebreak: false }
}

/**
 * The blocks' positions and flows from what each measured to. Each block's pieces reach down to
 * where the next block starts (its margins, the title's blank line); that reach is summed from the
 * blocks' own gaps and heights (never a difference of positions), so a block whose neighbours did
 * not change gets the very same pieces — the pagination can tell where a flow changed.
 */
function assemble(facts: readonly Facts[]): Measured[] {
  const n = facts.length
  const out: Measured[] = new Array<Measured>(n)
  let top = 0
  for (let i = 0; i < n; i++) {
    const f = facts[i]!
    top = i === 0 ? f.gap : top + facts[i - 1]!.height + f.gap
    out[i] = { flow: f.flow, top, canSplit: f.canSplit, ...(f.lineMm !== undefined ? { lineMm: f.lineMm } : {}), ...(f.rows !== undefined ? { rows: f.rows } : {}), ...(f.box !== undefined ? { box: f.box } : {}) }
  }
  // walked from the end, so finding the next block is not a search (a long summary has hundreds)
  let reach: number | null = null // from the end of block i + 1 to the next block with pieces
  for (let i = n - 1; i >= 0; i--) {
    const f = facts[i]!
    const below: number | null = i + 1 < n && reach !== null ? facts[i + 1]!.gap + reach : null
    if (f.flow.pieces.length) {
      if (below !== null) {
        const pieces = f.flow.pieces
        const extra = f.height - pieces.reduce((s, p) => s + p, 0) + below
        if (extra > 0.05) {
          const longer = [...pieces]
          longer[longer.length - 1] = longer[longer.length - 1]! + extra
          out[i]!.flow = { ...f.flow, pieces: longer }
        }
      }
      reach = 0
    } else reach = below === null ? null : f.height + below
  }
  // a page break starts a page with the block after it
  for (let i = 0; i + 1 < n; i++) if (facts[i]!.pagebreak) out[i + 1]!.flow = { ...out[i + 1]!.flow, breakBefore: true }
  return out
}

/** Measures every block afresh (tests; the page view keeps a BlockMeasurer). */
export function measureBlocks(root: HTMLElement, mmPerPx: number, spacedNow: ReadonlyMap<Element, unknown>): Measured[] {
  return new BlockMeasurer().measure(root, mmPerPx, spacedNow, 'all')
}

const cssMm = (px: string) => ((parseFloat(px) || 0) * 25.4) / 96
/** A padding or margin of ours as laid out: what was written less the 128th of a pixel added to it */
const pushOf = (px: string, mmPerPx: number) => {
  const mm = cssMm(px)
  return mm > 0 ? Math.max(0, mm - mmPerPx / 128) : 0
}
/** a table cell's own top padding (document.css: 2pt) */
const CELL_PAD_MM = ptToMm(2)

/**
 * The height of a paragraph's lines, a float of ours aside: its line boxes counted from its text's
 * rects, times their pitch as laid out (the most common step from one line's top to the next; the
 * step across the float is longer). Read from the layout, never assumed: a pitch of 28.95 pt is
 * 38.59375 px in the browser's units, and a grid pitch summed over the split paragraphs of a
 * hundred pages would be off by pixels.
 */
function linesHeight(el: HTMLElement, mmPerPx: number): number {
  const range = document.createRange()
  range.selectNodeContents(el)
  const rects = Array.from(range.getClientRects(), (r) => r.top).sort((a, b) => a - b)
  if (!rects.length) return LINE_MM
  const half = LINE_MM / mmPerPx / 2
  // each line's top: the first rect of a run of rects less than half a line apart
  const tops = [rects[0]!]
  for (let k = 1; k < rects.length; k++) if (rects[k]! - rects[k - 1]! > half) tops.push(rects[k]!)
  if (tops.length < 2) return LINE_MM
  const steps = tops.slice(1).map((t, k) => t - tops[k]!).sort((a, b) => a - b)
  // the median step (the float's step is the longest one)
  const pitch = steps[Math.floor((steps.length - 1) / 2)]!
  return tops.length * pitch * mmPerPx
}

/** A title's line: its computed line height (it is set on the grid, but a theme may differ). */
function lineOf(el: HTMLElement, mmPerPx: number): number {
  const lh = parseFloat(getComputedStyle(el).lineHeight)
  if (!Number.isFinite(lh) || lh <= 0) return LINE_MM
  // computed values are unzoomed CSS px: 1 CSS px = 25.4/96 mm
  void mmPerPx
  return (lh * 25.4) / 96
}

/**
 * Pages and the spacers that put every page's first line at the top of its sheet's text block.
 * With the `previous` layout's pagination, only the pages from the first changed block on are
 * placed again (and only until the breaks line up with the previous ones). `tightest`: the last
 * page may close up its lines (GB/T 9704 §7.3.5.4) rather than carry the 落款 over alone.
 *
 * With `pixelMm`, pushes are whole screen pixels. The browser moves the lines below a float down
 * in whole pixels from where they would be (a break inside a paragraph is a float, see
 * applySpacers): a push of 20.3 px shows as 21. Asked for in whole pixels, each push shows as
 * asked, and each page's push is worked out from where the pushes before it really put the text
 * (`pushed` sums the rounded ones): every page's first line is within half a pixel of its sheet's
 * top line, on page 1 as on page 120 — the rounding never adds up.
 */
export function layoutPages(measured: readonly Measured[], previous: Pagination | null = null, options: LayoutOptions = {}): PageLayout {
  const q = options.pixelMm
  const snap = (mm: number) => (q ? Math.round(mm / q) * q : mm)
  const flows = measured.map((m) => m.flow)
  const pagination = paginateFrom(previous, flows, TEXT_BLOCK_MM.height)
  const pages = options.tightest !== undefined ? tightenPages(pagination.pages, flows, TEXT_BLOCK_MM.height, options.tightest) : pagination.pages
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
    const head = repeatedHeight(m.flow, first.repeated)
    const mm = snap(p * SHEET_PITCH_MM - natural + head)
    if (mm <= 0.01) return
    const px = q ? { pixelMm: q } : {}
    if (first.from === 0) spacers.push({ index: first.block, kind: 'block', mm, ...px })
    else if (m.rows !== undefined) spacers.push({ index: first.block, kind: 'row', row: first.from, mm, ...px })
    else if (m.canSplit) spacers.push({ index: first.block, kind: 'line', line: first.from, lineMm: m.lineMm ?? LINE_MM, mm, ...px })
    else return // a split that cannot be shown: the page is drawn, the text runs on
    pushed += mm
  })
  return { pages, pagination, spacers, starts }
}

/** Where the page model puts one piece (a paragraph's line, a table's row). */
export interface PieceTop {
  block: number
  piece: number
  /** from the top of its sheet */
  mm: number
}

/**
 * Where the page model puts the pieces of page `p` (0-based), from its sheet's top: what the
 * screen must show (tests compare the two). A page closed up for the 落款 (tighten.ts) is at the
 * normal pitch here.
 */
export function pieceTops(layout: PageLayout, measured: readonly Measured[], p: number): PieceTop[] {
  const page = layout.pages[p]
  if (!page) return []
  const out: PieceTop[] = []
  let y = MARGIN_MM.top
  for (const slice of page.slices) {
    const m = measured[slice.block]
    if (!m) continue
    y += repeatedHeight(m.flow, slice.repeated)
    for (let k = slice.from; k < slice.to; k++) {
      out.push({ block: slice.block, piece: k, mm: y })
      y += m.flow.pieces[k] ?? 0
    }
  }
  return out
}

/** Two sets of spacers put the same lines on the same pages, within `tolerance` mm (at the same zoom). */
export function sameSpacers(a: readonly Spacer[], b: readonly Spacer[], tolerance = 0.3): boolean {
  if (a.length !== b.length) return false
  return a.every((x, i) => {
    const y = b[i]!
    if (x.index !== y.index || x.kind !== y.kind || x.pixelMm !== y.pixelMm || Math.abs(x.mm - y.mm) > tolerance) return false
    if (x.kind === 'line' && y.kind === 'line') return x.line === y.line
    if (x.kind === 'row' && y.kind === 'row') return x.row === y.row
    return true
  })
}

const f = (mm: number) => `${mm.toFixed(4)}mm`
/**
 * What a padding is written as: a 128th of a pixel more than the push, so that however the browser
 * rounds the length to its layout unit (a 64th of a pixel), it is the push, never a unit short.
 */
const padMm = (s: Spacer) => s.mm + (s.pixelMm ?? 0) / 128
/**
 * A split's float ends half a pixel above the push: the lines below it step down in whole pixels
 * from where they would be until they clear it, so they land exactly `mm` lower (see layoutPages).
 */
const floatMm = (s: Spacer) => s.mm - (s.pixelMm ?? 0) / 2

/**
 * Puts the spacers on the blocks: a padding above a block (a margin above a table), a float that
 * pushes a paragraph's lines from `line` on down (the class pv-split, see pageview.css), a padding
 * in a table row's cells. Only blocks whose spacer changed are touched — a style change is all the
 * browser lays out again. Returns the elements now spaced (to undo next time) and how many changed.
 */
export function applySpacers(root: HTMLElement, spacers: readonly Spacer[], before: Map<Element, string>): { spaced: Map<Element, string>; touched: number } {
  const now = new Map<Element, string>()
  let touched = 0
  // a block may carry several (a table moved to a new page and continued on more)
  const wanted = new Map<Element, Spacer[]>()
  for (const s of spacers) {
    const el = root.children[s.index]
    if (el) wanted.set(el, [...(wanted.get(el) ?? []), s])
  }
  const key = (list: readonly Spacer[]) => list.map((s) => `${s.kind}:${s.kind === 'line' ? s.line : s.kind === 'row' ? s.row : ''}:${s.mm.toFixed(4)}:${s.pixelMm ?? 0}`).join(' ')
  for (const [el] of before) {
    if (wanted.has(el) && before.get(el) === key(wanted.get(el)!)) continue
    clearSpacer(el as HTMLElement)
    touched++
  }
  for (const [el, list] of wanted) {
    const k = key(list)
    now.set(el, k)
    if (before.get(el) === k) continue
    touched++
    const h = el as HTMLElement
    for (const s of list) {
      if (s.kind === 'block') {
        if (h.tagName === 'TABLE') h.style.marginTop = f(padMm(s))
        else h.style.paddingTop = f(padMm(s))
      } else if (s.kind === 'line') {
        if (!h.classList.contains('dd-paragraph')) continue
        const at = s.line * s.lineMm
        h.style.setProperty('--pv-at', f(at))
        h.style.setProperty('--pv-h', f(at + floatMm(s)))
        h.classList.add('pv-split')
      } else {
        const row = (isTable(h)?.rows ?? [])[s.row]
        for (const cell of row?.cells ?? []) cell.style.paddingTop = `calc(2pt + ${f(padMm(s))})`
      }
    }
  }
  return { spaced: now, touched }
}

function clearSpacer(el: HTMLElement): void {
  el.style.removeProperty('padding-top')
  el.style.removeProperty('margin-top')
  el.style.removeProperty('--pv-at')
  el.style.removeProperty('--pv-h')
  el.classList.remove('pv-split')
  const table = isTable(el)
  if (table) for (const row of Array.from(table.rows)) for (const cell of Array.from(row.cells)) cell.style.removeProperty('padding-top')
  if (!el.getAttribute('style')) el.removeAttribute('style')
  if (!el.getAttribute('class')) el.removeAttribute('class')
}

/** Takes every spacer off (page view turned off, the editor closed). */
export function clearSpacers(spaced: Map<Element, string>): void {
  for (const [el] of spaced) clearSpacer(el as HTMLElement)
}

/** Where a page's number sits, as the print places it (odd pages right, even pages left). */
export const PAGE_NUMBER_TOP_MM = MARGIN_MM.top + TEXT_BLOCK_MM.height + 7 - ptToMm(20) / 2
