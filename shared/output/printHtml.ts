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
  CSS_CHAR_PITCH_PT, TEXT_BLOCK_MM, CSS_LETTER_SPACING_PT, cssFontFamily, HEADING_BOLD, HEADING_FONT, LINE_PITCH_PT, MARGIN_MM, PAGE_MM,
  PAGE_NUMBER, SEAL_MM, SIGNATURE, SIGNATURE_IMAGE_MM, SIZE_PT,
} from './layout'
import type { OutBlock, OutputDocument, OutputSignature, Run } from './prepare'
import { tableHeaderRows } from './tables'

export interface PrintAsset {
  /** data: URL (image/png or image/jpeg) */
  dataUrl: string
}

export interface PrintOptions {
  /** seal and signature images by asset id */
  assets?: ReadonlyMap<string, PrintAsset>
  /** extra CSS (the preview adds its screen layout) */
  extraCss?: string
  /**
   * The paginating script (print/script.ts bundled), carried inline so that whatever prints the page
   * (headless Chromium, Electron) lays out the same pages as the preview. Without it the page is the
   * bare flow, for a caller that lays the pages out itself (the preview).
   */
  script?: string
  /** print "定稿 xxxx · name" small at the foot of every page (GB/T 9704 has no such mark: only on request) */
  printMark?: boolean
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const INDENT_PT = 2 * CSS_CHAR_PITCH_PT
/**
 * GB/T 9704-2012 §7.3.5, with the numbers the DOCX uses (`SIGNATURE` in layout.ts): unsealed, the
 * name 右空二字 (the date, 2 characters right of the name's first, pushes the name left when it is
 * longer); sealed, the date 右空四字 and the name centred over it whatever its length.
 */
export const SIG_RIGHT_PT = {
  unsealed: SIGNATURE.nameRightUnsealedChars * CSS_CHAR_PITCH_PT,
  sealed: SIGNATURE.dateRightSealedChars * CSS_CHAR_PITCH_PT,
} as const
const SIG_DATE_SHIFT_PT = SIGNATURE.dateShiftUnsealedChars * CSS_CHAR_PITCH_PT
/** the seal's top, from the 署名's line: at the last body line's foot (the DOCX drops it half a line
 *  more, SIGNATURE.sealTopLines: both within the standard's one line) */
const SEAL_TOP_PT = -SIGNATURE.blankLinesSealed * LINE_PITCH_PT
const PN_PAD_TOP_MM = PAGE_NUMBER.gapBelowTextMm - (PAGE_NUMBER.lineHeightPt / 2) * (25.4 / 72)

const PX_MM = (mm: number) => `${mm}mm`
const PN_TOP_MM = MARGIN_MM.top + TEXT_BLOCK_MM.height + PN_PAD_TOP_MM

/**
 * The print view's CSS. The flow (`main.dd-doc`) is laid out at the text block's width; print/pages.ts
 * measures it and builds one `.page` box per A4 sheet (margins, page numbers and the optional 定稿 mark
 * placed inside the box), so the sheet itself has no margin and every box is exactly one sheet.
 */
export function printCss(): string {
  const pn = `font-family: ${cssFontFamily('pageNumber')}; font-size: ${SIZE_PT.pageNumber}pt; line-height: ${PAGE_NUMBER.lineHeightPt}pt; letter-spacing: 0; white-space: nowrap;`
  return `
@page { size: ${PAGE_MM.width}mm ${PAGE_MM.height}mm; margin: 0; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; }
main.dd-doc { width: ${PX_MM(TEXT_BLOCK_MM.width)}; margin-left: ${PX_MM(MARGIN_MM.left)}; }
.page { position: relative; width: ${PAGE_MM.width}mm; height: ${PAGE_MM.height}mm; overflow: hidden; background: #fff; break-after: page; break-inside: avoid; }
.page:last-child { break-after: auto; }
.page .area { position: absolute; left: ${MARGIN_MM.left}mm; top: ${MARGIN_MM.top}mm; width: ${TEXT_BLOCK_MM.width}mm; height: ${TEXT_BLOCK_MM.height}mm; }
.page .pn { position: absolute; top: ${PN_TOP_MM.toFixed(2)}mm; ${pn} }
.page.odd .pn { right: calc(${MARGIN_MM.right}mm + ${PAGE_NUMBER.insetPt}pt); }
.page.even .pn { left: calc(${MARGIN_MM.left}mm + ${PAGE_NUMBER.insetPt}pt); }
.page .fm { position: absolute; bottom: 12mm; font-family: ${cssFontFamily('body')}; font-size: 8pt; color: #555; white-space: nowrap; }
.page.odd .fm { left: ${MARGIN_MM.left}mm; }
.page.even .fm { right: ${MARGIN_MM.right}mm; }
.dd-doc { font-family: ${cssFontFamily('body')}; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PITCH_PT}pt; letter-spacing: ${CSS_LETTER_SPACING_PT}pt;
  text-align: justify; orphans: 1; widows: 1; text-spacing-trim: space-all; font-kerning: none; font-variant-east-asian: normal; word-break: normal; line-break: normal; overflow-wrap: anywhere; }
.dd-doc p, .dd-doc h1, .dd-doc h2, .dd-doc h3, .dd-doc h4, .dd-doc h5 { margin: 0; padding: 0; font-size: ${SIZE_PT.body}pt; font-weight: normal; }
.dd-doc .p, .dd-doc .h { text-indent: ${INDENT_PT}pt; }
.dd-doc .cont { text-indent: 0; }
.dd-doc .p.to { text-indent: 0; }
.dd-doc .split { text-align-last: justify; }
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
/* §7.3.5.4: a page closed up to keep the 落款 with the body (print/pages.ts sets --dd-pitch): its
   lines of text nearer together, tables and the 落款 as they are */
.page.tight .area > :not(table):not(.sig) { line-height: calc(${LINE_PITCH_PT}pt * var(--dd-pitch, 1)); }
${signatureCss('.dd-doc')}
`
}

/**
 * The 落款's CSS under `scope`: the print view's (scope `.dd-doc`), and the editor's page view, which
 * draws the same block over its last page (renderer/features/pageview/SignatureOverlay.tsx), so both
 * put the 署名, date and seal at the same place. With `base`, the body text's font and grid too.
 */
export function signatureCss(scope: string, base = false): string {
  const font = base
    ? `${scope} { font-family: ${cssFontFamily('body')}; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PITCH_PT}pt; letter-spacing: ${CSS_LETTER_SPACING_PT}pt; text-spacing-trim: space-all; font-kerning: none; font-variant-east-asian: normal; }
${scope} .sig p { margin: 0; padding: 0; font-size: ${SIZE_PT.body}pt; font-weight: normal; }
`
    : ''
  return `${font}${scope} .sig { display: flex; justify-content: flex-end; padding-top: ${SIGNATURE.blankLinesUnsealed * LINE_PITCH_PT}pt; padding-right: ${SIG_RIGHT_PT.unsealed}pt; text-indent: 0; text-align: left; }
${scope} .sig .box { display: flex; flex-direction: column; align-items: flex-start; position: relative; }
${scope} .sig .org, ${scope} .sig .date { white-space: nowrap; }
${scope} .sig .date { padding-left: ${SIG_DATE_SHIFT_PT}pt; }
${scope} .sig.sealed { padding-top: ${SIGNATURE.blankLinesSealed * LINE_PITCH_PT}pt; padding-right: ${SIG_RIGHT_PT.sealed}pt; }
${scope} .sig.sealed .box { align-items: stretch; }
/* the name centred over the date whatever its length: its box takes no width (inline-size
   containment), and a centred flex item overflows both sides equally. In flow, not positioned, so
   the PDF's text keeps the reading order name → date (verify reads it). */
${scope} .sig.sealed .org { display: flex; justify-content: center; contain: inline-size; height: ${LINE_PITCH_PT}pt; }
${scope} .sig.sealed .org span { flex: none; }
${scope} .sig.sealed .signimg { align-self: center; }
${scope} .sig.sealed .date { padding-left: 0; }
${scope} .sig .seal { position: absolute; width: ${SEAL_MM}mm; left: 50%; top: ${SEAL_TOP_PT}pt; transform: translateX(-50%); mix-blend-mode: multiply; pointer-events: none; }
${scope} .sig .signimg { height: ${SIGNATURE_IMAGE_MM}mm; display: block; mix-blend-mode: multiply; }
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
      return `<p class="p${b.addressee ? ' to' : ''}"${at}>${runsHtml(b.runs) || '<br>'}</p>`
    case 'table': {
      // the header row (shared/output/tables.ts) in <thead>: print/pages.ts repeats it on every page
      const tr = (row: Run[][]) => `<tr>${row.map((cell) => `<td>${runsHtml(cell) || '&nbsp;'}</td>`).join('')}</tr>`
      const head = tableHeaderRows(b.rows.length)
      const thead = head ? `<thead>${b.rows.slice(0, head).map(tr).join('')}</thead>` : ''
      return `<table${at}>${thead}<tbody>${b.rows.slice(head).map(tr).join('')}</tbody></table>`
    }
    case 'figureTable':
      return `<p class="caption"${at}>${escapeHtml(b.caption)}</p><table class="figures"><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c) || '&nbsp;'}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    case 'pageBreak':
      return `<div class="pb"${at}></div>`
  }
}

