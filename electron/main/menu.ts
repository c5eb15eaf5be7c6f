/**
 * The application menu (Chinese). Items acting on the document send a command to the renderer;
 * window and clipboard items use Electron's built-in roles.
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

  const appMenu: MenuItemConstructorOptions = {
    label: APP_MENU_NAME,
    submenu: [
      { label: '关于稿台', click: () => actions.showAbout() },
      { type: 'separator' },
      { role: 'services', label: '服务' },
      { type: 'separator' },
      { role: 'hide', label: '隐藏稿台' },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      { type: 'separator' },
      { role: 'quit', label: '退出稿台' },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '新建', accelerator: 'CmdOrCtrl+N', click: send('document.new') },
      { label: '从模板新建…', click: send('document.fromTemplate') },
      { label: '导入…', accelerator: 'CmdOrCtrl+O', click: send('document.import') },
      { type: 'separator' },
      { label: '打开库…', click: () => actions.openLibrary() },
      { type: 'separator' },
      { label: '保存版本', accelerator: 'CmdOrCtrl+S', click: send('document.snapshot') },
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: '退出' }] as MenuItemConstructorOptions[])),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', accelerator: 'CmdOrCtrl+Z', click: send('edit.undo') },
      { label: '重做', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: send('edit.redo') },
      // the second redo key, not shown in the menu
      { label: '重做', accelerator: mac ? 'Cmd+Y' : 'Shift+Ctrl+Z', click: send('edit.redo'), visible: false, acceleratorWorksWhenHidden: true },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
      { type: 'separator' },
      { label: '查找', accelerator: 'CmdOrCtrl+F', click: send('find') },
      { label: '替换', accelerator: mac ? 'Alt+Cmd+F' : 'Ctrl+H', click: send('replace') },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
      { type: 'separator' },
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '帮助',
    submenu: [{ label: '关于稿台', click: () => actions.showAbout() }],
  }

  return mac ? [appMenu, file, edit, view, help] : [file, edit, view, help]
}
