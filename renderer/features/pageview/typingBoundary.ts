/**
 * The paragraph being typed in is laid out alone. In page view the browser re-lays out, for every
 * keystroke, the document body around the paragraph: its hundreds of blocks (held ones included,
 * offscreen.ts), the page breaks' floats, the sheets. A block whose size cannot change is a
 * relayout boundary (`contain: size layout` with its height written down): a keystroke that does
 * not change the paragraph's height then re-lays out that paragraph only (~2 ms → a fraction).
 *
 * The height is checked after every change in the paragraph (a MutationObserver: Lexical's edits,
 * the IME's composition), before the frame is painted: when its lines no longer fill that height
 * (a line added or removed), the paragraph is let go at once and laid out as usual — nothing is
 * ever drawn at a stale height (and a repagination reads it at its true height). It is also let go
 * when a repagination changes the spacing, when the caret leaves it, and when fonts arrive.
 */

/** paragraphs and headings: the blocks typed in */
const lockable = (el: Element) => el.classList.contains('dd-paragraph') || el.classList.contains('dd-heading')

export class TypingBoundary {
  private el: HTMLElement | null = null
  /** its height as written (CSS px) */
  private height = 0
  /** from its top to its last line's bottom (zoomed px) when it was locked */
  private reach = 0
  private readonly observer = new MutationObserver(() => this.check())

  /** Makes `block` (the one the caret is in) a boundary, letting go any other. */
  lock(block: Element | null): void {
    if (block === this.el) return
    this.unlock()
    if (!(block instanceof HTMLElement) || !lockable(block) || block.style.contentVisibility === 'auto') return
    const reach = this.reachOf(block)
    if (reach === null) return
    const height = parseFloat(getComputedStyle(block).height)
    if (!Number.isFinite(height) || height <= 0) return
    this.el = block
    this.height = height
    this.reach = reach
    block.style.height = `${height}px`
    block.style.contain = 'size layout'
    this.observer.observe(block, { subtree: true, childList: true, characterData: true })
  }

  /** Lays it out with the others again. */
  unlock(): void {
    const el = this.el
    if (!el) return
    this.observer.disconnect()
    this.el = null
    el.style.removeProperty('height')
    el.style.removeProperty('contain')
    if (!el.getAttribute('style')) el.removeAttribute('style')
  }

  /** the block now locked (the page view's own writes on it are no edit) */
  get locked(): Element | null {
    return this.el
  }

  /** Its lines no longer reach where they did: let it go (and grow or shrink) before it is painted. */
  private check(): void {
    const el = this.el
    if (!el) return
    if (!el.isConnected) return this.unlock()
    const reach = this.reachOf(el)
    // half a line's worth: a line added or removed moves the last line by a whole one
    if (reach === null || Math.abs(reach - this.reach) > 4) this.unlock()
  }

  /** From the block's top to the bottom of its last line (zoomed px), or null when it has no text box. */
  private reachOf(el: HTMLElement): number | null {
    const range = document.createRange()
    range.selectNodeContents(el)
    const rects = range.getClientRects()
    if (!rects.length) return null
    let bottom = -Infinity
    for (const r of rects) bottom = Math.max(bottom, r.bottom)
    return bottom - el.getBoundingClientRect().top
  }
}
