/**
 * The recognizer pipeline: plain text (pasted, .txt, text extracted from .docx/.pdf) → SummaryDocument(s).
 *
 *   splitLines        newlines normalized, control characters dropped          (lines.ts)
 *   removeJunk        web junk lines, only with `clean`                         (junk.ts)
 *   joinWrappedLines  hard-wrapped lines joined into paragraphs                 (lines.ts)
 *   splitDocuments    one segment per summary, only with `split`               (split.ts)
 *   per segment:
 *     extractTitle    title, subtitle, repeated title                          (title.ts)
 *     findSignature   organization and date at the end                         (signature.ts)
 *     matchMarker     heading markers → kinds, numbers; levelMap → levels      (markers.ts)
 *     shapeHeading    run-in headings split into title and body                (headings.ts)
 *     toInlines       placeholders → unfilled figures                          (placeholders.ts)
 *
 * The writer's wording is never rewritten: no punctuation, width or script conversion. What is
 * removed is structure that the model derives again — heading numbers, collection labels, the
 * subtitle dash, line breaks inside paragraphs, indentation — plus junk lines when asked.
 */
import type { Block, Figure, HeadingLevel, Inline, NumberingStyle, Signature, SummaryDocument } from '../document/model'
import { headingMarker, headingNumbersOf } from '../document/numbering'
import { MODEL_VERSION } from '../document/model'
import { msg, type Message } from '../errors/message'
import { countCharacters } from '../text'
import { isCollectionHeader, matchPiece, stripCollectionLabel } from './collection'
import { NumberingTracker, endsInClauseMark, isPartHeadingText, isSentenceLine, runInLongSentence, shapeHeading, type HeadingShape, type NumberingGap, type TrackedGap } from './headings'
import { junkKind, removeJunk, type JunkLine } from './junk'
import { joinWrappedLines, splitLines, type JoinRules } from './lines'
import { levelMap, matchMarker, matchWordMarker, numberingStyleOf, variantOf, type MarkerKind, type MarkerMatch } from './markers'
import { PlaceholderCollector } from './placeholders'
import { findSignature, looksLikeOrganization, parseDateLine } from './signature'
import { distinctTitles, splitDocuments } from './split'
import { tableRows } from './table'
import { extractTitle } from './title'

export interface RecognizeOptions {
  /** remove web junk lines (site banners, "来源:…", disclaimers, URLs, page counters …) */
  clean?: boolean
  /** split a file holding several summaries into one document each */
  split?: boolean
  /** today as yyyy-mm-dd: gives the year to a signature date written "12月26日", flags future dates */
  today?: string
  /**
   * A piece of a document (pasted text), not a whole one: no title, subtitle or signature is
   * taken out, and placeholders stay text (the host document's figure table is not ours to
   * extend here). Never splits.
   */
  fragment?: boolean
  /** with `clean`: 1-based line numbers of lines to keep although they look like junk (the writer's choice) */
  keep?: readonly number[]
}

export interface ImportReport {
  headings: number
  runInHeadings: number
  linesJoined: number
  placeholders: number
  junkRemoved: number
  /** with `clean`: each removed line (1-based line number in the text, its text, why), in reading order */
  junkLines: JunkLine[]
  documents: number
  /**
   * the file clearly holds several summaries (two or more piece labels "篇二"/"第三篇"/"【篇四】", or
   * its title repeated): split is the better choice, whether or not it was asked for
   */
  suggestSplit: boolean
  /** the summaries the file holds when it holds two or more: title (as split would give it) and 字数 */
  pieces: PieceInfo[]
  numberingGaps: NumberingGap[]
  warnings: Message[]
}

export interface PieceInfo {
  title: string
  /** 字数 of the piece's text (countCharacters) */
  chars: number
}

export interface RecognizeResult {
  documents: SummaryDocument[]
  report: ImportReport
}

const JOIN_RULES: JoinRules = {
  startsBlock: (line) =>
    matchMarker(line) !== null || matchWordMarker(line) !== null || matchPiece(line) !== null || isCollectionHeader(line) || parseDateLine(line) !== null,
  isBareMarker: (line) => matchMarker(line)?.rest === '',
  standsAlone: (line) => parseDateLine(line) !== null || matchPiece(line) !== null || isCollectionHeader(line),
}

