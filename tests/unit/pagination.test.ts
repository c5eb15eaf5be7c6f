import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { paginate, paginateAll, paginateFrom, type FlowBlock, type FlowPage } from '../../shared/output/pagination'

const LINE = 1
const lines = (n: number) => Array.from({ length: n }, () => LINE)
const heading: (n?: number) => FlowBlock = (n = 1) => ({ pieces: lines(n), keepWithNext: true })
const body = (n: number, extra: Partial<FlowBlock> = {}): FlowBlock => ({ pieces: lines(n), splittable: true, minHead: 2, minTail: 2, ...extra })
const table = (rows: number): FlowBlock => ({ pieces: lines(rows + 1), splittable: true, repeatHead: 1, minHead: 3, minTail: 2 })
const signature: FlowBlock = { pieces: [5] }

/** the blocks on each page, as "block:from-to" */
const layout = (pages: FlowPage[]) => pages.map((p) => p.slices.map((s) => `${s.block}:${s.from}-${s.to}`).join(' '))

describe('paginate: where the pages break', () => {
  it('fills a page and splits a paragraph between lines', () => {
    expect(layout(paginate([body(30)], 22))).toEqual(['0:0-22', '0:22-30'])
  })

  it('never leaves a heading last on a page: it goes over with its paragraph', () => {
    // 20 lines of body, a heading on line 21, its paragraph starts on line 22: only one line of it
    // would fit, fewer than the two an orphan needs — the heading moves down with it
    const pages = paginate([body(20), heading(), body(6)], 22)
    expect(layout(pages)).toEqual(['0:0-20', '1:0-1 2:0-6'])
  })

  it('keeps a chain of headings together with the first lines of text', () => {
    const pages = paginate([body(19), heading(), heading(), body(5)], 22)
    expect(layout(pages)).toEqual(['0:0-19', '1:0-1 2:0-1 3:0-5'])
  })

  it('leaves no widow: at least two lines go over', () => {
    expect(layout(paginate([body(21), body(2), body(3)], 22))).toEqual(['0:0-21', '1:0-2 2:0-3'])
    expect(layout(paginate([body(20), body(3)], 22))).toEqual(['0:0-20', '1:0-3'])
  })

  it('carries the last body lines over with a signature block that does not fit', () => {
    const pages = paginate([body(10), body(10, { keepWithNext: true }), signature], 22)
    expect(layout(pages)).toEqual(['0:0-10 1:0-8', '1:8-10 2:0-1'])
  })

  it('keeps the signature with the body when it fits', () => {
    expect(layout(paginate([body(8), body(8, { keepWithNext: true }), signature], 22))).toEqual(['0:0-8 1:0-8 2:0-1'])
  })

  it('repeats a table header, and never leaves the header with one row at a page foot', () => {
    const pages = paginate([body(19), table(6)], 22)
    // 3 lines left: header + 2 rows would fit, the minimum (3) — but then the rest is 4 rows, fine
    expect(layout(pages)).toEqual(['0:0-19 1:0-3', '1:3-7'])
    expect(pages[1]!.slices[0]!.repeated).toBe(1)
    // only 2 lines left: header + one row is not allowed, the table moves
    expect(layout(paginate([body(20), table(6)], 22))).toEqual(['0:0-20', '1:0-7'])
  })

  it('moves a table caption with its table when the table cannot start at the page foot', () => {
    const caption: FlowBlock = { pieces: [1], keepWithNext: true }
    // 19 lines + caption + header + one row would fill the page, but a table starts with two rows
    expect(layout(paginate([body(19), caption, table(6)], 22))).toEqual(['0:0-19', '1:0-1 2:0-7'])
  })

  it('keeps the last two body lines with the signature block as the print view marks them', () => {
    // the print view's last body paragraph keeps with the signature and never leaves one line
    const last = body(4, { keepWithNext: true })
    const pages = paginate([body(17), last, { pieces: [4.2] }], 22)
    expect(layout(pages)).toEqual(['0:0-17 1:0-2', '1:2-4 2:0-1'])
    expect(pages.every((p) => !p.forced)).toBe(true)
  })

  it('starts a page at a page break', () => {
    expect(layout(paginate([body(3), { ...body(3), breakBefore: true }], 22))).toEqual(['0:0-3', '1:0-3'])
  })

  it('goes on, flagged, when a block is taller than any page', () => {
    const pages = paginate([heading(), { pieces: [30] }, body(2)], 22)
    expect(pages.some((p) => p.forced)).toBe(true)
    expect(layout(pages).join(' ')).toContain('2:0-2')
  })

  it('holds its rules for any flow (property)', () => {
    const block = fc.oneof(
      fc.integer({ min: 1, max: 3 }).map((n) => heading(n)),
      fc.integer({ min: 1, max: 40 }).map((n) => body(n)),
      fc.integer({ min: 1, max: 30 }).map((n) => table(n)),
      fc.integer({ min: 1, max: 6 }).map((n): FlowBlock => ({ pieces: [n] })),
      fc.integer({ min: 1, max: 8 }).map((n) => ({ ...body(n), breakBefore: true })),
    )
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), fc.integer({ min: 8, max: 30 }), (blocks, height) => {
        const pages = paginate(blocks, height)
        // every piece placed once, in order
        const placed: string[] = []
        for (const p of pages) for (const s of p.slices) for (let k = s.from; k < s.to; k++) placed.push(`${s.block}.${k}`)
        const expected = blocks.flatMap((b, i) => b.pieces.map((_, k) => `${i}.${k}`))
        expect(placed).toEqual(expected)
        pages.forEach((p, at) => {
          if (p.forced) return
          expect(p.height).toBeLessThanOrEqual(height + 0.01)
          // a page that is not the last never ends with a heading (unless the next page had to give)
          const last = p.slices[p.slices.length - 1]
          if (last && at < pages.length - 1 && !pages[at + 1]!.forced && !blocks[last.block + 1]?.breakBefore)
            expect(blocks[last.block]!.keepWithNext ?? false).toBe(false)
        })
        // splits keep their minimum pieces on both sides
        for (const p of pages)
          for (const s of p.slices) {
            const b = blocks[s.block]!
            if (s.from === 0 && s.to < b.pieces.length && !p.forced) expect(s.to).toBeGreaterThanOrEqual(b.minHead ?? 1)
          }
      }),
      { numRuns: 400 },
    )
  })

  describe('paginateFrom: the pages again after an edit, from where the edit is', () => {
    // fractional heights as a measured layout gives them, and blocks as the page view builds them
    const block = fc.oneof(
      fc.integer({ min: 1, max: 3 }).map((n) => heading(n)),
      fc.integer({ min: 1, max: 40 }).map((n) => body(n)),
      fc.integer({ min: 1, max: 12 }).map((n) => table(n)),
      fc.double({ min: 0.2, max: 6, noNaN: true }).map((n): FlowBlock => ({ pieces: [n] })),
      fc.integer({ min: 1, max: 8 }).map((n) => ({ ...body(n), breakBefore: true })),
      fc.integer({ min: 1, max: 6 }).map((n) => body(n, { keepWithNext: true })),
    )
    // an edit: `remove` blocks at `at` replaced by `insert` (a paragraph that grew or shrank is one
    // removed and one inserted)
    const edit = fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 4 }), insert: fc.array(block, { maxLength: 4 }) })

    it('gives what a full pagination gives, for any flow and any edits (property)', () => {
      fc.assert(
        fc.property(fc.array(block, { maxLength: 60 }), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.integer({ min: 8, max: 30 }), (start, edits, height) => {
          let blocks = start
          let state = paginateAll(blocks, height)
          for (const e of edits) {
            const at = blocks.length ? e.at % (blocks.length + 1) : 0
            // a fresh array of fresh objects: the pieces are compared, never the identity
            blocks = [...blocks.slice(0, at), ...e.insert, ...blocks.slice(at + e.remove)].map((b) => ({ ...b, pieces: [...b.pieces] }))
            state = paginateFrom(state, blocks, height)
            const full = paginateAll(blocks, height)
            expect(state.pages).toEqual(full.pages)
            expect(state.marks).toEqual(full.marks)
          }
        }),
        { numRuns: 600 },
      )
    })

    it('keeps the pages before the edit and, once the breaks line up again, the ones after it', () => {
      // 30 pages of paragraphs with a page break every third page: a line more on page 1 moves the
      // breaks of pages 1–3 only
      const blocks: FlowBlock[] = []
      for (let k = 0; k < 10; k++) blocks.push({ ...body(22), breakBefore: k > 0 }, body(22), body(22))
      const before = paginateAll(blocks, 22)
      const grown = blocks.map((b, i) => (i === 1 ? body(23) : b))
      const after = paginateFrom(before, grown, 22)
      expect(after.pages).toEqual(paginate(grown, 22))
      // the pages after the one where the flow lines up again are the same objects: taken over, not placed again
      const old = new Set(before.pages)
      expect(after.pages.slice(5).every((p) => old.has(p))).toBe(true)
      expect(after.pages.length).toBe(before.pages.length + 1)
      expect(after.pages[0]).toEqual(before.pages[0])
    })
  })
})
