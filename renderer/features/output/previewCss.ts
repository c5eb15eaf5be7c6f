/**
 * The print preview's screen dress: grey desk, sheets with a shadow and a gap. The sheets themselves
 * (size, text block, page numbers) are the print view's own `.page` boxes (shared/output/printHtml.ts),
 * built by print/pages.ts exactly as the PDF printers build them.
 */
export const PREVIEW_CSS = `
@media screen {
  html, body { background: #d9dce1; margin: 0; }
  .pages { display: flex; flex-direction: column; align-items: center; gap: 14px; padding: 14px 0 40px; }
  .page { box-shadow: 0 1px 5px rgba(0,0,0,.28); flex: none; }
  .page .area { overflow: hidden; }
}
@media print { .pages { display: block; gap: 0; padding: 0; } }
`
