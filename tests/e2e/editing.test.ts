import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { editorText, ROOT, typeWithIme, waitSaved } from '../helpers/shell'
import { outlineEntries, useE2E } from '../helpers/e2e'

const e2e = useE2E()
const tempDir = e2e.tempDir
const open = (dataDir: string) => e2e.openApp(dataDir)

async function newDocument(page: Page) {
  await page.click('[data-testid=new-document]')
  await page.locator('.document-body').waitFor()
  await page.click('.dd-title')
}

describe('writing a summary in the browser shell', () => {
  it('keeps Chinese typed through the IME across a reload and a server restart', async () => {
    const dataDir = tempDir()
    let { shell, page } = await open(dataDir)
    await newDocument(page)
    await typeWithIme(page, 'niandugongzuozongjie', '年度工作总结')
    await page.keyboard.press('Enter')
    await typeWithIme(page, 'jinnianyilai', '今年以来，')
    await typeWithIme(page, 'women', '我们扎实推进各项工作。')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+1')
    await typeWithIme(page, 'zhuyaogongzuo', '主要工作')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+2')
    await typeWithIme(page, 'jiaqianglingdao', '加强领导')
    await waitSaved(page)
    const typed = await editorText(page)
    expect(typed).toContain('今年以来，我们扎实推进各项工作。')
    expect(await page.locator('.dd-heading-1').getAttribute('data-number')).toBe('一、')
    expect(await page.locator('.dd-heading-2').getAttribute('data-number')).toBe('（一）')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、主要工作', '（一）加强领导'])

    await page.reload()
    await page.click('.doc-open')
    await page.locator('.document-body').waitFor()
    expect(await editorText(page)).toBe(typed)

    await e2e.stop(shell)
    ;({ shell, page } = await open(dataDir))
    await expect.poll(() => page.locator('.doc-title').first().innerText()).toBe('年度工作总结')
    await page.click('.doc-open')
    await page.locator('.document-body').waitFor()
    expect(await editorText(page)).toBe(typed)

    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'main-window.png') })
  })

  it('loses nothing when the server is killed one second after the last keystroke', async () => {
    const dataDir = tempDir()
    let { shell, page } = await open(dataDir)
    await newDocument(page)
    await page.keyboard.insertText('崩溃测试')
    await page.keyboard.press('Enter')
    const sentence = '每一个字都要保存下来，'
    for (let i = 0; i < 6; i++) await typeWithIme(page, 'zi', sentence[i]!)
    await page.keyboard.type('abc123')
    await typeWithIme(page, 'zuihou', '最后几个字')
    await page.waitForTimeout(1000)
    await e2e.stop(shell, 'SIGKILL')
    ;({ shell, page } = await open(dataDir))
    await page.click('.doc-open')
    await page.locator('.document-body').waitFor()
    expect(await editorText(page)).toBe('崩溃测试每一个字都要abc123最后几个字')
  })

  it('keeps bold, italic and underline, and undoes and redoes', async () => {
    const { page } = await open(tempDir())
    await newDocument(page)
    await page.keyboard.insertText('格式')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+B')
    await page.keyboard.insertText('加粗')
    await page.keyboard.press('Control+B')
    await page.keyboard.press('Control+U')
    await page.keyboard.insertText('下划线')
    await page.keyboard.press('Control+U')
    expect(await page.locator('.document-body .dd-bold').innerText()).toBe('加粗')
    expect(await page.locator('.document-body .dd-underline').innerText()).toBe('下划线')
    await page.keyboard.press('Control+Z')
    expect(await editorText(page)).not.toContain('下划线')
    await page.keyboard.press('Control+Y')
    expect(await editorText(page)).toContain('下划线')
    await waitSaved(page)
    await page.reload()
    await page.click('.doc-open')
    expect(await page.locator('.document-body .dd-bold').innerText()).toBe('加粗')
    expect(await page.locator('.document-body .dd-underline').innerText()).toBe('下划线')
  })
})

