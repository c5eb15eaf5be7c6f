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
 *   - Pagination as Word applies it: headings keep with the next paragraph and are never split;
 *     body text has widow/orphan control; table rows never split, the header row repeats, and the
 *     header and first row keep with the next row; the last body lines keep with the 落款, whose
 *     paragraphs keep together, the seal anchored in the 署名's paragraph (§7.3.5).
 *   - A run-in heading is a heading paragraph joined to its body by Word's style separator (a
 *     hidden paragraph mark, w:specVanish): Word's navigation pane lists the heading sentence,
 *     the page shows one paragraph.
 *   - Every figure is a content control (w:sdt) tagged "dd-figure:<id>", and the figure table,
 *     the title as typed and the 落款's images travel in a custom XML part (docxModel.ts), so
 *     importing the file gives back the same document (import/ownDocx.ts).
 */
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, DocumentGridType, Footer, HorizontalPositionRelativeFrom, ImageRun, LevelFormat, LevelSuffix, LineRuleType, Packer,
  PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, TextWrappingType, VerticalAlignTable, VerticalPositionRelativeFrom, WidthType,
  type IParagraphOptions, type IRunOptions, type ParagraphChild,
} from 'docx'
import JSZip from 'jszip'
import type { NumberingStyle, SummaryDocument } from '../../../shared/document/model'
import { headingMarker } from '../../../shared/document/numbering'
import {
  CHAR_PITCH_PT, CHAR_SPACE, CHAR_SPACING_TWIPS, CHAR_TWIPS, CHARS_PER_LINE, FONTS, FOOTER_DISTANCE_TWIPS, HEADING_BOLD, HEADING_FONT, LINE_PITCH_TWIPS, MARGIN_TWIPS, PAGE_NUMBER, PAGE_TWIPS,
  SEAL_MM, SIGNATURE, SIGNATURE_IMAGE_MM, SIZE_PT, TEXT_TWIPS, signaturePlacement, type FontRole,
} from '../../../shared/output/layout'
import type { FinalMark, OutBlock, OutputDocument, Run } from '../../../shared/output/prepare'
import { FIGURE_TABLE_HEADER_ROWS, tableHeaderRows } from '../../../shared/output/tables'
import type { ExportComment } from '../../../shared/api'
import { placeComments, slotKey, titleText, type CommentMark, type PlacedComments } from './docxComments'
import { addModelPart, FIGURE_TAG_PREFIX, sidecarOf } from './docxModel'

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
  /** the model the output was prepared from: its figure table, title and 落款 go into the model part */
  model?: SummaryDocument
  /** 批注 to write as Word comments (docxComments.ts); none by default */
  comments?: readonly ExportComment[]
  /** hears how many comments were written and how many named a place this text does not have */
  onComments?: (counts: { written: number; skipped: number }) => void
}

export const NUMBERING_REF = 'gbt9704-headings'
export const FINGERPRINT_PROPERTY = 'DraftDeskFingerprint'

const EXACT = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const
// twips, not w:firstLineChars: LibreOffice 7 drops a chars-based indent on paragraphs after a numbered one
const INDENT_2 = { left: 0, firstLine: 2 * CHAR_TWIPS } as const
const EMU_PER_MM = 36000
/** Paragraphs other than body text: no widow/orphan control (titles, blanks, table text, 落款). */
const para = (o: IParagraphOptions) => new Paragraph({ widowControl: false, ...o })
/** Body text: widow/orphan control (never one line of a paragraph alone at a page's foot or head). */
const bodyPara = (o: IParagraphOptions) => new Paragraph({ widowControl: true, ...o })
/** Keep with the next paragraph and never split (headings, the 落款, the last body lines). */
const KEEP = { keepNext: true, keepLines: true } as const
const PX_PER_MM = 96 / 25.4

function font(role: FontRole): IRunOptions['font'] {
  const name = FONTS[role].primary
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name }
}

const size = (pt: number) => pt * 2

/**
 * Figures as content controls: docx writes no run-level w:sdt, so a figure's runs are written
 * between two marker runs (private-use characters, never in a writer's text) that `wrapFigures`
 * turns into <w:sdt> … </w:sdt> after packing. FIGURE_START + index + FIGURE_OPEN opens, FIGURE_END closes.
 */
