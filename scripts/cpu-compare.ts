/**
 * `npx tsx scripts/cpu-compare.ts TREE_A TREE_B [--rounds N] [--only open|preview|keys] [--profile]`:
 * the renderer's CPU time for two of the benchmarks' intervals, in two checkouts side by side —
 * opening the 60,000-character document (dd:open-start → dd:editor-ready) and the print preview's
 * first page of a 65,000-character summary (dd:preview-open → dd:preview-first-page); with
 * `--only keys`, 30 characters typed one by one in the middle of that summary with page view on
 * (the keystroke benchmark's pace), the CPU and layout per key. Each tree
 * must hold a built renderer (`npx vite build` in it; `--minify false` gives readable profiles).
 *
 * Why CPU and not milliseconds: on a machine shared with other work, wall-clock medians move by
 * 30–80 % between runs, which is larger than most regressions (bench-compare.mjs's figures). Here
 * both shells run at once and one Chromium alternates between them, and each interval is read from
 * a trace: the thread time of the renderer main thread's tasks between the two marks. What the
 * back end spent answering is its process's CPU (10 ms ticks). `--profile` adds V8's sampled
 * profile per function (self, and inclusive marked "INCL"), largest differences first: where the
 * extra time goes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { markInterval } from '../tests/bench/stats'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name)
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback
}
const trees = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--rounds', '--only'].includes(args[i - 1]!)))
const rounds = Number(option('--rounds', '8'))
const only = option('--only', 'both')
const profiling = flag('--profile')
if (trees.length !== 2 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npx tsx scripts/cpu-compare.ts TREE_A TREE_B [--rounds N] [--only open|preview|keys] [--profile]')
  process.exit(2)
}

type Kind = 'open' | 'preview' | 'keys'
interface Sample { wall: number; cpu: number; server: number; layout: number }
interface Side {
  label: string
  tree: string
  shell: { url: string; process: { pid?: number }; stop(): Promise<void> }
  dataDir: string
  page: Page
  cdp: CDPSession
  samples: Record<Kind, Sample[]>
  profile: Record<Kind, Map<string, number>>
}
interface TraceEvent { ph: string; name: string; cat: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }
interface ProfileNode { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }

const MARKS: Record<Kind, [string, string]> = { open: ['dd:open-start', 'dd:editor-ready'], preview: ['dd:preview-open', 'dd:preview-first-page'], keys: ['dd:keys-start', 'dd:keys-end'] }
/** characters typed per `keys` run */
const KEYS = 30
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing']