export function recognize(text: string, opts: RecognizeOptions = {}): RecognizeResult {
  const report: ImportReport = {
    headings: 0, runInHeadings: 0, linesJoined: 0, placeholders: 0, junkRemoved: 0, junkLines: [], documents: 0,
    suggestSplit: false, pieces: [], numberingGaps: [], warnings: [],
  }
  const input = typeof text === 'string' ? text : ''
  const normalized = splitLines(input)
  if (normalized.controlRemoved) report.warnings.push(msg('import.controlRemoved', { count: normalized.controlRemoved }))
  let lines = normalized.lines
  if (opts.clean) {
    const cleaned = removeJunk(lines, new Set(opts.keep ?? []))
    lines = cleaned.lines
    report.junkRemoved = cleaned.removed.length
    report.junkLines = cleaned.removed
    report.linesJoined = cleaned.joined
  }
  const joined = joinWrappedLines(lines, JOIN_RULES)
  report.linesJoined += joined.joined

  const split = opts.fragment ? null : splitDocuments(joined.lines)
  const pieceSegments = split && split.segments.length >= 2 ? split.segments : null
  const fallbacks = pieceSegments ? pieceSegments.map((segment) => fallbackTitle(segment, split!.collectionTitle)) : []
  if (pieceSegments) {
    const titles = distinctTitles(pieceSegments.map((segment, k) => extractTitle(segment).title || fallbacks[k]!))
    report.pieces = pieceSegments.map((segment, k) => ({ title: titles[k]!, chars: pieceCharacters(segment) }))
    report.suggestSplit = split!.clear
  }

  let documents: SummaryDocument[]
  if (opts.split && split) {
    const segments = split.segments.length ? split.segments : [[]]
    report.warnings.push(...split.warnings)
    documents = segments.map((segment, k) => buildDocument(segment, opts, report, fallbacks[k] ?? ''))
    const titles = distinctTitles(documents.map((d) => d.title))
    documents.forEach((d, k) => (d.title = titles[k]!))
  } else documents = [buildDocument(joined.lines, opts, report, '')]
  report.documents = documents.length
  return { documents, report }
}

/** 字数 of a piece: its text without the piece label ("篇二", "…总结 篇二" → "…总结"). */
function pieceCharacters(segment: readonly string[]): number {
  let from = 0
  while (from < segment.length && matchPiece(segment[from]!)?.title === '') from++
  if (from >= segment.length) return 0
  return countCharacters(stripCollectionLabel(segment[from]!)) + countCharacters(segment.slice(from + 1).join('\n'))
}

/** The title of a piece that starts with a bare label ("【篇三】") and no title line: the collection's, or the label. */
function fallbackTitle(segment: readonly string[], collectionTitle: string): string {
  const first = segment[0]
  if (first === undefined || matchPiece(first)?.title !== '') return ''
  return collectionTitle || first.replace(/^[【[(（〔]\s*|\s*[】\])）〕][:：、.．]?$/g, '').replace(/[:：、.．]$/, '')
}

interface BodyLine {
  text: string
  marker?: MarkerMatch
  shape?: HeadingShape
  /** a part heading without a number ("存在的问题"), level 1 */
  part?: boolean
  /** a row of a table pasted as text (table.ts): its cells */
  cells?: string[]
}

/**
 * Part headings without numbers ("存在的问题", "下一步工作打算", "20xx年工作计划:"): level 1, so the
 * numbered items under them restart. Not the last line, not a line the body text runs into, and
 * never before a "一、" heading: as a level-1 heading it would take a number, and every "一、二、三、"
 * after it would print one higher than the writer typed ("第一部分 工作回顾" then "一、…").
 */
function markPartHeadings(items: BodyLine[]): void {
  // the number of the next "一、"-kind heading after each line (0: none)
  const nextCnAfter = new Array<number>(items.length).fill(0)
  for (let i = items.length - 2; i >= 0; i--) {
    const next = items[i + 1]!.marker
    nextCnAfter[i] = next?.kind === 'cn' || next?.kind === 'chapter' ? next.number : nextCnAfter[i + 1]!
  }
  for (let i = 0; i < items.length - 1; i++) {
    const item = items[i]!
    if (item.marker) continue
    const text = item.text
    if (item.cells || !isPartHeadingText(text) || parseDateLine(text) || looksLikeOrganization(text) || junkKind(text) || matchPiece(text) || isCollectionHeader(text)) continue
    // a "一、" heading after it would print one number higher than typed: the part line stays text
    if (nextCnAfter[i]! > 0) continue
    item.part = true
  }
}

