/**
 * A version read-only, as it would print: the print view (shared/output/printHtml.ts, the page the
 * PDF is made from) in a frame, as one continuous sheet. Nothing in it can be edited.
 */
import { useEffect, useMemo, useState } from 'react'
import type { SummaryDocument } from '../../../shared/document/model'
import { prepareOutput } from '../../../shared/output/prepare'
import { printHtml, type PrintAsset } from '../../../shared/output/printHtml'
import { MARGIN_MM, PAGE_MM } from '../../../shared/output/layout'
import { useApi } from '../../app/ApiContext'
import { printAssetsFor } from '../output/assets'

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
  const api = useApi()
  const [assets, setAssets] = useState<Map<string, PrintAsset> | null>(null)
  useEffect(() => {
    let live = true
    void printAssetsFor(api, model).then((a) => live && setAssets(a))
    return () => {
      live = false
    }
  }, [api, model])
  const html = useMemo(() => (assets ? printHtml(prepareOutput(model), { assets, extraCss: SHEET_CSS }) : null), [assets, model])
  return html ? <iframe className="revision-frame" title={label} srcDoc={html} sandbox="" data-testid="revision-view" /> : null
}
