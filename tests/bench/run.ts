/**
 * The benchmarks of the open issues, on this machine. Each prints a JSON line: name, median, p95,
 * runs, and the issue's target. Measured, never asserted: compare them with the issues' figures.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callApi, createServices } from '../../electron/services'
import { countCharacters, documentPlainText } from '../../shared/document/text'
import { longDocument, sampleDocument } from '../helpers/documents'
import { launchChromium, startShell } from '../helpers/shell'
import { report, time } from './stats'

async function benchAutosave(dataDir: string) {
  const services = createServices({ dataDir })
  const doc = longDocument()
  const { id } = await callApi(services.handlers, 'documents.create', { title: doc.title, model: doc })
  const samples: number[] = []
  for (let i = 0; i < 40; i++) {
    const model = { ...doc, blocks: [...doc.blocks, { type: 'paragraph' as const, children: [{ type: 'text' as const, text: `第${i}次修改` }] }] }
    samples.push(await time(() => services.dispatch('documents.save', { id, model })))
  }
  report('autosave_60k_service_ms', samples.slice(5), { stat: 'median', max: 20 }, `${countCharacters(documentPlainText(doc))} characters, through dispatch (zod validation + SQLite write)`)
  services.close()
  return id
}

async function benchOpen(dataDir: string) {
  // a small document to switch away to between runs
  const services = createServices({ dataDir })
  await callApi(services.handlers, 'documents.create', { title: '短文', model: sampleDocument('短文') })
  services.close()

  const shell = await startShell(dataDir)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(shell.url)
    const big = page.locator('.doc-open', { hasText: '长文' })
    const small = page.locator('.doc-open', { hasText: '短文' })
    await big.waitFor()
    const samples: number[] = []
    for (let i = 0; i < 12; i++) {
      await small.click()
      await page.locator('.dd-title', { hasText: '短文' }).waitFor()
      await page.evaluate(() => performance.clearMarks())
      await big.click()
      await page.locator('.dd-title', { hasText: '长文' }).waitFor()
      // a string, not a function: tsx's name helpers do not exist in the page
      const ms = await page.evaluate<number>(`new Promise((resolve) => {
        const check = () => {
          const [start] = performance.getEntriesByName('dd:open-start')
          const [ready] = performance.getEntriesByName('dd:editor-ready')
          if (start && ready) resolve(ready.startTime - start.startTime)
          else setTimeout(check, 10)
        }
        check()
      })`)
      samples.push(ms)
    }
    report('open_60k_document_to_interactive_ms', samples.slice(2), { stat: 'median', max: 300 }, 'browser shell, headless Chromium: list click → API → editor rendered and editable (first frame)')
  } finally {
    await browser.close()
    await shell.stop()
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-bench-'))
  try {
    await benchAutosave(dataDir)
    await benchOpen(dataDir)
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
