import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
  windowStatePath,
  type Rect,
} from '../../../electron/main/windowState'

const FULL_HD: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-window-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('window state file', () => {
  it('round-trips bounds and the maximized flag', () => {
    const state = { x: 100, y: 50, width: 1400, height: 900, maximized: true }
    saveWindowState(dir, state)
    expect(loadWindowState(dir, [FULL_HD])).toEqual(state)
    expect(JSON.parse(fs.readFileSync(windowStatePath(dir), 'utf8'))).toEqual(state)
  })

  it('rounds fractional bounds (scaled displays) and leaves no temp file behind', () => {
    saveWindowState(dir, { x: 100.4, y: 50.6, width: 1400.5, height: 900.2, maximized: false })
    expect(loadWindowState(dir)).toEqual({ x: 100, y: 51, width: 1401, height: 900, maximized: false })
    expect(fs.readdirSync(dir)).toEqual(['window-state.json'])
  })

  it('creates the data dir when needed', () => {
    const nested = path.join(dir, 'a', 'b')
    saveWindowState(nested, { width: 1000, height: 700, maximized: false })
    expect(loadWindowState(nested)).toEqual({ width: 1000, height: 700, maximized: false })
  })

  it('gives the defaults, 1280×860 centred, when there is no file', () => {
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE)
    expect(DEFAULT_WINDOW_STATE).toEqual({ width: 1280, height: 860, maximized: false })
    expect(loadWindowState(dir, [FULL_HD])).toEqual({ x: 320, y: 90, width: 1280, height: 860, maximized: false })
  })

  it.each([
    ['not JSON', '{"x": 1,'],
    ['empty', ''],
    ['wrong types', JSON.stringify({ x: 'left', y: 0, width: 1000, height: 700, maximized: false })],
    ['missing fields', JSON.stringify({ x: 0, y: 0 })],
    ['absurd size', JSON.stringify({ width: -5, height: 1e12, maximized: false })],
    ['null', 'null'],
    ['an array', '[1,2,3]'],
  ])('gives the defaults for a corrupt file (%s)', (_name, content) => {
    fs.writeFileSync(windowStatePath(dir), content)
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('refuses to save a bad state', () => {
    expect(() => saveWindowState(dir, { width: Number.NaN, height: 700, maximized: false })).toThrow()
    expect(fs.existsSync(windowStatePath(dir))).toBe(false)
  })
})

describe('fitToDisplays', () => {
  it('keeps a window that is on a display', () => {
    const state = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false }
    expect(fitToDisplays(state, [FULL_HD, RIGHT])).toEqual(state)
  })

  it('centres an off-screen window on the primary display', () => {
    // saved while a second monitor was attached, now gone
    expect(fitToDisplays({ x: 3000, y: 200, width: 1280, height: 860, maximized: false }, [FULL_HD])).toEqual({
      x: 320,
      y: 90,
      width: 1280,
      height: 860,
      maximized: false,
    })
    expect(fitToDisplays({ x: -5000, y: -5000, width: 1000, height: 700, maximized: true }, [FULL_HD])).toMatchObject({ x: 460, y: 170, maximized: true })
  })

  it('centres a window showing only a sliver on a display', () => {
    expect(fitToDisplays({ x: 1900, y: 100, width: 1000, height: 700, maximized: false }, [FULL_HD])).toMatchObject({ x: 460, y: 170 })
  })

  it('pulls a partly visible window fully onto its display', () => {
    expect(fitToDisplays({ x: 1500, y: -200, width: 1000, height: 700, maximized: false }, [FULL_HD])).toEqual({
      x: 920,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    })
  })

  it('shrinks a window larger than the display, down to the minimum size at most', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 }
    expect(fitToDisplays({ x: 0, y: 0, width: 2500, height: 1400, maximized: false }, [small])).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
      maximized: false,
    })
    expect(fitToDisplays({ x: 10, y: 10, width: 300, height: 200, maximized: false }, [FULL_HD])).toMatchObject({ width: 800, height: 560 })
  })

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1280, y: -200, width: 1280, height: 1024 }
    expect(fitToDisplays({ x: -1200, y: -150, width: 1000, height: 800, maximized: false }, [FULL_HD, left])).toEqual({
      x: -1200,
      y: -150,
      width: 1000,
      height: 800,
      maximized: false,
    })
  })

  it('leaves the state alone when no display is known', () => {
    const state = { x: 99999, y: 5, width: 1000, height: 700, maximized: false }
    expect(fitToDisplays(state, [])).toEqual(state)
  })
})