/** A process's user + system CPU so far (ms, in 10 ms ticks). */
function processCpu(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * Thread time of the busiest renderer main thread's tasks between the first `from` and the next `to`
 * mark (`cpu`), and of the layouts among them (`layout`).
 */
function windowCpu(trace: { traceEvents: TraceEvent[] }, from: string, to: string): { cpu: number; layout: number } {
  const ev = trace.traceEvents
  const starts = ev.filter((e) => e.name === from && e.cat.includes('user_timing')).map((e) => e.ts)
  if (!starts.length) return { cpu: NaN, layout: NaN }
  const t0 = Math.min(...starts)
  const ends = ev.filter((e) => e.name === to && e.cat.includes('user_timing') && e.ts >= t0).map((e) => e.ts)
  if (!ends.length) return { cpu: NaN, layout: NaN }
  const t1 = Math.min(...ends)
  const mains = new Set(ev.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const perThread = new Map<string, number>()
  const layouts = new Map<string, number>()
  for (const e of ev) {
    const thread = `${e.pid}:${e.tid}`
    if (e.ph === 'X' && e.name === 'Layout' && e.tdur !== undefined && mains.has(thread) && e.ts >= t0 && e.ts < t1) layouts.set(thread, (layouts.get(thread) ?? 0) + e.tdur / 1000)
    if (e.ph !== 'X' || e.name !== 'RunTask' || e.tdur === undefined || !mains.has(thread)) continue
    const dur = e.dur ?? 0
    const overlap = Math.min(e.ts + dur, t1) - Math.max(e.ts, t0)
    // a task that straddles a mark counts in proportion
    if (overlap > 0 && dur > 0) perThread.set(thread, (perThread.get(thread) ?? 0) + (e.tdur * overlap) / dur / 1000)
  }
  const busiest = [...perThread.entries()].sort((a, b) => b[1] - a[1])[0]
  return { cpu: busiest?.[1] ?? 0, layout: busiest ? (layouts.get(busiest[0]) ?? 0) : 0 }
}

/** Adds a sampled profile's time per function: self, and inclusive (each function once per sample). */
function addProfile(into: Map<string, number>, profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  // named functions by name and file (without the bundle's content hash, so that two builds line
  // up); anonymous ones by their line too
  const name = (n: ProfileNode) => {
    const file = path.basename(n.callFrame.url).replace(/-[\w-]{8}\.js$/, '.js')
    return n.callFrame.functionName ? `${n.callFrame.functionName} ${file}` : `(anonymous) ${file}:${n.callFrame.lineNumber}`
  }
  const samples = profile.samples ?? []
  for (let i = 0; i < samples.length; i++) {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000
    const leaf = byId.get(samples[i]!)!
    into.set(name(leaf), (into.get(name(leaf)) ?? 0) + ms)
    const seen = new Set<string>()
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const key = `INCL ${name(byId.get(id)!)}`
      if (seen.has(key)) continue
      seen.add(key)
      into.set(key, (into.get(key) ?? 0) + ms)
    }
  }
}

async function setUp(browser: Browser, label: string, tree: string): Promise<Side> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `draftdesk-cpu-${label}-`))
  // each tree's own code makes its documents and runs its shell
  const services = await import(path.join(tree, 'electron/services/index.ts'))
  const documents = await import(path.join(tree, 'tests/helpers/documents.ts'))
  const outputDocs = await import(path.join(tree, 'tests/helpers/outputDocs.ts'))
  const shellHelpers = await import(path.join(tree, 'tests/helpers/shell.ts'))
  const s = services.createServices({ dataDir })
  const long = documents.longDocument()
  await services.callApi(s.handlers, 'documents.create', { title: long.title, model: long })
  await services.callApi(s.handlers, 'documents.create', { title: '短文', model: documents.sampleDocument('短文') })
  await services.callApi(s.handlers, 'documents.create', { title: '出稿长文', model: { ...outputDocs.longSummary(65_000), title: '出稿长文' } })
  s.close()
  const shell = await shellHelpers.startShell(dataDir)
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(shell.url)
  await page.locator('.doc-open', { hasText: '短文' }).waitFor()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  return { label, tree, shell, dataDir, page, cdp, samples: { open: [], preview: [], keys: [] }, profile: { open: new Map(), preview: new Map(), keys: new Map() } }
}

/** One measured interval: `act` starts it; the marks end it. */
async function measure(browser: Browser, side: Side, kind: Kind, act: () => Promise<void>, record: boolean): Promise<void> {
  const { page } = side
  const [from, to] = MARKS[kind]
  await page.evaluate(() => performance.clearMarks())
  await browser.startTracing(page, { categories: CATEGORIES })
  if (profiling && record) await side.cdp.send('Profiler.start')
  const pid = side.shell.process.pid!
  const before = processCpu(pid)
  await act()
  const wall = await markInterval(page, from, to)
  const server = processCpu(pid) - before
  const profile = profiling && record ? ((await side.cdp.send('Profiler.stop')).profile as Profile) : null
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
  if (!record) return
  side.samples[kind].push({ wall, server, ...windowCpu(trace, from, to) })
  if (profile) addProfile(side.profile[kind], profile)
}

// '长文' is also part of '出稿长文'
const longItem = (page: Page) => page.locator('.doc-open').filter({ hasText: '长文' }).filter({ hasNotText: '出稿' })
const titled = (page: Page, title: string) => page.locator('.dd-title').filter({ hasText: title })
const longTitle = (page: Page) => titled(page, '长文').filter({ hasNotText: '出稿' })

async function open(browser: Browser, side: Side, record: boolean): Promise<void> {
  const { page } = side
  await page.locator('.doc-open', { hasText: '短文' }).click()
  await titled(page, '短文').waitFor()
  await measure(browser, side, 'open', async () => {
    await longItem(page).click()
    await longTitle(page).waitFor()
  }, record)
}

async function preview(browser: Browser, side: Side, record: boolean): Promise<void> {
  const { page } = side
  const button = page.locator('[data-testid=open-preview]').first()
  // the command may sit in the toolbar's 出稿 ▾ menu
  if (!(await button.isVisible())) await page.locator('.toolbar-menu', { has: button }).locator(':scope > button').click()
  await measure(browser, side, 'preview', () => button.click(), record)
  await page.click('[data-testid=preview-close]')
}

