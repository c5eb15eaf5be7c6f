/**
 * Large requests while the app keeps working, through the browser shell, with another API call
 * made every 10 ms meanwhile: a 10 MB .txt imported (parsed, recognized and serialized in a worker
 * thread), and a 10 MB document model saved (the body parsed and checked in a worker thread). Each
 * prints the request's time and how long the other call waited (its max included).
 */
import { callApi, createServices } from '../../electron/services'
import { longDocument } from '../helpers/documents'
import { startShell } from '../helpers/shell'
import { postApi as post, shellEndpoint as endpoint } from '../helpers/shellApi'
import { quantile, report } from './stats'

/**
 * `runs` times: `request` timed while library.info is called every 10 ms; returns the request's
 * times and the other call's latencies.
 */
async function timedWhileAnswering(port: number, token: string, runs: number, request: (run: number) => Promise<void>): Promise<{ times: number[]; latencies: number[] }> {
  const times: number[] = []
  const latencies: number[] = []
  for (let run = 0; run < runs; run++) {
    let done = false
    const pinging = (async () => {
      while (!done) {
        const started = performance.now()
        await post(port, token, 'library.info', '{}')
        latencies.push(performance.now() - started)
        await new Promise((r) => setTimeout(r, 10))
      }
    })()
    const started = performance.now()
    try {
      await request(run)
    } finally {
      times.push(performance.now() - started)
      done = true
      await pinging
    }
  }
  return { times, latencies }
}

/** The other call's latencies as two lines: p95 against its target, and the max and p99. */
function reportLatencies(name: string, latencies: number[], note: string): void {
  const figure = report(name, latencies, { stat: 'p95', max: 50 }, `${note}; max ${Math.round(Math.max(...latencies))} ms`)
  console.log(JSON.stringify({ name: `${name.replace(/_ms$/, '')}_max_ms`, max: Math.round(Math.max(...latencies) * 100) / 100, p99: Math.round(quantile(latencies, 0.99) * 100) / 100, runs: figure.runs }))
}

export async function benchLargeImport(dataDir: string): Promise<void> {
  const shell = await startShell(dataDir)
  try {
    const { port, token } = endpoint(shell.url)
    const paragraph = '一、总体情况\n今年以来，我镇在县委县政府的坚强领导下，认真贯彻落实各项决策部署，全面推进各项工作，取得了明显成效。\n（一）加强组织领导。成立工作领导小组，召开专题会议12次。\n'
    const text = '2025年度工作总结\n' + paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph)))
    // the request is made before and the answer parsed after the timing: this process's work, not the app's
    const body = JSON.stringify({ name: '十兆.txt', dataBase64: Buffer.from(text).toString('base64') })
    await post(port, token, 'documents.import', JSON.stringify({ name: 'warm.txt', dataBase64: Buffer.from('标题\n正文。').toString('base64') }))
    const { times, latencies } = await timedWhileAnswering(port, token, 3, async () => {
      const answer = await post(port, token, 'documents.import', body)
      if (!(JSON.parse(answer) as { ok: boolean }).ok) throw new Error(`10 MB import failed: ${answer.slice(0, 200)}`)
    })
    report('import_10mb_txt_in_worker_ms', times, undefined, `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB .txt through the browser shell: request body parsed, file decoded, recognized and serialized in a worker thread`)
    reportLatencies('api_answer_during_10mb_import_ms', latencies, 'library.info every 10 ms while the import runs')
  } finally {
    await shell.stop()
  }
}

/**
 * Saving a 10 MB document model (about 2.5 million characters) through the browser shell, as an
 * autosave sends it: its body is parsed and checked against the contract in a worker thread, so
 * the other call waits only for the SQLite write.
 */
export async function benchLargeSave(dataDir: string): Promise<void> {
  const model = longDocument(2_500_000, 5000)
  const services = createServices({ dataDir })
  const created = await callApi(services.handlers, 'documents.create', { title: model.title, model })
  const { id } = created
  // in this process first: the longest the thread answering requests stalls while one body is saved
  const stalls: number[] = []
  let version = created.version
  for (let run = 0; run < 4; run++) {
    const edited = { ...model, blocks: [...model.blocks, { type: 'paragraph', children: [{ type: 'text', text: `本进程第${run}次修改` }] }] }
    const body = new TextEncoder().encode(JSON.stringify({ id, model: edited, baseVersion: version }))
    let last = performance.now()
    let longest = 0
    const probe = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
    }, 2)
    const res = await services.dispatchBody('documents.save', body)
    // a dispatch that never yields gives the timer no turn at all: the gap up to now counts too
    longest = Math.max(longest, performance.now() - last)
    clearInterval(probe)
    if (!res.ok) throw new Error(`10 MB save failed: ${JSON.stringify(res.error)}`)
    version = (res.result as { version: number }).version
    // the first starts the worker thread: not counted
    if (run > 0) stalls.push(longest)
  }
  services.close()
  report('save_10mb_body_longest_stall_ms', stalls, { stat: 'median', max: 20 }, 'the longest the services\' thread did not answer (a 2 ms timer) while a 10 MB documents.save body was dispatched as the browser shell does; what is left is the SQLite write')
  const shell = await startShell(dataDir)
  try {
    const { port, token } = endpoint(shell.url)
    // the bodies are made before the timing: this process's work, not the app's
    const bodies = [0, 1, 2, 3].map((run) => JSON.stringify({ id, model: { ...model, blocks: [...model.blocks, { type: 'paragraph', children: [{ type: 'text', text: `第${run}次修改` }] }] }, baseVersion: version + run }))
    const bytes = Buffer.byteLength(bodies[0]!)
    const save = async (run: number) => {
      const answer = await post(port, token, 'documents.save', bodies[run]!)
      const parsed = JSON.parse(answer) as { ok: boolean; result?: { status: string; version: number } }
      if (!parsed.ok || parsed.result?.status !== 'saved' || parsed.result.version !== version + run + 1) throw new Error(`10 MB save failed: ${answer.slice(0, 200)}`)
    }
    // the first save starts the worker thread (and, run from the sources, builds its code): not timed
    await save(0)
    const { times, latencies } = await timedWhileAnswering(port, token, bodies.length - 1, (run) => save(run + 1))
    report('save_10mb_body_ms', times, undefined, `${(bytes / 1024 / 1024).toFixed(1)} MB documents.save body through the browser shell: parsed, checked and made ready to store in a worker thread, then written`)
    reportLatencies('api_answer_during_10mb_save_ms', latencies, 'library.info every 10 ms while the saves run')
  } finally {
    await shell.stop()
  }
}
