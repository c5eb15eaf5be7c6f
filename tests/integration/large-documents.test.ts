/**
 * A very long document saved from the browser shell: its body (10 MB of model JSON) is parsed,
 * checked and made ready to store in a worker thread, so the server keeps answering meanwhile, and
 * the version rule and the refusals are those of a small body.
 */
import { describe, expect, it } from 'vitest'
import type { DocumentRecord } from '../../shared/api'
import { documentPlainText } from '../../shared/document/text'
import type { SummaryDocument } from '../../shared/document/model'
import { messageText, type Message } from '../../shared/errors'
import { callApi, createServices } from '../../electron/services'
import { LARGE_DOCUMENT_BODY_BYTES } from '../../electron/services/worker/documentBodies'
import { RawJson } from '../../electron/services/worker/rawJson'
import { longDocument } from '../helpers/documents'
import { startShell } from '../helpers/shell'
import { postApi, shellEndpoint } from '../helpers/shellApi'
import { useTempDirs } from '../helpers/tempDir'
import { quantile } from '../bench/stats'

const tempDir = useTempDirs()

/** About 2.5 million characters: a body of some 10 MB. */
const huge = (): SummaryDocument => longDocument(2_500_000, 5000)
const withLine = (model: SummaryDocument, text: string): SummaryDocument => ({ ...model, blocks: [...model.blocks, { type: 'paragraph', children: [{ type: 'text', text }] }] })
const bodyOf = (input: unknown) => new TextEncoder().encode(JSON.stringify(input))
/** A dispatched result as the caller reads it (the browser shell writes a RawJson's bytes as they are). */
const valueOf = <T>(result: unknown): T => (result instanceof RawJson ? (result.parse() as T) : (result as T))

const call = async (port: number, token: string, method: string, body: string) => JSON.parse(await postApi(port, token, method, body)) as { ok: boolean; result?: unknown; error?: Message }

describe('a very long document is saved off the thread that answers every window', () => {
  it('created and saved from large bodies: stored as sent, the record answered, the version rule kept', async () => {
    const services = createServices({ dataDir: tempDir() })
    try {
      const model = huge()
      const createBody = bodyOf({ title: '很长的总结', model })
      expect(createBody.byteLength).toBeGreaterThan(LARGE_DOCUMENT_BODY_BYTES)
      const created = await services.dispatchBody('documents.create', createBody)
      expect(created.ok, JSON.stringify(!created.ok && created.error)).toBe(true)
      const record = valueOf<DocumentRecord>(created.ok && created.result)
      expect(record.model.title).toBe('很长的总结')
      expect(record.version).toBe(1)
      const stored = await callApi(services.handlers, 'documents.get', { id: record.id })
      expect(stored).toEqual(record)
      expect(documentPlainText(stored.model)).toBe(documentPlainText({ ...model, title: '很长的总结' }))

      const edited = withLine(model, '最后补上的一句。')
      const saved = await services.dispatchBody('documents.save', bodyOf({ id: record.id, model: edited, baseVersion: 1 }))
      expect(saved.ok && saved.result).toMatchObject({ status: 'saved', version: 2 })
      expect(documentPlainText((await callApi(services.handlers, 'documents.get', { id: record.id })).model)).toMatch(/最后补上的一句。$/)

      // a save made from the older version keeps both texts: the newer stays, the other is a revision
      const stale = await services.dispatchBody('documents.save', bodyOf({ id: record.id, model: withLine(model, '旧稿里的一句。'), baseVersion: 1 }))
      expect(stale.ok && stale.result).toMatchObject({ status: 'conflict', version: 2 })
      const current = await callApi(services.handlers, 'documents.get', { id: record.id })
      expect(documentPlainText(current.model)).toMatch(/最后补上的一句。$/)
      const revisions = await callApi(services.handlers, 'revisions.list', { id: record.id })
      const conflict = revisions.find((r) => r.reason === 'conflict')!
      const kept = await callApi(services.handlers, 'revisions.get', { id: record.id, revisionId: conflict.id })
      expect(documentPlainText(kept.model)).toMatch(/旧稿里的一句。$/)
    } finally {
      services.close()
    }
  }, 180_000)

  it('a large body that is not JSON, or not a document, is refused in the words a small one gets', async () => {
    const services = createServices({ dataDir: tempDir() })
    try {
      const { id } = await callApi(services.handlers, 'documents.create', { title: '短文' })
      const padding = 'x'.repeat(LARGE_DOCUMENT_BODY_BYTES)
      const notJson = await services.dispatchBody('documents.save', new TextEncoder().encode(`{"id":"${id}","pad":"${padding}"`))
      expect(!notJson.ok && messageText(notJson.error)).toBe('请求不是有效的 JSON')
      const small = await services.dispatch('documents.save', { id, model: { version: 1, title: 'x', blocks: 'none', figures: [] }, baseVersion: 1 })
      const large = await services.dispatchBody('documents.save', bodyOf({ id, model: { version: 1, title: padding, blocks: 'none', figures: [] }, baseVersion: 1 }))
      expect(small.ok).toBe(false)
      expect(large.ok).toBe(false)
      expect(!large.ok && large.error).toEqual(!small.ok && small.error)
      expect(!large.ok && messageText(large.error)).toMatch(/^参数不对（documents\.save，model\.blocks）/)
    } finally {
      services.close()
    }
  }, 60_000)

  it('the browser shell keeps answering other calls while a 10 MB autosave arrives', async () => {
    const dataDir = tempDir()
    const model = huge()
    const setup = createServices({ dataDir })
    const { id } = await callApi(setup.handlers, 'documents.create', { title: '很长的总结', model })
    setup.close()
    const shell = await startShell(dataDir)
    try {
      const { port, token } = shellEndpoint(shell.url)
      const bodies = [1, 2, 3].map((version) => JSON.stringify({ id, model: withLine(model, `第${version}次修改。`), baseVersion: version }))
      // the first starts the worker thread (and builds its code from the sources): not timed
      expect((await call(port, token, 'documents.save', bodies[0]!)).result).toMatchObject({ status: 'saved', version: 2 })
      const latencies: number[] = []
      for (const [i, body] of bodies.slice(1).entries()) {
        let done = false
        const pinging = (async () => {
          while (!done) {
            const started = performance.now()
            expect((await call(port, token, 'library.info', '{}')).ok).toBe(true)
            latencies.push(performance.now() - started)
            await new Promise((r) => setTimeout(r, 10))
          }
        })()
        const answer = await call(port, token, 'documents.save', body).finally(() => (done = true))
        await pinging
        expect(answer.result).toMatchObject({ status: 'saved', version: i + 3 })
      }
      const p90 = quantile(latencies, 0.9)
      console.log(JSON.stringify({ during: '10 MB save', pings: latencies.length, median: Math.round(quantile(latencies, 0.5)), p90: Math.round(p90), max: Math.round(Math.max(...latencies)) }))
      expect(latencies.length).toBeGreaterThan(10)
      // read on this thread, the body stalled it for most of the save (pings of 150 ms and more);
      // what is left is the write of the text itself, and a shared test machine's stalls now and then
      expect(quantile(latencies, 0.5)).toBeLessThan(50)
      expect(p90).toBeLessThan(150)
    } finally {
      await shell.stop()
    }
  }, 180_000)
})
