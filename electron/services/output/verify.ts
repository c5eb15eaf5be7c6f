/**
 * `verify FILE`: does this DOCX or PDF match a 定稿 in the 文稿库?
 *   1. the fingerprint is read back: DOCX custom property DraftDeskFingerprint (or the keywords of the
 *      core properties), PDF document information (DraftDeskFingerprint);
 *   2. the 文稿库 is searched for a final revision with that fingerprint, whose stored model must
 *      still hash to it;
 *   3. the content is compared: a DOCX's text (read with mammoth) against the frozen text, so edits
 *      made in Word after export are caught; a PDF must end with the update we wrote (nothing was
 *      appended or rewritten after export).
 */
import type { SummaryDocument } from '../../../shared/document/model'
import { msg, type Message } from '../../../shared/errors'
import { isFingerprint } from '../../../shared/output/canonical'
import type { FinalSummary } from '../../../shared/api'
import { prepareOutput, runsText } from '../../../shared/output/prepare'
import type { FinalStore } from './store'
import { runInWorker } from '../worker/run'
import { squash } from './verifyDocx'

export type VerifyStatus = 'match' | 'modified' | 'unknown-fingerprint' | 'no-fingerprint' | 'unsupported'

export interface VerifyResult {
  status: VerifyStatus
  format: 'docx' | 'pdf' | 'other'
  fingerprint: string | null
  final: FinalSummary | null
  /** what the result means, for the writer */
  note: Message
  /** where the text differs first (DOCX) */
  difference?: { expected: string; found: string }
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

export async function verifyFile(bytes: Uint8Array, finals: FinalStore): Promise<VerifyResult> {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1')
  const format = head.startsWith('%PDF') ? 'pdf' : head.startsWith('PK') ? 'docx' : 'other'
  if (format === 'other') return result({ status: 'unsupported', format, fingerprint: null, final: null }, msg('verify.unsupported'))

  let fingerprint: string | null = null
  let pdfUntouched = false
  let docxText: string | null = null
  // both read in a worker thread: a file handed to verify cannot take the process down
  if (format === 'pdf') {
    const read = await runInWorker('pdfVerify', { bytes })
    fingerprint = read.fingerprint
    pdfUntouched = read.lastUpdateIsOurs
  } else {
    const read = await runInWorker('docxVerify', { bytes })
    if (!read.readable) return result({ status: 'unsupported', format, fingerprint: null, final: null }, msg('verify.notDocx'))
    fingerprint = read.fingerprint
    docxText = read.text
  }
  if (!fingerprint || !isFingerprint(fingerprint))
    return result({ status: 'no-fingerprint', format, fingerprint: null, final: null }, msg('verify.noFingerprint'))
  const [final] = finals.byFingerprint(fingerprint)
  if (!final)
    return result({ status: 'unknown-fingerprint', format, fingerprint, final: null }, msg('verify.unknownFingerprint', { fingerprint: fingerprint.slice(7, 19) }))
  const { model } = finals.get(final.revisionId)
  const which = { name: final.name, author: final.author, date: localDateTime(final.createdAt), short: final.short }

  if (format === 'pdf') {
    return pdfUntouched
      ? result({ status: 'match', format, fingerprint, final }, msg('verify.matchPdf', which))
      : result({ status: 'modified', format, fingerprint, final }, msg('verify.modifiedPdf', which))
  }
  const found = docxText ?? ''
  const expected = expectedDocxText(model)
  if (found === expected) return result({ status: 'match', format, fingerprint, final }, msg('verify.match', which))
  return result({ status: 'modified', format, fingerprint, final, difference: firstDifference(expected, found) }, msg('verify.modifiedText', which))
}
