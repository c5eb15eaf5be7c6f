import fs from 'node:fs'
import path from 'node:path'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { outlineEntries, useE2E } from '../helpers/e2e'
import { officeDocx, sofficeConvert } from '../helpers/officeFiles'

const e2e = useE2E()
const tempDir = e2e.tempDir

async function openApp(): Promise<Page> {
  const { page } = await e2e.openApp()
  await page.locator('[data-testid=import-button]').waitFor()
  return page
}

const outline = outlineEntries

// Our own words: a made-up community's half-year summary, hard-wrapped as text copied from a PDF.
const TXT = [
  '和平社区2025年上半年工作总结',
  '',
  '上半年，社区围绕居民关心的实际问题，扎实推进',
  '各项工作，群众满意度稳步提升，现将有关情况总',
  '结如下：',
  '一、主要工作',
  '（一）抓好环境整治。组织志愿者清理楼道杂物，共清运垃圾xx吨。',
  '（二）做好为老服务。为辖区老人开展上门探访。',
  '二、下步打算',
  '继续完善服务机制。',
  '',
  '和平社区居委会',
  '2025年7月3日',
].join('\n')

async function docxBytes(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '实验小学2025年度教学工作总结', heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun('本年度，学校以提升课堂质量为中心，稳步推进各项工作。')] }),
          new Paragraph({ text: '教学常规管理', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: '坚持每周集体备课', bold: true }), new TextRun('，提高备课实效。')] }),
          new Paragraph({ children: [new TextRun('二、课题研究')] }),
          new Paragraph({ children: [new TextRun('全年立项校级课题若干项。')] }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

describe('import through the UI', () => {
  it('imports a hard-wrapped .txt as a new document with its structure and signature', async () => {
    const page = await openApp()
    const file = path.join(tempDir(), '上半年总结.txt')
    fs.writeFileSync(file, TXT)
    await page.setInputFiles('[data-testid=import-input]', file)
    await expect.poll(() => page.locator('[data-testid=import-report]').innerText()).toContain('标题 4 个')
    await page.screenshot({ path: path.resolve('test-results/import-dialog.png') })
    await page.click('button:has-text("导入为新文稿")')
    await page.locator('.dd-title', { hasText: '和平社区2025年上半年工作总结' }).waitFor()
    expect(await outline(page)).toEqual(['一、主要工作', '（一）抓好环境整治。', '（二）做好为老服务。', '二、下步打算'])
    // the broken line is joined back, the placeholder is an unfilled figure
    expect(await page.locator('.dd-paragraph').first().innerText()).toBe('上半年，社区围绕居民关心的实际问题，扎实推进各项工作，群众满意度稳步提升，现将有关情况总结如下：')
    expect(await page.locator('.dd-figure').count()).toBe(1)
    expect(await page.locator('.document-body').innerText()).not.toContain('2025年7月3日') // moved to the signature block
  })

  it('lists the junk lines it removes, struck through, and keeps a line the writer ticks', async () => {
    const page = await openApp()
    const file = path.join(tempDir(), '网页.txt')
    fs.writeFileSync(file, ['某某素材网 首页', '阅读：1024', ...TXT.split('\n'), '转载请注明出处'].join('\n'))
    await page.setInputFiles('[data-testid=import-input]', file)
    const junk = page.locator('[data-testid=import-junk]')
    await junk.locator('summary').click()
    await expect.poll(() => junk.locator('del').allInnerTexts()).toEqual(['某某素材网 首页', '阅读：1024', '转载请注明出处'])
    await junk.locator('li', { hasText: '阅读：1024' }).locator('input').check()
    await expect.poll(() => junk.locator('del').allInnerTexts()).toEqual(['某某素材网 首页', '转载请注明出处'])
    await page.click('button:has-text("导入为新文稿")')
    await page.locator('.dd-title', { hasText: '和平社区2025年上半年工作总结' }).waitFor()
    const body = await page.locator('.document-body').innerText()
    expect(body).toContain('阅读：1024')
    expect(body).not.toContain('转载请注明出处')
  })

  it('lists where the source numbering was irregular, with the number each heading prints now, and imports the numbers in order', async () => {
    const page = await openApp()
    const file = path.join(tempDir(), '跳号.txt')
    fs.writeFileSync(file, ['东街社区2025年工作总结', '一、环境整治', '清理楼道杂物。', '二、为老服务', '开展上门探访。', '四、平安建设', '新增监控探头。', '东街社区居委会', '2025年12月30日'].join('\n'))
    await page.setInputFiles('[data-testid=import-input]', file)
    await expect.poll(() => page.locator('[data-testid=import-gaps] li').allInnerTexts(), { timeout: 15_000 }).toEqual(['原文编号不连续：「四、平安建设」现编为「三、」'])
    await page.click('button:has-text("导入为新文稿")')
    await page.locator('.dd-title', { hasText: '东街社区2025年工作总结' }).waitFor()
    expect(await outline(page)).toEqual(['一、环境整治', '二、为老服务', '三、平安建设'])
  })

  it('offers split, checked, for a file holding several summaries, and imports the pieces chosen', async () => {
    const page = await openApp()
    const file = path.join(tempDir(), '合集.txt')
    const piece = (n: string, name: string) => [`社区工作总结 篇${n}`, `${name}社区今年完成了各项工作任务，居民满意度稳步提高。`, '一、主要做法', '加强组织领导。']
    fs.writeFileSync(file, ['社区工作总结（精选3篇）', ...piece('一', '东湖'), ...piece('二', '西岭'), ...piece('三', '南苑')].join('\n'))
    await page.setInputFiles('[data-testid=import-input]', file)
    // the file is read in a worker thread, whose start-up takes a moment on a busy machine
    await expect.poll(() => page.locator('[data-testid=import-split]').isChecked(), { timeout: 15_000 }).toBe(true)
    const titles = page.locator('[data-testid=import-titles] li')
    await expect.poll(() => titles.allInnerTexts()).toEqual([
      expect.stringContaining('社区工作总结'), expect.stringContaining('社区工作总结（二）'), expect.stringContaining('社区工作总结（三）'),
    ])
    await titles.nth(1).locator('input').uncheck()
    await page.click('button:has-text("导入为新文稿（2 篇）")')
    await expect.poll(() => page.locator('.doc-list .doc-title').allInnerTexts()).toEqual(expect.arrayContaining(['社区工作总结', '社区工作总结（三）']))
    expect(await page.locator('.doc-list .doc-title').count()).toBe(2)
  })

  it('imports last year’s summary as a published PDF through the file picker: its headings, without page numbers or running header', async () => {
    // our own text, published as LibreOffice prints it: a running header and "— N —" page numbers
    const body = (s: string) => Array.from({ length: 7 }, () => s).join('')
    const dir = tempDir()
    const docx = path.join(dir, '石门水库管理所2025年工作总结.docx')
    fs.writeFileSync(
      docx,
      await officeDocx({
        title: '石门水库管理所2025年工作总结',
        header: '石门水库管理所',
        lines: [
          { text: '一、安全度汛', heading: true },
          { text: body('汛前全面检查大坝、溢洪道和闸门启闭设备，修订防汛预案并组织实战演练，') + '确保水库安全度汛。' },
          { text: '二、工程维护', heading: true },
          { text: body('完成坝顶道路修补和观测设施更新，清理库区漂浮物，') + '工程面貌明显改善。' },
          { text: '三、明年打算', heading: true },
          { text: '继续做好日常巡查和水质监测。' },
        ],
        signature: ['石门水库管理所', '2025年12月15日'],
      }),
    )
    const pdf = sofficeConvert(docx, 'pdf', dir)
    const page = await openApp()
    expect(await page.locator('[data-testid=import-input]').getAttribute('accept')).toContain('.pdf')
    await page.setInputFiles('[data-testid=import-input]', pdf)
    await expect.poll(() => page.locator('[data-testid=import-report]').innerText(), { timeout: 30_000 }).toContain('标题 3 个')
    await page.click('button:has-text("导入为新文稿")')
    await page.locator('.dd-title', { hasText: '石门水库管理所2025年工作总结' }).waitFor()
    expect(await page.locator('.dd-title').innerText()).toBe('石门水库管理所2025年工作总结')
    expect(await outline(page)).toEqual(['一、安全度汛', '二、工程维护', '三、明年打算'])
    expect(await page.locator('.document-body').innerText()).not.toMatch(/—\s*\d\s*—/)
    // each paragraph whole (its lines joined), and no running header among them
    expect(await page.locator('.dd-paragraph').allInnerTexts()).toEqual([
      body('汛前全面检查大坝、溢洪道和闸门启闭设备，修订防汛预案并组织实战演练，') + '确保水库安全度汛。',
      body('完成坝顶道路修补和观测设施更新，清理库区漂浮物，') + '工程面貌明显改善。',
      '继续做好日常巡查和水质监测。',
    ])
    await page.screenshot({ path: path.resolve('test-results/import-pdf.png') })
  }, 180_000)

  it('imports a .docx by drag and drop into the open document as one undo step', async () => {
    const page = await openApp()
    await page.click('[data-testid=new-document]')
    await page.locator('.document-body').waitFor()
    const bytes = (await docxBytes()).toString('base64')
    await page.evaluate(`(async () => {
      const bin = atob(${JSON.stringify(bytes)})
      const arr = new Uint8Array(bin.length)
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i)
      const file = new File([arr], '教学总结.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
      const dt = new DataTransfer()
      dt.items.add(file)
      document.querySelector('.document-body').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    })()`)
    await page.locator('[data-testid=import-report]').waitFor()
    await page.click('button:has-text("插入当前文稿")')
    await expect.poll(() => outline(page)).toEqual(['一、教学常规管理', '二、课题研究'])
    expect(await page.locator('.dd-title').innerText()).toBe('实验小学2025年度教学工作总结')
    expect(await page.locator('.document-body .dd-bold').first().innerText()).toBe('坚持每周集体备课')
    await page.locator('.document-body').click()
    await page.keyboard.press('Control+Z')
    // undo restores the document exactly: the empty new document it was
    await expect.poll(() => page.locator('.document-body').innerText()).not.toContain('教学常规管理')
    expect((await page.locator('.document-body').innerText()).trim()).toBe('')
    expect(await page.locator('.dd-title').count()).toBe(1)
  })

  it('refuses a 50 MB file at once, before reading it', async () => {
    const page = await openApp()
    const file = path.join(tempDir(), '巨大.txt')
    fs.writeFileSync(file, '')
    fs.truncateSync(file, 50 * 1024 * 1024)
    await page.setInputFiles('[data-testid=import-input]', file)
    await expect.poll(() => page.locator('.modal .error').innerText()).toContain('超过 20 MB')
  })

  it('says clearly when a file cannot be imported, and imports nothing', async () => {
    const page = await openApp()
    const file = path.join(tempDir(), '坏文件.docx')
    fs.writeFileSync(file, 'PK\u0003\u0004 this is not really a zip')
    await page.setInputFiles('[data-testid=import-input]', file)
    await expect.poll(() => page.locator('.modal .error').innerText()).toMatch(/^无法读取这个 Word 文件/)
    // in one language only: the back end sends a code, the app words it
    expect(await page.locator('.modal .error').innerText()).not.toMatch(/cannot read/)
    // the import button promises no document: it is off and names no count
    const importButton = page.locator('.modal button.primary')
    expect(await importButton.innerText()).toBe('导入为新文稿')
    expect(await importButton.isDisabled()).toBe(true)
    await page.click('button:has-text("取消")')
    expect(await page.locator('.doc-list .doc-title').count()).toBe(0)
    await page.selectOption('select.language', 'en')
    await page.setInputFiles('[data-testid=import-input]', file)
    await expect.poll(() => page.locator('.modal .error').innerText()).toMatch(/^cannot read this Word file/)
    expect(await page.locator('.modal .error').innerText()).not.toMatch(/无法读取/)
  })
})
