/**
 * Where the better-sqlite3 binding compiled for Electron's ABI lives. node_modules keeps the Node
 * copy, which the tests and the CLI load; the Electron copy lives apart and is handed to
 * better-sqlite3 as `nativeBinding`:
 *
 *   development  <app root>/.electron-native/<electron version>/better_sqlite3.node
 *   packaged     <resources>/app.asar.unpacked/.electron-native/<electron version>/better_sqlite3.node
 *
 * scripts/nativeModule.ts builds it (npm start, npm run dist).
 */
import path from 'node:path'

export const NATIVE_DIR = '.electron-native'
export const NATIVE_FILE = 'better_sqlite3.node'

export function devNativeBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, NATIVE_DIR, electronVersion, NATIVE_FILE)
}

export function packagedNativeBindingPath(resourcesPath: string, electronVersion: string): string {
  return path.join(resourcesPath, 'app.asar.unpacked', NATIVE_DIR, electronVersion, NATIVE_FILE)
}

/** Where the Electron-ABI binding is for this run (main.ts: app.getAppPath(), app.isPackaged, …). */
export function nativeBindingPath(opts: { appRoot: string; electronVersion: string; packaged: boolean; resourcesPath?: string }): string {
  return opts.packaged && opts.resourcesPath
    ? packagedNativeBindingPath(opts.resourcesPath, opts.electronVersion)
    : devNativeBindingPath(opts.appRoot, opts.electronVersion)
}
