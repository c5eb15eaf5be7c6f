/**
 * The text recognizer: pasted or imported plain text → SummaryDocument(s). See README.md here for
 * the rules it follows; recognize() is the one entry point, the matchers are exported for reuse
 * (e.g. the editor's paste handler asking "is this line a heading?").
 */
export { recognize } from './recognize'
export type { ImportReport, PieceInfo, RecognizeOptions, RecognizeResult } from './recognize'
export type { NumberingGap } from './headings'
export { matchMarker, matchWordMarker, levelMap, MARKER_RANK } from './markers'
export type { MarkerKind, MarkerMatch } from './markers'
export { shapeHeading, MAX_HEADING_CHARS } from './headings'
export { findPlaceholders } from './placeholders'
export { parseDateLine } from './signature'
export { junkKind } from './junk'
export type { JunkKind, JunkLine } from './junk'