/** The 落款 block (署名, signature image, date, seal): the print view's, and the page view's copy of it. */
export function signatureHtml(sig: OutputSignature | undefined, assets: ReadonlyMap<string, PrintAsset> | undefined): string {
  if (!sig) return ''
  const seal = sig.sealAssetId ? assets?.get(sig.sealAssetId) : undefined
  const signImg = sig.signatureAssetId ? assets?.get(sig.signatureAssetId) : undefined
  const parts = [
    seal ? `<img class="seal" alt="印章" src="${escapeHtml(seal.dataUrl)}">` : '',
    sig.organization ? (seal ? `<p class="org"><span>${escapeHtml(sig.organization)}</span></p>` : `<p class="org">${escapeHtml(sig.organization)}</p>`) : '',
    signImg ? `<img class="signimg" alt="签名" src="${escapeHtml(signImg.dataUrl)}">` : '',
    sig.date ? `<p class="date">${escapeHtml(sig.date)}</p>` : '',
  ]
  return `<div class="sig${seal ? ' sealed' : ''}" data-part="signature"><div class="box">${parts.join('')}</div></div>`
}

/** The body of the print view (without <html>/<head>), e.g. for a preview that lays out pages itself. */
export function printBodyHtml(out: OutputDocument, opts: PrintOptions = {}): string {
  const mark = opts.printMark && out.final ? ` data-mark="${escapeHtml(`定稿 ${out.final.short}${out.final.name ? ` · ${out.final.name}` : ''}`)}"` : ''
  const head = [
    `<h1 class="title" data-part="title">${out.titleLines.map(escapeHtml).join('<br>') || '<br>'}</h1>`,
    out.subtitle ? `<p class="subtitle" data-part="subtitle">${escapeHtml(out.subtitle)}</p>` : '',
    '<p class="blank"><br></p>',
  ]
  return `<main class="dd-doc"${mark}>${head.join('')}${out.blocks.map(blockHtml).join('')}${signatureHtml(out.signature, opts.assets)}</main>`
}

export function printHtml(out: OutputDocument, opts: PrintOptions = {}): string {
  const meta = out.final ? `<meta name="draftdesk-fingerprint" content="${escapeHtml(out.final.fingerprint)}">` : ''
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(out.titleLines.join('') || '稿台文稿')}</title>${meta}<style>${printCss()}${opts.extraCss ?? ''}</style></head><body>${printBodyHtml(out, opts)}${opts.script ? `<script>${opts.script.replace(/<\/(script)/gi, '<\\/$1')}</script>` : ''}</body></html>`
}
