/**
 * Runs one parse of an untrusted file in a worker thread, so that no file can hang or exhaust the
 * main process (in Electron: every window; in the browser shell: every request). A task runs in a
 * worker with a heap cap (resourceLimits) and a wall-clock limit; a worker that runs out of
 * memory, overruns its time or dies is terminated and its task is a coded refusal (`worker.*`), and
 * the app carries on. At most MAX_RUNNING workers run at once; later tasks wait their turn. A
 * worker with the default limits whose task ended (with a result or a refusal of the file) waits
 * for the next task, so a small file does not wait for a worker to start and load its code; an
 * idle worker ends after IDLE_MS and never keeps the process alive.
 *
 * The worker's code is one CommonJS bundle, evaluated from its text (so it also runs from inside
 * Electron's app.asar): in the esbuild bundles (Electron main, serve, CLI) dist/electron/
 * parse-worker.cjs beside them, made by scripts/build.mjs; run from the TypeScript sources (tsx,
 * vitest), the same bundle built in memory from entry.ts with esbuild on first use (a worker
 * cannot load TypeScript itself: Node 20 does not pass `--import` loaders on to worker threads).
 * pdf.js, which only PDF imports and `verify` need, is a bundle of its own (pdf-reader.cjs,
 * pdfReaderCode) handed to a worker when its task asks for it (worker/pdfjs.ts), so every other
 * worker starts without parsing its 3 MB.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { ApiError } from '../../../shared/api'
import { isErrorCode } from '../../../shared/errors'
import type { WorkerReply } from './entry'
import { isPdfReaderRequest, type PdfReaderAnswer, type PdfReaderRequest } from './pdfjs'
import type { TaskInput, TaskName, TaskOutput } from './tasks'

export interface WorkerLimits {
  /** wall-clock limit, from the worker's start */
  timeoutMs: number
  /** V8 heap caps of the worker */
  maxOldGenerationSizeMb: number
  maxYoungGenerationSizeMb: number
  stackSizeMb: number
}

export const WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 }

/** Workers running at once (each may use up to its heap cap); the rest wait. */
export const MAX_RUNNING = 2
/** Tasks waiting beyond which a new one is refused (`worker.busy`). */
export const MAX_WAITING = 32

/** The bundles (beside the app's bundles) and their sources (relative to this folder). */
const BUNDLES = {
  worker: { bundle: 'parse-worker.cjs', source: 'entry.ts' },
  pdfReader: { bundle: 'pdf-reader.cjs', source: '../output/pdfReader.ts' },
} as const

const code = new Map<keyof typeof BUNDLES, Promise<string>>()

function here(): string {
  return typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url))
}

function bundleCode(name: keyof typeof BUNDLES): Promise<string> {
  let loading = code.get(name)
  if (!loading) {
    loading = loadCode(BUNDLES[name])
    code.set(name, loading)
    // a failed build is tried again next time
    loading.catch(() => code.delete(name))
  }
  return loading
}

/** The worker's code, evaluated as a CommonJS script. */
const workerCode = (): Promise<string> => bundleCode('worker')

/** pdf.js and its worker as one CommonJS module (electron/services/output/pdfReader.ts), for PDF tasks. */
export const pdfReaderCode = (): Promise<string> => bundleCode('pdfReader')

async function loadCode(which: { bundle: string; source: string }): Promise<string> {
  const dir = here()
  const bundle = path.join(dir, which.bundle)
  if (fs.existsSync(bundle)) return fs.readFileSync(bundle, 'utf8')
  const source = path.join(dir, which.source)
  if (!fs.existsSync(source)) throw new ApiError('worker.failed', { detail: `${which.bundle} missing` })
  // running from the sources: esbuild (a dev dependency) is there
  const esbuild = await import('esbuild')
  const built = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'error',
    external: ['electron', 'better-sqlite3', '@electron/rebuild', 'playwright-core', 'esbuild'],
  })
  return built.outputFiles[0]!.text
}

// ---- a small queue: at most MAX_RUNNING at once ----------------------------------------------

let running = 0
const waiting: (() => void)[] = []

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new ApiError('worker.busy')
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  running++
  let released = false
  return () => {
    if (released) return
    released = true
    running--
    waiting.shift()?.()
  }
}

/** Runs `task` on `input` in a fresh worker; resolves with its output or rejects with an ApiError. */
export async function runInWorker<T extends TaskName>(task: T, input: TaskInput<T>, limits: Partial<WorkerLimits> = {}, transfer: ArrayBuffer[] = []): Promise<TaskOutput<T>> {
  const script = await workerCode()
  const release = await slot()
  try {
    return await runOnce(script, task, input, { ...WORKER_LIMITS, ...limits }, transfer)
  } finally {
    release()
  }
}

