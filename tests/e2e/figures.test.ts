/**
 * The figure table end to end: linking a number from the prose, changing it in the table and
 * seeing every use follow (one undo step, redo too), IME composition right before and after a
 * reference, copy and paste, deleting, 查找数字, bad input. Screenshots go to test-results/.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import type { Inline, SummaryDocument } from '../../shared/document/model'
import { useE2E } from '../helpers/e2e'
import { ROOT, toolbarClick, typeWithIme, waitSaved } from '../helpers/shell'

const e2e = useE2E()

const figureTexts = (page: Page) => page.locator('.document-body .dd-figure').allInnerTexts()
/** A paragraph's text as the writer sees it (the managed <br> after a trailing figure dropped). */
const paragraphText = async (page: Page, n = 0) => (await page.locator('.document-body .dd-paragraph').nth(n).innerText()).replace(/\n$/, '')

async function shot(page: Page, name: string) {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
  await page.screenshot({ path: path.join(ROOT, 'test-results', name) })
}

/** The stored model of the only document in the library (read beside the running shell). */
async function storedModel(dataDir: string): Promise<SummaryDocument> {
  const services = createServices({ dataDir })
  try {
    const [doc] = await callApi(services.handlers, 'documents.list', {})
    return (await callApi(services.handlers, 'documents.get', { id: doc!.id })).model
  } finally {
    services.close()
  }
}

/** A library holding one document, opened in the app with the document shown. */
async function openWith(doc: SummaryDocument): Promise<{ page: Page; dataDir: string }> {
  const dataDir = e2e.tempDir()
  const services = createServices({ dataDir })
  await callApi(services.handlers, 'documents.create', { title: doc.title, model: doc })
  services.close()
  const { page } = await e2e.openApp(dataDir)
  await page.click('.doc-open')
  await page.locator('.document-body .dd-paragraph').first().waitFor()
  return { page, dataDir }
}

const doc = (children: Inline[][], figures: SummaryDocument['figures']): SummaryDocument => ({
  version: 1,
  title: '数据测试',
  blocks: children.map((c) => ({ type: 'paragraph' as const, children: c })),
  figures,
})

/** Puts the caret in the n-th paragraph at its end (the DOM end, after any trailing figure). */
async function caretAtEnd(page: Page, n = 0) {
  await page.locator('.document-body .dd-paragraph').nth(n).click()
  await page.keyboard.press('End')
  await page.waitForTimeout(50) // Lexical takes the selection on selectionchange
}

/** Edits a cell of the figure grid through the keyboard: click, Enter, type, Enter. */
async function editCell(page: Page, figureName: string, column: string, text: string) {
  const row = page.locator('.figure-grid tr', { has: page.locator('td.col-name', { hasText: figureName }) })
  await row.locator(`td.col-${column}`).click()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(text)
  await page.keyboard.press('Enter')
}

