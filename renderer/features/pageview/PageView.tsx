/**
 * The sheet the writer types on. With 页面视图 on, the text is cut into A4 pages as it will print:
 * sheets with their page numbers drawn behind the text, and each page's first line pushed to the
 * top of its sheet by spacing on the block elements (a padding, or a float before a paragraph's
 * lines; see layoutPages.ts) — nothing is put inside the editable text, so the caret and the IME
 * never meet a decoration. Lexical does not watch attributes; a block it re-creates simply loses
 * its spacing, which the next measure sees and puts back. Each push is a whole screen pixel, worked
 * out from where the pushes above it really put the text (layoutPages), so the breaks' roundings
 * never add up down a long document.
 *
 * Repagination runs off the keystroke path: after Lexical has updated the DOM and the frame is
 * painted (and, while the writer types fast, once the typing pauses). It is incremental: a
 * MutationObserver on the editable root says which blocks changed, only those are measured again
 * (the others keep what they measured to), the page rules place the pages again only from the first
 * changed block until the breaks line up with the previous ones (paginateFrom), and the spacing is
 * written only where it changed. It runs once more after a change, to check the layout it measured
 * was its own. Paragraphs more than a couple of screens away hold their measured height and are not
 * laid out (offscreen.ts): the breaks that moved there cost a number each, not their lines.
 *
 * 显示比例 is CSS `zoom` on the sheet: Ctrl+滚轮, Ctrl+= / Ctrl+-, Ctrl+Shift+0 (100 %; Ctrl+0 is
 * 正文), and the control in the status bar. 适合页宽 follows the width the page has.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PAGE_MM, SIGNATURE } from '../../../shared/output/layout'
import type { Pagination } from '../../../shared/output/pagination'
import { applySpacers, BlockMeasurer, clearSpacers, layoutPages, PAGE_NUMBER_TOP_MM, pieceTops, sameSpacers, SHEET_GAP_MM, SHEET_PITCH_MM, type PieceTop, type Spacer } from './layoutPages'
import { OffscreenBlocks, type Span } from './offscreen'
import { drawRepeatedHeads } from './repeatedHeads'
import { signatureHeight, signatureTop, withSignature } from './signatureFlow'
import { applyTightening, clearTightening } from './tighten'
import { SignatureOverlay, type Signature } from './SignatureOverlay'
import { TypingBoundary } from './typingBoundary'
import { effectiveZoom, setEffectiveZoom, setViewSettings, stepZoom, useViewSettings, ZOOM_MAX, ZOOM_MIN } from './viewSettings'
import './pageview.css'

/** the sheet's width at 100 % in CSS px (210 mm) */
const SHEET_PX = (PAGE_MM.width / 25.4) * 96
/** room kept on both sides of the sheet when it fits the width */
const FIT_MARGIN_PX = 24

/** Edits closer together than this are a burst of typing: the pages wait until it pauses. */
const BURST_MS = 80
/** Lexical nodes an edit may change and still be one writer's edit (more: a bulk change, see afterPaint) */
const BULK_NODES = 12
/** how long a pause in typing is */
const SETTLE_MS = 120

/** The longest a repagination waits for the browser to be idle. */
const IDLE_TIMEOUT_MS = 150
/** the keys with which the browser moves the caret by lines or screens */
const CARET_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'])

/** The block of the editable root the browser's caret is in, or null. */
function caretBlock(root: HTMLElement): Element | null {
  let node: Node | null = getSelection()?.focusNode ?? null
  while (node && node.parentNode !== root) node = node.parentNode
  return node instanceof Element ? node : null
}

/**
 * One screen pixel in mm. The probe (100 mm tall) says it, to the browser's layout unit (a 64th of
 * a pixel: 4 in 100,000); summed down a 120-page document that is pixels, so when the probe agrees
 * with the zoom in force the zoom's own figure is taken.
 */
