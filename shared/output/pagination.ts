/**
 * Where the pages break: one pure function shared by every view of the page — the print preview and
 * the PDF (which print the same paginated pages), the editor's page view, and 出稿检查. The caller
 * measures its blocks (in whatever layout engine it has: a browser, a test) and passes heights; the
 * rules of the page live here once:
 *
 * - a block that may split breaks between pieces (a paragraph's lines, a table's rows), keeping at
 *   least `minHead` pieces before the break and `minTail` after it (orphans and widows);
 * - `keepWithNext` keeps a block on the page where the next one starts (a heading is never the last
 *   thing on a page; the last body lines go over with the signature block, so the signature never
 *   stands on a page without body text);
 * - `repeatHead` pieces (a table's header row) repeat at the top of each continuation page;
 * - `breakBefore` starts a page (the writer's page break).
 *
 * When the rules cannot all hold (a heading chain taller than a page, one row taller than a page),
 * the flow still goes on — each page takes at least one piece — and the page is reported `forced`.
 */

export interface FlowBlock {
  /** Heights of the block's unbreakable pieces, in order, in any unit (the same as `pageHeight`). */
  pieces: readonly number[]
  /** May break between pieces (body text, tables); otherwise the block moves whole. */
  splittable?: boolean
  /** Pieces kept before a break (the first part of a split); default 1. */
  minHead?: number
  /** Pieces kept after a break (the last part of a split); default 1. */
  minTail?: number
  /** Stays on the page where the next block starts (never the last thing on a page). */
  keepWithNext?: boolean
  /** The first `repeatHead` pieces repeat at the top of each continuation page (a table's header). */
  repeatHead?: number
  /** Starts a new page (unless the current page is still empty). */
  breakBefore?: boolean
}

/** A run of one block's pieces on a page: pieces [from, to), with `repeated` header pieces above. */
export interface PageSlice {
  block: number
  from: number
  to: number
  /** header pieces repeated above this continuation (0 on the block's first page) */
  repeated: number
}

export interface FlowPage {
  slices: PageSlice[]
  /** the height used */
  height: number
  /** a rule had to give way on this page (see the module comment) */
  forced: boolean
}

const sum = (xs: readonly number[], from = 0, to = xs.length): number => {
  let s = 0
  for (let i = from; i < to; i++) s += xs[i]!
  return s
}

/** Heights are compared with a little slack: measured layouts carry sub-pixel rounding. */
const EPSILON = 0.01

export function paginate(blocks: readonly FlowBlock[], pageHeight: number): FlowPage[] {
  return flow(blocks, pageHeight, null).pages
}

/** Where the flow stood when a block began: its page, that page's slices and height so far. */
export interface FlowMark {
  page: number
  slices: number
  height: number
  forced: boolean
}

/** A pagination that can be carried forward after an edit (paginateFrom). */
export interface Pagination {
  blocks: readonly FlowBlock[]
  pageHeight: number
  pages: FlowPage[]
  /** per block: the flow's state just before it was placed; one more for the end of the flow */
  marks: FlowMark[]
}

/** A full pagination, with what paginateFrom needs to carry it forward. */
export function paginateAll(blocks: readonly FlowBlock[], pageHeight: number): Pagination {
  return { blocks, pageHeight, ...flow(blocks, pageHeight, null) }
}

const sameBlock = (a: FlowBlock, b: FlowBlock): boolean =>
  a === b ||
  (!!a.splittable === !!b.splittable &&
    (a.minHead ?? 1) === (b.minHead ?? 1) &&
    (a.minTail ?? 1) === (b.minTail ?? 1) &&
    !!a.keepWithNext === !!b.keepWithNext &&
    (a.repeatHead ?? 0) === (b.repeatHead ?? 0) &&
    !!a.breakBefore === !!b.breakBefore &&
    a.pieces.length === b.pieces.length &&
    a.pieces.every((p, k) => p === b.pieces[k]))

/**
 * The same pages paginate(blocks) gives, reusing `previous`: the blocks the two flows share at the
 * start keep their pages (the flow restarts where the first changed block — or the headings kept
 * with it — began), and once the flow after the changed blocks stands where it stood before, the
 * rest of the previous pages are taken over as they were (block numbers shifted). An edit on page 1
 * of a long summary re-flows only until its page breaks line up again.
 */
