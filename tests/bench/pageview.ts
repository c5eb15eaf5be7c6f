/**
 * Page view benchmarks on the 65,000-character summary (the one the PDF benchmark prints): from an
 * edit on page 1 that adds or removes a line (so every break after it moves) to the frame after the
 * page view has put the new breaks on screen; and keystrokes with page view on against bare Lexical
 * holding the same text, in the same run.
 */
import type { CDPSession, Page } from 'playwright-core'
import { longSummary } from '../helpers/outputDocs'
import { buildBarePage, typeAndMeasure } from './keystroke'
import { newPage, storeDocument, withShellPage } from './shell'
import { quantile, report } from './stats'

const PROBE = `(() => {
  const root = document.querySelector('.document-body')
  window.__repag = []
  window.__repagTask = []
  // the repagination's own task (measure, page rules, spacing, the layout it forces)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'dd:pageview') window.__repagTask.push(e.duration)
  }).observe({ entryTypes: ['measure'] })
  let start = null
  root.addEventListener('beforeinput', () => { start = performance.now() }, { capture: true })
  // Lexical deletes a selection on keydown (no beforeinput follows)
  root.addEventListener('keydown', (e) => { if (e.key === 'Backspace') start = performance.now() }, { capture: true })
  window.addEventListener('draftdesk:pageview', (e) => {
    if (start === null || !e.detail.changed) return
    const t0 = start
    start = null
    requestAnimationFrame(() => window.__repag.push(performance.now() - t0))
  })

})()`

// a function, not a string: the app's CSP refuses eval
const repaginated = (n: number) => (window as unknown as { __repag: number[] }).__repag.length >= n

/**
 * Lexical has taken the selection set in the DOM (it reads it on selectionchange, a task later):
 * from `back` characters before the end of the first paragraph's last text to its end. Pressing a
 * key before then edits where the caret was (a loaded machine lost one run that way).
 */
const selectionTaken = (back: number) => {
  interface Point { offset: number; key: string }
  const root = document.querySelector('.document-body') as (Element & { __lexicalEditor?: { getEditorState(): { _selection: { anchor: Point; focus: Point } | null } } }) | null
  const text = document.querySelector('.document-body .dd-paragraph')?.lastChild?.firstChild
  const sel = root?.__lexicalEditor?.getEditorState()._selection
  if (!text || !sel || !('anchor' in sel)) return false
  const end = (text as Text).length
  const [from, to] = [sel.anchor.offset, sel.focus.offset].sort((a, b) => a - b)
  return sel.anchor.key === sel.focus.key && from === end - back && to === end
}

/** The main thread's CPU so far (thread time, ms): all tasks, and script, layout, style within them. */
type Cpu = Record<'task' | 'script' | 'layout' | 'style', number>
const CPU_METRICS = { TaskDuration: 'task', ScriptDuration: 'script', LayoutDuration: 'layout', RecalcStyleDuration: 'style' } as const
async function cpuMeter(page: Page): Promise<() => Promise<Cpu>> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const out: Cpu = { task: 0, script: 0, layout: 0, style: 0 }
    for (const m of metrics) if (m.name in CPU_METRICS) out[CPU_METRICS[m.name as keyof typeof CPU_METRICS]] = m.value * 1000
    return out
  }
}
const cpuSpent = (a: Cpu, b: Cpu, per = 1): Cpu => ({ task: (b.task - a.task) / per, script: (b.script - a.script) / per, layout: (b.layout - a.layout) / per, style: (b.style - a.style) / per })
const cpuMedians = (xs: readonly Cpu[]): Cpu => {
  const m = (k: keyof Cpu) => Math.round(quantile(xs.map((x) => x[k]), 0.5) * 100) / 100
  return { task: m('task'), script: m('script'), layout: m('layout'), style: m('style') }
}

