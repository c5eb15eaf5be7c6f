/**
 * 文件 › 备份与恢复… in the real renderer: 立即备份, then 恢复 after a confirmation naming the time,
 * and the document list reloaded from the restored library; the screen shown when the library
 * cannot be opened restores the newest backup; a read-only library shows its banner.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { sampleDocument } from '../helpers/documents'
import { useE2E } from '../helpers/e2e'
import { editorText, waitSaved } from '../helpers/shell'

const e2e = useE2E()
const undo: (() => void)[] = []
afterEach(() => {
  for (const u of undo.splice(0)) u()
})

describe('备份与恢复', () => {
  it('backs up now, and restores that backup after a confirmation naming its time', async () => {
    const page = await e2e.newDocument('备份之前')
    await page.keyboard.insertText('这是备份时的正文。')
    await waitSaved(page)

    await page.click('[data-testid=backups-button]')
    const dialog = page.locator('[data-testid=backups-dialog]')
    await dialog.waitFor()
    await page.click('[data-testid=backup-now]')
    await expect.poll(() => page.locator('[data-testid=backups-message]').innerText()).toMatch(/^已备份：/)
    const row = dialog.locator('tbody tr', { hasText: '手动' })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toContain('1 篇')
    const time = (await row.locator('td').first().innerText()).trim()
    await page.screenshot({ path: 'test-results/backups-dialog.png' })
    await page.click('[data-testid=backups-close]')

    // the writer goes on and changes the text
    await page.click('.dd-paragraph >> nth=0')
    await page.keyboard.press('End')
    await page.keyboard.insertText('备份之后又写的话。')
    // no waiting for the autosave: the restore saves what was typed first, into the backup it takes

    await page.click('[data-testid=backups-button]')
    await row.locator('button', { hasText: '恢复' }).click()
    const confirm = page.locator('[data-testid=restore-confirm]')
    expect(await confirm.innerText()).toContain(time)
    await confirm.locator('button', { hasText: '恢复这个备份' }).click()
    // the dialog closes, the open document is closed, the list comes from the restored library
    await expect.poll(() => page.locator('[data-testid=backups-dialog]').count()).toBe(0)
    await expect.poll(() => page.locator('.document-body').count()).toBe(0)
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain(`已恢复 ${time} 的备份`)
    await page.locator('.doc-open', { hasText: '备份之前' }).click()
    await expect.poll(() => editorText(page)).toContain('这是备份时的正文。')
    expect(await editorText(page)).not.toContain('备份之后又写的话')

    // the library as it was before the restore was backed up, with what was typed last: restoring it brings that back
    await page.click('[data-testid=backups-button]')
    const before = page.locator('[data-testid=backups-dialog] tbody tr', { hasText: '恢复前' })
    await expect.poll(() => before.count()).toBe(1)
    await before.locator('button', { hasText: '恢复' }).click()
    await page.locator('[data-testid=restore-confirm] button', { hasText: '恢复这个备份' }).click()
    await expect.poll(() => page.locator('[data-testid=backups-dialog]').count()).toBe(0)
    await page.locator('.doc-open', { hasText: '备份之前' }).click()
    await expect.poll(() => editorText(page)).toContain('备份之后又写的话。')
  })

  it('offers the newest backup when the library cannot be opened, and opens what it restored', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument('备份里的总结') })
    await callApi(services.handlers, 'backups.create', {})
    services.close()
    fs.writeFileSync(path.join(dataDir, 'library.sqlite'), '不是数据库'.repeat(1000))

    const { page } = await e2e.openApp(dataDir)
    await page.locator('.library-unavailable').waitFor()
    await page.locator('[data-testid=restore-newest]').waitFor()
    await page.screenshot({ path: 'test-results/library-unavailable-rescue.png' })
    await page.click('[data-testid=restore-newest]')
    await page.locator('[data-testid=restore-confirm] button', { hasText: '恢复这个备份' }).click()
    await page.locator('.doc-open', { hasText: '备份里的总结' }).waitFor()
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toMatch(/library-replaced-.*\.sqlite/)
  })

  it('says so when nothing can be salvaged from a file that is not a library at all', async () => {
    const dataDir = e2e.tempDir()
    fs.writeFileSync(path.join(dataDir, 'library.sqlite'), 'SQLite format 3\u0000'.padEnd(8192, '\u0001'))
    const { page } = await e2e.openApp(dataDir)
    await page.locator('.library-unavailable').waitFor()
    // the rescue panel asks for the backups first: wait for its answer
    await expect.poll(() => page.locator('[data-testid=library-rescue]').innerText(), { timeout: 15_000 }).toContain('没有找到可用的备份')
    await page.click('[data-testid=salvage]')
    await expect.poll(() => page.locator('.library-rescue .error').innerText()).toMatch(/读不出任何文稿或素材/)
  })

  it('shows a banner over a read-only library', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument('只读的总结') })
    services.close()
    const file = path.join(dataDir, 'library.sqlite')
    try {
      execFileSync('chattr', ['+i', file], { stdio: 'ignore' })
    } catch {
      return // chattr needs root and a file system with the flag (see tests/integration/storage.test.ts)
    }
    undo.push(() => execFileSync('chattr', ['-i', file], { stdio: 'ignore' }))
    const { page } = await e2e.openApp(dataDir)
    await expect.poll(() => page.locator('[data-testid=read-only-banner]').innerText()).toMatch(/^文稿库是只读的/)
    // nothing can be added: 新建 / 模板 / 导入 are off and say why, rather than failing with 出错了
    for (const id of ['new-document', 'template-button', 'import-button']) {
      expect(await page.locator(`[data-testid=${id}]`).isDisabled(), id).toBe(true)
      expect(await page.locator(`[data-testid=${id}]`).getAttribute('title')).toBe('文稿库是只读的，不能新建或导入文稿')
    }
    expect(await page.locator('.empty-workspace').innerText()).toBe('从左侧打开一篇文稿阅读或导出。')
    await page.locator('.doc-open', { hasText: '只读的总结' }).click()
    await page.locator('.document-body').waitFor()
  })
})
