import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLog, offerReload, rendererGoneMessage, runStep, showWhenReady, StartupError, startupFailureMessage, type Log, type ShowableWindow } from '../../../electron/main/startup'
import { dialogFolder, rememberDialogFolder } from '../../../electron/main/dialogFolders'
import { useTempDirs } from '../../helpers/tempDir'

const tempDir = useTempDirs()
afterEach(() => {
  vi.useRealTimers()
})

const silentLog = (): Log & { lines: string[] } => {
  const lines: string[] = []
  return { file: '/logs/main.log', lines, info: (m) => lines.push(`info ${m}`), error: (m, e) => lines.push(`error ${m}${e ? `: ${String(e)}` : ''}`) }
}

describe('the main-process log', () => {
  it('appends timestamped lines (stacks indented) to logs/main.log in the user-data folder', () => {
    const dir = tempDir()
    const log = createLog(dir, () => new Date('2025-01-02T03:04:05Z'))
    log.info('start: 数据文件夹')
    log.error('start-up failed', new Error('disk full'))
    expect(log.file).toBe(path.join(dir, 'logs', 'main.log'))
    const text = fs.readFileSync(log.file, 'utf8')
    expect(text).toMatch(/^2025-01-02T03:04:05.000Z INFO {2}start: 数据文件夹\n2025-01-02T03:04:05.000Z ERROR start-up failed: Error: disk full\n {4,}at /)
  })

  it('moves a log past 1 MB aside, and never throws when it cannot write', () => {
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, 'logs'))
    fs.writeFileSync(path.join(dir, 'logs', 'main.log'), 'x'.repeat(1_100_000))
    createLog(dir).info('fresh')
    expect(fs.readFileSync(path.join(dir, 'logs', 'main.log'), 'utf8')).toMatch(/INFO {2}fresh\n$/)
    expect(fs.statSync(path.join(dir, 'logs', 'main.1.log')).size).toBe(1_100_000)

    const blocked = path.join(tempDir(), 'a-file')
    fs.writeFileSync(blocked, '')
    expect(() => createLog(blocked).error('nowhere to write', new Error('x'))).not.toThrow()
  })
})

describe('start-up steps', () => {
  it('names the step that failed, and the log, in the message box', async () => {
    const log = silentLog()
    expect(await runStep(log, 'IPC', () => 42)).toBe(42)
    expect(log.lines).toEqual(['info start: IPC'])
    const failed = await runStep(log, '文稿库 services', () => {
      throw new Error('SQLITE_CANTOPEN')
    }).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(StartupError)
    const { title, content } = startupFailureMessage(failed, '/u/logs/main.log')
    expect(title).toMatch(/稿台无法启动/)
    expect(content).toContain('「文稿库 services」')
    expect(content).toContain('SQLITE_CANTOPEN')
    expect(content).toContain('/u/logs/main.log')
    expect(startupFailureMessage('odd', '/l').content).toBe('odd\n\n日志 / log: /l')
  })
})

function fakeWindow() {
  let ready: (() => void) | undefined
  const win: ShowableWindow & { shown: number; paint(): void; destroyed: boolean } = {
    shown: 0,
    destroyed: false,
    once: (_event, listener) => (ready = listener),
    show: () => void win.shown++,
    isDestroyed: () => win.destroyed,
    isVisible: () => win.shown > 0,
    paint: () => ready?.(),
  }
  return win
}

describe('showWhenReady', () => {
  it('shows the window on its first paint, once', () => {
    vi.useFakeTimers()
    const win = fakeWindow()
    const late = vi.fn()
    showWhenReady(win, 1000, late)
    win.paint()
    vi.advanceTimersByTime(5000)
    expect(win.shown).toBe(1)
    expect(late).not.toHaveBeenCalled()
  })

  it('shows it anyway when the first paint never comes', () => {
    vi.useFakeTimers()
    const win = fakeWindow()
    const late = vi.fn()
    showWhenReady(win, 1000, late)
    vi.advanceTimersByTime(999)
    expect(win.shown).toBe(0)
    vi.advanceTimersByTime(1)
    expect(win.shown).toBe(1)
    expect(late).toHaveBeenCalledTimes(1)
    win.paint()
    expect(win.shown).toBe(1)
  })

  it('leaves a destroyed window alone', () => {
    vi.useFakeTimers()
    const win = fakeWindow()
    showWhenReady(win, 10)
    win.destroyed = true
    vi.advanceTimersByTime(10)
    expect(win.shown).toBe(0)
  })
})

describe('a renderer that died', () => {
  const deps = (answer: number | Error) => {
    const calls: string[] = []
    return {
      calls,
      showWindow: () => calls.push('show'),
      ask: async (message: string, _detail: string, buttons: string[]) => {
        calls.push(`ask ${message} [${buttons.join('|')}]`)
        if (answer instanceof Error) throw answer
        return answer
      },
      reload: () => calls.push('reload'),
      quit: () => calls.push('quit'),
      log: silentLog(),
    }
  }

  it('shows the window and offers 重新加载', async () => {
    const d = deps(0)
    const { what, detail } = rendererGoneMessage({ reason: 'crashed', exitCode: 139 })
    expect(await offerReload(d, what, detail)).toBe('reload')
    expect(d.calls).toEqual(['show', `ask ${what}。 [重新加载|退出稿台]`, 'reload'])
    expect(detail).toContain('crashed, exit code 139')
    expect(d.log.lines[0]).toMatch(/^error /)
  })

  it('quits (no ghost) when the writer chooses to, or when no dialog can be shown', async () => {
    const chose = deps(1)
    expect(await offerReload(chose, 'x', 'y')).toBe('quit')
    expect(chose.calls.at(-1)).toBe('quit')
    const broken = deps(new Error('no display'))
    expect(await offerReload(broken, 'x', 'y')).toBe('quit')
    expect(broken.calls).toEqual(['show', 'ask x。 [重新加载|退出稿台]', 'quit'])
  })
})

describe('dialog folders', () => {
  it('opens in the fallback until a folder was used, then in that folder', () => {
    const state = tempDir()
    const docs = tempDir()
    expect(dialogFolder(state, 'library', '/the/library')).toBe('/the/library')
    rememberDialogFolder(state, 'library', path.join(docs, '2024.sqlite'))
    expect(dialogFolder(state, 'library', '/the/library')).toBe(docs)
    expect(dialogFolder(state, 'export', '/Documents')).toBe('/Documents')
  })

  it('forgets a folder that is gone, and survives a damaged file', () => {
    const state = tempDir()
    rememberDialogFolder(state, 'export', path.join(state, 'gone', 'a.docx'))
    expect(dialogFolder(state, 'export', '/Documents')).toBe('/Documents')
    fs.writeFileSync(path.join(state, 'dialog-folders.json'), '{"library": 7')
    expect(dialogFolder(state, 'library', '/lib')).toBe('/lib')
    rememberDialogFolder(state, 'library', path.join(state, 'x.sqlite'))
    expect(dialogFolder(state, 'library', '/lib')).toBe(state)
  })
})
