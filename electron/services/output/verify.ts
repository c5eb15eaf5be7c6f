/**
 * `verify FILE`: does this DOCX or PDF match a 定稿 in the 文稿库?
 *   1. the fingerprint is read back: DOCX custom property DraftDeskFingerprint (or the keywords of the
 *      core properties), PDF document information (DraftDeskFingerprint);
 *   2. the 文稿库 is searched for a final revision with that fingerprint, whose stored model must
 *      still hash to it;
 *   3. what a reader sees is compared with what our export of that 定稿 shows:
 *      DOCX — its text (mammoth) against the frozen text, then its outline (each paragraph's style,
 *      heading level and numbering format, and the heading styles' numbering definitions) against
 *      the DOCX we write for the frozen model;
 *      PDF — the text of every page, in order, heading numbers included, against the text the print
 *      view prints (wherever the page breaks fall), the margins (page numbers only), the images
 *      (seal, signature) and annotations; and, as before, our update must still be the file's last.
 * Files are read in a worker thread: a hostile file cannot take the process down.
 */
import type { SummaryDocument } from '../../../shared/document/model'
import { msg, type Message } from '../../../shared/errors'
import { isFingerprint } from '../../../shared/output/canonical'
import type { FinalSummary } from '../../../shared/api'
import { prepareOutput, runsText } from '../../../shared/output/prepare'
import { comparePrinted, foldPrinted, printedPage, printedText } from '../../../shared/output/printedText'
import type { FinalStore } from './store'
import { runInWorker } from '../worker/run'
import { buildDocx, type ImageAsset } from './docx'
import type { PdfPageRead } from './pdfText'
import { docxStructure, squash, type DocxStructure } from './verifyDocx'

export type VerifyStatus = 'match' | 'modified' | 'unknown-fingerprint' | 'no-fingerprint' | 'unsupported'

export interface VerifyResult {
  status: VerifyStatus
  format: 'docx' | 'pdf' | 'other'
  fingerprint: string | null
  final: FinalSummary | null
  /** what the result means, for the writer */
  note: Message
  /** where the text differs first; for a PDF, on which page */
  difference?: { expected: string; found: string; page?: number }
}

/** The text a DOCX export of this model holds, as mammoth reads it (heading numbers are Word's, so left out). */
export function expectedDocxText(model: SummaryDocument): string {
  const out = prepareOutput(model)
  const parts: string[] = [out.titleLines.join(''), out.subtitle ?? '']
  for (const b of out.blocks) {
    if (b.kind === 'heading') parts.push(runsText(b.title) + (b.body ? runsText(b.body) : ''))
    else if (b.kind === 'paragraph') parts.push(runsText(b.runs))
    else if (b.kind === 'table') parts.push(...b.rows.flat().map(runsText))
    else if (b.kind === 'figureTable') parts.push(b.caption, ...b.header, ...b.rows.flat())
  }
  if (out.signature) parts.push(out.signature.organization, out.signature.date ?? '')
  return squash(parts.join(''))
}

function firstDifference(expected: string, found: string): { expected: string; found: string } {
  let i = 0
  while (i < expected.length && i < found.length && expected[i] === found[i]) i++
  const from = Math.max(0, i - 10)
  return { expected: expected.slice(from, i + 20), found: found.slice(from, i + 20) }
}

