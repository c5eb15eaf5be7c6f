/**
 * The main window's bounds and maximized flag, kept in `window-state.json` in the data dir.
 * Loading never throws: a missing or corrupt file gives the defaults, and bounds that would put the
 * window off every display are pulled back onto one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const WINDOW_STATE_FILE = 'window-state.json'
export const MIN_WINDOW_WIDTH = 800
export const MIN_WINDOW_HEIGHT = 560
/** At least this much of the window (a title-bar's worth) must be on a display to keep its place. */
const MIN_VISIBLE = 64

const Coordinate = z.number().int().min(-100_000).max(100_000)
const Size = z.number().int().min(1).max(100_000)

export const WindowStateSchema = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: Size,
  height: Size,
  maximized: z.boolean(),
})
/** Without x/y the window is centred by Electron. */
export type WindowState = z.infer<typeof WindowStateSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({ width: 1280, height: 860, maximized: false })

export function windowStatePath(dataDir: string): string {
  return path.join(dataDir, WINDOW_STATE_FILE)
}

/**
 * Reads the saved state and fits it onto the given displays' work areas (screen.getAllDisplays()
 * .map(d => d.workArea), primary first). Missing or corrupt file → defaults.
 */
export function loadWindowState(dataDir: string, workAreas: readonly Rect[] = []): WindowState {
  let state: WindowState = { ...DEFAULT_WINDOW_STATE }
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(fs.readFileSync(windowStatePath(dataDir), 'utf8')))
    if (parsed.success) state = parsed.data
  } catch {
    // no file yet, unreadable, or not JSON: the defaults
  }
  return fitToDisplays(state, workAreas)
}

/** Writes the state atomically (temp file, then rename). Throws on I/O errors. */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const checked = WindowStateSchema.parse({
    ...state,
    x: state.x === undefined ? undefined : Math.round(state.x),
    y: state.y === undefined ? undefined : Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
  })
  fs.mkdirSync(dataDir, { recursive: true })
  const file = windowStatePath(dataDir)
  const temp = `${file}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temp, JSON.stringify(checked, null, 2) + '\n', 'utf8')
    fs.renameSync(temp, file)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max)

/**
 * Fits the state onto the displays: the size is limited to the work area (and the window's
 * minimum), a window mostly off-screen is centred on the primary display, and one partly off the
 * display it is on is moved fully inside it. With no displays given the state is returned as is.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0]
  if (!primary) return { ...state }

  let area = primary
  let placed = state.x !== undefined && state.y !== undefined
  if (placed) {
    const bounds: Rect = { x: state.x!, y: state.y!, width: state.width, height: state.height }
    let best = -1
    for (const candidate of workAreas) {
      const o = overlap(bounds, candidate)
      const visible = o.width >= Math.min(MIN_VISIBLE, bounds.width) && o.height >= Math.min(MIN_VISIBLE, bounds.height)
      if (visible && o.width * o.height > best) {
        best = o.width * o.height
        area = candidate
      }
    }
    if (best < 0) {
      area = primary
      placed = false
    }
  }

  const width = clamp(state.width, Math.min(MIN_WINDOW_WIDTH, area.width), area.width)
  const height = clamp(state.height, Math.min(MIN_WINDOW_HEIGHT, area.height), area.height)
  const x = placed ? clamp(state.x!, area.x, area.x + area.width - width) : area.x + Math.floor((area.width - width) / 2)
  const y = placed ? clamp(state.y!, area.y, area.y + area.height - height) : area.y + Math.floor((area.height - height) / 2)
  return { x, y, width, height, maximized: state.maximized }
}