const FIGURE_START = '\uE000'
const FIGURE_OPEN = '\uE001'
const FIGURE_END = '\uE002'

/** The figure ids written so far, by marker index (one list per document being built). */
let figureSlots: string[] = []
/** The comment marks of the document being built, by paragraph slot (docxComments.ts: slotKey). */
let commentSlots: ReadonlyMap<string, CommentMark[]> = new Map()
const marksAt = (slot: string): CommentMark[] | undefined => commentSlots.get(slot)

/**
 * A run list as docx runs. `marks` (docxComments.ts) split the text runs where a comment starts or
 * ends, and put Word's comment range marks there; without marks the runs are exactly as before. A
 * figure is never split: a comment boundary inside its text moves to its edge (outward).
 */
function textRuns(runs: readonly Run[], base: Partial<IRunOptions> = {}, marks?: readonly CommentMark[]): ParagraphChild[] {
  const out: ParagraphChild[] = []
  const pending = marks?.length ? snapToFigures(runs, marks) : []
  let k = 0
  const flush = (upTo: number) => {
    while (k < pending.length && pending[k]!.offset <= upTo) out.push(...commentMarks(pending[k++]!))
  }
  let pos = 0
  for (const r of runs) {
    flush(pos)
    if (r.figureId !== undefined) {
      out.push(new TextRun({ text: `${FIGURE_START}${figureSlots.length}${FIGURE_OPEN}` }))
      figureSlots.push(r.figureId)
      plainRuns(r, base, out)
      out.push(new TextRun({ text: FIGURE_END }))
    } else {
      let from = 0
      while (k < pending.length && pending[k]!.offset < pos + r.text.length) {
        const at = pending[k]!.offset - pos
        if (at > from) plainRuns({ ...r, text: r.text.slice(from, at) }, base, out)
        from = at
        out.push(...commentMarks(pending[k++]!))
      }
      if (from === 0) plainRuns(r, base, out)
      else if (from < r.text.length) plainRuns({ ...r, text: r.text.slice(from) }, base, out)
    }
    pos += r.text.length
  }
  flush(Infinity)
  return out
}

/** Marks inside a figure's text moved to its edges: a start before it, an end after it. */
function snapToFigures(runs: readonly Run[], marks: readonly CommentMark[]): CommentMark[] {
  const figures: [number, number][] = []
  let pos = 0
  for (const r of runs) {
    if (r.figureId !== undefined) figures.push([pos, pos + r.text.length])
    pos += r.text.length
  }
  const rank = (m: CommentMark) => (m.kind === 'end' ? (m.empty ? 2 : 0) : 1)
  return marks
    .map((m) => {
      const inside = figures.find(([a, b]) => m.offset > a && m.offset < b)
      return inside ? { ...m, offset: m.kind === 'start' ? inside[0] : inside[1] } : m
    })
    .sort((a, b) => a.offset - b.offset || rank(a) - rank(b))
}

/** Word's marks for a comment boundary: the range start, or the range end and the reference mark. */
function commentMarks(m: CommentMark): ParagraphChild[] {
  if (m.kind === 'start') return m.ids.map((id) => new CommentRangeStart(id))
  return [...m.ids.map((id) => new CommentRangeEnd(id)), ...m.ids.map((id) => new TextRun({ children: [new CommentReference(id)] }))]
}