export async function benchPageView(dataDir: string): Promise<void> {
  const model = longSummary(65_000)
  await storeDocument(dataDir, model)
  await withShellPage(dataDir, async (page, browser) => {
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body .dd-paragraph').first().waitFor()
    await page.waitForFunction(() => Number(document.querySelector('.page.paged')?.getAttribute('data-pages')) > 50, undefined, { timeout: 30_000 })
    await page.waitForTimeout(1000)
    const pages = Number(await page.locator('.page.paged').getAttribute('data-pages'))

    await page.evaluate(PROBE)
    // CPU, not wall time: on a busy machine the wall clock measures the other processes too
    const cpu = await cpuMeter(page)
    const editCpu: Cpu[] = []
    // five full lines: more than the slack a page foot can have (a heading carried over, a widow)
    const lines = '推进工作落实责任强化措施提升质效'.repeat(10).slice(0, 5 * 28)
    const first = page.locator('.document-body .dd-paragraph').first()
    const original = (await first.innerText()).length
    for (let i = 0; i < 40; i++) {
      // five lines at the end of the first paragraph, then the same five lines selected and deleted
      await first.click()
      await page.keyboard.press('Control+End')
      await page.evaluate(`(() => {
        const p = document.querySelector('.document-body .dd-paragraph')
        const t = p.lastChild.firstChild
        const r = document.createRange()
        r.setStart(t, t.length)
        getSelection().removeAllRanges()
        getSelection().addRange(r)
      })()`)
      await page.waitForFunction(selectionTaken, 0, { timeout: 10_000 })
      let before = await cpu()
      await page.keyboard.insertText(lines)
      await page.waitForFunction(repaginated, 2 * i + 1, { timeout: 10_000 })
      // one edit, not a burst of typing (typing waits for a pause: keystroke_pageview_on_ms)
      await page.waitForTimeout(150)
      editCpu.push(cpuSpent(before, await cpu()))
      await page.evaluate(`(() => {
        const p = document.querySelector('.document-body .dd-paragraph')
        const t = p.lastChild.firstChild
        const r = document.createRange()
        r.setStart(t, t.length - ${lines.length})
        r.setEnd(t, t.length)
        getSelection().removeAllRanges()
        getSelection().addRange(r)
      })()`)
      await page.waitForFunction(selectionTaken, lines.length, { timeout: 10_000 })
      before = await cpu()
      await page.keyboard.press('Backspace')
      await page.waitForFunction(repaginated, 2 * i + 2, { timeout: 10_000 })
      await page.waitForTimeout(150)
      editCpu.push(cpuSpent(before, await cpu()))
    }
    if ((await first.innerText()).length !== original) throw new Error('the benchmark left text behind')
    const samples = await page.evaluate<number[]>('window.__repag')
    report(
      'pageview_repaginate_after_page1_edit_ms',
      samples.slice(4),
      { stat: 'p95', max: 50 },
      `${pages} pages in page view; five lines added to or deleted from the first paragraph: beforeinput → the frame after every break has moved (measure, page rules, spacing written for all ${pages} pages; the paragraphs off screen keep their measured height and are laid out as they come into view, at that height)`,
    )
    const editCpuMedian = cpuMedians(editCpu.slice(4))
    report('pageview_repaginate_edit_cpu_ms', editCpu.slice(4).map((c) => c.task), undefined, `main-thread CPU (thread time) of one such edit, from the key to the repaginated frame and its check run: the edit itself (Lexical, saving, the outline) and the repagination; medians script ${editCpuMedian.script}, layout ${editCpuMedian.layout}, style ${editCpuMedian.style} ms`)
    const tasks = await page.evaluate<number[]>('window.__repagTask')
    report('pageview_repaginate_task_ms', tasks.slice(8), undefined, 'the repagination task itself after each of those edits (and its check run): measure, page rules, spacing and the layout it forces')

    // keystrokes in the middle of the document, page view on, against bare Lexical with the same text
    const middle = Math.floor((await page.locator('.document-body .dd-paragraph').count()) / 2)
    await page.locator('.document-body .dd-paragraph').nth(middle).click()
    await page.keyboard.press('End')
    const cpuBefore = await cpu()
    const ours = (await typeAndMeasure(page, 200)).slice(10)
    const oursCpu = cpuSpent(cpuBefore, await cpu(), 200)
    const bare = await newPage(browser)
    await bare.goto(await buildBarePage(model))
    await bare.waitForFunction('window.benchReady === true')
    await bare.locator('#editor p').nth(Math.floor((await bare.locator('#editor p').count()) / 2)).click()
    await bare.keyboard.press('End')
    const bareCpu = await cpuMeter(bare)
    const bareBefore = await bareCpu()
    const baseline = (await typeAndMeasure(bare, 200)).slice(10)
    const baselineCpu = cpuSpent(bareBefore, await bareCpu(), 200)
    const r2 = (n: number) => Math.round(n * 100) / 100
    console.log(
      JSON.stringify({
        name: 'keystroke_pageview_cpu_per_key_ms',
        pageViewOn: { task: r2(oursCpu.task), script: r2(oursCpu.script), layout: r2(oursCpu.layout), style: r2(oursCpu.style) },
        bareLexical: { task: r2(baselineCpu.task), script: r2(baselineCpu.script), layout: r2(baselineCpu.layout), style: r2(baselineCpu.style) },
        ratio: r2(oursCpu.task / baselineCpu.task),
        note: 'main-thread CPU (thread time) per keystroke over the 200 typed, repaginations in the pauses included',
      }),
    )
    report('keystroke_pageview_bare_lexical_ms', baseline, undefined, 'bare Lexical, same paragraphs (the 65k summary)')
    const figure = report('keystroke_pageview_on_ms', ours, undefined, `page view on (${pages} pages), all plugins: beforeinput → first frame after the DOM update`)
    // the same with page view off, in the same run (reloaded: one latency probe in the page)
    await page.click('[data-testid=toggle-pageview]')
    await page.reload()
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body .dd-paragraph').nth(middle).click()
    await page.keyboard.press('End')
    if (await page.locator('.pv-sheet').count()) throw new Error('page view is still on')
    report('keystroke_pageview_off_ms', (await typeAndMeasure(page, 200)).slice(10), undefined, 'the same editor, page view off')
    const ratio = (q: number) => Math.round((quantile(ours, q) / quantile(baseline, q)) * 100) / 100
    console.log(JSON.stringify({ name: 'keystroke_pageview_ratio_vs_bare', p50: ratio(0.5), p95: ratio(0.95), target: { max: 1.25 }, pass: ratio(0.5) <= 1.25 && ratio(0.95) <= 1.25, oursP95: figure.p95 }))
  })
}
