import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import type { SummaryDocument } from '../../shared/document/model'
import { longDocument } from '../helpers/documents'
import { editorText, ROOT, typeWithIme } from '../helpers/shell'
import { useE2E } from '../helpers/e2e'

const e2e = useE2E()
const tempDir = e2e.tempDir
const open = (dataDir: string) => e2e.openApp(dataDir)

async function withDocument(model: SummaryDocument) {
  const dataDir = tempDir()
  const services = createServices({ dataDir })
  await callApi(services.handlers, 'documents.create', { title: model.title, model })
  services.close()
  const opened = await open(dataDir)
  await opened.page.click('.doc-open')
  await opened.page.locator('.document-body').waitFor()
  return opened
}

const bar = (page: Page) => page.locator('[data-testid=find-bar]')
const findInput = (page: Page) => page.getByRole('textbox', { name: '查找', exact: true })
const replaceInput = (page: Page) => page.getByRole('textbox', { name: '替换为', exact: true })
const count = (page: Page) => page.locator('[data-testid=find-count]').innerText()
const message = (page: Page) => page.locator('[data-testid=find-message]').innerText()
const highlighted = (page: Page, name: string) => page.evaluate(`CSS.highlights.get(${JSON.stringify(name)})?.size ?? 0`) as Promise<number>
const occurrences = (text: string, word: string) => text.split(word).length - 1

