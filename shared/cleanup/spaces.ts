/**
 * Stray spaces (多余空格).
 *
 * Chinese text sets no spaces between characters; spaces inside it come from web pages, PDFs and
 * hard-wrapped lines. "Spaces" here are the half-width space, tab, no-break space, ideographic
 * (full-width) space U+3000, the other Unicode spaces U+2000–U+200B and the BOM; a line break
 * ("\n") is never one.
 *
 *  - A run of spaces goes when both its neighbours are Chinese: two Han characters ("社区 建设"),
 *    a Han character and Chinese punctuation ("工作 。" · "“ 文明”"), or two Chinese punctuation
 *    marks ("。 “"). Chinese punctuation is the CJK and full-width punctuation (、。《》【】，：…);
 *    the marks Western text shares (“ ” ‘ ’ … — ·) count only next to a Han character or a
 *    CJK/full-width mark, so "the “best” way" keeps its spaces.
 *  - Spaces at the start and end of a text and of each line in it go (leading ideographic-space indentation
 *    typed by hand: the layout indents paragraphs itself).
 *  - Spaces between Chinese and Latin letters or digits are the writer's choice and stay
 *    ("使用 Excel 表格", "共 3 次"); so do spaces between Latin words and next to a figure
 *    reference (a figure renders digits).
 */
import { isCjkPunctuation, isHanCodePoint, isSharedPunctuation } from '../text'
import { FIGURE_MARK, codePointAt, isBlankCode } from './chars'
import { applyEdits, type TextEdit } from './edits'

type SpaceSide = 'boundary' | 'han' | 'cjk' | 'shared' | 'other'

function side(text: string, i: number): SpaceSide {
  if (i < 0 || i >= text.length || text[i] === '\n') return 'boundary'
  if (text[i] === FIGURE_MARK) return 'other'
  const c = text.charCodeAt(i)
  if (isCjkPunctuation(c)) return 'cjk'
  if (isSharedPunctuation(c)) return 'shared'
  return isHanCodePoint(codePointAt(text, i)) ? 'han' : 'other'
}

function removable(left: SpaceSide, right: SpaceSide): boolean {
  if (left === 'boundary' || right === 'boundary') return true
  if (left === 'other' || right === 'other') return false
  // both Chinese-ish; at least one must be unambiguously Chinese
  return left !== 'shared' || right !== 'shared'
}

/** Edits removing the stray spaces of `text` (see the rules above). */
export function spaceEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = []
  let i = 0
  while (i < text.length) {
    if (!isBlankCode(text.charCodeAt(i))) { i++; continue }
    const start = i
    while (i < text.length && isBlankCode(text.charCodeAt(i))) i++
    if (removable(side(text, start - 1), side(text, i))) edits.push({ start, end: i, text: '' })
  }
  return edits
}

/** `text` without its stray spaces. */
export function removeStraySpaces(text: string): string {
  return applyEdits(text, spaceEdits(text))
}
