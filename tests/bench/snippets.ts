/**
 * The snippet library's benchmarks: search at the service layer over 100,000 generated
 * snippets for 1-, 2-, 4- and 8-character queries; keystroke in the panel's search box → results
 * painted, in the browser shell; harvest over 200 documents of 5,000 characters; opening a library
 * that holds 100,000 snippets; search over 10,000 team snippets (the team 素材库's local mirror,
 * filled by snippets.teamSync as the app fills it), searched together with the writer's own.
 */
import fs from 'node:fs'
import path from 'node:path'
import { callApi, createServices } from '../../electron/services'
import { ApiError } from '../../shared/api'
import { snippetStore } from '../../electron/services/snippets'
import type { SummaryDocument } from '../../shared/document/model'
import { bodyToText } from '../../shared/snippets'
import { withShellPage } from './shell'
import { generatedSnippets, prose, rng } from './snippetsData'
import { report, time } from './stats'

const COUNT = 100_000

async function buildLibrary(dataDir: string) {
  const services = createServices({ dataDir })
  const items = generatedSnippets(COUNT)
  const ms = await time(() => snippetStore(services.library).importItems(items, [], { skipDuplicates: false }))
  const count = snippetStore(services.library).count()
  services.close()
  console.log(JSON.stringify({ name: 'snippets_build_100k_library_s', seconds: Math.round(ms / 100) / 10, snippets: count, bytes: fs.statSync(path.join(dataDir, 'library.sqlite')).size, note: 'setup, not a target: generated snippets written with both full-text indexes' }))
  return items
}

async function benchOpenLibrary(dataDir: string) {
  const samples: number[] = []
  for (let i = 0; i < 12; i++) {
    samples.push(
      await time(async () => {
        const services = createServices({ dataDir })
        await callApi(services.handlers, 'snippets.search', { query: '', limit: 50 }) // what the panel asks first
        services.close()
      }),
    )
  }
  report('snippets_open_library_100k_ms', samples.slice(2), { stat: 'p95', max: 300 }, 'open the file (checks, migrations) + the first snippets.search the panel makes')
}

async function benchSearch(dataDir: string, items: ReturnType<typeof generatedSnippets>) {
  const services = createServices({ dataDir })
  const r = rng(7)
  // warm the page cache the way a writer's first searches do
  for (const q of ['工作', '安全', '领导小组']) await services.dispatch('snippets.search', { query: q })
  for (const length of [1, 2, 4, 8]) {
    const samples: number[] = []
    let hits = 0
    while (samples.length < 300) {
      const text = bodyToText(items[Math.floor(r() * items.length)]!.body).replace(/\{\{[^}]*\}\}/g, '')
      if (text.length < length) continue
      const at = Math.floor(r() * (text.length - length + 1))
      const query = text.slice(at, at + length)
      samples.push(
        await time(async () => {
          const res = await services.dispatch('snippets.search', { query, limit: 50 })
          if (!res.ok) throw ApiError.from(res.error)
          hits += (res.result as { hits: unknown[] }).hits.length
        }),
      )
    }
    report(`snippets_search_${length}char_ms`, samples, { stat: 'p95', max: 10 }, `${COUNT.toLocaleString('en')} snippets, 300 queries cut from random snippets (avg ${Math.round(hits / 300)} hits shown), through dispatch`)
  }
  services.close()
}

