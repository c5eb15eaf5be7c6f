/** The snippet library in the browser shell: panel, picker, 存为素材, fields bound to figures. */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { editorText, typeWithIme, waitSaved } from '../helpers/shell'
import { useE2E } from '../helpers/e2e'
import { callApi, createServices } from '../../electron/services'

const e2e = useE2E()

const panel = (page: Page) => page.locator('[data-testid=snippet-panel]')
const search = (page: Page) => page.locator('[data-testid=snippet-search]')
const picker = (page: Page) => page.locator('[data-testid=snippet-picker]')

async function openSnippets(page: Page) {
  await page.click('[data-testid=tab-snippets]')
  await panel(page).waitFor()
}

/** Waits until the results shown are those for the box's current query. */
async function resultsFor(page: Page, query: string) {
  await page.locator(`[data-testid=snippet-results][data-query="${query}"]`).waitFor()
}

/** The document as stored (after autosave), read through the API from the shell's library. */
async function storedModel(dataDir: string) {
  const s = createServices({ dataDir })
  try {
    const [doc] = await callApi(s.handlers, 'documents.list', {})
    return (await callApi(s.handlers, 'documents.get', { id: doc!.id })).model
  } finally {
    s.close()
  }
}

describe('the snippet panel', () => {
  it('searches as the writer types (IME too), highlights matches, and inserts with Enter and by double-click', async () => {
    const page = await e2e.newDocument('安全生产工作总结')
    await page.keyboard.insertText('今年以来，')
    await openSnippets(page)
    await search(page).click()
    // pinyin being composed does not search; the committed characters do
    await typeWithIme(page, 'lingdaoxiaozu', '领导小组')
    await resultsFor(page, '领导小组')
    const first = page.locator('.snippet-row').first()
    expect(await first.locator('.snippet-title').innerText()).toBe('成立领导小组')
    expect(await first.locator('mark').first().innerText()).toBe('领导小组')
    await page.screenshot({ path: 'test-results/snippet-panel.png' })

    await search(page).press('Enter')
    await expect.poll(() => editorText(page)).toContain('今年以来，成立了以〔组长职务〕为组长')
    // the caret is back in the text, after the snippet
    await page.keyboard.insertText('此外')
    await expect.poll(() => editorText(page)).toContain('督促落实工作。此外')
    // used once now
    await expect.poll(() => first.locator('.snippet-uses').innerText()).toBe('1')

    // a category filter, then a double-click inserts
    await page.locator('[data-testid=snippet-category]').selectOption({ label: '结尾' })
    await search(page).fill('特此')
    await resultsFor(page, '特此')
    expect(await page.locator('.snippet-row').count()).toBe(1)
    await page.locator('.snippet-row').first().dblclick()
    await expect.poll(() => editorText(page)).toContain('特此报告。')
  })

  it('shows a long list whole after its first rows, walks it with ↓, and shows a query asked before without asking again', async () => {
    const page = await e2e.newDocument('河道')
    // 30 snippets that one query finds, created through the shell's API
    await page.evaluate(`(async () => {
      const token = sessionStorage.getItem('draftdesk.token')
      for (let n = 1; n <= 30; n++) {
        const draft = { title: '河道巡查第' + n + '次', categoryId: null, tags: [], body: [[{ type: 'text', text: '第' + n + '次巡查河道，清理岸边垃圾' + n + '处。' }]] }
        const res = await fetch('/api/snippets.create', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-DraftDesk-Token': token }, body: JSON.stringify(draft) })
        if (!(await res.json()).ok) throw new Error('snippets.create failed')
      }
    })()`)
    let searches = 0
    page.on('request', (r) => void (r.url().includes('/api/snippets.search') && searches++))
    await openSnippets(page)
    await search(page).fill('河道巡查')
    await resultsFor(page, '河道巡查')
    await expect.poll(() => page.locator('.snippet-row').count(), { timeout: 15_000 }).toBe(30)
    // ↓ from the box past the rows painted first: the 21st is chosen, in view and previewed
    await search(page).click()
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown')
    const chosen = page.locator('.snippet-row.selected')
    await expect.poll(() => chosen.locator('.snippet-title').innerText()).toBe((await page.locator('.snippet-row').nth(20).locator('.snippet-title').innerText()))
    expect(await chosen.isVisible()).toBe(true)
    const box = (await page.locator('[data-testid=snippet-results]').boundingBox())!
    const row = (await chosen.boundingBox())!
    expect(row.y).toBeGreaterThanOrEqual(box.y - 1)
    expect(row.y + row.height).toBeLessThanOrEqual(box.y + box.height + 1)
    expect(await page.locator('[data-testid=snippet-preview]').innerText()).toContain(await chosen.locator('.snippet-title').innerText())

    // a narrower query, then back: the earlier answer shows again without a new search
    await search(page).fill('河道巡查第7')
    await resultsFor(page, '河道巡查第7')
    expect(await page.locator('.snippet-row').count()).toBe(1)
    const asked = searches
    await search(page).fill('河道巡查')
    await resultsFor(page, '河道巡查')
    await expect.poll(() => page.locator('.snippet-row').count(), { timeout: 15_000 }).toBe(30)
    expect(searches).toBe(asked)
  })

  it('shows the latest query’s results when typing fast: an answer to an earlier query never replaces them, whenever it arrives', async () => {
    const page = await e2e.newDocument('快打')
    await openSnippets(page)
    await search(page).click()
    // the answers to 领导 and 领导小 are held back by the network until the test lets them through
    const held = new Map<string, () => void>()
    await page.route('**/api/snippets.search', async (route) => {
      const query = (JSON.parse(route.request().postData() ?? '{}') as { query?: string }).query ?? ''
      if (query !== '领导' && query !== '领导小') return route.continue()
      const response = await route.fetch()
      await new Promise<void>((release) => held.set(query, release))
      await route.fulfill({ response })
    })
    const results = page.locator('[data-testid=snippet-results]')
    const seen: string[] = []
    await page.exposeFunction('__shownQuery', (q: string) => void seen.push(q))
    await page.evaluate(`new MutationObserver(() => window.__shownQuery(document.querySelector('[data-testid=snippet-results]').getAttribute('data-query'))).observe(document.querySelector('[data-testid=snippet-results]'), { attributes: true, attributeFilter: ['data-query'] })`)
    // three keystrokes, each a question; only the last is answered at once
    for (const query of ['领导', '领导小', '领导小组']) {
      const asked = page.waitForRequest((r) => r.url().includes('/api/snippets.search') && r.postData()?.includes(query) === true)
      await search(page).fill(query)
      await asked
    }
    await resultsFor(page, '领导小组')
    expect(await page.locator('.snippet-row').first().locator('.snippet-title').innerText()).toBe('成立领导小组')
    // the older answers arrive now, one after the other; each is fully received by the page before the next
    await expect.poll(() => held.size, { timeout: 15_000 }).toBe(2)
    for (const query of ['领导小', '领导']) {
      const done = page.waitForResponse((r) => r.url().includes('/api/snippets.search') && r.request().postData()?.includes(`"${query}"`) === true)
      held.get(query)!()
      await (await done).finished()
    }
    // the page has read both bodies (its resource timings list them) and run the tasks queued after them
    await page.waitForFunction(`performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/snippets.search')).length >= 3`, undefined, { timeout: 15_000 })
    await page.evaluate(() => new Promise((done) => setTimeout(done, 0)))
    expect(await results.getAttribute('data-query')).toBe('领导小组')
    expect(await search(page).inputValue()).toBe('领导小组')
    expect(await page.locator('.snippet-row').first().locator('.snippet-title').innerText()).toBe('成立领导小组')
    expect(seen.filter((q) => q === '领导' || q === '领导小')).toEqual([])
  })

  it('inserts a snippet dragged into the text', async () => {
    const page = await e2e.newDocument('拖放')
    await page.keyboard.insertText('第一段。')
    await openSnippets(page)
    await search(page).fill('请批评指正')
    await resultsFor(page, '请批评指正')
    await page.locator('.snippet-row').first().dragTo(page.locator('.document-body .dd-paragraph').first())
    await expect.poll(() => editorText(page)).toContain('以上报告，如有不妥，请批评指正。')
  })
})

