/**
 * 批注 end to end: a team document open in two browser shells (the sharer, an 编辑, and members
 * joined after), a phrase selected as a mouse drag would select it, a comment posted on it.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { SummaryDocument } from '../../shared/document/model'
import type { E2E } from './e2e'
import { editorText } from './shell'
import { sharedTeamDocument, type OpenTeam } from './teamApp'

const TIMEOUT = { timeout: 15_000 }

/**
 * The sharer's page once it shows `shows`; `member()` opens the document for another member and
 * returns when that page holds the same text.
 */
export async function teamWith(e2e: E2E, open: OpenTeam, sharer: string, model: SummaryDocument, shows: string) {
  const { sharerPage, prepare, openDocument } = await sharedTeamDocument(e2e, open, sharer, model)
  await expect.poll(() => editorText(sharerPage), TIMEOUT).toContain(shows)
  return {
    sharerPage,
    /** members are added before anyone lists them (the assign dialog reads the team's members) */
    async member(name: string, role: 'editor' | 'reviewer' | 'reader') {
      const page = await openDocument(await prepare(name, role, { version: 1, title: '旧稿', blocks: [], figures: [] }))
      await expect.poll(() => editorText(page), TIMEOUT).toBe(await editorText(sharerPage))
      return page
    },
  }
}

/** Selects a phrase of the text with the browser's own selection (as a mouse drag would). */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate(`(() => {
    const phrase = ${JSON.stringify(phrase)}
    const walker = document.createTreeWalker(document.querySelector('.document-body'), NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent.indexOf(phrase)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(n, at)
      range.setEnd(n, at + phrase.length)
      const s = getSelection()
      s.removeAllRanges()
      s.addRange(range)
      return
    }
    throw new Error('no ' + phrase)
  })()`)
}

/** 批注 on a phrase from the 批注 tab: select it, 添加批注, the draft quotes it, type, post. */
export async function addComment(page: Page, phrase: string, text: string): Promise<void> {
  await selectPhrase(page, phrase)
  await page.click('[data-testid=comment-add]')
  await expect.poll(() => page.locator('[data-testid=comment-draft] .comment-quote').innerText(), TIMEOUT).toContain(phrase)
  await page.fill('[data-testid=comment-input]', text)
  await page.click('[data-testid=comment-post]')
}
