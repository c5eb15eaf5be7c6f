/**
 * The page view's spacing (renderer/features/pageview/layoutPages.ts) over a long document: each
 * page's first line at its sheet's top line, with pushes the screen can show (whole pixels), and the
 * rounding of one page never carried to the next.
 */
import { describe, expect, it } from 'vitest'
import { MARGIN_MM } from '../../shared/output/layout'
import { layoutPages, LINE_MM, pieceTops, SHEET_PITCH_MM, type Measured, type Spacer } from '../../renderer/features/pageview/layoutPages'

/** `count` paragraphs of `lines` lines, one after the other, with a small gap between them. */
function paragraphs(count: number, lines: (i: number) => number, gapMm = 0.37): Measured[] {
  const out: Measured[] = []
  let top = 0
  for (let i = 0; i < count; i++) {
    const n = lines(i)
    const pieces = Array.from({ length: n }, () => LINE_MM)
    pieces[n - 1]! += gapMm
    out.push({ flow: { pieces, splittable: true, minHead: 2, minTail: 2 }, top, lineMm: LINE_MM, canSplit: true, box: n * LINE_MM })
    top += n * LINE_MM + gapMm
  }
  return out
}

/**
 * Where each page's first line lands on a screen that shows every push as asked (a whole number of
 * pixels does, see layoutPages), less where its sheet wants it: mm, one per page after the first.
 */
function landing(measured: readonly Measured[], spacers: readonly Spacer[], starts: { block: number; from: number }[]): number[] {
  return starts.slice(1).map(({ block, from }, k) => {
    const p = k + 1
    // the pushes above this line: those on earlier blocks, and on this block up to this line
    const above = spacers.filter((s) => s.index < block || (s.index === block && (s.kind === 'block' || (s.kind === 'line' && s.line <= from)))).reduce((a, s) => a + s.mm, 0)
    return measured[block]!.top + from * LINE_MM + above - p * SHEET_PITCH_MM
  })
}

describe('page view spacing', () => {
  const doc = paragraphs(900, (i) => 4 + ((i * 5) % 11))
  const pixel = 25.4 / 96 / 0.87 // one pixel at 87 %

  it('pushes in whole screen pixels, every page within half a pixel of its sheet, on the last page as on the second', () => {
    const layout = layoutPages(doc, null, { pixelMm: pixel })
    expect(layout.pages.length).toBeGreaterThan(100)
    expect(layout.spacers.some((s) => s.kind === 'line')).toBe(true)
    for (const s of layout.spacers) {
      expect(s.pixelMm).toBe(pixel)
      expect(Math.abs(s.mm / pixel - Math.round(s.mm / pixel))).toBeLessThan(1e-6)
    }
    const off = landing(doc, layout.spacers, layout.starts)
    expect(off).toHaveLength(layout.pages.length - 1)
    for (const o of off) expect(Math.abs(o)).toBeLessThanOrEqual(pixel / 2 + 1e-9)
  })

  it('each push rounded alone would add up to pixels by the last page (what the whole-pixel pushes avoid)', () => {
    // the pushes in exact millimetres, each then shown a whole pixel longer or shorter as the
    // browser rounds it: the error grows page after page
    const exact = layoutPages(doc, null)
    const shown = exact.spacers.map((s) => ({ ...s, mm: Math.ceil(s.mm / pixel - 1e-9) * pixel }))
    const off = landing(doc, shown, exact.starts)
    expect(Math.max(...off)).toBeGreaterThan(20 * pixel)
  })

  it('puts each page’s first piece at the text block’s top in its model, the rest below it in order', () => {
    const layout = layoutPages(doc, null, { pixelMm: pixel })
    for (const p of [0, 1, 50, layout.pages.length - 1]) {
      const tops = pieceTops(layout, doc, p)
      expect(tops[0]!.mm).toBeCloseTo(MARGIN_MM.top, 6)
      for (let k = 1; k < tops.length; k++) expect(tops[k]!.mm).toBeGreaterThan(tops[k - 1]!.mm)
      expect(tops.at(-1)!.mm).toBeLessThan(297 - 35)
    }
  })
})
