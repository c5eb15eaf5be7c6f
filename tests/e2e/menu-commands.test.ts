/**
 * The desktop menu's commands, performed by the real renderer. The page gets the bridge the Electron
 * preload would give it (`window.draftdesk`: API calls forwarded to the browser shell, menu commands
 * delivered as main.ts delivers them), so each command the menu sends can be watched doing its job.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { APP_COMMANDS, type AppCommand } from '../../shared/commands'
import { menuTemplate } from '../../electron/main/menu'
import { callApi, createServices } from '../../electron/services'
import { useE2E } from '../helpers/e2e'
import { editorText, waitSaved } from '../helpers/shell'
import { sampleDocument } from '../helpers/documents'
import { startTeamServer } from '../../electron/team/server'
import { addMember } from '../helpers/team'

const e2e = useE2E()

interface MenuWindow {
  draftdesk?: unknown
  menuCommand?: (command: string) => void
}

/** The app as the desktop shell shows it: the browser shell's page with a preload-like bridge. */
async function desktopApp() {
  const opened = await e2e.openApp()
  const token = new URL(opened.shell.url).searchParams.get('token')!
  await opened.page.addInitScript((token: string) => {
    const w = window as unknown as MenuWindow
    w.draftdesk = {
      platform: 'linux',
      invoke: (method: string, input: unknown) =>
        fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-DraftDesk-Token': token },
          body: JSON.stringify(input ?? {}),
        }).then((r) => r.json()),
      onCommand: (callback: (command: string) => void) => {
        w.menuCommand = callback
        return () => {
          if (w.menuCommand === callback) w.menuCommand = undefined
        }
      },
    }
  }, token)
  await opened.page.reload()
  await opened.page.locator('.app').waitFor()
  await expect.poll(() => opened.page.evaluate(() => typeof (window as unknown as MenuWindow).menuCommand)).toBe('function')
  return opened
}

/** The commands the Linux menu sends, in menu order. */
function menuCommands(): AppCommand[] {
  const sent: AppCommand[] = []
  const walk = (items: MenuItemConstructorOptions[]) => {
    for (const item of items) {
      if (typeof item.click === 'function') (item.click as () => void)()
      if (Array.isArray(item.submenu)) walk(item.submenu)
    }
  }
  walk(menuTemplate({ send: (c) => sent.push(c), openLibrary() {}, showAbout() {} }, 'linux'))
  return [...new Set(sent)]
}

const invoke = (page: Page, method: string, input: unknown) =>
  page.evaluate(([m, i]) => (window as unknown as { draftdesk: { invoke(m: string, i: unknown): Promise<{ ok: boolean; result?: unknown }> } }).draftdesk.invoke(m, i), [method, input] as const)

