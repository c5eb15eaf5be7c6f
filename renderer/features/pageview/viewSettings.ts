/**
 * How the writer looks at the page, remembered across sessions (localStorage): page view on or off,
 * the 显示比例 (a percentage, or 适合页宽 which follows the window), and which side columns are
 * folded away. One small store read by the editor (page view, zoom) and the window (status bar,
 * columns) through `useViewSettings`.
 */
import { useSyncExternalStore } from 'react'

export const ZOOM_MIN = 50
export const ZOOM_MAX = 200
/** the steps Ctrl+= / Ctrl+- walk through */
export const ZOOM_STEPS = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200] as const

export interface ViewSettings {
  pageView: boolean
  /** percent, or 'fit': the page's width follows the space it has (适合页宽) */
  zoom: number | 'fit'
  docListOpen: boolean
  sidePanelOpen: boolean
}

const KEY = 'draftdesk.view'
const DEFAULTS: ViewSettings = { pageView: true, zoom: 100, docListOpen: true, sidePanelOpen: true }

const clampZoom = (z: number) => Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, z)))

function load(): ViewSettings {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    if (!raw || typeof raw !== 'object') return DEFAULTS
    const r = raw as Record<string, unknown>
    return {
      pageView: typeof r.pageView === 'boolean' ? r.pageView : DEFAULTS.pageView,
      zoom: r.zoom === 'fit' ? 'fit' : typeof r.zoom === 'number' && Number.isFinite(r.zoom) ? clampZoom(r.zoom) : DEFAULTS.zoom,
      docListOpen: typeof r.docListOpen === 'boolean' ? r.docListOpen : DEFAULTS.docListOpen,
      sidePanelOpen: typeof r.sidePanelOpen === 'boolean' ? r.sidePanelOpen : DEFAULTS.sidePanelOpen,
    }
  } catch {
    return DEFAULTS
  }
}

let current: ViewSettings | null = null
const listeners = new Set<() => void>()

export function viewSettings(): ViewSettings {
  return (current ??= load())
}

export function setViewSettings(change: Partial<ViewSettings> | ((s: ViewSettings) => Partial<ViewSettings>)): void {
  const now = viewSettings()
  const patch = typeof change === 'function' ? change(now) : change
  const next = { ...now, ...patch }
  if (typeof next.zoom === 'number') next.zoom = clampZoom(next.zoom)
  if ((Object.keys(next) as (keyof ViewSettings)[]).every((k) => next[k] === now[k])) return
  current = next
  try {
    localStorage.setItem(KEY, JSON.stringify(next))
  } catch {
    // storage full or refused: the setting holds for this session
  }
  for (const l of listeners) l()
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => void listeners.delete(l)
}

export function useViewSettings(): ViewSettings {
  return useSyncExternalStore(subscribe, viewSettings)
}

/** The next zoom step up or down from `zoom` (the percentage shown when the page fits its width). */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > zoom + 0.5) ?? ZOOM_MAX
  return [...ZOOM_STEPS].reverse().find((s) => s < zoom - 0.5) ?? ZOOM_MIN
}

// The zoom in force (the percentage 适合页宽 works out to), published by the page for the status bar
// and for Ctrl+= / Ctrl+- to step from. Not remembered.
let effective = 100
const effectiveListeners = new Set<() => void>()
export function setEffectiveZoom(z: number): void {
  if (Math.abs(z - effective) < 0.01) return
  effective = z
  for (const l of effectiveListeners) l()
}
export const effectiveZoom = (): number => effective
export function useEffectiveZoom(): number {
  return useSyncExternalStore((l) => {
    effectiveListeners.add(l)
    return () => void effectiveListeners.delete(l)
  }, effectiveZoom)
}

/** Zooms one step in or out from what is shown now (leaving 适合页宽). */
export function zoomStep(direction: 1 | -1): void {
  setViewSettings({ zoom: stepZoom(effective, direction) })
}