function exactMmPerPx(measured: number, zoomPercent: number): number {
  const exact = 25.4 / 96 / (zoomPercent / 100)
  return Math.abs(measured / exact - 1) < 5e-4 ? exact : measured
}

/** Runs `fn` when the browser is idle (at the latest after IDLE_TIMEOUT_MS); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = window.setTimeout(fn, 0)
    return () => clearTimeout(timer)
  }
  const id = requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS })
  return () => cancelIdleCallback(id)
}

/** Runs `fn` in a task of its own, as soon as the ones waiting have run; returns a cancel. */
function nextTask(fn: () => void): () => void {
  let live = true
  const channel = new MessageChannel()
  channel.port1.onmessage = () => {
    channel.port1.close()
    if (live) fn()
  }
  channel.port2.postMessage(null)
  return () => {
    live = false
    channel.port1.close()
  }
}

export interface PageViewEvent {
  pages: number
  /** the spacing changed (the breaks moved) */
  changed: boolean
  /** where the page model puts page `p`'s (0-based) lines, from its sheet's top (tests check the screen against it) */
  pieceTops: (p: number) => PieceTop[]
}
/** Fired on window after each repagination (tests and the benchmark wait for it). */
export const PAGE_VIEW_EVENT = 'draftdesk:pageview'