const resourceLimitsOf = (limits: WorkerLimits): ResourceLimits => ({
  maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
  maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
  stackSizeMb: limits.stackSizeMb,
})

const defaultHeap = (limits: WorkerLimits) =>
  limits.maxOldGenerationSizeMb === WORKER_LIMITS.maxOldGenerationSizeMb &&
  limits.maxYoungGenerationSizeMb === WORKER_LIMITS.maxYoungGenerationSizeMb &&
  limits.stackSizeMb === WORKER_LIMITS.stackSizeMb

/** Workers with the default limits waiting for a task (see the file comment), and how each stops waiting. */
const idle: { worker: Worker; stopWaiting: () => void }[] = []
/** How long a worker waits for another task before it ends. */
export const IDLE_MS = 30_000

function takeWorker(script: string, limits: WorkerLimits): { worker: Worker; reusable: boolean } {
  const reusable = defaultHeap(limits)
  const waiting = reusable ? idle.pop() : undefined
  if (waiting) {
    waiting.stopWaiting()
    waiting.worker.ref()
    return { worker: waiting.worker, reusable }
  }
  // the running script's path goes along (process.argv), so that a reader can find its package's
  // data files beside it (PDF.js's character maps: import/pdf.ts)
  return { worker: new Worker(script, { eval: true, resourceLimits: resourceLimitsOf(limits), argv: process.argv.slice(1, 2) }), reusable }
}

/** A worker whose task ended well waits for the next one (or ends, when enough wait already). */
function giveBack(worker: Worker): void {
  if (idle.length >= MAX_RUNNING) return void worker.terminate()
  const leave = () => {
    const i = idle.findIndex((w) => w.worker === worker)
    if (i >= 0) idle.splice(i, 1)
  }
  const timer = setTimeout(() => {
    leave()
    void worker.terminate()
  }, IDLE_MS)
  timer.unref()
  worker.once('error', leave)
  worker.once('exit', leave)
  worker.unref()
  idle.push({
    worker,
    stopWaiting: () => {
      clearTimeout(timer)
      worker.off('error', leave)
      worker.off('exit', leave)
    },
  })
}

/** Ends the waiting workers (tests; the process never waits for them anyway). */
export async function stopIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => (w.stopWaiting(), w.worker.terminate())))
}

/** A task asked for pdf.js (worker/pdfjs.ts): its code goes back on the port it sent. */
function answerPdfReader(request: PdfReaderRequest): void {
  const answer = (a: PdfReaderAnswer) => {
    request.port.postMessage(a)
    request.port.close()
  }
  pdfReaderCode().then(
    (code) => answer({ code }),
    (err: unknown) => answer({ error: err instanceof Error ? err.message : String(err) }),
  )
}

function runOnce<T extends TaskName>(script: string, task: T, input: TaskInput<T>, limits: WorkerLimits, transfer: ArrayBuffer[]): Promise<TaskOutput<T>> {
  const { worker, reusable } = takeWorker(script, limits)
  return new Promise<TaskOutput<T>>((resolve, reject) => {
    let settled = false
    /** `healthy`: the worker answered; otherwise it ran out of memory or time, or died, and goes. */
    const settle = (fn: () => void, healthy = false) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      fn()
      if (healthy && reusable) giveBack(worker)
      else void worker.terminate()
    }
    const onMessage = (reply: WorkerReply | PdfReaderRequest) => {
      if (isPdfReaderRequest(reply)) return answerPdfReader(reply)
      settle(
        () => {
          if (reply.ok) resolve(reply.value as TaskOutput<T>)
          else reject(isErrorCode(reply.error.code) ? ApiError.from(reply.error) : new ApiError('worker.failed', { detail: reply.error.code }))
        },
        // a refused file leaves the worker fine; running out of room does not
        reply.ok || !reply.error.code.startsWith('worker.'),
      )
    }
    const onError = (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ApiError('worker.tooLarge') : new ApiError('worker.failed', { detail: err.message.slice(0, 200) })))
    const onExit = (code: number) => settle(() => reject(new ApiError('worker.failed', { detail: `exit ${code}` })))
    const timer = setTimeout(() => settle(() => reject(new ApiError('worker.timeout', { seconds: Math.round(limits.timeoutMs / 100) / 10 }))), limits.timeoutMs)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({ task, input }, transfer)
  })
}
