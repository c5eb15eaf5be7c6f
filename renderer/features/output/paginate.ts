/**
 * The print preview's pages: the print view's flow (the same HTML the PDF is printed from) cut into
 * A4 pages in the browser, the way Chromium's print does it — 22 grid lines a page, paragraphs split
 * at a line (the first part fully justified, the rest without indent), tables split between rows, a
 * standalone heading never left last on a page, page breaks honoured. Page 1 is laid out first and
 * shown; the rest follow in slices so the preview opens at once.
 */

export interface PaginateOptions {
  /** "定稿 3f2a-9c1e-77b0 · 报送稿", printed small at the foot of each page */
  finalMark?: string
  /** called after each slice with the pages so far */
  onProgress?: (pages: number, done: boolean) => void
  /** pages laid out per slice after the first */
  sliceSize?: number
}

export interface Pagination {
  /** resolves with the page count when every page is laid out */
  done: Promise<number>
  cancel(): void
}

const STANDALONE_HEADING = /^H[2-5]$/

function pageShell(doc: Document, n: number, finalMark?: string): { page: HTMLElement; area: HTMLElement } {
  const page = doc.createElement('section')
  page.className = `page ${n % 2 ? 'odd' : 'even'}`
  page.dataset.page = String(n)
  const area = doc.createElement('div')
  area.className = 'area dd-doc'
  const pn = doc.createElement('div')
  pn.className = 'pn'
  pn.textContent = `— ${n} —`
  page.append(area, pn)
  if (finalMark) {
    const fm = doc.createElement('div')
    fm.className = 'fm'
    fm.textContent = finalMark
    page.append(fm)
  }
  return { page, area }
}

const overflows = (area: HTMLElement) => area.scrollHeight > area.clientHeight + 1

/** The first character position of `el` whose line does not fit above `limit` (viewport y), or null. */
function splitPoint(el: HTMLElement, limit: number): { node: Text; offset: number } | null {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).length) nodes.push(n as Text)
  const total = nodes.reduce((s, n) => s + n.length, 0)
  if (!total) return null
  const range = el.ownerDocument.createRange()
  const at = (i: number): { node: Text; offset: number } => {
    for (const node of nodes) {
      if (i < node.length) return { node, offset: i }
      i -= node.length
    }
    const last = nodes[nodes.length - 1]!
    return { node: last, offset: last.length - 1 }
  }
  const bottom = (i: number) => {
    const { node, offset } = at(i)
    range.setStart(node, offset)
    range.setEnd(node, offset + 1)
    const rects = range.getClientRects()
    const r = rects[rects.length - 1] ?? range.getBoundingClientRect()
    return r.bottom
  }
  // the first index whose character ends below the limit (lines come in order)
  let lo = 0
  let hi = total
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (bottom(mid) > limit + 0.5) hi = mid
    else lo = mid + 1
  }
  if (lo >= total) return null
  return at(lo)
}

/** Splits a text block at `point`: `el` keeps what fits, the returned clone holds the rest. */
function splitText(el: HTMLElement, point: { node: Text; offset: number }): HTMLElement {
  const range = el.ownerDocument.createRange()
  range.setStart(point.node, point.offset)
  range.setEnd(el, el.childNodes.length)
  const rest = el.cloneNode(false) as HTMLElement
  rest.appendChild(range.extractContents())
  el.classList.add('split')
  rest.classList.add('cont')
  rest.removeAttribute('id')
  return rest
}

/** Splits a table between rows; null when not even the first row fits. */
function splitTable(table: HTMLTableElement, limit: number): HTMLTableElement | null {
  const rows = Array.from(table.tBodies.length ? table.tBodies[0]!.rows : table.rows).filter((r) => r.parentElement?.tagName !== 'THEAD')
  const first = rows.findIndex((r) => r.getBoundingClientRect().bottom > limit + 0.5)
  if (first <= 0) return null
  const rest = table.cloneNode(false) as HTMLTableElement
  if (table.tHead) rest.appendChild(table.tHead.cloneNode(true))
  const body = table.ownerDocument.createElement('tbody')
  for (const r of rows.slice(first)) body.appendChild(r)
  rest.appendChild(body)
  return rest
}

export function paginate(doc: Document, container: HTMLElement, opts: PaginateOptions = {}): Pagination {
  const source = doc.querySelector<HTMLElement>('main.dd-doc')
  if (!source) throw new Error('paginate: no main.dd-doc in the print view')
  source.style.display = 'none'
  let cancelled = false
  let count = 0
  let current = pageShell(doc, ++count, opts.finalMark)
  container.appendChild(current.page)

  const newPage = () => {
    current = pageShell(doc, ++count, opts.finalMark)
    container.appendChild(current.page)
  }
  const limit = () => current.area.getBoundingClientRect().top + current.area.clientHeight

  /** Places one block; returns the remainder to place next (split off), if any. */
  const place = (el: HTMLElement): HTMLElement | null => {
    if (el.classList.contains('pb')) {
      el.remove()
      if (current.area.childElementCount) newPage()
      return null
    }
    const area = current.area
    area.appendChild(el)
    if (!overflows(area)) return null
    const alone = area.firstElementChild === el
    let rest: HTMLElement | null = null
    const table = el.tagName === 'TABLE' ? (el as HTMLTableElement) : el.querySelector('table')
    if (table && !el.classList.contains('sig')) {
      const restTable = splitTable(table, limit())
      if (restTable) {
        if (table === el) rest = restTable
        else {
          rest = el.cloneNode(false) as HTMLElement
          rest.appendChild(restTable)
        }
      }
    } else if (!el.classList.contains('sig') && !el.classList.contains('title')) {
      const point = splitPoint(el, limit())
      if (point) {
        const probe = el.ownerDocument.createRange()
        probe.setStart(el, 0)
        probe.setEnd(point.node, point.offset)
        if (!probe.collapsed && probe.toString().length > 0) rest = splitText(el, point)
      }
    }
    if (rest) {
      newPage()
      return rest
    }
    if (alone) {
      newPage() // cannot fit even an empty page: it stays (clipped) and the flow goes on
      return null
    }
    // nothing of it fits: the whole block goes to the next page, with a standalone heading before it
    el.remove()
    const prev = area.lastElementChild as HTMLElement | null
    newPage()
    if (prev && STANDALONE_HEADING.test(prev.tagName) && area.childElementCount > 1) current.area.appendChild(prev)
    return el
  }

  const step = (pages: number): boolean => {
    const stopAt = count + pages
    while (!cancelled && count < stopAt) {
      const next = source.firstElementChild as HTMLElement | null
      if (!next) return true
      let rest: HTMLElement | null = next
      while (rest) rest = place(rest)
    }
    return !source.firstElementChild
  }

  let resolve!: (n: number) => void
  const done = new Promise<number>((r) => (resolve = r))
  const finish = () => {
    // a trailing empty page (after a page break at the end) is dropped
    if (count > 1 && !current.area.childElementCount) {
      current.page.remove()
      count--
    }
    opts.onProgress?.(count, true)
    resolve(count)
  }
  if (step(1)) finish()
  else {
    opts.onProgress?.(count, false)
    const slice = () => {
      if (cancelled) return resolve(count)
      if (step(opts.sliceSize ?? 8)) finish()
      else {
        opts.onProgress?.(count, false)
        setTimeout(slice, 0)
      }
    }
    setTimeout(slice, 0)
  }
  return {
    done,
    cancel: () => {
      cancelled = true
    },
  }
}
