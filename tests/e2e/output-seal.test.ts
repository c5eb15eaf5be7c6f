/**
 * 出稿's seal upload (印章): while the image is being read the dialog says so, and 定稿 / export /
 * 打印 wait for it, so a PDF exported meanwhile carries the seal the writer chose; an upload that
 * fails says why and leaves the seal as it was.
 */
import path from 'node:path'
import type { Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useE2E } from '../helpers/e2e'
import { sealPng } from '../helpers/png'
import { imagePages, redInkBox } from '../helpers/sealInk'
import { toolbarClick, waitSaved } from '../helpers/shell'

const e2e = useE2E()

async function signedDocument() {
  const page = await e2e.newDocument('2025年度档案管理工作总结')
  await page.keyboard.insertText('全年整理归档文件一千二百件，完成数字化扫描。')
  await waitSaved(page)
  await toolbarClick(page, '[data-testid=open-output]')
  await page.locator('[data-testid=output-dialog]').waitFor()
  await page.fill('[data-testid=sig-organization]', '某某县档案馆')
  await page.fill('[data-testid=sig-date]', '2025-12-18')
  return page
}

describe('出稿: the seal upload', () => {
  it('says the seal is being read, and a PDF asked for meanwhile waits for it and carries the seal', async () => {
    const page = await signedDocument()
    // the back end slow to take the image: the request is held until the test lets it go
    let held: Route | null = null
    await page.route('**/api/assets.add', (route) => { held = route })
    try {
      await page.setInputFiles('[data-testid=seal-upload]', { name: '档案馆公章.png', mimeType: 'image/png', buffer: sealPng() })
      await expect.poll(() => held !== null, { timeout: 15_000 }).toBe(true)
      // the writer sees the upload going on, with the file's name, where the upload link was
      expect(await page.locator('[data-testid=seal-uploading]').innerText()).toBe('正在读取印章… 档案馆公章.png')
      expect(await page.locator('[data-testid=seal-select] option:checked').innerText()).toBe('（不用）')
      // the ways out wait, and say why
      for (const id of ['export-pdf', 'export-docx', 'export-print', 'final-create']) expect(await page.locator(`[data-testid=${id}]`).isDisabled(), id).toBe(true)
      expect(await page.locator('[data-testid=export-wait]').innerText()).toContain('正在读取印章')
      await page.locator('[data-testid=export-wait]').scrollIntoViewIfNeeded()
      await page.screenshot({ path: 'test-results/output-seal-uploading.png' })

      // 导出 PDF clicked meanwhile: nothing goes out until the seal is in
      let downloaded = false
      const download = page.waitForEvent('download', { timeout: 60_000 }).then((d) => { downloaded = true; return d })
      const click = page.click('[data-testid=export-pdf]', { timeout: 60_000 })
      expect(downloaded).toBe(false)
      await held!.continue()
      held = null
      await click
      const pdf = path.join(e2e.tempDir(), 'sealed.pdf')
      await (await download).saveAs(pdf)
      expect(await page.locator('[data-testid=seal-select] option:checked').innerText()).toMatch(/^档案馆公章\.png（\d+×\d+）$/)
      expect(await page.locator('[data-testid=seal-uploading]').count()).toBe(0)
      // the seal is on the page: an image, in red ink
      expect(imagePages(pdf)).toContain(1)
      expect(redInkBox(pdf, 1)).not.toBeNull()
    } finally {
      // a held request is otherwise released only when the browser closes
      await (held as Route | null)?.continue().catch(() => undefined)
      await page.unroute('**/api/assets.add')
    }
  }, 120_000)

  it('an upload that fails says why and leaves the seal the writer had', async () => {
    const page = await signedDocument()
    await page.setInputFiles('[data-testid=seal-upload]', { name: '公章.png', mimeType: 'image/png', buffer: sealPng() })
    await expect.poll(() => page.locator('[data-testid=output-message]').innerText(), { timeout: 15_000 }).toContain('已加入文稿库：公章.png')
    const chosen = await page.locator('[data-testid=seal-select]').inputValue()
    expect(chosen).not.toBe('')
    // a file that is not an image: refused by the back end, with the reason and the file named
    await page.setInputFiles('[data-testid=seal-upload]', { name: '扫描件.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') })
    await expect.poll(() => page.locator('[data-testid=output-message]').innerText(), { timeout: 15_000 }).toContain('印章「扫描件.png」没有加入')
    expect(await page.locator('[data-testid=output-message]').innerText()).toContain('PNG 或 JPEG')
    expect(await page.locator('[data-testid=output-message]').getAttribute('role')).toBe('alert')
    expect(await page.locator('[data-testid=seal-select]').inputValue()).toBe(chosen)
    // and the ways out are open again
    expect(await page.locator('[data-testid=export-pdf]').isDisabled()).toBe(false)
    expect(await page.locator('[data-testid=export-wait]').count()).toBe(0)
  })
})