export function paginateFrom(previous: Pagination | null, blocks: readonly FlowBlock[], pageHeight: number): Pagination {
  if (!previous || previous.pageHeight !== pageHeight || !previous.blocks.length || !blocks.length) return paginateAll(blocks, pageHeight)
  const old = previous.blocks
  const limit = Math.min(old.length, blocks.length)
  let head = 0
  while (head < limit && sameBlock(old[head]!, blocks[head]!)) head++
  if (head === old.length && head === blocks.length) return { ...previous, blocks }
  let tail = 0
  while (tail < limit - head && sameBlock(old[old.length - 1 - tail]!, blocks[blocks.length - 1 - tail]!)) tail++
  // the headings (keep-with-next blocks) just before the change look ahead into it
  let restart = head
  while (restart > 0 && blocks[restart - 1]!.keepWithNext) restart--
  return { blocks, pageHeight, ...flow(blocks, pageHeight, { previous, restart, changedEnd: blocks.length - tail, shift: blocks.length - old.length }) }
}

interface Resume {
  previous: Pagination
  /** the first block placed again */
  restart: number
  /** blocks from here on are the previous flow's (at index - shift) */
  changedEnd: number
  shift: number
}

function flow(blocks: readonly FlowBlock[], pageHeight: number, resume: Resume | null): { pages: FlowPage[]; marks: FlowMark[] } {
  const n = blocks.length
  const minHead = (b: FlowBlock) => Math.max(1, b.minHead ?? 1)
  const minTail = (b: FlowBlock) => Math.max(1, b.minTail ?? 1)
  const repeat = (b: FlowBlock) => Math.min(b.repeatHead ?? 0, Math.max(0, b.pieces.length - 1))
  const canSplit = (b: FlowBlock, from: number) => !!b.splittable && b.pieces.length - from >= (from === 0 ? minHead(b) : 1) + minTail(b)

  // What must fit on a page for block j to start there (memoised from the end): its first pieces,
  // and — when it keeps with the next — whatever that block needs to start, too.
  const startNeed: number[] = new Array<number>(n + 1).fill(0)
  for (let j = n - 1; j >= 0; j--) {
    const b = blocks[j]!
    const whole = sum(b.pieces)
    const next = j + 1 < n && !blocks[j + 1]!.breakBefore ? startNeed[j + 1]! : 0
    if (canSplit(b, 0)) startNeed[j] = sum(b.pieces, 0, Math.max(minHead(b), repeat(b) + 1))
    else startNeed[j] = b.keepWithNext ? whole + next : whole
  }
  const needAfter = (j: number) => (j + 1 < n && !blocks[j + 1]!.breakBefore ? startNeed[j + 1]! : 0)

  let pages: FlowPage[] = []
  let page: FlowPage = { slices: [], height: 0, forced: false }
  const marks: FlowMark[] = []
  let first = 0
  if (resume) {
    // the pages before the restart are the previous ones; the page it starts on, up to it
    first = resume.restart
    const m = resume.previous.marks[first]!
    const prev = resume.previous.pages
    pages = prev.slice(0, m.page)
    page = { slices: prev[m.page]?.slices.slice(0, m.slices) ?? [], height: m.height, forced: m.forced }
    for (let k = 0; k < first; k++) marks.push(resume.previous.marks[k]!)
  }
  const newPage = () => {
    pages.push(page)
    page = { slices: [], height: 0, forced: false }
  }

  for (let i = first; i < n; i++) {
    const b = blocks[i]!
    if (resume && i > resume.changedEnd && !blocks[i - 1]!.keepWithNext) {
      // past the change, the flow stands where it stood: the rest is the previous flow's
      const was = resume.previous.marks[i - resume.shift]!
      if (was.height === page.height && was.forced === page.forced && (was.slices === 0) === (page.slices.length === 0)) {
        return takeOver(resume, pages, page, marks, i, was)
      }
    }
    marks.push({ page: pages.length, slices: page.slices.length, height: page.height, forced: page.forced })
    if (b.breakBefore && page.slices.length) newPage()
    let from = 0
    let moved = false // moved to a new page once already: no second move (it would loop)
    while (from < b.pieces.length || (b.pieces.length === 0 && from === 0)) {
      if (b.pieces.length === 0) {
        page.slices.push({ block: i, from: 0, to: 0, repeated: 0 })
        break
      }
      const repeated = from > 0 ? repeat(b) : 0
      const head = repeated ? sum(b.pieces, 0, repeated) : 0
      const room = pageHeight - page.height - head
      const rest = sum(b.pieces, from)
      const after = b.keepWithNext ? needAfter(i) : 0
      const empty = page.slices.length === 0

      // 1. the rest of the block fits (with what it keeps with)
      if (rest + after <= room + EPSILON) {
        page.slices.push({ block: i, from, to: b.pieces.length, repeated })
        page.height += head + rest
        break
      }
      // 2. split: the most pieces that fit here, leaving enough for the next page
      if (canSplit(b, from)) {
        const last = b.pieces.length
        const lowest = from + (from === 0 ? Math.max(minHead(b), repeat(b) + 1) : 1)
        let to = from
        let h = 0
        while (to < last && h + b.pieces[to]! <= room + EPSILON) h += b.pieces[to++]!
        // the tail keeps `minTail` pieces (with a keep-with-next block, they go over with the next one)
        to = Math.min(to, last - minTail(b))
        if (to >= lowest) {
          page.slices.push({ block: i, from, to, repeated })
          page.height += head + sum(b.pieces, from, to)
          from = to
          newPage()
          continue
        }
      }
      // 3. move to the next page — and take along the blocks before it that keep with it
      if (!empty && !moved) {
        moved = true
        const carried = carryBack(page, blocks, i, pageHeight)
        newPage()
        for (const s of carried) {
          page.slices.push(s)
          page.height += sum(blocks[s.block]!.pieces, s.from, s.to) + sum(blocks[s.block]!.pieces, 0, s.repeated)
        }
        continue
      }
      // 4. the page cannot hold what the rules ask: place what fits (at least one piece), flagged
      page.forced = true
      let to = from + 1
      let h = b.pieces[from]!
      while (to < b.pieces.length && h + b.pieces[to]! <= room + EPSILON) h += b.pieces[to++]!
      page.slices.push({ block: i, from, to, repeated })
      page.height += head + h
      from = to
      moved = false
      if (from < b.pieces.length) newPage()
    }
  }
  // and where it stood at the end (an edit that appends restarts there)
  marks.push({ page: pages.length, slices: page.slices.length, height: page.height, forced: page.forced })
  if (page.slices.length || pages.length === 0) pages.push(page)
  return { pages, marks }
}

