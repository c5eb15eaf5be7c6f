/**
 * The figure table (数据表), pure: numbers, formulas, formatting, scanning prose, checks,
 * spreadsheets. Other features import from here:
 *   - exports: `figureFormatter(doc.figures)` (figure id → "1000余份" / "〔会议次数〕"),
 *     `figureAppendixTable(doc.figures)` for the 附表 block, `figureChecks(doc)` for the
 *     pre-export check.
 */
export * from './appendix'
export * from './checks'
export * from './compare'
export * from './edit'
export * from './format'
export * from './formula'
export * from './id'
export * from './numbers'
export * from './row'
export * from './scan'
export * from './sheet'
