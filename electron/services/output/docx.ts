/**
 * DOCX in the GB/T 9704-2012 layout, built with the docx package from the prepared output
 * (shared/output/prepare.ts). All the standard's numbers come from shared/output/layout.ts.
 *
 *   - A4, margins 37/35/28/26 mm; a document grid of 22 lines × 28 characters (w:docGrid
 *     linesAndChars, linePitch 579, charSpace −842); every line at an exact 28.95 pt.
 *   - Styles: Normal (仿宋_GB2312 16 pt, first line indented 2 characters), Title (方正小标宋简体
 *     22 pt), and Word's built-in Heading 1–4 (黑体 / 楷体_GB2312 / 仿宋 bold / 仿宋) with outline
 *     levels, so Word's and WPS's navigation pane show the outline.
 *   - Heading numbers are real multi-level numbering linked to those styles (一、 / （一） / 1. / （1）,
 *     chineseCounting), so moving or inserting a heading in Word renumbers the rest.
 *   - Page numbers "— 1 —" 14 pt 宋体: odd pages right, even pages left, one character in.
 *   - Fonts are named, never embedded; the font table gives each standard font its usual
 *     fallback (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体, 楷体_GB2312 → 楷体) as w:altName.
 */
import {
  AlignmentType, Document, DocumentGridType, Footer, HorizontalPositionRelativeFrom, ImageRun, LevelFormat, LevelSuffix, LineRuleType, Packer,
  PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, TextWrappingType, VerticalAlignTable, VerticalPositionRelativeFrom, WidthType,
  type IParagraphOptions, type IRunOptions, type ParagraphChild,
} from 'docx'
import JSZip from 'jszip'
import {
  CHAR_PITCH_PT, CHAR_SPACE, CHAR_SPACING_TWIPS, CHAR_TWIPS, FONTS, FOOTER_DISTANCE_TWIPS, HEADING_BOLD, HEADING_FONT, LINE_PITCH_TWIPS, MARGIN_TWIPS, PAGE_NUMBER, PAGE_TWIPS,
  SEAL_MM, SIGNATURE_IMAGE_MM, SIZE_PT, TEXT_TWIPS, type FontRole,
} from '../../../shared/output/layout'
import type { FinalMark, OutBlock, OutputDocument, Run } from '../../../shared/output/prepare'

export interface ImageAsset {
  data: Uint8Array
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
}

export interface DocxOptions {
  assets?: ReadonlyMap<string, ImageAsset>
  /** core property "creator" */
  creator?: string
}

export const NUMBERING_REF = 'gbt9704-headings'
export const FINGERPRINT_PROPERTY = 'DraftDeskFingerprint'

const EXACT = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const
// twips, not w:firstLineChars: LibreOffice 7 drops a chars-based indent on paragraphs after a numbered one
const INDENT_2 = { left: 0, firstLine: 2 * CHAR_TWIPS } as const
const EMU_PER_MM = 36000
/** Every paragraph: no widow/orphan control, so each full page holds all 22 lines (as the browser's print does). */
const para = (o: IParagraphOptions) => new Paragraph({ widowControl: false, ...o })
const PX_PER_MM = 96 / 25.4

function font(role: FontRole): IRunOptions['font'] {
  const name = FONTS[role].primary
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name }
}

const size = (pt: number) => pt * 2

function textRuns(runs: readonly Run[], base: Partial<IRunOptions> = {}): TextRun[] {
  const out: TextRun[] = []
  for (const r of runs) {
    const lines = r.text.split('\n')
    lines.forEach((line, i) => {
      const opts: IRunOptions = {
        ...base,
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(r.bold ? { bold: true } : {}),
        ...(r.italic ? { italics: true } : {}),
        ...(r.underline ? { underline: {} } : {}),
        ...(r.unfilled ? { highlight: 'yellow' } : {}),
      }
      out.push(new TextRun(opts))
    })
  }
  return out
}

function headingParagraph(b: Extract<OutBlock, { kind: 'heading' }>): Paragraph {
  const children: ParagraphChild[] = [...textRuns(b.title)]
  if (b.body) children.push(...textRuns(b.body, { font: font('body'), bold: false }))
  return para({ style: `Heading${b.level}`, children, ...(b.body ? { keepNext: false } : {}) })
}

function cellParagraphs(runs: readonly Run[], opts: { header?: boolean; center?: boolean } = {}): Paragraph[] {
  const base: Partial<IRunOptions> = { font: font(opts.header ? 'heading1' : 'body'), size: size(SIZE_PT.table), characterSpacing: 0 }
  return [
    para({
      style: 'TableText',
      ...(opts.center ? { alignment: AlignmentType.CENTER } : {}),
      children: textRuns(runs.length ? runs : [{ text: '' }], base),
    }),
  ]
}

