/**
 * A table that goes on to the next page shows its header row again at the top of that page, as the
 * print view repeats it (`thead` cloned by print/pages.ts). The page rules already leave the room
 * (the continuation's first row is pushed down by the header's height); here a copy of the header
 * row is drawn in it, in a layer over the sheets — outside the editable text, so it is only seen,
 * never typed into or selected.
 *
 * The continuation's first row is pushed down by a padding in its cells, so its borders run down
 * from the foot of one page to the top of the next: a mask in the sheet's colours covers them
 * across the margins and the gap between the sheets.
 */
import { MARGIN_MM, PAGE_MM, TEXT_BLOCK_MM } from '../../../shared/output/layout'
import type { FlowPage } from '../../../shared/output/pagination'
import { tableHeaderRows } from '../../../shared/output/tables'
import { SHEET_GAP_MM, SHEET_PITCH_MM } from './layoutPages'

/**
 * How many of an editor table's first rows are its header, repeated on each page it runs on to: a
 * 附表's `<thead>`, and for a writer's table the rule every output follows (shared/output/tables.ts:
 * its first row when more follow), so the page view repeats what the PDF and the DOCX repeat.
 */
export function headerRowsOf(table: HTMLTableElement): number {
  return table.tHead ? table.tHead.rows.length : tableHeaderRows(table.rows.length)
}

const tableOf = (el: Element | undefined): HTMLTableElement | null =>
  !el ? null : el.tagName === 'TABLE' ? (el as HTMLTableElement) : el.querySelector(':scope > table, :scope > .dd-figuretable-box > table')

const mm = (x: number) => `${x.toFixed(3)}mm`

function box(cls: string, top: number, left: number, width: number, height?: number): HTMLDivElement {
  const d = document.createElement('div')
  d.className = cls
  d.style.top = mm(top)
  d.style.left = mm(left)
  d.style.width = mm(width)
  if (height !== undefined) d.style.height = mm(height)
  return d
}

/** A copy of a sheet (white, with its page number) to clip to a margin. */
function maskSheet(sheet: HTMLElement): HTMLElement {
  const copy = sheet.cloneNode(true) as HTMLElement
  copy.className = `pv-mask-sheet ${sheet.classList.contains('even') ? 'even' : 'odd'}`
  copy.removeAttribute('data-page')
  return copy
}

/**
 * Draws, in `layer` (positioned like the sheets), the header rows of every table continued on a
 * page, and the masks over its pushed row. `mmPerPx` converts the (zoomed) rects to mm.
 */
export function drawRepeatedHeads(layer: HTMLElement, root: HTMLElement, pages: readonly FlowPage[], mmPerPx: number): number {
  const drawn: HTMLElement[] = []
  const rootRect = root.getBoundingClientRect()
  const x = (px: number) => (px - rootRect.left) * mmPerPx + MARGIN_MM.left
  pages.forEach((page, p) => {
    const first = page.slices[0]
    if (!first || !first.repeated || first.from === 0) return
    const table = tableOf(root.children[first.block])
    if (!table) return
    const rows = Array.from(table.rows)
    const heads = rows.slice(0, first.repeated)
    const pushed = rows[first.from]
    if (!heads.length || !pushed) return
    const t = table.getBoundingClientRect()
    const left = x(t.left)
    const width = t.width * mmPerPx
    const sheetTop = p * SHEET_PITCH_MM
    // the masks: under the last row on the page before, that sheet's bottom margin (a copy of the
    // sheet clipped to it, page number included), the gap, this sheet's top margin
    const prev = rows[first.from - 1]
    const sheets = layer.parentElement?.querySelectorAll<HTMLElement>(':scope > .pv-sheets > .pv-sheet')
    const before = sheets?.[p - 1]
    const here = sheets?.[p]
    if (prev && before && here) {
      const from = (prev.getBoundingClientRect().bottom - rootRect.top) * mmPerPx + MARGIN_MM.top + 0.3
      const textBottom = sheetTop - SHEET_PITCH_MM + MARGIN_MM.top + TEXT_BLOCK_MM.height
      if (textBottom > from) drawn.push(box('pv-mask', from, left - 1, width + 2, textBottom - from))
      const foot = maskSheet(before)
      foot.style.clipPath = `inset(${mm(MARGIN_MM.top + TEXT_BLOCK_MM.height)} -5mm 0 -5mm)`
      const top = maskSheet(here)
      top.style.clipPath = `inset(-1mm -5mm ${mm(PAGE_MM.height - MARGIN_MM.top)} -5mm)`
      drawn.push(box('pv-mask gap', sheetTop - SHEET_GAP_MM, left - 1, width + 2, SHEET_GAP_MM), foot, top)
    }
    // the header rows, cloned, at the top of this page's text block, columns as wide as the table's
    const head = box('pv-head', sheetTop + MARGIN_MM.top, left, width)
    head.dataset.page = String(p + 1)
    const wrap = table.parentElement?.classList.contains('dd-figuretable-box') ? Object.assign(document.createElement('div'), { className: 'dd-figuretable-box' }) : null
    const copy = table.cloneNode(false) as HTMLTableElement
    copy.removeAttribute('id')
    copy.removeAttribute('style')
    const cols = document.createElement('colgroup')
    for (const cell of Array.from(heads[0]!.cells)) {
      const col = document.createElement('col')
      col.style.width = mm(cell.getBoundingClientRect().width * mmPerPx)
      cols.appendChild(col)
    }
    copy.appendChild(cols)
    const section = document.createElement(heads[0]!.parentElement?.tagName === 'THEAD' ? 'thead' : 'tbody')
    for (const r of heads) {
      const c = r.cloneNode(true) as HTMLTableRowElement
      for (const cell of Array.from(c.cells)) {
        cell.style.removeProperty('padding-top')
        // a writer's table holds paragraphs, set without margins inside the editable text only
        for (const p of Array.from(cell.querySelectorAll('p'))) p.style.margin = '0'
      }
      section.appendChild(c)
    }
    copy.appendChild(section)
    if (wrap) {
      wrap.appendChild(copy)
      head.appendChild(wrap)
    } else head.appendChild(copy)
    drawn.push(head)
  })
  layer.replaceChildren(...drawn)
  return drawn.filter((d) => d.classList.contains('pv-head')).length
}

