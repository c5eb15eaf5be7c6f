import { describe, expect, it } from 'vitest'
import { toolbarClick, typeWithIme, waitSaved } from '../helpers/shell'
import { outlineEntries, useE2E } from '../helpers/e2e'

const e2e = useE2E()

const freshDocument = () => e2e.newDocument('结构测试')

const outline = outlineEntries

describe('document structure', () => {
  it('turns a typed marker into a numbered heading, and Ctrl+Z brings the marker back', async () => {
    const page = await freshDocument()
    await page.keyboard.type('二、')
    await expect.poll(() => page.locator('.dd-heading-1').count()).toBe(1)
    await page.keyboard.insertText('主要做法')
    expect(await page.locator('.dd-heading-1').getAttribute('data-number')).toBe('一、')
    expect(await page.locator('.dd-heading-1').innerText()).toBe('主要做法')
    await page.keyboard.press('Enter')
    await page.keyboard.type('（一）')
    await typeWithIme(page, 'jiaqiang', '加强领导')
    await page.keyboard.press('Enter')
    await page.keyboard.type('1.5万元投入到位。')
    expect(await page.locator('.dd-heading').count()).toBe(2) // "1.5" is a number, not a marker
    await page.keyboard.press('Enter')
    await page.keyboard.type('1、')
    await expect.poll(() => page.locator('.dd-heading-3').count()).toBe(1)
    await page.keyboard.press('Control+Z')
    await expect.poll(() => page.locator('.dd-heading-3').count()).toBe(0)
    expect(await page.locator('.dd-paragraph').last().textContent()).toBe('1、')
  })

  it('switches a heading between run-in and standalone', async () => {
    const page = await freshDocument()
    await page.keyboard.press('Control+2')
    await page.keyboard.insertText('强化责任落实。')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('逐级签订责任书。')
    await page.locator('.dd-heading-2').click()
    await page.click('button:has-text("与正文同段")')
    await expect.poll(() => page.locator('.dd-heading-2 .dd-runin').innerText()).toBe('逐级签订责任书。')
    await expect.poll(() => outline(page)).toEqual(['（一）强化责任落实。'])
    await page.click('button:has-text("与正文同段")')
    await expect.poll(() => page.locator('.dd-heading-2 .dd-runin').count()).toBe(0)
    expect(await page.locator('.dd-paragraph').last().textContent()).toBe('逐级签订责任书。')
  })

  it('moves a whole section by dragging it in the outline, and renumbers', async () => {
    const page = await freshDocument()
    const section = async (level: string, title: string, body: string) => {
      await page.keyboard.press(`Control+${level}`)
      await page.keyboard.insertText(title)
      await page.keyboard.press('Enter')
      await page.keyboard.insertText(body)
      await page.keyboard.press('Enter')
    }
    await section('1', '基本情况', '甲')
    await section('1', '主要工作', '乙')
    await section('2', '宣传发动', '丙')
    await section('2', '督导检查', '丁')
    await section('1', '存在问题', '戊')
    await expect.poll(() => outline(page)).toEqual(['一、基本情况', '二、主要工作', '（一）宣传发动', '（二）督导检查', '三、存在问题'])

    // 二、主要工作 with its two subsections goes before 一、基本情况
    await page.dragAndDrop('.outline li:has-text("主要工作")', '.outline li:has-text("基本情况")')
    await expect.poll(() => outline(page)).toEqual(['一、主要工作', '（一）宣传发动', '（二）督导检查', '二、基本情况', '三、存在问题'])
    const body = (await page.locator('.document-body').innerText()).replace(/\s+/g, '')
    expect(body).toBe('结构测试主要工作乙宣传发动丙督导检查丁基本情况甲存在问题戊')
    expect(await page.locator('.dd-heading').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')))).toEqual(['一、', '（一）', '（二）', '二、', '三、'])

    // a subsection to the end; one Ctrl+Z undoes the whole move
    await page.dragAndDrop('.outline li:has-text("宣传发动")', '.outline-end')
    await expect.poll(() => outline(page)).toEqual(['一、主要工作', '（一）督导检查', '二、基本情况', '三、存在问题', '（一）宣传发动'])
    await page.locator('.document-body').click()
    await page.keyboard.press('Control+Z')
    await expect.poll(() => outline(page)).toEqual(['一、主要工作', '（一）宣传发动', '（二）督导检查', '二、基本情况', '三、存在问题'])
    await waitSaved(page)
    // per-section counts: 主要工作 (4) + 乙 + 宣传发动 (4) + 丙 + 督导检查 (4) + 丁
    await expect.poll(() => page.locator('.outline li:has-text("主要工作") .outline-count').innerText()).toBe('15')
  })

  it('changes heading levels with Tab and Shift+Tab, and makes body text with Ctrl+0', async () => {
    const page = await freshDocument()
    await page.keyboard.press('Control+1')
    await page.keyboard.insertText('总体情况')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+1')
    await page.keyboard.insertText('工作措施')
    await page.keyboard.press('Tab')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、总体情况', '（一）工作措施'])
    await page.keyboard.press('Tab')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、总体情况', '1.工作措施'])
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、总体情况', '二、工作措施'])
    await page.keyboard.press('Control+0')
    await expect.poll(() => outlineEntries(page)).toEqual(['一、总体情况'])
    expect(await page.locator('.dd-paragraph').last().textContent()).toBe('工作措施')
  })

  it('keeps a skipped level as typed ("1." under "一、"), and 整理 → 规范层级 closes it in one undo step', async () => {
    const page = await freshDocument()
    await page.keyboard.press('Control+1')
    await page.keyboard.insertText('主要做法')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+3')
    await page.keyboard.insertText('建立台账')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+3')
    await page.keyboard.insertText('抓好落实')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+1')
    await page.keyboard.insertText('下步打算')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+3')
    await page.keyboard.insertText('继续推进')
    await expect.poll(() => outline(page)).toEqual(['一、主要做法', '1.建立台账', '2.抓好落实', '二、下步打算', '1.继续推进'])
    // Tab and Shift+Tab move one level from a skipped level too
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => outline(page)).toEqual(['一、主要做法', '1.建立台账', '2.抓好落实', '二、下步打算', '（一）继续推进'])
    await page.keyboard.press('Tab')
    await expect.poll(() => outline(page)).toEqual(['一、主要做法', '1.建立台账', '2.抓好落实', '二、下步打算', '1.继续推进'])

    await page.click('[data-testid=cleanup-button]')
    await page.click('button[role=menuitem]:has-text("规范层级")')
    await expect.poll(() => page.locator('[data-testid=cleanup-changes] li').allInnerTexts()).toEqual(['1.（一）建立台账', '2.（二）抓好落实', '1.（一）继续推进'])
    await page.click('button:has-text("全部应用")')
    await expect.poll(() => outline(page)).toEqual(['一、主要做法', '（一）建立台账', '（二）抓好落实', '二、下步打算', '（一）继续推进'])
    await page.locator('.document-body').click()
    await page.keyboard.press('Control+Z')
    await expect.poll(() => outline(page)).toEqual(['一、主要做法', '1.建立台账', '2.抓好落实', '二、下步打算', '1.继续推进'])
  })

  it('inserts a table, adds and removes rows and columns, and adds a subtitle', async () => {
    const page = await freshDocument()
    await toolbarClick(page, 'button:has-text("表格")')
    await expect.poll(() => page.locator('.document-body table tr').count()).toBe(3)
    await page.locator('.document-body table td').first().click()
    await page.keyboard.insertText('项目')
    await toolbarClick(page, 'button:has-text("+行")')
    await toolbarClick(page, 'button:has-text("+列")')
    await expect.poll(() => page.locator('.document-body table tr').count()).toBe(4)
    expect(await page.locator('.document-body table tr').first().locator('td, th').count()).toBe(4)
    await toolbarClick(page, 'button:has-text("−列")')
    await toolbarClick(page, 'button:has-text("−行")')
    await expect.poll(() => page.locator('.document-body table tr').count()).toBe(3)
    await page.locator('.dd-title').click()
    await toolbarClick(page, '[data-testid=add-subtitle]')
    await page.keyboard.insertText('——某某中学')
    expect(await page.locator('.dd-subtitle').innerText()).toBe('——某某中学')
    await waitSaved(page)
  })

  it('speaks English when asked, and keeps the choice', async () => {
    const page = await freshDocument()
    await page.selectOption('select.language', 'en')
    await expect.poll(() => page.locator('[data-testid=new-document]').innerText()).toBe('New document')
    await page.reload()
    await expect.poll(() => page.locator('[data-testid=new-document]').innerText()).toBe('New document')
  })
})

