/**
 * The printed pages, built in the page itself: the one place the print view's flow (the HTML of
 * shared/output/printHtml.ts) becomes A4 sheets. The print preview calls it on its frame; the PDF
 * printers (headless Chromium for the CLI and the browser shell, Electron's printToPDF) run the same
 * code as the script the print HTML carries (print/script.ts), so the preview and the PDF are the
 * same pages by construction.
 *
 * Three steps, reads before writes so the browser lays the flow out once:
 * 1. measure every block of the flow at the text block's width (a paragraph's lines, a table's
 *    rows, a heading, the title, the signature block with its seal);
 * 2. cut them into pages with the rules of shared/output/pagination.ts (headings with the next
 *    block, widows and orphans, table headers repeated, the signature never alone);
 * 3. build one `.page` box per sheet: paragraphs split at the measured line (the first part fully
 *    justified, the rest without indent), tables split between rows with their header cloned.
 *
 * DOM code, so it lives outside shared/ (which is pure) and outside renderer/ (which the printers
 * do not load): see docs/output.md.
 */
import { paginate, type FlowBlock, type FlowPage } from '../shared/output/pagination'
import { SIGNATURE, TEXT_BLOCK_MM } from '../shared/output/layout'

export interface PagesOptions {
  /** called after each slice with the pages built so far */
  onProgress?: (pages: number, done: boolean) => void
  /** pages built per slice after the first (0: every page at once, as printing needs) */
  sliceSize?: number
}

export interface PagesResult {
  pages: number
  /** 1-based numbers of the pages where a rule had to give way (出稿检查 reports them) */
  forced: number[]
  /** 1-based numbers of the pages set at a closer line pitch to keep the 落款 with the body (§7.3.5.4) */
  tightened: number[]
}

export interface PagesRun {
  done: Promise<PagesResult>
  cancel(): void
}

const PX_PER_MM = 96 / 25.4

type Kind = 'lines' | 'rows' | 'whole'

interface Unit {
  el: HTMLElement
  kind: Kind
  block: FlowBlock
  /** 'lines': the top of the element and the line height (px) */
  top?: number
  lineHeight?: number
}

/** The flow's blocks, in order: a figure table's caption and table are two; page breaks become flags. */
function collectUnits(source: HTMLElement): Unit[] {
  const units: Unit[] = []
  let breakBefore = false
  for (const child of Array.from(source.children) as HTMLElement[]) {
    if (child.classList.contains('pb')) {
      breakBefore = true
      child.remove()
      continue
    }
    const cls = child.classList
    let kind: Kind = 'whole'
    const block: FlowBlock = { pieces: [] }
    if (child.tagName === 'TABLE') {
      kind = 'rows'
      const head = (child as HTMLTableElement).tHead?.rows.length ?? 0
      // rows keep their height on a tightened page (only lines of text close up)
      Object.assign(block, { splittable: true, repeatHead: head, minHead: head + 2, minTail: 2, rigid: true })
    } else if (cls.contains('p') || cls.contains('runin')) {
      kind = 'lines'
      Object.assign(block, { splittable: true, minHead: 2, minTail: 2 })
    } else if (cls.contains('title') || cls.contains('subtitle') || cls.contains('blank') || cls.contains('caption') || /^H[2-6]$/.test(child.tagName)) {
      block.keepWithNext = true
    }
    if (breakBefore) block.breakBefore = true
    breakBefore = false
    units.push({ el: child, kind, block })
  }
  // the last body block goes over with the signature block (never a signature alone on a page)
  const sig = units.findIndex((u) => u.el.classList.contains('sig'))
  if (sig >= 0) units[sig]!.block.rigid = true
  if (sig > 0) {
    const last = units[sig - 1]!.block
    last.keepWithNext = true
    last.minTail = Math.max(2, last.minTail ?? 1)
  }
  return units
}

