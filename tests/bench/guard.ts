/**
 * A large file read while the app keeps working: a 10 MB .txt imported through the browser shell
 * (parsed, recognized and serialized in a worker thread), with another API call made every 10 ms
 * meanwhile. Prints the import's time and how long the other call waited (its max included).
 */
import http from 'node:http'
import { startShell } from '../helpers/shell'
import { quantile, report } from './stats'

function post(port: number, token: string, method: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-draftdesk-token': token }, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

export async function benchLargeImport(dataDir: string): Promise<void> {
  const shell = await startShell(dataDir)
  try {
    const url = new URL(shell.url)
    const port = Number(url.port)
    const token = url.searchParams.get('token')!
    const paragraph = '一、总体情况\n今年以来，我镇在县委县政府的坚强领导下，认真贯彻落实各项决策部署，全面推进各项工作，取得了明显成效。\n（一）加强组织领导。成立工作领导小组，召开专题会议12次。\n'
    const text = '2025年度工作总结\n' + paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph)))
    // the request is made before and the answer parsed after the timing: this process's work, not the app's
    const body = JSON.stringify({ name: '十兆.txt', dataBase64: Buffer.from(text).toString('base64') })
    await post(port, token, 'documents.import', JSON.stringify({ name: 'warm.txt', dataBase64: Buffer.from('标题\n正文。').toString('base64') }))
    const times: number[] = []
    const latencies: number[] = []
    for (let run = 0; run < 3; run++) {
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
      const answer = await post(port, token, 'documents.import', body)
      times.push(performance.now() - started)
      done = true
      await pinging
      if (!(JSON.parse(answer) as { ok: boolean }).ok) throw new Error(`10 MB import failed: ${answer.slice(0, 200)}`)
    }
    report('import_10mb_txt_in_worker_ms', times, undefined, `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB .txt through the browser shell: request body parsed, file decoded, recognized and serialized in a worker thread`)
    const figure = report('api_answer_during_10mb_import_ms', latencies, { stat: 'p95', max: 50 }, `library.info every 10 ms while the import runs; max ${Math.round(Math.max(...latencies))} ms`)
    console.log(JSON.stringify({ name: 'api_answer_during_10mb_import_max_ms', max: Math.round(Math.max(...latencies) * 100) / 100, p99: Math.round(quantile(latencies, 0.99) * 100) / 100, runs: figure.runs }))
  } finally {
    await shell.stop()
  }
}
