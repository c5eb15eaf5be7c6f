/**
 * GB/T 9704-2012 (党政机关公文格式) in numbers: the one place the exporters (DOCX, print HTML/PDF)
 * take page geometry, the line and character grid, fonts and sizes from. The numbers are tabled in docs/output.md.
 *
 * Units: mm as the standard states them; twips (1/20 pt) and half-points for Word; pt for CSS.
 * The grid is computed, not typed in: Word puts floor(textHeight / linePitch) lines on a page and
 * floor(textWidth / charPitch) characters on a line, so the pitches are the largest values that
 * still give 22 × 28 with the margins as Word stores them (whole twips).
 */

export const MM_PER_INCH = 25.4
export const TWIPS_PER_INCH = 1440
export const PT_PER_INCH = 72

export const mmToTwips = (mm: number): number => Math.round((mm / MM_PER_INCH) * TWIPS_PER_INCH)
export const twipsToMm = (tw: number): number => (tw / TWIPS_PER_INCH) * MM_PER_INCH
export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH
export const ptToMm = (pt: number): number => (pt / PT_PER_INCH) * MM_PER_INCH

/** The standard's page: A4 and its white margins (天头 37, 订口 28). */
export const PAGE_MM = { width: 210, height: 297 } as const
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const
/** 版心 156 × 225 mm */
export const TEXT_BLOCK_MM = {
  width: PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom,
} as const
export const LINES_PER_PAGE = 22
export const CHARS_PER_LINE = 28

/** Font sizes in pt: 2号 22, 3号 16, 4号 14. */
export const SIZE_PT = { title: 22, body: 16, pageNumber: 14, table: 14, footnote: 9 } as const

/** Word's own A4 size in twips (what Word writes for A4). */
export const PAGE_TWIPS = { width: 11906, height: 16838 } as const
export const MARGIN_TWIPS = {
  top: mmToTwips(MARGIN_MM.top), // 2098
  bottom: mmToTwips(MARGIN_MM.bottom), // 1984
  left: mmToTwips(MARGIN_MM.left), // 1587
  right: mmToTwips(MARGIN_MM.right), // 1474
} as const
export const TEXT_TWIPS = {
  width: PAGE_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right, // 8845
  height: PAGE_TWIPS.height - MARGIN_TWIPS.top - MARGIN_TWIPS.bottom, // 12756
} as const

/** w:docGrid w:linePitch: the largest whole-twip pitch with 22 lines in the text block (579 = 28.95 pt). */
export const LINE_PITCH_TWIPS = Math.floor(TEXT_TWIPS.height / LINES_PER_PAGE)

/**
 * w:docGrid w:charSpace: added to the body size (16 pt), in 1/4096 pt, so that 28 characters fill
 * the line: the largest value with 28 × pitch ≤ text width (−842 → pitch 15.7944 pt).
 */
export const CHAR_SPACE = Math.floor(((TEXT_TWIPS.width / 20 / CHARS_PER_LINE) - SIZE_PT.body) * 4096)
/** The character pitch Word's grid gives, in pt (15.7944). */
export const GRID_CHAR_PITCH_PT = SIZE_PT.body + CHAR_SPACE / 4096

/**
 * How the text actually gets its 28 characters a line: a character spacing of −0.4 pt on 16 pt
 * characters (pitch 15.6 pt: 28 fit in 156 mm, 29 do not), on paragraphs that do not snap to the
 * character grid. Snapping would be the textbook way, but LibreOffice gives every character wider
 * than a grid cell two cells (14 characters a line), while a plain spacing gives 28 in Word, WPS
 * and LibreOffice alike. The grid is still declared (22 × 28 in Word's page setup).
 */
export const CHAR_SPACING_TWIPS = -8
export const CHAR_PITCH_PT = SIZE_PT.body + CHAR_SPACING_TWIPS / 20
/** One character in twips (indents "2 characters", signature offsets). */
export const CHAR_TWIPS = Math.round(CHAR_PITCH_PT * 20)

/** Line pitch in pt (28.95): every line of body text sits on it (fixed line spacing). */
export const LINE_PITCH_PT = LINE_PITCH_TWIPS / 20

/** The same in CSS: letter-spacing −0.4 pt, so a line holds 28 characters in the browser too. */
export const CSS_CHAR_PITCH_PT = CHAR_PITCH_PT
export const CSS_LETTER_SPACING_PT = CHAR_SPACING_TWIPS / 20

/**
 * Page numbers: 4号 宋体 "— 1 —", the 一字线 7 mm below the text block; odd pages right, even pages
 * left, one character (of the page number's own size) in from the text block's edge.
 */
export const PAGE_NUMBER = {
  gapBelowTextMm: 7,
  insetPt: SIZE_PT.pageNumber,
  /** the footer line's exact height (pt); the dash sits in its middle */
  lineHeightPt: 20,
} as const
/**
 * w:footer: distance from the page's bottom edge to the footer line's bottom, chosen so the middle of
 * the line (where the dash is) lands 7 mm below the text block.
 */