function plainRuns(r: Run, base: Partial<IRunOptions>, out: ParagraphChild[]): void {
  {
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
}

/**
 * A heading; a run-in one as two paragraphs joined by Word's style separator: the heading
 * paragraph's mark is hidden (vanish + specVanish), so Word and WPS run its body on in the same
 * line, while the navigation pane and the outline list only the heading sentence. The body
 * paragraph has no first-line indent: it continues the heading's line.
 */
function headingParagraphs(b: Extract<OutBlock, { kind: 'heading' }>, keep: Keep | undefined): Paragraph[] {
  const children: ParagraphChild[] = [...textRuns(b.title, {}, marksAt(slotKey.headingTitle(b.index)))]
  if (!b.body) return [para({ style: `Heading${b.level}`, children })]
  return [
    para({ style: `Heading${b.level}`, children, run: { vanish: true, specVanish: true } }),
    bodyPara({ style: 'RunInBody', children: textRuns(b.body, {}, marksAt(slotKey.headingBody(b.index))), ...keep }),
  ]
}

type Keep = { keepNext: true; keepLines?: true }
/** The last body paragraph keeps with the 落款; a short one is also kept whole (a long one carries its last lines over, widow control gives at least two). */
function keepLast(runs: readonly Run[]): Keep {
  const chars = runs.reduce((n, r) => n + [...r.text].length, 0)
  return chars <= 3 * CHARS_PER_LINE ? { keepNext: true, keepLines: true } : { keepNext: true }
}

function cellParagraphs(runs: readonly Run[], opts: { header?: boolean; center?: boolean; keepNext?: boolean; marks?: CommentMark[] | undefined } = {}): Paragraph[] {
  const base: Partial<IRunOptions> = { font: font(opts.header ? 'heading1' : 'body'), size: size(SIZE_PT.table), characterSpacing: 0 }
  return [
    para({
      style: 'TableText',
      ...(opts.center ? { alignment: AlignmentType.CENTER } : {}),
      ...(opts.keepNext ? { keepNext: true } : {}),
      children: textRuns(runs.length ? runs : [{ text: '' }], base, opts.marks),
    }),
  ]
}

/**
 * A table: rows never split across pages (cantSplit); the header row (a 附表's header, or a plain
 * table's first row when more follow) repeats on every page (tblHeader); the header and the first
 * body row keep with the next row, so a page never ends with the header and one row.
 * `keepEnd`: the last row keeps with what follows (a table ending the body keeps with the 落款).
 */
function table(rows: readonly (readonly Run[])[][], header?: readonly string[], keepEnd = false, blockIndex?: number): Table {
  const width = Math.max(1, header?.length ?? 0, ...rows.map((r) => r.length))
  const columnWidth = Math.floor(TEXT_TWIPS.width / width)
  const pad = (r: readonly (readonly Run[])[]) => [...r, ...Array<Run[]>(width - r.length).fill([])]
  const all: { cells: readonly (readonly Run[])[]; header: boolean }[] = []
  // which rows repeat: the one rule the print view and the page view follow too (shared/output/tables.ts)
  if (header) all.push({ cells: header.map((h) => [{ text: h }]), header: true })
  const heads = header ? FIGURE_TABLE_HEADER_ROWS : tableHeaderRows(rows.length)
  rows.forEach((row, i) => all.push({ cells: pad(row), header: !header && i < heads }))
  // the model's row of a written row (a 附表's header row is not one), for the comment marks
  const modelRow = (i: number) => (header ? i - 1 : i)
  const tableRows = all.map(
    (row, i) =>
      new TableRow({
        cantSplit: true,
        ...(row.header ? { tableHeader: true } : {}),
        children: row.cells.map(
          (cell, c) =>
            new TableCell({
              verticalAlign: VerticalAlignTable.CENTER,
              children: cellParagraphs(cell, {
                header: row.header && !!header,
                center: row.header && !!header,
                keepNext: (i <= heads && all.length > heads + 1) || (keepEnd && i === all.length - 1),
                marks: blockIndex === undefined ? undefined : marksAt(slotKey.cell(blockIndex, modelRow(i), c)),
              }),
            }),
        ),
      }),
  )
  return new Table({ rows: tableRows, width: { size: TEXT_TWIPS.width, type: WidthType.DXA }, columnWidths: Array<number>(width).fill(columnWidth) })
}

/** Width of a line of body text in pt: CJK one grid character, others half (plus the grid's adjustment). */
function textWidthPt(text: string): number {
  let w = 0
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 && ch !== '—' ? SIZE_PT.body / 2 + CHAR_SPACING_TWIPS / 20 : CHAR_PITCH_PT
  return w
}

const blankLine = () => para({ style: 'Blank', children: [] })

const EMU_PER_TWIP = 635

/**
 * The 署名 and 成文日期 as GB/T 9704 §7.3.5 lays them out (the numbers: SIGNATURE and
 * signaturePlacement in layout.ts). Every paragraph of the block keeps with the next and is never
 * split, and the body's last paragraph keeps with the block, so Word never puts the block on a page
 * without body text. The seal floats in the 署名's paragraph, positioned up from it, so it moves
 * with the 署名 and is never left behind on the page before.
 * Positions: a right-aligned line's ink ends one character spacing (−0.4 pt) past its indent, so
 * right indents are measured to the ink.
 */
function signatureBlock(out: OutputDocument, assets: ReadonlyMap<string, ImageAsset> | undefined): Paragraph[] {
  const sig = out.signature
  if (!sig) return []
  const L = TEXT_TWIPS.width / 20
  const nameW = textWidthPt(sig.organization)
  const dateW = sig.date ? textWidthPt(sig.date) : 0
  const seal = sig.sealAssetId ? assets?.get(sig.sealAssetId) : undefined
  const signImg = sig.signatureAssetId ? assets?.get(sig.signatureAssetId) : undefined
  const place = signaturePlacement(nameW, dateW, !!seal, L)
  const paras: Paragraph[] = []
  const blanks = seal ? SIGNATURE.blankLinesSealed : SIGNATURE.blankLinesUnsealed
  for (let i = 0; i < blanks; i++) paras.push(para({ style: 'Blank', ...KEEP, children: [] }))
  // ink to indent: the last character's (negative) spacing
  const right = (pt: number) => ({ right: Math.max(0, Math.round(pt * 20 + CHAR_SPACING_TWIPS)), left: 0, firstLine: 0 })
  const sealRun = (): ImageRun[] => {
    if (!seal) return []
    const sealW = SEAL_MM
    const sealH = (SEAL_MM * seal.height) / Math.max(1, seal.width)
    // from the 署名 line's top up to the seal's top: the blank lines, less the gap under the body
    const up = (blanks - SIGNATURE.sealTopLines) * LINE_PITCH_TWIPS * EMU_PER_TWIP
    return [
      new ImageRun({
        type: seal.mime === 'image/png' ? 'png' : 'jpg',
        data: seal.data,
        transformation: { width: Math.round(sealW * PX_PER_MM), height: Math.round(sealH * PX_PER_MM) },
        floating: {
          horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: Math.round(((place.sealCentrePt! * 25.4) / 72 - sealW / 2) * EMU_PER_MM) },
          verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: -Math.round(up) },
          allowOverlap: true,
          // a JPEG has no transparency: behind the text, so the name and date stay readable
          behindDocument: seal.mime === 'image/jpeg',
          wrap: { type: TextWrappingType.NONE },
        },
        altText: { name: '印章', description: '印章', title: '印章' },
      }),
    ]
  }
  /** a centred line: indents symmetric about `centre` (pt from the left), clamped to the text block (a name too long for that moves left) */
  const centredOn = (centre: number, half: number) => {
    const over = Math.max(0, centre + half - L)
    return { left: Math.max(0, Math.round((centre - half - over) * 20)), right: Math.max(0, Math.round((L - centre - half) * 20)), firstLine: 0 }
  }
  const last = (i: number, n: number) => (i === n - 1 ? { keepLines: true } : KEEP)
  const lines: Paragraph[] = []
  const count = (sig.organization || seal ? 1 : 0) + (signImg ? 1 : 0) + (sig.date ? 1 : 0)
  let k = 0
  if (sig.organization || seal)
    lines.push(
      seal && sig.date
        ? // centred over the date: a centred line in a box symmetric about the date's centre, a character wider than the name (no wrapping)
          para({ style: 'Signature', ...last(k++, count), alignment: AlignmentType.CENTER, indent: centredOn(place.sealCentrePt!, nameW / 2 + CHAR_PITCH_PT), children: [...sealRun(), ...textRuns([{ text: sig.organization }])] })
        : para({ style: 'Signature', ...last(k++, count), indent: right(place.nameRightPt), children: [...sealRun(), ...textRuns([{ text: sig.organization }])] }),
    )
  if (signImg) {
    const h = SIGNATURE_IMAGE_MM
    const w = (h * signImg.width) / Math.max(1, signImg.height)
    lines.push(
      para({
        style: 'Signature',
        ...last(k++, count),
        indent: right(place.nameRightPt),
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new ImageRun({ type: signImg.mime === 'image/png' ? 'png' : 'jpg', data: signImg.data, transformation: { width: Math.round(w * PX_PER_MM), height: Math.round(h * PX_PER_MM) }, altText: { name: '签名', description: '签名', title: '签名' } })],
      }),
    )
  }
  if (sig.date)
    lines.push(
      place.dateLeftPt === undefined
        ? para({ style: 'Signature', ...last(k++, count), indent: right(place.dateRightPt), children: textRuns([{ text: sig.date }]) })
        : para({ style: 'Signature', ...last(k++, count), alignment: AlignmentType.LEFT, indent: { left: Math.round(place.dateLeftPt * 20), right: 0, firstLine: 0 }, children: textRuns([{ text: sig.date }]) }),
    )
  return [...paras, ...lines]
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

