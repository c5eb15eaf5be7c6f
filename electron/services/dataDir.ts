/**
 * Where the library lives: `--data-dir DIR` on the command line, else DRAFTDESK_DATA_DIR, else the
 * platform's user-data folder (Electron passes app.getPath('userData'); Node callers use the
 * same per-platform default computed here).
 */
import os from 'node:os'
import path from 'node:path'

export const LIBRARY_FILE = 'library.sqlite'

export function defaultUserDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'DraftDesk')
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'DraftDesk')
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'DraftDesk')
}

/** Reads `--data-dir DIR` or `--data-dir=DIR` from argv. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--data-dir') return argv[i + 1]
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length)
  }
  return undefined
}

export function resolveDataDir(opts: { argv?: readonly string[]; env?: NodeJS.ProcessEnv; fallback?: string } = {}): string {
  const fromArgv = dataDirFromArgv(opts.argv ?? process.argv)
  const fromEnv = (opts.env ?? process.env).DRAFTDESK_DATA_DIR
  const dir = fromArgv ?? (fromEnv && fromEnv.trim() ? fromEnv : undefined) ?? opts.fallback ?? defaultUserDataDir()
  return path.resolve(dir)
}

export function libraryPathIn(dataDir: string): string {
  return path.join(dataDir, LIBRARY_FILE)
}