function table(rows: readonly (readonly Run[])[][], header?: readonly string[]): Table {
  const width = Math.max(1, header?.length ?? 0, ...rows.map((r) => r.length))
  const columnWidth = Math.floor(TEXT_TWIPS.width / width)
  const pad = (r: readonly (readonly Run[])[]) => [...r, ...Array<Run[]>(width - r.length).fill([])]
  const tableRows: TableRow[] = []
  if (header)
    tableRows.push(new TableRow({ tableHeader: true, children: header.map((h) => new TableCell({ verticalAlign: VerticalAlignTable.CENTER, children: cellParagraphs([{ text: h }], { header: true, center: true }) })) }))
  for (const row of rows)
    tableRows.push(new TableRow({ children: pad(row).map((cell) => new TableCell({ verticalAlign: VerticalAlignTable.CENTER, children: cellParagraphs(cell) })) }))
  return new Table({ rows: tableRows, width: { size: TEXT_TWIPS.width, type: WidthType.DXA }, columnWidths: Array<number>(width).fill(columnWidth) })
}

/** Width of a line of body text in pt: CJK one grid character, others half (plus the grid's adjustment). */
function textWidthPt(text: string): number {
  let w = 0
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 && ch !== '—' ? SIZE_PT.body / 2 + CHAR_SPACING_TWIPS / 20 : CHAR_PITCH_PT
  return w
}

const blankLine = () => para({ style: 'Blank', children: [] })

/** The 署名 and 成文日期 as GB/T 9704 §7.3.5 lays them out. */
function signatureBlock(out: OutputDocument, assets: ReadonlyMap<string, ImageAsset> | undefined): Paragraph[] {
  const sig = out.signature
  if (!sig) return []
  const L = TEXT_TWIPS.width / 20
  const ch = CHAR_PITCH_PT
  const nameW = textWidthPt(sig.organization)
  const dateW = sig.date ? textWidthPt(sig.date) : 0
  const seal = sig.sealAssetId ? assets?.get(sig.sealAssetId) : undefined
  const signImg = sig.signatureAssetId ? assets?.get(sig.signatureAssetId) : undefined
  const paras: Paragraph[] = []
  let nameRight: number
  let dateRight = 0
  /** set when the date is placed from the left (its first character under the name's third) */
  let dateLeft: number | undefined
  if (seal) {
    // sealed: the date 4 characters in from the right, the name centred over it, the seal over both
    dateRight = 4 * ch
    nameRight = Math.max(0, dateRight + (dateW - nameW) / 2)
    const boxCentre = L - dateRight - (sig.date ? dateW : nameW) / 2
    const sealW = SEAL_MM
    const sealH = (SEAL_MM * seal.height) / Math.max(1, seal.width)
    const anchor = para({
      style: 'Blank',
      children: [
        new ImageRun({
          type: seal.mime === 'image/png' ? 'png' : 'jpg',
          data: seal.data,
          transformation: { width: Math.round(sealW * PX_PER_MM), height: Math.round(sealH * PX_PER_MM) },
          floating: {
            horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: Math.round(((boxCentre * 25.4) / 72 - sealW / 2) * EMU_PER_MM) },
            verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: 0 },
            allowOverlap: true,
            // a JPEG has no transparency: behind the text, so the name and date stay readable
            behindDocument: seal.mime === 'image/jpeg',
            wrap: { type: TextWrappingType.NONE },
          },
          altText: { name: '印章', description: '印章', title: '印章' },
        }),
      ],
    })
    paras.push(anchor, blankLine())
  } else {
    // unsealed: the name 2 characters in from the right; the date's first character 2 characters
    // right of the name's (placed from the left, so it does not depend on the digits' width); a date
    // longer than that sits 2 in from the right and pushes the name left
    nameRight = 2 * ch
    const nameStart = L - nameRight - nameW
    if (nameStart + 2 * ch + dateW <= L - 2 * ch) dateLeft = nameStart + 2 * ch
    else {
      dateRight = 2 * ch
      nameRight = 4 * ch + dateW - nameW
    }
    paras.push(blankLine())
  }
  const right = (pt: number) => ({ right: Math.max(0, Math.round(pt * 20)), left: 0, firstLine: 0 })
  if (sig.organization) paras.push(para({ style: 'Signature', indent: right(nameRight), children: textRuns([{ text: sig.organization }]) }))
  if (signImg) {
    const h = SIGNATURE_IMAGE_MM
    const w = (h * signImg.width) / Math.max(1, signImg.height)
    paras.push(
      para({
        style: 'Signature',
        indent: right(nameRight),
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new ImageRun({ type: signImg.mime === 'image/png' ? 'png' : 'jpg', data: signImg.data, transformation: { width: Math.round(w * PX_PER_MM), height: Math.round(h * PX_PER_MM) }, altText: { name: '签名', description: '签名', title: '签名' } })],
      }),
    )
  }
  if (sig.date)
    paras.push(
      dateLeft === undefined
        ? para({ style: 'Signature', indent: right(dateRight), children: textRuns([{ text: sig.date }]) })
        : para({ style: 'Signature', alignment: AlignmentType.LEFT, indent: { left: Math.round(dateLeft * 20), right: 0, firstLine: 0 }, children: textRuns([{ text: sig.date }]) }),
    )
  return paras
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  const run = { font: font('pageNumber'), size: size(SIZE_PT.pageNumber), characterSpacing: 0 }
  return new Footer({
    children: [
      para({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: PAGE_NUMBER.insetPt * 20, left: 0, firstLine: 0 } : { left: PAGE_NUMBER.insetPt * 20, firstLine: 0 },
        spacing: { line: PAGE_NUMBER.lineHeightPt * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ ...run, text: '— ' }), new TextRun({ ...run, children: [PageNumber.CURRENT] }), new TextRun({ ...run, text: ' —' })],
      }),
    ],
  })
}

