/**
 * Where the better-sqlite3 binding compiled for Electron's ABI lives. node_modules keeps the Node
 * copy, which the tests and the CLI load; the Electron copies live apart, one per platform and
 * architecture, and the app hands its own to better-sqlite3 as `nativeBinding`:
 *
 *   development  <app root>/.electron-native/<os>-<arch>/better_sqlite3.node   (os: mac, win, linux)
 *   packaged     <resources>/native/better_sqlite3.node
 *
 * The <os>-<arch> names are electron-builder's ${os}-${arch}, so electron-builder.yml copies the
 * right one into each package (for a universal macOS build the x64 and arm64 ones, which
 * @electron/universal joins into one file). scripts/nativeModule.ts fetches or builds them
 * (npm start: this machine's; npm run dist: every target's) and checks each before it is used.
 */
import path from 'node:path'

export const NATIVE_DIR = '.electron-native'
export const NATIVE_FILE = 'better_sqlite3.node'
export const PACKAGED_NATIVE_DIR = 'native'

export type BuilderOs = 'mac' | 'win' | 'linux'

/** electron-builder's ${os} for a Node platform name. */
export function builderOs(platform: string): BuilderOs {
  if (platform === 'darwin' || platform === 'mac') return 'mac'
  if (platform === 'win32' || platform === 'win') return 'win'
  if (platform === 'linux') return 'linux'
  throw new Error(`DraftDesk is not built for ${platform}`)
}

export function nativeTargetDir(appRoot: string, platform: string, arch: string): string {
  return path.join(appRoot, NATIVE_DIR, `${builderOs(platform)}-${arch}`)
}

export function devNativeBindingPath(appRoot: string, platform: string, arch: string): string {
  return path.join(nativeTargetDir(appRoot, platform, arch), NATIVE_FILE)
}

export function packagedNativeBindingPath(resourcesPath: string): string {
  return path.join(resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_FILE)
}

/** Where the Electron-ABI binding is for this run (main.ts: app.getAppPath(), app.isPackaged, …). */
export function nativeBindingPath(opts: { appRoot: string; packaged: boolean; resourcesPath?: string | undefined; platform: string; arch: string }): string {
  return opts.packaged && opts.resourcesPath ? packagedNativeBindingPath(opts.resourcesPath) : devNativeBindingPath(opts.appRoot, opts.platform, opts.arch)
}