/** Heights of each unit's pieces (px), all read in one layout. */
function measure(units: Unit[]): void {
  for (const u of units) {
    const r = u.el.getBoundingClientRect()
    if (u.kind === 'lines') {
      const lh = parseFloat(getComputedStyle(u.el).lineHeight) || r.height
      const n = Math.max(1, Math.round(r.height / lh))
      u.top = r.top
      u.lineHeight = r.height / n
      u.block.pieces = Array.from({ length: n }, () => r.height / n)
    } else if (u.kind === 'rows') {
      const rows = Array.from((u.el as HTMLTableElement).rows)
      const tops = rows.map((row) => row.getBoundingClientRect().top)
      u.block.pieces = rows.length ? tops.map((t, i) => (i + 1 < tops.length ? tops[i + 1]! : r.bottom) - (i === 0 ? r.top : t)) : [r.height]
    } else {
      // the seal reaches below the date: the block takes the room its ink needs
      let bottom = r.bottom
      for (const img of Array.from(u.el.querySelectorAll('img'))) bottom = Math.max(bottom, img.getBoundingClientRect().bottom)
      u.block.pieces = [bottom - r.top]
    }
  }
}

interface TextPoint {
  node: Text
  offset: number
}

/** Where line `k` (0-based) of a measured paragraph starts: the first character whose centre is below its top. */
function lineStart(u: Unit, k: number): TextPoint | null {
  const el = u.el
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).length) nodes.push(n as Text)
  const total = nodes.reduce((s, n) => s + n.length, 0)
  if (!total) return null
  const at = (i: number): TextPoint => {
    for (const node of nodes) {
      if (i < node.length) return { node, offset: i }
      i -= node.length
    }
    const last = nodes[nodes.length - 1]!
    return { node: last, offset: last.length }
  }
  const range = el.ownerDocument.createRange()
  const centre = (i: number): number => {
    const p = at(i)
    range.setStart(p.node, p.offset)
    range.setEnd(p.node, p.offset + 1)
    const rects = range.getClientRects()
    const rect = rects[rects.length - 1] ?? range.getBoundingClientRect()
    // a character without a box (a collapsed space) counts as being on the line before
    return rect.height ? rect.top + rect.height / 2 : -Infinity
  }
  const boundary = u.top! + k * u.lineHeight!
  let lo = 0
  let hi = total
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (centre(mid) > boundary) hi = mid
    else lo = mid + 1
  }
  return lo >= total ? null : at(lo)
}

/** Cuts a paragraph at the given points (in order): the element keeps the first part; returns every part. */
function splitLines(el: HTMLElement, points: (TextPoint | null)[]): HTMLElement[] {
  const parts: HTMLElement[] = []
  // from the last point back, so the earlier points stay valid
  for (let j = points.length - 1; j >= 0; j--) {
    const p = points[j]
    if (!p) {
      parts.unshift(emptyPart(el))
      continue
    }
    const range = el.ownerDocument.createRange()
    range.setStart(p.node, p.offset)
    range.setEnd(el, el.childNodes.length)
    const rest = el.cloneNode(false) as HTMLElement
    rest.appendChild(range.extractContents())
    rest.removeAttribute('id')
    parts.unshift(rest)
  }
  parts.unshift(el)
  parts.forEach((part, i) => {
    if (i < parts.length - 1) part.classList.add('split')
    if (i > 0) part.classList.add('cont')
  })
  return parts
}

const emptyPart = (el: HTMLElement) => {
  const e = el.cloneNode(false) as HTMLElement
  e.appendChild(el.ownerDocument.createElement('br'))
  return e
}

/** One table's slices: rows [from, to) each in a shallow copy, the header cloned above continuations. */
function splitRows(table: HTMLTableElement, slices: { from: number; to: number; repeated: number }[]): HTMLTableElement[] {
  const rows = Array.from(table.rows)
  const head = table.tHead
  return slices.map((s) => {
    const t = table.cloneNode(false) as HTMLTableElement
    if (s.from > 0) t.classList.add('cont')
    let from = s.from
    if (head && s.from === 0) {
      t.appendChild(head)
      from = head.rows.length
    } else if (head && s.repeated) t.appendChild(head.cloneNode(true))
    const body = table.ownerDocument.createElement('tbody')
    for (let i = from; i < s.to; i++) body.appendChild(rows[i]!)
    t.appendChild(body)
    return t
  })
}

function pageBox(doc: Document, n: number, mark: string | undefined): { page: HTMLElement; area: HTMLElement } {
  const page = doc.createElement('section')
  page.className = `page ${n % 2 ? 'odd' : 'even'}`
  page.dataset.page = String(n)
  const area = doc.createElement('div')
  area.className = 'area dd-doc'
  const pn = doc.createElement('div')
  pn.className = 'pn'
  pn.textContent = `— ${n} —`
  page.append(area, pn)
  if (mark) {
    const fm = doc.createElement('div')
    fm.className = 'fm'
    fm.textContent = mark
    page.append(fm)
  }
  return { page, area }
}