/** The 65,000-character summary open in page view, the caret at the end of a paragraph in its middle. */
async function openForKeys(side: Side): Promise<void> {
  const { page } = side
  await page.locator('.doc-open', { hasText: '出稿长文' }).click()
  await titled(page, '出稿长文').waitFor()
  await page.waitForFunction(() => Number(document.querySelector('.page.paged')?.getAttribute('data-pages')) > 50, undefined, { timeout: 60_000 })
  const paragraphs = page.locator('.document-body .dd-paragraph')
  await paragraphs.nth(Math.floor((await paragraphs.count()) / 2)).click()
  await page.keyboard.press('End')
  // the first repaginations and what follows them (offscreen.ts lets held blocks go once idle)
  await page.waitForTimeout(5000)
}

async function keys(browser: Browser, side: Side, record: boolean): Promise<void> {
  const { page } = side
  const chars = '推进工作落实责任强化措施'
  await measure(browser, side, 'keys', async () => {
    await page.evaluate((name) => performance.mark(name), MARKS.keys[0])
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.insertText(chars[i % chars.length]!)
      await page.waitForTimeout(25)
    }
    await page.waitForTimeout(100)
    await page.evaluate((name) => performance.mark(name), MARKS.keys[1])
  }, record)
  // the pause after typing: its repagination is not the next run's
  await page.waitForTimeout(1500)
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] })
const sides: Side[] = []
try {
  sides.push(await setUp(browser, 'A', path.resolve(trees[0]!)), await setUp(browser, 'B', path.resolve(trees[1]!)))
  // alternate which side goes first, so that a load that comes and goes meets both alike
  const order = (r: number) => (r % 2 ? [...sides].reverse() : sides)
  if (only === 'keys') {
    for (const side of sides) {
      await openForKeys(side)
      await keys(browser, side, false)
    }
    for (let r = 0; r < rounds; r++) for (const side of order(r)) await keys(browser, side, true)
  }
  if (only !== 'preview' && only !== 'keys') {
    for (const side of sides) for (let w = 0; w < 2; w++) await open(browser, side, false)
    for (let r = 0; r < rounds; r++) for (const side of order(r)) await open(browser, side, true)
  }
  if (only !== 'open' && only !== 'keys') {
    for (const side of sides) {
      await side.page.locator('.doc-open', { hasText: '出稿长文' }).click()
      await titled(side.page, '出稿长文').waitFor()
      await preview(browser, side, false)
    }
    for (let r = 0; r < rounds; r++) for (const side of order(r)) await preview(browser, side, true)
  }
  for (const kind of ['open', 'preview', 'keys'] as const) {
    if (!sides[0]!.samples[kind].length) continue
    for (const side of sides) {
      const s = side.samples[kind]
      if (kind === 'keys') {
        const perKey = (v: number) => Math.round((v / KEYS) * 100) / 100
        console.log(JSON.stringify({ name: 'keys_renderer_cpu_per_key_ms', side: side.label, tree: side.tree, median: perKey(median(s.map((x) => x.cpu))), layoutMedian: perKey(median(s.map((x) => x.layout))), runs: s.length, cpu: s.map((x) => perKey(x.cpu)), layout: s.map((x) => perKey(x.layout)) }))
        continue
      }
      console.log(JSON.stringify({ name: `${kind}_renderer_cpu_ms`, side: side.label, tree: side.tree, median: median(s.map((x) => x.cpu)), wallMedian: median(s.map((x) => x.wall)), serverCpuMedian: median(s.map((x) => x.server)), runs: s.length, cpu: s.map((x) => Math.round(x.cpu)) }))
    }
    if (!profiling) continue
    const [a, b] = [sides[0]!.profile[kind], sides[1]!.profile[kind]]
    const rows = [...new Set([...a.keys(), ...b.keys()])].map((k) => ({ k, a: (a.get(k) ?? 0) / rounds, b: (b.get(k) ?? 0) / rounds }))
    rows.sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a))
    console.log(`--- ${kind}: sampled ms per run (A, B, B−A), largest differences`)
    for (const r of rows.slice(0, 40)) console.log(`${r.a.toFixed(1).padStart(8)} ${r.b.toFixed(1).padStart(8)} ${(r.b - r.a).toFixed(1).padStart(8)}  ${r.k}`)
  }
} finally {
  await browser.close()
  for (const side of sides) {
    await side.shell.stop()
    fs.rmSync(side.dataDir, { recursive: true, force: true })
  }
}
