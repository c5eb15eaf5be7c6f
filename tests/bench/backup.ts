/**
 * Backups of a large 文稿库: 1,000 documents and the 100,000 snippets benchSnippets left in the
 * library. How long a backup takes (SQLite's VACUUM INTO and the check of the copy, in a worker
 * thread), and what the writer feels meanwhile: an autosave through dispatch, and keystrokes in the
 * editor of the browser shell, with and without a backup running (same run, same page).
 */
import { callApi, createServices } from '../../electron/services'
import { ApiError } from '../../shared/api'
import { longDocument } from '../helpers/documents'
import { launchChromium, startShell } from '../helpers/shell'
import { typeAndMeasure } from './keystroke'
import { report, time } from './stats'

const DOCUMENTS = 1000

export async function benchBackup(dataDir: string) {
  const services = createServices({ dataDir })
  const docs = services.library.documents()
  const existing = docs.count()
  const model = longDocument(5000, 12)
  services.library.database().transaction(() => {
    for (let i = existing; i < DOCUMENTS; i++) docs.create(`备份基准文稿${i + 1}`, model)
  })()
  const documents = docs.count()
  const snippets = (services.library.database().prepare('SELECT count(*) FROM snippets').pluck().get() as number) ?? 0

  const samples: number[] = []
  let bytes = 0
  for (let i = 0; i < 3; i++) {
    samples.push(
      await time(async () => {
        const res = await services.dispatch('backups.create', {})
        if (!res.ok) throw ApiError.from(res.error)
        bytes = (res.result as { bytes: number }).bytes
      }),
    )
  }
  report('backup_library_ms', samples, undefined, `${documents} documents, ${snippets.toLocaleString('en')} snippets, ${Math.round(bytes / 1024 / 1024)} MB: VACUUM INTO + quick_check of the copy in a worker thread, through dispatch`)

  // an autosave of the long document while a backup runs: the service's thread stays free
  const long = longDocument()
  const { id, version } = await callApi(services.handlers, 'documents.create', { title: long.title, model: long })
  let baseVersion = version
  const during: number[] = []
  let running = true
  const backup = services.dispatch('backups.create', {}).finally(() => (running = false))
  for (let i = 0; running || during.length < 10; i++) {
    const edited = { ...long, blocks: [...long.blocks, { type: 'paragraph' as const, children: [{ type: 'text' as const, text: `备份期间第${i}次修改` }] }] }
    during.push(
      await time(async () => {
        const res = await services.dispatch('documents.save', { id, model: edited, baseVersion })
        if (!res.ok) throw new Error(`save refused: ${res.error.code}`)
        baseVersion = (res.result as { version: number }).version
      }),
    )
    await new Promise((r) => setTimeout(r, 50))
  }
  await backup
  report('autosave_60k_during_backup_ms', during.slice(2), { stat: 'median', max: 20 }, 'the same save as autosave_60k_service_ms, made every 50 ms while a backup of the large library runs')
  services.close()
  await benchKeystrokeDuringBackup(dataDir)
}

/**
 * Keystrokes in the long document: 200 without a backup, then typing on while the page has the
 * shell back the library up again and again (as 立即备份 does), until 200 keystrokes began while a
 * backup was running. Only those count as "during": a keystroke between two backups is neither.
 */
async function benchKeystrokeDuringBackup(dataDir: string) {
  const shell = await startShell(dataDir)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(shell.url)
    await page.locator('.doc-open', { hasText: '长文' }).first().click()
    await page.locator('.dd-title', { hasText: '长文' }).waitFor()
    await page.locator('.document-body .dd-paragraph').nth(300).click()
    await page.keyboard.press('End')
    const without = await typeAndMeasure(page, 200)
    const token = new URL(shell.url).searchParams.get('token')!
    // the probe typeAndMeasure installed goes on measuring, from empty lists
    await page.evaluate('window.__latency = []; window.__latencyAt = []')
    await page.evaluate(`(() => {
      window.__backups = []
      window.__backupStart = null
      window.__stopBackups = false
      window.__backupLoop = (async () => {
        while (!window.__stopBackups) {
          window.__backupStart = performance.now()
          const res = await fetch('/api/backups.create', { method: 'POST', headers: { 'content-type': 'application/json', 'x-draftdesk-token': ${JSON.stringify(token)} }, body: '{}' })
          const answer = await res.json()
          window.__backups.push({ start: window.__backupStart, end: performance.now(), ok: answer.ok === true, error: answer.error ?? null })
          window.__backupStart = null
          if (!answer.ok) return
        }
      })()
    })()`)
    // keystrokes that began while a backup ran: the finished ones, and the one running now (a failed backup ends the typing)
    const countDuring = `(() => {
      if (window.__backups.some((b) => !b.ok)) return Infinity
      const spans = window.__backups.map((b) => [b.start, b.end])
      if (window.__backupStart !== null) spans.push([window.__backupStart, Infinity])
      return window.__latencyAt.filter((t) => spans.some(([a, b]) => t >= a && t <= b)).length
    })()`
    const chars = '推进工作落实责任强化措施'
    let typed = 0
    // at most 2,000 keystrokes: a backup that never ends must not keep the bench going forever
    while (typed < 2000) {
      await page.keyboard.insertText(chars[typed++ % chars.length]!)
      await page.waitForTimeout(25)
      if (typed % 20 === 0 && (await page.evaluate<number>(countDuring)) >= 200) break
    }
    await page.waitForTimeout(100)
    const { latency, at } = await page.evaluate<{ latency: number[]; at: number[] }>('({ latency: window.__latency, at: window.__latencyAt })')
    await page.evaluate('window.__stopBackups = true')
    await page.evaluate('window.__backupLoop')
    const backups = await page.evaluate<{ start: number; end: number; ok: boolean; error: unknown }[]>('window.__backups')
    const failed = backups.find((b) => !b.ok)
    if (failed) throw new Error(`backup failed: ${JSON.stringify(failed.error)}`)
    const withBackup = latency.filter((_, i) => backups.some((b) => at[i]! >= b.start && at[i]! <= b.end))
    const a = report('keystroke_without_backup_ms', without.slice(10), undefined, 'browser shell, 60,000-character document, library of 1,000 documents and 100,000 snippets')
    const b = report(
      'keystroke_during_backup_ms',
      withBackup,
      undefined,
      `the same page in the same run, only the keystrokes that began while the shell was backing the library up (${withBackup.length} of ${typed} typed, over ${backups.length} backups)`,
    )
    const ratio = Math.round((b.p95 / a.p95) * 100) / 100
    console.log(JSON.stringify({ name: 'keystroke_backup_ratio', p50: Math.round((b.median / a.median) * 100) / 100, p95: ratio, target: { stat: 'p95', max: 1.25 }, pass: ratio <= 1.25 }))
  } finally {
    await browser.close()
    await shell.stop()
  }
}