export const FOOTER_DISTANCE_TWIPS = mmToTwips(MARGIN_MM.bottom - PAGE_NUMBER.gapBelowTextMm - ptToMm(PAGE_NUMBER.lineHeightPt) / 2)

/** The font of each role, first the standard's name, then the usual Windows fallback, then Linux/macOS substitutes. */
export const FONTS = {
  title: { primary: '方正小标宋简体', fallback: '宋体', css: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'] },
  body: { primary: '仿宋_GB2312', fallback: '仿宋', css: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'] },
  heading1: { primary: '黑体', fallback: '黑体', css: ['黑体', 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'] },
  heading2: { primary: '楷体_GB2312', fallback: '楷体', css: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'] },
  pageNumber: { primary: '宋体', fallback: '宋体', css: ['宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'serif'] },
} as const
export type FontRole = keyof typeof FONTS

/** Which font each heading level uses (3–4 仿宋; level 3 bold). */
export const HEADING_FONT: Record<1 | 2 | 3 | 4, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' }
export const HEADING_BOLD: Record<1 | 2 | 3 | 4, boolean> = { 1: false, 2: false, 3: true, 4: false }

/** Title characters per line (22 pt in a 156 mm line). */
export const TITLE_CHARS_PER_LINE = Math.floor(mmToPt(TEXT_BLOCK_MM.width) / SIZE_PT.title)

/** Seal (印章) size: 4.2 cm, the usual diameter of an organization's seal. */
export const SEAL_MM = 42
/** Signature (签名) image height. */
export const SIGNATURE_IMAGE_MM = 15

/** CSS font-family list for a role. */
export function cssFontFamily(role: FontRole): string {
  return FONTS[role].css.map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ')
}

/**
 * The signature block (落款) by GB/T 9704-2012 §7.3.5, in lines and characters of the body grid:
 *   - sealed (7.3.5.1): 成文日期 右空四字, 署名 centred over it on the line above; the seal centred on
 *     the date, its top half a line below the last body line (the standard: within one line), so
 *     署名 and date sit a little below its centre;
 *   - unsealed (7.3.5.2): one blank line, 署名 右空二字, the date on the next line with its first
 *     character two characters right of the 署名's; a longer date sits 右空二字 and moves the 署名.
 */
export const SIGNATURE = {
  /** blank lines between the last body line and the 署名 */
  blankLinesSealed: 2,
  blankLinesUnsealed: 1,
  /** the seal's top below the last body line, in lines */
  sealTopLines: 0.5,
  /** 右空 in characters */
  dateRightSealedChars: 4,
  nameRightUnsealedChars: 2,
  dateShiftUnsealedChars: 2,
  /**
   * §7.3.5.4 allows adjusting a page's line and character spacing when the signature block does not
   * fit with the body ("可以采取调整行距、字距的措施解决") without saying by how much. Our bound: the
   * page may take one line more than its 22 — its body lines set at 22/23 of the pitch (27.69 pt
   * instead of 28.95 pt, 4.3 % closer), the characters' spacing untouched (so no line re-breaks) and
   * the signature block itself at its normal size. A page that needs more carries lines over.
   */
  tightestPitch: LINES_PER_PAGE / (LINES_PER_PAGE + 1),
} as const

/** Where the 署名 and date go: distances in pt from the text block's right edge to each line's right end. */
export interface SignaturePlacement {
  nameRightPt: number
  dateRightPt: number
  /** the date's left end from the text block's left edge (unsealed, date not longer than the rule allows) */
  dateLeftPt?: number
  /** the seal's centre from the text block's left edge (sealed) */
  sealCentrePt?: number
}

/** The placement for a 署名 and date of the given widths (pt) in a line of `lineWidthPt`. */
export function signaturePlacement(nameW: number, dateW: number, sealed: boolean, lineWidthPt: number): SignaturePlacement {
  const ch = CHAR_PITCH_PT
  if (sealed) {
    const dateRightPt = SIGNATURE.dateRightSealedChars * ch
    const boxW = dateW || nameW
    const nameRightPt = dateW ? Math.max(0, dateRightPt + (dateW - nameW) / 2) : dateRightPt
    return { nameRightPt, dateRightPt, sealCentrePt: lineWidthPt - dateRightPt - boxW / 2 }
  }
  const nameRightPt = SIGNATURE.nameRightUnsealedChars * ch
  const nameStart = lineWidthPt - nameRightPt - nameW
  const dateStart = nameStart + SIGNATURE.dateShiftUnsealedChars * ch
  if (dateStart + dateW <= lineWidthPt - SIGNATURE.nameRightUnsealedChars * ch) return { nameRightPt, dateRightPt: lineWidthPt - dateStart - dateW, dateLeftPt: dateStart }
  const dateRightPt = SIGNATURE.nameRightUnsealedChars * ch
  return { nameRightPt: dateRightPt + SIGNATURE.dateShiftUnsealedChars * ch + dateW - nameW, dateRightPt }
}
