/**
 * Where file dialogs open. Since Electron 43 a dialog without defaultPath starts in Downloads, so
 * every dialog gets one: the folder last used for the same kind of file, else a sensible default
 * (the 文稿库's folder when choosing a library, Documents for exports). Kept in
 * <user data>/dialog-folders.json; a missing or damaged file just means "no folder yet".
 */
import fs from 'node:fs'
import path from 'node:path'

export const DIALOG_FOLDERS_FILE = 'dialog-folders.json'
export type DialogKind = 'library' | 'export'

function read(stateDir: string): Partial<Record<DialogKind, string>> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(stateDir, DIALOG_FOLDERS_FILE), 'utf8'))
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Partial<Record<DialogKind, string>>) : {}
  } catch {
    return {}
  }
}

function isFolder(folder: unknown): folder is string {
  try {
    return typeof folder === 'string' && path.isAbsolute(folder) && fs.statSync(folder).isDirectory()
  } catch {
    return false
  }
}

/** The folder a dialog of this kind should open in. */
export function dialogFolder(stateDir: string, kind: DialogKind, fallback: string): string {
  const last = read(stateDir)[kind]
  return isFolder(last) ? last : fallback
}

/** Remembers the folder of a file the writer just chose. Never throws. */
export function rememberDialogFolder(stateDir: string, kind: DialogKind, chosenFile: string): void {
  try {
    const folders = { ...read(stateDir), [kind]: path.dirname(path.resolve(chosenFile)) }
    fs.mkdirSync(stateDir, { recursive: true })
    fs.writeFileSync(path.join(stateDir, DIALOG_FOLDERS_FILE), JSON.stringify(folders, null, 2) + '\n')
  } catch {
    // the next dialog opens in the default folder then
  }
}
