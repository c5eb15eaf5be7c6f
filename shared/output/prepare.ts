/**
 * The document as every output renders it: heading numbers worked out (一、/（一）/1./（1）), figures
 * resolved to their text, the title broken into lines, the date formatted. DOCX, print HTML, TXT and
 * Markdown are all written from this one form, so they never disagree on what the text says.
 */
import type { Block, HeadingLevel, Inline, NumberingStyle, SummaryDocument } from '../document/model'
import { HeadingCounter } from '../document/numbering'
import { formatDate } from './dates'
import { figureAppendixTable } from '../figures/appendix'
import { formatterFor, type FigureLookup } from './figures'
import { TITLE_CHARS_PER_LINE } from './layout'

export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  /** a figure still without a value ("〔会议次数〕") */
  unfilled?: boolean
  /** the text stands for a figure */
  figure?: boolean
  /** which figure (the DOCX tags its content control with it, so an import finds the figure again) */
  figureId?: string
}

interface At {
  /** index of the block in the model's `blocks` */
  index: number
}
export type OutBlock =
  | (At & { kind: 'heading'; level: HeadingLevel; number: string; title: Run[]; body?: Run[] })
  /** `addressee`: the 主送 line at the top ("县人民政府："), set flush left with no indent (GB/T 9704 §7.3.2) */
  | (At & { kind: 'paragraph'; runs: Run[]; addressee?: true })
  | (At & { kind: 'table'; rows: Run[][][] })
  | (At & { kind: 'figureTable'; caption: string; header: string[]; rows: string[][] })
  | (At & { kind: 'pageBreak' })

/** Facts about a 定稿 (frozen revision) printed with the output. */
export interface FinalMark {
  fingerprint: string
  short: string
  name: string
  author: string
  frozenAt: number
  revisionId: number
}

export interface OutputSignature {
  organization: string
  date?: string
  sealed: boolean
  sealAssetId?: string
  signatureAssetId?: string
}

export interface OutputDocument {
  title: string
  titleLines: string[]
  subtitle?: string
  blocks: OutBlock[]
  signature?: OutputSignature
  final?: FinalMark
  /** the heading number variants (model `numbering`); the DOCX numbering definitions follow it */
  numbering?: NumberingStyle
}

export function runsOf(inlines: readonly Inline[], figures: FigureLookup): Run[] {
  const runs: Run[] = []
  for (const i of inlines) {
    if (i.type === 'text') {
      if (!i.text) continue
      const run: Run = { text: i.text }
      if (i.bold) run.bold = true
      if (i.italic) run.italic = true
      if (i.underline) run.underline = true
      runs.push(run)
    } else {
      const shown = figures(i.figureId)
      runs.push(shown.unfilled ? { text: shown.text, figure: true, unfilled: true, figureId: i.figureId } : { text: shown.text, figure: true, figureId: i.figureId })
    }
  }
  return runs
}

export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('')


/**
 * The 主送 (addressee) line a summary sent up opens with: "县人民政府：", "各科室、各单位：" — short,
 * ending in a colon, no sentence inside. The document model has no field for it (it is the writer's
 * first paragraph); output sets it flush left without the first-line indent, as GB/T 9704 §7.3.2
 * places the 主送机关. Not a lead-in that ends in a colon ("现将有关情况报告如下：").
 */
export function isAddresseeLine(text: string): boolean {
  const t = text.trim()
  if (t.length < 3 || t.length > 40 || !/[：:]$/.test(t)) return false
  const inner = t.slice(0, -1)
  return !/[。！？；;!?：:，,\n]/.test(inner) && !/如下|现将|现就|报告|汇报|总结/.test(inner)
}

/** The 落款 as printed (name trimmed, date formatted); none when it has neither name nor date. */
export function prepareSignature(sig: SummaryDocument['signature']): OutputSignature | undefined {
  if (!sig || !(sig.organization.trim() || sig.date)) return undefined
  const signature: OutputSignature = { organization: sig.organization.trim(), sealed: !!sig.sealAssetId }
  if (sig.date) signature.date = formatDate(sig.date, sig.dateStyle)
  if (sig.sealAssetId) signature.sealAssetId = sig.sealAssetId
  if (sig.signatureAssetId) signature.signatureAssetId = sig.signatureAssetId
  return signature
}

