/**
 * Off-screen pages are not laid out. Every paragraph and heading more than a couple of screens from
 * the one shown is held: `content-visibility: auto` with the height it measured to
 * (`contain-intrinsic-size`, plus the room a page break inside it adds). The browser skips its
 * lines and keeps that height, so the pages below stay exactly where they are: an edit on page 1
 * that moves every break after it re-lays out the pages in view only (on the 120-page summary:
 * ~200 ms of layout → a few ms), and each frame paints and hit-tests the pages near the screen only.
 *
 * Never on or near the screen, nor near the caret: a held block that the browser has not yet seen
 * on screen is one empty box to its caret moves (ArrowDown, PageDown land in the wrong place). The
 * blocks within the margin are let go (laid out for real, at the same height) on scroll, and before
 * a caret key acts; the next repagination holds again those left far behind.
 *
 * A block is also let go before it is measured; blocks closed up for the 落款 (tighten.ts) are
 * never held.
 */
import type { Measured, Spacer } from './layoutPages'

const TIGHT = 'data-pv-tight'

/** paragraphs and headings: lines of text whose height the page view knows */
const holdable = (el: Element) => el.classList.contains('dd-paragraph') || el.classList.contains('dd-heading')

/** Screens above and below the one shown (and the caret's) within which no block is held. */
const MARGIN_SCREENS = 2

/** A stretch of the editable root, in px from its top (the zoom in force, as getBoundingClientRect). */
export interface Span {
  top: number
  bottom: number
}

export class OffscreenBlocks {
  /** held blocks: the height each was given (CSS px, to write only what changed) */
  private held = new Map<Element, string>()
  /** where each block was at the last pass (px from the root's top): to tell which are near */
  private spans = new WeakMap<Element, Span>()
  /** released to be measured in this pass */
  private read = new Set<Element>()

  /** blocks held now (tests, the benchmark's notes) */
  get count(): number {
    return this.held.size
  }

  /** Lays blocks out for real again (before they are measured). */
  unlock(els: readonly Element[]): void {
    for (const el of els) {
      if (!holdable(el)) continue
      this.read.add(el)
      this.held.delete(el)
      // 'visible' rather than none: it also wins over a stylesheet's own content-visibility
      ;(el as HTMLElement).style.contentVisibility = 'visible'
    }
  }

  /**
   * After the spacing is put on: holds the blocks that lie beyond the margin around `view` (px from
   * the root's top; null: hold nothing) at their height, and lets go those within it. Only what
   * changed is written. `mmPerPx` converts the measures to px.
   */
  hold(root: HTMLElement, measured: readonly Measured[], spacers: readonly Spacer[], view: Span | null, mmPerPx: number): void {
    const split = new Map<number, number>()
    const pushAt = new Map<number, number>()
    for (const s of spacers) {
      if (s.kind === 'line') split.set(s.index, (split.get(s.index) ?? 0) + s.mm)
      pushAt.set(s.index, (pushAt.get(s.index) ?? 0) + s.mm)
    }
    const near = view ? this.around(view) : null
    const children = root.children
    let pushed = 0 // what the spacers above block i add
    for (let i = 0; i < children.length; i++) {
      const el = children[i] as HTMLElement
      const m = measured[i]
      const own = pushAt.get(i) ?? 0
      if (m) {
        const top = (m.top + pushed) / mmPerPx
        const bottom = top + ((m.box ?? m.flow.pieces.reduce((a, b) => a + b, 0)) + own) / mmPerPx
        this.spans.set(el, { top, bottom })
      }
      pushed += own
      if (!holdable(el)) continue
      const wasHeld = this.held.has(el)
      if (!m || m.box === undefined || el.hasAttribute(TIGHT) || !near) {
        if (wasHeld || this.read.has(el)) this.let(el)
        continue
      }
      const span = this.spans.get(el)!
      if (span.bottom >= near.top && span.top <= near.bottom) {
        if (wasHeld || this.read.has(el)) this.let(el)
        continue
      }
      // a split is shown only in a paragraph (applySpacers); its float adds exactly its height
      const extra = el.classList.contains('pv-split') ? (split.get(i) ?? 0) : 0
      // in the layout's own unit (a 64th of a CSS px), a hair over so that it is never one short:
      // rounded down, the pages below a few hundred held blocks would creep up by pixels
      const key = (Math.round(((m.box + extra) * 96 * 64) / 25.4) / 64 + 1 / 512).toFixed(5)
      if (this.held.get(el) === key) continue
      this.held.set(el, key)
      el.style.containIntrinsicSize = `none ${key}px`
      el.style.contentVisibility = 'auto'
    }
    this.read.clear()
  }

  /**
   * Lets go the held blocks within the margin around `view` and `caret` (px from the root's top):
   * the screen shown, and where a caret key is about to move the caret. Returns how many.
   */
  reveal(view: Span, caret?: Element | null): number {
    if (!this.held.size) return 0
    const spans = [this.around(view)]
    const at = caret ? this.spans.get(caret) : undefined
    if (at) spans.push(this.around(at, view.bottom - view.top))
    let n = 0
    for (const [el] of this.held) {
      const s = this.spans.get(el)
      if (s && spans.some((w) => s.bottom >= w.top && s.top <= w.bottom)) {
        this.let(el)
        n++
      }
    }
    return n
  }

  /** Takes it all off (page view turned off, the editor closed). */
  release(root: HTMLElement | null): void {
    for (const [el] of this.held) this.let(el)
    for (const el of this.read) this.let(el)
    this.read.clear()
    if (!root) return
    for (const el of Array.from(root.children) as HTMLElement[]) if (holdable(el) && (el.style.contentVisibility || el.style.containIntrinsicSize)) this.let(el)
  }

  /** the stretch within which no block is held: `span` and `MARGIN_SCREENS` screens either side */
  private around(span: Span, screen = span.bottom - span.top): Span {
    const margin = MARGIN_SCREENS * Math.max(screen, 1)
    return { top: span.top - margin, bottom: span.bottom + margin }
  }

  /** laid out for real: back to the stylesheet's own rules */
  private let(el: Element): void {
    this.held.delete(el)
    const h = el as HTMLElement
    h.style.removeProperty('content-visibility')
    h.style.removeProperty('contain-intrinsic-size')
    if (!h.getAttribute('style')) h.removeAttribute('style')
  }
}