describe('the inline picker', () => {
  it('opens on "//", searches what follows, and Enter replaces "//query" with the snippet', async () => {
    const page = await e2e.newDocument('快捷插入')
    await page.keyboard.insertText('开头：')
    await page.keyboard.type('//')
    await picker(page).waitFor()
    await page.keyboard.insertText('总结如下')
    await expect.poll(() => picker(page).locator('li').count()).toBeGreaterThan(1)
    await expect.poll(() => picker(page).locator('li mark').first().innerText()).toBe('总结如下')
    await page.screenshot({ path: 'test-results/snippet-picker.png' })
    await page.keyboard.press('ArrowDown')
    const chosen = await picker(page).locator('li.selected .snippet-picker-title').innerText()
    await page.keyboard.press('Enter')
    await expect.poll(() => picker(page).count()).toBe(0)
    const text = await editorText(page)
    expect(text).not.toContain('//')
    expect(text).toMatch(/^快捷插入开头：.+总结如下：$/)
    expect(chosen.length).toBeGreaterThan(0)
  })

  it('is never opened or driven by an IME composition; Chinese input finds snippets; Esc leaves the text', async () => {
    const page = await e2e.newDocument('输入法')
    // composing "//" (full-width or not) does not open it
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.imeSetComposition', { text: '/', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.imeSetComposition', { text: '//', selectionStart: 2, selectionEnd: 2 })
    await page.waitForTimeout(150)
    expect(await picker(page).count()).toBe(0)
    await cdp.send('Input.insertText', { text: '甲' })
    await page.waitForTimeout(150)
    expect(await picker(page).count()).toBe(0)

    // "、、" — what the / key gives under a Chinese IME — opens it; the query comes through the IME
    await page.keyboard.insertText('、')
    await page.keyboard.insertText('、')
    await picker(page).waitFor()
    await cdp.send('Input.imeSetComposition', { text: 'xuanchuan', selectionStart: 9, selectionEnd: 9 })
    await page.waitForTimeout(150)
    // while composing, Enter belongs to the IME: nothing is inserted
    expect(await picker(page).isVisible()).toBe(true)
    await cdp.send('Input.insertText', { text: '宣传' })
    await expect.poll(() => picker(page).locator('.snippet-picker-head').innerText()).toContain('宣传')
    await expect.poll(() => picker(page).locator('li').count()).toBeGreaterThan(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => picker(page).count()).toBe(0)
    expect(await editorText(page)).toBe('输入法甲、、宣传')
    await cdp.detach()

    // Ctrl+Space opens it at the caret without any trigger text
    await page.keyboard.press('Control+Space')
    await picker(page).waitFor()
    await page.keyboard.insertText('特此报告')
    await expect.poll(() => picker(page).locator('li').count()).toBeGreaterThan(0)
    await page.keyboard.press('Enter')
    await expect.poll(() => editorText(page)).toBe('输入法甲、、宣传特此报告。')
  })

  it('stays shut for a URL and does not take Enter when nothing matches', async () => {
    const page = await e2e.newDocument('网址')
    await page.keyboard.type('http://')
    await page.waitForTimeout(150)
    expect(await picker(page).count()).toBe(0)
    await page.keyboard.insertText('example.cn ')
    await page.keyboard.type('//')
    await picker(page).waitFor()
    await page.keyboard.insertText('没有这样的素材啊')
    await expect.poll(() => picker(page).innerText()).toContain('没有找到')
    await page.keyboard.press('Enter')
    await expect.poll(() => picker(page).count()).toBe(0)
    expect(await page.locator('.document-body .dd-paragraph').count()).toBe(2) // Enter made a new paragraph
  })
})