export function prepareOutput(doc: SummaryDocument, final?: FinalMark): OutputDocument {
  const figures = formatterFor(doc.figures)
  const counter = new HeadingCounter(doc.numbering)
  const blocks: OutBlock[] = []
  doc.blocks.forEach((b: Block, index) => {
    switch (b.type) {
      case 'heading': {
        const block: OutBlock = { kind: 'heading', index, level: b.level, number: counter.next(b.level), title: runsOf(b.title, figures) }
        if (b.body) block.body = runsOf(b.body, figures)
        blocks.push(block)
        break
      }
      case 'paragraph': {
        const runs = runsOf(b.children, figures)
        // only the first text under the title can be the 主送 (empty paragraphs before it aside)
        const first = blocks.every((x) => x.kind === 'paragraph' && !runsText(x.runs).trim())
        blocks.push(first && isAddresseeLine(runsText(runs)) ? { kind: 'paragraph', index, runs, addressee: true } : { kind: 'paragraph', index, runs })
        break
      }
      case 'table':
        blocks.push({ kind: 'table', index, rows: b.rows.map((row) => row.map((cell) => runsOf(cell, figures))) })
        break
      case 'figureTable':
        // the same rows the editor's 附表 block shows (shared/figures/appendix.ts)
        blocks.push({ kind: 'figureTable', index, ...figureAppendixTable(doc.figures) })
        break
      case 'pageBreak':
        blocks.push({ kind: 'pageBreak', index })
        break
    }
  })
  const out: OutputDocument = { title: doc.title, titleLines: breakTitle(doc.title), blocks }
  if (doc.subtitle) out.subtitle = doc.subtitle
  const signature = prepareSignature(doc.signature)
  if (signature) out.signature = signature
  if (final) out.final = final
  if (doc.numbering) out.numbering = doc.numbering
  return out
}

/** Good places to break a title: after these characters (never inside a number or a word like 2025). */
const BREAK_AFTER = new Set([...'的和与及、，：；”）》'])
const NO_BREAK_BEFORE = new Set([...'，。、：；！？”）》的度'])

/**
 * A long title in lines of at most `perLine` characters, shaped as GB/T 9704 asks (梯形/菱形: the
 * lines about even, the upper ones not shorter), broken at a natural place near the even point.
 * A "\n" the writer put in the title is kept.
 */
export function breakTitle(title: string, perLine = TITLE_CHARS_PER_LINE): string[] {
  const explicit = title.split('\n').map((l) => l.trim()).filter(Boolean)
  if (explicit.length > 1) return explicit.flatMap((l) => breakTitle(l, perLine))
  const chars = [...(explicit[0] ?? '')]
  if (chars.length <= perLine) return chars.length ? [chars.join('')] : []
  const lines = Math.ceil(chars.length / perLine)
  const out: string[] = []
  let start = 0
  for (let line = 0; line < lines - 1; line++) {
    const remaining = chars.length - start
    const left = lines - line
    const even = Math.ceil(remaining / left)
    let best = -1
    let bestScore = -Infinity
    for (let len = Math.max(1, even - 4); len <= Math.min(perLine, remaining - 1); len++) {
      const at = start + len
      const prev = chars[at - 1]!
      const next = chars[at]!
      if (/[0-9A-Za-z]/.test(prev) && /[0-9A-Za-z]/.test(next)) continue
      if (NO_BREAK_BEFORE.has(next)) continue
      // prefer natural breaks, then lines no shorter than the next (梯形), then evenness
      let score = -Math.abs(len - even) * 2
      if (BREAK_AFTER.has(prev)) score += 5
      if (prev === '年' || prev === '度') score += 2
      if (len < remaining - len && left === 2) score -= 3
      if (score > bestScore) {
        bestScore = score
        best = len
      }
    }
    if (best < 0) best = Math.min(perLine, remaining - 1)
    out.push(chars.slice(start, start + best).join(''))
    start += best
  }
  out.push(chars.slice(start).join(''))
  return out
}
