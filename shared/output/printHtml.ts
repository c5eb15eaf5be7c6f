/**
 * The print view: one self-contained HTML page rendered from the document model (never from the
 * editor's DOM), with @page rules for GB/T 9704's geometry and page numbers. Chromium prints it to
 * PDF (CLI, browser shell: headless Chromium; Electron: webContents.printToPDF / print), and the
 * app's print preview lays out the same page. Pure string building: no DOM.
 *
 * Every line of body text sits on the 28.95 pt line grid (fixed line height), 15.79 pt per
 * character (letter-spacing), so a full page holds 22 lines of 28 characters as in Word.
 */
import {
  CSS_CHAR_PITCH_PT, CSS_LETTER_SPACING_PT, cssFontFamily, HEADING_BOLD, HEADING_FONT, LINE_PITCH_PT, MARGIN_MM, PAGE_MM,
  PAGE_NUMBER, SEAL_MM, SIGNATURE_IMAGE_MM, SIZE_PT,
} from './layout'
import type { OutBlock, OutputDocument, Run } from './prepare'

export interface PrintAsset {
  /** data: URL (image/png or image/jpeg) */
  dataUrl: string
}

export interface PrintOptions {
  /** seal and signature images by asset id */
  assets?: ReadonlyMap<string, PrintAsset>
  /** extra CSS (the preview adds its screen layout) */
  extraCss?: string
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`

const INDENT_PT = 2 * CSS_CHAR_PITCH_PT
const PN_PAD_TOP_MM = PAGE_NUMBER.gapBelowTextMm - (PAGE_NUMBER.lineHeightPt / 2) * (25.4 / 72)

export function printCss(final?: { short: string; name: string }): string {
  const pn = `font-family: ${cssFontFamily('pageNumber')}; font-size: ${SIZE_PT.pageNumber}pt; line-height: ${PAGE_NUMBER.lineHeightPt}pt; letter-spacing: 0; vertical-align: top; padding-top: ${PN_PAD_TOP_MM.toFixed(2)}mm;`
  const mark = final
    ? `content: ${cssString(`定稿 ${final.short}${final.name ? ` · ${final.name}` : ''}`)}; font-family: ${cssFontFamily('body')}; font-size: 8pt; color: #555; vertical-align: bottom; padding-bottom: 12mm; letter-spacing: 0;`
    : ''
  return `
@page { size: ${PAGE_MM.width}mm ${PAGE_MM.height}mm; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; ${pn} text-align: right; padding-right: ${PAGE_NUMBER.insetPt}pt; }${mark ? ` @bottom-left { ${mark} text-align: left; }` : ''} }
@page :left { @bottom-left { content: "— " counter(page) " —"; ${pn} text-align: left; padding-left: ${PAGE_NUMBER.insetPt}pt; }${mark ? ` @bottom-right { ${mark} text-align: right; }` : ''} }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; }
.dd-doc { font-family: ${cssFontFamily('body')}; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PITCH_PT}pt; letter-spacing: ${CSS_LETTER_SPACING_PT}pt;
  text-align: justify; orphans: 1; widows: 1; text-spacing-trim: space-all; font-kerning: none; font-variant-east-asian: normal; word-break: normal; line-break: normal; overflow-wrap: anywhere; }
.dd-doc p, .dd-doc h1, .dd-doc h2, .dd-doc h3, .dd-doc h4, .dd-doc h5 { margin: 0; padding: 0; font-size: ${SIZE_PT.body}pt; font-weight: normal; }
.dd-doc .p, .dd-doc .h { text-indent: ${INDENT_PT}pt; }
.dd-doc .title { font-family: ${cssFontFamily('title')}; font-size: ${SIZE_PT.title}pt; text-align: center; letter-spacing: 0; text-indent: 0; }
.dd-doc .subtitle { font-family: ${cssFontFamily('heading2')}; text-align: center; text-indent: 0; }
.dd-doc .h1, .dd-doc .f-heading1 { font-family: ${cssFontFamily(HEADING_FONT[1])}; }
.dd-doc .h2, .dd-doc .f-heading2 { font-family: ${cssFontFamily(HEADING_FONT[2])}; }
.dd-doc .h3 .ht, .dd-doc h4.h3 { font-weight: ${HEADING_BOLD[3] ? 'bold' : 'normal'}; }
.dd-doc .rb { font-family: ${cssFontFamily('body')}; font-weight: normal; }
.dd-doc b { font-weight: bold; } .dd-doc i { font-style: italic; } .dd-doc u { text-decoration: underline; }
.dd-doc .unfilled { background: #fff3b0; }
.dd-doc .pb { break-after: page; height: 0; }
.dd-doc table { border-collapse: collapse; width: 100%; margin: 0; font-size: ${SIZE_PT.table}pt; line-height: 20pt; letter-spacing: 0; text-indent: 0; text-align: left; }
.dd-doc td, .dd-doc th { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; font-weight: normal; }
.dd-doc th { font-family: ${cssFontFamily('heading1')}; text-align: center; }
.dd-doc .caption { text-indent: 0; font-family: ${cssFontFamily('heading1')}; }
.dd-doc .sig { display: flex; justify-content: flex-end; margin-top: ${LINE_PITCH_PT}pt; padding-right: ${INDENT_PT}pt; text-indent: 0; text-align: left; break-inside: avoid; }
.dd-doc .sig .box { display: flex; flex-direction: column; align-items: flex-start; position: relative; }
.dd-doc .sig .date { padding-left: ${INDENT_PT}pt; }
.dd-doc .sig.sealed { margin-top: ${2 * LINE_PITCH_PT}pt; padding-right: ${2 * INDENT_PT}pt; }
.dd-doc .sig.sealed .box { align-items: center; }
.dd-doc .sig.sealed .date { padding-left: 0; }
.dd-doc .sig .seal { position: absolute; width: ${SEAL_MM}mm; left: 50%; top: ${-2 * LINE_PITCH_PT}pt; transform: translateX(-50%); mix-blend-mode: multiply; pointer-events: none; }
.dd-doc .sig .signimg { height: ${SIGNATURE_IMAGE_MM}mm; display: block; mix-blend-mode: multiply; }
`
}