function headingLevel(level: 1 | 2 | 3 | 4) {
  const formats = { 1: LevelFormat.CHINESE_COUNTING, 2: LevelFormat.CHINESE_COUNTING, 3: LevelFormat.DECIMAL, 4: LevelFormat.DECIMAL }
  const texts = { 1: '%1、', 2: '（%2）', 3: '%3.', 4: '（%4）' }
  return {
    level: level - 1,
    format: formats[level],
    text: texts[level],
    start: 1,
    suffix: LevelSuffix.NOTHING,
    alignment: AlignmentType.LEFT,
    style: {
      run: { font: font(HEADING_FONT[level]), size: size(SIZE_PT.body), bold: HEADING_BOLD[level] },
      paragraph: { indent: INDENT_2 },
      style: `Heading${level}`,
    },
  }
}

function headingStyle(level: 1 | 2 | 3 | 4) {
  return {
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(HEADING_FONT[level]), size: size(SIZE_PT.body), bold: HEADING_BOLD[level], italics: false, color: '000000' },
    paragraph: {
      spacing: EXACT,
      indent: INDENT_2,
      outlineLevel: level - 1,
      keepNext: true,
      alignment: AlignmentType.JUSTIFIED,
      numbering: { reference: NUMBERING_REF, level: level - 1 },
    },
  }
}

