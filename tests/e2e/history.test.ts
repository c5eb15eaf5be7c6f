/**
 * 版本记录 in the browser shell: a manual version compared with the current text (marks within the
 * paragraph), read as it prints, restored into the open editor as one undo step; and 彻底删除 of a
 * document with 定稿 (kept unless its name is typed). Looked at: test-results/history-*.png.
 */
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { sampleDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { editorText, waitSaved } from '../helpers/shell'

const e2e = useE2E()

describe('版本记录', () => {
  it('compares a version with the current text, restores it, and Ctrl+Z brings the newer text back', async () => {
    const page = await e2e.newDocument('2025年度安全生产工作总结')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.keyboard.insertText('全年召开专题会议12次，覆盖全镇。')
    await waitSaved(page)
    await page.keyboard.press('Control+S')
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain('已保存版本')

    // more writing: two changes inside the paragraph (12 → 15, 全镇 → 全镇各村), and a new paragraph
    await page.keyboard.press('Backspace')
    await page.keyboard.insertText('各村。')
    await expect.poll(() => editorText(page)).toContain('全镇各村。')
    await page.keyboard.press('Home')
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    await page.waitForTimeout(200)
    await page.keyboard.insertText('5')
    // the editor has taken the edit (and put its caret) before the caret moves on
    await expect.poll(() => editorText(page)).toContain('15次')
    await page.keyboard.press('Control+End')
    // Lexical takes a moved caret from the selectionchange event, which comes after the key
    await page.waitForTimeout(200)
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('开展安全生产月宣传活动，发放宣传资料3000余份。')
    await waitSaved(page)
    const newer = await editorText(page)

    await page.click('[data-testid=open-history]')
    const item = page.locator('[data-testid=revision-item][data-reason=manual]')
    await item.waitFor()
    // the time as the list shows it, whatever the browser's locale
    expect(await item.locator('.rev-time').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    expect(await item.innerText()).toContain('手动保存')
    await item.click()
    const view = page.locator('[data-testid=compare-view]')
    await view.waitFor()
    // the change inside the first paragraph is marked character by character, the new paragraph as a whole
    await expect.poll(() => view.locator('[data-change=changed] .diff-ins').allInnerTexts()).toEqual(['15', '各村'])
    expect(await view.locator('[data-change=changed] .diff-del').allInnerTexts()).toEqual(['12'])
    expect(await view.locator('[data-change=changed]').innerText()).toBe('全年召开专题会议1215次，覆盖全镇各村。')
    expect(await view.locator('[data-change=inserted] .diff-ins').innerText()).toBe('开展安全生产月宣传活动，发放宣传资料3000余份。')
    expect(await page.locator('[data-testid=compare-summary]').innerText()).toContain('改动 2 段：新增 25 字，删除 1 字')
    await page.screenshot({ path: 'test-results/history-compare.png' })

    // only the changes (and the title beside them), then the next change
    await page.click('[data-testid=history-only-changes]')
    expect(await view.locator('[data-change]').count()).toBe(3)
    await page.getByRole('button', { name: '下一处' }).click()
    await page.click('[data-testid=history-only-changes]')

    // read-only, as it prints
    await page.click('[data-testid=history-view]')
    const frame = page.frameLocator('[data-testid=revision-view]')
    await expect.poll(() => frame.locator('.dd-doc').innerText()).toContain('覆盖全镇。')
    expect(await frame.locator('.dd-doc').innerText()).not.toContain('各村')
    await page.screenshot({ path: 'test-results/history-view.png' })

    // restore: asked first, then the editor holds the old text
    await page.click('[data-testid=revision-restore]')
    await page.locator('[data-testid=restore-confirm]').waitFor()
    await page.click('[data-testid=restore-go]')
    await expect.poll(() => page.locator('.history-dialog').count()).toBe(0)
    await expect.poll(() => editorText(page)).toBe('2025年度安全生产工作总结全年召开专题会议12次，覆盖全镇。')
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain('已恢复到')
    await waitSaved(page)

    // one Ctrl+Z, right away (the keyboard is back in the text), undoes the whole restore
    await page.keyboard.press('Control+Z')
    await expect.poll(() => editorText(page)).toBe(newer)
    await waitSaved(page)

    // the text before the restore is a version of its own
    await page.click('[data-testid=open-history]')
    await expect.poll(() => page.locator('[data-testid=revision-item]').first().getAttribute('data-reason')).toBe('restore')
    await page.click('[data-testid=history-close]')
    await expect.poll(() => page.locator('.history-dialog').count()).toBe(0)

    // and autosave stored it: the document reopens with the newer text
    await page.reload()
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await expect.poll(() => editorText(page)).toBe(newer)
  })
})

describe('版本记录 of a long summary', () => {
  it('marks headings, figures and the signature, and folds what did not change', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    const h = services.handlers
    const model = sampleDocument()
    for (let i = 1; i <= 12; i++) model.blocks.splice(1, 0, { type: 'paragraph', children: [{ type: 'text', text: `第${13 - i}段：坚持问题导向，细化工作措施，推动各项任务落地见效。` }] })
    const doc = await callApi(h, 'documents.create', { title: '', model })
    await callApi(h, 'documents.snapshot', { id: doc.id, reason: 'manual' })
    const edited = structuredClone(model)
    edited.blocks[0] = { type: 'paragraph', children: [{ type: 'text', text: '一年来，我办围绕年初确定的目标任务，压紧压实责任，扎实开展隐患排查整治。现将全年工作总结如下：' }] }
    edited.blocks.splice(5, 1)
    edited.blocks.splice(17, 0, { type: 'heading', level: 1, title: [{ type: 'text', text: '创新做法' }] }, { type: 'paragraph', children: [{ type: 'text', text: '推行网格化安全监管，全镇划分网格42个。' }] })
    edited.figures = [{ ...edited.figures[0]!, value: 38 }]
    edited.signature = { ...edited.signature!, date: '2025-12-26' }
    await callApi(h, 'documents.save', { id: doc.id, model: edited, baseVersion: doc.version })
    services.close()

    const { page } = await e2e.openApp(dataDir)
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await page.click('[data-testid=open-history]')
    await page.locator('[data-testid=revision-item][data-reason=manual]').click()
    const view = page.locator('[data-testid=compare-view]')
    await view.waitFor()
    // a new section: inserted whole, and the heading after it keeps its (new) number unmarked
    expect(await view.locator('[data-change=inserted]').allInnerTexts()).toEqual(['二、创新做法', '推行网格化安全监管，全镇划分网格42个。'])
    const later = view.locator('.cmp-heading', { hasText: '存在的问题' })
    expect(await later.getAttribute('data-change')).toBe('equal')
    expect(await later.innerText()).toBe('三、存在的问题')
    expect(await view.locator('[data-change=deleted]').innerText()).toContain('第5段')
    // a figure's value, as its text, and the date of the signature
    expect(await view.locator('[data-change=changed] .diff-ins').allInnerTexts()).toEqual(expect.arrayContaining(['38', '26']))
    await page.screenshot({ path: 'test-results/history-compare-long.png' })
    await page.click('[data-testid=history-only-changes]')
    expect(await view.locator('.cmp-skipped').count()).toBeGreaterThan(0)
    await page.screenshot({ path: 'test-results/history-only-changes.png' })
  })
})

describe('彻底删除 a document with 定稿', () => {
  it('says the 定稿 stay and keeps them; deleting them too needs the name typed', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    const kept = await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument('甲镇年度总结') })
    const keptFinal = await callApi(services.handlers, 'finals.create', { id: kept.id, name: '报送稿', author: '张三' })
    const gone = await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument('乙镇年度总结') })
    const goneFinal = await callApi(services.handlers, 'finals.create', { id: gone.id, name: '报送稿', author: '张三' })
    for (const id of [kept.id, gone.id]) await callApi(services.handlers, 'documents.trash', { id })
    services.close()

    const { page } = await e2e.openApp(dataDir)
    await page.getByRole('button', { name: '回收站', exact: true }).click()
    const row = (title: string) => page.locator('.doc-list li', { hasText: title })

    await row('甲镇年度总结').getByRole('button', { name: '彻底删除' }).click()
    const dialog = page.locator('[data-testid=purge-dialog]')
    await dialog.waitFor()
    expect(await dialog.locator('[data-testid=purge-finals]').innerText()).toContain('有 1 份定稿')
    await page.screenshot({ path: 'test-results/history-purge.png' })
    await dialog.locator('[data-testid=purge-go]').click()
    await expect.poll(() => row('甲镇年度总结').count()).toBe(0)

    await row('乙镇年度总结').getByRole('button', { name: '彻底删除' }).click()
    await dialog.waitFor()
    await dialog.locator('[data-testid=purge-delete-finals]').check()
    await dialog.locator('[data-testid=purge-name]').fill('乙镇')
    expect(await dialog.locator('[data-testid=purge-go]').isDisabled()).toBe(true)
    await dialog.locator('[data-testid=purge-name]').fill('乙镇年度总结')
    await dialog.locator('[data-testid=purge-go]').click()
    await expect.poll(() => row('乙镇年度总结').count()).toBe(0)

    const after = createServices({ dataDir })
    expect((await callApi(after.handlers, 'finals.get', { revisionId: keptFinal.revisionId })).final.name).toBe('报送稿')
    expect((await after.dispatch('finals.get', { revisionId: goneFinal.revisionId })).ok).toBe(false)
    after.close()
  })
})
