/**
 * GB/T 9704 §7.3.5.4 in the page view: when the print view closes up the last page's lines to keep
 * the 落款 with the body (`paginate`'s `tightest`, print/pages.ts), the page view does the same, so
 * the writer sees one page where the PDF has one. The blocks wholly on that page that are lines of
 * text (paragraphs, headings, the title) get a closer line height; what they lose is worked out
 * from their lines alone (a title's blank line, a block continued from the page before and the
 * rigid pieces — tables, the 落款 — keep their size). The closer lines are taken off before every
 * measure, so the page rules always see the text at its normal pitch.
 */
import { TEXT_BLOCK_MM } from '../../../shared/output/layout'
import { repeatedHeight, type FlowPage } from '../../../shared/output/pagination'
import type { Measured } from './layoutPages'

const ATTR = 'data-pv-tight'

/** Takes the closer line heights off (before measuring, or when page view goes off). */
export function clearTightening(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(`:scope > [${ATTR}]`))) {
    el.style.removeProperty('line-height')
    el.removeAttribute(ATTR)
    if (!el.getAttribute('style')) el.removeAttribute('style')
  }
}

const total = (xs: readonly number[], from = 0, to = xs.length) => {
  let s = 0
  for (let i = from; i < to; i++) s += xs[i]!
  return s
}

/**
 * Sets the last page's lines closer when the page rules tightened it. Returns how much higher the
 * page's content ends (mm), or null when the page view cannot show it within `tightest` (the caller
 * then lays the pages out without tightening).
 */
export function applyTightening(root: HTMLElement, measured: readonly Measured[], pages: readonly FlowPage[], tightest: number): number | null {
  const last = pages[pages.length - 1]
  if (!last || last.pitch === undefined || last.pitch >= 1) return 0
  let fixed = 0
  let scalable = 0
  const lines: { el: HTMLElement; lineMm: number }[] = []
  for (const s of last.slices) {
    const m = measured[s.block]!
    const height = total(m.flow.pieces, s.from, s.to) + repeatedHeight(m.flow, s.repeated)
    const el = root.children[s.block] as HTMLElement | undefined
    const whole = s.from === 0 && s.to === m.flow.pieces.length
    if (!m.flow.rigid && whole && el && m.lineMm !== undefined && m.rows === undefined) {
      const own = m.flow.pieces.length * m.lineMm
      scalable += own
      fixed += Math.max(0, height - own)
      lines.push({ el, lineMm: m.lineMm })
    } else fixed += height
  }
  if (scalable <= 0) return null
  const pitch = Math.min(1, (TEXT_BLOCK_MM.height - fixed) / scalable)
  if (pitch < tightest - 1e-9) return null
  for (const { el, lineMm } of lines) {
    el.style.lineHeight = `${(lineMm * pitch).toFixed(4)}mm`
    el.setAttribute(ATTR, '')
  }
  return scalable * (1 - pitch)
}