/**
 * 第一章/第一部分 and 第一节 are headings only where the document does not number the same level
 * 一、 or （一） as well: "第一部分 工作回顾" above "一、…" is a part line of the text, so the typed
 * "一、二、" keep their numbers (a level holds one numbering).
 */
function dropWordMarkersBesideTyped(items: BodyLine[]): void {
  const kinds = new Set(items.flatMap((item) => (item.marker ? [item.marker.kind] : [])))
  for (const item of items) {
    const kind = item.marker?.kind
    if ((kind === 'chapter' && kinds.has('cn')) || (kind === 'section' && kinds.has('cnParen'))) {
      delete item.marker
      delete item.shape
    }
  }
}

/** The longest item of a list written inside a paragraph (characters after the number). */
const MAX_LIST_ITEM = 60

/**
 * A numbered list inside a paragraph: a sentence ending in a colon ("重点抓了三件事：") and under
 * it short items numbered 1, 2, 3 … of one kind, closed by "；" ("1.人民调解规范化；"), none with
 * text running on after its first sentence. They are the sentence's items, not level-3 headings:
 * they stay paragraphs with their numbers as typed ("1、" stays "1、").
 */
function markInlineLists(items: BodyLine[]): void {
  for (let i = 0; i < items.length - 2; i++) {
    const lead = items[i]!
    if (lead.marker || lead.part || lead.cells || !/[:：]$/.test(lead.text)) continue
    const kind = items[i + 1]!.marker?.kind
    if (kind !== 'arDot' && kind !== 'arDun' && kind !== 'arParen') continue
    let j = i + 1
    let semicolons = 0
    while (j < items.length) {
      const item = items[j]!
      if (item.marker?.kind !== kind || item.marker.number !== j - i || item.shape?.body !== undefined || item.marker.rest.length > MAX_LIST_ITEM) break
      if (/[；;]$/.test(item.text)) semicolons++
      j++
    }
    const count = j - i - 1
    if (count < 2 || semicolons < count - 1) continue
    for (let k = i + 1; k < j; k++) {
      delete items[k]!.marker
      delete items[k]!.shape
    }
    i = j - 1
  }
}

/**
 * Numbered lines that are whole sentences with nothing under them — the items of a plan
 * ("1.加强培训，确保人人过关。" under "下步工作打算：") — are no headings: a heading with no body is what a
 * writer sees as a mistake. Decided per run of siblings (one level, one parent heading), so the
 * numbers the editor derives never skip:
 *   - a run of list items (level 3 or 4: 1、 1. (1)) where no item has anything under it (body text or deeper headings; the last of two or
 *     more may have text, when it is a sentence: remarks closing the list), and where
 *     sentence items are most of it, or no item runs in, stays paragraphs with its numbers as
 *     typed ("1、" stays "1、"). A run-in item counts as a sentence item when its title was cut at
 *     a clause mark (a sentence too long to be a title);
 *   - elsewhere — and always for section headings (一、 （一）), which keep the numbers the
 *     writer typed — a long sentence item with nothing under it runs in, cut after its first
 *     clause group (like a long line without a sentence end).
 * Only where a heading would be left empty: a run whose items all run in is left alone.
 * Short items are titles whatever their punctuation ("强化督查。", "三、教师队伍建设"), and so are
 * sentence-shaped items beside siblings that have bodies ("四、坚持…，进一步…。" among headings of
 * the same shape): a section heading directly followed by its sub-headings stays a heading.
 */