describe('fields and 存为素材', () => {
  it('binds every field to the document’s figure of that name, one figure for all uses', async () => {
    const dataDir = e2e.tempDir()
    const page = await e2e.newDocument('年度总结', dataDir)
    for (const query of ['年度总结开头', '恳请指正']) {
      await page.keyboard.type('//')
      await picker(page).waitFor()
      await page.keyboard.insertText(query)
      await expect.poll(() => picker(page).locator('li .snippet-picker-title').first().innerText()).toBe(query)
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
    }
    // {{年度}} twice, {{单位名称}} once: unfilled figures shown by name
    const refs = page.locator('.document-body .dd-figure')
    await expect.poll(() => refs.count()).toBe(3)
    const ids = await refs.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-figure-id')}:${e.textContent}`))
    const year = ids.filter((s) => s.endsWith('〔年度〕'))
    expect(year).toHaveLength(2)
    expect(new Set(year.map((s) => s.split(':')[0])).size).toBe(1)
    await waitSaved(page)
    const model = await storedModel(dataDir)
    expect(model.figures.map((f) => [f.name, f.value]).sort()).toEqual([['单位名称', null], ['年度', null]])
  })

  it('saves a selection as a snippet with its numbers as fields (Ctrl+Shift+S and the context menu)', async () => {
    const page = await e2e.newDocument('存为素材')
    await page.keyboard.insertText('全年召开专题会议3次，发放宣传单300余份，群众知晓率达到98%。')
    await page.locator('.document-body .dd-paragraph').first().click({ clickCount: 3 })
    await page.keyboard.press('Control+Shift+S')
    const dialog = page.locator('[data-testid=save-snippet-dialog]')
    await dialog.waitFor()
    expect(await dialog.locator('[data-testid=snippet-title-input]').inputValue()).toBe('全年召开专题会议3次')
    // the proposal follows the category list, which may still be loading when the dialog opens
    await expect.poll(() => dialog.locator('[data-testid=snippet-category-select] option:checked').innerText()).toBe('宣传发动')
    const numbers = dialog.locator('[data-testid=snippet-number]')
    expect(await numbers.count()).toBe(3)
    expect(await numbers.nth(0).locator('input:not([type=checkbox])').inputValue()).toBe('专题会议次数')
    await numbers.nth(2).locator('input[type=checkbox]').uncheck() // keep 98% as text
    await dialog.locator('[data-testid=snippet-title-input]').fill('会议和宣传')
    await page.screenshot({ path: 'test-results/snippet-save-dialog.png' })
    await dialog.locator('[data-testid=snippet-save]').click()
    await expect.poll(() => dialog.count()).toBe(0)

    await openSnippets(page)
    await search(page).fill('会议和宣传')
    await resultsFor(page, '会议和宣传')
    const preview = page.locator('[data-testid=snippet-preview]')
    await expect.poll(() => preview.locator('.snippet-field').allInnerTexts()).toEqual(['专题会议次数', '宣传单数量'])
    expect(await preview.innerText()).toContain('98%')
    expect(await preview.innerText()).toContain('来自《存为素材》')

    // the context menu on a selection offers it too
    await page.locator('.document-body .dd-paragraph').first().click({ clickCount: 3 })
    await page.locator('.document-body .dd-paragraph').first().click({ button: 'right' })
    await page.locator('[data-testid=context-save-snippet]').click()
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
  })
})

