/**
 * The paginating script the print HTML carries (print/script.ts → one IIFE): the same code the
 * preview runs, so headless Chromium and Electron's printToPDF print exactly the preview's pages.
 * In the esbuild bundles (Electron main, serve, CLI) it is dist/electron/print-pages.js beside them,
 * made by scripts/build.mjs; run from the TypeScript sources (tsx, vitest) it is built in memory with
 * esbuild (a dev dependency) on first use, as the worker's bundle is (worker/run.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PAGE_SCRIPT_BUNDLE = 'print-pages.js'

let script: Promise<string> | null = null

function here(): string {
  return typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url))
}

/** The script's text (cached for the process). */
export function pageScript(): Promise<string> {
  script ??= load()
  script.catch(() => (script = null))
  return script
}

async function load(): Promise<string> {
  const dir = here()
  const bundle = path.join(dir, PAGE_SCRIPT_BUNDLE)
  if (fs.existsSync(bundle)) return fs.readFileSync(bundle, 'utf8')
  const source = path.resolve(dir, '../../../print/script.ts')
  if (!fs.existsSync(source)) throw new Error(`${PAGE_SCRIPT_BUNDLE} missing`)
  const esbuild = await import('esbuild')
  const built = await esbuild.build({ entryPoints: [source], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, write: false, logLevel: 'error' })
  return built.outputFiles[0]!.text
}