function markSentenceItems(items: BodyLine[], levels: ReadonlyMap<MarkerKind, HeadingLevel>): void {
  const levelOf = (item: BodyLine | undefined): number | null =>
    item?.part ? 1 : item?.marker && item.shape ? (levels.get(item.marker.kind) ?? 4) : null
  const lvl = items.map(levelOf)
  // nothing under item i: the next line is a heading at its level or above (or there is none)
  const bare = (i: number) => {
    const next = lvl[i + 1]
    return i + 1 >= items.length || (next !== null && next !== undefined && next <= lvl[i]!)
  }
  // only paragraphs under item i, no deeper heading, up to the next heading at its level or above
  const onlyTextUnder = (i: number) => {
    let j = i + 1
    while (j < items.length && lvl[j] === null) j++
    return j >= items.length || lvl[j]! <= lvl[i]!
  }
  const sentence = (item: BodyLine) =>
    item.shape!.body === undefined ? isSentenceLine(item.marker!.rest) : endsInClauseMark(item.shape!.title)
  const decide = (run: number[]) => {
    if (run.some((i) => items[i]!.part)) return
    // section headings (一、 and （一）) keep their numbers; list items are numbered 1、 1. (1)
    const listLevel = lvl[run[0]!]! >= 3
    // the last item may have text under it when it is a sentence itself: closing remarks after the list
    const last = run[run.length - 1]!
    if (listLevel && run.slice(0, -1).every(bare) && (bare(last) || (run.length >= 2 && sentence(items[last]!) && onlyTextUnder(last)))) {
      const sentences = run.filter((i) => sentence(items[i]!)).length
      const noRunIn = run.every((i) => items[i]!.shape!.body === undefined)
      // only where a heading would be left empty: run-in items all have their text
      const empty = run.some((i) => items[i]!.shape!.body === undefined)
      if (empty && sentences > 0 && (sentences * 2 > run.length || noRunIn)) {
        for (const i of run) {
          delete items[i]!.marker
          delete items[i]!.shape
        }
        return
      }
    }
    for (const i of run) {
      const item = items[i]!
      if (item.shape!.body !== undefined || !bare(i)) continue
      const shape = runInLongSentence(item.marker!.rest)
      if (shape) item.shape = shape
    }
  }
  // the open run of siblings per level (1–4)
  const runs: number[][] = [[], [], [], [], []]
  const close = (from: number) => {
    for (let l = from; l <= 4; l++) {
      if (runs[l]!.length) decide(runs[l]!)
      runs[l] = []
    }
  }
  items.forEach((_, i) => {
    const l = lvl[i]
    if (l === null || l === undefined) return
    close(l + 1)
    runs[l]!.push(i)
  })
  close(1)
}

function buildDocument(lines: readonly string[], opts: RecognizeOptions, report: ImportReport, fallback: string): SummaryDocument {
  const parts = opts.fragment ? { title: '', subtitle: undefined, body: [...lines] } : extractTitle(lines)
  const { subtitle, body } = parts
  const title = parts.title || fallback

  let signature: Signature | undefined
  const found = opts.fragment ? null : findSignature(body, opts.today)
  if (found) {
    signature = { organization: found.organization, dateStyle: found.date?.style ?? 'arabic' }
    if (found.date) {
      signature.date = found.date.iso
      if (opts.today && /^\d{4}-\d{2}-\d{2}$/.test(opts.today) && found.date.iso > opts.today) {
        report.warnings.push(msg('import.futureDate', { title, date: found.date.iso, today: opts.today }))
      }
    }
    for (const i of [...found.used].sort((a, b) => b - a)) body.splice(i, 1)
  }

  // a marker with nothing after it (a bare "一、" the wrap did not join) is not a heading
  const rows = tableRows(body)
  const attachments = attachmentItems(body)
  const items: BodyLine[] = body.map((text, i) => {
    const cells = rows[i]
    if (cells) return { text, cells }
    if (attachments[i]) return { text }
    const marker = matchMarker(text) ?? matchWordMarker(text)
    return marker && marker.rest ? { text, marker, shape: shapeHeading(marker.rest) } : { text }
  })
  dropWordMarkersBesideTyped(items)
  const levels = levelMap(items.flatMap((item) => (item.marker ? [item.marker] : [])))
  if (!opts.fragment) markPartHeadings(items)
  markInlineLists(items)
  if (!opts.fragment) markSentenceItems(items, levels)

  const numbering = new NumberingTracker()
  /** the markers as the writer typed them, for the document's numbering style */
  const typed: { level: HeadingLevel; marker: MarkerMatch }[] = []
  const figures = opts.fragment ? { figures: [] as Figure[], toInlines: (text: string): Inline[] => (text ? [{ type: 'text', text }] : []) } : new PlaceholderCollector()
  const blocks: Block[] = []
  items.forEach((item, i) => {
    if (item.cells) {
      // consecutive rows are one table
      const row = item.cells.map((cell) => figures.toInlines(cell))
      const prev = blocks[blocks.length - 1]
      if (prev?.type === 'table' && items[i - 1]?.cells) prev.rows.push(row)
      else blocks.push({ type: 'table', rows: [row] })
      return
    }
    blocks.push(blockOf(item))
  })
  function blockOf(item: BodyLine): Block {
    if (item.part) {
      numbering.unnumbered(1)
      report.headings++
      return { type: 'heading', level: 1, title: figures.toInlines(item.text) }
    }
    if (!item.marker || !item.shape) return { type: 'paragraph', children: figures.toInlines(item.text) }
    const level: HeadingLevel = levels.get(item.marker.kind) ?? 4
    numbering.see(level, item.marker, blocks.length)
    typed.push({ level, marker: item.marker })
    report.headings++
    const heading: Block = { type: 'heading', level, title: figures.toInlines(item.shape.title) }
    if (item.shape.body !== undefined) {
      heading.body = figures.toInlines(item.shape.body)
      report.runInHeadings++
    }
    return heading
  }
  if (blocks.length === 0) blocks.push({ type: 'paragraph', children: [] })
  report.placeholders += figures.figures.length

  const doc: SummaryDocument = { version: MODEL_VERSION, title, blocks, figures: figures.figures }
  if (subtitle !== undefined) doc.subtitle = subtitle
  if (signature) doc.signature = signature
  const style = opts.fragment ? undefined : numberingStyleOf(typed)
  if (style) doc.numbering = style
  report.numberingGaps.push(...describeGaps(numbering.gaps, blocks, style))
  if (!opts.fragment) report.warnings.push(...mixedNumbering(typed, style, title))
  return doc
}

