/**
 * Off-screen pages are not laid out. Every paragraph and heading in the page view carries
 * `content-visibility: auto` with the height it measured to (`contain-intrinsic-size`, plus the
 * room a page break inside it adds): while off screen the browser skips its lines and keeps that
 * height, so the pages below stay exactly where they are. An edit on page 1 that moves every break
 * after it then re-lays out the paragraphs on screen only — a break moved in a paragraph three
 * pages down changes a number, not its hundred lines (on the 120-page summary: ~200 ms of layout →
 * a few ms). The browser lays a paragraph out for real as it comes near the screen, at the same
 * height, so nothing moves under the writer.
 *
 * A block is released (laid out for real) before it is measured, and held again with its new
 * height after the spacing is put on; blocks closed up for the 落款 (tighten.ts) stay released.
 */
import type { Measured, Spacer } from './layoutPages'

const TIGHT = 'data-pv-tight'

/** paragraphs and headings: lines of text whose height the page view knows */
const holdable = (el: Element) => el.classList.contains('dd-paragraph') || el.classList.contains('dd-heading')

export class OffscreenBlocks {
  /** the height each held block was given ("12.345"), to write only what changed */
  private held = new WeakMap<Element, string>()
  /** blocks held in the last pass (tests, the benchmark's notes) */
  count = 0
  /** released to be measured in this pass: they stay released until the next one */
  private read = new Set<Element>()

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
   * Holds every paragraph and heading at its measured height (and the room a split inside it
   * adds). Only the blocks whose height changed are written.
   */
  hold(root: HTMLElement, measured: readonly Measured[], spacers: readonly Spacer[]): void {
    const split = new Map<number, number>()
    for (const s of spacers) if (s.kind === 'line') split.set(s.index, (split.get(s.index) ?? 0) + s.mm)
    const children = root.children
    let count = 0
    for (let i = 0; i < children.length; i++) {
      const el = children[i] as HTMLElement
      const m = measured[i]
      if (!holdable(el) || this.read.has(el)) continue
      if (!m || m.box === undefined || el.hasAttribute(TIGHT)) {
        if (this.held.has(el) || el.style.contentVisibility !== 'visible') this.unlock([el])
        continue
      }
      // a split is shown only in a paragraph (applySpacers); its float adds exactly its height
      const extra = el.classList.contains('pv-split') ? (split.get(i) ?? 0) : 0
      const key = (m.box + extra).toFixed(3)
      count++
      if (this.held.get(el) === key) continue
      this.held.set(el, key)
      el.style.containIntrinsicSize = `none ${key}mm`
      el.style.contentVisibility = 'auto'
    }
    this.count = count
    // the blocks just measured are mostly the one being typed in: held now, it would be skipped
    // until the browser sees it on screen (a frame later), and its text would read as empty
    // (innerText) in between; the next pass holds it
    this.read.clear()
  }

  /** Takes it all off (page view turned off, the editor closed). */
  release(root: HTMLElement | null): void {
    if (!root) return
    for (const el of Array.from(root.children) as HTMLElement[]) {
      if (!holdable(el)) continue
      this.held.delete(el)
      el.style.removeProperty('content-visibility')
      el.style.removeProperty('contain-intrinsic-size')
      if (!el.getAttribute('style')) el.removeAttribute('style')
    }
  }
}