describe('收集素材 and the library menu', () => {
  it('harvests recurring paragraphs from the library’s documents; an accepted group becomes a snippet', async () => {
    const dataDir = e2e.tempDir()
    const s = createServices({ dataDir })
    const para = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] })
    for (const [town, n] of [['东山', 3], ['西岭', 5], ['北坡', 2]] as const)
      await callApi(s.handlers, 'documents.create', {
        title: `${town}镇工作总结`,
        model: {
          version: 1,
          title: `${town}镇工作总结`,
          blocks: [
            para(`${town}镇把矛盾纠纷化解摆在突出位置，建立镇村两级排查调处台账，全年化解各类纠纷${n * 10}件，做到小事不出村、大事不出镇。`),
            para(`${town}镇今年的一件新鲜事是把调解室搬到了集市旁边。`),
          ],
          figures: [],
        },
      })
    s.close()
    const { page } = await e2e.openApp(dataDir)
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    await openSnippets(page)
    await page.click('[data-testid=snippet-menu]')
    await page.click('[data-testid=snippet-harvest]')
    await page.click('[data-testid=harvest-run]')
    const group = page.locator('[data-testid=harvest-group]').first()
    await group.waitFor()
    expect(await group.locator('.harvest-count').innerText()).toBe('3 篇文稿用过')
    // the town's name and the numbers that differ become fields
    expect(await group.locator('.snippet-field').allInnerTexts()).toEqual(['单位名称', '纠纷数'])
    await page.screenshot({ path: 'test-results/snippet-harvest.png' })
    await group.locator('[data-testid=harvest-accept]').click()
    await expect.poll(() => group.locator('.harvest-done').count()).toBe(1)
    await page.keyboard.press('Escape')
    await search(page).fill('纠纷化解')
    await resultsFor(page, '纠纷化解')
    await expect.poll(() => page.locator('[data-testid=snippet-preview] .snippet-field').allInnerTexts()).toEqual(['单位名称', '纠纷数'])
  })

  it('imports a CSV, showing the line of a bad row and importing the good ones only when asked; edits a snippet', async () => {
    const page = await e2e.newDocument('导入素材')
    await openSnippets(page)
    const csv = 'title,category,tags,body\n巡查制度,工作措施/巡查,巡查;常用,"建立{{巡查频次}}巡查制度，发现问题当场交办。"\n坏行,结尾,,"引号没有闭合\n'
    await page.locator('[data-testid=snippet-import-input]').setInputFiles({ name: '素材.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    const dialog = page.locator('[data-testid=snippet-import-dialog]')
    await dialog.waitFor()
    await expect.poll(() => dialog.locator('[data-testid=snippet-import-problems]').innerText()).toContain('第 3 行')
    expect(await dialog.locator('[data-testid=snippet-import-commit]').count()).toBe(0)
    await page.screenshot({ path: 'test-results/snippet-import.png' })
    await dialog.locator('[data-testid=snippet-import-valid]').click()
    await expect.poll(() => dialog.count()).toBe(0)
    await search(page).fill('巡查制度')
    await resultsFor(page, '巡查制度')
    await expect.poll(() => page.locator('.snippet-row').count()).toBe(1)
    expect(await page.locator('.snippet-row .snippet-chip').innerText()).toBe('巡查')

    // edit: bold a word in the body; the field stays a field
    await page.locator('[data-testid=snippet-preview] button', { hasText: '编辑' }).click()
    const edit = page.locator('[data-testid=snippet-edit-dialog]')
    await edit.waitFor()
    await edit.locator('[data-testid=snippet-body-editor]').click()
    await page.keyboard.press('Control+End')
    // as a person selects: Lexical follows the browser's selection a moment later
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+ArrowLeft')
      await page.waitForTimeout(80)
    }
    await page.keyboard.press('Control+B')
    await page.screenshot({ path: 'test-results/snippet-edit.png' })
    await edit.locator('[data-testid=snippet-save]').click()
    await expect.poll(() => edit.count()).toBe(0)
    const preview = page.locator('[data-testid=snippet-preview]')
    await expect.poll(() => preview.locator('.snippet-preview-body strong').count()).toBe(1)
    expect(await preview.locator('.snippet-preview-body strong').innerText()).toBe('交办。')
    expect(await preview.locator('.snippet-field').allInnerTexts()).toEqual(['巡查频次'])
  })

  it('管理分类 takes the keyboard: Tab stays in it, Esc on a new name cancels the name only, Esc again closes and returns to ⋯', async () => {
    const page = await e2e.newDocument('分类')
    await openSnippets(page)
    await page.click('[data-testid=snippet-menu]')
    // the menu opens leftwards from ⋯, whole inside the panel (it used to run off the window's edge)
    const menu = (await page.getByRole('menu').boundingBox())!
    const side = (await panel(page).boundingBox())!
    expect(menu.x).toBeGreaterThanOrEqual(side.x)
    expect(menu.x + menu.width).toBeLessThanOrEqual(side.x + side.width + 1)
    expect(menu.x + menu.width).toBeLessThanOrEqual(page.viewportSize()!.width)
    await page.getByRole('menuitem', { name: '管理分类…' }).click()
    const dialog = page.locator('[data-testid=category-dialog]')
    await dialog.waitFor()
    const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=category-dialog]'))
    expect(await inDialog()).toBe(true)
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      expect(await inDialog()).toBe(true)
    }
    await dialog.getByRole('button', { name: '新建分类' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.locator('input[placeholder]').count()).toBe(0)
    expect(await dialog.count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('snippet-menu')
  })
})