/**
 * A level whose headings the writer numbered in several ways ("1)" here, "⑴" there): the model
 * keeps one style per level (the one most headings use), so the others print in it — said in the
 * import report, so the writer knows and can pick another in 整理 → 序号样式.
 */
function mixedNumbering(typed: readonly { level: HeadingLevel; marker: MarkerMatch }[], style: NumberingStyle | undefined, title: string): Message[] {
  const out: Message[] = []
  for (const level of [1, 2, 3, 4] as const) {
    const forms = new Set<string>()
    for (const t of typed) if (t.level === level) forms.add(variantOf(level, t.marker) ?? headingMarker(level, 1))
    if (forms.size < 2) continue
    out.push(msg('import.numberingMixed', { title, level, typed: [...forms].join(' '), shown: headingMarker(level, 1, style).trim() }))
  }
  return out
}

/**
 * The writer's irregular numbers ("一、二、四、", a list starting at "2、"), each with its heading
 * and the number it prints now. Numbers follow the levels, so the structure is kept and the
 * numbering closed up; the import report lists where, so nothing changes without the writer knowing.
 */
function describeGaps(gaps: readonly TrackedGap[], blocks: readonly Block[], style: NumberingStyle | undefined): NumberingGap[] {
  if (gaps.length === 0) return []
  const numbers = headingNumbersOf(blocks, style)
  const numberAt = new Map<number, string>()
  let k = 0
  blocks.forEach((b, i) => b.type === 'heading' && numberAt.set(i, numbers[k++]!))
  return gaps.map(({ block, ...gap }) => {
    const b = blocks[block]
    const heading = b?.type === 'heading' ? b.title.map((x) => (x.type === 'text' ? x.text : '…')).join('') : ''
    return { ...gap, heading: heading.length > 20 ? `${heading.slice(0, 20)}…` : heading, now: numberAt.get(block) ?? '' }
  })
}

/** "附件：1.…", "附件:" — the attachment note under the body (GB/T 9704 §7.3.6). */
const ATTACHMENT_NOTE = /^附[ \u3000]*件[ \u3000]*[:：]/

/**
 * The lines of attachment notes ("附件：1.2025年项目清单" and the "2.…" lines under it): the
 * writer's list of attached files, never headings — a "2.防汛物资明细表" there is no level-3
 * heading. The list runs on while the lines carry an Arabic number.
 */
function attachmentItems(body: readonly string[]): boolean[] {
  const out = new Array<boolean>(body.length).fill(false)
  let inList = false
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!
    if (ATTACHMENT_NOTE.test(line)) {
      out[i] = true
      inList = true
      continue
    }
    const kind: MarkerKind | undefined = inList ? matchMarker(line)?.kind : undefined
    inList = kind === 'arDot' || kind === 'arDun' || kind === 'arParen'
    out[i] = inList
  }
  return out
}
