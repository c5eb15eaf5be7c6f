/**
 * A version read-only, as it would print: the print view (shared/output/printHtml.ts, the page the
 * PDF is made from) in a frame, as one continuous sheet. Nothing in it can be edited.
 */
import { useMemo } from 'react'
import type { SummaryDocument } from '../../../shared/document/model'
import { prepareOutput } from '../../../shared/output/prepare'
import { printHtml } from '../../../shared/output/printHtml'
import { MARGIN_MM, PAGE_MM } from '../../../shared/output/layout'
import { usePrintAssets } from '../output/assets'

/** One long A4-wide sheet on a grey ground, the text block where the page puts it. */
const SHEET_CSS = `
@media screen {
  html, body { background: #e6e8ec; }
  body { padding: 16px 0 32px; }
  .dd-doc { box-sizing: border-box; width: ${PAGE_MM.width}mm; min-height: 120mm; margin: 0 auto; background: #fff;
    padding: ${MARGIN_MM.top / 2}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom / 2}mm ${MARGIN_MM.left}mm; box-shadow: 0 1px 5px rgba(0,0,0,.25); }
}
`

export function RevisionView({ model, label }: { model: SummaryDocument; label: string }) {
  const assets = usePrintAssets(model)
  const html = useMemo(() => (assets ? printHtml(prepareOutput(model), { assets, extraCss: SHEET_CSS }) : null), [assets, model])
  return html ? <iframe className="revision-frame" title={label} srcDoc={html} sandbox="" data-testid="revision-view" /> : null
}