/**
 * Lays the print view of `doc` out as pages in `container` (default: a `.pages` element appended to
 * the body). Page 1 is built at once; the rest in slices of `sliceSize` (0: all at once).
 */
export function layoutPages(doc: Document, container?: HTMLElement, opts: PagesOptions = {}): PagesRun {
  const source = doc.querySelector<HTMLElement>('main.dd-doc')
  if (!source) throw new Error('layoutPages: no main.dd-doc in the print view')
  const mark = source.dataset.mark || undefined
  const box = container ?? doc.body.appendChild(Object.assign(doc.createElement('div'), { className: 'pages' }))

  const units = collectUnits(source)
  measure(units)
  const pageHeight = TEXT_BLOCK_MM.height * PX_PER_MM
  // §7.3.5.4: a 落款 that would just spill over closes up its page's lines rather than leave it
  const pages: FlowPage[] = paginate(units.map((u) => u.block), pageHeight, { tightest: SIGNATURE.tightestPitch })

  // every cut of a paragraph, found while the flow is still laid out (reads before writes)
  const cuts = new Map<number, (TextPoint | null)[]>()
  const tableSlices = new Map<number, { from: number; to: number; repeated: number }[]>()
  for (const p of pages)
    for (const s of p.slices) {
      const u = units[s.block]!
      if (u.kind === 'lines' && s.from > 0) {
        const list = cuts.get(s.block) ?? []
        list.push(lineStart(u, s.from))
        cuts.set(s.block, list)
      }
      if (u.kind === 'rows') {
        const list = tableSlices.get(s.block) ?? []
        list.push(s)
        tableSlices.set(s.block, list)
      }
    }
  const parts = new Map<number, HTMLElement[]>()
  for (const [b, points] of cuts) parts.set(b, splitLines(units[b]!.el, points))
  for (const [b, slices] of tableSlices) parts.set(b, splitRows(units[b]!.el as HTMLTableElement, slices))
  source.style.display = 'none'

  const used = new Map<number, number>()
  const partOf = (b: number): HTMLElement => {
    const list = parts.get(b)
    if (!list) return units[b]!.el
    const k = used.get(b) ?? 0
    used.set(b, k + 1)
    return list[k]!
  }
  const forced = pages.flatMap((p, i) => (p.forced ? [i + 1] : []))
  const tightened = pages.flatMap((p, i) => (p.pitch !== undefined && p.pitch < 1 ? [i + 1] : []))
  let built = 0
  let cancelled = false
  const build = (upTo: number) => {
    const frag = doc.createDocumentFragment()
    for (; built < Math.min(upTo, pages.length); built++) {
      const { page, area } = pageBox(doc, built + 1, mark)
      if (pages[built]!.forced) page.dataset.forced = 'true'
      const pitch = pages[built]!.pitch
      if (pitch !== undefined && pitch < 1) {
        page.classList.add('tight')
        page.dataset.pitch = pitch.toFixed(4)
        page.style.setProperty('--dd-pitch', pitch.toFixed(4))
      }
      for (const s of pages[built]!.slices) area.appendChild(partOf(s.block))
      frag.appendChild(page)
    }
    box.appendChild(frag)
  }

  let resolve!: (r: PagesResult) => void
  const done = new Promise<PagesResult>((r) => (resolve = r))
  const finish = () => {
    opts.onProgress?.(built, true)
    resolve({ pages: pages.length, forced, tightened })
  }
  const slice = opts.sliceSize ?? 0
  build(slice > 0 ? 1 : pages.length)
  if (built >= pages.length) finish()
  else {
    opts.onProgress?.(built, false)
    const next = () => {
      if (cancelled) return resolve({ pages: built, forced, tightened })
      build(built + slice)
      if (built >= pages.length) finish()
      else {
        opts.onProgress?.(built, false)
        setTimeout(next, 0)
      }
    }
    setTimeout(next, 0)
  }
  return {
    done,
    cancel: () => {
      cancelled = true
    },
  }
}
