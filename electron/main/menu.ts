/**
 * The application menu (Chinese). Items acting on the document send a command to the renderer;
 * editing, window and app items use Electron's built-in roles.
 *
 * Undo and redo are roles, not commands. A role sends the native undo to the focused webContents,
 * so a text field (the find box, a dialog's input) undoes its own typing instead of the document.
 * The editor still undoes through Lexical's history, exactly once, whichever way it is asked:
 *   - the key (Cmd/Ctrl+Z, Shift+Cmd/Ctrl+Z, Ctrl+Y): the keydown reaches the page first; Lexical's
 *     keydown handler dispatches UNDO_COMMAND / REDO_COMMAND and calls preventDefault(), and a key
 *     the page handled is never passed on to the menu's accelerator;
 *   - the menu item clicked: the role runs the browser's undo in the focused contenteditable, which
 *     fires `beforeinput` with inputType 'historyUndo' / 'historyRedo'; Lexical cancels the native
 *     undo and dispatches the same UNDO_COMMAND / REDO_COMMAND.
 * Either path ends in @lexical/history, never in Chromium's own DOM undo.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from './commands'

export interface MenuActions {
  /** Sends a command to the focused window's renderer. */
  send(command: AppCommand): void
  /** 文件 › 打开库…: choose another library file (main shows the dialog). */
  openLibrary(): void
  /** 帮助 › 关于稿台 */
  showAbout(): void
}

export const APP_MENU_NAME = '稿台'

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const send = (command: AppCommand) => () => actions.send(command)
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const appMenu: MenuItemConstructorOptions = {
    label: APP_MENU_NAME,
    submenu: [
      { label: '关于稿台', click: () => actions.showAbout() },
      separator,
      { role: 'services', label: '服务' },
      separator,
      { role: 'hide', label: '隐藏稿台' },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      separator,
      { role: 'quit', label: '退出稿台' },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '新建', accelerator: 'CmdOrCtrl+N', click: send('document.new') },
      { label: '从模板新建…', click: send('document.fromTemplate') },
      { label: '导入…', accelerator: 'CmdOrCtrl+O', click: send('document.import') },
      separator,
      { label: '打开库…', click: () => actions.openLibrary() },
      { label: '备份与恢复…', click: send('library.backups') },
      separator,
      { label: '保存版本', accelerator: 'CmdOrCtrl+S', click: send('document.snapshot') },
      separator,
      { label: '出稿检查', accelerator: 'F7', click: send('output.check') },
      { label: '导出 Word…', accelerator: 'CmdOrCtrl+Shift+E', click: send('output.exportDocx') },
      { label: '导出 PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: send('output.exportPdf') },
      { label: '打印…', accelerator: 'CmdOrCtrl+P', click: send('output.print') },
      ...(mac ? [] : [separator, { role: 'quit', label: '退出' } as MenuItemConstructorOptions]),
    ],
  }

  // 团队: the items that need no open document (共享到团队 and 复制为本地文稿 are the toolbar's 团队 ▾)
  const team: MenuItemConstructorOptions = {
    label: '团队',
    submenu: [
      { label: '加入团队…', click: send('team.join') },
      { label: '团队成员', click: send('team.members') },
      separator,
      { label: '退出团队…', click: send('team.leave') },
    ],
  }

  // The second redo key each platform's writers expect, on a hidden twin of the redo item (the
  // role's own key is the first): Ctrl+Y next to Shift+Ctrl+Z and the other way round.
  const secondRedo = platform === 'win32' ? 'Shift+Ctrl+Z' : mac ? 'Cmd+Y' : 'Ctrl+Y'
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { role: 'redo', label: '重做', accelerator: secondRedo, visible: false, acceleratorWorksWhenHidden: true },
      separator,
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
      separator,
      { label: '查找', accelerator: 'CmdOrCtrl+F', click: send('find') },
      { label: '替换', accelerator: mac ? 'Alt+Cmd+F' : 'Ctrl+H', click: send('replace') },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
      separator,
      // the page's 显示比例 (the renderer's own keys, which reach the page first), not the window's zoom
      { label: '实际大小', accelerator: 'CmdOrCtrl+Shift+0', click: send('view.zoomReset') },
      { label: '放大', accelerator: 'CmdOrCtrl+=', click: send('view.zoomIn') },
      { label: '缩小', accelerator: 'CmdOrCtrl+-', click: send('view.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: '全屏' },
    ],
  }

  // role 'window' on macOS also lists the open windows and makes this the system's Window menu
  const windowMenu: MenuItemConstructorOptions = {
    label: '窗口',
    role: 'window',
    submenu: mac
      ? [
          { role: 'minimize', label: '最小化' },
          { role: 'zoom', label: '缩放' },
          separator,
          { role: 'close', label: '关闭窗口' },
          separator,
          { role: 'front', label: '前置全部窗口' },
        ]
      : [
          { role: 'minimize', label: '最小化' },
          { role: 'close', label: '关闭窗口' },
        ],
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '帮助',
    submenu: [{ label: '关于稿台', click: () => actions.showAbout() }],
  }

  return mac ? [appMenu, file, edit, view, team, windowMenu, help] : [file, edit, view, team, windowMenu, help]
}
