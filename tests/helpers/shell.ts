/**
 * End-to-end helpers: the real browser shell in a child process (so it can be killed), and Debian's
 * Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']

export interface RunningShell {
  url: string
  process: ChildProcess
  stop(signal?: NodeJS.Signals): Promise<void>
}

export interface ShellOptions {
  /** a fixed port (the page's origin, and so its IndexedDB, stays the same across restarts) */
  port?: number
  /** more environment for the server (e.g. DRAFTDESK_TEST_FAULT_FILE) */
  env?: Record<string, string>
}

/** Starts `electron/server/serve.ts` on the built renderer and waits for its URL line. */
export function startShell(dataDir: string, opts: ShellOptions = {}): Promise<RunningShell> {
  const port = opts.port ? ['--port', String(opts.port)] : []
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/serve.ts', '--data-dir', dataDir, ...port], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`browser shell did not start:\n${out}`)), 20_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({
          url: match[1]!,
          process: child,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done()
              child.once('exit', () => done())
              child.kill(signal)
            }),
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser shell exited (${code}):\n${out}`))
    })
  })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** Types Chinese the way an IME does: a composition of pinyin, then the committed characters. */
export async function typeWithIme(page: Page, pinyin: string, committed: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  for (let i = 1; i <= pinyin.length; i++) {
    await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i })
  }
  await cdp.send('Input.insertText', { text: committed })
  await cdp.detach()
}

export async function editorText(page: Page): Promise<string> {
  return (await page.locator('.document-body').innerText()).replace(/\s+/g, '')
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: 10_000 })
}

/**
 * Clicks a toolbar command, opening its menu (插入 ▾, 数据 ▾, 出稿 ▾) first when the command sits
 * in one, as a writer would.
 */
export async function toolbarClick(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).first()
  if (!(await target.isVisible())) await page.locator('.toolbar-menu', { has: target }).locator(':scope > button').click()
  await target.click()
}
