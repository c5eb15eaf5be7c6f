import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callApi, createServices } from '../../electron/services'
import type { SummaryDocument } from '../../shared/document/model'
import { launchChromium, startShell } from '../helpers/shell'

const doc: SummaryDocument = {
  version: 1, title: '2025年度宣传工作总结',
  blocks: [
    { type: 'paragraph', children: [{ type: 'text', text: '今年以来，共召开专题会议' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '，发放宣传资料' }, { type: 'figure', figureId: 'f2' }, { type: 'text', text: '，投入资金' }, { type: 'figure', figureId: 'f3' }, { type: 'text', text: '。' }] },
    { type: 'paragraph', children: [{ type: 'text', text: '全镇' }, { type: 'figure', figureId: 'f4' }, { type: 'text', text: '村全部建立台账，群众知晓率达到' }, { type: 'figure', figureId: 'f5' }, { type: 'text', text: '，调解率' }, { type: 'figure', figureId: 'f6' }, { type: 'text', text: '。再次发放宣传资料800余份。' }] },
    { type: 'figureTable' },
  ],
  figures: [
    { id: 'f1', name: '会议次数', value: null, unit: '次' },
    { id: 'f2', name: '发放宣传资料', value: 1000, qualifier: '余', unit: '份', lastYear: 800 },
    { id: 'f3', name: '投入资金', value: 560.49, unit: '万元' },
    { id: 'f4', name: '行政村数', value: 9, unit: '个', style: 'chinese' },
    { id: 'f5', name: '知晓率', value: 95, unit: '%', qualifier: '以上' },
    { id: 'f6', name: '调解率', value: null, unit: '%', formula: '调解数 ÷ 纠纷数 × 100' },
    { id: 'f7', name: '调解数', value: 36 },
    { id: 'f8', name: '纠纷数', value: 0 },
  ],
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-smoke-'))
const s = createServices({ dataDir })
await callApi(s.handlers, 'documents.create', { title: doc.title, model: doc })
s.close()
const shell = await startShell(dataDir)
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
page.on('pageerror', (e) => console.log('PAGEERROR', e.message))
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.text()) })
await page.goto(shell.url)
await page.click('.doc-open')
await page.locator('.document-body').waitFor()
await page.waitForTimeout(500)
console.log(await page.locator('.dd-figure').allInnerTexts())
await page.click('[data-testid=figure-panel-toggle]')
await page.waitForTimeout(500)
await page.screenshot({ path: '/tmp/ddsmoke/panel.png' })
console.log(await page.locator('.figure-grid tbody tr').count())
await browser.close(); await shell.stop()
