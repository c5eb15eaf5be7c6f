/**
 * The application menu as Electron will build it: every item does something, every document item
 * sends a command the renderer takes (tests/e2e/menu-commands.test.ts shows the renderer acting on
 * each), and every key is a valid Electron accelerator that no other item of the same menu uses —
 * counting the keys Electron gives the built-in roles.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { APP_COMMANDS, type AppCommand } from '../../../electron/main/commands'
import { menuTemplate } from '../../../electron/main/menu'

const PLATFORMS = ['win32', 'linux', 'darwin'] as const
type Platform = (typeof PLATFORMS)[number]
type Action = { send: AppCommand } | 'openLibrary' | 'showAbout'

interface Entry {
  item: MenuItemConstructorOptions
  path: string
  /** what clicking it did */
  actions: Action[]
}

/** Every item of the menu (submenus flattened), each clicked once with recording actions. */
function entries(platform: Platform): Entry[] {
  let log: Action[] = []
  const template = menuTemplate(
    { send: (command) => log.push({ send: command }), openLibrary: () => log.push('openLibrary'), showAbout: () => log.push('showAbout') },
    platform,
  )
  const out: Entry[] = []
  const walk = (items: MenuItemConstructorOptions[], prefix: string) => {
    for (const item of items) {
      const path = `${prefix} › ${item.label ?? item.role ?? item.type}${item.visible === false ? ' (hidden)' : ''}`
      log = []
      if (typeof item.click === 'function') (item.click as () => void)()
      out.push({ item, path, actions: log })
      if (Array.isArray(item.submenu)) walk(item.submenu, path)
    }
  }
  walk(template, platform)
  return out
}

/** Commands the shell has but the menu does not send: library.changed follows 打开库…, undo and redo are roles. */
const NOT_SENT: AppCommand[] = ['library.changed', 'edit.undo', 'edit.redo']

const sent = (platform: Platform) => new Set(entries(platform).flatMap((e) => e.actions.flatMap((a) => (typeof a === 'object' ? [a.send] : []))))

// Electron's own accelerators for the roles (lib/browser/api/menu-item-roles.ts): an item with a role
// and no accelerator of its own gets this one.
function roleAccelerator(role: string, platform: Platform): string | undefined {
  const mac = platform === 'darwin'
  const table: Record<string, string | undefined> = {
    close: 'CommandOrControl+W',
    copy: 'CommandOrControl+C',
    cut: 'CommandOrControl+X',
    forcereload: 'Shift+CmdOrCtrl+R',
    hide: 'Command+H',
    hideothers: 'Command+Alt+H',
    minimize: 'CommandOrControl+M',
    paste: 'CommandOrControl+V',
    pasteandmatchstyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V',
    quit: platform === 'win32' ? undefined : 'CommandOrControl+Q',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    reload: 'CmdOrCtrl+R',
    resetzoom: 'CommandOrControl+0',
    selectall: 'CommandOrControl+A',
    toggledevtools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    undo: 'CommandOrControl+Z',
    zoomin: 'CommandOrControl+Plus',
    zoomout: 'CommandOrControl+-',
  }
  return table[role.toLowerCase()]
}

