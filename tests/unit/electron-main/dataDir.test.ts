import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirFromArgv, defaultUserDataDir, resolveDataDir } from '../../../electron/services/dataDir'

const fallback = path.resolve('/fallback/userData')

describe('resolveDataDir', () => {
  it('prefers --data-dir over DRAFTDESK_DATA_DIR over the fallback', () => {
    const env = { DRAFTDESK_DATA_DIR: '/from/env' }
    expect(resolveDataDir({ argv: ['electron', '.', '--data-dir', '/from/argv'], env, fallback })).toBe(path.resolve('/from/argv'))
    expect(resolveDataDir({ argv: ['electron', '.', '--data-dir=/from/argv2'], env, fallback })).toBe(path.resolve('/from/argv2'))
    expect(resolveDataDir({ argv: ['electron', '.'], env, fallback })).toBe(path.resolve('/from/env'))
    expect(resolveDataDir({ argv: ['electron', '.'], env: {}, fallback })).toBe(fallback)
    expect(resolveDataDir({ argv: ['electron', '.'], env: { DRAFTDESK_DATA_DIR: '  ' }, fallback })).toBe(fallback)
  })

  it('makes a relative directory absolute', () => {
    expect(resolveDataDir({ argv: ['--data-dir', 'lib'], env: {}, fallback })).toBe(path.resolve('lib'))
  })

  it('reads both argv spellings', () => {
    expect(dataDirFromArgv(['--data-dir', 'a'])).toBe('a')
    expect(dataDirFromArgv(['--data-dir=b'])).toBe('b')
    expect(dataDirFromArgv(['--other', 'c'])).toBeUndefined()
  })

  it("matches Electron's userData folder as main.ts sets it (appData/DraftDesk)", () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe(path.join('/x', 'DraftDesk'))
    expect(defaultUserDataDir('linux', {}, '/home/u')).toBe(path.join('/home/u', '.config', 'DraftDesk'))
    expect(defaultUserDataDir('darwin', {}, '/Users/u')).toBe(path.join('/Users/u', 'Library', 'Application Support', 'DraftDesk'))
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', 'DraftDesk'))
  })
})
