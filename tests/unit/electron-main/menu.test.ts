import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { menuTemplate, type MenuActions } from '../../../electron/main/menu'
import { APP_COMMANDS, type AppCommand } from '../../../electron/main/commands'

function actions() {
  return {
    send: vi.fn<(command: AppCommand) => void>(),
    openLibrary: vi.fn<() => void>(),
    showAbout: vi.fn<() => void>(),
  } satisfies MenuActions
}

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => {
  expect(Array.isArray(item?.submenu)).toBe(true)
  return item!.submenu as MenuItemConstructorOptions[]
}
const find = (items: MenuItemConstructorOptions[], label: string, visible = true) => {
  const item = items.find((i) => i.label === label && (i.visible ?? true) === visible)
  expect(item, label).toBeDefined()
  return item!
}
function click(item: MenuItemConstructorOptions) {
  expect(typeof item.click).toBe('function')
  ;(item.click as () => void)()
}

describe('menuTemplate on Windows and Linux', () => {
  for (const platform of ['win32', 'linux'] as const) {
    it(`has the four Chinese menus (${platform})`, () => {
      expect(menuTemplate(actions(), platform).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助'])
    })
  }

  const a = actions()
  const [file, edit, view, help] = menuTemplate(a, 'win32')

  it('文件: 新建, 从模板新建…, 导入…, 打开库…, 保存版本, 退出', () => {
    const items = submenu(file)
    expect(items.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['新建', '从模板新建…', '导入…', '打开库…', '保存版本', '退出'])
    expect(find(items, '导入…').accelerator).toBe('CmdOrCtrl+O')
    expect(find(items, '新建').accelerator).toBe('CmdOrCtrl+N')
    expect(find(items, '保存版本').accelerator).toBe('CmdOrCtrl+S')
    expect(find(items, '退出').role).toBe('quit')
  })

  it('编辑: undo, redo, clipboard, find and replace with their keys', () => {
    const items = submenu(edit)
    expect(items.filter((i) => i.type !== 'separator' && i.visible !== false).map((i) => i.label)).toEqual([
      '撤销',
      '重做',
      '剪切',
      '复制',
      '粘贴',
      '全选',
      '查找',
      '替换',
    ])
    expect(find(items, '撤销').accelerator).toBe('CmdOrCtrl+Z')
    expect(find(items, '重做').accelerator).toBe('Ctrl+Y')
    const hiddenRedo = find(items, '重做', false)
    expect(hiddenRedo.accelerator).toBe('Shift+Ctrl+Z')
    expect(hiddenRedo.acceleratorWorksWhenHidden).toBe(true)
    expect(find(items, '查找').accelerator).toBe('CmdOrCtrl+F')
    expect(find(items, '替换').accelerator).toBe('Ctrl+H')
    expect(['剪切', '复制', '粘贴', '全选'].map((l) => find(items, l).role)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
  })

  it('视图 and 帮助', () => {
    const items = submenu(view)
    expect(items.filter((i) => i.type !== 'separator').map((i) => [i.label, i.role])).toEqual([
      ['重新加载', 'reload'],
      ['开发者工具', 'toggleDevTools'],
      ['实际大小', 'resetZoom'],
      ['放大', 'zoomIn'],
      ['缩小', 'zoomOut'],
      ['全屏', 'togglefullscreen'],
    ])
    expect(submenu(help).map((i) => i.label)).toEqual(['关于稿台'])
  })

  it('sends the right command for each document item', () => {
    const clicks: [MenuItemConstructorOptions[], string, boolean, string][] = [
      [submenu(file), '新建', true, 'document.new'],
      [submenu(file), '保存版本', true, 'document.snapshot'],
      [submenu(edit), '撤销', true, 'edit.undo'],
      [submenu(edit), '重做', true, 'edit.redo'],
      [submenu(edit), '重做', false, 'edit.redo'],
      [submenu(edit), '查找', true, 'find'],
      [submenu(edit), '替换', true, 'replace'],
    ]
    for (const [items, label, visible, command] of clicks) {
      a.send.mockClear()
      click(find(items, label, visible))
      expect(a.send.mock.calls, label).toEqual([[command]])
    }
    for (const [, , , command] of clicks) expect(APP_COMMANDS).toContain(command)
  })

  it('opens a library and shows the about box through their actions', () => {
    click(find(submenu(file), '打开库…'))
    expect(a.openLibrary).toHaveBeenCalledTimes(1)
    click(find(submenu(help), '关于稿台'))
    expect(a.showAbout).toHaveBeenCalledTimes(1)
  })
})

describe('menuTemplate on macOS', () => {
  const a = actions()
  const template = menuTemplate(a, 'darwin')

  it('puts the app menu first, then the four Chinese menus', () => {
    expect(template.map((m) => m.label)).toEqual(['稿台', '文件', '编辑', '视图', '帮助'])
    const appItems = submenu(template[0])
    expect(appItems.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit'])
    click(find(appItems, '关于稿台'))
    expect(a.showAbout).toHaveBeenCalledTimes(1)
  })

  it('uses the Mac keys and keeps 退出 in the app menu', () => {
    const file = submenu(template[1])
    expect(file.some((i) => i.role === 'quit')).toBe(false)
    const edit = submenu(template[2])
    expect(find(edit, '重做').accelerator).toBe('Shift+Cmd+Z')
    expect(find(edit, '替换').accelerator).toBe('Alt+Cmd+F')
  })
})
