/**
 * Commands the desktop shell sends to the renderer (from the application menu). The main process
 * sends one of these names on COMMAND_CHANNEL; the preload passes it to `draftdesk.onCommand`
 * listeners; the renderer performs it on the active document or editor.
 *
 * Keyboard shortcuts belong to the renderer: a key the editor handles with preventDefault()
 * never reaches the menu's accelerator, so the menu's commands are the fallback for a click or
 * for a key pressed outside the editor.
 */
export const APP_COMMANDS = [
  /** 文件 › 新建 (Ctrl+N): start a new document */
  'document.new',
  /** 文件 › 从模板新建…: choose one of the shipped templates */
  'document.fromTemplate',
  /** 文件 › 导入… (Ctrl+O): import a .txt, .docx or .md file */
  'document.import',
  /** 文件 › 保存版本 (Ctrl+S): save now and keep a manual revision (documents.snapshot reason 'manual') */
  'document.snapshot',
  /**
   * Undo / redo in the editor's own history. The desktop menu's 撤销 / 重做 are Electron's undo and
   * redo roles instead (so a focused text field undoes itself; electron/main/menu.ts says how the
   * editor still gets its own undo); these stay for a host that wants to drive the editor's history.
   */
  'edit.undo',
  'edit.redo',
  /** 编辑 › 查找 (Ctrl+F): open the find bar */
  'find',
  /** 编辑 › 替换 (Ctrl+H): open find-and-replace */
  'replace',
  /** 文件 › 出稿检查 (F7): the 出稿 checks of the open document, each finding a click away */
  'output.check',
  /** 文件 › 导出 Word… (Ctrl+Shift+E): the output dialog with .docx chosen */
  'output.exportDocx',
  /** 文件 › 导出 PDF… (Ctrl+Shift+P): the output dialog with .pdf chosen */
  'output.exportPdf',
  /** 文件 › 打印… (Ctrl+P): the print preview, from which the system print dialog opens */
  'output.print',
  /**
   * 视图 › 放大 / 缩小 / 实际大小 (Ctrl+= / Ctrl+- / Ctrl+Shift+0): the page's 显示比例, one step up or
   * down, or 100 % — what the renderer's own keys do, never the window's zoom (which would scale
   * the toolbars and panels too)
   */
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  /** 文件 › 备份与恢复…: the backups of the 文稿库, 立即备份 and 恢复 */
  'library.backups',
  /** 团队 › 加入团队…: the server address and 加入码 */
  'team.join',
  /** 团队 › 团队成员: the team's members and their roles */
  'team.members',
  /** 团队 › 退出团队: asks, then forgets the membership (team documents stay as local documents) */
  'team.leave',
  /** sent after 文件 › 打开库… switched the library: reload lists and close the open document */
  'library.changed',
] as const

export type AppCommand = (typeof APP_COMMANDS)[number]

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value)
}

/** The IPC channel on which main sends commands to the renderer. */
export const COMMAND_CHANNEL = 'draftdesk:command'