describe('figures', () => {
  it('links a selected number, updates every use from the table as one undo step, and redoes it', async () => {
    const dataDir = e2e.tempDir()
    const page = await e2e.newDocument('宣传工作总结', dataDir)
    await page.keyboard.insertText('今年发放宣传资料300余份')
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft')
    await toolbarClick(page, '[data-testid=make-figure]')
    const name = page.locator('[data-testid=make-figure-name]')
    await expect.poll(() => name.inputValue()).toBe('发放宣传资料')
    await page.click('[data-testid=make-figure-apply]')
    await expect.poll(() => figureTexts(page)).toEqual(['300余份'])

    // two more places state it as plain text: 查找数字 links them to the same figure
    await page.keyboard.insertText('，其中社区发放宣传资料300余份。')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('全年累计发放宣传资料300余份，召开会议x次。')
    await toolbarClick(page, '[data-testid=scan-numbers]')
    const list = page.locator('[data-testid=scan-list]')
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2) // 300余份 (×2, existing) and x次
    await expect.poll(() => list.innerText()).toContain('链接到「发放宣传资料」')
    await page.click('[data-testid=scan-apply]')
    await expect.poll(() => figureTexts(page)).toEqual(['300余份', '300余份', '300余份', '〔会议次数〕'])

    // the table: the value changes once, every reference follows
    await page.keyboard.press('Control+Shift+D')
    await page.locator('[data-testid=figure-grid]').waitFor()
    const row = page.locator('.figure-grid tr', { has: page.locator('td.col-name', { hasText: '发放宣传资料' }) })
    await expect.poll(() => row.locator('td.col-uses').innerText()).toContain('3')
    await editCell(page, '发放宣传资料', 'value', '1000')
    await expect.poll(() => figureTexts(page)).toEqual(['1000余份', '1000余份', '1000余份', '〔会议次数〕'])
    await shot(page, 'figures-panel.png')

    // one undo step brings all three back, from the grid and from the editor alike
    await page.keyboard.press('Control+z')
    await expect.poll(() => figureTexts(page)).toEqual(['300余份', '300余份', '300余份', '〔会议次数〕'])
    await expect.poll(() => row.locator('td.col-value').innerText()).toBe('300')
    await page.keyboard.press('Control+y')
    await expect.poll(() => figureTexts(page)).toEqual(['1000余份', '1000余份', '1000余份', '〔会议次数〕'])
    await page.locator('.document-body .dd-paragraph').nth(1).click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => figureTexts(page)).toEqual(['300余份', '300余份', '300余份', '〔会议次数〕'])
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => figureTexts(page)).toEqual(['1000余份', '1000余份', '1000余份', '〔会议次数〕'])

    // clicking the uses steps through them in reading order
    await row.locator('[data-testid=figure-uses]').click()
    await expect.poll(() => row.locator('td.col-uses').innerText()).toContain('第 1/3 处')
    await row.locator('[data-testid=figure-uses]').click()
    await expect.poll(() => row.locator('td.col-uses').innerText()).toContain('第 2/3 处')

    // the stored model: references by id, the figure with its new value
    await waitSaved(page)
    const model = await storedModel(dataDir)
    const figure = model.figures.find((f) => f.name === '发放宣传资料')!
    expect(figure).toMatchObject({ value: 1000, qualifier: '余', unit: '份' })
    const refs = model.blocks.flatMap((b) => (b.type === 'paragraph' ? b.children : [])).filter((i) => i.type === 'figure' && i.figureId === figure.id)
    expect(refs).toHaveLength(3)
    expect(model.figures.find((f) => f.name === '会议次数')).toMatchObject({ value: null, original: 'x' })
  })

  it('shows a change of a figure used 300 times in every reference, the grid and the outline in one frame, off-screen ones too, and one undo restores all', async () => {
    const ref = (): Inline => ({ type: 'figure', figureId: 'f1' })
    const filler = '全面落实年度工作部署，扎实推进各项重点任务，群众满意度持续提升，各项制度不断完善。'.repeat(3)
    const model: SummaryDocument = {
      version: 1,
      title: '数据长文',
      blocks: [
        { type: 'heading', level: 1, title: [{ type: 'text', text: '宣传资料发放（' }, ref(), { type: 'text', text: '）' }] },
        // 60 paragraphs, 5 references each: most of them pages below the screen
        ...Array.from({ length: 60 }, (_, i) => ({
          type: 'paragraph' as const,
          children: Array.from({ length: 5 }, (_, k): Inline[] => [{ type: 'text', text: `${filler}第${i + 1}段第${k + 1}处发放宣传资料` }, ref()]).flat(),
        })),
      ],
      figures: [{ id: 'f1', name: '发放宣传资料', value: 300, qualifier: '余', unit: '份' }],
    }
    const { page } = await openWith(model)
    const refs = page.locator('.document-body .dd-figure[data-figure-id=f1]')
    await expect.poll(() => refs.count(), { timeout: 15_000 }).toBe(301)
    await toolbarClick(page, '[data-testid=figure-panel-toggle]')
    const cell = page.locator('.figure-grid tr[data-figure-id=f1] td.col-value')
    await cell.click()
    await page.keyboard.press('Enter')
    await page.locator('.figure-cell-input').fill('1000')

    // the first frame after Enter: every reference (off screen too) and the grid show the new value
    await page.evaluate(() => {
      const w = window as unknown as { __firstFrame: Promise<{ refs: number; changed: number; cell: string }> }
      w.__firstFrame = new Promise((resolve) => {
        document.addEventListener(
          'keydown',
          (e) => {
            if (e.key !== 'Enter') return
            requestAnimationFrame(() => {
              const all = [...document.querySelectorAll('.document-body .dd-figure[data-figure-id=f1]')]
              const changed = all.filter((r) => r.textContent === '1000余份').length
              resolve({ refs: all.length, changed, cell: document.querySelector('.figure-grid tr[data-figure-id=f1] td.col-value')?.textContent ?? '' })
            })
          },
          { capture: true, once: true },
        )
      })
    })
    await page.keyboard.press('Enter')
    const first = await page.evaluate(() => (window as unknown as { __firstFrame: Promise<{ refs: number; changed: number; cell: string }> }).__firstFrame)
    expect(first).toEqual({ refs: 301, changed: 301, cell: '1000' })
    await expect.poll(() => page.locator('.outline li[data-key] .outline-jump').first().innerText()).toContain('宣传资料发放（1000余份）')

    // the last reference, pages down, shows it once scrolled to (laid out for real)
    const last = refs.last()
    await last.scrollIntoViewIfNeeded()
    await expect.poll(() => last.innerText()).toBe('1000余份')

    // one undo (from the grid) brings every reference, the grid and the outline back
    await cell.click()
    await page.keyboard.press('Control+z')
    await expect.poll(async () => new Set(await refs.allTextContents()), { timeout: 15_000 }).toEqual(new Set(['300余份']))
    await expect.poll(() => cell.innerText()).toBe('300')
    await expect.poll(() => last.innerText()).toBe('300余份')
    await expect.poll(() => page.locator('.outline li[data-key] .outline-jump').first().innerText()).toContain('宣传资料发放（300余份）')
  })

  it('keeps IME composition intact right after and right before a reference, with undo', async () => {
    const { page, dataDir } = await openWith(
      doc([[{ type: 'text', text: '召开专题会议' }, { type: 'figure', figureId: 'f1' }]], [{ id: 'f1', name: '会议次数', value: 3, unit: '次' }]),
    )
    await expect.poll(() => figureTexts(page)).toEqual(['3次'])
    // right after the figure, at the end of the paragraph
    await caretAtEnd(page)
    await typeWithIme(page, 'bingzuochubushu', '并作出部署')
    await expect.poll(() => paragraphText(page)).toBe('召开专题会议3次并作出部署')
    // right before it: one ArrowLeft from the end of "召开专题会议" steps over nothing else
    await caretAtEnd(page)
    for (let i = 0; i < '并作出部署'.length; i++) await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft') // over the figure, as one character
    await typeWithIme(page, 'gong', '共')
    await expect.poll(() => paragraphText(page)).toBe('召开专题会议共3次并作出部署')
    // right after it again, in the middle of the paragraph
    await page.keyboard.press('ArrowRight')
    await typeWithIme(page, 'zuoyou', '左右')
    await expect.poll(() => paragraphText(page)).toBe('召开专题会议共3次左右并作出部署')
    expect(await figureTexts(page)).toEqual(['3次'])

    await waitSaved(page)
    let model = await storedModel(dataDir)
    expect(model.blocks[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: '召开专题会议共' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '左右并作出部署' }],
    })

    // undo takes the typing back out, the reference stays; redo brings it back
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z')
    await expect.poll(() => paragraphText(page)).toBe('召开专题会议3次')
    expect(await figureTexts(page)).toEqual(['3次'])
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+y')
    await expect.poll(() => paragraphText(page)).toBe('召开专题会议共3次左右并作出部署')

    // Backspace right after the reference removes it whole
    await caretAtEnd(page)
    for (let i = 0; i < '左右并作出部署'.length; i++) await page.keyboard.press('ArrowLeft')
    await page.waitForTimeout(100) // the selection follows the DOM on selectionchange
    await page.keyboard.press('Backspace')
    await expect.poll(() => paragraphText(page)).toBe('召开专题会议共左右并作出部署')
    expect(await figureTexts(page)).toEqual([])
    await page.keyboard.press('Control+z')
    await expect.poll(() => figureTexts(page)).toEqual(['3次'])
    // typing with the IME after a reference that ends the paragraph, then Enter and more
    await caretAtEnd(page)
    await page.keyboard.press('Enter')
    await typeWithIme(page, 'xiayiduan', '下一段')
    await expect.poll(() => paragraphText(page, 1)).toBe('下一段')
    await waitSaved(page)
    model = await storedModel(dataDir)
    expect(model.blocks).toHaveLength(2)
    expect(model.figures).toEqual([{ id: 'f1', name: '会议次数', value: 3, unit: '次' }])
  })

  it('pastes references within the document and plain text in another one', async () => {
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    await callApi(services.handlers, 'documents.create', {
      title: '甲',
      model: doc([[{ type: 'text', text: '投入资金' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '。' }], [{ type: 'text', text: '第二段' }]], [{ id: 'f1', name: '投入资金', value: 560.49, unit: '万元' }]),
    })
    await callApi(services.handlers, 'documents.create', { title: '乙', model: doc([[{ type: 'text', text: '乙文' }]], [{ id: 'f1', name: '别的数据', value: 7, unit: '个' }]) })
    services.close()
    const { page } = await e2e.openApp(dataDir)
    await page.locator('.doc-open', { hasText: '甲' }).click()
    await page.locator('.document-body .dd-figure').waitFor()
    // copy "资金560.49万元" with the keyboard selection
    await caretAtEnd(page, 0)
    await page.keyboard.press('ArrowLeft')
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.waitForTimeout(100) // Lexical reads the selection on selectionchange
    const copied = await page.evaluate(() => {
      const dt = new DataTransfer()
      document.querySelector('.document-body')!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }))
      return Object.fromEntries(dt.types.map((t) => [t, dt.getData(t)]))
    })
    expect(copied['text/plain']).toBe('资金560.49万元')
    expect(copied['text/html']).toContain('560.49万元')
    const pasteAt = async (data: Record<string, string>) =>
      page.evaluate((d) => {
        const dt = new DataTransfer()
        for (const [k, v] of Object.entries(d)) dt.setData(k, v)
        document.querySelector('.document-body')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
      }, data)
    await caretAtEnd(page, 1)
    await pasteAt(copied)
    await expect.poll(() => figureTexts(page)).toEqual(['560.49万元', '560.49万元'])
    await expect.poll(() => page.locator('.document-body .dd-figure[data-figure-id=f1]').count()).toBe(2)

    // the other document has its own f1: the pasted reference must not link to it
    await waitSaved(page)
    await page.locator('.doc-open', { hasText: '乙' }).click()
    await expect.poll(() => paragraphText(page)).toBe('乙文')
    await caretAtEnd(page, 0)
    await pasteAt(copied)
    await expect.poll(() => paragraphText(page)).toBe('乙文资金560.49万元')
    expect(await figureTexts(page)).toEqual([])
  })

  it('deletes a figure keeping its uses as text, refuses bad input with a message, shows formula errors', async () => {
    const { page, dataDir } = await openWith(
      doc(
        [
          [{ type: 'text', text: '全镇' }, { type: 'figure', figureId: 'v' }, { type: 'text', text: '村，调解率' }, { type: 'figure', figureId: 'r' }, { type: 'text', text: '。' }],
          [{ type: 'text', text: '会议' }, { type: 'figure', figureId: 'm' }, { type: 'text', text: '，又开会' }, { type: 'figure', figureId: 'm' }],
        ],
        [
          { id: 'v', name: '行政村数', value: 9, unit: '个', style: 'chinese' },
          { id: 'r', name: '调解率', value: null, unit: '%', formula: 'round(调解数 ÷ 纠纷数 × 100, 1)' },
          { id: 'a', name: '调解数', value: 36 },
          { id: 'b', name: '纠纷数', value: 37 },
          { id: 'm', name: '会议次数', value: null, unit: '次' },
        ],
      ),
    )
    await expect.poll(() => figureTexts(page)).toEqual(['九个', '97.3%', '〔会议次数〕', '〔会议次数〕'])
    await toolbarClick(page, '[data-testid=figure-panel-toggle]')
    // text where a number belongs: refused with a message, the figure unchanged
    await editCell(page, '会议次数', 'value', '很多')
    await expect.poll(() => page.locator('.figure-cell-error').innerText()).toContain('需要数字')
    await page.keyboard.press('Escape')
    expect(await figureTexts(page)).toContain('〔会议次数〕')
    // "12次" fills value and unit at once
    await editCell(page, '会议次数', 'value', '十二')
    await expect.poll(() => figureTexts(page)).toEqual(['九个', '97.3%', '十二次', '十二次'])
    // division by zero: shown in the table, the text marks the figure unfilled
    await editCell(page, '纠纷数', 'value', '0')
    const rateRow = page.locator('.figure-grid tr', { has: page.locator('td.col-name', { hasText: /^调解率$/ }) })
    await expect.poll(() => rateRow.locator('td.col-value').innerText()).toContain('除数为零')
    await expect.poll(() => figureTexts(page)).toEqual(['九个', '〔调解率〕', '十二次', '十二次'])
    // a formula with a syntax error is refused
    await editCell(page, '调解率', 'formula', '调解数 ÷ (纠纷数')
    await expect.poll(() => page.locator('.figure-cell-error').innerText()).toContain('缺少右括号')
    await page.keyboard.press('Escape')
    await editCell(page, '纠纷数', 'value', '40')
    await expect.poll(() => figureTexts(page)).toEqual(['九个', '90%', '十二次', '十二次'])
    // rename keeps every link, and the formula follows the new name
    await editCell(page, '调解数', 'name', '成功调解数')
    await expect.poll(() => rateRow.locator('td.col-formula').innerText()).toContain('成功调解数')
    await expect.poll(() => figureTexts(page)).toEqual(['九个', '90%', '十二次', '十二次'])
    await shot(page, 'figures-text.png')

    // delete 会议次数, keeping its two uses as plain text
    const meetings = page.locator('.figure-grid tr', { has: page.locator('td.col-name', { hasText: '会议次数' }) })
    await meetings.locator('td.col-actions button').click()
    await page.click('[data-testid=delete-keep-text]')
    await expect.poll(() => paragraphText(page, 1)).toBe('会议十二次，又开会十二次')
    expect(await figureTexts(page)).toEqual(['九个', '90%'])
    await waitSaved(page)
    const model = await storedModel(dataDir)
    expect(model.figures.map((f) => f.name)).toEqual(['行政村数', '调解率', '成功调解数', '纠纷数'])
    expect(model.blocks[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '会议十二次，又开会十二次' }] })
  })

  it('keeps the grid usable from the keyboard alone: move, sort, filter, add, edit', async () => {
    const { page } = await openWith(
      doc([[{ type: 'text', text: '发放' }, { type: 'figure', figureId: 'b' }]], [
        { id: 'a', name: '乙项', value: 5, unit: '个' },
        { id: 'b', name: '甲项', value: 30, unit: '份' },
      ]),
    )
    await page.locator('.document-body .dd-paragraph').first().click()
    // Ctrl+Shift+D from the text opens the table with the keyboard on its first cell
    await page.keyboard.press('Control+Shift+D')
    const grid = page.locator('[data-testid=figure-grid]')
    await grid.waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('a:name')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type('45')
    await page.keyboard.press('Enter')
    await expect.poll(() => figureTexts(page)).toEqual(['45份'])
    // sorting by value, then by name
    await page.locator('.figure-grid th.col-value button').click()
    await expect.poll(() => page.locator('.figure-grid td.col-name').allInnerTexts()).toEqual(['乙项', '甲项'])
    await page.locator('.figure-grid th.col-value button').click()
    await expect.poll(() => page.locator('.figure-grid td.col-name').allInnerTexts()).toEqual(['甲项', '乙项'])
    // filter
    await page.fill('.figure-filter', '甲')
    await expect.poll(() => page.locator('.figure-grid td.col-name').allInnerTexts()).toEqual(['甲项'])
    await page.fill('.figure-filter', '')
    // add a figure and name it, all by keyboard
    await page.click('[data-testid=figure-add]')
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText('丙项')
    await page.keyboard.press('Tab')
    await page.keyboard.type('300余人') // typing on a cell starts editing it
    await page.keyboard.press('Enter')
    const row = page.locator('.figure-grid tr', { has: page.locator('td.col-name', { hasText: '丙项' }) })
    await expect.poll(() => row.locator('td.col-shown').innerText()).toBe('300余人')
    // Ctrl+Delete on a row asks what to do, Esc cancels
    await row.locator('td.col-name').click()
    await page.keyboard.press('Control+Delete')
    await page.locator('[data-testid=delete-keep-text]').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.figure-grid td.col-name').count()).toBe(3)
    // Esc in the grid puts the keyboard back in the text; Ctrl+Shift+D there goes back to the grid,
    // and from the grid closes it
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.document-body'))).toBe(true)
    await page.keyboard.press('Control+Shift+D')
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.figure-grid'))).toBe(true)
    await page.keyboard.press('Control+Shift+D')
    await expect.poll(() => page.locator('[data-testid=figure-panel]').count()).toBe(0)
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.document-body'))).toBe(true)
  })

  it('opens without an undo step, shows the live 附表, exports .xlsx and imports a CSV after a preview', async () => {
    const { page } = await openWith(
      doc([[{ type: 'text', text: '召开会议' }, { type: 'figure', figureId: 'm' }, { type: 'text', text: '，发放资料' }, { type: 'figure', figureId: 'p' }]], [
        { id: 'm', name: '会议次数', value: null, unit: '次' },
        { id: 'p', name: '发放资料', value: 1000, qualifier: '余', unit: '份', lastYear: 800, note: '宣传科' },
      ]),
    )
    // loading a document with figures leaves nothing to undo
    await expect.poll(() => page.locator('.toolbar button[title^="撤销"]').isDisabled()).toBe(true)

    // 插入附表 at the end: a live table of the figures
    await caretAtEnd(page)
    await toolbarClick(page, '[data-testid=insert-appendix]')
    const appendix = page.locator('.document-body .dd-figuretable-grid')
    await expect.poll(() => appendix.locator('tbody tr').allInnerTexts()).toEqual(['1\t会议次数\t〔会议次数〕\t\t', '2\t发放资料\t1000余份\t800份\t宣传科'])

    // export: a real .xlsx download
    await toolbarClick(page, '[data-testid=figure-panel-toggle]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=figure-export-xlsx]')])
    expect(download.suggestedFilename()).toBe('数据测试-数据表.xlsx')
    const saved = path.join(e2e.tempDir(), 'out.xlsx')
    await download.saveAs(saved)
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK')

    // import: a CSV with one update, one new figure and one bad row; nothing changes before 导入
    const csv = path.join(e2e.tempDir(), '数据.csv')
    fs.writeFileSync(csv, '\uFEFF名称,数值,单位,颜色\r\n会议次数,12,次,红\r\n新指标,7,个,\r\n发放资料,很多,份,\r\n')
    await page.setInputFiles('[data-testid=figure-import-input]', csv)
    const preview = page.locator('[data-testid=sheet-preview]')
    // the sheet is read in a worker thread: its start-up takes a moment
    await expect.poll(() => preview.locator('tbody tr').allInnerTexts(), { timeout: 15_000 }).toEqual(['更新\t会议次数\t〔会议次数〕\t12次', '新增\t新指标\t—\t7个'])
    const problems = await page.locator('[data-testid=sheet-problems]').innerText()
    expect(problems).toContain('不认识的列已忽略：颜色')
    expect(problems).toContain('第4行「发放资料」未导入')
    expect(await figureTexts(page)).toEqual(['〔会议次数〕', '1000余份'])
    await shot(page, 'figures-import.png')
    await page.click('[data-testid=sheet-apply]')
    await expect.poll(() => figureTexts(page)).toEqual(['12次', '1000余份'])
    await expect.poll(() => appendix.locator('tbody tr').count()).toBe(3)
    await shot(page, 'figures-appendix.png')
    // the whole import is one undo step
    await page.locator('.document-body .dd-paragraph').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => figureTexts(page)).toEqual(['〔会议次数〕', '1000余份'])
    await expect.poll(() => appendix.locator('tbody tr').count()).toBe(2)
  })

  it('finds numbers in bulk (screenshot of the dialog)', async () => {
    const { page } = await openWith(
      doc(
        [
          [{ type: 'text', text: '全年共召开专题会议12次，发放宣传资料1000余份，投入资金560.49万元，群众知晓率达到95%以上。' }],
          [{ type: 'text', text: '全镇九个村均建立台账，组织培训50-80人，受益居民xx户，2025年12月20日召开总结会。' }],
          [{ type: 'text', text: '其中社区发放宣传资料1000余份。' }],
        ],
        [],
      ),
    )
    await toolbarClick(page, '[data-testid=scan-numbers]')
    const list = page.locator('[data-testid=scan-list]')
    await expect.poll(() => list.locator('tbody tr td:nth-child(2) strong').allInnerTexts()).toEqual(['12次', '1000余份', '560.49万元', '95%以上', '九个', '50-80人', 'xx'])
    await shot(page, 'figures-scan.png')
    await page.click('[data-testid=scan-apply]')
    await expect.poll(() => figureTexts(page)).toEqual(['12次', '1000余份', '560.49万元', '95%以上', '九个', '50-80人', '〔受益居民户数〕', '1000余份'])
    expect(await paragraphText(page, 1)).toBe('全镇九个村均建立台账，组织培训50-80人，受益居民〔受益居民户数〕户，2025年12月20日召开总结会。')
    await toolbarClick(page, '[data-testid=figure-panel-toggle]')
    await expect.poll(() => page.locator('.figure-grid td.col-name').allInnerTexts()).toEqual(['召开专题会议', '发放宣传资料', '投入资金', '群众知晓率', '全镇', '组织培训', '受益居民户数'])
  })
})

