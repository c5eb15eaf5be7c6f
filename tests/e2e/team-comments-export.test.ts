/**
 * 批注 in the exported Word file, end to end (issue 13 item 6: "hidden in print and export unless
 * asked, then as Word comments in the DOCX"): the real team server on loopback, a 审阅 member
 * comments on a phrase, the 编辑 replies and exports DOCX from 出稿 — without 导出批注 the file
 * has no comment; with it the comment sits on exactly the commented words, with its reply; a
 * resolved thread goes only with its own box; a thread whose words were deleted is left out and
 * the dialog says so.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sampleDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { addComment, selectPhrase, teamWith } from '../helpers/comments'
import { editorText, ROOT, toolbarClick } from '../helpers/shell'
import { useOpenTeam } from '../helpers/teamApp'

const e2e = useE2E()
const open = useOpenTeam()

const TIMEOUT = { timeout: 15_000 }
/** 出稿 > Word: the file's comments part, its body and what the dialog said. */
async function exportDocx(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-docx]')])
  const file = path.join(e2e.tempDir(), 'out.docx')
  await download.saveAs(file)
  const zip = await JSZip.loadAsync(fs.readFileSync(file))
  await expect.poll(() => page.locator('[data-testid=output-message]').innerText(), TIMEOUT).toContain('已导出')
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    comments: (await zip.file('word/comments.xml')?.async('string')) ?? null,
    message: await page.locator('[data-testid=output-message]').innerText(),
  }
}

/** The words a Word comment covers in document.xml. */
function covered(xml: string, id: number): string {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`)
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`)
  if (start < 0 || end < start) return `(comment ${id} not found)`
  return [...xml.slice(start, end).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

describe('批注 in the exported DOCX', () => {
  it('only when 导出批注 is ticked: on exactly the commented words, with replies; resolved ones with their own box; deleted words counted', async () => {
    const team = await teamWith(e2e, open, '张三', sampleDocument(), '层层压实责任')
    const editor = team.sharerPage
    const reviewer = await team.member('李处长', 'reviewer')

    await reviewer.click('[data-testid=tab-comments]')
    await addComment(reviewer, '层层压实责任', '责任怎么压实的？请举一例。')
    await addComment(reviewer, '督促整改', '整改了多少？')
    await addComment(reviewer, '隐患排查', '排查范围写清楚。')
    await expect.poll(() => reviewer.locator('[data-testid=thread]').count(), TIMEOUT).toBe(3)

    // the editor answers the first, the reviewer resolves the second
    await editor.click('[data-testid=tab-comments]')
    await expect.poll(() => editor.locator('[data-testid=thread]').count(), TIMEOUT).toBe(3)
    await editor.locator('[data-testid=thread]', { hasText: '责任怎么压实的' }).locator('[data-testid=thread-reply]').click()
    await editor.fill('[data-testid=reply-input]', '已补充一例。')
    await editor.click('[data-testid=reply-post]')
    await reviewer.locator('[data-testid=thread]', { hasText: '整改了多少' }).locator('[data-testid=thread-resolve]').click()
    await expect.poll(() => editor.locator('[data-testid=thread]').count(), TIMEOUT).toBe(2)

    // the editor deletes the words of the third thread
    await selectPhrase(editor, '隐患排查')
    await editor.keyboard.press('Backspace')
    await expect.poll(() => editorText(reviewer), TIMEOUT).not.toContain('隐患排查')

    await toolbarClick(editor, '[data-testid=open-output]')
    await editor.locator('[data-testid=output-dialog]').waitFor()
    // off by default, and said next to it: PDF and print never show comments
    expect(await editor.locator('[data-testid=export-comments]').isChecked()).toBe(false)
    expect(await editor.locator('[data-testid=export-comments-hint]').innerText()).toContain('PDF 和打印从不显示批注')

    const without = await exportDocx(editor)
    expect(without.comments).toBeNull()
    expect(without.document).not.toContain('commentRange')

    await editor.check('[data-testid=export-comments]')
    await editor.screenshot({ path: path.join(ROOT, 'test-results', 'output-comments.png') })
    const withComments = await exportDocx(editor)
    expect(withComments.comments).toContain('责任怎么压实的？请举一例。')
    expect(withComments.comments).toMatch(/w:author="李处长"/)
    expect(withComments.comments).toMatch(/w:author="张三"[^>]*>.*已补充一例。/s)
    expect(withComments.comments).not.toContain('整改了多少')
    expect(covered(withComments.document, 0)).toBe('层层压实责任')
    expect(covered(withComments.document, 1)).toBe('层层压实责任')
    expect(withComments.message).toContain('写入 1 条批注')
    expect(withComments.message).toContain('1 条批注所批的文字已删除')

    // the resolved thread too, when asked: marked resolved in Word
    await editor.check('[data-testid=export-comments-resolved]')
    const resolved = await exportDocx(editor)
    expect(resolved.comments).toContain('整改了多少')
    expect(covered(resolved.document, 2)).toBe('督促整改')
    expect(resolved.message).toContain('写入 2 条批注')
  }, 150_000)
})
