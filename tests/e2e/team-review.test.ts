/**
 * 批注 and 分工 end to end: the real team server in this process on loopback, each member a
 * browser shell of their own (own library, own member code, joined and linked through the API as
 * 团队 > 加入团队 and 共享到团队 would), each page in its own Chromium context. A 审阅 member
 * comments on a phrase; the 编辑 types before it and the mark still covers the same words in both
 * pages; replies, 解决 and 重新打开 reach the other page; a section assigned by one 编辑 shows in
 * the other's outline with its state, which its writer moves; 我的部分 keeps the writer's sections.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sampleDocument } from '../helpers/documents'
import { outlineEntries } from '../helpers/e2e'
import { useE2E } from '../helpers/e2e'
import { addComment, selectPhrase, teamWith } from '../helpers/comments'
import { editorText, ROOT } from '../helpers/shell'
import { useOpenTeam } from '../helpers/teamApp'

const e2e = useE2E()
const open = useOpenTeam()

const TIMEOUT = { timeout: 15_000 }

async function shot(page: Page, name: string) {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
  await page.screenshot({ path: path.join(ROOT, 'test-results', name) })
}

/** The words each comment mark covers (the CSS highlight ranges), in document order. */
const marked = (page: Page, name = 'dd-comment') =>
  page.evaluate(`(() => { const h = CSS.highlights.get(${JSON.stringify(name)}); return h ? [...h].map((r) => r.toString()) : [] })()`) as Promise<string[]>
const allMarked = async (page: Page) => [...(await marked(page)), ...(await marked(page, 'dd-comment-active'))]

describe('批注', () => {
  it('a reviewer’s comment follows its phrase as the editor types before it; replies, resolve and reopen reach both pages', async () => {
    const team = await teamWith(e2e, open, '张三', sampleDocument(), '层层压实责任')
    const editor = team.sharerPage
    const reviewer = await team.member('李处长', 'reviewer')

    await reviewer.click('[data-testid=tab-comments]')
    await addComment(reviewer, '层层压实责任', '责任怎么压实的？请举一例。')
    await expect.poll(() => allMarked(reviewer), TIMEOUT).toEqual(['层层压实责任'])

    await editor.click('[data-testid=tab-comments]')
    await expect.poll(() => editor.locator('[data-testid=thread] [data-testid=comment]').allInnerTexts(), TIMEOUT).toEqual([expect.stringContaining('责任怎么压实的？请举一例。')])
    await expect.poll(() => allMarked(editor), TIMEOUT).toEqual(['层层压实责任'])

    // the editor types at the start of the paragraph and inside the sentence before the phrase
    // a click in the first line's indent, then Home: the paragraph's start however its lines wrap
    await editor.locator('.document-body .dd-paragraph').first().click({ position: { x: 4, y: 6 } })
    await editor.keyboard.press('Home')
    await editor.keyboard.insertText('过去的')
    await expect.poll(() => editorText(reviewer), TIMEOUT).toContain('过去的一年来')
    for (const page of [editor, reviewer]) await expect.poll(() => allMarked(page), TIMEOUT).toEqual(['层层压实责任'])

    // a reply from the editor, seen by the reviewer
    await editor.click('[data-testid=thread-reply]')
    await editor.fill('[data-testid=reply-input]', '已补充一例：与各村签订责任书。')
    await editor.click('[data-testid=reply-post]')
    await expect.poll(() => reviewer.locator('[data-testid=thread] [data-testid=comment]').count(), TIMEOUT).toBe(2)
    expect(await reviewer.locator('[data-testid=thread] [data-testid=comment]').nth(1).innerText()).toContain('张三')
    // its time in the one form the app shows times in
    expect(await reviewer.locator('[data-testid=thread] [data-testid=comment-time]').nth(1).innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)

    // a click on the thread selects its words
    await reviewer.locator('[data-testid=thread-quote]').click()
    await expect.poll(() => reviewer.evaluate('getSelection().toString()'), TIMEOUT).toBe('层层压实责任')
    await shot(reviewer, 'team-review-comment.png')

    // Ctrl+Alt+M in the editor's own text starts a comment on its selection
    await editor.locator('.document-body .dd-paragraph').first().click()
    await selectPhrase(editor, '隐患排查')
    await editor.keyboard.press('Control+Alt+KeyM')
    await expect.poll(() => editor.locator('[data-testid=comment-draft] .comment-quote').innerText(), TIMEOUT).toContain('隐患排查')
    await editor.click('[data-testid=comment-draft] button:not(.primary)')

    // 解决 by the reviewer: the thread and its mark leave the editor's page; 重新打开 brings them back
    await reviewer.click('[data-testid=thread-resolve]')
    await expect.poll(() => editor.locator('[data-testid=thread]').count(), TIMEOUT).toBe(0)
    await expect.poll(() => allMarked(editor), TIMEOUT).toEqual([])
    await editor.check('[data-testid=comments-show-resolved]')
    await expect.poll(() => editor.locator('.comment-resolved-by').innerText(), TIMEOUT).toContain('李处长')
    await editor.click('[data-testid=thread-reopen]')
    await expect.poll(() => allMarked(reviewer), TIMEOUT).toEqual(['层层压实责任'])
    await expect.poll(() => allMarked(editor), TIMEOUT).toEqual(['层层压实责任'])

    // a click on the marked words in the text brings their thread forward; elsewhere lets it go
    await editor.locator('.document-body .dd-heading').first().click()
    await expect.poll(() => marked(editor), TIMEOUT).toEqual(['层层压实责任'])
    expect(await editor.locator('[data-testid=thread].active').count()).toBe(0)
    const box = (await editor.evaluate(`(() => { const r = [...CSS.highlights.get('dd-comment')][0].getClientRects()[0]; return { x: r.left + r.width / 2, y: r.top + r.height / 2 } })()`)) as { x: number; y: number }
    await editor.mouse.click(box.x, box.y)
    await expect.poll(() => marked(editor, 'dd-comment-active'), TIMEOUT).toEqual(['层层压实责任'])
    expect(await editor.locator('[data-testid=thread].active').count()).toBe(1)
  }, 120_000)
})

