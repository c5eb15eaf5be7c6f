/**
 * The document's numbering style (model `numbering`: "1、" instead of "1." and the like) lives in
 * the editor state as NodeState on the root, `$['dd-numbering']`, the way the figure table does
 * (figures/state.ts): changing it is an editor update, so it is one undo step, autosave sees it,
 * and in team mode it travels with the text. Absent = GB/T 9704.
 */
import { $getRoot, $getState, $setState, createState } from 'lexical'
import { NUMBERING_STATE_KEY } from '../../../shared/document/lexicalState'
import { NumberingStyleSchema, type NumberingStyle } from '../../../shared/document/model'
import { normalizeNumberingStyle, sameNumberingStyle } from '../../../shared/document/numbering'

function parseStyle(value: unknown): NumberingStyle | undefined {
  const parsed = NumberingStyleSchema.safeParse(value)
  return parsed.success ? normalizeNumberingStyle(parsed.data) : undefined
}

export const numberingState = createState(NUMBERING_STATE_KEY, { parse: parseStyle, isEqual: sameNumberingStyle })

export function $getNumberingStyle(): NumberingStyle | undefined {
  return $getState($getRoot(), numberingState)
}

export function $setNumberingStyle(style: NumberingStyle | undefined): void {
  $setState($getRoot(), numberingState, normalizeNumberingStyle(style))
}