/**
 * The flow at block i stands as the previous one did at i - shift (same height on its page, same
 * flags, and no heading before i looking into what follows): what follows is placed as before. The
 * current page gets the previous page's slices from there on; later pages are the previous ones.
 */
function takeOver(resume: Resume, pages: FlowPage[], page: FlowPage, marks: FlowMark[], i: number, was: FlowMark) {
  const { previous, shift } = resume
  const moveSlice = (s: PageSlice): PageSlice => (shift ? { ...s, block: s.block + shift } : s)
  const movePage = (p: FlowPage): FlowPage => (shift ? { ...p, slices: p.slices.map(moveSlice) } : p)
  const pageShift = pages.length - was.page
  const sliceShift = page.slices.length - was.slices
  const oldPage = previous.pages[was.page]!
  const current: FlowPage = { slices: [...page.slices, ...oldPage.slices.slice(was.slices).map(moveSlice)], height: oldPage.height, forced: oldPage.forced }
  const out = [...pages, current]
  for (let p = was.page + 1; p < previous.pages.length; p++) out.push(movePage(previous.pages[p]!))
  for (let k = i - shift; k < previous.marks.length; k++) {
    const m = previous.marks[k]!
    marks.push(m.page === was.page ? { ...m, page: m.page + pageShift, slices: m.slices + sliceShift } : pageShift ? { ...m, page: m.page + pageShift } : m)
  }
  return { pages: out, marks }
}

/**
 * Block i does not start on this page: the blocks at the page's foot that keep with it (a heading, a
 * chain of headings) leave with it — unless that would empty the page. Returns the slices removed.
 */
function carryBack(page: FlowPage, blocks: readonly FlowBlock[], i: number, pageHeight: number): PageSlice[] {
  const carried: PageSlice[] = []
  let k = page.slices.length - 1
  let carriedHeight = 0
  while (k > 0) {
    const s = page.slices[k]!
    const b = blocks[s.block]!
    if (!b.keepWithNext || s.block !== i - 1 - carried.length) break
    // a whole keep-with-next block at the foot goes along (a split one keeps its head here)
    if (s.from !== 0) break
    const h = sum(b.pieces, s.from, s.to)
    if (carriedHeight + h > pageHeight) break
    carried.unshift(s)
    carriedHeight += h
    k--
  }
  if (carried.length) {
    page.slices.length = k + 1
    page.height -= carriedHeight
  }
  return carried
}