describe('find and replace', () => {
  it('replaces all across marks in one undo step, redoes, flags a bad regex and closes with Esc', async () => {
    const page = await e2e.newDocument('数字化工作总结')
    await page.keyboard.insertText('推进数字化转型，')
    await page.keyboard.press('Control+B')
    await page.keyboard.insertText('数字')
    await page.keyboard.press('Control+B')
    await page.keyboard.insertText('化平台上线。')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('数字化办公普及，数字化水平提升。')
    const original = await editorText(page)
    expect(occurrences(original, '数字化')).toBe(5) // title, twice in each paragraph; one is half bold
    expect(await page.locator('.document-body .dd-bold').innerText()).toBe('数字')

    await page.keyboard.press('Control+H')
    await expect.poll(() => findInput(page).evaluate((el) => el === document.activeElement)).toBe(true)
    await findInput(page).fill('数字化')
    await expect.poll(() => count(page)).toBe('1/5')
    expect(await highlighted(page, 'dd-find-match')).toBe(5)
    expect(await highlighted(page, 'dd-find-current')).toBe(1)
    await findInput(page).press('Enter')
    await expect.poll(() => count(page)).toBe('2/5')
    await findInput(page).press('Shift+Enter')
    await expect.poll(() => count(page)).toBe('1/5')
    expect(await editorText(page)).toBe(original) // highlighting does not touch the document
    await replaceInput(page).fill('智能化')
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'find-replace.png') })

    await page.getByRole('button', { name: '全部替换' }).click()
    const replaced = await editorText(page)
    expect(occurrences(replaced, '数字化')).toBe(0)
    expect(occurrences(replaced, '智能化')).toBe(5)
    expect(replaced).toBe(original.replaceAll('数字化', '智能化'))
    // the half-bold occurrence takes the marks of its first character: all bold
    expect(await page.locator('.document-body .dd-bold').allInnerTexts()).toEqual(['智能化'])
    expect(await message(page)).toBe('已替换 5 处')

    await replaceInput(page).press('Escape')
    expect(await bar(page).count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('document-body'))).toBe(true)

    await page.keyboard.press('Control+Z')
    await expect.poll(() => editorText(page)).toBe(original)
    expect(await page.locator('.document-body .dd-bold').allInnerTexts()).toEqual(['数字'])
    await page.keyboard.press('Control+Y')
    await expect.poll(() => editorText(page)).toBe(replaced)
    expect(await page.locator('.document-body .dd-bold').allInnerTexts()).toEqual(['智能化'])
    await page.keyboard.press('Control+Z')
    await expect.poll(() => editorText(page)).toBe(original)

    // Ctrl+F: no replace row; an invalid regular expression says so and breaks nothing
    await page.keyboard.press('Control+F')
    await bar(page).waitFor()
    expect(await replaceInput(page).count()).toBe(0)
    await page.getByRole('button', { name: '正则表达式' }).click()
    await findInput(page).fill('数字(')
    await expect.poll(() => message(page)).toBe('正则表达式有误')
    expect(await findInput(page).getAttribute('aria-invalid')).toBe('true')
    expect(await highlighted(page, 'dd-find-match')).toBe(0)
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'find-replace-invalid.png'), clip: { x: 0, y: 0, width: 1400, height: 160 } })
    await findInput(page).fill('(数+)+')
    await expect.poll(() => message(page)).toContain('嵌套重复')
    await findInput(page).fill('(数字)化')
    await expect.poll(() => count(page)).toMatch(/^\d\/5$/)
    await findInput(page).press('Escape')
    expect(await bar(page).count()).toBe(0)
    expect(await highlighted(page, 'dd-find-match')).toBe(0)
    expect(await editorText(page)).toBe(original)
  })

  it('searches the title and headings, stops at figure references, selects the match it moves to', async () => {
    const model: SummaryDocument = {
      version: 1,
      title: '责任落实工作总结',
      blocks: [
        { type: 'paragraph', children: [{ type: 'text', text: '签订责任书' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '，责任书全覆盖。' }] },
        { type: 'heading', level: 2, title: [{ type: 'text', text: '健全责任体系。' }], body: [{ type: 'text', text: '与各村签订责任书。' }] },
      ],
      figures: [{ id: 'f1', name: '责任书份数', value: 36, unit: '份' }],
    }
    const { page, errors } = await withDocument(model)
    expect(await editorText(page)).toContain('签订责任书36份，责任书全覆盖。')
    await page.keyboard.press('Control+F')
    // typed through the IME: the pinyin being composed is not searched for
    await typeWithIme(page, 'zerenshu', '责任书')
    await expect.poll(() => count(page)).toBe('1/3')
    await findInput(page).fill('工作')
    await expect.poll(() => count(page)).toBe('1/1') // in the title
    await findInput(page).fill('书份') // only across the figure reference
    await expect.poll(() => message(page)).toBe('无结果')
    await findInput(page).fill('系。与') // only across the heading and its run-in text
    await expect.poll(() => message(page)).toBe('无结果')

    await findInput(page).fill('责任书')
    await expect.poll(() => count(page)).toBe('1/3')
    await findInput(page).press('Enter')
    await findInput(page).press('Enter')
    await expect.poll(() => count(page)).toBe('3/3')
    await findInput(page).press('Enter')
    await expect.poll(() => count(page)).toBe('1/3') // wraps
    await page.keyboard.press('F3')
    await expect.poll(() => count(page)).toBe('2/3')
    // Esc: back in the editor with the current match selected; typing replaces it
    await findInput(page).press('Escape')
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('责任书')
    await page.keyboard.insertText('协议')
    await expect.poll(() => editorText(page)).toContain('签订责任书36份，协议全覆盖。')

    // regex replacement with groups, one at a time
    await page.keyboard.press('Control+H')
    await page.getByRole('button', { name: '正则表达式' }).click()
    await findInput(page).fill('(责任)(书|体系)')
    await expect.poll(() => count(page)).toMatch(/\/3$/)
    await replaceInput(page).fill('$2的$1')
    await replaceInput(page).press('Enter')
    await expect.poll(() => page.locator('[data-testid=find-status]').innerText()).toMatch(/\/2$/)
    await page.getByRole('button', { name: '全部替换' }).click()
    await expect.poll(() => editorText(page)).toContain('签订书的责任36份，协议全覆盖。')
    expect(await editorText(page)).toContain('健全体系的责任。与各村签订书的责任。')
    expect(errors).toEqual([])
  })

  it('finds a 2-character word in a 60,000-character document quickly', async () => {
    const { page, errors } = await withDocument(longDocument())
    await page.keyboard.press('Control+F')
    const timings: { query: string; count: string; match: number; painted: number }[] = []
    for (const query of ['工作', '推动', '满意', '工作']) {
      await findInput(page).fill('')
      await findInput(page).fill(query)
      await expect.poll(() => count(page)).toMatch(/^\d+\/\d+$/)
      const [match, painted] = (await page.evaluate(`[performance.getEntriesByName('dd:find')[0].duration, performance.getEntriesByName('dd:find-painted')[0].duration]`)) as [number, number]
      timings.push({ query, count: await count(page), match, painted })
    }
    console.log(JSON.stringify(timings))
    // a match far down the page is selected and scrolled into view
    await findInput(page).fill('第100项重点工作')
    await expect.poll(() => count(page)).toBe('1/1')
    await expect
      .poll(() =>
        page.evaluate(`(() => {
          const range = [...CSS.highlights.get('dd-find-current')][0]
          const box = document.querySelector('.page-scroll').getBoundingClientRect()
          const r = range.getBoundingClientRect()
          return r.top >= box.top && r.bottom <= box.bottom && document.querySelector('.page-scroll').scrollTop > 1000
        })()`),
      )
      .toBe(true)
    await findInput(page).press('Escape')
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('第100项重点工作')
    for (const t of timings.slice(1)) expect(t.match).toBeLessThan(50)
    expect(errors).toEqual([])
  })
})