export function PageView({ children, signature }: { children: ReactNode; signature?: Signature }) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation('pageview')
  const settings = useViewSettings()
  const scrollRef = useRef<HTMLDivElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const probeRef = useRef<HTMLDivElement>(null)
  const [pages, setPages] = useState(1)
  // the 落款 on the last page, and the repeated table headers (SignatureOverlay, repeatedHeads.ts)
  const sigRef = useRef<HTMLDivElement>(null)
  const headsRef = useRef<HTMLDivElement>(null)
  const [sigTop, setSigTop] = useState<number | null>(null)
  const kick = useRef<() => void>(() => {})
  const [fitZoom, setFitZoom] = useState(100)
  // a panel opened beside a page at 100 % or less: the page shrinks rather than hide under it
  const zoom = settings.zoom === 'fit' ? fitZoom : settings.zoom <= 100 ? Math.min(settings.zoom, fitZoom) : settings.zoom

  useEffect(() => setEffectiveZoom(zoom), [zoom])
  const zoomRef = useRef(zoom)
  zoomRef.current = zoom

  // 适合页宽: the sheet's width follows the scroll area's (and bounds 100 % and less)
  useEffect(() => {
    const scroll = scrollRef.current
    if (!scroll) return
    const fit = () => {
      const z = ((scroll.clientWidth - 2 * FIT_MARGIN_PX) / SHEET_PX) * 100
      setFitZoom(Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, z))))
    }
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(scroll)
    return () => ro.disconnect()
  }, [])

  // keep the middle of what is shown in the middle when the zoom changes
  const lastZoom = useRef(zoom)
  useLayoutEffect(() => {
    const scroll = scrollRef.current
    const before = lastZoom.current
    lastZoom.current = zoom
    if (!scroll || before === zoom) return
    const middle = scroll.scrollTop + scroll.clientHeight / 2
    scroll.scrollTop = (middle * zoom) / before - scroll.clientHeight / 2
  }, [zoom])

  // Ctrl+滚轮 on the page; Ctrl+= / Ctrl+- / Ctrl+Shift+0 anywhere in the window
  useEffect(() => {
    const scroll = scrollRef.current
    if (!scroll) return
    const wheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.deltaY === 0) return
      e.preventDefault()
      setViewSettings({ zoom: stepZoom(effectiveZoom(), e.deltaY < 0 ? 1 : -1) })
    }
    const key = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      let next: number | null = null
      if (e.key === '=' || e.key === '+' || e.code === 'NumpadAdd') next = stepZoom(effectiveZoom(), 1)
      else if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') next = stepZoom(effectiveZoom(), -1)
      else if (e.shiftKey && e.code === 'Digit0') next = 100
      if (next === null) return
      e.preventDefault()
      e.stopPropagation()
      setViewSettings({ zoom: next })
    }
    scroll.addEventListener('wheel', wheel, { passive: false })
    window.addEventListener('keydown', key, true)
    return () => {
      scroll.removeEventListener('wheel', wheel)
      window.removeEventListener('keydown', key, true)
    }
  }, [])

  // the spacing in force: the spacers, and the elements that carry them
  const applied = useRef<Spacer[]>([])
  const spaced = useRef(new Map<Element, string>())
  useEffect(() => {
    if (!settings.pageView) return
    // What each block measured to is kept; the blocks whose DOM Lexical changed since the last
    // repagination (a MutationObserver on the editable root) are the only ones read again, and the
    // pages are placed again only from the first changed block on.
    const measurer = new BlockMeasurer()
    // paragraphs far off screen hold their measured height and are not laid out (offscreen.ts)
    const offscreen = new OffscreenBlocks()
    // the paragraph typed in is laid out alone while its height holds (typingBoundary.ts)
    const boundary = new TypingBoundary()
    /** the stretch of the editable root shown (px from its top, as the layout measures), or null */
    const viewOf = (root: HTMLElement): Span | null => {
      const scroll = scrollRef.current
      if (!scroll) return null
      const top = scroll.getBoundingClientRect().top - root.getBoundingClientRect().top
      return { top, bottom: top + scroll.clientHeight }
    }
    let pagination: Pagination | null = null
    let dirty = new Set<Element>()
    let all = true
    let observed: HTMLElement | null = null
    const note = (records: MutationRecord[]) => {
      for (const r of records) {
        if (r.target === observed) {
          if (r.type !== 'childList') all = true
          r.addedNodes.forEach((n) => n instanceof Element && dirty.add(n))
          // a block removed or added: the gap above the one after it
          if (r.nextSibling instanceof Element) dirty.add(r.nextSibling)
          continue
        }
        let n: Node | null = r.target
        while (n && n.parentNode !== observed) n = n.parentNode
        if (n instanceof Element) dirty.add(n)
      }
    }
    const mutations = new MutationObserver(note)
    // the root's size changes with every edit that adds a line, and with ours: not an edit of its own
    const ro = new ResizeObserver(() => {
      checks = 0
      schedule()
    })
    // heights that change with no mutation: an image (a seal) that loaded, a font that arrived
    const loaded = (e: Event) => {
      if (e.target instanceof Node) note([{ target: e.target } as MutationRecord])
      fresh()
    }
    const fontsLoaded = () => {
      boundary.unlock()
      all = true
      fresh()
    }
    document.fonts?.addEventListener('loadingdone', fontsLoaded)
    const watch = (root: HTMLElement | null) => {
      if (root === observed) return
      mutations.disconnect()
      ro.disconnect()
      observed?.removeEventListener('load', loaded, true)
      observed = root
      all = true
      if (!root) return
      mutations.observe(root, { childList: true, subtree: true, characterData: true, attributes: true })
      ro.observe(root)
      root.addEventListener('load', loaded, true)
    }
    let cancel: (() => void) | null = null
    let checks = 0
    const run = () => {
      cancel = null
      const began = performance.now()
      const root = editor.getRootElement()
      const probe = probeRef.current
      watch(root)
      if (!root || !probe) return
      const probeHeight = probe.getBoundingClientRect().height
      if (!probeHeight) return
      const mmPerPx = exactMmPerPx(100 / probeHeight, zoomRef.current)
      const sigEl = sigRef.current
      // measured at the normal pitch: a last page closed up for the 落款 (§7.3.5.4, tighten.ts) is
      // opened first (the blocks it touches are then read again)
      clearTightening(root)
      note(mutations.takeRecords())
      const full = all
      const measured = withSignature(measurer.measure(root, mmPerPx, spaced.current, all ? 'all' : dirty, offscreen), sigEl ? signatureHeight(sigEl, mmPerPx) : null)
      // read while the layout is clean (measured), before the spacing is written
      const view = viewOf(root)
      dirty = new Set()
      all = false
      // pushes in whole screen pixels, placed from where the ones before really put the text
      let layout = layoutPages(measured, pagination, { tightest: SIGNATURE.tightestPitch, pixelMm: mmPerPx })
      let closedUp = applyTightening(root, measured, layout.pages, SIGNATURE.tightestPitch)
      if (closedUp === null) {
        layout = layoutPages(measured, layout.pagination, { pixelMm: mmPerPx })
        closedUp = 0
      }
      pagination = layout.pagination
      // the same pushes keep the spacing in force (only a block Lexical re-created, which lost its
      // spacing, gets it back); they are whole pixels, so the same is the same to a hair
      if (!sameSpacers(applied.current, layout.spacers, mmPerPx / 8)) applied.current = layout.spacers
      const put = applySpacers(root, applied.current, spaced.current)
      spaced.current = put.spaced
      offscreen.hold(root, measured, applied.current, view, mmPerPx)
      // our own writes are no edit
      mutations.takeRecords()
      const changed = put.touched > 0
      // the block typed in holds its height only while nothing but its text changes (the height is
      // checked after each edit, so it measures as laid out)
      if (changed || closedUp) boundary.unlock()
      // lay the new spacing out now, in this task: left for later, the next keystroke's own layout
      // (Lexical reads the selection's position) would pay for every paragraph whose break moved
      if (changed) void root.offsetHeight
      if (sigEl) setSigTop(Math.round((signatureTop(measured, applied.current) - closedUp) * 100) / 100)
      if (headsRef.current) drawRepeatedHeads(headsRef.current, root, layout.pages, mmPerPx)
      setPages(layout.pages.length)
      performance.measure('dd:pageview', { start: began, detail: { read: measurer.lastRead, full } })
      window.dispatchEvent(new CustomEvent<PageViewEvent>(PAGE_VIEW_EVENT, { detail: { pages: layout.pages.length, changed, pieceTops: (p: number) => pieceTops(layout, measured, p) } }))
      // a change moved blocks: look once more, so what is shown is what was measured
      if (changed && checks++ < 3) schedule()
      else checks = 0
    }
    // Held blocks are let go near the screen and the caret (offscreen.ts); our own style writes are
    // no edit (the records pending before them are the edit's, and kept).
    const ours = (write: (root: HTMLElement) => void) => {
      const root = observed
      if (!root) return
      note(mutations.takeRecords())
      write(root)
      mutations.takeRecords()
    }
    let scrolled = 0
    const onScroll = () => {
      if (scrolled || !offscreen.count) return
      scrolled = requestAnimationFrame(() => {
        scrolled = 0
        ours((root) => {
          const view = viewOf(root)
          if (view) offscreen.reveal(view)
        })
      })
    }
    // before the browser moves the caret by lines or screens: what it moves through is laid out
    const onKey = (e: KeyboardEvent) => {
      if (!CARET_KEYS.has(e.key) || !offscreen.count) return
      ours((root) => {
        const view = viewOf(root)
        if (view) offscreen.reveal(view, caretBlock(root))
      })
    }
    const scrollEl = scrollRef.current
    scrollEl?.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('keydown', onKey, true)
    // in a task of its own once the frame that shows the edit is painted (rAF, then a task): off
    // the keystroke path — the browser runs a waiting keystroke before it — and the new breaks are
    // on the very next frame. (It was an idle callback, when a repagination laid out every paragraph
    // whose break moved; off-screen paragraphs now hold their height unlaid (offscreen.ts), and
    // waiting for idle cost a frame.) An edit of many blocks at once (a figure used a thousand
    // times changed, a paste) still waits for idle: each block it changed is laid out to be measured.
    const afterPaint = (bulk = false) => {
      cancel?.()
      let idle: (() => void) | null = null
      const frame = requestAnimationFrame(() => {
        idle = bulk ? whenIdle(run) : nextTask(run)
      })
      cancel = () => {
        cancelAnimationFrame(frame)
        idle?.()
      }
    }
    const schedule = () => {
      if (!cancel) afterPaint()
    }
    let lastEdit = -Infinity
    const fresh = (bulk = true) => {
      checks = 0
      const now = performance.now()
      const burst = now - lastEdit < BURST_MS
      lastEdit = now
      if (!burst) return afterPaint(bulk)
      // typing: measure once it pauses, so no keystroke waits for a repagination
      cancel?.()
      let idle: (() => void) | null = null
      const timer = window.setTimeout(() => {
        idle = whenIdle(run)
      }, SETTLE_MS)
      cancel = () => {
        clearTimeout(timer)
        idle?.()
      }
    }
    watch(editor.getRootElement())
    fresh()
    void document.fonts?.ready.then(() => {
      all = true
      fresh()
    })
    // the 落款: its height (a name added, an image loaded) changes where the last page breaks
    const sig = sigRef.current
    const heads = headsRef.current
    const sigResized = new ResizeObserver(() => fresh())
    const sigLoaded = () => fresh()
    if (sig) {
      sigResized.observe(sig)
      sig.addEventListener('load', sigLoaded, true)
    }
    kick.current = fresh
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      // a keystroke's edit dirties a paragraph and its root, a leaf or two
      if (!dirtyElements.size && !dirtyLeaves.size) return
      const bulk = dirtyElements.size + dirtyLeaves.size > BULK_NODES
      fresh(bulk)
      // the block the caret is in, typed in: laid out alone until its height changes
      boundary.lock(bulk || !observed ? null : caretBlock(observed))
    })
    return () => {
      unregister()
      boundary.unlock()
      if (observed) clearTightening(observed)
      offscreen.release(observed)
      scrollEl?.removeEventListener('scroll', onScroll)
      window.removeEventListener('keydown', onKey, true)
      cancelAnimationFrame(scrolled)
      watch(null)
      document.fonts?.removeEventListener('loadingdone', fontsLoaded)
      sigResized.disconnect()
      sig?.removeEventListener('load', sigLoaded, true)
      kick.current = () => {}
      heads?.replaceChildren()
      cancel?.()
      clearSpacers(spaced.current)
      spaced.current = new Map()
      applied.current = []
      setPages(1)
      setSigTop(null)
    }
  }, [editor, settings.pageView])
  useEffect(() => kick.current(), [signature])

  const on = settings.pageView
  return (
    <div className={`page-scroll${on ? ' paged-scroll' : ''}`} ref={scrollRef} data-testid="page-scroll">
      <div
        className={`page${on ? ' paged' : ''}`}
        ref={pageRef}
        data-pages={on ? pages : undefined}
        data-zoom={zoom}
        style={{ zoom: zoom / 100, ...(on ? { minHeight: `${pages * SHEET_PITCH_MM - SHEET_GAP_MM}mm` } : {}) }}
      >
        <div className="pv-probe" ref={probeRef} aria-hidden="true" />
        {on && (
          <div className="pv-sheets" aria-hidden="true">
            {Array.from({ length: pages }, (_, i) => (
              <div key={i} className={`pv-sheet ${i % 2 ? 'even' : 'odd'}`} style={{ top: `${i * SHEET_PITCH_MM}mm` }} data-page={i + 1}>
                <span className="pv-number" style={{ top: `${PAGE_NUMBER_TOP_MM}mm` }} title={t('pageOf', { page: i + 1, pages })}>
                  — {i + 1} —
                </span>
              </div>
            ))}
          </div>
        )}
        {on && <div className="pv-heads" ref={headsRef} aria-hidden="true" />}
        {on && <SignatureOverlay signature={signature} top={sigTop} elRef={sigRef} />}
        {children}
      </div>
    </div>
  )
}
