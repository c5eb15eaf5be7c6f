/**
 * `npm run serve`: the browser shell. Prints one line with the URL (token included) and runs until
 * interrupted. Options: --data-dir DIR, --port N, --renderer DIR, --lang en (Chinese otherwise).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveDataDir } from '../services/dataDir'
import { startBrowserShell } from './browserShell'
import { formatMessage, toLang } from '../../shared/errors'

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
}

export function defaultRendererDir(): string {
  // dist/electron/serve.cjs → dist/renderer; electron/server/serve.ts (tsx) → dist/renderer
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url))
  return path.basename(here) === 'electron' ? path.resolve(here, '../renderer') : path.resolve(here, '../../dist/renderer')
}

const lang = toLang(argValue('--lang'))

async function main() {
  const dataDir = resolveDataDir()
  const port = argValue('--port')
  const shell = await startBrowserShell({
    dataDir,
    rendererDir: argValue('--renderer') ?? defaultRendererDir(),
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

void main().catch((err: unknown) => {
  console.error(formatMessage('serve.failed', { detail: err instanceof Error ? err.message : String(err) }, lang))
  process.exit(1)
})
