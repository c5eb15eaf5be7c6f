/** The print preview's screen layout: A4 sheets with the text block, page numbers and 定稿 mark placed as @page places them. */
import { cssFontFamily, MARGIN_MM, PAGE_MM, PAGE_NUMBER, SIZE_PT, TEXT_BLOCK_MM } from '../../../shared/output/layout'

const pnTopMm = MARGIN_MM.top + TEXT_BLOCK_MM.height + PAGE_NUMBER.gapBelowTextMm - (PAGE_NUMBER.lineHeightPt / 2) * (25.4 / 72)

export const PREVIEW_CSS = `
@media screen {
  html, body { background: #d9dce1; margin: 0; }
  .pages { display: flex; flex-direction: column; align-items: center; gap: 14px; padding: 14px 0 40px; }
  .page { position: relative; width: ${PAGE_MM.width}mm; height: ${PAGE_MM.height}mm; background: #fff; box-shadow: 0 1px 5px rgba(0,0,0,.28); flex: none; overflow: hidden; }
  .page .area { position: absolute; left: ${MARGIN_MM.left}mm; top: ${MARGIN_MM.top}mm; width: ${TEXT_BLOCK_MM.width}mm; height: ${TEXT_BLOCK_MM.height}mm; overflow: hidden; }
  .page .pn { position: absolute; top: ${pnTopMm.toFixed(2)}mm; font-family: ${cssFontFamily('pageNumber')}; font-size: ${SIZE_PT.pageNumber}pt; line-height: ${PAGE_NUMBER.lineHeightPt}pt; white-space: nowrap; }
  .page.odd .pn { right: calc(${MARGIN_MM.right}mm + ${PAGE_NUMBER.insetPt}pt); }
  .page.even .pn { left: calc(${MARGIN_MM.left}mm + ${PAGE_NUMBER.insetPt}pt); }
  .page .fm { position: absolute; bottom: 12mm; font-family: ${cssFontFamily('body')}; font-size: 8pt; color: #555; white-space: nowrap; }
  .page.odd .fm { left: ${MARGIN_MM.left}mm; }
  .page.even .fm { right: ${MARGIN_MM.right}mm; }
  .dd-doc .cont { text-indent: 0 !important; }
  .dd-doc .split { text-align-last: justify; }
}
@media print { .pages { display: none; } }
`