/** Word's level text for a heading level: the number as headingMarker writes it, its digit → %L ("1、" → "%3、"). */
export function levelText(level: 1 | 2 | 3 | 4, style?: NumberingStyle): string {
  // ⑴ is one character: Word draws it from the number format (decimalEnclosedParen), the text is the bare number
  if (level === 4 && style?.level4 === '⑴') return '%4'
  return headingMarker(level, 1, style).replace(/[一1]/, `%${level}`)
}

function headingLevel(level: 1 | 2 | 3 | 4, style?: NumberingStyle) {
  const formats = { 1: LevelFormat.CHINESE_COUNTING, 2: LevelFormat.CHINESE_COUNTING, 3: LevelFormat.DECIMAL, 4: style?.level4 === '⑴' ? LevelFormat.DECIMAL_ENCLOSED_PARENTHESES : LevelFormat.DECIMAL }
  return {
    level: level - 1,
    format: formats[level],
    text: levelText(level, style),
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
      keepLines: true,
      alignment: AlignmentType.JUSTIFIED,
      numbering: { reference: NUMBERING_REF, level: level - 1 },
    },
  }
}

export function buildDocxDocument(out: OutputDocument, opts: DocxOptions = {}): Document {
  return build(out, opts).doc
}

/** The document, and the figure id of each figure marker in it (see textRuns). Synchronous, so the markers of two exports never mix. */
function build(out: OutputDocument, opts: DocxOptions): { doc: Document; slots: string[]; placed: PlacedComments | null } {
  figureSlots = []
  const placed = opts.comments?.length ? placeComments(out, opts.comments) : null
  commentSlots = placed?.marks ?? new Map()
  const children: (Paragraph | Table)[] = []
  const titleRun = { font: font('title'), size: size(SIZE_PT.title), characterSpacing: 0 }
  const titleMarks = marksAt(slotKey.title)
  children.push(
    para({
      style: 'Title',
      // the same runs either way: a line each, a break before every line but the first
      children: titleMarks
        ? textRuns([{ text: titleText(out) }], titleRun, titleMarks)
        : out.titleLines.flatMap((line, i) => [new TextRun({ ...titleRun, text: line, ...(i > 0 ? { break: 1 } : {}) })]),
    }),
  )
  if (out.subtitle) children.push(para({ style: 'Subtitle', children: textRuns([{ text: out.subtitle }], {}, marksAt(slotKey.subtitle)) }))
  children.push(blankLine())
  // the last block of body text keeps with the 落款 (§7.3.5: never a 落款 page without body text)
  const lastBody = out.signature ? out.blocks.findLastIndex((b) => b.kind !== 'pageBreak') : -1
  out.blocks.forEach((b, i) => {
    const keep = i === lastBody
    switch (b.kind) {
      case 'heading':
        children.push(...headingParagraphs(b, keep ? keepLast(b.body ?? b.title) : undefined))
        break
      case 'paragraph':
        // the 主送 line: flush left, no first-line indent (GB/T 9704 §7.3.2)
        children.push(bodyPara({ style: 'Normal', indent: b.addressee ? { left: 0, firstLine: 0 } : INDENT_2, ...(keep ? keepLast(b.runs) : {}), children: textRuns(b.runs, {}, marksAt(slotKey.paragraph(b.index))) }))
        break
      case 'table':
        if (b.rows.length) children.push(table(b.rows, undefined, keep, b.index))
        break
      case 'figureTable':
        children.push(para({ style: 'Caption2', children: [new TextRun({ text: b.caption })] }))
        children.push(table(b.rows.map((r) => r.map((c) => [{ text: c }])), b.header, keep))
        break
      case 'pageBreak':
        children.push(para({ style: 'Blank', children: [new PageBreak()] }))
        break
    }
  })
  children.push(...signatureBlock(out, opts.assets))

  const final: FinalMark | undefined = out.final
  const slots = figureSlots
  figureSlots = []
  commentSlots = new Map()
  const doc = new Document({
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
    ...(placed?.comments.length
      ? { comments: { children: placed.comments.map((c) => ({ id: c.id, author: c.author, initials: [...c.author][0] ?? '', date: c.date, ...(c.parentId !== undefined ? { parentId: c.parentId } : {}), ...(c.resolved ? { resolved: true } : {}), children: commentParagraphs(c.text) })) } }
      : {}),
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
        { id: 'RunInBody', name: '标题后正文', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 0, firstLine: 0 } } },
        { id: 'Blank', name: '空行', basedOn: 'Normal', paragraph: { indent: { left: 0, firstLine: 0 } } },
        { id: 'Signature', name: '落款', basedOn: 'Normal', paragraph: { alignment: AlignmentType.RIGHT, indent: { left: 0, firstLine: 0 }, keepLines: true, keepNext: true } },
        { id: 'Caption2', name: '附表标题', basedOn: 'Normal', run: { font: font('heading1') }, paragraph: { indent: { left: 0, firstLine: 0 }, keepNext: true } },
        { id: 'TableText', name: '表格文字', basedOn: 'Normal', run: { size: size(SIZE_PT.table), characterSpacing: 0 }, paragraph: { indent: { left: 0, firstLine: 0 }, spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.LEFT } },
      ],
    },
    numbering: { config: [{ reference: NUMBERING_REF, levels: ([1, 2, 3, 4] as const).map((l) => headingLevel(l, out.numbering)) }] },
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
  return { doc, slots, placed }
}

