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
  /** 编辑 › 撤销 (Ctrl+Z): undo in the editor's own history */
  'edit.undo',
  /** 编辑 › 重做 (Ctrl+Y / Shift+Ctrl+Z) */
  'edit.redo',
  /** 编辑 › 查找 (Ctrl+F): open the find bar */
  'find',
  /** 编辑 › 替换 (Ctrl+H): open find-and-replace */
  'replace',
  /** sent after 文件 › 打开库… switched the library: reload lists and close the open document */
  'library.changed',
] as const

export type AppCommand = (typeof APP_COMMANDS)[number]

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value)
}

/** The IPC channel on which main sends commands to the renderer. */
export const COMMAND_CHANNEL = 'draftdesk:command'
