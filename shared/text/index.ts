/**
 * The Chinese text toolkit: numerals both ways, full-/half-width folding, character classes of
 * Chinese text, 字数, and comparing two texts (diff.ts). Pure and dependency-free: every other
 * part of shared/ may use it.
 */
export * from './chars'
export * from './count'
export * from './csvCell'
export * from './diff'
export * from './numerals'
export * from './width'
