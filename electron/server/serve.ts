/**
 * `npm run serve`: the browser shell. Prints one line with the URL (token included) and runs until
 * interrupted. Its options are the CLI's (electron/cli/options.ts): --data-dir, --port, --renderer.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkOptions, GLOBAL_OPTIONS, langOf, optionsHelp, parseCommandLine, type Lang, type OptionName } from '../cli/options'
import { CliError, consoleOut, errorText, printError } from '../cli/print'
import { resolveDataDir } from '../services/dataDir'
import { startBrowserShell } from './browserShell'
import { formatMessage } from '../../shared/errors'

const SERVE_OPTIONS: readonly OptionName[] = ['port', 'renderer']

export function serveHelp(lang: Lang): string {
  return [
    lang === 'en' ? 'usage: npm run serve -- [options]' : '用法：npm run serve -- [选项]',
    '',
    lang === 'en'
      ? 'The browser shell: the app in a browser, served on 127.0.0.1. Prints the address (with its session token).'
      : '稿台浏览器版：在浏览器中使用稿台，只在 127.0.0.1 上提供。启动后打印带会话令牌的地址。',
    '',
    lang === 'en' ? 'options:' : '选项：',
    optionsHelp([...SERVE_OPTIONS, ...GLOBAL_OPTIONS], lang),
  ].join('\n')
}

export function defaultRendererDir(): string {
  // dist/electron/serve.cjs → dist/renderer; electron/server/serve.ts (tsx) → dist/renderer
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url))
  return path.basename(here) === 'electron' ? path.resolve(here, '../renderer') : path.resolve(here, '../../dist/renderer')
}

async function main(argv: string[], lang: Lang): Promise<void> {
  const { values, positionals } = parseCommandLine(argv)
  if (values.help) return console.log(serveHelp(lang))
  checkOptions(values, SERVE_OPTIONS, 'serve')
  if (positionals.length) throw new CliError(`serve 不接受参数 / serve takes no arguments: ${positionals.join(' ')}`, 2, serveHelp)
  const port = values.port
  const shell = await startBrowserShell({
    dataDir: resolveDataDir({ argv: values['data-dir'] ? ['--data-dir', values['data-dir']] : [] }),
    rendererDir: values.renderer ?? defaultRendererDir(),
    ...(port ? { port: Number(port) } : {}),
  })
  const info = shell.services.library.info()
  console.log(formatMessage('serve.started', { url: shell.url }, lang))
  console.log(
    info.state === 'unavailable'
      ? formatMessage('serve.libraryUnavailable', { path: info.path }, lang, { reason: info.problem })
      : formatMessage('serve.library', { path: info.path }, lang),
  )
  const stop = () => void shell.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

const argv = process.argv.slice(2)
const lang = langOf(argv)
void main(argv, lang).catch((err: unknown) => {
  const failure = err instanceof CliError ? err : new CliError(formatMessage('serve.failed', { detail: errorText(err, lang) }, lang))
  process.exit(printError(failure, lang, consoleOut))
})