/** A comment's text: one paragraph per line, in Word's comment style (no first-line indent, no grid). */
function commentParagraphs(text: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ indent: { left: 0, firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, alignment: AlignmentType.LEFT, children: [new TextRun({ text: line, characterSpacing: 0, size: size(10.5) })] }))
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

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * The figure markers (textRuns) → run-level content controls: <w:sdt> with the figure's name as its
 * title (w:alias, what Word shows on the control), "dd-figure:<id>" as its tag, plain text only.
 */
export function wrapFigures(xml: string, slots: readonly string[], names: ReadonlyMap<string, string>): string {
  if (slots.length === 0) return xml
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
  return xml
    .replace(new RegExp(run(`${FIGURE_START}(\\d+)${FIGURE_OPEN}`), 'g'), (_m, n: string) => {
      const id = slots[Number(n)] ?? ''
      const name = names.get(id) ?? ''
      return `<w:sdt><w:sdtPr>${name ? `<w:alias w:val="${xmlAttr(`数据：${name}`)}"/>` : ''}<w:tag w:val="${xmlAttr(FIGURE_TAG_PREFIX + id)}"/><w:id w:val="${1000 + Number(n)}"/><w:text/></w:sdtPr><w:sdtContent>`
    })
    .replaceAll(run(FIGURE_END), '</w:sdtContent></w:sdt>')
}

/** The finished file. */
export async function buildDocx(out: OutputDocument, opts: DocxOptions = {}): Promise<Uint8Array> {
  const { doc, slots, placed } = build(out, opts)
  if (placed) opts.onComments?.({ written: placed.written, skipped: placed.skipped })
  const packed = await Packer.toBuffer(doc)
  const zip = await JSZip.loadAsync(packed)
  const names = new Map((opts.model?.figures ?? []).map((f) => [f.id, f.name]))
  if (slots.length) zip.file('word/document.xml', wrapFigures(await zip.file('word/document.xml')!.async('string'), slots, names))
  if (opts.model) await addModelPart(zip, sidecarOf(opts.model))
  // Font table with fallbacks (names only: fonts are never embedded).
  zip.file('word/fontTable.xml', fontTableXml())
  zip.file('word/styles.xml', patchStyles(await zip.file('word/styles.xml')!.async('string')))
  zip.file('word/numbering.xml', patchNumbering(await zip.file('word/numbering.xml')!.async('string')))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
