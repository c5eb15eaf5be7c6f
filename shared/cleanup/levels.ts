/**
 * 规范层级: close skipped heading levels to GB/T 9704's strict sequence 一、 → （一） → 1. → （1）.
 *
 * Imported text keeps the levels its numbers have ("一、" then "1、" is level 1 then level 3, so the
 * printed numbers are the ones the writer typed). This command is the writer's choice to close
 * such gaps: each heading goes to one level below its nearest shallower heading above it (a
 * heading with none above it goes to level 1). So 一、 / 1. / 1. / （1） becomes 一、 / （一） / （二） / 1.,
 * and a document whose top headings are "1." gets "一、" there. Headings already in sequence do
 * not move; body text is untouched.
 *
 * GB/T's sequence is also GB/T's markers: a document numbered in a variant style ("1、", "(1)",
 * see NumberingStyle) goes back to 一、 （一） 1. （1）, and those numbers are in the preview too.
 *
 * The preview lists every heading whose derived number changes (a level change also renumbers
 * its later siblings), with the number before and after and the start of the heading's title.
 */
import type { Block, HeadingLevel, SummaryDocument } from '../document/model'
import { numberHeadings } from '../document/numbering'
import type { CleanupChange } from './document'

/** The strict level of each heading (by position among the headings), closing skipped levels. */
export function strictLevels(levels: readonly HeadingLevel[]): HeadingLevel[] {
  const stack: HeadingLevel[] = [] // original levels of the open ancestors
  return levels.map((level) => {
    while (stack.length && stack[stack.length - 1]! >= level) stack.pop()
    stack.push(level)
    return Math.min(4, stack.length) as HeadingLevel
  })
}

function titleText(block: Extract<Block, { type: 'heading' }>, doc: SummaryDocument): string {
  return block.title
    .map((i) => (i.type === 'text' ? i.text : `［${doc.figures.find((f) => f.id === i.figureId)?.name ?? ''}］`))
    .join('')
}

export function levelChanges(doc: SummaryDocument, contextChars: number): { changes: CleanupChange[]; result: SummaryDocument } {
  const at: number[] = []
  const levels: HeadingLevel[] = []
  doc.blocks.forEach((b, i) => {
    if (b.type === 'heading') {
      at.push(i)
      levels.push(b.level)
    }
  })
  const strict = strictLevels(levels)
  const styled = doc.numbering !== undefined
  if (strict.every((l, k) => l === levels[k]) && !styled) return { changes: [], result: doc }
  const before = numberHeadings(levels, doc.numbering)
  const after = numberHeadings(strict)
  const blocks = doc.blocks.slice()
  const changes: CleanupChange[] = []
  at.forEach((blockIndex, k) => {
    const block = doc.blocks[blockIndex] as Extract<Block, { type: 'heading' }>
    if (strict[k] !== levels[k]) blocks[blockIndex] = { ...block, level: strict[k]! }
    if (before[k] === after[k]) return
    const context = titleText(block, doc).slice(0, contextChars)
    changes.push({
      target: { kind: 'headingTitle', blockIndex },
      blockIndex,
      path: ['blocks', blockIndex, 'level'],
      offset: 0,
      removed: before[k]!,
      inserted: after[k]!,
      contextBefore: '',
      contextAfter: context,
      before: before[k]! + context,
      after: after[k]! + context,
    })
  })
  const result: SummaryDocument = { ...doc, blocks }
  delete result.numbering
  return { changes, result }
}
