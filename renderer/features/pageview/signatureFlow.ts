/**
 * The 落款 in the page view: the signature block is not part of the editor's text (it is set in the
 * output dialog), but it prints at the end of the last page, and it takes room there. It joins the
 * measured blocks as one more block, as print/pages.ts adds it to the print flow: the last body
 * block keeps with it (a paragraph carries at least its last two lines over), so when the block
 * does not fit at the foot of a page the writer sees it move to the next one with body text, as it
 * will print.
 */
import type { Spacer } from './layoutPages'
import type { Measured } from './layoutPages'

const total = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0)

/** The measured blocks with the signature block (its height in mm, seal included) after them. */
export function withSignature(measured: readonly Measured[], signatureMm: number | null): Measured[] {
  if (signatureMm === null || signatureMm <= 0) return measured as Measured[]
  const out = measured.slice()
  let top = 0
  const last = out[out.length - 1]
  if (last) top = last.top + total(last.flow.pieces)
  // the last body block keeps with the 落款, and so does anything without height after it (the
  // empty paragraph the editor keeps after a 附表 to put the caret in): the chain goes over together
  for (let i = out.length - 1; i >= 0; i--) {
    const b = out[i]!
    out[i] = { ...b, flow: { ...b.flow, keepWithNext: true, minTail: Math.max(2, b.flow.minTail ?? 1) } }
    if (total(b.flow.pieces) > 0.5) break
  }
  out.push({ flow: { pieces: [signatureMm], rigid: true }, top, canSplit: false })
  return out
}

/** Where the signature block starts (mm from the editable root's top) with the spacers in force. */
export function signatureTop(measured: readonly Measured[], spacers: readonly Spacer[]): number {
  const sig = measured[measured.length - 1]
  return (sig?.top ?? 0) + total(spacers.map((s) => s.mm))
}

/** The signature block's height in mm: the element's box, or lower where its images reach (the seal). */
export function signatureHeight(el: HTMLElement, mmPerPx: number): number | null {
  const block = el.firstElementChild
  if (!block) return null
  const r = block.getBoundingClientRect()
  let bottom = r.bottom
  for (const img of Array.from(block.querySelectorAll('img'))) bottom = Math.max(bottom, img.getBoundingClientRect().bottom)
  return (bottom - r.top) * mmPerPx
}
