/**
 * Runs one parse of an untrusted file in a worker thread, so that no file can hang or exhaust the
 * main process (in Electron: every window; in the browser shell: every request). Each task gets a
 * worker of its own, never reused, with a heap cap (resourceLimits) and a wall-clock limit; a
 * worker that runs out of memory, overruns its time (it is terminated) or dies is a coded refusal
 * (`worker.*`), and the app carries on. At most MAX_RUNNING workers run at once; later tasks wait
 * their turn. So that a small file does not wait for a worker to start, one spare worker with the
 * default limits is kept started (and warmed: it loads the import code while idle) once the first
 * task ran; it does not keep the process alive.
 *
 * The worker's code is one CommonJS bundle, evaluated from its text (so it also runs from inside
 * Electron's app.asar): in the esbuild bundles (Electron main, serve, CLI) dist/electron/
 * parse-worker.cjs beside them, made by scripts/build.mjs; run from the TypeScript sources (tsx,
 * vitest), the same bundle built in memory from entry.ts with esbuild on first use (a worker
 * cannot load TypeScript itself: Node 20 does not pass `--import` loaders on to worker threads).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { ApiError } from '../../../shared/api'
import { isErrorCode } from '../../../shared/errors'
import type { WorkerReply } from './entry'
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

const BUNDLE = 'parse-worker.cjs'

let code: Promise<string> | null = null

function here(): string {
  return typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url))
}

/** The worker's code, evaluated as a CommonJS script. */
function workerCode(): Promise<string> {
  code ??= loadWorkerCode()
  // a failed build is tried again next time
  code.catch(() => (code = null))
  return code
}

async function loadWorkerCode(): Promise<string> {
  const dir = here()
  const bundle = path.join(dir, BUNDLE)
  if (fs.existsSync(bundle)) return fs.readFileSync(bundle, 'utf8')
  const source = path.join(dir, 'entry.ts')
  if (!fs.existsSync(source)) throw new ApiError('worker.failed', { detail: `${BUNDLE} missing` })
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

/** The started, unused worker with the default limits (see the file comment). */
let spare: Worker | null = null

function startSpare(script: string): void {
  if (spare) return
  const worker = new Worker(script, { eval: true, resourceLimits: resourceLimitsOf(WORKER_LIMITS), workerData: { warm: true } })
  worker.unref()
  const discard = () => {
    if (spare === worker) spare = null
  }
  worker.once('error', discard)
  worker.once('exit', discard)
  spare = worker
}

/** Stops the spare worker (tests; the process does not wait for it anyway). */
export function stopSpareWorker(): Promise<void> {
  const worker = spare
  spare = null
  return worker ? worker.terminate().then(() => undefined) : Promise.resolve()
}

function takeWorker(script: string, limits: WorkerLimits): Worker {
  if (spare && defaultHeap(limits)) {
    const worker = spare
    spare = null
    worker.removeAllListeners('error')
    worker.removeAllListeners('exit')
    worker.ref()
    return worker
  }
  return new Worker(script, { eval: true, resourceLimits: resourceLimitsOf(limits) })
}

function runOnce<T extends TaskName>(script: string, task: T, input: TaskInput<T>, limits: WorkerLimits, transfer: ArrayBuffer[]): Promise<TaskOutput<T>> {
  const worker = takeWorker(script, limits)
  // the next task finds a worker ready
  setImmediate(() => startSpare(script))
  return new Promise<TaskOutput<T>>((resolve, reject) => {
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
      void worker.terminate()
    }
    const timer = setTimeout(() => settle(() => reject(new ApiError('worker.timeout', { seconds: Math.round(limits.timeoutMs / 100) / 10 }))), limits.timeoutMs)
    worker.once('message', (reply: WorkerReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.value as TaskOutput<T>)
        else reject(isErrorCode(reply.error.code) ? ApiError.from(reply.error) : new ApiError('worker.failed', { detail: reply.error.code }))
      }),
    )
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ApiError('worker.tooLarge') : new ApiError('worker.failed', { detail: err.message.slice(0, 200) }))),
    )
    worker.once('exit', (code) => settle(() => reject(new ApiError('worker.failed', { detail: `exit ${code}` }))))
    worker.postMessage({ task, input }, transfer)
  })
}
