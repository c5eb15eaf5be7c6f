/**
 * Start-up that cannot hang or leave a ghost: a log file in the user-data folder, start-up steps
 * that report which one failed, a window shown after a time limit even when 'ready-to-show' never
 * comes, and a renderer that died offered a reload instead of an empty or invisible window. Plain
 * functions over small interfaces; main.ts binds them to Electron.
 *
 * Their message boxes say everything in both languages, unlike the rest of the UI: main shows
 * them when the page failed, died or never loaded, and the writer's choice of language is kept by
 * the page, so it is not known here.
 */
import fs from 'node:fs'
import path from 'node:path'

/** How long the main window may stay hidden waiting for its first paint. */
export const SHOW_TIMEOUT_MS = 8_000
export const LOG_FILE = path.join('logs', 'main.log')
const MAX_LOG_BYTES = 1_000_000

export interface Log {
  readonly file: string
  info(message: string): void
  error(message: string, error?: unknown): void
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  return String(error)
}

/**
 * The main-process log, <user data>/logs/main.log: appended to, one line per entry (stacks
 * indented), moved to main.1.log once it passes 1 MB. Writing never throws: a log that cannot be
 * written must not be what stops the app.
 */
export function createLog(userDataDir: string, now: () => Date = () => new Date(), echo: (line: string) => void = () => undefined): Log {
  const file = path.join(userDataDir, LOG_FILE)
  let ready = false
  const write = (level: string, text: string) => {
    const line = `${now().toISOString()} ${level} ${text.replace(/\r?\n/g, '\n    ')}\n`
    echo(line.trimEnd())
    try {
      if (!ready) {
        fs.mkdirSync(path.dirname(file), { recursive: true })
        if (fs.existsSync(file) && fs.statSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, file.replace(/\.log$/, '.1.log'))
        ready = true
      }
      fs.appendFileSync(file, line)
    } catch {
      // no log then; the message boxes still say what happened
    }
  }
  return {
    file,
    info: (message) => write('INFO ', message),
    error: (message, error) => write('ERROR', error === undefined ? message : `${message}: ${describeError(error)}`),
  }
}

/** A start-up step that failed, with the step's name for the message. */
export class StartupError extends Error {
  constructor(
    readonly step: string,
    override readonly cause: unknown,
  ) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'StartupError'
  }
}

/** Runs one named start-up step, logging it; a throw becomes a StartupError naming the step. */
export async function runStep<T>(log: Log, step: string, run: () => T | Promise<T>): Promise<T> {
  try {
    const result = await run()
    log.info(`start: ${step}`)
    return result
  } catch (error) {
    throw error instanceof StartupError ? error : new StartupError(step, error)
  }
}

/** The message box for a start-up that failed: what, where, and where the log is. */
export function startupFailureMessage(error: unknown, logFile: string): { title: string; content: string } {
  const step = error instanceof StartupError ? error.step : undefined
  const cause = error instanceof StartupError ? error.cause : error
  const reason = cause instanceof Error ? cause.message : String(cause)
  return {
    title: '稿台无法启动 / DraftDesk could not start',
    content: `${step ? `启动步骤「${step}」出错 / failed at “${step}”:\n` : ''}${reason}\n\n日志 / log: ${logFile}`,
  }
}

export interface ShowableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown
  show(): void
  isDestroyed(): boolean
  isVisible(): boolean
}

/**
 * Shows the window on its first paint, or after timeoutMs if that never comes (a page that hangs
 * or fails to load must still give the writer a window, and a way to quit). Returns a cancel
 * function.
 */
export function showWhenReady(win: ShowableWindow, timeoutMs = SHOW_TIMEOUT_MS, onLate: () => void = () => undefined): () => void {
  let done = false
  const show = (late: boolean) => {
    if (done) return
    done = true
    clearTimeout(timer)
    if (win.isDestroyed()) return
    if (late) onLate()
    if (!win.isVisible()) win.show()
  }
  const timer = setTimeout(() => show(true), timeoutMs)
  win.once('ready-to-show', () => show(false))
  return () => {
    done = true
    clearTimeout(timer)
  }
}

export interface RecoveryDeps {
  /** Makes sure the window is on screen (it may still be hidden before its first paint). */
  showWindow(): void
  /** A message box with the given buttons; resolves with the index pressed. */
  ask(message: string, detail: string, buttons: string[]): Promise<number>
  reload(): void
  quit(): void
  log: Log
}

/** For 'render-process-gone': the page died; offer 重新加载 (reload) or quit, never an empty window. */
export async function offerReload(deps: RecoveryDeps, what: string, detail: string): Promise<'reload' | 'quit'> {
  deps.log.error(`${what}: ${detail}`)
  try {
    deps.showWindow()
    const answer = await deps.ask(`${what}。`, `${detail}\n\n日志 / log: ${deps.log.file}`, ['重新加载', '退出稿台'])
    if (answer === 0) {
      deps.reload()
      return 'reload'
    }
  } catch (error) {
    deps.log.error('could not offer a reload', error)
  }
  deps.quit()
  return 'quit'
}

export function rendererGoneMessage(details: { reason: string; exitCode?: number }): { what: string; detail: string } {
  return {
    what: '稿台的页面意外退出 / the page stopped unexpectedly',
    detail: `reason: ${details.reason}${details.exitCode !== undefined ? `, exit code ${details.exitCode}` : ''}。已输入的内容在退出前已自动保存到文稿库。`,
  }
}