describe('the document list', () => {
  it('renames, starts a new draft from an old one, trashes, restores and searches', async () => {
    const { page } = await open(tempDir())
    await newDocument(page)
    await page.keyboard.insertText('2024年度工作总结')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('全年共开展志愿服务活动。')
    await waitSaved(page)

    const first = page.locator('.doc-list li').first()
    await first.hover()
    await first.locator('button[title=以此为底稿新建]').click()
    await expect.poll(() => page.locator('.doc-title').count()).toBe(2)
    expect(await editorText(page)).toContain('全年共开展志愿服务活动。')

    const copy = page.locator('.doc-list li', { hasText: '新稿' })
    await copy.hover()
    await copy.locator('button[title=重命名]').click()
    await page.locator('.doc-list input[aria-label=新的标题]').fill('2025年度工作总结')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.doc-title').allInnerTexts()).toContain('2025年度工作总结')
    expect(await page.locator('.dd-title').innerText()).toBe('2025年度工作总结')

    await page.fill('input[type=search]', '志愿服务')
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(2)
    await page.fill('input[type=search]', '')

    const old = page.locator('.doc-list li', { hasText: '2024年度' })
    await old.hover()
    await old.locator('button[title=删除]').click()
    await expect.poll(() => page.locator('.doc-title').allInnerTexts()).toEqual(['2025年度工作总结'])
    // the writer is told where it went
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain('《2024年度工作总结》已移到回收站，可在“回收站”里恢复。')
    await page.click('text=回收站')
    await page.click('text=恢复')
    await page.click('text=返回文稿')
    await expect.poll(() => page.locator('.doc-title').count()).toBe(2)
  })

  it('新建 again does not pile up empty 未命名文稿; one typed in (even a moment ago) or titled is kept', async () => {
    const { page } = await open(tempDir())
    const titles = () => page.locator('.doc-list .doc-title').allInnerTexts()
    const caretIn = (selector: string) =>
      page.evaluate((sel) => {
        const at = window.getSelection()?.anchorNode
        return !!(at instanceof Element ? at : at?.parentElement)?.closest(sel) && !!document.activeElement?.closest('.document-body')
      }, selector)
    await page.click('[data-testid=new-document]')
    await page.locator('.document-body').waitFor()
    await expect.poll(titles).toEqual(['未命名文稿'])
    await expect.poll(() => caretIn('.dd-title')).toBe(true)

    // body text typed and 新建 pressed at once (before autosave's pause): that document is the writer's
    await page.keyboard.press('Enter')
    await typeWithIme(page, 'quannian', '全年开展检查十二次。')
    await page.click('[data-testid=new-document]')
    await expect.poll(titles).toEqual(['未命名文稿', '未命名文稿'])
    await expect.poll(() => editorText(page)).toBe('')

    // the new one, untouched, is handed out again however often 新建 is pressed
    await page.click('[data-testid=new-document]')
    await page.click('[data-testid=new-document]')
    await expect.poll(titles).toEqual(['未命名文稿', '未命名文稿'])
    await expect.poll(() => caretIn('.dd-title')).toBe(true)
    // the other keeps its words
    await page.locator('.doc-list li:not(.active) .doc-open').click()
    await expect.poll(() => editorText(page)).toBe('全年开展检查十二次。')

    // titled: kept too
    await page.click('[data-testid=new-document]')
    await expect.poll(() => editorText(page)).toBe('')
    await page.click('.dd-title')
    await typeWithIme(page, 'niandu', '年度总结')
    await waitSaved(page)
    await page.click('[data-testid=new-document]')
    await expect.poll(() => titles().then((t) => [...t].sort())).toEqual(['年度总结', '未命名文稿', '未命名文稿'].sort())
    await page.reload()
    await expect.poll(() => titles().then((t) => t.length)).toBe(3)
  })

  it('says so when the library file is corrupt, leaves it alone, and starts a new one (the browser shell: on another --data-dir)', async () => {
    const dataDir = tempDir()
    const file = path.join(dataDir, 'library.sqlite')
    fs.writeFileSync(file, '这是一个被损坏的文件'.repeat(100))
    const before = fs.readFileSync(file)
    const { page } = await open(dataDir)
    await expect.poll(() => page.locator('.library-unavailable h1').innerText()).toBe('文稿库打不开')
    // the page names no path: the browser shell serves its --data-dir, and says how to use another
    expect(await page.locator('[data-testid=library-browser-shell]').innerText()).toContain('npm run serve -- --data-dir')
    expect(await page.locator('.library-unavailable input').count()).toBe(0)
    const fresh = await open(tempDir())
    await fresh.page.locator('[data-testid=new-document]').waitFor()
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })
})