function runsHtml(runs: readonly Run[]): string {
  let out = ''
  for (const r of runs) {
    let t = escapeHtml(r.text).replace(/\n/g, '<br>')
    if (r.underline) t = `<u>${t}</u>`
    if (r.italic) t = `<i>${t}</i>`
    if (r.bold) t = `<b>${t}</b>`
    if (r.unfilled) t = `<span class="unfilled">${t}</span>`
    out += t
  }
  return out
}

function blockHtml(b: OutBlock): string {
  const at = ` data-b="${b.index}"`
  switch (b.kind) {
    case 'heading': {
      const title = runsHtml(b.title)
      if (b.body !== undefined)
        return `<p class="h h${b.level} runin"${at}><span class="ht f-${HEADING_FONT[b.level]}">${escapeHtml(b.number)}${title}</span><span class="rb">${runsHtml(b.body)}</span></p>`
      const tag = `h${b.level + 1}`
      return `<${tag} class="h h${b.level}"${at}><span class="ht">${escapeHtml(b.number)}${title}</span></${tag}>`
    }
    case 'paragraph':
      return `<p class="p"${at}>${runsHtml(b.runs) || '<br>'}</p>`
    case 'table':
      return `<table${at}>${b.rows.map((row) => `<tr>${row.map((cell) => `<td>${runsHtml(cell) || '&nbsp;'}</td>`).join('')}</tr>`).join('')}</table>`
    case 'figureTable':
      return `<div${at}><p class="caption">${escapeHtml(b.caption)}</p><table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c) || '&nbsp;'}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></div>`
    case 'pageBreak':
      return `<div class="pb"${at}></div>`
  }
}

function signatureHtml(out: OutputDocument, assets: ReadonlyMap<string, PrintAsset> | undefined): string {
  const sig = out.signature
  if (!sig) return ''
  const seal = sig.sealAssetId ? assets?.get(sig.sealAssetId) : undefined
  const signImg = sig.signatureAssetId ? assets?.get(sig.signatureAssetId) : undefined
  const parts = [
    seal ? `<img class="seal" alt="印章" src="${escapeHtml(seal.dataUrl)}">` : '',
    sig.organization ? `<p class="org">${escapeHtml(sig.organization)}</p>` : '',
    signImg ? `<img class="signimg" alt="签名" src="${escapeHtml(signImg.dataUrl)}">` : '',
    sig.date ? `<p class="date">${escapeHtml(sig.date)}</p>` : '',
  ]
  return `<div class="sig${seal ? ' sealed' : ''}" data-part="signature"><div class="box">${parts.join('')}</div></div>`
}

/** The body of the print view (without <html>/<head>), e.g. for a preview that lays out pages itself. */
export function printBodyHtml(out: OutputDocument, opts: PrintOptions = {}): string {
  const head = [
    `<h1 class="title" data-part="title">${out.titleLines.map(escapeHtml).join('<br>') || '<br>'}</h1>`,
    out.subtitle ? `<p class="subtitle" data-part="subtitle">${escapeHtml(out.subtitle)}</p>` : '',
    '<p class="blank"><br></p>',
  ]
  return `<main class="dd-doc">${head.join('')}${out.blocks.map(blockHtml).join('')}${signatureHtml(out, opts.assets)}</main>`
}

export function printHtml(out: OutputDocument, opts: PrintOptions = {}): string {
  const meta = out.final ? `<meta name="draftdesk-fingerprint" content="${escapeHtml(out.final.fingerprint)}">` : ''
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(out.titleLines.join('') || '稿台文稿')}</title>${meta}<style>${printCss(out.final)}${opts.extraCss ?? ''}</style></head><body>${printBodyHtml(out, opts)}</body></html>`
}
