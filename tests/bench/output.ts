/** Output benchmarks: a 100-page summary (65,000 characters) → DOCX, → PDF through the CLI, print preview page 1. */
import fs from 'node:fs'
import path from 'node:path'
import { runCli } from '../../electron/cli'
import { chromium } from 'playwright-core'
import { printViewHtml, renderExport } from '../../electron/services/output'
import { CHROMIUM_ARGS, findChromium } from '../../electron/services/output/pdf'
import type { SummaryDocument } from '../../shared/document/model'
import { countCharacters, documentPlainText } from '../../shared/document/text'
import { longSummary } from '../helpers/outputDocs'
import { storeDocument, withShellPage } from './shell'
import { toolbarClick } from '../helpers/shell'
import { markInterval, report, time } from './stats'

export async function benchOutput(dataDir: string): Promise<void> {
  const model = longSummary(65_000)
  const chars = countCharacters(documentPlainText(model))

  const docx: number[] = []
  for (let i = 0; i < 12; i++) docx.push(await time(() => renderExport({ model }, 'docx')))
  report('export_docx_65k_ms', docx.slice(2), { stat: 'median', max: 400 }, `${chars} characters, ${model.blocks.length} blocks: model → finished DOCX bytes (docx package + font table)`)

  await benchPdf(dataDir, model, chars)

  await storeDocument(dataDir, model, '')
  await withShellPage(dataDir, async (page) => {
    await page.locator('.doc-open').first().click()
    await page.locator('.document-body').waitFor()
    const samples: number[] = []
    for (let i = 0; i < 8; i++) {
      await page.evaluate(() => performance.clearMarks())
      await toolbarClick(page, '[data-testid=open-preview]')
      const ms = await markInterval(page, 'dd:preview-open', 'dd:preview-first-page')
      samples.push(ms)
      await page.click('[data-testid=preview-close]')
    }
    report('print_preview_first_page_65k_ms', samples.slice(1), { stat: 'median', max: 500 }, 'browser shell: click → print view built from the model, frame loaded, page 1 laid out (next frame)')
  })
}

/**
 * PDF through the CLI, and side by side in the same run (alternating, so load on the machine hits
 * both alike) headless Chromium alone printing the same HTML: start, load, the page's own
 * pagination, page.pdf with the same options, stop. Their ratio is our overhead.
 */
export async function benchPdf(dataDir: string, model: SummaryDocument, chars: number): Promise<void> {
  const json = path.join(dataDir, 'long.json')
  fs.writeFileSync(json, JSON.stringify(model))
  const html = await printViewHtml({ model })
  const pdf: number[] = []
  const alone: number[] = []
  const paging: number[] = []
  const quiet = { log: () => {}, error: (s: string) => console.error(s) }
  for (let i = 0; i < 8; i++) {
    const out = path.join(dataDir, `long-${i}.pdf`)
    pdf.push(await time(async () => {
      if ((await runCli(['export', json, '--pdf', out, '--data-dir', dataDir], quiet)) !== 0) throw new Error('export failed')
    }))
    alone.push(await time(() => chromiumAlone(html, paging)))
  }
  const pages = (fs.readFileSync(path.join(dataDir, 'long-0.pdf')).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  const ours = report('export_pdf_65k_cli_ms', pdf.slice(1), { stat: 'median', max: 2500 }, `${chars} characters → ${pages} pages: CLI export (services, headless Chromium start, the page's pagination, print, fingerprint info, atomic write)`)
  const bare = report('print_pdf_65k_chromium_alone_ms', alone.slice(1), undefined, 'the same print HTML printed by headless Chromium alone (launch, setContent, pagination script, page.pdf, close), alternating with the CLI runs')
  report('print_pages_script_65k_ms', paging.slice(1), undefined, 'of which: the pagination script in the page (measure, paginate, build the page boxes)')
  const ratio = Math.round((ours.median / bare.median) * 100) / 100
  console.log(JSON.stringify({ name: 'export_pdf_65k_ratio_vs_chromium', median: ratio, target: { max: 1.3 }, pass: ratio <= 1.3 }))

}

/** Headless Chromium alone printing `html` as the CLI's printer does; pushes the page script's own time. */
async function chromiumAlone(html: string, paging: number[]): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    await page.evaluate('window.ddPaged')
    paging.push(await page.evaluate<number>("performance.getEntriesByName('dd:pages').at(-1)?.duration ?? NaN"))
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
  } finally {
    await browser.close()
  }
}