const MODIFIERS: Record<string, 'Cmd' | 'Ctrl' | 'CmdOrCtrl' | 'Alt' | 'AltGr' | 'Shift' | 'Super'> = {
  Command: 'Cmd', Cmd: 'Cmd', Control: 'Ctrl', Ctrl: 'Ctrl', CommandOrControl: 'CmdOrCtrl', CmdOrCtrl: 'CmdOrCtrl',
  Alt: 'Alt', Option: 'Alt', AltGr: 'AltGr', Shift: 'Shift', Super: 'Super', Meta: 'Super',
}
const NAMED_KEYS = new Set(['Plus', 'Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter', 'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc'])
const isKeyCode = (key: string) => /^[A-Za-z0-9]$/.test(key) || /^F([1-9]|1\d|2[0-4])$/.test(key) || NAMED_KEYS.has(key) || /^[-=[\]\\;',./`~!@#$%^&*()_:<>?{}|"]$/.test(key)

/** The accelerator as the keys pressed on `platform` ("Ctrl+Shift+Z"), or why it is not valid. */
function keys(accelerator: string, platform: Platform): { keys: string } | { invalid: string } {
  const parts = accelerator.split('+')
  const key = parts.pop()!
  if (!isKeyCode(key)) return { invalid: `"${key}" is not a key code` }
  const mods = new Set<string>()
  for (const part of parts) {
    const mod = MODIFIERS[part]
    if (!mod) return { invalid: `"${part}" is not a modifier` }
    const real = mod === 'CmdOrCtrl' ? (platform === 'darwin' ? 'Cmd' : 'Ctrl') : mod
    if (mods.has(real)) return { invalid: `${real} twice` }
    mods.add(real)
  }
  const order = ['Ctrl', 'Alt', 'AltGr', 'Shift', 'Cmd', 'Super']
  return { keys: [...[...mods].sort((a, b) => order.indexOf(a) - order.indexOf(b)), key.length === 1 ? key.toUpperCase() : key].join('+') }
}

/** Every key the menu answers to on `platform`: its own accelerators and the roles' defaults. */
function bindings(platform: Platform): { path: string; accelerator: string; own: boolean }[] {
  return entries(platform).flatMap(({ item, path }) => {
    const own = typeof item.accelerator === 'string' ? item.accelerator : undefined
    const accelerator = own ?? (item.role ? roleAccelerator(item.role, platform) : undefined)
    return accelerator ? [{ path, accelerator, own: own !== undefined }] : []
  })
}

describe.each(PLATFORMS)('the menu on %s', (platform) => {
  it('has nothing that does nothing: each item is a separator, a submenu, a role or exactly one action', () => {
    for (const { item, path, actions } of entries(platform)) {
      if (item.type === 'separator' || Array.isArray(item.submenu)) continue
      if (item.role) {
        expect(item.click, `${path}: a role item must not also have a click`).toBeUndefined()
        continue
      }
      expect(actions, path).toHaveLength(1)
      const [action] = actions
      if (typeof action === 'object') expect(APP_COMMANDS, path).toContain(action.send)
    }
  })

  it('sends every command the renderer takes from the shell (library.changed follows 打开库…; undo and redo are roles)', () => {
    expect([...sent(platform), ...NOT_SENT].sort()).toEqual([...APP_COMMANDS].sort())
    const opensLibrary = entries(platform).filter((e) => e.actions.includes('openLibrary'))
    expect(opensLibrary, 'one item opens another library').toHaveLength(1)
    expect(entries(platform).filter((e) => e.actions.includes('showAbout')).length).toBeGreaterThanOrEqual(1)
  })

  it('uses only valid Electron accelerators, with the platform’s own modifier key', () => {
    for (const { path, accelerator, own } of bindings(platform)) {
      const parsed = keys(accelerator, platform)
      expect(parsed, `${path}: ${accelerator}`).toHaveProperty('keys')
      if (!own) continue
      const parts = accelerator.split('+')
      // Command does nothing on Windows and Linux; a plain Ctrl where a Mac user presses Cmd is a slip
      if (platform === 'darwin') expect(parts.some((p) => p === 'Ctrl' || p === 'Control'), `${path}: ${accelerator}`).toBe(false)
      else expect(parts.some((p) => p === 'Cmd' || p === 'Command'), `${path}: ${accelerator}`).toBe(false)
    }
  })

  it('never gives one key to two different actions, counting the roles’ built-in keys', () => {
    const byKeys = new Map<string, string[]>()
    for (const { path, accelerator } of bindings(platform)) {
      const parsed = keys(accelerator, platform)
      if (!('keys' in parsed)) continue
      byKeys.set(parsed.keys, [...(byKeys.get(parsed.keys) ?? []), path])
    }
    const clashes = [...byKeys].filter(([, paths]) => paths.length > 1)
    expect(clashes).toEqual([])
  })

  it('hides an item only to give a visible item’s action (or role) a second key', () => {
    const all = entries(platform)
    for (const { item, path, actions } of all.filter((e) => e.item.visible === false)) {
      expect(item.accelerator, path).toBeTruthy()
      if (platform === 'darwin') expect(item.acceleratorWorksWhenHidden, `${path}: a hidden key works on macOS only when asked`).toBe(true)
      const twin = item.role
        ? all.find((e) => e.item.visible !== false && e.item.role === item.role)
        : all.find((e) => e.item.visible !== false && e.actions.length > 0 && JSON.stringify(e.actions) === JSON.stringify(actions))
      expect(twin, `${path} repeats a visible item`).toBeDefined()
    }
  })

  it('undoes and redoes with Electron’s roles, so a focused text field undoes itself, with both redo keys', () => {
    const edit = entries(platform).filter((e) => e.path.startsWith(`${platform} › 编辑 › `))
    const undo = edit.filter((e) => e.item.role === 'undo')
    const redo = edit.filter((e) => e.item.role === 'redo')
    expect(undo.map((e) => e.item.visible)).toEqual([undefined])
    expect(undo[0]!.item.click).toBeUndefined()
    const redoKeys = redo.map((e) => keys(e.item.accelerator ?? roleAccelerator('redo', platform)!, platform)).map((k) => ('keys' in k ? k.keys : k.invalid))
    const want = ['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y'].map((k) => (keys(k, platform) as { keys: string }).keys)
    expect(redoKeys.sort()).toEqual(want.sort())
    for (const role of ['cut', 'copy', 'paste', 'selectAll']) expect(edit.filter((e) => e.item.role === role), role).toHaveLength(1)
  })

  it('has a Window menu: minimize and close everywhere, zoom and bring-all-to-front on macOS', () => {
    const windowMenu = entries(platform).filter((e) => e.path.startsWith(`${platform} › 窗口 › `)).map((e) => e.item.role).filter(Boolean)
    expect(windowMenu).toEqual(platform === 'darwin' ? ['minimize', 'zoom', 'close', 'front'] : ['minimize', 'close'])
    expect(entries(platform).find((e) => e.path === `${platform} › 窗口`)?.item.role).toBe('window')
  })

  it('prints, exports and checks from 文件, each with a key', () => {
    const file = entries(platform).filter((e) => e.path.startsWith(`${platform} › 文件 › `))
    const byCommand = (command: AppCommand) => file.find((e) => e.actions.some((a) => typeof a === 'object' && a.send === command))
    const expected: [AppCommand, string, string][] = [
      ['output.print', '打印…', 'CmdOrCtrl+P'],
      ['output.exportDocx', '导出 Word…', 'CmdOrCtrl+Shift+E'],
      ['output.exportPdf', '导出 PDF…', 'CmdOrCtrl+Shift+P'],
      ['output.check', '出稿检查', 'F7'],
    ]
    for (const [command, label, key] of expected) {
      const entry = byCommand(command)
      expect(entry?.item.label, command).toBe(label)
      expect(keys(String(entry?.item.accelerator), platform), command).toEqual(keys(key, platform))
    }
  })

  it('zooms the page, not the window: 视图 › 放大 / 缩小 / 实际大小 send the page view’s zoom commands with its keys', () => {
    const view = entries(platform).filter((e) => e.path.startsWith(`${platform} › 视图 › `))
    // no window zoom left anywhere in the menu (it would scale the toolbars and panels with the page)
    expect(entries(platform).filter((e) => ['zoomin', 'zoomout', 'resetzoom'].includes(String(e.item.role).toLowerCase())).map((e) => e.path)).toEqual([])
    const expected: [string, AppCommand, string][] = [
      ['放大', 'view.zoomIn', 'CmdOrCtrl+='],
      ['缩小', 'view.zoomOut', 'CmdOrCtrl+-'],
      ['实际大小', 'view.zoomReset', 'CmdOrCtrl+Shift+0'],
    ]
    for (const [label, command, key] of expected) {
      const item = view.find((e) => e.item.label === label)
      expect(item, label).toBeDefined()
      expect(item!.item.role, label).toBeUndefined()
      expect(item!.actions, label).toEqual([{ send: command }])
      // the same keys the page takes itself (PageView: Ctrl+= / Ctrl+- / Ctrl+Shift+0; Ctrl+0 is 正文)
      expect(keys(String(item!.item.accelerator), platform), label).toEqual(keys(key, platform))
    }
  })

  it('has a 团队 menu: 加入团队…, 团队成员, 退出团队…', () => {
    const team = entries(platform).filter((e) => e.path.startsWith(`${platform} › 团队 › `) && e.item.type !== 'separator')
    expect(team.map((e) => [e.item.label, e.actions])).toEqual([
      ['加入团队…', [{ send: 'team.join' }]],
      ['团队成员', [{ send: 'team.members' }]],
      ['退出团队…', [{ send: 'team.leave' }]],
    ])
  })
})

describe('the menu across platforms', () => {
  it('offers the same commands on Windows, Linux and macOS', () => {
    expect([...sent('darwin')].sort()).toEqual([...sent('win32')].sort())
    expect([...sent('linux')].sort()).toEqual([...sent('win32')].sort())
  })

  it('gives a command a key on macOS exactly when it has one on Windows', () => {
    const withKeys = (platform: Platform) =>
      new Set(entries(platform).flatMap((e) => (e.item.accelerator && e.actions.length === 1 && typeof e.actions[0] === 'object' ? [e.actions[0].send] : [])))
    expect([...withKeys('darwin')].sort()).toEqual([...withKeys('win32')].sort())
  })

  it('puts quit and about where each platform expects them', () => {
    const rolesIn = (platform: Platform, menu: number) => ((menuTemplate({ send() {}, openLibrary() {}, showAbout() {} }, platform)[menu]!.submenu ?? []) as MenuItemConstructorOptions[]).map((i) => i.role)
    expect(rolesIn('darwin', 0)).toContain('quit') // the app menu
    expect(rolesIn('darwin', 1)).not.toContain('quit')
    expect(rolesIn('win32', 0)).toContain('quit') // 文件
    expect(entries('darwin').filter((e) => e.actions.includes('showAbout')).map((e) => e.path)).toEqual(['darwin › 稿台 › 关于稿台', 'darwin › 帮助 › 关于稿台'])
  })
})

describe('the accelerator check itself', () => {
  it('tells valid keys from invalid ones and the same key written two ways', () => {
    expect(keys('CmdOrCtrl+Shift+Z', 'linux')).toEqual({ keys: 'Ctrl+Shift+Z' })
    expect(keys('Shift+Control+z', 'win32')).toEqual({ keys: 'Ctrl+Shift+Z' })
    expect(keys('CommandOrControl+Plus', 'darwin')).toEqual({ keys: 'Cmd+Plus' })
    expect(keys('Alt+Cmd+F', 'darwin')).toEqual(keys('Option+Command+F', 'darwin'))
    expect(keys('Ctrl+Hyper+K', 'linux')).toEqual({ invalid: '"Hyper" is not a modifier' })
    expect(keys('Ctrl+Shift', 'linux')).toEqual({ invalid: '"Shift" is not a key code' })
    expect(keys('Ctrl+Control+K', 'linux')).toEqual({ invalid: 'Ctrl twice' })
    expect(keys('F25', 'linux')).toHaveProperty('invalid')
  })
})