describe('menu commands in the renderer', () => {
  it('each command the menu sends does what its item says', async () => {
    const { page, dataDir } = await desktopApp()
    const done = new Set<AppCommand>()
    const menu = async (command: AppCommand) => {
      done.add(command)
      await page.evaluate((c) => (window as unknown as MenuWindow).menuCommand!(c), command)
    }

    // 文件 › 新建: a new document, open in the editor
    expect(await page.locator('.doc-open').count()).toBe(0)
    await menu('document.new')
    await page.locator('.document-body').waitFor()
    await expect.poll(() => page.locator('.doc-open').count()).toBe(1)
    await page.click('.dd-title')
    await page.keyboard.insertText('菜单命令')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('第一段。')
    await waitSaved(page)
    await page.waitForTimeout(1100) // the next typing is its own undo step
    await page.keyboard.insertText('第二句。')
    const typed = await editorText(page)
    expect(typed).toContain('第一段。第二句。')

    // 编辑 › 撤销 / 重做
    await menu('edit.undo')
    await expect.poll(() => editorText(page)).not.toContain('第二句')
    expect(await editorText(page)).toContain('第一段。')
    await menu('edit.redo')
    await expect.poll(() => editorText(page)).toBe(typed)

    // 文件 › 保存版本: a manual revision, and the status bar says so
    await waitSaved(page)
    await menu('document.snapshot')
    await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain('已保存版本')
    const [doc] = (await invoke(page, 'documents.list', {})).result as { id: string }[]
    const revisions = (await invoke(page, 'revisions.list', { id: doc!.id })).result as { reason: string }[]
    expect(revisions.map((r) => r.reason)).toContain('manual')

    // 编辑 › 查找, then 替换: the bar, then the bar with its replace field
    await menu('find')
    await page.locator('[data-testid=find-bar]').waitFor()
    await expect.poll(() => page.getByRole('textbox', { name: '查找', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await page.getByRole('textbox', { name: '替换为', exact: true }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid=find-bar]').count()).toBe(0)
    await menu('replace')
    await page.getByRole('textbox', { name: '替换为', exact: true }).waitFor()

    // 视图 › 放大 / 缩小 / 实际大小: the page's 显示比例 steps as with Ctrl+= / Ctrl+- / Ctrl+Shift+0,
    // the window itself unzoomed (the toolbar keeps its size)
    const zoomShown = () => page.locator('[data-testid=zoom-select]').getAttribute('data-zoom').then(Number)
    const toolbarHeight = () => page.locator('.toolbar').evaluate((el) => el.getBoundingClientRect().height)
    const toolbar = await toolbarHeight()
    expect(await zoomShown()).toBe(100)
    await menu('view.zoomIn')
    await expect.poll(zoomShown).toBe(110)
    expect(await page.locator('.page').getAttribute('data-zoom')).toBe('110')
    await menu('view.zoomOut')
    await menu('view.zoomOut')
    await expect.poll(zoomShown).toBe(90)
    await menu('view.zoomReset')
    await expect.poll(zoomShown).toBe(100)
    expect(await toolbarHeight()).toBe(toolbar)
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1)

    // 文件 › 导入…: the file chooser for the formats the importer reads
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu('document.import')])
    expect(await chooser.element().getAttribute('data-testid')).toBe('import-input')
    expect(await chooser.element().getAttribute('accept')).toContain('.docx')

    // 文件 › 从模板新建…: the template picker; a template becomes a new open document
    await menu('document.fromTemplate')
    await page.click('[data-template=annual]')
    await expect.poll(() => page.locator('.dd-title').innerText()).toBe('年度工作总结')
    await expect.poll(() => page.locator('.doc-open').count()).toBe(2)

    // 文件 › 打开库…: the main process switches the services itself (its dialog, no path from the page:
    // tests/unit/electron-main/library.test.ts) and tells the renderer, which closes the document and
    // lists the library as it now is — here one that another program wrote a document into
    const other = createServices({ dataDir })
    await callApi(other.handlers, 'documents.create', { title: '另一个库里的总结', model: sampleDocument('另一个库里的总结') })
    other.close()
    await menu('library.changed')
    await expect.poll(() => page.locator('.document-body').count()).toBe(0)
    await expect.poll(() => page.locator('.doc-open .doc-title').allInnerTexts()).toContain('另一个库里的总结')

    // 文件 › 备份与恢复…: the backups dialog
    await menu('library.backups')
    await page.locator('[data-testid=backups-dialog]').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid=backups-dialog]').count()).toBe(0)

    // 团队 › 团队成员 before joining: the status bar says so; 加入团队…: the dialog, joined;
    // 团队成员: the team's members; 退出团队…: asked, then left
    const teamDir = e2e.tempDir()
    const team = await startTeamServer({ dataDir: teamDir, port: 0, host: '127.0.0.1' })
    try {
      const code = await addMember(teamDir, '张三', 'editor')
      await addMember(teamDir, '李处长', 'reviewer')
      await menu('team.members')
      await expect.poll(() => page.locator('.status-bar .notice').innerText()).toContain('还没有加入团队')
      await menu('team.join')
      await page.fill('[data-testid=team-server]', team.url)
      await page.fill('[data-testid=team-code]', code)
      await page.click('[data-testid=team-join-submit]')
      await expect.poll(() => page.locator('[data-testid=team-joined]').innerText(), { timeout: 15_000 }).toContain('张三（编辑）')
      await page.keyboard.press('Escape')
      await menu('team.members')
      await expect.poll(() => page.locator('[data-testid=team-members]').innerText(), { timeout: 15_000 }).toContain('李处长（审阅）')
      await page.keyboard.press('Escape')
      await menu('team.leave')
      await page.click('[data-testid=team-leave-confirm]')
      await page.locator('[data-testid=team-join-link]').waitFor()
      expect((await invoke(page, 'team.status', {})).result).toEqual({ membership: null, links: [] })
    } finally {
      await team.close()
    }

    // nothing left out: every command of the menu, and every command there is (but the output ones below)
    expect(menuCommands().filter((c) => !done.has(c) && !OPEN_OVER_THE_DOCUMENT.includes(c))).toEqual([])
    expect(APP_COMMANDS.filter((c) => !done.has(c) && !OPEN_OVER_THE_DOCUMENT.includes(c))).toEqual([])
  })

  it('文件 › 出稿检查 / 导出 Word… / 导出 PDF… / 打印… open the checks, the export with its format chosen, and the print preview', async () => {
    const { page } = await desktopApp()
    const menu = (command: AppCommand) => page.evaluate((c) => (window as unknown as MenuWindow).menuCommand!(c), command)
    await menu('document.new')
    await page.locator('.document-body').waitFor()
    await page.click('.dd-title')
    await page.keyboard.insertText('出稿菜单')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('正文一段。')

    await menu('output.check')
    await page.locator('[data-testid=output-dialog] [data-testid=check-panel]').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid=output-dialog]').count()).toBe(0)

    for (const [command, format] of [['output.exportDocx', 'docx'], ['output.exportPdf', 'pdf']] as const) {
      await menu(command)
      await page.locator('[data-testid=output-dialog]').waitFor()
      // the chosen format's export button has the focus: Enter exports it
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`export-${format}`)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('[data-testid=output-dialog]').count()).toBe(0)
    }

    await menu('output.print')
    await page.locator('[data-testid=print-preview]').waitFor()
    await expect.poll(() => page.locator('[data-testid=preview-pages]').getAttribute('data-done')).toBe('true')
    // its 打印 button has the keyboard: Enter prints
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('preview-print')
  })
})

// checked in their own test (they open dialogs over the document)
const OPEN_OVER_THE_DOCUMENT: AppCommand[] = ['output.check', 'output.exportDocx', 'output.exportPdf', 'output.print']