describe('分工', () => {
  it('an assignment made by one editor shows in the other’s outline with its state, which its writer moves; 我的部分', async () => {
    const team = await teamWith(e2e, open, '王统稿', sampleDocument(), '层层压实责任')
    const lead = team.sharerPage
    const writer = await team.member('李四', 'editor')
    const reviewer = await team.member('赵处长', 'reviewer')

    // the lead assigns 存在的问题 to 李四 with a due date
    await lead.click('[data-testid=tab-outline]')
    const row = lead.locator('.outline li[data-key]', { hasText: '存在的问题' })
    await row.hover()
    await row.locator('[data-testid=assign-open]').click()
    await lead.selectOption('[data-testid=assign-member]', '李四')
    await lead.fill('[data-testid=assign-due]', '2026-12-20')
    await lead.click('[data-testid=assign-save]')

    const badgeIn = (page: Page) => page.locator('.outline li[data-key]', { hasText: '存在的问题' }).locator('[data-testid=assign-badge]')
    for (const page of [writer, reviewer]) {
      await page.click('[data-testid=tab-outline]')
      await expect.poll(() => badgeIn(page).innerText(), TIMEOUT).toMatch(/李四\s*待写/)
    }
    await expect.poll(() => lead.locator('[data-testid=assign-progress]').innerText(), TIMEOUT).toContain('已交稿 0/1')

    // the writer hands it in
    await badgeIn(writer).click()
    await writer.selectOption('[data-testid=assign-state]', 'submitted')
    await writer.click('[data-testid=assign-save]')
    await expect.poll(() => badgeIn(lead).getAttribute('data-state'), TIMEOUT).toBe('submitted')
    await expect.poll(() => lead.locator('[data-testid=assign-progress]').innerText(), TIMEOUT).toContain('已交稿 1/1')

    // the reviewer marks it 已审
    await expect.poll(() => badgeIn(reviewer).getAttribute('data-state'), TIMEOUT).toBe('submitted')
    await badgeIn(reviewer).click()
    await reviewer.selectOption('[data-testid=assign-state]', 'reviewed')
    await reviewer.click('[data-testid=assign-save]')
    await expect.poll(() => badgeIn(writer).innerText(), TIMEOUT).toMatch(/李四\s*已审/)

    // 我的部分: the writer's outline keeps their section only
    const all = await outlineEntries(writer)
    expect(all.length).toBeGreaterThan(1)
    await writer.check('[data-testid=outline-mine]')
    await expect.poll(() => outlineEntries(writer), TIMEOUT).toEqual([expect.stringContaining('存在的问题')])
    await writer.uncheck('[data-testid=outline-mine]')
    await expect.poll(() => outlineEntries(writer), TIMEOUT).toEqual(all)

    // the heading retitled by the lead: the assignment stays on it
    await lead.locator('.document-body .dd-heading', { hasText: '存在的问题' }).first().click()
    await lead.keyboard.press('End')
    await lead.keyboard.insertText('和不足')
    await expect.poll(() => writer.locator('.outline li[data-key]', { hasText: '存在的问题和不足' }).locator('[data-testid=assign-badge]').count(), TIMEOUT).toBe(1)
    await shot(lead, 'team-review-outline.png')
  }, 150_000)
})