/** A local date and time, the same in every language: 2026-01-10 15:04. */
function localDateTime(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

type Verdict = Omit<VerifyResult, 'note'>
const result = (verdict: Verdict, note: Message): VerifyResult => ({ ...verdict, note })

/** A stand-in for the seal and signature images: the outline of a DOCX does not depend on them. */
const STAND_IN: ImageAsset = {
  data: Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')),
  mime: 'image/png',
  width: 1,
  height: 1,
}

/** The outline of the DOCX our export writes for this model. */
async function expectedDocxStructure(model: SummaryDocument): Promise<DocxStructure> {
  const ids = [model.signature?.sealAssetId, model.signature?.signatureAssetId].filter((id): id is string => !!id)
  const bytes = await buildDocx(prepareOutput(model), { assets: new Map(ids.map((id) => [id, STAND_IN])) })
  return docxStructure(bytes)
}

/** The level a structure line names ("heading 2 | 1 | …" → 2), for the message. */
const levelOf = (line: string) => Number(line.split(' | ')[1]) + 1 || 1

type Which = { name: string; author: string; date: string; short: string }

/** DOCX outline: null when it matches, else what changed. */
function compareDocxStructure(expected: DocxStructure, found: DocxStructure, which: Which): Omit<VerifyResult, 'status' | 'format' | 'fingerprint' | 'final'> | null {
  const n = Math.max(expected.paragraphs.length, found.paragraphs.length)
  for (let i = 0; i < n; i++) {
    const e = expected.paragraphs[i] ?? ''
    const f = found.paragraphs[i] ?? ''
    if (e === f) continue
    const [eStyle, eLevel, eNumbering, eText] = e.split(' | ')
    const [fStyle, fLevel, fNumbering] = f.split(' | ')
    const paragraph = (eText ?? '').slice(0, 20)
    const difference = { expected: e, found: f }
    if (eStyle === fStyle && eLevel === fLevel && eNumbering !== fNumbering)
      return { note: msg('verify.modifiedNumbering', { ...which, level: levelOf(e) }), difference }
    return { note: msg('verify.modifiedHeadings', { ...which, paragraph }), difference }
  }
  const styles = new Set(expected.styles)
  const changed = found.styles.find((s) => !styles.has(s)) ?? expected.styles.find((s) => !found.styles.includes(s))
  if (changed !== undefined) return { note: msg('verify.modifiedNumbering', { ...which, level: levelOf(changed) }), difference: { expected: expected.styles.join('\n'), found: found.styles.join('\n') } }
  return null
}

/** PDF: what its pages show against what the print view of the model prints. Null when they agree. */
function comparePdf(model: SummaryDocument, final: FinalSummary, pages: readonly PdfPageRead[], which: Which): Omit<VerifyResult, 'status' | 'format' | 'fingerprint' | 'final'> | null {
  const out = prepareOutput(model)
  const diff = comparePrinted(printedText(out), pages.map((p) => printedPage(p.body)))
  if (diff) return { note: msg('verify.modifiedPdfText', { ...which, page: diff.page }), difference: diff }
  // the margins hold the page numbers ("— 3 —"), and, in files exported before it was dropped, the
  // grey 定稿 mark of this very 定稿
  const mark = foldPrinted(`定稿 ${final.short}${final.name ? ` · ${final.name}` : ''}`)
  for (const [i, p] of pages.entries()) {
    const rest = foldPrinted(p.margin).replace(`—${i + 1}—`, '').replace(mark, '')
    if (rest) return { note: msg('verify.modifiedPdfMargin', { ...which, page: i + 1 }), difference: { expected: '', found: rest.slice(0, 30), page: i + 1 } }
  }
  const expectedImages = (out.signature?.sealAssetId ? 1 : 0) + (out.signature?.signatureAssetId ? 1 : 0)
  const images = pages.reduce((n, p) => n + p.images, 0)
  if (images !== expectedImages) return { note: msg('verify.modifiedPdfImages', { ...which, expected: expectedImages, found: images }) }
  const annotated = pages.findIndex((p) => p.annotations.length > 0)
  if (annotated >= 0) return { note: msg('verify.modifiedPdfAnnotations', { ...which, page: annotated + 1 }) }
  return null
}

export async function verifyFile(bytes: Uint8Array, finals: FinalStore): Promise<VerifyResult> {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1')
  const format = head.startsWith('%PDF') ? 'pdf' : head.startsWith('PK') ? 'docx' : 'other'
  if (format === 'other') return result({ status: 'unsupported', format, fingerprint: null, final: null }, msg('verify.unsupported'))

  let fingerprint: string | null = null
  let pdf: { lastUpdateIsOurs: boolean; pages: PdfPageRead[] | null } | null = null
  let docx: { text: string | null; structure: DocxStructure | null } | null = null
  // both read in a worker thread: a file handed to verify cannot take the process down
  if (format === 'pdf') {
    const read = await runInWorker('pdfVerify', { bytes })
    if (!read.readable) return result({ status: 'unsupported', format, fingerprint: null, final: null }, msg('verify.notPdf', { detail: read.detail ?? '' }))
    fingerprint = read.fingerprint
    pdf = read
  } else {
    const read = await runInWorker('docxVerify', { bytes })
    if (!read.readable) return result({ status: 'unsupported', format, fingerprint: null, final: null }, msg('verify.notDocx'))
    fingerprint = read.fingerprint
    docx = read
  }
  if (!fingerprint || !isFingerprint(fingerprint))
    return result({ status: 'no-fingerprint', format, fingerprint: null, final: null }, msg('verify.noFingerprint'))
  const [final] = finals.byFingerprint(fingerprint)
  if (!final)
    return result({ status: 'unknown-fingerprint', format, fingerprint, final: null }, msg('verify.unknownFingerprint', { fingerprint: fingerprint.slice(7, 19) }))
  const { model } = finals.get(final.revisionId)
  const which = { name: final.name, author: final.author, date: localDateTime(final.createdAt), short: final.short }
  const modified = (found: Omit<VerifyResult, 'status' | 'format' | 'fingerprint' | 'final'>): VerifyResult => ({ status: 'modified', format, fingerprint, final, ...found })

  if (pdf) {
    const changed = comparePdf(model, final, pdf.pages ?? [], which)
    if (changed) return modified(changed)
    // nothing may have been appended after our update, even what a reader does not see
    if (!pdf.lastUpdateIsOurs) return modified({ note: msg('verify.modifiedPdf', which) })
    return result({ status: 'match', format, fingerprint, final }, msg('verify.matchPdf', which))
  }
  const found = docx?.text ?? ''
  const expected = expectedDocxText(model)
  if (found !== expected) return modified({ note: msg('verify.modifiedText', which), difference: firstDifference(expected, found) })
  const outline = compareDocxStructure(await expectedDocxStructure(model), docx?.structure ?? { paragraphs: [], styles: [] }, which)
  if (outline) return modified(outline)
  return result({ status: 'match', format, fingerprint, final }, msg('verify.match', which))
}
