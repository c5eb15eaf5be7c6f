/** Output benchmarks: a 100-page summary (65,000 characters) → DOCX, → PDF through the CLI, print preview page 1. */
import fs from 'node:fs'
import path from 'node:path'
import { runCli } from '../../electron/cli'
import { renderExport } from '../../electron/services/output'
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

  const json = path.join(dataDir, 'long.json')
  fs.writeFileSync(json, JSON.stringify(model))
  const pdf: number[] = []
  const quiet = { log: () => {}, error: (s: string) => console.error(s) }
  for (let i = 0; i < 6; i++) {
    const out = path.join(dataDir, `long-${i}.pdf`)
    pdf.push(await time(async () => {
      if ((await runCli(['export', json, '--pdf', out, '--data-dir', dataDir], quiet)) !== 0) throw new Error('export failed')
    }))
  }
  const pages = (fs.readFileSync(path.join(dataDir, 'long-0.pdf')).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  report('export_pdf_65k_cli_ms', pdf.slice(1), { stat: 'median', max: 2500 }, `${chars} characters → ${pages} pages: CLI export (services, headless Chromium start, print, fingerprint info, atomic write)`)

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
