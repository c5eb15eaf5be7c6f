import { chromium } from 'playwright-core'
import { prepareOutput } from './shared/output/prepare'
import { printHtml } from './shared/output/printHtml'
import { pageScript } from './electron/services/output/pageScript'
import { CHROMIUM_ARGS } from './electron/services/output/pdf'
import { longSummary } from './tests/helpers/outputDocs'
const t = () => performance.now()
let t0 = t()
const script = await pageScript()
console.log('script build', (t() - t0).toFixed(0))
const html = printHtml(prepareOutput(longSummary(65_000)), { script })
for (let run = 0; run < 3; run++) {
  for (const variant of ['paged', 'tagged', 'plain']) {
    const lap: Record<string, number> = {}
    let s = t()
    const mark = (k: string) => { const n = t(); lap[k] = Math.round(n - s); s = n }
    const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }); mark('launch')
    const page = await b.newPage(); mark('newPage')
    await page.setContent(variant === 'plain' ? html.replace(/<script>[\s\S]*<\/script>/, '') : html, { waitUntil: 'load' }); mark('setContent')
    const r = await page.evaluate('window.ddPaged ? window.ddPaged : document.fonts.ready.then(() => null)'); mark('paged')
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: variant === 'tagged', outline: variant === 'tagged' }); mark('pdf')
    await b.close(); mark('close')
    console.log(variant, JSON.stringify(lap), (r as { pages: number } | null)?.pages)
  }
}