export async function benchKeystroke(dataDir: string) {
  await withShellPage(dataDir, async (page) => {
    await page.click('[data-testid=new-document]')
    await page.locator('.document-body').waitFor()
    await page.click('[data-testid=tab-snippets]')
    const box = page.locator('[data-testid=snippet-search]')
    await box.click()
    // input event in the box → the list shows the results for that very query → the next frame
    await page.evaluate(`(() => {
      const box = document.querySelector('[data-testid=snippet-search]')
      const list = () => document.querySelector('[data-testid=snippet-results]')
      window.__snippetLatency = []
      let pending = null
      box.addEventListener('input', () => { pending = { t0: performance.now(), q: box.value } }, { capture: true })
      new MutationObserver(() => {
        if (!pending || list().getAttribute('data-query') !== pending.q) return
        const t0 = pending.t0
        pending = null
        requestAnimationFrame(() => window.__snippetLatency.push(performance.now() - t0))
      }).observe(document.querySelector('[data-testid=snippet-panel]'), { subtree: true, childList: true, attributes: true, characterData: true })
    })()`)
    for (const phrase of ['领导小组着力加强', '安全生产责任制', '召开专题会议', '群众满意度稳步提高', '矛盾纠纷排查化解', '志愿服务活动']) {
      await box.fill('')
      await page.waitForTimeout(60)
      for (const ch of phrase) {
        await page.keyboard.insertText(ch)
        await page.waitForTimeout(60)
      }
    }
    await page.waitForTimeout(200)
    const samples = await page.evaluate<number[]>('window.__snippetLatency')
    report('snippets_keystroke_to_results_ms', samples, { stat: 'p95', max: 50 }, `browser shell, headless Chromium, ${COUNT.toLocaleString('en')} snippets: input event → results for that query in the list → next frame`)
  })
}

/** 200 documents of about 5,000 characters: our generated prose with stock paragraphs that recur, names and numbers varied. */
function harvestDocuments(): SummaryDocument[] {
  const r = rng(11)
  const towns = ['东山', '西岭', '南湖', '北坡', '青石', '白沙', '红旗', '金桥', '柳河', '松林']
  const stock = Array.from({ length: 40 }, () => prose(r, 60 + Math.floor(r() * 140)))
  return Array.from({ length: 200 }, (_, d) => {
    const town = towns[d % towns.length]!
    const paragraphs: string[] = []
    let length = 0
    while (length < 5000) {
      const p =
        r() < 0.35
          ? `${town}镇${stock[Math.floor(r() * stock.length)]!.replace(/\d+/g, () => String(1 + Math.floor(r() * 500)))}`
          : prose(r, 80 + Math.floor(r() * 220))
      paragraphs.push(p)
      length += p.length
    }
    return { version: 1, title: `${town}镇工作总结（${d + 1}）`, blocks: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })), figures: [] }
  })
}

async function benchHarvest(dataDir: string) {
  const services = createServices({ dataDir })
  const docs = harvestDocuments()
  const ids: string[] = []
  for (const doc of docs) ids.push((await callApi(services.handlers, 'documents.create', { title: doc.title, model: doc })).id)
  const characters = docs.reduce((n, d) => n + d.blocks.reduce((m, b) => m + (b.type === 'paragraph' ? b.children.reduce((k, c) => k + (c.type === 'text' ? c.text.length : 0), 0) : 0), 0), 0)
  const samples: number[] = []
  let groups = 0
  for (let i = 0; i < 4; i++) {
    samples.push(
      await time(async () => {
        const res = await services.dispatch('snippets.harvest', { documentIds: ids, files: [] })
        if (!res.ok) throw ApiError.from(res.error)
        groups = (res.result as { groups: unknown[] }).groups.length
      }),
    )
  }
  report('snippets_harvest_200_docs_ms', samples.slice(1), { stat: 'p95', max: 5000 }, `200 documents, ${characters.toLocaleString('en')} characters, read from the library; ${groups} groups proposed`)
  services.close()
}

/** Only the panel's keystroke figure, on a freshly built 100,000-snippet library (BENCH_ONLY=snippets-keystroke). */
export async function benchSnippetKeystroke(root: string): Promise<void> {
  await buildLibrary(root)
  await benchKeystroke(root)
}

const TEAM_COUNT = 10_000

