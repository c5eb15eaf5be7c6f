#!/usr/bin/env node
// `npm run build`: bundles the Electron side with esbuild and the renderer with Vite.
//   dist/electron/main.cjs     Electron main process
//   dist/electron/preload.cjs  sandboxed preload (CommonJS, shared code bundled in; only `electron` is required)
//   dist/electron/cli.cjs      the CLI            (npm run cli runs the source with tsx)
//   dist/electron/serve.cjs    the browser shell  (npm run serve, and npm start's fallback)
//   dist/electron/parse-worker.cjs  the worker thread that reads every file the writer hands the
//                              services (electron/services/worker/run.ts evaluates it beside the bundles above)
//   dist/electron/print-pages.js  print/script.ts: the paginating script the print HTML carries
//   dist/electron/pdf-reader.cjs    pdf.js for that worker, handed to it only when a task reads a PDF
//                              (import, verify: electron/services/worker/pdfjs.ts)
//   dist/tools/native.cjs      scripts/nativeModule.ts: better-sqlite3 for Electron, for start.mjs, dist.mjs and
//                              afterPack.cjs (not packaged)
//   dist/renderer/             Vite build of renderer/
// Options: --no-renderer (skip Vite), --native (also get better-sqlite3 for Electron on this machine;
// `npm run dist` does every target it packages).
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')

/** Node-side bundles: everything bundled except Electron and the native module. */
const nodeEntries = [
  { entry: 'electron/main.ts', outfile: 'dist/electron/main.cjs', required: true },
  { entry: 'electron/cli/main.ts', outfile: 'dist/electron/cli.cjs', required: false },
  { entry: 'electron/server/serve.ts', outfile: 'dist/electron/serve.cjs', required: false },
  { entry: 'electron/services/worker/entry.ts', outfile: 'dist/electron/parse-worker.cjs', required: true },
  { entry: 'electron/services/output/pdfReader.ts', outfile: 'dist/electron/pdf-reader.cjs', required: true },
  { entry: 'scripts/nativeModule.ts', outfile: 'dist/tools/native.cjs', required: true },
]

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  // serve.ts reads import.meta.url only when __dirname is missing, which never happens in CommonJS
  logOverride: { 'empty-import-meta': 'silent' },
  absWorkingDir: root,
}

/** The esbuild options of the Node-side bundles (tests build main.cjs with the same ones). */
export const nodeBundleOptions = {
  ...common,
  platform: 'node',
  target: 'node20',
  // playwright-core: loaded only to print PDFs with headless Chromium (CLI, browser shell), never in Electron
  // esbuild: loaded only when the services run from their TypeScript sources (worker/run.ts), never in a bundle
  external: ['electron', 'better-sqlite3', '@electron/rebuild', 'playwright-core', 'esbuild'],
}

export async function buildElectron({ log = console.log } = {}) {
  const built = []
  for (const { entry, outfile, required } of nodeEntries) {
    if (!fs.existsSync(path.join(root, entry))) {
      if (required) throw new Error(`${entry} is missing`)
      log(`build: skipped ${entry} (not written yet)`)
      continue
    }
    await esbuild.build({ ...nodeBundleOptions, entryPoints: [entry], outfile })
    built.push(outfile)
  }
  // The preload runs in a sandbox: no Node modules, no ESM. platform 'browser' makes esbuild refuse
  // any Node built-in that would sneak in.
  await esbuild.build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    minify: true,
  })
  built.push('dist/electron/preload.cjs')
  // the paginating script the print HTML carries (electron/services/output/pageScript.ts reads it)
  await esbuild.build({ ...common, sourcemap: false, entryPoints: ['print/script.ts'], outfile: 'dist/electron/print-pages.js', format: 'iife', platform: 'browser', target: 'chrome120', minify: true })
  built.push('dist/electron/print-pages.js')
  return built
}

export async function buildRenderer() {
  const { build } = await import('vite')
  await build({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
}

/** The Electron binary, if its installer has run (the same lookup as start.mjs, without importing it). */
function electronBinaryIfInstalled() {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt')
  if (!fs.existsSync(pathFile)) return undefined
  const binary = path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(binary) ? binary : undefined
}

/** Loads dist/tools/native.cjs (built by buildElectron). */
export function nativeTools() {
  const require = createRequire(pathToFileURL(path.join(dist, 'tools', 'native.cjs')))
  return require(path.join(dist, 'tools', 'native.cjs'))
}

export async function build({ renderer = true, native = false, log = console.log } = {}) {
  const started = Date.now()
  const built = await buildElectron({ log })
  log(`build: ${built.join(', ')}`)
  if (renderer) {
    await buildRenderer()
    log('build: dist/renderer/')
  }
  if (native) {
    const file = await nativeTools().ensureElectronNativeModule({ appRoot: root, log, electronBinary: electronBinaryIfInstalled() })
    log(`build: ${path.relative(root, file)}`)
  }
  log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  build({ renderer: !args.includes('--no-renderer'), native: args.includes('--native') }).catch((error) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
