/**
 * The worker thread's side (see run.ts): runs each task it receives, one at a time, and posts its
 * result or its refusal. Bundled on its own as dist/electron/parse-worker.cjs.
 */
import { parentPort } from 'node:worker_threads'
import { ApiError } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'
import { askForPdfReader } from './pdfjs'
import { TASKS, type TaskName } from './tasks'
import { transferables } from './transfer'

export type WorkerReply = { ok: true; value: unknown } | { ok: false; error: Message }

/** A fault inside the task as the writer is told it: running out of room is "too large". */
function failure(err: unknown): Message {
  if (err instanceof ApiError) return err.toMessage()
  const detail = err instanceof Error ? err.message : String(err)
  if (err instanceof RangeError && /call stack|string length|array length|allocation failed|buffer larger/i.test(detail)) return msg('worker.tooLarge')
  return msg('worker.failed', { detail: detail.slice(0, 200) })
}

const port = parentPort
if (port) {
  // pdf.js is not in this bundle: a task that reads a PDF asks the main thread for it (pdfjs.ts)
  askForPdfReader((request, transfer) => port.postMessage(request, transfer))
  port.on('message', (request: { task: TaskName; input: never }) => {
    void (async () => {
      let reply: WorkerReply
      try {
        reply = { ok: true, value: await TASKS[request.task](request.input) }
      } catch (err) {
        reply = { ok: false, error: failure(err) }
      }
      port.postMessage(reply, reply.ok ? transferables(reply.value) : [])
    })()
  })
}
