/**
 * A window that fits (issue 11), on a team document: the toolbar carries 团队 ▾, 批注 and the
 * connection as well, and still stands in one row that does not overlap itself, the page whole
 * beside the side column, at 1366×768 and 1920×1080. Looked at: test-results/layout-team-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningTeamServer } from '../../electron/team/server'
import { sampleDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { ROOT } from '../helpers/shell'
import type { TeamClient } from '../helpers/team'
import { sharedTeamDocument } from '../helpers/teamApp'

const e2e = useE2E()
const open: { servers: RunningTeamServer[]; clients: TeamClient[] } = { servers: [], clients: [] }
afterEach(async () => {
  for (const c of open.clients.splice(0)) c.destroy()
  for (const s of open.servers.splice(0)) await s.close()
})

/** The toolbar's visible items: how many rows they stand in, and any two that overlap. */
function toolbarLayout(page: Page): Promise<{ rows: number; overlapping: string[]; outside: string[]; labels: string[] }> {
  return page.locator('.toolbar').evaluate((bar) => {
    const items = [...bar.querySelectorAll<HTMLElement>(':scope > *, :scope > .toolbar-end > *')].filter((e) => e.offsetParent && !e.classList.contains('toolbar-end') && !e.classList.contains('sep'))
    const rects = items.map((e) => e.getBoundingClientRect())
    const name = (e: HTMLElement) => (e.getAttribute('data-testid') ?? e.textContent ?? e.tagName).trim().slice(0, 12)
    const overlapping: string[] = []
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const a = rects[i]!
        const b = rects[j]!
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlapping.push(`${name(items[i]!)} × ${name(items[j]!)}`)
      }
    const box = bar.getBoundingClientRect()
    const outside = items.filter((_, i) => rects[i]!.right > box.right + 0.5 || rects[i]!.left < box.left - 0.5).map(name)
    const rows = new Set(rects.map((r) => Math.round(r.top + r.height / 2))).size
    return { rows, overlapping, outside, labels: items.map((e) => (e.textContent ?? '').trim()) }
  })
}

describe('a team document in a window that fits', () => {
  it('keeps the toolbar (团队 ▾, 批注) in one row and the page whole, at 1366×768 and 1920×1080', async () => {
    const { sharerPage: page } = await sharedTeamDocument(e2e, open, '张三', sampleDocument())
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
    for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.locator('[data-testid=toolbar-comment]').waitFor()
      const layout = await toolbarLayout(page)
      expect(layout.labels.join(' ')).toMatch(/团队/)
      expect(layout.labels).toContain('批注')
      expect(layout.rows, layout.labels.join(' | ')).toBe(1)
      expect(layout.overlapping).toEqual([])
      expect(layout.outside).toEqual([])
      // with the caret in the title the row stays as it is
      await page.locator('.dd-title').click()
      expect((await toolbarLayout(page)).rows).toBe(1)
      // the 批注 tab open: the sheet whole in its area
      await page.click('[data-testid=tab-comments]')
      const sheetFits = await page.evaluate(() => {
        const sheet = document.querySelector('.pv-sheet, .page')!.getBoundingClientRect()
        const area = document.querySelector('.page-scroll')!.getBoundingClientRect()
        return sheet.left >= area.left - 0.5 && sheet.right <= area.right + 0.5
      })
      expect(sheetFits).toBe(true)
      // the list item under the pointer: its buttons beside the date, not over it
      await page.locator('.doc-list li').first().hover()
      const clash = await page.locator('.doc-list li').first().evaluate((li) => {
        const actions = li.querySelector('.doc-actions')!.getBoundingClientRect()
        const meta = li.querySelector('.doc-meta')!
        const text = document.createRange()
        text.selectNodeContents(meta)
        const shown = Math.min(text.getBoundingClientRect().right, meta.getBoundingClientRect().right - parseFloat(getComputedStyle(meta).paddingRight))
        return actions.width > 0 ? shown - actions.left : -1
      })
      expect(clash, 'the date runs under the item\'s buttons').toBeLessThan(0)
      await page.screenshot({ path: path.join(ROOT, 'test-results', `layout-team-${w}x${h}.png`) })
    }
  }, 120_000)
})