export function buildDocxDocument(out: OutputDocument, opts: DocxOptions = {}): Document {
  const children: (Paragraph | Table)[] = []
  const titleRun = { font: font('title'), size: size(SIZE_PT.title), characterSpacing: 0 }
  children.push(
    para({
      style: 'Title',
      children: out.titleLines.flatMap((line, i) => [new TextRun({ ...titleRun, text: line, ...(i > 0 ? { break: 1 } : {}) })]),
    }),
  )
  if (out.subtitle) children.push(para({ style: 'Subtitle', children: textRuns([{ text: out.subtitle }]) }))
  children.push(blankLine())
  for (const b of out.blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(headingParagraph(b))
        break
      case 'paragraph':
        children.push(para({ style: 'Normal', indent: INDENT_2, children: textRuns(b.runs) }))
        break
      case 'table':
        if (b.rows.length) children.push(table(b.rows))
        break
      case 'figureTable':
        children.push(para({ style: 'Caption2', children: [new TextRun({ text: b.caption })] }))
        children.push(table(b.rows.map((r) => r.map((c) => [{ text: c }])), b.header))
        break
      case 'pageBreak':
        children.push(para({ style: 'Blank', children: [new PageBreak()] }))
        break
    }
  }
  children.push(...signatureBlock(out, opts.assets))

  const final: FinalMark | undefined = out.final
  return new Document({
    title: out.titleLines.join(''),
    creator: final?.author || opts.creator || '稿台 DraftDesk',
    lastModifiedBy: final?.author || opts.creator || '稿台 DraftDesk',
    description: final ? `定稿「${final.name}」 ${final.short}` : '稿台 DraftDesk',
    ...(final ? { keywords: `定稿 ${final.short} ${final.fingerprint}`, subject: `定稿 ${final.short}` } : {}),
    customProperties: final
      ? [
          { name: FINGERPRINT_PROPERTY, value: final.fingerprint },
          { name: 'DraftDeskFinalName', value: final.name },
          { name: 'DraftDeskFinalBy', value: final.author },
          { name: 'DraftDeskFinalAt', value: new Date(final.frozenAt).toISOString() },
          { name: 'DraftDeskRevision', value: String(final.revisionId) },
        ]
      : [],
    evenAndOddHeaderAndFooters: true,
    features: { updateFields: false },
    styles: {
      default: {
        document: {
          run: { font: font('body'), size: size(SIZE_PT.body), color: '000000' },
          paragraph: { spacing: EXACT },
        },
        title: {
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: font('title'), size: size(SIZE_PT.title), bold: false, color: '000000', characterSpacing: 0 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: EXACT, indent: { left: 0, firstLine: 0 } },
        },
        heading1: headingStyle(1),
        heading2: headingStyle(2),
        heading3: headingStyle(3),
        heading4: headingStyle(4),
      },
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font('body'), size: size(SIZE_PT.body), color: '000000', characterSpacing: CHAR_SPACING_TWIPS },
          paragraph: { spacing: EXACT, indent: INDENT_2, alignment: AlignmentType.JUSTIFIED },
        },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { font: font('heading2'), italics: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, indent: { left: 0, firstLine: 0 } } },
        { id: 'Blank', name: '空行', basedOn: 'Normal', paragraph: { indent: { left: 0, firstLine: 0 } } },
        { id: 'Signature', name: '落款', basedOn: 'Normal', paragraph: { alignment: AlignmentType.RIGHT, indent: { left: 0, firstLine: 0 }, keepLines: true, keepNext: true } },
        { id: 'Caption2', name: '附表标题', basedOn: 'Normal', run: { font: font('heading1') }, paragraph: { indent: { left: 0, firstLine: 0 }, keepNext: true } },
        { id: 'TableText', name: '表格文字', basedOn: 'Normal', run: { size: size(SIZE_PT.table), characterSpacing: 0 }, paragraph: { indent: { left: 0, firstLine: 0 }, spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.LEFT } },
      ],
    },
    numbering: { config: [{ reference: NUMBERING_REF, levels: ([1, 2, 3, 4] as const).map(headingLevel) }] },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: { ...MARGIN_TWIPS, header: 851, footer: FOOTER_DISTANCE_TWIPS, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TWIPS, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  })
}

/** Fallback names for the standard's fonts (w:altName in the font table), and GB2312's charset. */
const FONT_TABLE: readonly { name: string; alt?: string; family: string; pitch: string }[] = [
  { name: FONTS.body.primary, alt: FONTS.body.fallback, family: 'modern', pitch: 'fixed' },
  { name: FONTS.title.primary, alt: FONTS.title.fallback, family: 'script', pitch: 'default' },
  { name: FONTS.heading2.primary, alt: FONTS.heading2.fallback, family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading1.primary, family: 'modern', pitch: 'fixed' },
  { name: FONTS.pageNumber.primary, family: 'auto', pitch: 'variable' },
  { name: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: '楷体', family: 'modern', pitch: 'fixed' },
]

function fontTableXml(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}">${f.alt ? `<w:altName w:val="${esc(f.alt)}"/>` : ''}<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${fonts}</w:fonts>`
}

/**
 * Paragraphs do not snap to the character grid (see CHAR_SPACING_TWIPS in layout.ts): Normal, which
 * every other style is based on, gets w:snapToGrid 0 (in the schema's place, before w:spacing).
 */
function patchStyles(xml: string): string {
  return xml.replace(/(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>.*?<w:pPr>)(.*?)(<w:spacing )/, '$1$2<w:snapToGrid w:val="0"/>$3')
}

/** The heading list is one outline (w:multiLevelType multilevel), every level in use. */
function patchNumbering(xml: string): string {
  return xml.replace(/(<w:abstractNum [^>]*>)<w:multiLevelType w:val="hybridMultilevel"\/>((?:(?!<\/w:abstractNum>).)*?<w:pStyle w:val="Heading1"\/>)/, '$1<w:multiLevelType w:val="multilevel"/>$2').replace(/ w:tentative="1"/g, '')
}

/** The finished file. */
export async function buildDocx(out: OutputDocument, opts: DocxOptions = {}): Promise<Uint8Array> {
  const doc = buildDocxDocument(out, opts)
  const packed = await Packer.toBuffer(doc)
  // Font table with fallbacks (names only: fonts are never embedded).
  const zip = await JSZip.loadAsync(packed)
  zip.file('word/fontTable.xml', fontTableXml())
  zip.file('word/styles.xml', patchStyles(await zip.file('word/styles.xml')!.async('string')))
  zip.file('word/numbering.xml', patchNumbering(await zip.file('word/numbering.xml')!.async('string')))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