/**
 * The same 10,000 generated snippets as team snippets in one library (mirrored by one full
 * snippets.teamSync batch, as after a connect) and as the writer's own in another; the same
 * queries, alternating between the two, so the team figure and the personal one come from the
 * same moments of the same run.
 */
export async function benchTeamSnippets(root: string) {
  const items = generatedSnippets(TEAM_COUNT, 23)
  const team = createServices({ dataDir: fs.mkdtempSync(path.join(root, 'team-')) })
  const personal = createServices({ dataDir: fs.mkdtempSync(path.join(root, 'personal-')) })
  const upserts = items.map((item, i) => ({
    id: `bench${String(i).padStart(8, '0')}`,
    entry: { title: item.title || '素材', body: item.body, category: item.category ?? '', tags: item.tags, by: '张三', updatedAt: 1_700_000_000_000 + i, state: 'shared' },
  }))
  let result: unknown
  const ms = await time(async () => (result = await callApi(team.handlers, 'snippets.teamSync', { upserts, removals: [], full: true })))
  console.log(JSON.stringify({ name: 'snippets_team_sync_10k_full_s', seconds: Math.round(ms / 100) / 10, result, note: 'setup, not a target: the first full sync of 10,000 team snippets into the local mirror with its full-text indexes' }))
  // a reconnect: the whole map again, nothing changed (what every member's app does on each connect)
  const again = await time(() => callApi(team.handlers, 'snippets.teamSync', { upserts, removals: [], full: true }))
  console.log(JSON.stringify({ name: 'snippets_team_resync_10k_unchanged_ms', ms: Math.round(again), note: 'a reconnect: the full batch of 10,000 unchanged team snippets checked and found unchanged (nothing re-indexed)' }))
  snippetStore(personal.library).importItems(items, [], { skipDuplicates: false })
  const r = rng(29)
  for (const services of [team, personal]) for (const q of ['工作', '安全', '领导小组']) await services.dispatch('snippets.search', { query: q })
  for (const length of [2, 4]) {
    const samples = { team: [] as number[], personal: [] as number[] }
    let teamHits = 0
    while (samples.team.length < 300) {
      const text = bodyToText(items[Math.floor(r() * items.length)]!.body).replace(/\{\{[^}]*\}\}/g, '')
      if (text.length < length) continue
      const at = Math.floor(r() * (text.length - length + 1))
      const query = text.slice(at, at + length)
      for (const which of ['team', 'personal'] as const) {
        const services = which === 'team' ? team : personal
        samples[which].push(
          await time(async () => {
            const res = await services.dispatch('snippets.search', { query, limit: 50 })
            if (!res.ok) throw ApiError.from(res.error)
            if (which === 'team') teamHits += (res.result as { hits: { library: string }[] }).hits.filter((h) => h.library === 'team').length
          }),
        )
      }
    }
    report(`snippets_team_search_${length}char_ms`, samples.team, { stat: 'p95', max: 10 }, `${TEAM_COUNT.toLocaleString('en')} team snippets beside the starter set, 300 queries cut from them (avg ${Math.round(teamHits / 300)} team hits shown), through dispatch`)
    report(`snippets_personal_10k_search_${length}char_ms`, samples.personal, { stat: 'p95', max: 10 }, `the same ${TEAM_COUNT.toLocaleString('en')} snippets as the writer's own, the same queries in the same run (the team figure's yardstick)`)
  }
  team.close()
  personal.close()
}

/** Returns the folder of the 100,000-snippet library, for the benchmarks that follow. */
export async function benchSnippets(root: string): Promise<string> {
  const big = fs.mkdtempSync(path.join(root, 'snippets-'))
  const items = await buildLibrary(big)
  await benchOpenLibrary(big)
  await benchSearch(big, items)
  await benchKeystroke(big)
  await benchHarvest(fs.mkdtempSync(path.join(root, 'harvest-')))
  await benchTeamSnippets(fs.mkdtempSync(path.join(root, 'team-snippets-')))
  return big
}
