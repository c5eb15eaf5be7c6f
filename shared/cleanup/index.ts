/**
 * Cleanup commands (文本整理): whole-document fixes for text copied from the web and from old
 * drafts. Each command previews first — the list of changes with some context, and the document
 * with all of them applied — so the UI can show the list and apply the result as one undoable step.
 *
 *   punctuation  half-width , : ; ( ) ! ? " ... in Chinese text → full-width   (punctuation.ts)
 *   listMarkers  "1、" / "１、" at the start of a paragraph or line → "1."      (listMarkers.ts)
 *   t2s / s2t    Traditional ⇄ Simplified with OpenCC, loaded on first use     (chinese.ts)
 *   spaces       spaces between Chinese characters and punctuation removed     (spaces.ts)
 *   levels       规范层级: skipped heading levels closed (一、 → 1. becomes 一、 → （一）) (levels.ts)
 *
 * Every command works on text inlines only (figure references are never touched) across the title,
 * subtitle, heading titles and run-in bodies, paragraphs, table cells and the signature's
 * organization name; how marks are kept is described in document.ts. Pure TypeScript.
 */
import type { SummaryDocument } from '../document/model'
import { conversionEdits, loadChineseConverter, type TextConverter, type TraditionalVariant } from './chinese'
import { DEFAULT_CONTEXT_CHARS, runRule, type CleanupChange, type CleanupTarget, type TextRule } from './document'
import { levelChanges } from './levels'
import { listMarkerEdits } from './listMarkers'
import { punctuationEdits } from './punctuation'
import { spaceEdits } from './spaces'

export type { CleanupChange, CleanupTarget, ModelPath, TextRule } from './document'
export type { TextEdit } from './edits'
export type { ChineseDirection, TextConverter, TraditionalVariant } from './chinese'
export { applyEdits } from './edits'
export { halfToFullPunctuation, punctuationEdits } from './punctuation'
export { listMarkerToDot, listMarkerEdits } from './listMarkers'
export { removeStraySpaces, spaceEdits } from './spaces'
export { loadChineseConverter, simplifiedToTraditional, traditionalToSimplified } from './chinese'
export { runRule } from './document'
export { levelChanges, strictLevels } from './levels'

export const CLEANUP_COMMANDS = ['punctuation', 'listMarkers', 't2s', 's2t', 'spaces', 'levels'] as const
export type CleanupCommand = (typeof CLEANUP_COMMANDS)[number]
/** The commands that need no dictionary and so run synchronously. */
export type SyncCleanupCommand = Exclude<CleanupCommand, 't2s' | 's2t'>

export function isCleanupCommand(value: unknown): value is CleanupCommand {
  return typeof value === 'string' && (CLEANUP_COMMANDS as readonly string[]).includes(value)
}

export interface CleanupOptions {
  /** target forms of 's2t' (default 't', OpenCC standard Traditional) */
  traditional?: TraditionalVariant
  /** characters of context either side of a change in the preview (default 12) */
  contextChars?: number
}

export interface CleanupPreview {
  command: CleanupCommand
  /** in reading order; empty when the command has nothing to do */
  changes: CleanupChange[]
  /** the document with every change applied; the very `doc` passed in when nothing changed */
  result: SummaryDocument
}

/** Where a paragraph starts: list markers are looked for only there (and at line starts). */
function startsParagraphs(target: CleanupTarget): boolean {
  return target.kind === 'paragraph' || target.kind === 'headingTitle' || target.kind === 'tableCell'
}

const SYNC_RULES: Record<Exclude<SyncCleanupCommand, 'levels'>, TextRule> = {
  punctuation: (text) => punctuationEdits(text),
  listMarkers: (text, target) => (startsParagraphs(target) ? listMarkerEdits(text) : []),
  spaces: (text) => spaceEdits(text),
}

function conversionRule(convert: TextConverter): TextRule {
  return (text) => conversionEdits(text, convert)
}

/** Preview a command that needs no dictionary ('punctuation', 'listMarkers', 'spaces', 'levels'). */
export function previewCleanupSync(doc: SummaryDocument, command: SyncCleanupCommand, options: CleanupOptions = {}): CleanupPreview {
  if (command === 'levels') return { command, ...levelChanges(doc, options.contextChars ?? DEFAULT_CONTEXT_CHARS) }
  const { changes, result } = runRule(doc, SYNC_RULES[command], options.contextChars ?? DEFAULT_CONTEXT_CHARS)
  return { command, changes, result }
}

/** Preview any command; 't2s' and 's2t' load their OpenCC dictionaries on first use. */
export async function previewCleanup(doc: SummaryDocument, command: CleanupCommand, options: CleanupOptions = {}): Promise<CleanupPreview> {
  if (command !== 't2s' && command !== 's2t') return previewCleanupSync(doc, command, options)
  const convert = await loadChineseConverter(command, options.traditional ?? 't')
  const { changes, result } = runRule(doc, conversionRule(convert), options.contextChars ?? DEFAULT_CONTEXT_CHARS)
  return { command, changes, result }
}
