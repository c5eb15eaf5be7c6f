/**
 * The Chinese text toolkit: numerals both ways, full-/half-width folding, character classes of
 * Chinese text, and 字数. Pure and dependency-free: every other part of shared/ may use it.
 */
export * from './chars'
export * from './count'
export * from './csvCell'
export * from './numerals'
export * from './width'
