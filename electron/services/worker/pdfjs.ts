/**
 * pdf.js (the legacy build, for Node) for every reader of PDFs — import (import/pdf.ts) and verify
 * (output/pdfText.ts) — loaded once per worker thread from its own bundle, pdf-reader.cjs
 * (output/pdfReader.ts). The worker's own bundle (parse-worker.cjs) holds no pdf.js, so a worker that
 * never reads a PDF (a .txt or .docx import) starts without parsing its 3 MB.
 *
 * The worker asks the main thread for the bundle's code when a task first needs it (run.ts answers
 * with pdfReaderCode(): the built file, or the bundle built in memory from the sources): the main
 * thread can read it from inside Electron's app.asar, and finds it beside its own bundle.
 * Outside a worker (a test calling importFile directly) the code is fetched in this thread.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { AffineMatrix } from '../import/affineMatrix'

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

/** What the worker posts to ask for pdf-reader.cjs's code; the answer comes back on `port`. */
export interface PdfReaderRequest {
  need: 'pdfReader'
  port: MessagePort
}
export type PdfReaderAnswer = { code: string } | { error: string }

export const isPdfReaderRequest = (message: unknown): message is PdfReaderRequest =>
  typeof message === 'object' && message !== null && (message as { need?: unknown }).need === 'pdfReader'

/** Where the code comes from: the main thread (set by entry.ts in a worker), or this thread. */
let source: () => Promise<string> = async () => (await import('./run')).pdfReaderCode()

/** In a worker (entry.ts): ask the main thread, over `post`, for the code. */
export function askForPdfReader(post: (request: PdfReaderRequest, transfer: MessagePort[]) => void): void {
  source = () =>
    new Promise<string>((resolve, reject) => {
      const { port1, port2 } = new MessageChannel()
      port1.once('message', (answer: PdfReaderAnswer) => {
        port1.close()
        if ('code' in answer) resolve(answer.code)
        else reject(new Error(answer.error))
      })
      post({ need: 'pdfReader', port: port2 }, [port2])
    })
}

let loaded: Promise<PdfJs> | null = null

/**
 * pdf.js and its in-thread "worker" (`globalThis.pdfjsWorker`: pdf.js starts no thread or process of
 * its own). Its display layer builds a DOMMatrix when it loads (for drawing, which we never do: a
 * stand-in, affineMatrix.ts) and warns when it cannot find a canvas package: the warnings are kept
 * off the CLI's output.
 */
export function loadPdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const code = await source()
    const g = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown }
    g.DOMMatrix ??= AffineMatrix
    const { log, warn } = console
    console.log = console.warn = () => undefined
    try {
      const module = { exports: {} as { pdfjs?: PdfJs; pdfjsWorker?: unknown } }
      const run = vm.runInThisContext(`(function (exports, require, module) {${code}\n})`, { filename: 'pdf-reader.cjs' }) as (e: unknown, r: NodeJS.Require, m: unknown) => void
      run(module.exports, createRequire(path.join(process.cwd(), 'pdf-reader.cjs')), module)
      const { pdfjs: lib, pdfjsWorker } = module.exports
      if (!lib || !pdfjsWorker) throw new Error('pdf-reader.cjs: no pdf.js')
      g.pdfjsWorker = pdfjsWorker
      return lib
    } finally {
      console.log = log
      console.warn = warn
    }
  })()
  // a failed load is tried again next time
  loaded.catch(() => (loaded = null))
  return loaded
}
